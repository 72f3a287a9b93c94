#include "PythonRuntime_p.h"

#include "Importer_p.h"
#include "NamespaceNode.h"
#include "Overrides_p.h"
#include "ReloadReport.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QScopeGuard>
#include <QTimer>

#include <climits>

#include <csignal>
#include <pthread.h>
#include <unistd.h>

void registerReliveModule();  // ReliveModule.cpp

namespace {
// Output beyond this many characters waiting for the GUI makes writers wait:
// a print loop then runs at the speed the console can show it.
constexpr qsizetype MaxPendingOutput = 4 * 1024 * 1024;
constexpr int OutputBatchMs = 15;
// The longest prompt an input() read shows (the end of its last line).
constexpr qsizetype MaxPromptChars = 200;
}

// ---------------------------------------------------------------- PythonWorker

PythonWorker::PythonWorker(PythonRuntimePrivate *runtime, bool ownsInterpreter)
    : m_runtime(runtime), m_ownsInterpreter(ownsInterpreter)
{
}

void PythonWorker::post(std::function<void()> job)
{
    QMutexLocker lock(&m_mutex);
    m_jobs.push_back(std::move(job));
    m_wake.wakeOne();
}

void PythonWorker::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stopping = true;
    m_wake.wakeOne();
}

std::function<void()> PythonWorker::take()
{
    QMutexLocker lock(&m_mutex);
    while (m_jobs.empty() && !m_stopping)
        m_wake.wait(&m_mutex);
    if (m_jobs.empty())
        return {};
    auto job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_busy = true;
    return job;
}

void PythonWorker::run()
{
    m_nativeId = QThread::currentThreadId();
    PyGILState_STATE persistent{};
    if (m_ownsInterpreter) {
        QString error;
        const bool ok = m_runtime->initialiseInterpreter(&error);
        {
            QMutexLocker lock(&m_runtime->startMutex);
            m_runtime->startDone = true;
            m_runtime->startOk = ok;
            m_runtime->startError = error;
            m_runtime->started.wakeAll();
        }
        if (!ok)
            return;
    } else {
        // Keep one thread state for the whole life of the worker, so per-job
        // GIL acquisition is cheap and the Python thread id stays the same.
        persistent = PyGILState_Ensure();
    }
    m_pythonThreadId = PyThread_get_thread_ident();
    PyThreadState *saved = PyEval_SaveThread();

    while (auto job = take()) {
        {
            py::gil_scoped_acquire gil;
            // Drop a Ctrl+C that arrived while nothing was running; it was
            // meant for the command that has finished.
            if (m_ownsInterpreter && PyErr_CheckSignals() != 0)
                PyErr_Clear();
            try {
                job();
            } catch (py::error_already_set &e) {
                printPythonException(e);
            } catch (const std::exception &e) {
                PySys_WriteStderr("relive: internal error: %s\n", e.what());
            }
        }
        m_busy = false;
    }

    PyEval_RestoreThread(saved);
    if (m_ownsInterpreter)
        m_runtime->finaliseInterpreter();
    else
        PyGILState_Release(persistent);
}

// ---------------------------------------------------------- PythonRuntimePrivate

bool PythonRuntimePrivate::initialiseInterpreter(QString *error)
{
    registerReliveModule();
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;
    config.install_signal_handlers = 1;
    // Resolve the standard library and site-packages from the distribution's
    // interpreter, whatever python3 comes first on PATH.
    PyConfig_SetBytesString(&config, &config.executable, RELIVE_PYTHON_EXECUTABLE);
    const char *argv[] = {""};
    PyConfig_SetBytesArgv(&config, 1, const_cast<char *const *>(argv));
    const PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        *error = QString::fromUtf8(status.err_msg ? status.err_msg : "Python failed to start");
        return false;
    }
    try {
        py::module_ sys = py::module_::import("sys");
        py::module_ relive = py::module_::import("relive");
        if (!processStreamsKept) {
            sys.attr("stdout") = relive.attr("_Output")(0);
            sys.attr("stderr") = relive.attr("_Output")(1);
        } else if (!sys.attr("stdout").is_none()) {
            // A program's loop prints while it runs: each line is seen as it
            // is printed, on a pipe too.
            sys.attr("stdout").attr("reconfigure")(py::arg("line_buffering") = true);
        }
        if (consoleInputEnabled)
            ConsoleInput::install(true);
        py::module_::import("__main__").attr("__builtins__") = py::module_::import("builtins");
        // Python installs its SIGINT handler only where none was set before
        // (a host or a test harness may have one): interrupt() relies on it.
        py::module_ signal = py::module_::import("signal");
        signal.attr("signal")(signal.attr("SIGINT"), signal.attr("default_int_handler"));
    } catch (py::error_already_set &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void PythonRuntimePrivate::finaliseInterpreter()
{
    bool othersRunning = false;
    try {
        // threading._shutdown() would wait for every non-daemon thread a user
        // started; a program loop that never ends must not hang the exit.
        py::object threading = py::module_::import("threading");
        py::object current = threading.attr("current_thread")();
        for (py::handle t : threading.attr("enumerate")()) {
            if (!t.is(current) && !t.attr("daemon").cast<bool>() && t.attr("is_alive")().cast<bool>())
                othersRunning = true;
        }
    } catch (py::error_already_set &) {
    }
    if (!othersRunning)
        py::finalize_interpreter();
}

void PythonRuntimePrivate::appendOutput(PythonRuntime::Stream stream, const QString &text)
{
    if (text.isEmpty())
        return;
    bool schedule = false;
    {
        QMutexLocker lock(&outputMutex);
        if (pendingChars > MaxPendingOutput) {
            py::gil_scoped_release release;
            while (pendingChars > MaxPendingOutput)
                outputDrained.wait(&outputMutex, 100);
        }
        if (!pending.empty() && !pending.back().event && pending.back().stream == stream)
            pending.back().text += text;
        else
            pending.push_back({stream, text, {}});
        pendingChars += text.size();
        const qsizetype lineEnd = text.lastIndexOf(QLatin1Char('\n'));
        outputTail = lineEnd < 0 ? (outputTail + text).right(MaxPromptChars) : text.mid(lineEnd + 1).right(MaxPromptChars);
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            schedule = true;
        }
    }
    if (schedule) {
        // One queued call per batch, however many writes it collects.
        QMetaObject::invokeMethod(q, [this] {
            QTimer::singleShot(OutputBatchMs, q, [this] { deliverOutput(); });
        }, Qt::QueuedConnection);
    }
}

void PythonRuntimePrivate::emitOnOwnerThread(std::function<void()> emitter)
{
    // Output written before the event must reach receivers before it (a
    // prompt after the text a command printed).
    QMetaObject::invokeMethod(q, [this, emitter = std::move(emitter)] {
        deliverOutput();
        emitter();
    }, Qt::QueuedConnection);
}

void PythonRuntimePrivate::deliverOutput()
{
    std::deque<OutputSegment> batch;
    {
        QMutexLocker lock(&outputMutex);
        batch.swap(pending);
        pendingChars = 0;
        deliveryScheduled = false;
        outputDrained.wakeAll();
    }
    for (auto &segment : batch) {
        if (segment.event)
            segment.event();
        else
            Q_EMIT q->output(segment.text, segment.stream);
    }
}

void PythonRuntimePrivate::emitInOutputOrder(std::function<void()> emitter)
{
    bool schedule = false;
    {
        QMutexLocker lock(&outputMutex);
        pending.push_back({PythonRuntime::Stream::Stdout, QString(), std::move(emitter)});
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            schedule = true;
        }
    }
    if (schedule) {
        QMetaObject::invokeMethod(q, [this] { deliverOutput(); }, Qt::QueuedConnection);
    }
}

int PythonRuntimePrivate::exitStatusOf(py::error_already_set &e)
{
    // Python's own rules (handle_system_exit in pythonrun.c): None is 0, an
    // int is the status (-1 when it does not fit), anything else is printed
    // to stderr and the status is 1.
    try {
        py::object code = e.value().attr("code");
        if (code.is_none())
            return 0;
        if (PyLong_Check(code.ptr())) {
            int overflow = 0;
            const long value = PyLong_AsLongAndOverflow(code.ptr(), &overflow);
            if (overflow != 0 || value > INT_MAX || value < INT_MIN)
                return -1;
            return int(value);
        }
        py::print(code, py::arg("file") = py::module_::import("sys").attr("stderr"));
    } catch (py::error_already_set &inner) {
        // The code's __str__ raised, or stderr is gone: say so where it can be seen.
        printPythonException(inner);
    }
    return 1;
}

void PythonRuntimePrivate::endForkedChild(int status)
{
    // os.fork() in user code: the child has only the forking thread, no GUI
    // and no workers, so nothing would ever read its signals or run its next
    // job. When the code it forked in is done, the child ends, as the code
    // would have ended it with os._exit().
    if (getpid() == ownerPid)
        return;
    flushUserStreams();
    _exit(status & 0xff);
}

void PythonRuntimePrivate::flushUserStreams()
{
    for (const char *name : {"stdout", "stderr"}) {
        try {
            py::object stream = py::module_::import("sys").attr(name);
            if (!stream.is_none())
                stream.attr("flush")();
        } catch (py::error_already_set &) {
            // A stream the user replaced (or closed) that cannot flush: what it
            // holds is its own business; the command has ended either way.
        }
    }
}

void PythonRuntimePrivate::printException(py::error_already_set &e)
{
    printPythonException(e);
}

void PythonRuntimePrivate::runInMain(const QString &source, const QString &fileName, bool replSingle)
{
    int status = 1;
    // Emitted whatever the user code did to the interpreter's streams.
    const auto finished = qScopeGuard([this, &status] {
        endForkedChild(status);
        emitOnOwnerThread([this, status] { Q_EMIT q->commandFinished(status); });
    });
    try {
        py::dict globals = py::module_::import("__main__").attr("__dict__");
        if (!replSingle)
            globals["__file__"] = fileName.toStdString();
        py::object builtins = py::module_::import("builtins");
        // An override typed in this text keeps it (for super() and "Write to File").
        Overrides::noteSource(fileName, source);
        py::object code = builtins.attr("compile")(source.toStdString(), fileName.toStdString(),
                                                   replSingle ? "single" : "exec");
        builtins.attr("exec")(code, globals);
        status = 0;
    } catch (py::error_already_set &e) {
        if (e.matches(PyExc_SystemExit)) {
            status = exitStatusOf(e);
        } else {
            status = 1;
            printException(e);
        }
    }
    flushUserStreams();
}

bool PythonRuntimePrivate::blockAwaitsEmptyLine(const QString &source)
{
    // codeop says "incomplete" both for an open block and inside brackets, a
    // string or after a backslash; only in the last three does the tokenizer
    // run out of input.
    try {
        py::object lines = py::module_::import("io").attr("StringIO")((source + QLatin1Char('\n')).toStdString());
        py::list(py::module_::import("tokenize").attr("generate_tokens")(lines.attr("readline")));
    } catch (py::error_already_set &e) {
        return !e.matches(py::module_::import("tokenize").attr("TokenError"));
    }
    return true;
}

QString PythonRuntimePrivate::consoleLineFor(const QString &typed)
{
    // Like the shell, a line of nothing but blanks ends an open block; the
    // console pre-indents continuation lines, so "empty" often means that.
    if (!typed.isEmpty() && typed.trimmed().isEmpty() && !consoleBuffer.isEmpty()
        && blockAwaitsEmptyLine(consoleBuffer))
        return QString();
    return typed;
}

// ---------------------------------------------------------------- PythonRuntime

PythonRuntime::PythonRuntime(QObject *parent)
    : QObject(parent), d(std::make_unique<PythonRuntimePrivate>(this))
{
    qRegisterMetaType<ReloadReport>();
    qRegisterMetaType<NamespaceNode>();
    qRegisterMetaType<QList<NamespaceNode>>();
    qRegisterMetaType<PythonRuntime::Stream>();
    qRegisterMetaType<ProgramExit>();
}

PythonRuntime::~PythonRuntime()
{
    if (d->console) {
        stopProgram();
        interrupt();
        d->live->stop();
        d->live->wait(3000);
        d->console->stop();
        if (!d->console->wait(3000)) {
            // User code that ignores KeyboardInterrupt: leave its thread to the
            // process exit rather than block the IDE's shutdown.
            d->console = nullptr;
            d->live = nullptr;
        }
    }
    delete d->live;
    delete d->console;
    if (PythonRuntimePrivate::current == d.get())
        PythonRuntimePrivate::current = nullptr;
}

PythonRuntime *startedRuntime()
{
    return PythonRuntimePrivate::current ? PythonRuntimePrivate::current->q : nullptr;
}

bool PythonRuntime::start(QString *error)
{
    if (d->console)
        return d->startOk;
    PythonRuntimePrivate::current = d.get();
    d->console = new PythonWorker(d.get(), true);
    d->console->setObjectName(QStringLiteral("python-console"));
    d->console->start();
    {
        QMutexLocker lock(&d->startMutex);
        while (!d->startDone)
            d->started.wait(&d->startMutex);
    }
    if (!d->startOk) {
        if (error)
            *error = d->startError;
        return false;
    }
    d->live = new PythonWorker(d.get(), false);
    d->live->setObjectName(QStringLiteral("python-live"));
    d->live->start();
    while (d->live->pythonThreadId() == 0)
        QThread::usleep(200);
    return true;
}

bool PythonRuntime::isRunning() const
{
    return d->console && d->startOk;
}

void PythonRuntime::setProcessStreamsKept(bool kept)
{
    d->processStreamsKept = kept;
}

void PythonRuntime::pushConsoleLine(const QString &line)
{
    d->console->post([this, line] {
        PythonRuntimePrivate *p = d.get();
        bool continuation = false;
        // The console asks for its next line however this one ended.
        const auto ready = qScopeGuard([this, &continuation] {
            d->emitOnOwnerThread([this, continuation] { Q_EMIT consoleReady(continuation); });
        });
        const QString typed = p->consoleLineFor(line);
        p->consoleBuffer += p->consoleBuffer.isEmpty() ? typed : QLatin1Char('\n') + typed;
        const QString source = p->consoleBuffer;
        if (source.trimmed().isEmpty()) {
            p->consoleBuffer.clear();
            return;
        }
        bool complete = true;
        try {
            // codeop answers like the interactive shell: None while the block
            // is incomplete, a code object when it can run.
            py::object code = py::module_::import("codeop").attr("compile_command")(
                source.toStdString(), "<console>", "single");
            complete = !code.is_none();
        } catch (py::error_already_set &e) {
            // A syntax error: show it now; the block is finished.
            p->consoleBuffer.clear();
            const auto finished = qScopeGuard([this] { d->emitOnOwnerThread([this] { Q_EMIT commandFinished(1); }); });
            printPythonException(e);
            return;
        }
        if (!complete) {
            p->consoleBlockOpen = p->blockAwaitsEmptyLine(source);
            continuation = true;
            return;
        }
        p->consoleBuffer.clear();
        p->runInMain(source + QLatin1Char('\n'), QStringLiteral("<console>"), true);
    });
}

void PythonRuntime::restartConsole()
{
    d->console->post([this] {
        d->consoleBuffer.clear();
        d->consoleBlockOpen = false;
        try {
            py::dict globals = py::module_::import("__main__").attr("__dict__");
            const py::list names = globals.attr("keys")();
            static const QStringList kept = {QStringLiteral("__name__"), QStringLiteral("__doc__"),
                                             QStringLiteral("__package__"), QStringLiteral("__loader__"),
                                             QStringLiteral("__spec__"), QStringLiteral("__builtins__")};
            for (const py::handle name : names) {
                if (!py::isinstance<py::str>(name) || !kept.contains(QString::fromStdString(name.cast<std::string>())))
                    PyDict_DelItem(globals.ptr(), name.ptr());
            }
            globals["__builtins__"] = py::module_::import("builtins");
            // The last value shown (`_`) lives in builtins.
            py::module_::import("builtins").attr("__dict__").attr("pop")("_", py::none());
        } catch (py::error_already_set &e) {
            printPythonException(e);
        }
        try {
            // The namespaces' modules go too: the next import runs their files afresh.
            if (Importer *importer = Importer::existing())
                importer->restart();
        } catch (py::error_already_set &e) {
            printPythonException(e);
        }
        d->flushUserStreams();
        d->emitOnOwnerThread([this] { Q_EMIT consoleReady(false); });
    });
}

void PythonRuntime::resetConsoleInput()
{
    d->console->post([this] {
        d->consoleBuffer.clear();
        d->consoleBlockOpen = false;
        d->emitOnOwnerThread([this] { Q_EMIT consoleReady(false); });
    });
}

void PythonRuntime::runSource(const QString &source, const QString &fileName)
{
    d->console->post([this, source, fileName] { d->runInMain(source, fileName, false); });
}

void PythonRuntime::flushOutput()
{
    d->deliverOutput();
}

quint64 PythonRuntime::consoleThreadId() const
{
    return d->console ? d->console->pythonThreadId() : 0;
}

bool PythonRuntime::isConsoleBusy() const
{
    return d->console && d->console->isBusy();
}

void PythonRuntime::interrupt()
{
    if (!d->console || !d->console->isBusy())
        return;
    // A real SIGINT delivered to Python's main thread: the C-level handler
    // trips Python's flag and the blocking system call (sleep, select, read)
    // returns EINTR, so KeyboardInterrupt is raised there as well as in a
    // busy loop. PyErr_SetInterrupt() alone would not wake a sleep.
    pthread_kill(reinterpret_cast<pthread_t>(d->console->nativeId()), SIGINT);
    // A read of the console waiting on that thread looks for the signal now.
    d->input.wake();
}

void PythonRuntime::runProgram(const QString &spec)
{
    d->console->post([this, spec] {
        const int colon = spec.indexOf(QLatin1Char(':'));
        const std::string module = (colon < 0 ? spec : spec.left(colon)).toStdString();
        const std::string attr = colon < 0 ? std::string("main") : spec.mid(colon + 1).toStdString();
        py::object target;
        try {
            target = py::module_::import("importlib").attr("import_module")(module);
            for (const QString &part : QString::fromStdString(attr).split(QLatin1Char('.')))
                target = target.attr(part.toStdString().c_str());
        } catch (py::error_already_set &e) {
            ProgramExit exit = d->programExitOf(e);
            d->printException(e);
            d->emitInOutputOrder([this, spec, exit] {
                Q_EMIT programFinished(spec, exit.status);
                Q_EMIT programEnded(spec, exit);
            });
            return;
        }
        d->startProgram(spec, target);
    });
}

void PythonRuntime::stopProgram()
{
    if (!d->programRunning || !d->live)
        return;
    const unsigned long id = d->programThreadId;
    // Set first: a program stopped in a read also ends as "stopped".
    d->stopRequested = true;
    if (id == 0 || d->input.interruptThread(id))
        return;
    // Not through the console worker: it may be busy with user input.
    d->live->post([id] { PyThreadState_SetAsyncExc(id, PyExc_KeyboardInterrupt); });
}

void PythonRuntime::expectProgramStop()
{
    if (d->programRunning)
        d->stopRequested = true;
}

bool PythonRuntime::isProgramRunning() const
{
    return d->programRunning;
}

void PythonRuntime::whenConsoleCaughtUp(QObject *context, std::function<void()> callback)
{
    d->whenCaughtUp(d->console, context, std::move(callback));
}

void PythonRuntime::whenLiveCaughtUp(QObject *context, std::function<void()> callback)
{
    d->whenCaughtUp(d->live, context, std::move(callback));
}

void PythonRuntimePrivate::whenCaughtUp(PythonWorker *worker, QObject *context, std::function<void()> callback)
{
    // The guard is read on the owner's thread, where the context usually lives.
    auto deliver = [context = QPointer<QObject>(context), callback = std::move(callback)] {
        if (context)
            QMetaObject::invokeMethod(context.data(), callback);
    };
    if (!worker) {   // not started: nothing is queued
        QMetaObject::invokeMethod(q, deliver, Qt::QueuedConnection);
        return;
    }
    worker->post([this, deliver] { emitOnOwnerThread(deliver); });
}

void postLive(PythonRuntime *runtime, std::function<void()> job)
{
    PythonRuntimePrivate::of(runtime)->live->post(std::move(job));
}

void postConsole(PythonRuntime *runtime, std::function<void()> job)
{
    PythonRuntimePrivate::of(runtime)->console->post(std::move(job));
}

unsigned long liveThreadId(const PythonRuntime *runtime)
{
    const PythonWorker *live = PythonRuntimePrivate::of(runtime)->live;
    return live ? live->pythonThreadId() : 0;
}

PythonRuntimePrivate *PythonRuntimePrivate::current = nullptr;

namespace {

// Frames of the machinery between the console and user code: codeop (which
// compiles console input), importlib around the namespace finder, runpy.
// The Python shell does not show them either.
bool isMachineryFrame(py::handle traceback)
{
    const py::str file = traceback.attr("tb_frame").attr("f_code").attr("co_filename");
    const std::string name = file;
    if (name.rfind("<frozen importlib.", 0) == 0 || name == "<frozen runpy>" || name == "<frozen codeop>")
        return true;
    py::object modules = py::module_::import("sys").attr("modules");
    for (const char *machinery : {"codeop", "importlib", "runpy"}) {
        py::object module = modules.attr("get")(machinery);
        if (!module.is_none() && file.equal(py::getattr(module, "__file__", py::none())))
            return true;
    }
    return false;
}

void dropMachineryFrames(py::handle exception, py::set &seen)
{
    if (exception.is_none() || seen.contains(exception))
        return;
    seen.add(exception);
    std::vector<py::object> kept;
    for (py::object tb = exception.attr("__traceback__"); !tb.is_none(); tb = tb.attr("tb_next")) {
        if (!isMachineryFrame(tb))
            kept.push_back(tb);
    }
    for (size_t i = 0; i < kept.size(); ++i)
        kept[i].attr("tb_next") = i + 1 < kept.size() ? kept[i + 1] : py::none();
    exception.attr("__traceback__") = kept.empty() ? py::none() : kept.front();
    dropMachineryFrames(exception.attr("__cause__"), seen);
    dropMachineryFrames(exception.attr("__context__"), seen);
}

} // namespace

void printPythonException(py::error_already_set &e)
{
    // Not PyErr_Print(): on SystemExit it would end the process.
    try {
        py::object value = e.value();
        if (e.trace())
            value.attr("__traceback__") = e.trace();
        py::set seen;
        dropMachineryFrames(value, seen);
        py::module_::import("traceback").attr("print_exception")(value);
    } catch (py::error_already_set &) {
        PySys_WriteStderr("relive: could not print an exception\n");
    }
}
