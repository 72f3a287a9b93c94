#pragma once

// Private to core: the one place that knows how this CPython lays out a running
// frame. Restarting a frame needs the function object and the argument values
// a frame started with, and no public or unstable API gives either: only the
// interpreter's own frame struct (`_PyInterpreterFrame`, internal headers) has
// them. Its layout changes with every minor release, so each family has its
// own accessors, all with the same names, chosen here at build time.
//
// Everything here is borrowed and needs the GIL.
#include <Python.h>

#if PY_VERSION_HEX < 0x030B0000
#error "Relive needs CPython 3.11 or later"
#elif PY_VERSION_HEX < 0x030C0000
#include "InterpreterFrame311_p.h"
#elif PY_VERSION_HEX < 0x030D0000
#include "InterpreterFrame312_p.h"
#elif PY_VERSION_HEX < 0x030E0000
#include "InterpreterFrame313_p.h"
#elif PY_VERSION_HEX < 0x030F0000
#include "InterpreterFrame314_p.h"
#else
#error "Relive does not know this CPython's frame layout yet: add core/frames/InterpreterFrame3xx_p.h"
#endif
