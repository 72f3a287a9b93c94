#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <QString>

namespace py = pybind11;

namespace reloading {

inline QString toQString(py::handle h)
{
    return QString::fromStdString(py::str(h).cast<std::string>());
}

inline bool isFunction(py::handle h) { return h && PyFunction_Check(h.ptr()); }
inline bool isClass(py::handle h) { return h && PyType_Check(h.ptr()); }

// `function`, `functools._lru_cache_wrapper`: the type of a value, for a report.
inline QString typeLabel(py::handle value)
{
    py::handle type = py::type::of(value);
    const QString module = toQString(py::getattr(type, "__module__", py::str("builtins")));
    const QString name = toQString(type.attr("__qualname__"));
    return module == QLatin1String("builtins") ? name : module + QLatin1Char('.') + name;
}

} // namespace reloading
