#pragma once

// Private to core: includes Python.
#include <Python.h>

#include <memory>

class DebuggerEngine;
struct DebugCodeInfo;

// How the debugger sees a running program line by line. Tracing switches off the
// interpreter's fast paths, so it is switched on only for code that holds a
// breakpoint or is being stepped; every other frame runs at full speed. CPython
// 3.11 offers a C trace function per thread, switched on and off around the
// frames that want it (LineTracerSetTrace.cpp); 3.12 and later offer
// sys.monitoring's local events per code object, which cost nothing in code that
// has none (PEP 669, LineTracerMonitoring.cpp). One of the two is built.
//
// Line and exception events go to DebuggerEngine::onLine and onException. All of
// it needs the GIL.
class LineTracer
{
public:
    virtual ~LineTracer() = default;

    static std::unique_ptr<LineTracer> create(DebuggerEngine *engine);

    virtual void install() = 0;
    virtual void uninstall() = 0;

    // Frames of `code` are about to run on this thread; `wanted` says whether
    // they should see line events.
    virtual void want(PyThreadState *tstate, PyCodeObject *code, DebugCodeInfo *info, bool wanted) = 0;
    // A thread started stepping: lines that were switched off may be wanted again.
    virtual void steppingStarted() = 0;
    // Breakpoints or the exception mode changed: frames that are running already
    // (a program's main loop) must see them too.
    virtual void traceRunningFrames() = 0;
};
