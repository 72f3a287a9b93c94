#include "InstanceTracker_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

struct Counted
{
    allocfunc alloc = nullptr;
    freefunc free = nullptr;
    // The live instances, by address, with their allocation serial (creation
    // order for a listing). Addresses only: no reference is held, so
    // tracking never keeps an object alive; free removes it.
    QHash<PyObject *, quint64> live;
};

// Guarded by the GIL, like every allocation and free of a Python object. Keys
// of classes that died stay behind: a new class at the same address is only
// counted again if track() installs the wrappers on it, which resets its entry.
QHash<PyTypeObject *, Counted> s_counted;
std::function<bool(const QString &)> s_wanted;
quint64 s_serial = 0;

PyObject *countedAlloc(PyTypeObject *type, Py_ssize_t items)
{
    const auto it = s_counted.constFind(type);
    if (it == s_counted.constEnd())
        return PyType_GenericAlloc(type, items);
    PyObject *object = it->alloc(type, items);
    // Looked up again: the allocation may have run a garbage collection, and
    // a finalizer that defines a class, which grows the hash.
    if (object)
        s_counted[type].live.insert(object, ++s_serial);
    return object;
}

void countedFree(void *memory)
{
    auto *object = static_cast<PyObject *>(memory);
    // Called from the base deallocator while the object still has its type:
    // a counted class, or a subclass of one made by calling type(), which
    // inherits these slots without being counted (its nearest counted base
    // knows the real free function).
    for (PyTypeObject *type = Py_TYPE(object); type; type = type->tp_base) {
        const auto it = s_counted.find(type);
        if (it == s_counted.end())
            continue;
        if (!it->live.remove(object)) {
            // Allocated as another class and given this one by a `__class__`
            // assignment: its address must not outlive it in any set.
            for (Counted &other : s_counted) {
                if (other.live.remove(object))
                    break;
            }
        }
        it->free(memory);
        return;
    }
    // Not reached: these slots are only ever installed on counted classes.
    PyObject_GC_Del(memory);
}

bool isCounted(PyTypeObject *type)
{
    return type->tp_alloc == countedAlloc && s_counted.contains(type);
}

void track(PyTypeObject *type)
{
    if (type->tp_alloc != PyType_GenericAlloc || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return;
    s_counted.insert(type, Counted{type->tp_alloc, type->tp_free, {}});
    type->tp_alloc = countedAlloc;
    type->tp_free = countedFree;
}

// `cls` and its subclasses, each once (diamonds), the counted ones only.
void countedFamily(PyTypeObject *type, QSet<PyTypeObject *> &seen, QList<PyTypeObject *> &family)
{
    if (seen.contains(type))
        return;
    seen.insert(type);
    if (isCounted(type))
        family.append(type);
    py::list subclasses = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject *>(type))
                              .attr("__subclasses__")();
    for (py::handle sub : subclasses)
        countedFamily(reinterpret_cast<PyTypeObject *>(sub.ptr()), seen, family);
}

QList<PyTypeObject *> countedFamily(py::handle cls)
{
    QSet<PyTypeObject *> seen;
    QList<PyTypeObject *> family;
    countedFamily(reinterpret_cast<PyTypeObject *>(cls.ptr()), seen, family);
    return family;
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
    long long total = 0;
    for (PyTypeObject *type : countedFamily(cls))
        total += s_counted.value(type).live.size();
    return total;
}

std::vector<py::object> InstanceTracker::instancesOf(py::handle cls)
{
    std::vector<py::object> result;
    if (!PyType_Check(cls.ptr()) || !isCounted(reinterpret_cast<PyTypeObject *>(cls.ptr())))
        return result;
    QList<QPair<quint64, PyObject *>> found;
    for (PyTypeObject *type : countedFamily(cls)) {
        const QHash<PyObject *, quint64> &live = s_counted[type].live;
        for (auto it = live.cbegin(); it != live.cend(); ++it) {
            // A refcount of zero: being deallocated right now (a weakref
            // callback or a finalizer running); it must not be revived here.
            if (Py_REFCNT(it.key()) > 0)
                found.append({it.value(), it.key()});
        }
    }
    std::sort(found.begin(), found.end());
    // The references are all taken before any Python code can run (the
    // loop above runs none), so no address read above can be freed meanwhile.
    result.reserve(size_t(found.size()));
    for (const auto &entry : std::as_const(found))
        result.push_back(py::reinterpret_borrow<py::object>(entry.second));
    return result;
}
