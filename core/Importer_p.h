#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include "ExportScanner_p.h"
#include "FileRegistry_p.h"
#include "NamespaceMap.h"
#include "NamespaceNode.h"
#include "ReloadReport.h"
#include "Reloader_p.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace py = pybind11;

// The Python side of CodeManager: registered namespaces, the sys.meta_path
// finder that serves them, the per-file modules and the namespace facades
// (live views of their files' names), and reloads. One per interpreter; every
// member function needs the GIL, which is also what guards its state.
//
// One class, its parts in one file each, by responsibility:
//   Importer.cpp          registration, reload, check and rescan of files, reports
//   ImporterProtocol.cpp  the import protocol: finder and loader, the code cache
//   ImporterFacade.cpp    the namespace facade (a directory's live view)
//   ImporterExports.cpp   a file's exports, directory names, conflicts, editor index
//   ImporterAdoption.cpp  class adoption between files
//   ImporterSnapshot.cpp  the namespace snapshot and instance counts
// The file records and their invariants are FileRegistry's; the merge rules
// of a reload are Reloader's.
class Importer
{
public:
    struct Sinks
    {
        std::function<void(const ReloadReport &)> reloaded;
        std::function<void(const QString &name, const QString &root)> directoryAdded;
        std::function<void(const QString &name)> namespaceChanged;
        std::function<void(const QString &message)> warning;
    };
    // What a file not run yet exports.
    struct StaticExports
    {
        QDateTime modified;
        QStringList exports;
        QHash<QString, int> lines;
    };

    static Importer &instance();
    // The importer if something has registered or imported through it, else null.
    static Importer *existing();

    void setSinks(Sinks sinks);

    // False, with why in `error`, when it is refused.
    bool addDirectory(const QString &path, const QString &name, bool force, QString *error);
    // The packages of a project folder (NamespaceMap::project) under their own
    // names, installed copies set aside; the names registered, or none with
    // why in `error`.
    QStringList addProject(const QString &folder, QString *error);
    QMap<QString, QString> namespaces() const;  // name -> root directory
    // Restart Interpreter's part: forgets the modules of every namespace, and
    // those imported from the namespaces' and projects' folders (not from an
    // environment inside them), then registers the namespaces again from a
    // fresh scan, so that the next import runs their files from disk and the
    // reloads follow the new modules. Objects made before keep their old code.
    void restart();

    // Reloads `file` if it belongs to a namespace and (unless `force`) its
    // content changed since it was last applied. Returns the report, if any.
    std::optional<ReloadReport> reloadFile(const QString &file, bool force);
    // Re-reads the tree containing `path`: files and directories added,
    // removed or renamed update the namespace. Returns the reports published
    // for the files removed and added.
    QList<ReloadReport> rescan(const QString &path);

    QList<NamespaceNode> snapshot();
    // Live instances of a namespace class, -1 when they are not counted
    // (see InstanceTracker); never a walk of the heap.
    int instanceCount(const QString &qualifiedName);
    // Qualified name -> live instances, for every class of a loaded file.
    QHash<QString, int> instanceCounts();
    QList<ReloadReport> lastReports() const;
    void addReloadCallback(py::object callback);
    static py::dict toDict(const ReloadReport &report);

    // The map as the editor's completion and diagnostics need it (the format
    // is described in core/python/relive_intelligence.py): every directory
    // namespace with its sub-namespaces, files and public names with their
    // defining file and line. A loaded file gives its applied names; a file
    // not imported yet is scanned, so its names are known before it runs.
    py::dict editorIndex();

    // The names a file binds at top level: from its tokens (ExportScanner),
    // or from its syntax tree where the tokens cannot be followed or
    // `fullTree` asks for it (the reference the scanner is checked against).
    // Raises what ast.parse raises when the tree is needed and the file does
    // not parse.
    static ExportScanner::Result boundNames(const QByteArray &bytes, const QString &path, bool fullTree = false);
    static ExportScanner::Result boundNamesOfTree(py::handle tree);
    // What a file not run yet exports, and the lines that bind its names
    // (`modified` left empty). Raises when __all__ is not a literal.
    static StaticExports staticExportsOf(const QByteArray &bytes, const QString &path, bool fullTree = false);

    // sys.meta_path protocol.
    py::object findSpec(const std::string &fullname);
    py::object createModule(py::object spec);
    void execModule(py::object module);

    // The namespace facade's attribute protocol.
    py::object facadeGetattr(py::handle facade, const std::string &name);
    // A null `value` deletes.
    void facadeSetattr(py::handle facade, py::handle name, py::handle value);
    py::list facadeDir(py::handle facade);

private:
    // A class a file stopped defining, kept (weakly) so that a file that
    // defines it next adopts it: a class cut from one file and pasted into
    // another keeps its identity.
    struct RemovedClass
    {
        py::object ref;   // weakref.ref to the class
        py::object node;  // its ClassDef, as the old file had it
        QString from;     // the module that defined it
    };
    struct Namespace
    {
        QString name;
        QString root;
        NamespaceMap map;
    };

    // What registering a name that Python can already import does: refuse
    // it, allow it (forced), or, for a project's own package, set the
    // installed copy aside (never a standard-library module).
    enum class Shadowing { Refuse, Allow, SetAsideInstalled };

    Importer();
    bool addNamespace(const QString &path, const QString &name, Shadowing shadowing, QString *error);
    // Conversions every part of the importer uses.
    static QString toQString(py::handle h);
    static QString cleanPath(const QString &path);
    static QByteArray hashOf(const QByteArray &bytes);
    static py::object sysModules();

    // Importer.cpp
    Namespace *namespaceOf(const QString &dottedName);
    Namespace *namespaceOfPath(const QString &path);
    void indexNamespace(Namespace &ns);
    void publish(ReloadReport report);
    // Compiles a file nothing has imported yet and reports the result.
    std::optional<ReloadReport> checkFile(const QString &path, const QString &moduleName, const QByteArray &bytes,
                                          bool force, const QElapsedTimer &timer);
    void warn(const QString &message);
    std::unique_lock<std::recursive_mutex> lockReloads();
    void emitNamespaceChanged(const QString &dottedName);
    // A folder that gained or lost its __init__.py: its module made again as the other kind.
    void remakeDirectoryModule(const QString &dottedName);

    // ImporterProtocol.cpp
    // A directory or file under a namespace root that the last scan did not
    // see (created since): scans again, so it is served as part of the namespace.
    void rescanIfNew(const QString &dottedName);

    // ImporterFacade.cpp
    py::object makeFacadeType();
    static QString facadeName(py::handle facade);
    // The loaded module whose file defines `name` for the directory, or None.
    py::object ownerModule(const QString &directory, const QString &name);

    // ImporterExports.cpp
    // Records `source` as applied to `moduleName`, with the names its tree
    // (and the module's __all__) export.
    void markApplied(const QString &moduleName, const QString &source, const QByteArray &hash, py::object tree,
                     py::handle module, py::object keptTree);
    // The same after a reload that parsed only the statements that changed:
    // the names of the statements that did not run again keep their entries,
    // at their new lines.
    void markReloaded(const QString &moduleName, const QString &source, const QByteArray &hash,
                      const FileRegistry::File &before, const Reloader::Context &context, py::handle module);
    // The module's __all__ as names, or nothing (with a warning if it is not a list of names).
    std::optional<QStringList> allOf(const QString &moduleName, py::handle module);
    // The same with the names the file binds already known.
    void recordExports(const QString &moduleName, const QString &source, const QByteArray &hash,
                       const ExportScanner::Result &bound, py::handle module, py::object keptTree);
    const StaticExports &staticExports(const QString &path);
    void rebuildExports(const QString &directory);
    // Conflicts that appeared since the last call: those of `report`'s module
    // go into the report, the others are warnings.
    void reportConflicts(ReloadReport *report, bool newFile = false);
    bool ownerStillDefines(const FileRegistry::Conflict &conflict);

    // ImporterAdoption.cpp
    std::optional<Reloader::Adoption> adoptableClass(const QString &nsName, const QString &name);
    bool adoptInOtherFile(const QString &nsName, const QString &fromModule, const QString &name, py::handle cls,
                          py::handle oldNode, ReloadReport &report);
    bool loadAdoptingClasses(const QString &file, const QString &module, ReloadReport &report);
    void rememberRemovedClass(const QString &nsName, const QString &moduleName, const QString &name,
                              py::handle cls, py::handle node);
    // Drops the removed classes `module` now binds (adopted) and those gone.
    void forgetAdoptedClasses(const QString &nsName, py::handle module);

    // ImporterSnapshot.cpp
    NamespaceNode directoryNode(const Namespace &ns, const NamespaceMap::Directory &dir);
    // The nodes of the names a file exports (read from its source if it is not
    // loaded), qualified by `qualifier`; names in `seen` are left out, and added.
    QList<NamespaceNode> fileNames(const QString &path, const QString &qualifier, QSet<QString> &seen);
    // Kind, line, members and summary of one name of a loaded file.
    void describeValue(py::handle module, NamespaceNode &child, py::handle property);

    // A deque: a Namespace stays where it is while others are added (user
    // code run by an import may register a directory).
    std::deque<Namespace> m_namespaces;
    QStringList m_projectRoots;  // folders addProject put on sys.path
    FileRegistry m_registry;
    bool m_rescanningForImport = false;
    // Reloads and rescans in progress: they put the conflicts they cause into
    // their reports; an import outside them reports its own as warnings.
    int m_reloadDepth = 0;
    QHash<QString, StaticExports> m_staticExports;  // path -> names of a file not loaded yet
    QHash<QString, QHash<QString, RemovedClass>> m_removedClasses;  // namespace -> class name -> class
    std::deque<ReloadReport> m_reports;
    QHash<QString, std::pair<QByteArray, bool>> m_checked;  // path -> hash and outcome of its last check
    py::object m_finder;
    py::object m_facadeType;
    py::list m_callbacks;
    Sinks m_sinks;
    std::recursive_mutex m_reloadMutex;  // one reload or rescan at a time
};
