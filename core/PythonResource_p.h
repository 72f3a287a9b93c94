#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <QString>

namespace py = pybind11;

// Python that is Python at heart lives in core/python/*.py, compiled into the
// library as Qt resources (relive_python.qrc). importResourceModule() runs one
// as the module `name` under its resource path (":/relive/python/x.py"), with
// its source registered in linecache, so tracebacks point at real lines of the
// real file. Imported once; later calls return sys.modules[name]. Needs the GIL.
py::module_ importResourceModule(const char *name, const QString &fileName);

// Whether the interpreter can import the top-level package `name`, asked
// without importing it. Some features use packages that only the
// distribution's Python has (jedi, pyflakes), which a pyenv or virtualenv
// build lacks. Needs the GIL.
bool hasPythonPackage(const char *name);
