#pragma once

// CPython 3.13: the code became f_executable, which may also hold None (the
// entry frames the interpreter pushes for itself); locals are written through
// (PEP 667).
#define Py_BUILD_CORE 1
#include <internal/pycore_frame.h>
#undef Py_BUILD_CORE

namespace frames {

// The evaluation clears and pops the frame before it returns to the frame hook.
constexpr bool intactAfterEvaluation = false;

using Frame = _PyInterpreterFrame;

inline PyCodeObject *code(Frame *f)
{
    return PyCode_Check(f->f_executable) ? reinterpret_cast<PyCodeObject *>(f->f_executable) : nullptr;
}
inline PyObject *function(Frame *f) { return f->f_funcobj; }
inline PyObject *local(Frame *f, int i) { return f->localsplus[i]; }
inline bool ownedByThread(Frame *f) { return f->owner == FRAME_OWNED_BY_THREAD; }
inline PyFrameObject *frameObject(Frame *f) { return f->frame_obj; }
// The frame the thread runs now: after an evaluation returns, its caller.
inline Frame *current(PyThreadState *tstate) { return tstate->current_frame; }
inline Frame *of(PyFrameObject *frame) { return frame->f_frame; }

// PyFrame_GetLocals returns a proxy that writes through to the frame.
inline void writeBackLocals(PyFrameObject *) {}

} // namespace frames
