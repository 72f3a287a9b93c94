// The CPython 3.11 LineTracer: a C trace function (PyEval_SetTrace's kind),
// installed per thread and switched on and off around the frames that want it
// by the frame hook.
#include "DebuggerEngine_p.h"
#include "LineTracer_p.h"

#include <frameobject.h>

namespace {

DebuggerEngine *s_engine = nullptr;

int traceFunction(PyObject *, PyFrameObject *frame, int what, PyObject *arg);

void setTracing(PyThreadState *tstate, bool on)
{
    // Only ever replaces our own trace function: a thread traced by someone
    // else (coverage, a user's sys.settrace) is left alone.
    if (tstate->c_tracefunc != nullptr && tstate->c_tracefunc != &traceFunction)
        return;
    if ((tstate->c_tracefunc != nullptr) == on)
        return;
    tstate->c_tracefunc = on ? &traceFunction : nullptr;
    // What _PyThreadState_UpdateTracingState does: tracing stays off while a
    // trace function runs; the interpreter switches it back on afterwards.
    tstate->cframe->use_tracing =
        (tstate->tracing <= 0 && (tstate->c_tracefunc || tstate->c_profilefunc)) ? 255 : 0;
}

int traceFunction(PyObject *, PyFrameObject *frame, int what, PyObject *arg)
{
    DebugThreadState &ts = debugThreadState();
    if (ts.excluded || ts.busy)
        return 0;
    PyCodeObject *code = PyFrame_GetCode(frame);
    DebugCodeInfo *info = s_engine->codeInfo(code);
    Py_DECREF(code);
    TraceVerdict verdict = TraceVerdict::Continue;
    if (what == PyTrace_LINE) {
        verdict = s_engine->onLine(ts, frame, info);
    } else if (what == PyTrace_EXCEPTION) {
        // Raised here, not passing through from a callee: the traceback holds
        // this frame only.
        PyObject *traceback = PyTuple_GET_ITEM(arg, 2);
        const bool here = !traceback || !PyTraceBack_Check(traceback)
            || reinterpret_cast<PyTracebackObject *>(traceback)->tb_next == nullptr;
        if (here)
            verdict = s_engine->onException(ts, frame, info, PyTuple_GET_ITEM(arg, 1));
    }
    switch (verdict) {
    case TraceVerdict::Continue:
        return 0;
    case TraceVerdict::Quiet:
        if (!s_engine->wantsTrace(ts, info))
            setTracing(PyThreadState_Get(), false);
        return 0;
    case TraceVerdict::Raise:
        return -1;
    }
    return 0;
}

class SetTraceTracer : public LineTracer
{
public:
    explicit SetTraceTracer(DebuggerEngine *engine) { s_engine = engine; }

    // The frame hook switches tracing on for the frames that want it.
    void install() override {}

    void uninstall() override
    {
        for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Get()); t; t = PyThreadState_Next(t))
            setTracing(t, false);
    }

    void want(PyThreadState *tstate, PyCodeObject *, DebugCodeInfo *, bool wanted) override
    {
        setTracing(tstate, wanted);
    }

    void steppingStarted() override {}

    // Tracing goes on in every debugged thread; the first line event of a frame
    // that needs none switches it off again.
    void traceRunningFrames() override
    {
        for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Get()); t; t = PyThreadState_Next(t)) {
            if (!s_engine->isExcludedThread(t->thread_id))
                setTracing(t, true);
        }
    }
};

} // namespace

std::unique_ptr<LineTracer> LineTracer::create(DebuggerEngine *engine)
{
    return std::make_unique<SetTraceTracer>(engine);
}
