#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include "ReloadReport.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace py = pybind11;

// Applies a new version of a module's source to the live module, in place
// (DESIGN.md, "Reload semantics"). Every call needs the GIL.
class Reloader
{
public:
    struct Source
    {
        QString path;
        QString text;
    };

    // Executes the statements of `newSource` that differ from `oldSource` in
    // the module's namespace and merges the result into the live objects, as
    // one transaction. Fills `report`; on any error the module is left exactly
    // as it was.
    static void reload(py::module_ module, const QString &path, const QString &oldSource,
                       const QString &newSource, ReloadReport &report);

    // Limit for executing a module body during a reload.
    static void setTimeLimit(double seconds);
    static double timeLimit();
    // relive.ReloadTimeout: raised in a module body that runs past the limit.
    static py::object timeoutError();

    // Names a top-level (or class-body) statement binds: def/class names,
    // assignment targets, for/with targets, and, with `includeImports`, import
    // aliases; nested blocks (if/try/with/for) count, nested scopes do not.
    static QStringList boundNames(py::handle statement, bool includeImports);

    // Fills report.error/traceback/errorLine from the exception being handled.
    static void describeError(py::error_already_set &e, const QString &path, ReloadReport &report);
};
