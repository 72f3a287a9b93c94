// The CPython 3.12+ LineTracer: sys.monitoring (PEP 669).
//
// Line events are switched on per code object (local events), only for code
// that holds a breakpoint or that a step enters; a line that turns out not to be
// wanted answers DISABLE, so it costs nothing until a step or a breakpoint
// change calls restart_events(). Exceptions are seen where raised (RAISE) and
// where they leave a frame (PY_UNWIND). Code without events runs at full speed, and
// tools of the user's own (sys.settrace, coverage's own monitoring tool) keep
// working beside the debugger's.
#include "DebuggerEngine_p.h"
#include "LineTracer_p.h"

#include <frameobject.h>

namespace {

DebuggerEngine *s_engine = nullptr;
PyObject *s_disable = nullptr;  // sys.monitoring.DISABLE, kept for the process

PyObject *onLineEvent(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    DebugThreadState &ts = debugThreadState();
    if (ts.excluded || ts.busy || nargs < 2)
        Py_RETURN_NONE;
    if (!s_engine->isEnabled())
        return Py_NewRef(s_disable);
    PyFrameObject *frame = PyEval_GetFrame();  // borrowed: the monitored frame
    if (!frame || !PyCode_Check(args[0]))
        Py_RETURN_NONE;
    DebugCodeInfo *info = s_engine->codeInfo(reinterpret_cast<PyCodeObject *>(args[0]));
    switch (s_engine->onLine(ts, frame, info)) {
    case TraceVerdict::Continue:
        Py_RETURN_NONE;
    case TraceVerdict::Quiet:
        // DISABLE switches this line off for every thread.
        return Py_NewRef(s_engine->anyThreadStepping() ? Py_None : s_disable);
    case TraceVerdict::Raise:
        return nullptr;
    }
    Py_RETURN_NONE;
}

// The monitored frame of an exception event (code, offset, exception) that the
// debugger should judge, or null.
PyFrameObject *exceptionEventFrame(const DebugThreadState &ts, PyObject *const *args, Py_ssize_t nargs)
{
    if (ts.excluded || ts.busy || nargs < 3 || !s_engine->isEnabled() || !PyCode_Check(args[0]))
        return nullptr;
    return PyEval_GetFrame();
}

PyObject *onRaiseEvent(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    DebugThreadState &ts = debugThreadState();
    PyFrameObject *frame = exceptionEventFrame(ts, args, nargs);
    if (!frame)
        Py_RETURN_NONE;
    // RAISE fires again in every frame the exception passes through: only the
    // frame that raised it has a traceback of one entry.
    PyObject *traceback = PyException_GetTraceback(args[2]);
    const bool here = !traceback || reinterpret_cast<PyTracebackObject *>(traceback)->tb_next == nullptr;
    Py_XDECREF(traceback);
    if (!here)
        Py_RETURN_NONE;
    DebugCodeInfo *info = s_engine->codeInfo(reinterpret_cast<PyCodeObject *>(args[0]));
    if (s_engine->onException(ts, frame, info, args[2]) == TraceVerdict::Raise)
        return nullptr;
    Py_RETURN_NONE;
}

// An exception leaves a frame, which is still intact: pause if nothing will
// catch it. Retry goes through the frame hook; Stop and restarting an outer
// frame raise an exception of their own, which takes the leaving one's place.
PyObject *onUnwindEvent(PyObject *, PyObject *const *args, Py_ssize_t nargs)
{
    DebugThreadState &ts = debugThreadState();
    PyFrameObject *frame = exceptionEventFrame(ts, args, nargs);
    if (!frame || !s_engine->codeInfo(reinterpret_cast<PyCodeObject *>(args[0]))->user)
        Py_RETURN_NONE;
    if (s_engine->exceptionLeaving(ts, frame, args[2]) == TraceVerdict::Raise)
        return nullptr;
    Py_RETURN_NONE;
}

PyMethodDef s_lineDef = {"relive_line", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&onLineEvent)),
                         METH_FASTCALL, nullptr};
PyMethodDef s_raiseDef = {"relive_raise", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&onRaiseEvent)),
                          METH_FASTCALL, nullptr};
PyMethodDef s_unwindDef = {"relive_unwind",
                           reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&onUnwindEvent)), METH_FASTCALL,
                           nullptr};

class MonitoringTracer : public LineTracer
{
public:
    explicit MonitoringTracer(DebuggerEngine *engine) { s_engine = engine; }

    void install() override
    {
        if (m_tool < 0)
            claimTool();
        traceRunningFrames();
    }

    // Local events stay on their code objects; their next event answers DISABLE.
    void uninstall() override
    {
        if (m_tool >= 0)
            m_monitoring.attr("set_events")(m_tool, 0);
    }

    void want(PyThreadState *, PyCodeObject *code, DebugCodeInfo *info, bool wanted) override
    {
        if (!wanted || info->lineEvents || m_tool < 0)
            return;
        info->lineEvents = true;
        try {
            m_monitoring.attr("set_local_events")(m_tool, py::handle(reinterpret_cast<PyObject *>(code)), m_lineEvent);
        } catch (py::error_already_set &) {
            // A code object that cannot be instrumented runs untraced.
        }
    }

    void steppingStarted() override
    {
        if (m_tool >= 0)
            m_monitoring.attr("restart_events")();
    }

    void traceRunningFrames() override
    {
        if (m_tool < 0)
            return;
        // Raise and unwind events fire only where an exception is raised or
        // leaves a frame: global, they cost nothing in code that raises none.
        const int mode = s_engine->exceptionMode();
        m_monitoring.attr("set_events")(m_tool, (mode == 2 ? m_raiseEvent : 0) | (mode != 0 ? m_unwindEvent : 0));
        m_monitoring.attr("restart_events")();
        for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Get()); t; t = PyThreadState_Next(t)) {
            if (s_engine->isExcludedThread(t->thread_id))
                continue;
            for (PyFrameObject *f = PyThreadState_GetFrame(t); f;) {
                PyCodeObject *code = PyFrame_GetCode(f);
                DebugCodeInfo *info = s_engine->codeInfo(code);
                if (!info->lines.empty())
                    want(t, code, info, true);
                Py_DECREF(code);
                PyFrameObject *back = PyFrame_GetBack(f);
                Py_DECREF(f);
                f = back;
            }
        }
    }

private:
    // The debugger's own tool id when it is free, else the first free one.
    void claimTool()
    {
        m_monitoring = py::module_::import("sys").attr("monitoring");
        py::object events = m_monitoring.attr("events");
        m_lineEvent = events.attr("LINE").cast<int>();
        m_raiseEvent = events.attr("RAISE").cast<int>();
        m_unwindEvent = events.attr("PY_UNWIND").cast<int>();
        if (!s_disable)
            s_disable = py::object(m_monitoring.attr("DISABLE")).release().ptr();
        const int preferred = m_monitoring.attr("DEBUGGER_ID").cast<int>();
        for (int id : {preferred, 0, 1, 2, 3, 4, 5}) {
            if (m_monitoring.attr("get_tool")(id).is_none()) {
                m_monitoring.attr("use_tool_id")(id, "relive");
                m_tool = id;
                break;
            }
        }
        if (m_tool < 0)
            throw std::runtime_error("every sys.monitoring tool id is in use: the debugger cannot trace");
        m_monitoring.attr("register_callback")(m_tool, m_lineEvent,
            py::reinterpret_steal<py::object>(PyCFunction_New(&s_lineDef, nullptr)));
        m_monitoring.attr("register_callback")(m_tool, m_raiseEvent,
            py::reinterpret_steal<py::object>(PyCFunction_New(&s_raiseDef, nullptr)));
        m_monitoring.attr("register_callback")(m_tool, m_unwindEvent,
            py::reinterpret_steal<py::object>(PyCFunction_New(&s_unwindDef, nullptr)));
    }

    py::object m_monitoring;
    int m_tool = -1;
    int m_lineEvent = 0;
    int m_raiseEvent = 0;
    int m_unwindEvent = 0;
};

} // namespace

std::unique_ptr<LineTracer> LineTracer::create(DebuggerEngine *engine)
{
    return std::make_unique<MonitoringTracer>(engine);
}
