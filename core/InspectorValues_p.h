#pragma once

// Private to core: includes pybind11. What the inspector and the Variables
// panel's browser share to show Python values as text.
#include <pybind11/pybind11.h>

#include <QSet>
#include <QString>

namespace py = pybind11;

// `text` (a str, else its str()) as a QString; a str with lone surrogates,
// which has no UTF-8, says so. Needs the GIL.
QString pythonText(py::handle text);
// "TypeName: message" of a Python exception.
QString pythonErrorText(py::error_already_set &e);
// `text` cut to `maximum` characters, saying how long it was.
QString cutText(QString text, int maximum);

// One request's memory of types whose repr ran out of time: the next object
// of such a type is not asked again, so a list of 100 hanging objects costs
// one time limit, not a hundred.
using SlowTypes = QSet<PyTypeObject *>;

// core/python/relive_inspector.py.
py::module_ inspectorModule();
// Children `offset` .. `offset + limit` of `object` as relive_inspector's
// children() gives them, (total, entries), enumerated within `seconds`
// (enumerating may run user code: a property of a slot, a __len__). When it
// raises or runs out of time: an empty tuple, and *failure says which.
py::tuple boundedChildren(py::handle object, int offset, int limit, double seconds, QString *failure);
