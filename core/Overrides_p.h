#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <QString>
#include <QStringList>

namespace py = pybind11;

// The override engine. Every call needs the GIL.
//
// An override keeps the live function object (so every reference to it,
// bound methods held as callbacks included, runs the override) and gives it
// the override's code; the file's version moves to a second function object,
// the *underlying* one. A reload of the file updates the underlying function
// instead of the live one, so a revert installs exactly what the file
// defines at that moment.
class Overrides
{
public:
    // relive.override(target[, name]): resolves `target` (a function, a
    // bound method, or a class with `name`) and installs `replacement` on
    // it. Returns the override's handle. Raises TypeError / AttributeError
    // with a clear message for anything that is not a live function.
    static py::object install(py::handle target, py::object name, py::handle replacement);
    // Reverts override `id`; false if it is not active.
    static bool revert(int id);
    // relive.overrides(): the handles of the active overrides, oldest first.
    static py::list handles();
    // relive.original(): the function an override replaced, called from
    // inside that override (bound to the same `self` for a method).
    static py::object original();

    // The reloader's hook: when `fn` is overridden, the function object that
    // holds the file's version, to be updated in its place, else null.
    static py::object underlyingFor(py::handle fn);
    // Marks the override of `fn` "file changed underneath" (or not); returns
    // the previous mark, for the reload transaction's undo.
    static bool setFileChanged(py::handle fn, bool changed);
    // The qualified names ("Service.handle") of the active overrides of
    // functions that `file` defines, for the reload report.
    static QStringList activeIn(const QString &file);

    // Remembers `text` as the source compiled under `fileName` ("<console>"),
    // so an override defined by it keeps the text it was typed as.
    static void noteSource(const QString &fileName, const QString &text);

    static void registerApi(py::module_ &m);
};
