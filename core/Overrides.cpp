#include "Overrides.h"
#include "Overrides_p.h"

#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <pybind11/eval.h>

#include <QCoreApplication>
#include <QMetaObject>
#include <QMutexLocker>
#include <QScopeGuard>

#include <map>

namespace {

enum class Kind { Function, Method, ClassMethod, StaticMethod };

struct Record
{
    int id = 0;
    py::object live;        // the function object every reference holds
    py::object underlying;  // the file's version, kept up to date by reloads
    py::object code;        // the override's code object, as installed on `live`
    Kind kind = Kind::Function;
    OverrideInfo info;
};

// Never freed: the records hold Python objects, which must not be released
// after the interpreter is finalised.
std::map<int, Record> &records()
{
    static auto *map = new std::map<int, Record>;
    return *map;
}

int nextId = 1;

Record *recordFor(py::handle fn)
{
    for (auto &[id, r] : records()) {
        if (r.live.is(fn))
            return &r;
    }
    return nullptr;
}

void publish()
{
    QList<OverrideInfo> list;
    for (const auto &[id, r] : records())
        list.append(r.info);
    OverrideRegistry::instance()->publish(list);
}

// Assigning __code__ from Python refuses a code object whose number of free
// variables differs from the current closure, and the closure is read-only
// there: both (and the globals, an override typed in the console runs in
// __main__) change together here, as the reloader does it.
void setCode(py::handle fn, py::handle code, py::handle closure, py::handle globals)
{
    auto *f = reinterpret_cast<PyFunctionObject *>(fn.ptr());
    Py_INCREF(code.ptr());
    Py_SETREF(f->func_code, code.ptr());
    PyObject *cells = closure.is_none() ? nullptr : closure.ptr();
    Py_XINCREF(cells);
    Py_XSETREF(f->func_closure, cells);
    Py_INCREF(globals.ptr());
    Py_SETREF(f->func_globals, globals.ptr());
    // Invalidates the specialised call sites that cached the old code.
    f->func_version = 0;
}

// Everything that makes a function behave as it does, except its identity
// and its name (the live function keeps its name, so tracebacks and reprs
// still say what it is).
void copyBehaviour(py::handle to, py::handle from)
{
    setCode(to, from.attr("__code__"), from.attr("__closure__"), from.attr("__globals__"));
    to.attr("__defaults__") = from.attr("__defaults__");
    to.attr("__kwdefaults__") = from.attr("__kwdefaults__");
    to.attr("__annotations__") = from.attr("__annotations__");
    to.attr("__doc__") = from.attr("__doc__");
}

py::object copyFunction(py::handle fn)
{
    py::object copy = py::module_::import("types").attr("FunctionType")(
        fn.attr("__code__"), fn.attr("__globals__"), fn.attr("__name__"), fn.attr("__defaults__"),
        fn.attr("__closure__"));
    copyBehaviour(copy, fn);
    copy.attr("__qualname__") = fn.attr("__qualname__");
    copy.attr("__module__") = fn.attr("__module__");
    copy.attr("__dict__").attr("update")(fn.attr("__dict__"));
    return copy;
}

QString str(py::handle h) { return QString::fromStdString(py::str(h).cast<std::string>()); }

struct Target
{
    py::object fn;
    Kind kind;
    py::object owner;  // the class named as the target, if one was
};

Target resolve(py::handle target, py::object name, py::handle replacement)
{
    if (PyType_Check(target.ptr())) {
        if (name.is_none())
            name = replacement.attr("__name__");
        const QString className = str(target.attr("__qualname__"));
        py::object own = target.attr("__dict__").attr("get")(name);
        if (own.is_none()) {
            for (py::handle base : target.attr("__mro__")) {
                if (base.attr("__dict__").contains(name))
                    throw py::attribute_error(QStringLiteral("%1.%2 is defined by %3: override %3.%2")
                                                  .arg(className, str(name), str(base.attr("__qualname__")))
                                                  .toStdString());
            }
            throw py::attribute_error(
                QStringLiteral("%1 has no method %2").arg(className, str(name)).toStdString());
        }
        py::object cls = py::reinterpret_borrow<py::object>(target);
        if (PyFunction_Check(own.ptr()))
            return {own, Kind::Method, cls};
        if (py::isinstance(own, py::module_::import("builtins").attr("classmethod")))
            return {own.attr("__func__"), Kind::ClassMethod, cls};
        if (py::isinstance(own, py::module_::import("builtins").attr("staticmethod")))
            return {own.attr("__func__"), Kind::StaticMethod, cls};
        throw py::type_error(QStringLiteral("%1.%2 is a %3, not a function")
                                 .arg(className, str(name), str(py::type::of(own).attr("__name__")))
                                 .toStdString());
    }
    if (!name.is_none())
        throw py::type_error("relive.override(target, name): target must be a class when a name is given");
    if (py::isinstance(target, py::module_::import("types").attr("MethodType")))
        return {target.attr("__func__"), Kind::Method, py::object()};
    if (PyFunction_Check(target.ptr())) {
        // Class.method is a plain function: its qualified name says it is a method.
        const QString qualName = str(target.attr("__qualname__"));
        const bool method = qualName.contains(QLatin1Char('.')) && !qualName.contains(QLatin1String("<locals>"));
        return {py::reinterpret_borrow<py::object>(target), method ? Kind::Method : Kind::Function, py::object()};
    }
    throw py::type_error(QStringLiteral("cannot override %1: not a function, a method or a class")
                             .arg(str(py::repr(target)))
                             .toStdString());
}

struct Handle
{
    int id;
};

py::module_ sourceHelpers()
{
    return importResourceModule("relive_overrides", QStringLiteral("relive_overrides.py"));
}

} // namespace

OverrideRegistry *OverrideRegistry::instance()
{
    static auto *registry = [] {
        auto *r = new OverrideRegistry;
        // Created by whichever thread asks first (often a Python worker,
        // which has no event loop): changed() is delivered in the application's.
        if (QCoreApplication *app = QCoreApplication::instance())
            r->moveToThread(app->thread());
        return r;
    }();
    return registry;
}

QList<OverrideInfo> OverrideRegistry::overrides() const
{
    QMutexLocker lock(&m_mutex);
    return m_list;
}

void OverrideRegistry::publish(const QList<OverrideInfo> &list)
{
    {
        QMutexLocker lock(&m_mutex);
        m_list = list;
    }
    QMetaObject::invokeMethod(this, [this] { Q_EMIT changed(); }, Qt::QueuedConnection);
}

// Finds the def around `line` in the buffer (and the classes it is nested
// in), compiles just that text with the file's line numbers in the module's
// globals, and overrides the live object it names.
static const char *const overrideFromSourceCode = R"py(
def override_from_source(path, buffer, line):
    import ast, os, sys, textwrap, relive
    real = os.path.realpath(path)
    module = next((m for m in list(sys.modules.values())
                   if isinstance(getattr(m, '__file__', None), str) and os.path.realpath(m.__file__) == real), None)
    if module is None:
        raise ValueError(f'{path} is not loaded in the running program')
    tree = ast.parse(buffer, path)
    found = None
    def visit(body, classes):
        nonlocal found
        for node in body:
            start = min([node.lineno] + [d.lineno for d in getattr(node, 'decorator_list', [])])
            if start <= line <= node.end_lineno:
                if isinstance(node, ast.ClassDef):
                    visit(node.body, classes + [node.name])
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found = (node, start, classes)
    visit(tree.body, [])
    if found is None:
        raise ValueError(f'{path}:{line}: the cursor is not in a function or a method')
    node, start, classes = found
    text = textwrap.dedent('\n'.join(buffer.splitlines()[start - 1:node.end_lineno]))
    scope = {}
    if classes:
        source = '\n' * (start - 2) + 'class _relive_override_:\n' + textwrap.indent(text, '    ') + '\n'
        exec(compile(source, path, 'exec'), module.__dict__, scope)
        fn = scope['_relive_override_'].__dict__[node.name]
        target = module
        for name in classes:
            target = getattr(target, name)
        return relive.override(target, node.name, getattr(fn, '__func__', fn))
    exec(compile('\n' * (start - 1) + text + '\n', path, 'exec'), module.__dict__, scope)
    return relive.override(getattr(module, node.name), func=scope[node.name])
)py";

void OverrideRegistry::overrideFromSource(const QString &path, const QString &buffer, int line)
{
    PythonRuntime *runtime = startedRuntime();
    if (!runtime)
        return;
    postLive(runtime, [this, path, buffer, line] {
        bool ok = false;
        QString message;
        try {
            Overrides::noteSource(path, buffer);
            static auto *function = new py::object([] {
                py::dict scope;
                py::exec(overrideFromSourceCode, scope);
                return py::object(scope["override_from_source"]);
            }());
            py::object handle = (*function)(path.toStdString(), buffer.toStdString(), line);
            message = str(handle.attr("target"));
            ok = true;
        } catch (py::error_already_set &e) {
            message = QStringLiteral("%1: %2").arg(str(e.type().attr("__name__")), str(e.value()));
        }
        QMetaObject::invokeMethod(this, [this, ok, message] { Q_EMIT sourceOverridden(ok, message); },
                                  Qt::QueuedConnection);
    });
}

void OverrideRegistry::revert(int id)
{
    if (PythonRuntime *runtime = startedRuntime())
        postLive(runtime, [id] { Overrides::revert(id); });
}

py::object Overrides::install(py::handle target, py::object name, py::handle replacementHandle)
{
    if (!PyFunction_Check(replacementHandle.ptr()))
        throw py::type_error("an override must be a function (a def)");
    py::object replacement = py::reinterpret_borrow<py::object>(replacementHandle);
    const Target t = resolve(target, name, replacement);
    if (t.fn.is(replacement))
        throw py::value_error("a function cannot override itself");

    py::module_ helpers = sourceHelpers();
    py::object source = helpers.attr("function_source")(replacement);
    py::object owner = t.owner;
    if (!owner && (t.kind == Kind::Method || t.kind == Kind::ClassMethod)) {
        owner = helpers.attr("owner_class")(t.fn);
        if (owner.is_none())
            owner = py::object();
    }
    // A def typed at the console's top level has no __class__ cell, so
    // zero-argument super() in it fails: compiled again from its text inside
    // a class body, it gets one (set to the live class below).
    py::object replacementCode = replacement.attr("__code__");
    if (owner && !py::tuple(replacementCode.attr("co_freevars")).contains("__class__")
        && py::tuple(replacementCode.attr("co_names")).contains("super")) {
        try {
            py::object method = helpers.attr("as_method")(replacement, source, replacementCode.attr("co_filename"));
            if (!method.is_none())
                replacement = method;
        } catch (py::error_already_set &) {
            // Its text does not compile alone (a name its annotations need is
            // gone): installed as typed, where super() needs its arguments.
        }
    }

    Record record;
    record.live = t.fn;
    record.kind = t.kind;
    if (Record *previous = recordFor(t.fn)) {
        // A second override replaces the first; the file's version stays under both.
        record.underlying = previous->underlying;
        record.info.fileChanged = previous->info.fileChanged;
        records().erase(previous->id);
    } else {
        record.underlying = copyFunction(t.fn);
    }
    copyBehaviour(t.fn, replacement);
    // A method written inside a class body (the editor's action compiles it
    // in a stand-in class, as_method above too) has a zero-argument super()
    // cell naming that class: it must name the class it now belongs to.
    py::tuple free = replacement.attr("__code__").attr("co_freevars");
    if (owner) {
        py::list cells;
        bool replaced = false;
        for (size_t i = 0; i < py::len(free); ++i) {
            py::object cell = replacement.attr("__closure__")[py::int_(i)];
            if (free[i].cast<std::string>() == "__class__") {
                cell = py::reinterpret_steal<py::object>(PyCell_New(owner.ptr()));
                replaced = true;
            }
            cells.append(cell);
        }
        if (replaced)
            setCode(t.fn, replacement.attr("__code__"), py::tuple(cells), replacement.attr("__globals__"));
    }
    record.code = replacement.attr("__code__");
    record.id = nextId++;
    record.info.id = record.id;
    record.info.target = str(t.fn.attr("__module__")) + QLatin1Char('.') + str(t.fn.attr("__qualname__"));
    record.info.origin = str(record.code.attr("co_filename")) + QLatin1Char(':')
                         + str(record.code.attr("co_firstlineno"));
    record.info.installed = QDateTime::currentDateTime();
    record.info.file = str(record.underlying.attr("__code__").attr("co_filename"));
    record.info.qualifiedName = str(t.fn.attr("__qualname__"));
    if (!source.is_none())
        record.info.source = str(source[py::int_(0)]);
    const int id = record.id;
    records()[id] = std::move(record);
    publish();
    return py::cast(Handle{id});
}

void Overrides::noteSource(const QString &fileName, const QString &text)
{
    sourceHelpers().attr("note")(fileName.toStdString(), text.toStdString());
}

void OverrideRegistry::writeToSource(int id, const QString &path, const QString &buffer)
{
    QString qualifiedName;
    QString source;
    for (const OverrideInfo &info : overrides()) {
        if (info.id == id) {
            qualifiedName = info.qualifiedName;
            source = info.source;
        }
    }
    auto answer = [this, id, path](int first, int last, const QString &text, const QString &error) {
        QMetaObject::invokeMethod(this, [this, id, path, first, last, text, error] {
            Q_EMIT sourceEditReady(id, path, first, last, text, error);
        }, Qt::QueuedConnection);
    };
    if (qualifiedName.isEmpty()) {
        answer(0, 0, QString(), QStringLiteral("the override is no longer active"));
        return;
    }
    if (source.isEmpty()) {
        answer(0, 0, QString(), QStringLiteral("the text of the override is not known (a lambda, or code made at run time)"));
        return;
    }
    PythonRuntime *runtime = startedRuntime();
    if (!runtime)
        return;
    postLive(runtime, [answer, buffer, qualifiedName, source] {
        int first = 0;
        int last = 0;
        QString text;
        QString error;
        // Answered whatever the buffer holds.
        const auto finish = qScopeGuard([&] { answer(first, last, text, error); });
        try {
            py::tuple edit = sourceHelpers().attr("replace_in_buffer")(buffer.toStdString(), qualifiedName.toStdString(),
                                                                      source.toStdString());
            first = edit[0].cast<int>();
            last = edit[1].cast<int>();
            text = str(edit[2]);
        } catch (py::error_already_set &e) {
            error = QStringLiteral("%1: %2").arg(str(e.type().attr("__name__")), str(e.value()));
        }
    });
}

bool Overrides::revert(int id)
{
    auto it = records().find(id);
    if (it == records().end())
        return false;
    copyBehaviour(it->second.live, it->second.underlying);
    py::dict d = it->second.live.attr("__dict__");
    d.attr("update")(it->second.underlying.attr("__dict__"));
    records().erase(it);
    publish();
    return true;
}

py::list Overrides::handles()
{
    py::list result;
    for (const auto &[id, r] : records())
        result.append(py::cast(Handle{id}));
    return result;
}

py::object Overrides::original()
{
    // Called from C++, so frame 0 is the Python code that called original().
    py::object frame = py::module_::import("sys").attr("_getframe")(0);
    // Walks out of comprehensions and nested functions to the override's own frame.
    for (; !frame.is_none(); frame = frame.attr("f_back")) {
        py::object code = frame.attr("f_code");
        for (const auto &[id, r] : records()) {
            if (!r.code.is(code))
                continue;
            if (r.kind == Kind::Method || r.kind == Kind::ClassMethod) {
                py::tuple names = code.attr("co_varnames");
                if (code.attr("co_argcount").cast<int>() > 0) {
                    py::object self = frame.attr("f_locals")[names[0]];
                    return py::module_::import("types").attr("MethodType")(r.underlying, self);
                }
            }
            return r.underlying;
        }
    }
    throw py::value_error("relive.original() is called from outside an override");
}

py::object Overrides::underlyingFor(py::handle fn)
{
    Record *r = recordFor(fn);
    return r ? r->underlying : py::object();
}

bool Overrides::setFileChanged(py::handle fn, bool changed)
{
    Record *r = recordFor(fn);
    if (!r || r->info.fileChanged == changed)
        return changed;
    r->info.fileChanged = changed;
    publish();
    return !changed;
}

QStringList Overrides::activeIn(const QString &file)
{
    QStringList names;
    for (const auto &[id, r] : records()) {
        if (r.info.file == file)
            names << r.info.qualifiedName;
    }
    return names;
}

void Overrides::registerApi(py::module_ &m)
{
    py::class_<Handle>(m, "Override", "An active or reverted override; revert() takes it back.")
        .def_property_readonly("id", [](const Handle &h) { return h.id; })
        .def_property_readonly("active", [](const Handle &h) { return records().count(h.id) > 0; })
        .def_property_readonly("target", [](const Handle &h) -> py::object {
            auto it = records().find(h.id);
            return it == records().end() ? py::object(py::none()) : py::cast(it->second.info.target.toStdString());
        })
        .def_property_readonly("origin", [](const Handle &h) -> py::object {
            auto it = records().find(h.id);
            return it == records().end() ? py::object(py::none()) : py::cast(it->second.info.origin.toStdString());
        })
        .def_property_readonly("source", [](const Handle &h) -> py::object {
            auto it = records().find(h.id);
            if (it == records().end() || it->second.info.source.isEmpty())
                return py::none();
            return py::cast(it->second.info.source.toStdString());
        })
        .def_property_readonly("file_changed", [](const Handle &h) {
            auto it = records().find(h.id);
            return it != records().end() && it->second.info.fileChanged;
        })
        .def("revert", [](const Handle &h) { return revert(h.id); },
             "Installs what the file defines now; False if the override was no longer active.")
        .def("__eq__", [](const Handle &a, const Handle &b) { return a.id == b.id; }, py::is_operator())
        .def("__hash__", [](const Handle &h) { return h.id; })
        .def("__repr__", [](const Handle &h) {
            auto it = records().find(h.id);
            if (it == records().end())
                return QStringLiteral("<relive override %1, reverted>").arg(h.id).toStdString();
            return QStringLiteral("<relive override %1 of %2 from %3%4>")
                .arg(h.id)
                .arg(it->second.info.target, it->second.info.origin,
                     it->second.info.fileChanged ? QStringLiteral(", file changed underneath") : QString())
                .toStdString();
        });

    m.def("override", [](py::object target, py::object name, py::object func) -> py::object {
        if (!func.is_none())
            return install(target, name, func);
        return py::cpp_function([target, name](py::object f) { return install(target, name, f); });
    }, py::arg("target"), py::arg("name") = py::none(), py::arg("func") = py::none(),
       "Replaces a live function or method with `func` until reverted, without touching its file. "
       "As a decorator: @relive.override(Class) above a def of one of its methods, "
       "@relive.override(function), or @relive.override(Class, 'name'). Returns the override's handle.");
    m.def("overrides", &handles, "The active overrides, oldest first.");
    m.def("original", &original,
          "Inside an override: the function it replaces (what the file defines), bound to the same self.");
}
