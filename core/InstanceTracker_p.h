#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <QString>

#include <functional>
#include <vector>

namespace py = pybind11;

// Counts the live instances of the classes of registered namespaces without
// ever walking the heap: the class's allocation and free slots are wrapped when
// the class is created, so each instance adds one when it is allocated and
// takes one away when it is freed. The tracker keeps each instance's address
// (never a reference), so it can also list them. A count then costs a walk of the class's
// subclasses, whatever the size of the heap.
//
// Classes are caught at creation by wrapping builtins.__build_class__ (the
// `class` statement), before any instance of them can exist, so the counts
// are exact. Not counted (countOf() answers -1): classes made by calling
// type() directly (namedtuple), enums (their members are made while the class
// is built), and classes whose allocator is not the default one.
// CPython refuses `obj.__class__ = X` and a change of `__bases__` between a
// counted and an uncounted class ("deallocator differs"), as it does between
// any two classes whose deallocation differs.
class InstanceTracker
{
public:
    // Installs the __build_class__ wrapper; `wanted` says, from a class's
    // __module__, whether its instances are to be counted. Idempotent.
    static void install(std::function<bool(const QString &module)> wanted);
    // Live instances of `cls` and of its counted subclasses, or -1 when
    // `cls` itself is not counted.
    static long long countOf(py::handle cls);
    // The live instances of `cls` and of its counted subclasses, oldest
    // first; empty when `cls` is not counted. Reads the per-class sets the
    // allocation wrappers keep: the cost grows with the class's instances,
    // never with the heap.
    static std::vector<py::object> instancesOf(py::handle cls);
};
