#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

namespace py = pybind11;

// relive.inspect(obj): opens `obj` in the window's inspector, or, without a
// window (relive-run), prints a listing of it. Every call needs the GIL.
void registerInspectorApi(py::module_ &m);
