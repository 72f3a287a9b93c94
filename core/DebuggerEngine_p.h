#pragma once

// Private to core: includes Python and pybind11.
#include <pybind11/pybind11.h>

#include "DebugTypes.h"
#include "FrameRestarter_p.h"
#include "LineTracer_p.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace py = pybind11;

// What the debugger knows about one code object, cached on it (co_extra) until
// breakpoints, the exception mode or the namespaces change.
struct DebugCodeInfo
{
    quint64 generation = 0;
    QString file;
    bool mapped = false;      // its file lies under a registered namespace root
    bool user = false;        // mapped, or console / script code ("<console>")
    bool function = false;    // a function body (not a module or class body)
    bool generator = false;   // generator, coroutine or async generator
    std::vector<int> lines;   // lines of its own that hold a breakpoint
    bool lineEvents = false;  // the line tracer switched line events on for it (sys.monitoring)
};

// What a line or exception event asks of the line tracer.
enum class TraceVerdict {
    Continue,  // nothing to change
    Quiet,     // this line holds no breakpoint and this thread is not stepping
    Raise,     // an exception is set: raise it in the frame
};

// A command for a paused thread: resume in some way, or a job to run on it
// (with the GIL) while it stays paused.
struct DebugCommand
{
    enum class Kind { Continue, StepOver, StepInto, StepOut, Stop, Restart, Job };
    Kind kind = Kind::Continue;
    int frame = 0;  // Restart: which frame, 0 innermost
    std::function<void(const std::vector<PyFrameObject *> &frames)> job;
};

// Per-thread debugger state; only its own thread touches it.
struct DebugThreadState
{
    enum class Step { None, Into, Over, Out };
    bool excluded = false;   // the live worker: never traced, never paused
    bool busy = false;       // paused, or running debugger code: nothing pauses
    int depth = 0;           // frames entered through the hook minus frames left
    Step step = Step::None;
    int stepDepth = 0;
    void *restartTarget = nullptr;    // the frame a restart request unwinds to
    void *retryTarget = nullptr;      // the frame whose exception is to become a new call
    PyObject *lastException = nullptr;  // strong; an exception is considered once
    std::vector<void *> records;      // the restarter's records of running frames, innermost last
};

DebugThreadState &debugThreadState();

// The Python side of the debugger: breakpoints, the C trace function, pausing
// and resuming threads. One per process. Members marked "GIL" need it; the rest
// only take the engine's mutex and may be called from any thread.
class DebuggerEngine
{
public:
    struct Sinks
    {
        std::function<void(const DebugPause &)> paused;
        std::function<void(quint64 threadId)> resumed;
    };

    static DebuggerEngine &instance();
    void setSinks(Sinks sinks);

    // ---- any thread
    int addBreakpoint(Breakpoint bp);
    bool removeBreakpoint(int id);
    void clearBreakpoints();
    bool updateBreakpoint(const Breakpoint &bp);
    // The line a breakpoint was moved to, checked against the code.
    bool setResolvedLine(int id, int line);
    std::optional<Breakpoint> breakpoint(int id) const;
    QList<Breakpoint> breakpoints() const;
    void setExceptionMode(int mode);  // Debugger::ExceptionMode
    int exceptionMode() const { return m_exceptionMode.load(); }
    QList<DebugPause> pausedThreads() const;
    quint64 currentThread() const;
    // Queues a command for a paused thread; false if it is not paused.
    bool post(quint64 threadId, DebugCommand command);
    void invalidate() { ++m_generation; }

    // ---- GIL
    void setEnabled(bool enabled, unsigned long excludedThread);
    bool isEnabled() const { return m_restarter && m_restarter->isInstalled(); }
    bool isExcludedThread(unsigned long threadId) const { return threadId == m_excludedThread; }
    bool anyThreadStepping() const { return m_steppingThreads.load(std::memory_order_relaxed) > 0; }
    // The first line at or after `line` that holds code, 0 if none; a file that
    // does not compile sets *error.
    int resolveLine(const QString &file, int line, QString *error);
    // Turns tracing on in every debugged thread, so frames already running
    // (a program's main loop) see breakpoints set after they started.
    void traceRunningFrames();
    py::object helper();

    // ---- GIL, from the frame hook and the line tracer
    DebugCodeInfo *codeInfo(PyCodeObject *code);
    bool wantsTrace(const DebugThreadState &ts, const DebugCodeInfo *info) const;
    // Frames of `code` start or resume on this thread: line events where wanted.
    void traceFrame(const DebugThreadState &ts, PyThreadState *tstate, PyCodeObject *code, DebugCodeInfo *info)
    {
        m_tracer->want(tstate, code, info, wantsTrace(ts, info));
    }
    TraceVerdict onLine(DebugThreadState &ts, PyFrameObject *frame, DebugCodeInfo *info);
    // An exception was raised in `frame` itself (not passing through from a callee).
    TraceVerdict onException(DebugThreadState &ts, PyFrameObject *frame, DebugCodeInfo *info, PyObject *value);
    // An exception `value` is leaving `frame`, a user frame whose locals are
    // still intact. Pauses if no caller will catch it. Continue: the exception
    // goes on (for Retry, ts.retryTarget names the frame, whose hook calls the
    // function again); Raise: another exception took its place (Stop, or a
    // restart of an outer frame).
    TraceVerdict exceptionLeaving(DebugThreadState &ts, PyFrameObject *frame, PyObject *value);
    PyObject *restartType() const { return m_restartType; }
    FrameRestarter *restarter() const { return m_restarter.get(); }

private:
    DebuggerEngine();
    // Applies a resume command inside a line or exception event.
    TraceVerdict applyInTrace(DebugThreadState &ts, PyFrameObject *frame, const DebugCommand &command);
    void setStep(DebugThreadState &ts, DebugThreadState::Step step);
    // Blocks this thread (GIL released) until a resume command arrives.
    DebugCommand park(PyFrameObject *frame, DebugPause pause);
    DebugFrame describeFrame(PyFrameObject *frame);
    bool pausesAllowed() const;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QHash<int, Breakpoint> m_breakpoints;
    int m_nextId = 1;
    QHash<quint64, std::deque<DebugCommand>> m_commands;
    QHash<quint64, DebugPause> m_paused;
    QList<quint64> m_pauseOrder;
    Sinks m_sinks;

    std::atomic<quint64> m_generation{1};
    std::atomic<int> m_exceptionMode{1};
    Py_ssize_t m_extraIndex = -1;
    unsigned long m_excludedThread = 0;
    PyObject *m_restartType = nullptr;
    std::atomic<int> m_steppingThreads{0};
    std::unique_ptr<FrameRestarter> m_restarter;
    std::unique_ptr<LineTracer> m_tracer;
    py::object *m_helper = nullptr;  // never destroyed: outlives the interpreter safely
};
