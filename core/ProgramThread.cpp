// The program thread of PythonRuntime: running a callable of a namespace or a
// file as __main__, and saying how it ended.
#include "PythonRuntime_p.h"

#include <QFileInfo>
#include <QScopeGuard>

#include <vector>

namespace {

// As a run from a shell leaves its variables behind, the script's names
// (not its dunders) go to the console's __main__ however it ended. Its
// functions keep their own globals: the module that ran.
void keepGlobalsInConsole(const py::dict &globals)
{
    try {
        py::dict console = py::module_::import("__main__").attr("__dict__");
        for (const auto item : globals) {
            if (!py::isinstance<py::str>(item.first) || item.first.cast<std::string>().rfind("__", 0) == 0)
                continue;
            console[item.first] = item.second;
        }
    } catch (py::error_already_set &) {
        // A stop arriving just now: the names are the console's convenience only.
    }
}

// The code of the file at `path`, compiled from its bytes, so that compile()
// honours a coding cookie as `python file.py` does.
py::object compileFile(const std::string &path)
{
    py::object file = py::module_::import("io").attr("open_code")(path);
    py::object source;
    try {
        source = file.attr("read")();
    } catch (py::error_already_set &) {
        file.attr("close")();
        throw;
    }
    file.attr("close")();
    return py::module_::import("builtins").attr("compile")(source, path, "exec", py::arg("dont_inherit") = true);
}

// Runs `code` in `globals` as a script, its names left to the console however it ends.
void execAsScript(const py::object &code, const py::dict &globals)
{
    try {
        py::module_::import("builtins").attr("exec")(code, globals);
    } catch (py::error_already_set &) {
        keepGlobalsInConsole(globals);
        throw;
    }
    keepGlobalsInConsole(globals);
}

// sys.argv = [first, arguments...] for as long as it lives; put back after
// unless the program set its own.
class ArgvScope
{
public:
    ArgvScope(py::object first, const QStringList &arguments)
        : m_sys(py::module_::import("sys"))
        , m_saved(m_sys.attr("argv"))
    {
        m_argv.append(first);
        for (const QString &argument : arguments)
            m_argv.append(argument.toStdString());
        m_sys.attr("argv") = m_argv;
    }
    ~ArgvScope()
    {
        try {
            if (py::object(m_sys.attr("argv")).is(m_argv))
                m_sys.attr("argv") = m_saved;
        } catch (py::error_already_set &) {
            // sys replaced by the program: nothing of ours left to restore.
        }
    }
    ArgvScope(const ArgvScope &) = delete;
    ArgvScope &operator=(const ArgvScope &) = delete;

private:
    py::module_ m_sys;
    py::object m_saved;
    py::list m_argv;
};

// Runs on the program thread with the GIL held.
void runFileAsMain(const QString &path, const QStringList &arguments)
{
    py::module_ sys = py::module_::import("sys");
    py::object builtins = py::module_::import("builtins");
    py::object code = compileFile(path.toStdString());

    // A module of its own rather than the console's __main__: the console
    // keeps its variables, and the script starts from a clean namespace.
    py::object module = py::module_::import("types").attr("ModuleType")("__main__");
    py::dict globals = module.attr("__dict__");
    globals["__file__"] = path.toStdString();
    globals["__cached__"] = py::none();
    globals["__builtins__"] = builtins;

    const ArgvScope argv(py::str(path.toStdString()), arguments);
    const py::str directory(QFileInfo(path).absolutePath().toStdString());
    sys.attr("path").attr("insert")(0, directory);
    const auto restore = qScopeGuard([&] {
        try {
            // Put back only what is still ours: the script may have changed it.
            py::list path = sys.attr("path");
            for (size_t i = 0; i < py::len(path); ++i) {
                if (py::object(path[i]).equal(directory)) {
                    path.attr("pop")(i);
                    break;
                }
            }
        } catch (py::error_already_set &) {
            // sys replaced by the script: nothing of ours left to restore.
        }
    });
    execAsScript(code, globals);
}

// Runs on the program thread: `module` as `python -m module args...` runs it.
// Not with runpy's alter_sys, which would swap sys.modules["__main__"], the
// console's namespace, for the length of the run.
void runModuleAsMain(const QString &module, const QStringList &arguments)
{
    py::object findSpec = py::module_::import("importlib.util").attr("find_spec");
    py::object spec = findSpec(module.toStdString());
    // A package of a namespace runs its __main__, as runpy would run it.
    if (!spec.is_none() && !py::object(spec.attr("submodule_search_locations")).is_none()
        && !py::hasattr(spec.attr("loader"), "get_code"))
        spec = findSpec((module + QStringLiteral(".__main__")).toStdString());
    const ArgvScope argv(!spec.is_none() && !py::object(spec.attr("origin")).is_none()
                             ? py::object(spec.attr("origin"))
                             : py::object(py::str(module.toStdString())),
                         arguments);
    py::object loader = spec.is_none() ? py::none() : py::object(spec.attr("loader"));
    if (spec.is_none() || !py::object(spec.attr("submodule_search_locations")).is_none()
        || py::hasattr(loader, "get_code") || py::object(spec.attr("origin")).is_none()) {
        // runpy says what is missing, and runs a package's __main__.
        py::dict globals = py::module_::import("runpy").attr("run_module")(
            module.toStdString(), py::arg("run_name") = "__main__", py::arg("alter_sys") = false);
        keepGlobalsInConsole(globals);
        return;
    }
    // A module of a Relive namespace: its finder loads from source, so the
    // file runs as __main__ with the package set for relative imports.
    const std::string origin = py::str(spec.attr("origin"));
    py::object code = compileFile(origin);
    py::dict globals;
    globals["__name__"] = "__main__";
    globals["__file__"] = origin;
    globals["__package__"] = spec.attr("parent");
    globals["__spec__"] = spec;
    globals["__builtins__"] = py::module_::import("builtins");
    execAsScript(code, globals);
}

// Runs on the program thread: "package.module:callable" (":main" when no
// callable is named, as runProgram() has it) with sys.argv = [spec, args...].
void runCallableWithArguments(const QString &spec, const QStringList &arguments)
{
    const QString name = spec.contains(QLatin1Char(':')) ? spec : spec + QStringLiteral(":main");
    py::object target = py::module_::import("pkgutil").attr("resolve_name")(name.toStdString());
    const ArgvScope argv(py::str(spec.toStdString()), arguments);
    target();
}

// A run configuration's working directory and environment for the length of
// one run. What was there before is put back at the end, a variable that did
// not exist is removed again: the console and the next run start clean.
class ProgramScope
{
public:
    explicit ProgramScope(const ProgramSetup &setup)
    {
        if (setup.environment.isEmpty() && setup.workingDirectory.isEmpty())
            return;
        py::module_ os = py::module_::import("os");
        if (!setup.workingDirectory.isEmpty()) {
            py::object previous = os.attr("getcwd")();
            os.attr("chdir")(setup.workingDirectory.toStdString());
            m_directory = previous;
        }
        try {
            py::object environ = os.attr("environ");
            for (const auto &[name, value] : setup.environment) {
                const py::str key(name.toStdString());
                py::object old = environ.attr("get")(key);
                environ[key] = py::str(value.toStdString());
                m_environment.emplace_back(key, old);
            }
        } catch (py::error_already_set &) {
            // A name the system refuses: the run does not start half set up.
            restore();
            throw;
        }
    }
    ~ProgramScope() { restore(); }
    ProgramScope(const ProgramScope &) = delete;
    ProgramScope &operator=(const ProgramScope &) = delete;

private:
    void restore()
    {
        if (m_environment.empty() && !m_directory)
            return;
        try {
            py::module_ os = py::module_::import("os");
            if (m_directory)
                os.attr("chdir")(m_directory);
            py::object environ = os.attr("environ");
            // In reverse, so a name given twice ends with its first old value.
            for (auto it = m_environment.rbegin(); it != m_environment.rend(); ++it) {
                if (it->second.is_none())
                    environ.attr("pop")(it->first, py::none());
                else
                    environ[it->first] = it->second;
            }
        } catch (py::error_already_set &) {
            // The old directory is gone, or os was replaced: the run's values stay.
        }
        m_environment.clear();
        m_directory = py::object();
    }

    std::vector<std::pair<py::str, py::object>> m_environment;   // name, old value or None
    py::object m_directory;
};

} // namespace

ProgramExit PythonRuntimePrivate::programExitOf(py::error_already_set &e)
{
    ProgramExit exit;
    if (e.matches(PyExc_SystemExit)) {
        exit.status = exitStatusOf(e);
        exit.reason = exit.status == 0 ? ProgramExit::Reason::Finished : ProgramExit::Reason::Exited;
        return exit;
    }
    if (e.matches(PyExc_KeyboardInterrupt) && stopRequested) {
        exit.status = 130;
        exit.reason = ProgramExit::Reason::Stopped;
        return exit;
    }
    exit.reason = ProgramExit::Reason::Raised;
    exit.status = e.matches(PyExc_KeyboardInterrupt) ? 130 : 1;
    try {
        py::list lines = py::module_::import("traceback").attr("format_exception_only")(e.type(), e.value());
        exit.exception = QString::fromStdString(py::str(lines[py::len(lines) - 1]).cast<std::string>()).trimmed();
    } catch (py::error_already_set &) {
        exit.exception = QString::fromUtf8(e.what());
    }
    return exit;
}

void PythonRuntimePrivate::startProgram(const QString &spec, py::object target, const ProgramSetup &setup)
{
    programSpec = spec;
    stopRequested = false;
    programRunning = true;
    // Queued in the output's order before the thread exists, so nothing the
    // program prints can come before it.
    emitInOutputOrder([this, spec] { Q_EMIT q->programStarted(spec); });
    auto finish = [this, spec](const ProgramExit &exit) {
        programRunning = false;
        programThreadId = 0;
        emitInOutputOrder([this, spec, exit] {
            Q_EMIT q->programFinished(spec, exit.status);
            Q_EMIT q->programEnded(spec, exit);
        });
    };
    auto body = py::cpp_function([this, target, finish, setup] {
        programThreadId = PyThread_get_thread_ident();
        ProgramExit exit;
        exit.reason = ProgramExit::Reason::Raised;
        exit.status = 1;
        exit.exception = QStringLiteral("internal error");
        const auto finished = qScopeGuard([&] {
            endForkedChild(exit.status);
            finish(exit);
        });
        try {
            const ProgramScope scope(setup);
            target();
            exit = ProgramExit();
        } catch (py::error_already_set &e) {
            exit = programExitOf(e);
            if (exit.reason == ProgramExit::Reason::Raised)
                printException(e);
        }
        flushUserStreams();
    });
    try {
        py::object thread = py::module_::import("threading").attr("Thread")(
            py::arg("target") = body, py::arg("name") = spec.toStdString(), py::arg("daemon") = true);
        thread.attr("start")();
        // The body sets its id as it starts; this covers a stopProgram() that
        // comes before. Both hold the GIL, so the body's end cannot come between.
        if (programRunning && programThreadId == 0)
            programThreadId = thread.attr("ident").cast<unsigned long>();
    } catch (py::error_already_set &e) {
        ProgramExit exit = programExitOf(e);
        printException(e);
        finish(exit);
    }
}

void PythonRuntime::runFile(const QString &path, const QStringList &arguments)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    d->console->post([this, file, arguments] {
        d->startProgram(file, py::cpp_function([file, arguments] { runFileAsMain(file, arguments); }));
    });
}

void PythonRuntime::runFile(const QString &path, const ProgramSetup &setup)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    d->console->post([this, file, setup] {
        const QStringList arguments = setup.arguments;
        d->startProgram(file, py::cpp_function([file, arguments] { runFileAsMain(file, arguments); }), setup);
    });
}

void PythonRuntime::runProgram(const QString &spec, const ProgramSetup &setup)
{
    d->console->post([this, spec, setup] {
        const QStringList arguments = setup.arguments;
        d->startProgram(spec, py::cpp_function([spec, arguments] { runCallableWithArguments(spec, arguments); }),
                        setup);
    });
}

void PythonRuntime::runModule(const QString &module, const ProgramSetup &setup)
{
    const QString spec = QStringLiteral("-m ") + module;
    d->console->post([this, module, spec, setup] {
        const QStringList arguments = setup.arguments;
        d->startProgram(spec, py::cpp_function([module, arguments] { runModuleAsMain(module, arguments); }), setup);
    });
}
