#pragma once

// Private to core: includes pybind11.
#include "PythonCompat_p.h"

#include <pybind11/pybind11.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace py = pybind11;

namespace reloading {

// The functions made at run time from the nested code objects of namespace
// files (closures: the wrapper a decorator made, a view made inside an app
// factory, a callback made in a loop), kept by weak reference under the file
// and qualified name of the code they run, so that a save reaches them
// without walking the heap.
//
// How a new function is seen depends on the interpreter, and only this class
// knows it:
//  - CPython 3.12+: a function watcher (PyFunction_AddWatcher) is told of
//    every function created, and records those made from nested code whose
//    globals are a namespace module's.
//  - CPython 3.11 has no such hook. Every object made since the collector
//    last ran is in its youngest generation: that generation is read at the
//    start of each collection (a gc callback) and, through a collection of
//    it, before each save. The cost follows what the program allocates, not
//    the size of its heap, and each function is seen once, in the collection
//    that moves it out of the youngest generation.
// Every call needs the GIL.
class MadeFunctions
{
public:
    // Functions whose globals are `globals` (a namespace module's) are
    // recorded from now on.
    static void watchModule(py::handle globals)
    {
        MadeFunctions &self = instance();
        if (self.m_modules.insert(globals.ptr()).second)
            Py_INCREF(globals.ptr());
    }
    // Brings the record up to date with every function made so far.
    static void catchUp()
    {
#if PY_VERSION_HEX < 0x030C0000
        py::module_::import("gc").attr("collect")(0);
#endif
    }
    // The live functions recorded as made from `code`, or from a copy of it
    // with other line numbers (unchanged code that moved in its file gets
    // new code objects): recorded by the file and qualified name of the code.
    static std::vector<py::object> madeFrom(py::handle code)
    {
        std::vector<py::object> out;
        auto found = instance().m_made.find(keyOf(code.ptr()));
        if (found == instance().m_made.end())
            return out;
        std::vector<py::object> alive;
        std::unordered_set<PyObject *> seen;  // a function recorded again (given this code by a save)
        for (const py::object &ref : found->second) {
            PyObject *fn = nullptr;
            if (PyWeakref_GetRef(ref.ptr(), &fn) != 1)
                continue;
            py::object function = py::reinterpret_steal<py::object>(fn);
            if (!seen.insert(fn).second)
                continue;
            out.push_back(function);
            alive.push_back(ref);
        }
        found->second.swap(alive);
        return out;
    }
    // `fn` runs `code` now (a save gave it new code): the next save finds it there.
    static void record(py::handle code, py::handle fn)
    {
        PyObject *ref = PyWeakref_NewRef(fn.ptr(), nullptr);
        if (!ref) {
            PyErr_Clear();  // a function always takes weak references; nothing to follow otherwise
            return;
        }
        std::vector<py::object> &refs = instance().m_made[keyOf(code.ptr())];
        refs.push_back(py::reinterpret_steal<py::object>(ref));
        // Closures made and dropped again (a callback per call) leave dead
        // references: pruned each time the list doubles.
        if (refs.size() >= 64 && (refs.size() & (refs.size() - 1)) == 0)
            madeFrom(code);
    }

private:
    static MadeFunctions &instance()
    {
        static MadeFunctions *self = [] {
            auto *made = new MadeFunctions;  // lives as long as the interpreter
            made->start();
            return made;
        }();
        return *self;
    }

    static std::string keyOf(PyObject *code)
    {
        auto *c = reinterpret_cast<PyCodeObject *>(code);
        const char *file = PyUnicode_AsUTF8(c->co_filename);
        const char *name = PyUnicode_AsUTF8(c->co_qualname);
        if (!file || !name) {
            PyErr_Clear();
            return std::string();
        }
        return std::string(file) + '\n' + name;
    }

    void consider(PyObject *object)
    {
        if (!PyFunction_Check(object))
            return;
        auto *f = reinterpret_cast<PyFunctionObject *>(object);
        auto *code = reinterpret_cast<PyCodeObject *>(f->func_code);
        if (!(code->co_flags & CO_NESTED) || !m_modules.count(f->func_globals))
            return;
        record(py::handle(f->func_code), py::handle(object));
    }

#if PY_VERSION_HEX >= 0x030C0000
    static int onFunctionEvent(PyFunction_WatchEvent event, PyFunctionObject *function, PyObject *)
    {
        if (event != PyFunction_EVENT_CREATE)
            return 0;
        PyObject *type, *value, *traceback;
        PyErr_Fetch(&type, &value, &traceback);
        instance().consider(reinterpret_cast<PyObject *>(function));
        PyErr_Restore(type, value, traceback);
        return 0;
    }
    void start()
    {
        if (PyFunction_AddWatcher(&MadeFunctions::onFunctionEvent) < 0)
            PyErr_Clear();  // every watcher slot taken: closures keep their code, as before
    }
#else
    void start()
    {
        // Held here, not looked up on each collection: a program that
        // replaces gc.get_objects (to see who walks its heap) is not called.
        py::object youngObjects = py::module_::import("gc").attr("get_objects");
        py::cpp_function onCollection([this, youngObjects](py::str phase, py::handle) {
            if (phase.cast<std::string>() != "start")
                return;
            for (py::handle object : youngObjects(py::arg("generation") = 0))
                consider(object.ptr());
        });
        py::module_::import("gc").attr("callbacks").attr("append")(onCollection);
    }
#endif

    std::unordered_set<PyObject *> m_modules;                         // namespace module globals (strong)
    std::unordered_map<std::string, std::vector<py::object>> m_made;  // file and qualified name -> weak references
};

} // namespace reloading
