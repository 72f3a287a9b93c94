#include "Reloader_p.h"

#include "EvaluationDeadline_p.h"
#include "LineShifter_p.h"
#include "ModulePlanner_p.h"
#include "ObjectMerge_p.h"
#include "Overrides_p.h"
#include "ReloadTransaction_p.h"
#include "ReloadValues_p.h"
#include "StatementPlan_p.h"
#include "StatementScanner_p.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <vector>

// The reload of one module: the plan (ModulePlanner), running what changed
// under a time limit, and the merge (ObjectMerge) as one transaction.

using namespace reloading;

namespace {

double s_timeLimit = 5.0;

PyObject *reloadTimeoutType()
{
    static PyObject *type = PyErr_NewExceptionWithDoc(
        "relive.ReloadTimeout",
        "Raised in a module body that runs longer than the reload time limit.",
        PyExc_BaseException, nullptr);
    return type;
}

// __relive_upgrade__(self): called once on every existing instance of a class
// updated by this reload that defines it. Finding the instances is the one
// walk of the heap a reload does, and only when such a hook exists.
void runUpgradeHooks(const std::vector<py::object> &updated, ReloadReport &report)
{
    std::vector<py::object> hooked;
    for (const py::object &cls : updated) {
        if (py::hasattr(cls, "__relive_upgrade__"))
            hooked.push_back(cls);
    }
    if (hooked.empty())
        return;
    std::vector<py::object> instances;
    for (py::handle object : py::module_::import("gc").attr("get_objects")()) {
        PyTypeObject *type = Py_TYPE(object.ptr());
        for (const py::object &cls : hooked) {
            if (PyType_IsSubtype(type, reinterpret_cast<PyTypeObject *>(cls.ptr()))) {
                instances.push_back(py::reinterpret_borrow<py::object>(object));
                break;
            }
        }
    }
    int failures = 0;
    for (py::object &instance : instances) {
        try {
            instance.attr("__relive_upgrade__")();
        } catch (py::error_already_set &e) {
            if (failures++ < 5)
                report.warnings << QStringLiteral("%1.__relive_upgrade__ raised on an instance: %2")
                                       .arg(toQString(py::type::of(instance).attr("__qualname__")),
                                            QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        }
    }
    if (!instances.empty())
        report.actions.append({toQString(hooked.front().attr("__qualname__")),
                               QStringLiteral("__relive_upgrade__ called on %1 instance(s)").arg(instances.size())});
}

// Where a time limit stopped the body, as the line of the loop that was
// running there (relive_statements.loop_line): the line CPython gives the
// instruction it stopped at differs between versions. Only the top-level
// statement holding `line` is parsed, so a large file costs nothing more.
int loopLine(const QByteArray &source, const std::string &file, int line)
{
    if (line <= 0)
        return line;
    for (const StatementScanner::Statement &s : StatementScanner::scan(source)) {
        if (line < s.firstLine || line > s.lastLine)
            continue;
        try {
            const std::string_view text = StatementScanner::text(source, s);
            py::object nodes = statements().attr("parse_statements")(py::str(text.data(), text.size()), file,
                                                                     s.firstLine);
            return statements().attr("loop_line")(nodes, line).cast<int>();
        } catch (py::error_already_set &) {
            return line;
        }
    }
    return line;
}

// An override of a function this save left alone stays on top as well, and
// what a revert installs is now that function as the saved file has it. An
// override whose function the save changed or removed is reported by the merge.
void reportOverridesKept(const QString &path, ReloadReport &report)
{
    for (const QString &name : Overrides::activeIn(path)) {
        const bool reported = std::any_of(report.actions.cbegin(), report.actions.cend(), [&](const ReloadAction &a) {
            return a.object == name
                   || (a.action == QLatin1String("removed") && name.startsWith(a.object + QLatin1Char('.')));
        });
        if (!reported)
            report.actions.append({name, QStringLiteral("override kept on top; revert restores the saved version")});
    }
}

} // namespace

bool Reloader::adoptClass(py::module_ module, const QString &path, const QString &name, py::handle oldCls,
                          py::handle oldNode, py::handle newCls, py::handle newNode, ReloadReport &report)
{
    ObjectMerge merge(path, report, nullptr, nullptr);
    Transaction tx;
    try {
        if (!merge.updateClass(tx, oldCls, newCls, oldNode, newNode, name, {}, /*adopted=*/true))
            return false;
        module.attr("__dict__")[py::str(name.toStdString())] = oldCls;
        // Files of the namespace saved while both files defined the class
        // may have imported the pasted one (`from .b import Base`): they
        // bind the kept class too. Only module dicts are read, not the heap.
        const QString top = toQString(module.attr("__name__")).section(QLatin1Char('.'), 0, 0);
        py::dict modules = py::module_::import("sys").attr("modules").attr("copy")();
        for (auto item : modules) {
            const QString moduleName = toQString(item.first);
            if ((moduleName != top && !moduleName.startsWith(top + QLatin1Char('.')))
                || !PyModule_Check(item.second.ptr()))
                continue;
            py::dict globals = py::dict(item.second.attr("__dict__")).attr("copy")();
            for (auto binding : globals) {
                if (binding.second.is(newCls))
                    item.second.attr("__dict__")[binding.first] = oldCls;
            }
        }
    } catch (py::error_already_set &e) {
        tx.rollback();
        merge.warn(name, QStringLiteral("cannot be adopted by %1 (%2); it keeps its old definition")
                             .arg(toQString(module.attr("__name__")), QString::fromUtf8(e.what())));
        return false;
    }
    merge.action(name, QStringLiteral("moved to %1, class object kept").arg(toQString(module.attr("__name__"))));
    runUpgradeHooks(merge.updatedClasses(), report);
    return true;
}

void Reloader::setTimeLimit(double seconds)
{
    s_timeLimit = seconds;
}

py::object Reloader::timeoutError()
{
    return py::reinterpret_borrow<py::object>(reloadTimeoutType());
}

double Reloader::timeLimit()
{
    return s_timeLimit;
}

QStringList Reloader::boundNames(py::handle statement, bool includeImports)
{
    return toStringList(statements().attr("bound_names")(statement, includeImports));
}

void Reloader::describeError(py::error_already_set &e, const QString &path, ReloadReport &report)
{
    py::object traceback = py::module_::import("traceback");
    py::object value = e.value();
    if (e.trace())
        value.attr("__traceback__") = e.trace();
    py::list lines = traceback.attr("format_exception_only")(value);
    report.error = toQString(py::str("").attr("join")(lines)).trimmed();
    if (report.error.contains(QLatin1Char('\n')))
        report.error = report.error.section(QLatin1Char('\n'), -1).trimmed();
    report.traceback = toQString(py::str("").attr("join")(
        traceback.attr("format_exception")(value)));
    if (py::isinstance(value, py::handle(PyExc_SyntaxError))) {
        // As Python shows a file that does not compile: its line, the caret,
        // the message; the frames that parsed it are Relive's, not the user's.
        report.traceback = toQString(py::str("").attr("join")(lines));
        py::object line = value.attr("lineno");
        py::object offset = value.attr("offset");
        report.errorLine = line.is_none() ? 0 : line.cast<int>();
        report.errorColumn = offset.is_none() ? 0 : offset.cast<int>();
        return;
    }
    if (e.trace()) {
        for (py::handle frame : traceback.attr("extract_tb")(value.attr("__traceback__"))) {
            if (toQString(frame.attr("filename")) == path)
                report.errorLine = frame.attr("lineno").cast<int>();
        }
    }
}

namespace {
// The report says which way the reload went, and why.
void describePath(const ModulePlan &plan, bool firstLoad, ReloadReport &report)
{
    const int run = int(py::len(plan.statements.changed));
    const int kept = int(plan.kept.size());
    const QLocale english(QLocale::English);
    report.statementsRun = run;
    report.statementsKept = kept;
    if (kept == 0) {
        report.path = ReloadReport::Path::WholeModule;
        if (firstLoad)
            report.pathReason = QStringLiteral("first load of this file, nothing to compare with");
        else if (run == 0)
            report.pathReason = QStringLiteral("the file has no statements");
        else
            report.pathReason = QStringLiteral("all %1 statements changed or read a changed name")
                                    .arg(english.toString(run));
        return;
    }
    report.path = ReloadReport::Path::EditedStatements;
    report.pathReason = run == 0 ? QStringLiteral("no statement changed, %1 kept").arg(english.toString(kept))
                                 : QStringLiteral("%1 of %2 statements changed or read a changed name")
                                       .arg(english.toString(run), english.toString(run + kept));
}
}

void Reloader::reload(py::module_ module, const QString &path, const QString &oldSource,
                      const QString &newSource, ReloadReport &report, Context *context)
{
    const std::string file = path.toStdString();
    const QByteArray oldBytes = oldSource.toUtf8();
    const QByteArray newBytes = newSource.toUtf8();

    ModulePlan modulePlan;
    try {
        // Syntax errors of the changed statements are reported here, those
        // only the compiler finds ('return' outside a function) when they are
        // compiled: both before anything runs. Unchanged statements compiled
        // before.
        modulePlan = ModulePlanner(oldBytes, newBytes, path).plan();
    } catch (py::error_already_set &e) {
        describeError(e, path, report);
        return;
    }
    StatementPlan &plan = modulePlan.statements;
    describePath(modulePlan, oldSource.isEmpty(), report);
    if (context)
        context->newTree = modulePlan.wholeTree;
    py::dict globals = module.attr("__dict__");
    // A def whose body alone changed runs without its decorators, and its
    // new code goes to the function the decorators received. Where that
    // function cannot be found in what they returned, the def runs whole.
    std::unordered_map<std::string, py::object> received;
    for (auto it = plan.bodyOnly.begin(); it != plan.bodyOnly.end();) {
        py::str key(it->first);
        py::object function = globals.contains(key)
                                  ? ObjectMerge::receivedFunction(globals[key], QString::fromStdString(it->first), globals)
                                  : py::object();
        if (function) {
            received[it->first] = function;
            ++it;
        } else {
            plan.changed[py::int_(it->second.first)] = it->second.second;
            it = plan.bodyOnly.erase(it);
        }
    }
    // A `from __future__` import changes how the rest compiles: keep it.
    py::list body;
    for (py::handle stmt : modulePlan.future)
        body.append(stmt);
    for (py::handle stmt : plan.changed)
        body.append(stmt);

    py::dict snapshot = globals.attr("copy")();
    auto restoreGlobals = [&] {
        for (auto item : py::reinterpret_borrow<py::dict>(globals.attr("copy")())) {
            if (!snapshot.contains(item.first))
                PyDict_DelItem(globals.ptr(), item.first.ptr());
        }
        for (auto item : snapshot) {
            PyObject *current = PyDict_GetItem(globals.ptr(), item.first.ptr());
            if (current != item.second.ptr())
                PyDict_SetItem(globals.ptr(), item.first.ptr(), item.second.ptr());
        }
    };

    // Unchanged code that moved gets its new lines before the changed
    // statements run: a decorator that moved then makes wrappers with its
    // new lines.
    LineShifter movedDefinitions(path);
    Transaction shiftTx;
    try {
        for (const LineMove &move : modulePlan.kept)
            movedDefinitions.addRange(move.first, move.last, move.delta);
        if (movedDefinitions.size() > 0) {
            const py::object moduleName = module.attr("__name__");
            for (auto item : snapshot) {
                if (!isClass(item.second) || py::getattr(item.second, "__module__", py::none()).equal(moduleName))
                    movedDefinitions.addRoot(item.second);
            }
        }
        movedDefinitions.apply(shiftTx);
    } catch (py::error_already_set &e) {
        shiftTx.rollback();
        describeError(e, path, report);
        return;
    }

    // The defs whose body alone changed bind what their decorators returned
    // (the name a BodyOnly gives them for the run); the functions they make
    // are merged into those the decorators received.
    py::object bodyOnly;
    if (!received.empty()) {
        py::dict decorated;
        for (const auto &item : received)
            decorated[py::str(item.first)] = snapshot[py::str(item.first)];
        bodyOnly = statements().attr("BodyOnly")(decorated);
        globals["__relive_body_only__"] = bodyOnly;
    }
    auto dropBodyOnly = [&] {
        if (bodyOnly && globals.contains("__relive_body_only__"))
            PyDict_DelItemString(globals.ptr(), "__relive_body_only__");
    };
    if (py::len(plan.changed) > 0) {
        try {
            py::object tree = statements().attr("module_of")(body);
            py::object code = py::module_::import("builtins").attr("compile")(tree, file, "exec",
                                                                              py::arg("dont_inherit") = true);
            // The time limit is for running the body only: parsing, compiling
            // and merging take what the file's size asks.
            PyObject *result = nullptr;
            {
                EvaluationDeadline watchdog(s_timeLimit, reloadTimeoutType());
                result = PyEval_EvalCode(code.ptr(), globals.ptr(), globals.ptr());
            }
            if (!result)
                throw py::error_already_set();
            Py_DECREF(result);
            dropBodyOnly();
        } catch (py::error_already_set &e) {
            dropBodyOnly();
            restoreGlobals();
            shiftTx.rollback();
            describeError(e, path, report);
            if (e.matches(reloadTimeoutType())) {
                report.error = QStringLiteral("ReloadTimeout: the module body ran longer than %1 s and was stopped")
                                   .arg(s_timeLimit);
                report.errorLine = loopLine(newBytes, file, report.errorLine);
            }
            return;
        }
    }

    const SourceText oldText(oldBytes);
    const SourceText newText(newBytes);
    ObjectMerge merge(path, report, &oldText, &newText);
    merge.lines().skipShifted(movedDefinitions);
    if (context && context->adopt)
        merge.setAdoption(context->adopt);
    Transaction tx;
    // Classes this file defined and now imports from another file of the
    // namespace (moved there, `from .b import Base` left behind): adopted
    // by that file once this merge is done.
    std::vector<std::tuple<QString, py::object, py::object>> movedAway;
    try {
        for (const QString &name : plan.changedNames) {
            py::str key(name.toStdString());
            if (!globals.contains(key))
                continue;
            py::object newValue = globals[key];
            py::object oldValue = snapshot.contains(key) ? py::object(snapshot[key]) : py::object();
            auto oldNode = plan.oldClassNodes.find(name.toStdString());
            if (oldValue && isClass(oldValue) && isClass(newValue) && !oldValue.is(newValue)
                && oldNode != plan.oldClassNodes.end()
                && plan.newClassNodes.find(name.toStdString()) == plan.newClassNodes.end()
                && toQString(oldValue.attr("__qualname__")) == name
                && toQString(oldValue.attr("__module__")) == toQString(module.attr("__name__"))
                && toQString(newValue.attr("__module__")) != toQString(module.attr("__name__"))) {
                movedAway.emplace_back(name, oldValue, oldNode->second);
                continue;
            }
            auto bodyOnlyDef = received.find(name.toStdString());
            if (bodyOnlyDef != received.end() && oldValue && newValue.is(oldValue)
                && bodyOnly.attr("bare").contains(key)) {
                merge.updateDecorated(tx, oldValue, bodyOnlyDef->second, bodyOnly.attr("bare")[key], name);
                continue;
            }
            py::object kept = merge.mergeValue(tx, oldValue, newValue, py::handle(), name, name, plan);
            if (!kept.is(newValue)) {
                globals[key] = kept;
                tx.undo.push_back([globals, key, newValue]() mutable { globals[key] = newValue; });
            }
        }
        for (const QString &name : modulePlan.removedNames) {
            py::str key(name.toStdString());
            if (globals.contains(key)) {
                py::object value = globals[key];
                auto node = plan.oldClassNodes.find(name.toStdString());
                if (context && isClass(value) && node != plan.oldClassNodes.end()
                    && toQString(value.attr("__qualname__")) == name)
                    context->removedClasses.push_back({name, value, node->second});
                PyDict_DelItem(globals.ptr(), key.ptr());
                py::object v = value;
                tx.undo.push_back([globals, key, v]() mutable { globals[key] = v; });
                merge.action(name, QStringLiteral("removed"));
            }
        }
        merge.updateMadeFunctions(tx);
        merge.shiftMovedLines(tx);
    } catch (py::error_already_set &e) {
        tx.rollback();
        shiftTx.rollback();
        restoreGlobals();
        describeError(e, path, report);
        report.actions.clear();
        if (context)
            context->removedClasses.clear();
        return;
    }
    for (auto &[name, cls, node] : movedAway) {
        // The other file's class is a distinct class until it adopts this
        // one; then this file's import binds the class it adopted.
        py::str key(name.toStdString());
        if (context && context->adoptElsewhere && context->adoptElsewhere(name, cls, node)) {
            globals[key] = cls;
            merge.action(name, QStringLiteral("moved to %1, class object kept; imported from there")
                                   .arg(toQString(cls.attr("__module__"))));
        } else {
            merge.action(name, QStringLiteral("rebound"));
        }
    }
    try {
        for (py::handle done : statements().attr("update_star_importers")(module, snapshot)) {
            py::tuple item = py::reinterpret_borrow<py::tuple>(done);
            merge.action(toQString(item[0]), toQString(item[1]));
        }
    } catch (py::error_already_set &e) {
        merge.warn(toQString(module.attr("__name__")),
                   QStringLiteral("modules that did `from … import *` were not updated: %1").arg(QString::fromUtf8(e.what())));
    }
    runUpgradeHooks(merge.updatedClasses(), report);
    reportOverridesKept(path, report);
    if (context) {
        context->kept = std::move(modulePlan.kept);
        context->ranNames = std::move(modulePlan.ranNames);
    }
    report.actions = ReloadReport::summarisedActions(report.actions);
}
