#pragma once

// Private to core: includes Python.
#include <Python.h>

#include <QString>

#include <memory>

class DebuggerEngine;

// Restarting a running frame: unwinding it and calling its function again with
// the same argument objects, running the function's current code. The frame
// must have been started through a hook that kept its function and arguments,
// so this is interpreter-version specific: CPython 3.11 uses a PEP 523
// frame-evaluation hook (FrameRestarter311.cpp); 3.12+ can use sys.monitoring
// and the unstable frame API behind the same interface.
//
// The same hook sees every frame start and end, which is where the debugger
// turns tracing on for the few frames that need it.
class FrameRestarter
{
public:
    virtual ~FrameRestarter() = default;

    // The implementation for this interpreter, or null where there is none.
    static std::unique_ptr<FrameRestarter> create(DebuggerEngine *engine);

    // With the GIL. Installed only while debugging: with a custom frame
    // evaluator CPython stops inlining Python-to-Python calls.
    virtual void install() = 0;
    virtual void uninstall() = 0;
    virtual bool isInstalled() const = 0;

    // On the frame's own thread: why `frame` cannot be restarted, or empty.
    virtual QString refusal(PyFrameObject *frame) const = 0;
    // On the frame's own thread: sets the exception that unwinds the stack up to
    // `frame`, where the hook calls the function again. Returns -1 as a trace
    // function does to raise it.
    virtual int requestRestart(PyFrameObject *frame) = 0;
};
