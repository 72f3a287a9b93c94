#include "DebuggerEngine_p.h"

#include "Importer_p.h"
#include "PythonCompat_p.h"
#include "frames/InterpreterFrame_p.h"

#include <QFile>
#include <QFileInfo>

#include <frameobject.h>

static void initDebuggerResources()
{
    Q_INIT_RESOURCE(debugger);
}

namespace {

// Exceptions that end a thread or drive iteration: never a reason to pause.
bool isControlFlow(PyObject *type, PyObject *restartType)
{
    return PyErr_GivenExceptionMatches(type, PyExc_KeyboardInterrupt)
        || PyErr_GivenExceptionMatches(type, PyExc_SystemExit)
        || PyErr_GivenExceptionMatches(type, PyExc_GeneratorExit)
        || PyErr_GivenExceptionMatches(type, PyExc_StopIteration)
        || PyErr_GivenExceptionMatches(type, PyExc_StopAsyncIteration)
        || PyErr_GivenExceptionMatches(type, restartType);
}

QString fromPy(PyObject *s)
{
    if (!s || !PyUnicode_Check(s))
        return {};
    Py_ssize_t size = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &size);
    if (!utf8) {
        PyErr_Clear();
        return {};
    }
    return QString::fromUtf8(utf8, int(size));
}

// Keeps the pending exception aside while debugger code runs Python, and puts
// it back unless another took its place.
class ExceptionKeeper
{
public:
    ExceptionKeeper() { PyErr_Fetch(&m_type, &m_value, &m_traceback); }
    ~ExceptionKeeper()
    {
        if (!m_discarded)
            PyErr_Restore(m_type, m_value, m_traceback);
    }
    void discard()
    {
        m_discarded = true;
        Py_CLEAR(m_type);
        Py_CLEAR(m_value);
        Py_CLEAR(m_traceback);
    }
    PyObject *m_type = nullptr, *m_value = nullptr, *m_traceback = nullptr;
    bool m_discarded = false;
};

// Strong: compared by identity, a freed exception's address could be reused
// by the next one, which would then never pause. Keeps one exception (and its
// traceback) alive per thread, as sys.last_exc does.
void rememberException(DebugThreadState &ts, PyObject *value)
{
    PyObject *old = ts.lastException;
    Py_XINCREF(value);
    ts.lastException = value;
    Py_XDECREF(old);
}

} // namespace

DebugThreadState &debugThreadState()
{
    thread_local DebugThreadState state;
    return state;
}

DebuggerEngine &DebuggerEngine::instance()
{
    static DebuggerEngine *engine = new DebuggerEngine;  // lives as long as the interpreter may run
    return *engine;
}

DebuggerEngine::DebuggerEngine() = default;

void DebuggerEngine::setSinks(Sinks sinks)
{
    QMutexLocker lock(&m_mutex);
    m_sinks = std::move(sinks);
}

// ------------------------------------------------------------------ breakpoints

int DebuggerEngine::addBreakpoint(Breakpoint bp)
{
    QMutexLocker lock(&m_mutex);
    bp.id = m_nextId++;
    if (bp.requestedLine == 0)
        bp.requestedLine = bp.line;
    m_breakpoints.insert(bp.id, bp);
    ++m_generation;
    return bp.id;
}

bool DebuggerEngine::removeBreakpoint(int id)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    return m_breakpoints.remove(id) > 0;
}

void DebuggerEngine::clearBreakpoints()
{
    QMutexLocker lock(&m_mutex);
    m_breakpoints.clear();
    ++m_generation;
}

bool DebuggerEngine::updateBreakpoint(const Breakpoint &bp)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_breakpoints.find(bp.id);
    if (it == m_breakpoints.end())
        return false;
    *it = bp;
    ++m_generation;
    return true;
}

bool DebuggerEngine::setResolvedLine(int id, int line)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_breakpoints.find(id);
    if (it == m_breakpoints.end())
        return false;
    it->line = line;
    it->verified = true;
    ++m_generation;
    return true;
}

std::optional<Breakpoint> DebuggerEngine::breakpoint(int id) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_breakpoints.find(id);
    if (it == m_breakpoints.end())
        return std::nullopt;
    return *it;
}

QList<Breakpoint> DebuggerEngine::breakpoints() const
{
    QMutexLocker lock(&m_mutex);
    QList<Breakpoint> all = m_breakpoints.values();
    std::sort(all.begin(), all.end(), [](const Breakpoint &a, const Breakpoint &b) { return a.id < b.id; });
    return all;
}

void DebuggerEngine::setExceptionMode(int mode)
{
    m_exceptionMode = mode;
    ++m_generation;
}

QList<DebugPause> DebuggerEngine::pausedThreads() const
{
    QMutexLocker lock(&m_mutex);
    QList<DebugPause> result;
    for (quint64 id : m_pauseOrder)
        result.append(m_paused.value(id));
    return result;
}

quint64 DebuggerEngine::currentThread() const
{
    QMutexLocker lock(&m_mutex);
    return m_pauseOrder.isEmpty() ? 0 : m_pauseOrder.last();
}

bool DebuggerEngine::post(quint64 threadId, DebugCommand command)
{
    QMutexLocker lock(&m_mutex);
    if (!m_paused.contains(threadId))
        return false;
    m_commands[threadId].push_back(std::move(command));
    m_wake.wakeAll();
    return true;
}

// ------------------------------------------------------------------ GIL side

py::object DebuggerEngine::helper()
{
    if (!m_helper) {
        initDebuggerResources();
        QFile file(QStringLiteral(":/relive/relive_debug.py"));
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("the debugger's Python helper is missing from the resources");
        const QByteArray source = file.readAll();
        py::module_ module = py::module_::import("types").attr("ModuleType")("relive._debug");
        module.attr("__file__") = "relive_debug.py";
        py::object code = py::module_::import("builtins").attr("compile")(
            py::bytes(source.constData(), size_t(source.size())), "relive_debug.py", "exec");
        py::module_::import("builtins").attr("exec")(code, module.attr("__dict__"));
        py::module_::import("sys").attr("modules")["relive._debug"] = module;
        m_helper = new py::object(module);
    }
    return *m_helper;
}

void DebuggerEngine::setEnabled(bool enabled, unsigned long excludedThread)
{
    if (!m_restartType) {
        m_restartType = PyErr_NewExceptionWithDoc(
            "relive.RestartFrame",
            "Raised by the debugger to unwind a frame that is called again; not meant to be caught.",
            PyExc_BaseException, nullptr);
        m_extraIndex = PyUnstable_Eval_RequestCodeExtraIndex([](void *p) { delete static_cast<DebugCodeInfo *>(p); });
        m_restarter = FrameRestarter::create(this);
        m_tracer = LineTracer::create(this);
        helper();
    }
    m_excludedThread = excludedThread;
    if (!m_restarter)
        return;
    if (enabled) {
        m_restarter->install();
        m_tracer->install();
        traceRunningFrames();
    } else {
        m_restarter->uninstall();
        m_tracer->uninstall();
    }
    ++m_generation;
}

int DebuggerEngine::resolveLine(const QString &file, int line, QString *error)
{
    try {
        return helper().attr("resolve_line")(file.toStdString(), line).cast<int>();
    } catch (py::error_already_set &e) {
        *error = QString::fromStdString(e.what());
        return 0;
    }
}

void DebuggerEngine::traceRunningFrames()
{
    if (!isEnabled())
        return;
    ++m_generation;
    m_tracer->traceRunningFrames();
}

void DebuggerEngine::setStep(DebugThreadState &ts, DebugThreadState::Step step)
{
    const bool was = ts.step != DebugThreadState::Step::None;
    const bool now = step != DebugThreadState::Step::None;
    ts.step = step;
    ts.stepDepth = ts.depth;
    if (was != now)
        m_steppingThreads.fetch_add(now ? 1 : -1, std::memory_order_relaxed);
    if (now)
        m_tracer->steppingStarted();
}

DebugCodeInfo *DebuggerEngine::codeInfo(PyCodeObject *code)
{
    void *extra = nullptr;
    PyUnstable_Code_GetExtra(reinterpret_cast<PyObject *>(code), m_extraIndex, &extra);
    auto *info = static_cast<DebugCodeInfo *>(extra);
    const quint64 generation = m_generation.load(std::memory_order_relaxed);
    if (info && info->generation == generation)
        return info;
    if (!info) {
        info = new DebugCodeInfo;
        if (PyUnstable_Code_SetExtra(reinterpret_cast<PyObject *>(code), m_extraIndex, info) < 0) {
            PyErr_Clear();
            static DebugCodeInfo nothing;  // never traced, never paused
            delete info;
            return &nothing;
        }
        const QString name = fromPy(code->co_filename);
        info->file = name.startsWith(QLatin1Char('<')) ? name : QFileInfo(name).absoluteFilePath();
        info->function = (code->co_flags & CO_OPTIMIZED) != 0;
        info->generator = (code->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    }
    info->generation = generation;
    info->mapped = false;
    const auto roots = Importer::instance().namespaces();
    for (const QString &root : roots) {
        if (info->file.startsWith(root + QLatin1Char('/'))) {
            info->mapped = true;
            break;
        }
    }
    info->user = info->mapped
        || (info->file.startsWith(QLatin1Char('<')) && !info->file.startsWith(QLatin1String("<frozen")));
    info->lines.clear();
    std::vector<int> wanted;
    {
        QMutexLocker lock(&m_mutex);
        for (const Breakpoint &bp : std::as_const(m_breakpoints)) {
            if (bp.file == info->file)
                wanted.push_back(bp.line);
        }
    }
    if (!wanted.empty()) {
        ExceptionKeeper keep;
        try {
            py::set own = helper().attr("own_lines")(py::handle(reinterpret_cast<PyObject *>(code)));
            for (int line : wanted) {
                if (own.contains(py::int_(line)))
                    info->lines.push_back(line);
            }
        } catch (py::error_already_set &) {
            // A code object whose lines cannot be read holds no breakpoint.
        }
    }
    return info;
}

bool DebuggerEngine::wantsTrace(const DebugThreadState &ts, const DebugCodeInfo *info) const
{
    if (!info->lines.empty())
        return true;
    if (info->user && m_exceptionMode.load(std::memory_order_relaxed) == 2)
        return true;
    switch (ts.step) {
    case DebugThreadState::Step::None:
        return false;
    case DebugThreadState::Step::Into:
        return info->user;
    case DebugThreadState::Step::Over:
        return ts.depth <= ts.stepDepth;
    case DebugThreadState::Step::Out:
        return ts.depth < ts.stepDepth;
    }
    return false;
}

bool DebuggerEngine::pausesAllowed() const
{
    QMutexLocker lock(&m_mutex);
    return bool(m_sinks.paused);
}

// ------------------------------------------------------------------ tracing

TraceVerdict DebuggerEngine::onLine(DebugThreadState &ts, PyFrameObject *frame, DebugCodeInfo *info)
{
    const int line = PyFrame_GetLineNumber(frame);
    bool stop = false;
    DebugPause pause;
    switch (ts.step) {
    case DebugThreadState::Step::None:
        break;
    case DebugThreadState::Step::Into:
        stop = info->user;
        break;
    case DebugThreadState::Step::Over:
        stop = ts.depth <= ts.stepDepth;
        break;
    case DebugThreadState::Step::Out:
        stop = ts.depth < ts.stepDepth;
        break;
    }
    if (stop)
        pause.reason = DebugPause::Reason::Step;
    if (!stop && std::find(info->lines.begin(), info->lines.end(), line) != info->lines.end()) {
        QList<Breakpoint> here;
        {
            QMutexLocker lock(&m_mutex);
            for (auto it = m_breakpoints.begin(); it != m_breakpoints.end(); ++it) {
                if (it->line == line && it->file == info->file) {
                    ++it->hits;
                    here.append(*it);
                }
            }
        }
        for (const Breakpoint &bp : std::as_const(here)) {
            if (bp.hitTarget > 1 && bp.hits < bp.hitTarget)
                continue;
            if (!bp.condition.isEmpty()) {
                ts.busy = true;
                try {
                    py::object globals = py::reinterpret_steal<py::object>(PyFrame_GetGlobals(frame));
                    py::object locals = py::reinterpret_steal<py::object>(PyFrame_GetLocals(frame));
                    py::tuple verdict = helper().attr("check_condition")(bp.condition.toStdString(), globals, locals);
                    stop = verdict[0].cast<bool>();
                    pause.note = QString::fromStdString(verdict[1].cast<std::string>());
                } catch (py::error_already_set &e) {
                    stop = true;
                    pause.note = QString::fromStdString(e.what());
                }
                ts.busy = false;
            } else {
                stop = true;
            }
            if (stop) {
                pause.reason = DebugPause::Reason::Breakpoint;
                pause.breakpointId = bp.id;
                if (bp.temporary)
                    removeBreakpoint(bp.id);
                break;
            }
        }
    }
    if (!stop) {
        const bool breakpointLine = std::find(info->lines.begin(), info->lines.end(), line) != info->lines.end();
        return breakpointLine || ts.step != DebugThreadState::Step::None ? TraceVerdict::Continue
                                                                          : TraceVerdict::Quiet;
    }
    if (!pausesAllowed())
        return TraceVerdict::Continue;
    setStep(ts, DebugThreadState::Step::None);
    const DebugCommand command = park(frame, pause);
    return applyInTrace(ts, frame, command);
}

TraceVerdict DebuggerEngine::onException(DebugThreadState &ts, PyFrameObject *frame, DebugCodeInfo *info,
                                         PyObject *value)
{
    // Only "raised in user code" pauses here; "uncaught" waits until the
    // exception leaves the frame (the frame hook), when it is known that no
    // caller catches it.
    if (m_exceptionMode.load() != 2 || !info->user || !pausesAllowed() || !value)
        return TraceVerdict::Continue;
    if (isControlFlow(reinterpret_cast<PyObject *>(Py_TYPE(value)), m_restartType) || value == ts.lastException)
        return TraceVerdict::Continue;
    rememberException(ts, value);
    DebugPause pause;
    pause.reason = DebugPause::Reason::Exception;
    try {
        pause.exception = QString::fromStdString(
            helper().attr("format_exception")(py::handle(value)).cast<std::string>());
    } catch (py::error_already_set &) {
        pause.exception = QStringLiteral("exception");
    }
    const DebugCommand command = park(frame, pause);
    return applyInTrace(ts, frame, command);
}

TraceVerdict DebuggerEngine::applyInTrace(DebugThreadState &ts, PyFrameObject *frame, const DebugCommand &command)
{
    switch (command.kind) {
    case DebugCommand::Kind::Continue:
    case DebugCommand::Kind::Job:
        setStep(ts, DebugThreadState::Step::None);
        break;
    case DebugCommand::Kind::StepOver:
        setStep(ts, DebugThreadState::Step::Over);
        break;
    case DebugCommand::Kind::StepInto:
        setStep(ts, DebugThreadState::Step::Into);
        break;
    case DebugCommand::Kind::StepOut:
        setStep(ts, DebugThreadState::Step::Out);
        break;
    case DebugCommand::Kind::Stop:
        setStep(ts, DebugThreadState::Step::None);
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return TraceVerdict::Raise;
    case DebugCommand::Kind::Restart: {
        setStep(ts, DebugThreadState::Step::None);
        PyFrameObject *target = frame;
        Py_INCREF(target);
        for (int i = 0; i < command.frame && target; ++i) {
            PyFrameObject *back = PyFrame_GetBack(target);
            Py_DECREF(target);
            target = back;
        }
        if (!target)
            return TraceVerdict::Continue;
        const int result = m_restarter->requestRestart(target);
        Py_DECREF(target);
        return result < 0 ? TraceVerdict::Raise : TraceVerdict::Continue;
    }
    }
    PyCodeObject *code = PyFrame_GetCode(frame);
    traceFrame(ts, PyThreadState_Get(), code, codeInfo(code));
    Py_DECREF(code);
    return TraceVerdict::Continue;
}

TraceVerdict DebuggerEngine::exceptionLeaving(DebugThreadState &ts, PyFrameObject *frame, PyObject *value)
{
    if (m_exceptionMode.load() == 0 || ts.busy || !value || !pausesAllowed())
        return TraceVerdict::Continue;
    if (isControlFlow(reinterpret_cast<PyObject *>(Py_TYPE(value)), m_restartType) || value == ts.lastException)
        return TraceVerdict::Continue;
    rememberException(ts, value);
    ExceptionKeeper keep;  // the exception leaving, where the interpreter has it set (3.11)
    ts.busy = true;
    bool caught = true;
    DebugPause pause;
    pause.reason = DebugPause::Reason::Exception;
    try {
        py::object helperModule = helper();
        caught = helperModule.attr("is_caught")(py::handle(reinterpret_cast<PyObject *>(frame)), py::handle(value))
                     .cast<bool>();
        pause.exception = QString::fromStdString(
            helperModule.attr("format_exception")(py::handle(value)).cast<std::string>());
    } catch (py::error_already_set &) {
        caught = true;  // cannot tell: do not stop the program
    }
    ts.busy = false;
    if (caught)
        return TraceVerdict::Continue;
    const DebugCommand command = park(frame, pause);
    switch (command.kind) {
    case DebugCommand::Kind::Restart:
        if (command.frame == 0) {
            // Retry: the exception goes on to the frame hook, which calls the
            // function again instead of letting it propagate.
            ts.retryTarget = frames::of(frame);
            return TraceVerdict::Continue;
        }
        {
            PyFrameObject *target = frame;
            Py_INCREF(target);
            for (int i = 0; i < command.frame && target; ++i) {
                PyFrameObject *back = PyFrame_GetBack(target);
                Py_DECREF(target);
                target = back;
            }
            if (!target)
                return TraceVerdict::Continue;
            keep.discard();
            m_restarter->requestRestart(target);
            Py_DECREF(target);
        }
        return TraceVerdict::Raise;
    case DebugCommand::Kind::Stop:
        keep.discard();
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return TraceVerdict::Raise;
    case DebugCommand::Kind::StepOver:
    case DebugCommand::Kind::StepInto:
    case DebugCommand::Kind::StepOut:
        // The frame is leaving: stepping goes on in whoever handles it.
        setStep(ts, DebugThreadState::Step::Into);
        return TraceVerdict::Continue;
    default:
        return TraceVerdict::Continue;
    }
}

// ------------------------------------------------------------------ pausing

DebugFrame DebuggerEngine::describeFrame(PyFrameObject *frame)
{
    DebugFrame result;
    PyCodeObject *code = PyFrame_GetCode(frame);
    DebugCodeInfo *info = codeInfo(code);
    result.file = info->file;
    result.line = PyFrame_GetLineNumber(frame);
    result.function = fromPy(code->co_qualname);
    result.library = !info->user;
    result.restartRefusal = m_restarter ? m_restarter->refusal(frame) : QStringLiteral("unsupported");
    Py_DECREF(code);
    return result;
}

DebugCommand DebuggerEngine::park(PyFrameObject *frame, DebugPause pause)
{
    DebugThreadState &ts = debugThreadState();
    ts.busy = true;
    std::vector<PyFrameObject *> frames;
    Py_INCREF(frame);
    for (PyFrameObject *f = frame; f; f = PyFrame_GetBack(f))
        frames.push_back(f);
    for (PyFrameObject *f : frames)
        pause.frames.append(describeFrame(f));
    const quint64 threadId = PyThread_get_thread_ident();
    pause.threadId = threadId;
    try {
        pause.threadName = QString::fromStdString(
            py::module_::import("threading").attr("current_thread")().attr("name").cast<std::string>());
    } catch (py::error_already_set &) {
    }
    Sinks sinks;
    {
        QMutexLocker lock(&m_mutex);
        m_paused.insert(threadId, pause);
        m_pauseOrder.removeAll(threadId);
        m_pauseOrder.append(threadId);
        m_commands[threadId].clear();
        sinks = m_sinks;
    }
    if (sinks.paused)
        sinks.paused(pause);

    DebugCommand command;
    PyThreadState *saved = PyEval_SaveThread();
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            auto &queue = m_commands[threadId];
            while (queue.empty())
                m_wake.wait(&m_mutex);
            command = std::move(queue.front());
            queue.pop_front();
        }
        if (command.kind != DebugCommand::Kind::Job)
            break;
        PyEval_RestoreThread(saved);
        try {
            command.job(frames);
        } catch (py::error_already_set &) {
            // A job reports its own failures; nothing may be left pending here.
        }
        if (PyErr_Occurred())
            PyErr_Clear();
        saved = PyEval_SaveThread();
    }
    PyEval_RestoreThread(saved);
    for (PyFrameObject *f : frames)
        Py_DECREF(f);
    {
        QMutexLocker lock(&m_mutex);
        m_paused.remove(threadId);
        m_pauseOrder.removeAll(threadId);
        m_commands.remove(threadId);
        sinks = m_sinks;
    }
    ts.busy = false;
    if (sinks.resumed)
        sinks.resumed(threadId);
    return command;
}
