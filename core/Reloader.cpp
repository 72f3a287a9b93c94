#include "Reloader_p.h"

#include "EvaluationDeadline_p.h"

#include "Overrides_p.h"
#include "PythonResource_p.h"
#include "StatementScanner_p.h"

#include <pybind11/eval.h>

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

double s_timeLimit = 5.0;

QString toQString(py::handle h)
{
    return QString::fromStdString(py::str(h).cast<std::string>());
}

// core/python/relive_statements.py: what a statement binds and reads, and
// the parsing of one top-level statement cut from a file.
py::module_ statements()
{
    return importResourceModule("relive_statements", QStringLiteral("relive_statements.py"));
}

bool isDefinition(py::handle stmt)
{
    return statements().attr("is_definition")(stmt).cast<bool>();
}

QStringList toStringList(py::handle names)
{
    QStringList out;
    for (py::handle n : names)
        out << toQString(n);
    return out;
}

bool isFunction(py::handle h) { return h && PyFunction_Check(h.ptr()); }

// `function`, `functools._lru_cache_wrapper`: the type of a value, for a report.
QString typeLabel(py::handle value)
{
    py::handle type = py::type::of(value);
    const QString module = toQString(py::getattr(type, "__module__", py::str("builtins")));
    const QString name = toQString(type.attr("__qualname__"));
    return module == QLatin1String("builtins") ? name : module + QLatin1Char('.') + name;
}
bool isClass(py::handle h) { return h && PyType_Check(h.ptr()); }

PyObject *reloadTimeoutType()
{
    static PyObject *type = PyErr_NewExceptionWithDoc(
        "relive.ReloadTimeout",
        "Raised in a module body that runs longer than the reload time limit.",
        PyExc_BaseException, nullptr);
    return type;
}

// Mutations of live objects, with their inverses, so that a failed merge can
// be undone completely.
struct Transaction
{
    std::vector<std::function<void()>> undo;

    void rollback()
    {
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
            try {
                (*it)();
            } catch (py::error_already_set &) {
            }
        }
        undo.clear();
    }
    void commitInto(Transaction &outer)
    {
        for (auto &u : undo)
            outer.undo.push_back(std::move(u));
        undo.clear();
    }
};

// Which statements of a block (module or class body) changed between two
// versions of the source. Statements compare by their syntax tree without
// positions, so moving a statement or reformatting a comment changes nothing.
//
// A statement also counts as changed when a name it binds is bound by a
// changed or removed statement (a property whose deleter was removed keeps
// its getter and setter statements, but the property object differs), and a
// def or class whose decorators or default values name something that
// changed runs again, since those are evaluated when the statement runs.
struct StatementPlan
{
    py::list changed;                 // new statements to execute, in order
    QStringList changedNames;         // names those statements bind, in order
    QSet<QString> dirtyNames;         // every name bound by a changed or removed statement
    QSet<QString> oldNames;
    QSet<QString> newNames;
    std::vector<std::pair<py::object, py::object>> moved;  // unchanged def/class, other line
    std::unordered_map<std::string, py::object> oldClassNodes;
    std::unordered_map<std::string, py::object> newClassNodes;
};

// Names a def or class statement reads when it runs (decorators, defaults,
// and for a class the statements of its body), not those read by the bodies
// of functions, nor a class's bases: a base edited in place needs no rerun,
// and rerunning a subclass would repeat __init_subclass__ side effects.
py::object definitionReads()
{
    return statements().attr("definition_reads");
}

// The text of a statement (with its decorators), to match unchanged
// statements without dumping their syntax trees: a 5 MB table is compared as
// a string. Positions are UTF-8 byte offsets, as the ast module gives them.
struct SourceText
{
    std::string bytes;
    std::vector<size_t> lineStarts;

    explicit SourceText(const QByteArray &source) : bytes(source.constData(), size_t(source.size()))
    {
        lineStarts.push_back(0);
        for (size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] == '\n')
                lineStarts.push_back(i + 1);
        }
    }
    std::string segment(py::handle stmt) const
    {
        int line = stmt.attr("lineno").cast<int>();
        int column = stmt.attr("col_offset").cast<int>();
        for (py::handle decorator : py::getattr(stmt, "decorator_list", py::list())) {
            const int l = decorator.attr("lineno").cast<int>();
            if (l < line) {
                line = l;
                column = decorator.attr("col_offset").cast<int>();
            }
        }
        const py::object endLine = stmt.attr("end_lineno");
        const py::object endColumn = stmt.attr("end_col_offset");
        if (endLine.is_none() || endColumn.is_none() || line < 1 || size_t(line) > lineStarts.size())
            return std::string();
        const size_t end = lineStarts[std::min(size_t(endLine.cast<int>()), lineStarts.size()) - 1]
                           + endColumn.cast<size_t>();
        // Decorators start with '@' one column left of their expression.
        size_t begin = lineStarts[line - 1] + column;
        while (begin > lineStarts[line - 1] && bytes[begin - 1] == '@')
            --begin;
        if (end > bytes.size() || begin > end)
            return std::string();
        return bytes.substr(begin, end - begin);
    }
};

void collectClassNodes(py::handle stmt, std::unordered_map<std::string, py::object> &out)
{
    py::dict found;
    statements().attr("class_nodes")(stmt, found);
    for (auto item : found)
        out[item.first.cast<std::string>()] = py::reinterpret_borrow<py::object>(item.second);
}

StatementPlan planStatements(py::handle oldBody, py::handle newBody, bool includeImports,
                             const QSet<QString> &outerDirty = {}, bool everything = false,
                             const SourceText *oldText = nullptr, const SourceText *newText = nullptr)
{
    py::object dump = py::module_::import("ast").attr("dump");
    auto key = [&](py::handle stmt) {
        return dump(stmt, py::arg("annotate_fields") = false,
                    py::arg("include_attributes") = false).cast<std::string>();
    };
    StatementPlan plan;
    // Unchanged statements match by their text first; the rest compare by
    // their syntax tree, so that reformatting or a comment changes nothing.
    std::vector<py::object> oldStatements;
    std::unordered_multimap<std::string, size_t> oldByText;
    for (py::handle stmt : oldBody) {
        if (oldText && newText)
            oldByText.emplace(oldText->segment(stmt), oldStatements.size());
        oldStatements.push_back(py::reinterpret_borrow<py::object>(stmt));
        for (const QString &n : Reloader::boundNames(stmt, includeImports))
            plan.oldNames.insert(n);
        collectClassNodes(stmt, plan.oldClassNodes);
    }
    std::vector<bool> oldMatched(oldStatements.size(), false);
    struct Entry
    {
        py::object stmt;
        QStringList names;
        bool changed = false;
        py::object matched;
        py::object reads;  // names it reads when it runs, computed once
    };
    std::vector<Entry> entries;
    for (py::handle stmt : newBody) {
        Entry e{py::reinterpret_borrow<py::object>(stmt), Reloader::boundNames(stmt, includeImports), false,
                py::object(), py::object()};
        for (const QString &n : e.names)
            plan.newNames.insert(n);
        collectClassNodes(stmt, plan.newClassNodes);
        if (!everything && !oldByText.empty()) {
            auto found = oldByText.find(newText->segment(stmt));
            if (found != oldByText.end()) {
                e.matched = oldStatements[found->second];
                oldMatched[found->second] = true;
                oldByText.erase(found);
            }
        }
        entries.push_back(std::move(e));
    }
    std::unordered_multimap<std::string, size_t> oldByTree;
    bool treesKeyed = false;
    for (Entry &e : entries) {
        if (e.matched)
            continue;
        if (!everything && !treesKeyed) {
            for (size_t i = 0; i < oldStatements.size(); ++i) {
                if (!oldMatched[i])
                    oldByTree.emplace(key(oldStatements[i]), i);
            }
            treesKeyed = true;
        }
        auto found = everything ? oldByTree.end() : oldByTree.find(key(e.stmt));
        if (found != oldByTree.end()) {
            e.matched = oldStatements[found->second];
            oldMatched[found->second] = true;
            oldByTree.erase(found);
        } else {
            e.changed = true;
            for (const QString &n : e.names)
                plan.dirtyNames.insert(n);
        }
    }
    for (size_t i = 0; i < oldStatements.size(); ++i) {
        if (oldMatched[i])
            continue;
        for (const QString &n : Reloader::boundNames(oldStatements[i], includeImports))
            plan.dirtyNames.insert(n);
    }
    py::object reads = definitionReads();
    QSet<QString> dirty = plan.dirtyNames + outerDirty;
    for (bool grew = true; grew;) {
        grew = false;
        for (Entry &e : entries) {
            if (e.changed)
                continue;
            bool affected = false;
            for (const QString &n : e.names)
                affected = affected || plan.dirtyNames.contains(n);
            if (!affected && !dirty.isEmpty()) {
                if (!e.reads)
                    e.reads = reads(e.stmt);
                for (py::handle n : e.reads) {
                    if (dirty.contains(toQString(n))) {
                        affected = true;
                        break;
                    }
                }
            }
            if (affected) {
                e.changed = true;
                grew = true;
                for (const QString &n : e.names) {
                    plan.dirtyNames.insert(n);
                    dirty.insert(n);
                }
            }
        }
    }
    for (Entry &e : entries) {
        if (!e.changed) {
            const bool definition = isDefinition(e.stmt);
            if (definition && e.matched.attr("lineno").cast<int>() != e.stmt.attr("lineno").cast<int>())
                plan.moved.emplace_back(e.matched, e.stmt);
            continue;
        }
        plan.changed.append(e.stmt);
        for (const QString &n : e.names) {
            if (!plan.changedNames.contains(n))
                plan.changedNames << n;
        }
    }
    return plan;
}

// Moves the line numbers of unchanged definitions that moved in the file, so
// tracebacks and inspect point at the right lines without running them again.
// A code object belongs to the statement whose old lines hold its first line:
// the wrapper a decorator returned belongs to the decorator's statement (it
// moves with the decorator, if at all), never to the function it wraps.
class LineShifter
{
public:
    explicit LineShifter(const QString &path) : m_file(path.toStdString()) {}

    void add(py::handle oldStmt, py::handle newStmt, py::handle value)
    {
        int first = oldStmt.attr("lineno").cast<int>();
        for (py::handle d : py::getattr(oldStmt, "decorator_list", py::list()))
            first = std::min(first, d.attr("lineno").cast<int>());
        const py::object end = oldStmt.attr("end_lineno");
        const int last = end.is_none() ? first : end.cast<int>();
        const int delta = newStmt.attr("lineno").cast<int>() - oldStmt.attr("lineno").cast<int>();
        addRange(first, last, delta);
        m_roots.push_back(py::reinterpret_borrow<py::object>(value));
    }
    // Code whose first line is in old lines first..last moves by delta.
    void addRange(int first, int last, int delta)
    {
        if (delta != 0) {
            m_ranges.push_back({first, last, delta});
            m_sorted = false;
        }
    }
    size_t size() const { return m_ranges.size(); }
    void truncate(size_t ranges, size_t roots)
    {
        m_sorted = false;
        m_ranges.resize(std::min(ranges, m_ranges.size()));
        m_roots.resize(std::min(roots, m_roots.size()));
    }
    size_t rootCount() const { return m_roots.size(); }
    // Functions that took new code in this reload already carry new lines.
    void skip(py::handle fn) { m_seen.insert(fn.ptr()); m_alive.append(fn); }
    // And those another pass already shifted.
    // They are still followed: what they wrap may have moved on its own.
    void skipShifted(const LineShifter &other)
    {
        for (py::handle o : other.m_shifted) {
            m_fixed.insert(o.ptr());
            m_alive.append(o);
        }
    }
    // Every definition of the module is a root: a wrapper that a decorator
    // which moved made is held by whatever it decorated, moved or not.
    void addRoot(py::handle value) { m_roots.push_back(py::reinterpret_borrow<py::object>(value)); }

    void apply(Transaction &tx)
    {
        if (m_ranges.empty())
            return;
        sortRanges();
        for (const py::object &root : m_roots)
            visit(tx, root, 0);
    }

private:
    struct Range
    {
        int first;
        int last;
        int delta;
    };

    // Statement ranges are nested or disjoint: sorted by first line, the
    // innermost range holding a line is the last one that starts at or
    // before it and still reaches it; m_reach (the furthest line any range
    // up to there reaches) says when no earlier one can.
    void sortRanges()
    {
        if (m_sorted)
            return;
        std::stable_sort(m_ranges.begin(), m_ranges.end(),
                         [](const Range &a, const Range &b) { return a.first < b.first; });
        m_reach.resize(m_ranges.size());
        int reach = 0;
        for (size_t k = 0; k < m_ranges.size(); ++k) {
            reach = std::max(reach, m_ranges[k].last);
            m_reach[k] = reach;
        }
        m_sorted = true;
    }

    const Range *rangeOf(int line) const
    {
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), line,
                                   [](int l, const Range &r) { return l < r.first; });
        for (size_t k = size_t(it - m_ranges.begin()); k-- > 0 && m_reach[k] >= line;) {
            if (m_ranges[k].last >= line)
                return &m_ranges[k];
        }
        return nullptr;
    }

    static py::object shiftedCode(py::handle code, int delta)
    {
        py::list consts;
        for (py::handle c : code.attr("co_consts"))
            consts.append(PyCode_Check(c.ptr()) ? shiftedCode(c, delta) : py::reinterpret_borrow<py::object>(c));
        return code.attr("replace")(py::arg("co_firstlineno") = code.attr("co_firstlineno").cast<int>() + delta,
                                    py::arg("co_consts") = py::tuple(consts));
    }

    // Only objects whose attributes are plain data are followed (functions,
    // classes, the builtin descriptors and functools wrappers): reading an
    // attribute of an arbitrary object could run its __getattr__.
    void visit(Transaction &tx, py::handle value, int depth)
    {
        if (depth > 8 || !value || value.is_none() || m_seen.count(value.ptr()))
            return;
        m_seen.insert(value.ptr());
        m_alive.append(value);
        static py::object *types = [] {
            py::object builtins = py::module_::import("builtins");
            py::object functools = py::module_::import("functools");
            return new py::object(py::make_tuple(builtins.attr("property"), builtins.attr("classmethod"),
                                                 builtins.attr("staticmethod"), functools.attr("_lru_cache_wrapper"),
                                                 functools.attr("cached_property")));
        }();
        if (isFunction(value)) {
            py::object code = value.attr("__code__");
            if (!m_fixed.count(value.ptr()) && py::object(code.attr("co_filename")).equal(py::object(m_file))) {
                if (const Range *r = rangeOf(code.attr("co_firstlineno").cast<int>())) {
                    py::object fn = py::reinterpret_borrow<py::object>(value);
                    fn.attr("__code__") = shiftedCode(code, r->delta);
                    tx.undo.push_back([fn, code] { fn.attr("__code__") = code; });
                    m_shifted.append(fn);
                }
            }
            visit(tx, py::dict(value.attr("__dict__")).attr("get")("__wrapped__"), depth + 1);
            PyObject *closure = PyFunction_GetClosure(value.ptr());
            if (closure) {
                for (py::handle cell : py::reinterpret_borrow<py::tuple>(closure)) {
                    PyObject *content = PyCell_GET(cell.ptr());
                    if (content && (PyFunction_Check(content) || PyObject_TypeCheck(content, &PyProperty_Type)
                                    || PyObject_IsInstance(content, types->ptr()) == 1))
                        visit(tx, content, depth + 1);
                }
            }
        } else if (isClass(value)) {
            for (auto item : py::dict(value.attr("__dict__")))
                visit(tx, item.second, depth + 1);
        } else if (PyObject_IsInstance(value.ptr(), types->ptr()) == 1) {
            for (const char *part : {"fget", "fset", "fdel", "__func__", "__wrapped__", "func"}) {
                if (py::hasattr(value, part))
                    visit(tx, value.attr(part), depth + 1);
            }
        }
    }

    py::str m_file;
    std::vector<Range> m_ranges;
    std::vector<int> m_reach;
    bool m_sorted = true;
    std::vector<py::object> m_roots;
    std::unordered_set<PyObject *> m_seen;
    std::unordered_set<PyObject *> m_fixed;  // already at their new lines
    py::list m_alive;  // keeps every visited object, so that no address is reused during the walk
    py::list m_shifted;
};

class Merge
{
public:
    Merge(const QString &path, ReloadReport &report, const SourceText *oldText, const SourceText *newText)
        : m_path(path), m_report(report), m_oldText(oldText), m_newText(newText), m_lines(path)
    {
    }

    void setAdoption(std::function<std::optional<Reloader::Adoption>(const QString &)> adopt)
    {
        m_adopt = std::move(adopt);
    }

    // Once every changed statement is merged: moves the line numbers of the
    // unchanged definitions that moved, except functions that took new code.
    void shiftMovedLines(Transaction &tx)
    {
        for (auto &[newFn, oldFn] : m_functions) {
            m_lines.skip(oldFn);
            m_lines.skip(py::handle(newFn));
        }
        for (py::handle fresh : m_keepAlive)
            m_lines.skip(fresh);
        m_lines.apply(tx);
    }

    LineShifter &lines() { return m_lines; }

    void action(const QString &object, const QString &what)
    {
        m_report.actions.append({object, what});
    }

    // The old function object keeps living and takes the new one's code, so
    // every reference to it (a bound method kept as a callback, an entry in a
    // list) runs the new code.
    void updateFunction(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass,
                        const QString &name, bool twin = false)
    {
        // An overridden function keeps running its override: the file's new
        // version goes to the function under it, which a revert installs.
        if (py::object under = twin ? py::object() : Overrides::underlyingFor(oldFn)) {
            py::object live = py::reinterpret_borrow<py::object>(oldFn);
            const bool was = Overrides::setFileChanged(live, true);
            tx.undo.push_back([live, was] { Overrides::setFileChanged(live, was); });
            updateFunction(tx, under, newFn, ownerClass, name);
            m_functions[newFn.ptr()] = live;
            action(name, QStringLiteral("override kept on top; the file's new version is under it"));
            return;
        }
        py::object oldWrapped = py::getattr(oldFn, "__wrapped__", py::none());
        py::object newWrapped = py::getattr(newFn, "__wrapped__", py::none());
        if (isFunction(oldWrapped) && isFunction(newWrapped) && !oldWrapped.is(newWrapped))
            updateFunction(tx, oldWrapped, newWrapped, ownerClass, name, twin);

        auto *f = reinterpret_cast<PyFunctionObject *>(oldFn.ptr());
        py::object oldCode = py::reinterpret_borrow<py::object>(f->func_code);
        // A generator or coroutine already started runs on its own frame,
        // which holds the old code object; CPython cannot move a suspended
        // frame to new code. Finding such frames would need a heap walk.
        const int suspendable = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
        if ((reinterpret_cast<PyCodeObject *>(oldCode.ptr())->co_flags & suspendable) && !twin)
            warn(name, QStringLiteral("generators and coroutines of it that already started keep running the "
                                      "old code until they finish; new calls run the new code"));
        py::object oldClosure = py::reinterpret_borrow<py::object>(f->func_closure ? f->func_closure : Py_None);
        py::object oldGlobals = py::reinterpret_borrow<py::object>(f->func_globals);
        py::object newCode = newFn.attr("__code__");
        py::tuple oldFree = oldCode.attr("co_freevars");
        py::tuple newFree = newCode.attr("co_freevars");
        py::object newClosure = newFn.attr("__closure__");
        if (!twin)
            m_functions[newFn.ptr()] = py::reinterpret_borrow<py::object>(oldFn);
        m_keepAlive.append(py::reinterpret_borrow<py::object>(newFn));

        // The closure must match the new code's free variables, which may be
        // more or fewer than before (set here, from C++, since Python refuses
        // it). The new cells carry what the new version computed; where that
        // is an object just merged into an older one (a class, a wrapped
        // function), the cell names the old one, which stays alive. The
        // zero-argument super() cell `__class__` names the class kept.
        py::object closure = py::none();
        if (py::len(newFree) > 0) {
            py::list cells;
            for (size_t i = 0; i < py::len(newFree); ++i) {
                const std::string name = newFree[i].cast<std::string>();
                py::object cell = newClosure[py::int_(i)];
                if (name == "__class__" && ownerClass) {
                    py::object previous;
                    for (size_t j = 0; j < py::len(oldFree); ++j) {
                        if (oldFree[j].cast<std::string>() == name && !oldClosure.is_none())
                            previous = oldClosure[py::int_(j)];
                    }
                    if (previous && PyCell_GET(previous.ptr()) == ownerClass.ptr())
                        cell = previous;
                    else
                        cell = py::reinterpret_steal<py::object>(PyCell_New(ownerClass.ptr()));
                } else if (PyObject *content = PyCell_GET(cell.ptr())) {
                    py::object kept = keptObject(content);
                    if (kept.ptr() != content)
                        cell = py::reinterpret_steal<py::object>(PyCell_New(kept.ptr()));
                }
                cells.append(cell);
            }
            closure = py::tuple(cells);
        }
        py::object newGlobals = newFn.attr("__globals__");

        py::tuple fields = py::make_tuple(py::getattr(oldFn, "__defaults__"), py::getattr(oldFn, "__kwdefaults__"),
                                           py::getattr(oldFn, "__annotations__"), py::getattr(oldFn, "__doc__"),
                                           oldFn.attr("__name__"), oldFn.attr("__qualname__"),
                                           oldFn.attr("__module__"));
        py::dict oldDict = py::getattr(oldFn, "__dict__").attr("copy")();
        py::object fn = py::reinterpret_borrow<py::object>(oldFn);
        tx.undo.push_back([fn, oldCode, oldClosure, oldGlobals, fields, oldDict] {
            setCodeAndClosure(fn, oldCode, oldClosure, oldGlobals);
            fn.attr("__defaults__") = fields[0];
            fn.attr("__kwdefaults__") = fields[1];
            fn.attr("__annotations__") = fields[2];
            fn.attr("__doc__") = fields[3];
            fn.attr("__name__") = fields[4];
            fn.attr("__qualname__") = fields[5];
            fn.attr("__module__") = fields[6];
            py::dict d = fn.attr("__dict__");
            d.clear();
            for (auto item : oldDict)
                d[item.first] = item.second;
        });

        setCodeAndClosure(oldFn, newCode, closure, newGlobals);
        // A default that is a function or class just merged names the kept one.
        py::object defaults = newFn.attr("__defaults__");
        if (!defaults.is_none()) {
            py::list kept;
            for (py::handle value : defaults)
                kept.append(keptObject(value.ptr()));
            defaults = py::tuple(kept);
        }
        py::object kwdefaults = newFn.attr("__kwdefaults__");
        if (!kwdefaults.is_none()) {
            py::dict kept;
            for (auto item : py::reinterpret_borrow<py::dict>(kwdefaults))
                kept[item.first] = keptObject(item.second.ptr());
            kwdefaults = kept;
        }
        oldFn.attr("__defaults__") = defaults;
        oldFn.attr("__kwdefaults__") = kwdefaults;
        oldFn.attr("__annotations__") = newFn.attr("__annotations__");
        oldFn.attr("__doc__") = newFn.attr("__doc__");
        // functools.wraps copies the name of the function it wraps: a
        // function that gains or loses a decorator changes these too.
        for (const char *attr : {"__name__", "__qualname__", "__module__"}) {
            if (!oldFn.attr(attr).equal(newFn.attr(attr)))
                oldFn.attr(attr) = newFn.attr(attr);
        }
        // The new version's attributes are copied over (a snapshot: a value
        // replaced here may run a __del__); `__wrapped__` names the kept
        // wrapped function, and goes when the new version has none (the
        // decorator was removed). Other attributes set at run time stay.
        py::dict d = oldFn.attr("__dict__");
        py::dict newAttributes = py::dict(newFn.attr("__dict__")).attr("copy")();
        if (!newAttributes.contains("__wrapped__") && d.contains("__wrapped__"))
            d.attr("pop")("__wrapped__");
        for (auto item : newAttributes) {
            if (item.first.cast<std::string>() == "__wrapped__")
                d[item.first] = keptObject(item.second.ptr());
            else
                d[item.first] = item.second;
        }
        if (!twin)
            updateTwins(tx, oldFn, newFn, ownerClass);
    }

    // A callable object wrapping a function: functools.lru_cache / cache
    // (`__wrapped__`), functools.cached_property (`func`). The wrapper is kept,
    // the function inside it takes the new code, and a result cache is
    // cleared, since it holds what the old code computed.
    bool updateWrapper(Transaction &tx, py::handle oldValue, py::handle newValue, py::handle ownerClass,
                       const QString &name)
    {
        if (!oldValue || isFunction(oldValue) || isClass(oldValue) || !py::type::of(oldValue).is(py::type::of(newValue)))
            return false;
        const char *field = nullptr;
        if (py::isinstance(oldValue, py::module_::import("functools").attr("cached_property")))
            field = "func";
        else if (isFunction(py::getattr(oldValue, "__wrapped__", py::none()))
                 && isFunction(py::getattr(newValue, "__wrapped__", py::none())))
            field = "__wrapped__";
        if (!field || !isFunction(oldValue.attr(field)) || !isFunction(newValue.attr(field)))
            return false;
        updateFunction(tx, oldValue.attr(field), newValue.attr(field), ownerClass, name);
        m_objects[newValue.ptr()] = py::reinterpret_borrow<py::object>(oldValue);
        m_keepAlive.append(py::reinterpret_borrow<py::object>(newValue));
        if (py::hasattr(oldValue, "cache_clear"))
            oldValue.attr("cache_clear")();
        clearTwinCaches(oldValue, newValue);
        return true;
    }

    // A wrapper made by a changed statement may escape too (a list of
    // handlers rebuilt in the same save holds the new lru_cache): the
    // function inside it is a twin (below), and its cache, which holds what
    // the old code computed, is cleared with the kept wrapper's.
    static void clearTwinCaches(py::handle oldWrapper, py::handle newWrapper)
    {
        if (!py::hasattr(oldWrapper, "cache_clear"))
            return;
        static py::object *registry = new py::object(py::module_::import("weakref").attr("WeakKeyDictionary")());
        py::object ref = py::module_::import("weakref").attr("ref");
        py::list alive;
        try {
            for (py::handle r : registry->attr("get")(oldWrapper, py::tuple())) {
                py::object twin = r();
                if (twin.is_none() || twin.is(oldWrapper) || twin.is(newWrapper))
                    continue;
                twin.attr("cache_clear")();
                alive.append(r);
            }
            alive.append(ref(newWrapper));
            (*registry)[oldWrapper] = py::tuple(alive);
        } catch (py::error_already_set &) {
            // A wrapper type without weak references: none of its copies can
            // be followed, and the kept wrapper was cleared above.
        }
    }

    // Running a changed statement creates new function objects, and some
    // escape before the merge: a decorator registers them, a changed list
    // holds them. They stay twins of the kept function (by weak reference),
    // and every later reload updates them together with it, so no copy is
    // left running old code.
    void updateTwins(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass)
    {
        static py::object *registry = new py::object(py::module_::import("weakref").attr("WeakKeyDictionary")());
        py::object ref = py::module_::import("weakref").attr("ref");
        py::list alive;
        for (py::handle r : registry->attr("get")(oldFn, py::tuple())) {
            py::object t = r();
            if (t.is_none() || t.is(oldFn) || t.is(newFn))
                continue;
            updateFunction(tx, t, newFn, ownerClass, QString(), /*twin=*/true);
            alive.append(r);
        }
        alive.append(ref(newFn));
        (*registry)[oldFn] = py::tuple(alive);
    }

    // The object that stays alive for `object`, an object of the new version.
    py::object keptObject(PyObject *object)
    {
        auto fn = m_functions.find(object);
        if (fn != m_functions.end())
            return fn->second;
        auto cls = m_classes.find(object);
        if (cls != m_classes.end())
            return cls->second;
        auto other = m_objects.find(object);
        if (other != m_objects.end())
            return other->second;
        return py::reinterpret_borrow<py::object>(object);
    }

    static void setCodeAndClosure(py::handle fn, py::handle code, py::handle closure, py::handle globals)
    {
        auto *f = reinterpret_cast<PyFunctionObject *>(fn.ptr());
        // CPython has no setter for __globals__ (read-only from Python): a
        // class adopted by another file runs in that file's globals, so the
        // field is written here, before the code, whose setter below
        // invalidates what the specialising interpreter cached for it.
        if (globals.ptr() != f->func_globals) {
            Py_INCREF(globals.ptr());
            Py_SETREF(f->func_globals, globals.ptr());
        }
        // Assigning __code__ refuses a code object whose number of free
        // variables differs from the current closure, and __closure__ is
        // read-only from Python: the closure goes first, through the C API
        // (which does not check it), then the code through its setter.
        if (PyFunction_SetClosure(fn.ptr(), closure.ptr()) != 0)
            throw py::error_already_set();
        if (PyObject_SetAttrString(fn.ptr(), "__code__", code.ptr()) != 0)
            throw py::error_already_set();
    }

    // Through type.__setattr__ itself: a metaclass's __setattr__ (Enum's
    // refuses to rebind members) must not see the reloader's own writes.
    static void typeSetAttr(py::handle cls, const std::string &key, py::handle value)
    {
        py::str name(key);
        if (PyType_Type.tp_setattro(cls.ptr(), name.ptr(), value ? value.ptr() : nullptr) != 0)
            throw py::error_already_set();
    }

    static void setAttr(Transaction &tx, py::handle cls, const QString &name, py::handle value)
    {
        py::object proxy = cls.attr("__dict__");
        const std::string key = name.toStdString();
        const bool had = proxy.contains(py::str(key));
        py::object previous = had ? py::object(proxy[py::str(key)]) : py::none();
        typeSetAttr(cls, key, value);
        py::object c = py::reinterpret_borrow<py::object>(cls);
        tx.undo.push_back([c, key, had, previous] {
            typeSetAttr(c, key, had ? py::handle(previous) : py::handle());
        });
    }

    static void delAttr(Transaction &tx, py::handle cls, const QString &name)
    {
        const std::string key = name.toStdString();
        py::object previous = cls.attr("__dict__")[py::str(key)];
        typeSetAttr(cls, key, py::handle());
        py::object c = py::reinterpret_borrow<py::object>(cls);
        tx.undo.push_back([c, key, previous] { typeSetAttr(c, key, previous); });
    }

    // Enum members keep their identity: a member that stays is the old
    // object (its value updated if it changed), a new member is re-classed
    // to the kept class, and the lookup tables are rebuilt from those.
    // Returns the names the generic merge must leave alone.
    QSet<QString> mergeEnumMembers(Transaction &tx, py::handle oldCls, py::handle newCls, const QString &qualName)
    {
        QSet<QString> handled = {QStringLiteral("_member_map_"), QStringLiteral("_member_names_"),
                                 QStringLiteral("_value2member_map_"), QStringLiteral("_unhashable_values_")};
        // Snapshots: re-classing a member and rebinding the tables below may
        // run Python code (a __del__ of a replaced value).
        py::dict oldMap = oldCls.attr("_member_map_").attr("copy")();
        py::dict newMap = newCls.attr("_member_map_").attr("copy")();
        py::dict map;
        for (auto item : newMap) {
            const QString name = toQString(item.first);
            handled.insert(name);
            py::object newMember = py::reinterpret_borrow<py::object>(item.second);
            py::object member;
            auto known = m_objects.find(newMember.ptr());
            if (known != m_objects.end()) {
                member = known->second;  // an alias of a member seen already
            } else if (oldMap.contains(item.first) && py::type::of(oldMap[item.first]).is(oldCls)) {
                member = oldMap[item.first];
                py::object oldValue = member.attr("_value_");
                py::object newValue = newMember.attr("_value_");
                if (!oldValue.equal(newValue)) {
                    member.attr("_value_") = newValue;
                    tx.undo.push_back([member, oldValue] { member.attr("_value_") = oldValue; });
                    action(qualName + QLatin1Char('.') + name, QStringLiteral("value changed"));
                }
            } else {
                member = newMember;
                member.attr("__class__") = oldCls;
                if (!oldMap.contains(item.first))
                    action(qualName + QLatin1Char('.') + name, QStringLiteral("member added"));
            }
            m_objects[newMember.ptr()] = member;
            m_keepAlive.append(newMember);
            map[item.first] = member;
        }
        for (auto item : oldMap) {
            handled.insert(toQString(item.first));
            if (!newMap.contains(item.first))
                action(qualName + QLatin1Char('.') + toQString(item.first), QStringLiteral("member removed"));
        }
        py::dict values;
        for (auto item : py::dict(newCls.attr("_value2member_map_").attr("copy")()))
            values[item.first] = keptObject(item.second.ptr());
        setAttr(tx, oldCls, QStringLiteral("_member_map_"), map);
        setAttr(tx, oldCls, QStringLiteral("_member_names_"), newCls.attr("_member_names_"));
        setAttr(tx, oldCls, QStringLiteral("_value2member_map_"), values);
        if (py::hasattr(newCls, "_unhashable_values_"))
            setAttr(tx, oldCls, QStringLiteral("_unhashable_values_"), newCls.attr("_unhashable_values_"));
        py::object oldDict = oldCls.attr("__dict__");
        for (auto item : map) {
            if (!oldDict.contains(item.first) || oldDict[item.first].ptr() != item.second.ptr())
                setAttr(tx, oldCls, toQString(item.first), item.second);
        }
        for (auto item : oldMap) {
            if (!map.contains(item.first) && oldDict.contains(item.first))
                delAttr(tx, oldCls, toQString(item.first));
        }
        return handled;
    }

    // Updates class `oldCls` in place from `newCls`. Returns false, with a
    // warning and nothing changed, when that cannot be done.
    bool updateClass(Transaction &outer, py::handle oldCls, py::handle newCls, py::handle oldNode,
                     py::handle newNode, const QString &qualName, const QSet<QString> &outerDirty,
                     bool adopted = false)
    {
        m_keepAlive.append(py::reinterpret_borrow<py::object>(newCls));
        Transaction tx;
        // Nested classes of an adopted class come from the other file too.
        const bool wasAdopting = m_adopting;
        m_adopting = m_adopting || adopted;
        adopted = m_adopting;
        const size_t lineRanges = m_lines.size();
        const size_t lineRoots = m_lines.rootCount();
        struct Restore
        {
            bool &flag;
            bool value;
            ~Restore() { flag = value; }
        } restore{m_adopting, wasAdopting};
        try {
            if (!py::type::of(oldCls).is(py::type::of(newCls))) {
                warn(qualName, QStringLiteral("metaclass changed from %1 to %2; this cannot be applied "
                                              "in place, the class keeps its old definition")
                                   .arg(toQString(py::type::of(oldCls).attr("__name__")),
                                        toQString(py::type::of(newCls).attr("__name__"))));
                return false;
            }
            py::object oldDict = oldCls.attr("__dict__");
            py::object newDict = newCls.attr("__dict__");
            py::object oldSlots = oldDict.attr("get")("__slots__");
            py::object newSlots = newDict.attr("get")("__slots__");
            if (!oldSlots.equal(newSlots)) {
                warn(qualName, QStringLiteral("__slots__ changed; the instance layout cannot change in "
                                              "place, the class keeps its old definition"));
                return false;
            }
            py::list bases;
            for (py::handle base : newCls.attr("__bases__")) {
                auto known = m_classes.find(base.ptr());
                bases.append(known != m_classes.end() ? known->second : py::reinterpret_borrow<py::object>(base));
            }
            py::tuple newBases(bases);
            py::object oldBases = oldCls.attr("__bases__");
            if (!newBases.equal(oldBases)) {
                try {
                    setAttr(tx, oldCls, QStringLiteral("__bases__"), newBases);
                    action(qualName, QStringLiteral("bases changed"));
                } catch (py::error_already_set &e) {
                    warn(qualName, QStringLiteral("bases cannot change in place (%1); the class keeps "
                                                  "its old definition").arg(QString::fromUtf8(e.what())));
                    tx.rollback();
                    return false;
                }
            }
            m_classes[newCls.ptr()] = py::reinterpret_borrow<py::object>(oldCls);
            if (adopted)
                setAttr(tx, oldCls, QStringLiteral("__module__"), newCls.attr("__module__"));

            QSet<QString> handled;
            if (py::isinstance(oldCls, py::module_::import("enum").attr("EnumMeta")))
                handled = mergeEnumMembers(tx, oldCls, newCls, qualName);

            // An adopted class comes from another file: all of its code is new.
            StatementPlan plan = planStatements(oldNode.attr("body"), newNode.attr("body"), true, outerDirty, adopted,
                                                adopted ? nullptr : m_oldText, adopted ? nullptr : m_newText);
            m_dirty = plan.dirtyNames + outerDirty;
            for (const QString &name : plan.changedNames) {
                py::str key(name.toStdString());
                if (!newDict.contains(key) || handled.contains(name))
                    continue;
                py::object oldValue = oldDict.contains(key) ? py::object(oldDict[key]) : py::object();
                bindMember(tx, oldCls, name, oldValue, newDict[key], plan, qualName, false);
            }
            for (const QString &name : plan.oldNames) {
                if (!plan.newNames.contains(name) && !handled.contains(name)
                    && oldDict.contains(py::str(name.toStdString()))) {
                    delAttr(tx, oldCls, name);
                    action(qualName + QLatin1Char('.') + name, QStringLiteral("removed"));
                }
            }
            // Made by a decorator or metaclass rather than by a statement of
            // the body (a dataclass's __init__, __repr__, __eq__, fields).
            static const QSet<QString> internal = {
                QStringLiteral("__module__"), QStringLiteral("__qualname__"), QStringLiteral("__dict__"),
                QStringLiteral("__weakref__"), QStringLiteral("__doc__"), QStringLiteral("__classcell__"),
                QStringLiteral("__slots__"), QStringLiteral("__firstlineno__"),
                QStringLiteral("__static_attributes__"),
                // An ABC's registry of virtual subclasses (ABC.register) lives
                // there: the kept class keeps it, with its caches cleared below.
                QStringLiteral("_abc_impl")};
            for (auto item : py::reinterpret_borrow<py::dict>(newDict.attr("copy")())) {
                const QString name = toQString(item.first);
                if (plan.newNames.contains(name) || internal.contains(name) || handled.contains(name))
                    continue;
                // The slot descriptors of the new class only apply to its own
                // instances; with the same __slots__ the old ones stay.
                if (Py_IS_TYPE(item.second.ptr(), &PyMemberDescr_Type)
                    || Py_IS_TYPE(item.second.ptr(), &PyGetSetDescr_Type))
                    continue;
                py::object oldValue = oldDict.contains(item.first) ? py::object(oldDict[item.first]) : py::object();
                if (oldValue && oldValue.is(item.second))
                    continue;
                bindMember(tx, oldCls, name, oldValue, py::reinterpret_borrow<py::object>(item.second), plan,
                           qualName, /*quiet=*/true);
            }
            if (!oldCls.attr("__doc__").equal(newCls.attr("__doc__")))
                setAttr(tx, oldCls, QStringLiteral("__doc__"), newCls.attr("__doc__"));
            for (auto &[oldStmt, newStmt] : plan.moved) {
                py::str key = newStmt.attr("name");
                if (oldDict.contains(key))
                    m_lines.add(oldStmt, newStmt, oldDict[key]);
            }
            retargetClassCell(tx, newCls, oldCls);
            // Classes made earlier on the version merged here (a class pasted
            // into a file before it was cut from the other, and a subclass
            // of it that the same file already ran again) derive from the
            // kept class from now on.
            for (py::handle sub : py::list(newCls.attr("__subclasses__")()))
                rebase(tx, sub, toQString(sub.attr("__qualname__")));
            if (oldDict.contains("_abc_impl") && py::hasattr(oldCls, "_abc_caches_clear"))
                oldCls.attr("_abc_caches_clear")();
            m_updated.push_back(py::reinterpret_borrow<py::object>(oldCls));
        } catch (py::error_already_set &e) {
            tx.rollback();
            m_lines.truncate(lineRanges, lineRoots);
            warn(qualName, QStringLiteral("could not be updated (%1); it keeps its old definition")
                               .arg(QString::fromUtf8(e.what())));
            return false;
        }
        tx.commitInto(outer);
        return true;
    }

    void warn(const QString &object, const QString &text)
    {
        m_report.warnings << QStringLiteral("%1: %2").arg(object, text);
    }

    const QString &path() const { return m_path; }
    const std::vector<py::object> &updatedClasses() const { return m_updated; }

private:
    // Functions compiled in the new class body share one `__class__` cell
    // (zero-argument super()); it must name the class that stays alive. The
    // cell is also reached inside what decorators made of those functions:
    // a functools.wraps wrapper's closure, `__wrapped__`, an lru_cache, a
    // classmethod or property, so those are followed too.
    void retargetClassCell(Transaction &tx, py::handle newCls, py::handle oldCls)
    {
        std::unordered_set<PyObject *> seen;
        std::function<void(py::handle, int)> visit = [&](py::handle v, int depth) {
            if (!v || v.is_none() || depth > 6 || !seen.insert(v.ptr()).second || isClass(v))
                return;
            if (isFunction(v)) {
                py::tuple free = v.attr("__code__").attr("co_freevars");
                PyObject *closure = PyFunction_GetClosure(v.ptr());
                for (size_t i = 0; closure && i < py::len(free); ++i) {
                    py::object cell = py::reinterpret_borrow<py::object>(PyTuple_GET_ITEM(closure, i));
                    PyObject *content = PyCell_GET(cell.ptr());
                    if (free[i].cast<std::string>() == "__class__") {
                        if (content == newCls.ptr()) {
                            PyCell_Set(cell.ptr(), oldCls.ptr());
                            py::object n = py::reinterpret_borrow<py::object>(newCls);
                            tx.undo.push_back([cell, n] { PyCell_Set(cell.ptr(), n.ptr()); });
                        }
                    } else if (content) {
                        visit(content, depth + 1);
                    }
                }
                visit(py::dict(v.attr("__dict__")).attr("get")("__wrapped__"), depth + 1);
                return;
            }
            static py::object *types = [] {
                py::object builtins = py::module_::import("builtins");
                py::object functools = py::module_::import("functools");
                return new py::object(py::make_tuple(builtins.attr("property"), builtins.attr("classmethod"),
                                                     builtins.attr("staticmethod"),
                                                     functools.attr("_lru_cache_wrapper"),
                                                     functools.attr("cached_property")));
            }();
            if (PyObject_IsInstance(v.ptr(), types->ptr()) == 1) {
                for (const char *part : {"fget", "fset", "fdel", "__func__", "__wrapped__", "func"}) {
                    if (py::hasattr(v, part))
                        visit(v.attr(part), depth + 1);
                }
            }
        };
        // The old class's dict too: it now holds some of the new objects.
        for (py::handle cls : {newCls, oldCls}) {
            for (auto item : py::dict(cls.attr("__dict__")))
                visit(item.second, 0);
        }
    }

public:
    // The one merge rule for a name that a changed statement bound, at module
    // level (`ownerClass` null) and in a class body alike. Where the old and
    // the new value are of a kind that updates in place (class, function,
    // classmethod/staticmethod, property, lru_cache/cached_property wrapper,
    // a class adopted from another file), the old object takes the new
    // definition and is returned: the owner binds it. Otherwise the new
    // value is returned, and the owner binds that.
    py::object mergeValue(Transaction &tx, const py::object &oldValue, const py::object &newValue,
                          py::handle ownerClass, const QString &name, const QString &qualName,
                          const StatementPlan &plan, bool quiet = false)
    {
        if (oldValue && oldValue.is(newValue))
            return oldValue;
        const QString &shown = qualName;
        auto replaced = [&] {
            if (!quiet)
                action(shown, QStringLiteral("code replaced"));
        };
        const std::string key = name.toStdString();
        auto oldNode = plan.oldClassNodes.find(key);
        auto newNode = plan.newClassNodes.find(key);
        const bool classHere = oldNode != plan.oldClassNodes.end() && newNode != plan.newClassNodes.end();
        if (oldValue && isClass(oldValue) && isClass(newValue) && classHere
            && (!ownerClass
                || toQString(oldValue.attr("__qualname__"))
                       == toQString(ownerClass.attr("__qualname__")) + QLatin1Char('.') + name)) {
            const int actions = m_report.actions.size();
            const int warnings = m_report.warnings.size();
            const QSet<QString> dirty = m_dirty;
            updateClass(tx, oldValue, newValue, oldNode->second, newNode->second, qualName,
                        ownerClass ? m_dirty : plan.dirtyNames, m_adopting);
            m_dirty = dirty;
            if (!ownerClass && m_report.actions.size() == actions && m_report.warnings.size() == warnings)
                action(shown, QStringLiteral("class unchanged"));
            return oldValue;  // updated, or kept with its old definition (warned)
        }
        if (oldValue && isFunction(oldValue) && isFunction(newValue)) {
            updateFunction(tx, oldValue, newValue, ownerClass, qualName);
            replaced();
            return oldValue;
        }
        static py::object *descriptors = [] {
            py::object builtins = py::module_::import("builtins");
            return new py::object(py::make_tuple(builtins.attr("classmethod"), builtins.attr("staticmethod"),
                                                 builtins.attr("property")));
        }();
        py::handle classmethod = descriptors->cast<py::tuple>()[0];
        py::handle staticmethod = descriptors->cast<py::tuple>()[1];
        py::handle property = descriptors->cast<py::tuple>()[2];
        for (py::handle wrapper : {classmethod, staticmethod}) {
            if (oldValue && py::type::of(oldValue).is(wrapper) && py::type::of(newValue).is(wrapper)
                && isFunction(oldValue.attr("__func__")) && isFunction(newValue.attr("__func__"))) {
                updateFunction(tx, oldValue.attr("__func__"), newValue.attr("__func__"), ownerClass, qualName);
                m_objects[newValue.ptr()] = oldValue;
                m_keepAlive.append(newValue);
                replaced();
                return oldValue;
            }
        }
        if (oldValue && py::type::of(oldValue).is(property) && py::type::of(newValue).is(property)) {
            bool sameShape = true;
            for (const char *part : {"fget", "fset", "fdel"}) {
                const bool a = isFunction(oldValue.attr(part));
                const bool b = isFunction(newValue.attr(part));
                if (a != b || (!a && !(oldValue.attr(part).is_none() && newValue.attr(part).is_none())))
                    sameShape = false;
            }
            if (sameShape) {
                for (const char *part : {"fget", "fset", "fdel"}) {
                    if (isFunction(oldValue.attr(part)))
                        updateFunction(tx, oldValue.attr(part), newValue.attr(part), ownerClass, qualName);
                }
                m_objects[newValue.ptr()] = oldValue;
                m_keepAlive.append(newValue);
                if (!quiet)
                    action(shown, QStringLiteral("property updated"));
                return oldValue;
            }
        }
        if (updateWrapper(tx, oldValue, newValue, ownerClass, qualName)) {
            replaced();
            return oldValue;
        }
        // A class cut from another file of the namespace and pasted here,
        // also where this file used to import it (`from .mod import Base`
        // replaced by the class itself): the class object lives on, with
        // this file's code.
        if (!ownerClass && isClass(newValue) && m_adopt && newNode != plan.newClassNodes.end()
            && (!oldValue || (isClass(oldValue) && oldNode == plan.oldClassNodes.end()))) {
            std::optional<Reloader::Adoption> adoption = m_adopt(name);
            if (adoption && isClass(adoption->cls) && !adoption->cls.is(newValue)) {
                const int warnings = m_report.warnings.size();
                if (updateClass(tx, adoption->cls, newValue, adoption->node, newNode->second, qualName,
                                plan.dirtyNames, /*adopted=*/true)) {
                    action(shown, QStringLiteral("class adopted from %1").arg(adoption->from));
                    return adoption->cls;
                }
                m_report.warnings.erase(m_report.warnings.begin() + warnings, m_report.warnings.end());
                warn(shown, QStringLiteral("cannot adopt the class of the same name from %1; existing "
                                           "instances keep the old class").arg(adoption->from));
            }
        }
        if (isClass(newValue))
            rebase(tx, newValue, qualName);
        // A function that became a callable object of another kind (an
        // lru_cache wrapper), or the reverse: one object cannot turn into
        // the other, so what held the old one keeps running its code.
        if (oldValue && !quiet && isFunction(oldValue) != isFunction(newValue)
            && (isFunction(oldValue) || isFunction(py::getattr(oldValue, "__wrapped__", py::none())))
            && (isFunction(newValue) || isFunction(py::getattr(newValue, "__wrapped__", py::none()))))
            warn(shown, QStringLiteral("changed from %1 to %2, another kind of object: references stored "
                                       "before this reload (a bound method, a callback, an entry in a list) keep "
                                       "the old object and its code")
                            .arg(typeLabel(oldValue), typeLabel(newValue)));
        if (!quiet || !oldValue) {
            if (ownerClass)
                action(shown, oldValue ? QStringLiteral("replaced") : QStringLiteral("added"));
            else
                action(shown, oldValue ? QStringLiteral("rebound") : QStringLiteral("added"));
        }
        return newValue;
    }

    // A class that is new in this version but derives from a class just
    // merged into a kept one (`class B(A)` added in the save that edited
    // `A`) was created on the throw-away version of that base: it takes the
    // kept one, so that issubclass, super() and later edits of the base hold.
    void rebase(Transaction &tx, py::handle cls, const QString &qualName)
    {
        bool changed = false;
        py::list bases;
        for (py::handle base : cls.attr("__bases__")) {
            auto known = m_classes.find(base.ptr());
            changed = changed || known != m_classes.end();
            bases.append(known != m_classes.end() ? known->second : py::reinterpret_borrow<py::object>(base));
        }
        if (!changed)
            return;
        try {
            setAttr(tx, cls, QStringLiteral("__bases__"), py::tuple(bases));
        } catch (py::error_already_set &e) {
            warn(qualName, QStringLiteral("derives from the new version of a class that was updated in place, "
                                          "and cannot take the kept class as its base (%1)")
                               .arg(QString::fromUtf8(e.what())));
        }
    }

private:
    // A class-body name: merged, or the new value bound on the kept class.
    void bindMember(Transaction &tx, py::handle cls, const QString &name, const py::object &oldValue,
                    const py::object &newValue, const StatementPlan &plan, const QString &qualName, bool quiet)
    {
        py::object kept = mergeValue(tx, oldValue, newValue, cls, name, qualName + QLatin1Char('.') + name, plan,
                                     quiet);
        if (oldValue && kept.is(oldValue))
            return;
        setAttr(tx, cls, name, kept);
        if (py::hasattr(kept, "__set_name__") && !isClass(kept))
            kept.attr("__set_name__")(cls, name.toStdString());
    }

    QString m_path;
    ReloadReport &m_report;
    const SourceText *m_oldText;
    const SourceText *m_newText;
    std::unordered_map<PyObject *, py::object> m_classes;    // new class -> the old one kept alive
    std::unordered_map<PyObject *, py::object> m_functions;  // new function -> the old one kept alive
    std::unordered_map<PyObject *, py::object> m_objects;    // new enum member -> the one kept
    py::list m_keepAlive;  // the new objects above, so that their addresses stay theirs
    QSet<QString> m_dirty; // names changed in the enclosing scopes of the class being merged
    std::vector<py::object> m_updated;  // classes updated in place
    bool m_adopting = false;            // merging a class adopted from another file, or one nested in it
    LineShifter m_lines;                // unchanged definitions that moved, shifted once the merge is done
    std::function<std::optional<Reloader::Adoption>(const QString &)> m_adopt;
};

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


// The plan for a module body, found without parsing what did not change:
// the new source is split into its top-level statements by a scan
// (StatementScanner), each compared to the old ones by its text; only the
// statements whose text changed, and the old ones they replace, are parsed.
// An unchanged statement runs again only when it binds a name a changed one
// binds, or (a def or class) reads one when it runs: the statements that
// mention such a name at all are found by a text search, and only those are
// parsed to decide.
struct ModulePlan
{
    StatementPlan statements;    // what runs, and the class nodes of both versions
    QStringList removedNames;    // bound by the old version only
    std::vector<Reloader::LineMove> kept;  // every statement that does not run: old lines -> new lines
    QList<QPair<QString, int>> ranNames;   // names (imports aside) that what runs binds, with their lines
    py::list future;             // `from __future__` imports, compiled with what runs
    py::object wholeTree;        // the new module's syntax tree, when every statement was parsed
};

class ModulePlanner
{
public:
    ModulePlanner(const QByteArray &oldBytes, const QByteArray &newBytes, const QString &path)
        : m_old(oldBytes), m_new(newBytes), m_file(path.toStdString()),
          m_oldStatements(StatementScanner::scan(oldBytes)), m_newStatements(StatementScanner::scan(newBytes)),
          m_oldNodes(m_oldStatements.size()), m_newNodes(m_newStatements.size()),
          m_newNames(m_newStatements.size()), m_newNamesKnown(m_newStatements.size(), false)
    {
    }

    // Raises SyntaxError (with the file's line) when a changed statement does not parse.
    ModulePlan plan()
    {
        const size_t oldCount = m_oldStatements.size();
        const size_t newCount = m_newStatements.size();
        std::vector<int> matchOf(newCount, -1);
        std::vector<bool> oldMatched(oldCount, false);
        {
            struct Queue
            {
                std::vector<int> ids;
                size_t next = 0;
            };
            std::unordered_map<std::string_view, Queue> oldByText;
            oldByText.reserve(oldCount);
            for (size_t i = 0; i < oldCount; ++i)
                oldByText[StatementScanner::text(m_old, m_oldStatements[i])].ids.push_back(int(i));
            for (size_t j = 0; j < newCount; ++j) {
                auto found = oldByText.find(StatementScanner::text(m_new, m_newStatements[j]));
                if (found != oldByText.end() && found->second.next < found->second.ids.size()) {
                    matchOf[j] = found->second.ids[found->second.next++];
                    oldMatched[size_t(matchOf[j])] = true;
                }
            }
        }
        // Changed text: parsed, which reports a syntax error before anything runs.
        std::vector<size_t> changed;
        for (size_t j = 0; j < newCount; ++j) {
            if (matchOf[j] < 0) {
                newNodes(j);
                changed.push_back(j);
            }
        }
        // Reformatted, or only a comment changed: the same syntax tree as an old statement.
        if (!changed.empty()) {
            py::object key = statements().attr("key");
            std::unordered_map<std::string, std::vector<int>> oldByTree;
            for (size_t i = 0; i < oldCount; ++i) {
                if (!oldMatched[i])
                    oldByTree[key(oldNodes(i)).cast<std::string>()].push_back(int(i));
            }
            std::vector<size_t> stillChanged;
            for (size_t j : changed) {
                auto found = oldByTree.find(key(newNodes(j)).cast<std::string>());
                if (found != oldByTree.end() && !found->second.empty()) {
                    matchOf[j] = found->second.front();
                    oldMatched[size_t(matchOf[j])] = true;
                    found->second.erase(found->second.begin());
                } else {
                    stillChanged.push_back(j);
                }
            }
            changed.swap(stillChanged);
        }

        ModulePlan result;
        StatementPlan &plan = result.statements;
        std::vector<bool> runs(newCount, false);
        QSet<QString> dirty;
        for (size_t j : changed) {
            runs[j] = true;
            for (const QString &n : newNames(j))
                dirty.insert(n);
        }
        QStringList removedCandidates;  // in the order of the old file
        QSet<QString> removedSeen;
        for (size_t i = 0; i < oldCount; ++i) {
            if (oldMatched[i])
                continue;
            for (py::handle stmt : oldNodes(i)) {
                for (const QString &n : Reloader::boundNames(stmt, true)) {
                    if (!removedSeen.contains(n)) {
                        removedSeen.insert(n);
                        removedCandidates << n;
                    }
                    dirty.insert(n);
                }
                collectClassNodes(stmt, plan.oldClassNodes);
            }
        }
        // Unchanged statements that bind or read a changed name run again,
        // and what they bind counts as changed in turn.
        py::object reads = definitionReads();
        QSet<QString> frontier = dirty;
        while (!frontier.isEmpty()) {
            QSet<QString> next;
            for (size_t j : mentioning(frontier, matchOf, runs)) {
                bool affected = false;
                for (const QString &n : newNames(j))
                    affected = affected || dirty.contains(n);
                for (py::handle stmt : newNodes(j)) {
                    if (affected)
                        break;
                    for (py::handle n : reads(stmt)) {
                        if (dirty.contains(toQString(n))) {
                            affected = true;
                            break;
                        }
                    }
                }
                if (!affected)
                    continue;
                runs[j] = true;
                for (const QString &n : newNames(j)) {
                    if (!dirty.contains(n)) {
                        dirty.insert(n);
                        next.insert(n);
                    }
                }
            }
            frontier.swap(next);
        }

        py::object isFuture = statements().attr("is_future_import");
        QSet<QString> ran;
        bool everything = true;
        py::list all;
        for (size_t j = 0; j < newCount; ++j) {
            const StatementScanner::Statement &s = m_newStatements[j];
            if (!runs[j]) {
                everything = false;
                const StatementScanner::Statement &o = m_oldStatements[size_t(matchOf[j])];
                result.kept.push_back({o.firstLine, o.lastLine, s.firstLine - o.firstLine});
                if (StatementScanner::text(m_new, s).substr(0, 15) == "from __future__") {
                    for (py::handle stmt : newNodes(j)) {
                        if (isFuture(stmt).cast<bool>())
                            result.future.append(stmt);
                    }
                }
                continue;
            }
            for (py::handle stmt : newNodes(j)) {
                plan.changed.append(stmt);
                all.append(stmt);
                for (const QString &n : Reloader::boundNames(stmt, true)) {
                    if (!ran.contains(n)) {
                        ran.insert(n);
                        plan.changedNames << n;
                    }
                }
                const int line = stmt.attr("lineno").cast<int>();
                for (const QString &n : Reloader::boundNames(stmt, false))
                    result.ranNames.append({n, line});
                collectClassNodes(stmt, plan.newClassNodes);
            }
            if (matchOf[j] >= 0) {
                for (py::handle stmt : oldNodes(size_t(matchOf[j])))
                    collectClassNodes(stmt, plan.oldClassNodes);
            }
        }
        std::sort(result.kept.begin(), result.kept.end(),
                  [](const Reloader::LineMove &a, const Reloader::LineMove &b) { return a.first < b.first; });
        if (everything)
            result.wholeTree = statements().attr("module_of")(all);
        for (const QString &n : removedCandidates) {
            if (!ran.contains(n))
                result.removedNames << n;
        }
        plan.dirtyNames = dirty;
        return result;
    }

private:
    py::object parse(const QByteArray &source, const StatementScanner::Statement &s)
    {
        const std::string_view text = StatementScanner::text(source, s);
        return statements().attr("parse_statements")(py::str(text.data(), text.size()), m_file, s.firstLine);
    }
    const py::object &newNodes(size_t j)
    {
        if (!m_newNodes[j])
            m_newNodes[j] = parse(m_new, m_newStatements[j]);
        return m_newNodes[j];
    }
    const py::object &oldNodes(size_t i)
    {
        if (!m_oldNodes[i]) {
            try {
                m_oldNodes[i] = parse(m_old, m_oldStatements[i]);
            } catch (py::error_already_set &) {
                // The old source was applied, so it parsed; a piece of it
                // that does not parse alone binds nothing to remove.
                m_oldNodes[i] = py::list();
            }
        }
        return m_oldNodes[i];
    }
    const QStringList &newNames(size_t j)
    {
        if (!m_newNamesKnown[j]) {
            for (py::handle stmt : newNodes(j))
                m_newNames[j] << Reloader::boundNames(stmt, true);
            m_newNamesKnown[j] = true;
        }
        return m_newNames[j];
    }

    // The unchanged statements not yet running whose text has one of
    // `names` as a word, in file order.
    std::vector<size_t> mentioning(const QSet<QString> &names, const std::vector<int> &matchOf,
                                   const std::vector<bool> &runs) const
    {
        if (m_newStatements.empty())
            return {};
        std::unordered_set<std::string> words;
        for (const QString &n : names)
            words.insert(n.toStdString());
        std::vector<bool> hit(m_newStatements.size(), false);
        const char *s = m_new.constData();
        const int n = m_new.size();
        auto identifierByte = [](unsigned char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
        };
        size_t statement = 0;
        for (int i = 0; i < n;) {
            if (!identifierByte(static_cast<unsigned char>(s[i])) || (s[i] >= '0' && s[i] <= '9')) {
                ++i;
                continue;
            }
            const int start = i;
            while (i < n && identifierByte(static_cast<unsigned char>(s[i])))
                ++i;
            if (!words.count(std::string(s + start, size_t(i - start))))
                continue;
            while (statement + 1 < m_newStatements.size() && m_newStatements[statement + 1].begin <= start)
                ++statement;
            const StatementScanner::Statement &st = m_newStatements[statement];
            if (start >= st.begin && start < st.end)
                hit[statement] = true;
        }
        std::vector<size_t> out;
        for (size_t j = 0; j < hit.size(); ++j) {
            if (hit[j] && matchOf[j] >= 0 && !runs[j])
                out.push_back(j);
        }
        return out;
    }

    const QByteArray &m_old;
    const QByteArray &m_new;
    py::str m_file;
    std::vector<StatementScanner::Statement> m_oldStatements;
    std::vector<StatementScanner::Statement> m_newStatements;
    std::vector<py::object> m_oldNodes;
    std::vector<py::object> m_newNodes;
    std::vector<QStringList> m_newNames;
    std::vector<bool> m_newNamesKnown;
};

} // namespace

bool Reloader::adoptClass(py::module_ module, const QString &path, const QString &name, py::handle oldCls,
                          py::handle oldNode, py::handle newCls, py::handle newNode, ReloadReport &report)
{
    Merge merge(path, report, nullptr, nullptr);
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
    if (context)
        context->newTree = modulePlan.wholeTree;
    // A `from __future__` import changes how the rest compiles: keep it.
    py::list body;
    for (py::handle stmt : modulePlan.future)
        body.append(stmt);
    for (py::handle stmt : plan.changed)
        body.append(stmt);

    py::dict globals = module.attr("__dict__");
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
        } catch (py::error_already_set &e) {
            restoreGlobals();
            shiftTx.rollback();
            describeError(e, path, report);
            if (e.matches(reloadTimeoutType()))
                report.error = QStringLiteral("ReloadTimeout: the module body ran longer than %1 s and was stopped")
                                   .arg(s_timeLimit);
            return;
        }
    }

    const SourceText oldText(oldBytes);
    const SourceText newText(newBytes);
    Merge merge(path, report, &oldText, &newText);
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
    runUpgradeHooks(merge.updatedClasses(), report);
    if (context) {
        context->kept = std::move(modulePlan.kept);
        context->ranNames = std::move(modulePlan.ranNames);
    }
    report.actions = ReloadReport::summarisedActions(report.actions);
}
