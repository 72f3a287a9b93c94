#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include "ReloadReport.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <tuple>
#include <vector>

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

    // A class of the same name defined by (or recently removed from) another
    // file of the namespace, with its ClassDef node as that file had it.
    struct Adoption
    {
        py::object cls;
        py::object node;
        QString from;  // module name, for the report
    };
    // Old lines first..last hold a statement that did not run again; in the
    // new source it starts `delta` lines further down.
    struct LineMove
    {
        int first;
        int last;
        int delta;
    };
    struct Context
    {
        // Asked for each class name this version defines and the old did not.
        std::function<std::optional<Adoption>(const QString &name)> adopt;
        // Filled with the classes this version no longer defines: (name, class, ClassDef node).
        std::vector<std::tuple<QString, py::object, py::object>> removedClasses;
        // Filled with the syntax tree of the new source when every statement
        // of it was parsed (a file applied whole); else left empty: unchanged
        // statements are not parsed.
        py::object newTree;
        // Filled by a reload that applied: every statement that did not run
        // again (sorted by old line), and the names (imports aside) bound by
        // those that ran, with their lines. The old version's names and lines
        // follow from these without parsing the file.
        std::vector<LineMove> kept;
        QList<QPair<QString, int>> ranNames;
        // Asked, once the merge is done, for a class this file defined and now
        // imports from another file of the namespace (moved there): that file
        // adopts `cls` (defined here by ClassDef `node`) and binds it. Returns
        // whether it did; this file then binds `cls` too.
        std::function<bool(const QString &name, py::handle cls, py::handle node)> adoptElsewhere;
    };

    // Executes the statements of `newSource` that differ from `oldSource` in
    // the module's namespace and merges the result into the live objects, as
    // one transaction. Fills `report`; on any error the module is left exactly
    // as it was.
    static void reload(py::module_ module, const QString &path, const QString &oldSource,
                       const QString &newSource, ReloadReport &report, Context *context = nullptr);

    // A class cut from its file while another file already defines
    // a class of that name (pasted before it was cut): `oldCls` (defined by
    // `oldNode`) is kept and takes the definition of `newCls` (`newNode`,
    // in `module` at `path`), and `module` binds it instead of `newCls`.
    // Returns false, with a warning in `report` and nothing changed, when
    // that cannot be done.
    static bool adoptClass(py::module_ module, const QString &path, const QString &name, py::handle oldCls,
                           py::handle oldNode, py::handle newCls, py::handle newNode, ReloadReport &report);

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
