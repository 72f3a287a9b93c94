// The FrameRestarter: a PEP 523 frame-evaluation hook.
//
// Every Python frame of the interpreter starts through evalFrame() while the
// hook is installed. For frames of functions from a mapped namespace it keeps
// the function and its argument objects (the first slots of the frame's
// locals, before the body has run), so a restart request raised inside the
// frame can be turned into a fresh call of the same function object — whose
// __code__ a reload may have replaced since — returning to the same caller.
// The hook also tells the line tracer which frames start and which resume, so
// only frames that hold a breakpoint or are being stepped pay for tracing.
//
// The frame's function and arguments are read from the interpreter's own frame
// struct (frames/InterpreterFrame_p.h): no public API reaches them.
#include "DebuggerEngine_p.h"
#include "frames/InterpreterFrame_p.h"

#include <QCoreApplication>

namespace {

struct FrameRecord
{
    frames::Frame *frame = nullptr;
    // Strong: from 3.12 on the frame is cleared before the hook returns.
    PyObject *function = nullptr;
    PyCodeObject *code = nullptr;  // the code the frame started with
    // Strong references to the arguments. Most functions take a few: keeping
    // them inline spares an allocation on every call.
    PyObject *inlineArguments[6];
    std::vector<PyObject *> moreArguments;
    PyObject **arguments = inlineArguments;
    int count = 0;
};

DebuggerEngine *s_engine = nullptr;

int argumentSlots(PyCodeObject *code)
{
    return code->co_argcount + code->co_kwonlyargcount + ((code->co_flags & CO_VARARGS) ? 1 : 0)
        + ((code->co_flags & CO_VARKEYWORDS) ? 1 : 0);
}

bool keepArguments(FrameRecord &record, frames::Frame *frame, PyCodeObject *code)
{
    const int count = argumentSlots(code);
    for (int i = 0; i < count; ++i) {
        if (!frames::local(frame, i))
            return false;
    }
    if (count > 6) {
        record.moreArguments.resize(size_t(count));
        record.arguments = record.moreArguments.data();
    }
    for (int i = 0; i < count; ++i) {
        record.arguments[i] = frames::local(frame, i);
        Py_INCREF(record.arguments[i]);
    }
    record.count = count;
    record.frame = frame;
    record.function = Py_NewRef(frames::function(frame));
    record.code = reinterpret_cast<PyCodeObject *>(Py_NewRef(reinterpret_cast<PyObject *>(code)));
    return true;
}

void releaseRecord(FrameRecord &record)
{
    for (int i = 0; i < record.count; ++i)
        Py_DECREF(record.arguments[i]);
    Py_DECREF(record.function);
    Py_DECREF(reinterpret_cast<PyObject *>(record.code));
}

// Calls the function again with the argument objects the frame started with,
// named as the code the frame started with names them.
PyObject *callAgain(const FrameRecord &record)
{
    PyCodeObject *code = record.code;
    const int positional = code->co_argcount;
    const int keywordOnly = code->co_kwonlyargcount;
    int next = positional + keywordOnly;
    PyObject *extra = (code->co_flags & CO_VARARGS) ? record.arguments[next++] : nullptr;
    PyObject *extraKeywords = (code->co_flags & CO_VARKEYWORDS) ? record.arguments[next] : nullptr;

    const Py_ssize_t extraCount = extra ? PyTuple_GET_SIZE(extra) : 0;
    PyObject *args = PyTuple_New(positional + extraCount);
    if (!args)
        return nullptr;
    for (int i = 0; i < positional; ++i) {
        Py_INCREF(record.arguments[i]);
        PyTuple_SET_ITEM(args, i, record.arguments[i]);
    }
    for (Py_ssize_t i = 0; i < extraCount; ++i) {
        PyObject *item = PyTuple_GET_ITEM(extra, i);
        Py_INCREF(item);
        PyTuple_SET_ITEM(args, positional + i, item);
    }
    PyObject *kwargs = PyDict_New();
    for (int i = positional; kwargs && i < positional + keywordOnly; ++i) {
        if (PyDict_SetItem(kwargs, PyTuple_GET_ITEM(code->co_localsplusnames, i), record.arguments[i]) < 0)
            Py_CLEAR(kwargs);
    }
    if (kwargs && extraKeywords && PyDict_Update(kwargs, extraKeywords) < 0)
        Py_CLEAR(kwargs);
    PyObject *result = kwargs ? PyObject_Call(record.function, args, kwargs) : nullptr;
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return result;
}

PyObject *evalFrame(PyThreadState *tstate, frames::Frame *frame, int throwflag)
{
    DebugThreadState &ts = debugThreadState();
    PyCodeObject *code = frames::code(frame);
    if (ts.excluded || ts.busy || !code)
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
    DebuggerEngine &engine = *s_engine;
    DebugCodeInfo *info = engine.codeInfo(code);
    ++ts.depth;
    engine.traceFrame(ts, tstate, code, info);

    FrameRecord record;
    // Generator and coroutine frames are resumed through this hook too, once
    // per resumption: there is no single call to repeat.
    const bool restartable = info->mapped && info->function && !info->generator
        && frames::ownedByThread(frame) && !throwflag && keepArguments(record, frame, code);
    if (restartable)
        ts.records.push_back(&record);

    PyObject *result = _PyEval_EvalFrameDefault(tstate, frame, throwflag);

    // 3.11 leaves the frame intact until this hook returns, so an exception
    // leaving it is judged here; later versions clear it inside the evaluation,
    // and the line tracer judges it while it still runs (PY_UNWIND).
    PyFrameObject *frameObject =
        frames::intactAfterEvaluation && !result && info->user ? frames::frameObject(frame) : nullptr;
    if (frameObject) {
        PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
        PyErr_Fetch(&type, &value, &traceback);
        PyErr_NormalizeException(&type, &value, &traceback);
        PyErr_Restore(type, value, traceback);
        engine.exceptionLeaving(ts, frameObject, value);
    }
    const bool retry = ts.retryTarget == frame;
    if (retry)
        ts.retryTarget = nullptr;
    const bool restart = !result && ts.restartTarget == frame && PyErr_ExceptionMatches(engine.restartType());
    if (!result && restartable && (retry || restart)) {
        PyErr_Clear();
        if (restart)
            ts.restartTarget = nullptr;
        ts.records.pop_back();
        --ts.depth;
        result = callAgain(record);
        ++ts.depth;
        ts.records.push_back(&record);
    }

    if (restartable) {
        ts.records.pop_back();
        releaseRecord(record);
    }
    --ts.depth;
    frames::Frame *caller = frames::current(tstate);
    PyCodeObject *callerCode = caller ? frames::code(caller) : nullptr;
    if (callerCode)
        engine.traceFrame(ts, tstate, callerCode, engine.codeInfo(callerCode));
    return result;
}

class FrameEvaluationHook : public FrameRestarter
{
public:
    explicit FrameEvaluationHook(DebuggerEngine *engine) { s_engine = engine; }

    void install() override
    {
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), evalFrame);
        m_installed = true;
    }

    void uninstall() override
    {
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), _PyEval_EvalFrameDefault);
        m_installed = false;
    }

    bool isInstalled() const override { return m_installed; }

    QString refusal(PyFrameObject *frame) const override
    {
        frames::Frame *f = frames::of(frame);
        for (void *r : debugThreadState().records) {
            if (static_cast<FrameRecord *>(r)->frame == f)
                return {};
        }
        DebugCodeInfo *info = s_engine->codeInfo(frames::code(f));
        if (info->generator)
            return QCoreApplication::translate("Debugger",
                "a generator or coroutine frame cannot be restarted: it is resumed many times, not called once");
        if (!info->mapped)
            return QCoreApplication::translate("Debugger",
                "only functions of a mapped namespace can be restarted; this frame runs library code");
        if (!info->function)
            return QCoreApplication::translate("Debugger", "module and class bodies cannot be restarted");
        return QCoreApplication::translate("Debugger",
            "this call started before debugging was switched on, so its arguments were not kept");
    }

    int requestRestart(PyFrameObject *frame) override
    {
        debugThreadState().restartTarget = frames::of(frame);
        PyErr_SetString(s_engine->restartType(), "frame restarted by the debugger");
        return -1;
    }

private:
    bool m_installed = false;
};

} // namespace

std::unique_ptr<FrameRestarter> FrameRestarter::create(DebuggerEngine *engine)
{
    return std::make_unique<FrameEvaluationHook>(engine);
}
