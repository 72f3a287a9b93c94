#pragma once

// CPython 3.11: code and function are plain object pointers in the frame.
#define Py_BUILD_CORE 1
#include <internal/pycore_frame.h>
#undef Py_BUILD_CORE

namespace frames {

// The frame is cleared by the caller of the evaluation, after the frame hook
// returns.
constexpr bool intactAfterEvaluation = true;

using Frame = _PyInterpreterFrame;

inline PyCodeObject *code(Frame *f) { return f->f_code; }
inline PyObject *function(Frame *f) { return reinterpret_cast<PyObject *>(f->f_func); }
inline PyObject *local(Frame *f, int i) { return f->localsplus[i]; }
inline bool ownedByThread(Frame *f) { return f->owner == FRAME_OWNED_BY_THREAD; }
inline PyFrameObject *frameObject(Frame *f) { return f->frame_obj; }
// The frame the thread runs now: after an evaluation returns, its caller.
inline Frame *current(PyThreadState *tstate) { return tstate->cframe->current_frame; }
inline Frame *of(PyFrameObject *frame) { return frame->f_frame; }

// Locals changed through PyFrame_GetLocals reach the frame only when copied back.
inline void writeBackLocals(PyFrameObject *frame) { PyFrame_LocalsToFast(frame, 0); }

} // namespace frames
