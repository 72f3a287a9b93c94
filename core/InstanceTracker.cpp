#include "InstanceTracker_p.h"

#include <QHash>
#include <QSet>

namespace {

struct Counted
{
    allocfunc alloc = nullptr;
    freefunc free = nullptr;
    long long live = 0;
};

// Guarded by the GIL, like every allocation and free of a Python object. Keys
// of classes that died stay behind: a new class at the same address is only
// counted again if track() installs the wrappers on it, which resets its entry.
QHash<PyTypeObject *, Counted> s_counted;
std::function<bool(const QString &)> s_wanted;

PyObject *countedAlloc(PyTypeObject *type, Py_ssize_t items)
{
    const auto it = s_counted.constFind(type);
    if (it == s_counted.constEnd())
        return PyType_GenericAlloc(type, items);
    PyObject *object = it->alloc(type, items);
    // Looked up again: the allocation may have run a garbage collection, and
    // a finalizer that defines a class, which grows the hash.
    if (object)
        ++s_counted[type].live;
    return object;
}

void countedFree(void *memory)
{
    // Called from the base deallocator while the object still has its type.
    PyTypeObject *type = Py_TYPE(static_cast<PyObject *>(memory));
    auto it = s_counted.find(type);
    if (it == s_counted.end()) {
        // Only reached if a counted class's instance got an uncounted type,
        // which CPython's __class__ assignment refuses; free it as a GC object.
        PyObject_GC_Del(memory);
        return;
    }
    if (it->live > 0)
        --it->live;
    it->free(memory);
}

bool isCounted(PyTypeObject *type)
{
    return type->tp_alloc == countedAlloc && s_counted.contains(type);
}

void track(PyTypeObject *type)
{
    if (type->tp_alloc != PyType_GenericAlloc || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return;
    s_counted.insert(type, Counted{type->tp_alloc, type->tp_free, 0});
    type->tp_alloc = countedAlloc;
    type->tp_free = countedFree;
}

void countSubclasses(PyTypeObject *type, QSet<PyTypeObject *> &seen, long long &total)
{
    if (seen.contains(type))
        return;
    seen.insert(type);
    if (isCounted(type))
        total += s_counted.value(type).live;
    py::list subclasses = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject *>(type))
                              .attr("__subclasses__")();
    for (py::handle sub : subclasses)
        countSubclasses(reinterpret_cast<PyTypeObject *>(sub.ptr()), seen, total);
}

} // namespace

void InstanceTracker::install(std::function<bool(const QString &module)> wanted)
{
    s_wanted = std::move(wanted);
    py::module_ builtins = py::module_::import("builtins");
    py::module_ relive = py::module_::import("relive");
    if (py::hasattr(relive, "_original_build_class"))
        return;
    py::object original = builtins.attr("__build_class__");
    py::object enumType = py::module_::import("enum").attr("EnumMeta");
    relive.attr("_original_build_class") = original;
    builtins.attr("__build_class__") = py::cpp_function(
        [original, enumType](py::args args, py::kwargs kwargs) {
            py::object cls = original(*args, **kwargs);
            if (!PyType_Check(cls.ptr()) || !s_wanted || py::isinstance(cls, enumType))
                return cls;
            py::object module = cls.attr("__dict__").attr("get")("__module__");
            if (py::isinstance<py::str>(module)
                && s_wanted(QString::fromStdString(module.cast<std::string>())))
                track(reinterpret_cast<PyTypeObject *>(cls.ptr()));
            return cls;
        },
        py::name("__build_class__"),
        py::doc("__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
                "Internal helper function used by the class statement; relive wraps it to count "
                "the instances of namespace classes."));
}

long long InstanceTracker::countOf(py::handle cls)
{
    if (!PyType_Check(cls.ptr()) || !isCounted(reinterpret_cast<PyTypeObject *>(cls.ptr())))
        return -1;
    QSet<PyTypeObject *> seen;
    long long total = 0;
    countSubclasses(reinterpret_cast<PyTypeObject *>(cls.ptr()), seen, total);
    return total;
}
