#pragma once

// CPython 3.14: code, function and locals are stack references (_PyStackRef),
// tagged pointers that may not own a reference; borrowing strips the tag.
#define Py_BUILD_CORE 1
#include <internal/pycore_frame.h>
#include <internal/pycore_interpframe_structs.h>
#include <internal/pycore_stackref.h>
#undef Py_BUILD_CORE

namespace frames {

// The evaluation clears and pops the frame before it returns to the frame hook.
constexpr bool intactAfterEvaluation = false;

using Frame = _PyInterpreterFrame;

inline PyCodeObject *code(Frame *f)
{
    PyObject *executable = PyStackRef_AsPyObjectBorrow(f->f_executable);
    return executable && PyCode_Check(executable) ? reinterpret_cast<PyCodeObject *>(executable) : nullptr;
}
inline PyObject *function(Frame *f) { return PyStackRef_AsPyObjectBorrow(f->f_funcobj); }
inline PyObject *local(Frame *f, int i)
{
    return PyStackRef_IsNull(f->localsplus[i]) ? nullptr : PyStackRef_AsPyObjectBorrow(f->localsplus[i]);
}
inline bool ownedByThread(Frame *f) { return f->owner == FRAME_OWNED_BY_THREAD; }
inline PyFrameObject *frameObject(Frame *f) { return f->frame_obj; }
// The frame the thread runs now: after an evaluation returns, its caller.
inline Frame *current(PyThreadState *tstate) { return tstate->current_frame; }
inline Frame *of(PyFrameObject *frame) { return frame->f_frame; }

// PyFrame_GetLocals returns a proxy that writes through to the frame.
inline void writeBackLocals(PyFrameObject *) {}

} // namespace frames
