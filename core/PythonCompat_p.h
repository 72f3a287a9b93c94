#pragma once

// Private to core: public C API that newer CPythons have and older ones lack,
// written here for the older ones with what they offer, so that the rest of
// core is written against the newest API and never tests the version itself.
#include <Python.h>

#if PY_VERSION_HEX < 0x030C0000
// 3.12 gave the code-extra API its unstable-API names.
inline Py_ssize_t PyUnstable_Eval_RequestCodeExtraIndex(freefunc free) { return _PyEval_RequestCodeExtraIndex(free); }
inline int PyUnstable_Code_GetExtra(PyObject *code, Py_ssize_t index, void **extra)
{
    return _PyCode_GetExtra(code, index, extra);
}
inline int PyUnstable_Code_SetExtra(PyObject *code, Py_ssize_t index, void *extra)
{
    return _PyCode_SetExtra(code, index, extra);
}
#endif

#if PY_VERSION_HEX < 0x030D0000
// 3.13 added a weak-reference lookup that returns a strong reference
// (PyWeakref_GetObject's borrowed one is deprecated there).
inline int PyWeakref_GetRef(PyObject *ref, PyObject **object)
{
    PyObject *target = PyWeakref_GetObject(ref);
    if (!target) {
        *object = nullptr;
        return -1;
    }
    *object = target == Py_None ? nullptr : Py_NewRef(target);
    return *object ? 1 : 0;
}
#endif
