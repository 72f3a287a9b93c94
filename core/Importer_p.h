#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include "NamespaceMap.h"
#include "NamespaceNode.h"
#include "ReloadReport.h"
#include "Reloader_p.h"

#include <QByteArray>
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

    static Importer &instance();

    void setSinks(Sinks sinks);

    // Returns an empty string on success, otherwise why it was refused.
    QString addDirectory(const QString &path, const QString &name, bool force);
    QMap<QString, QString> namespaces() const;  // name -> root directory

    // Reloads `file` if it belongs to a namespace and (unless `force`) its
    // content changed since it was last applied. Returns the report, if any.
    std::optional<ReloadReport> reloadFile(const QString &file, bool force);
    // Re-reads the tree containing `path`: files and directories added,
    // removed or renamed update the namespace. Returns the reports published
    // for the files removed and added.
    QList<ReloadReport> rescan(const QString &path);

    QList<NamespaceNode> snapshot();
    int instanceCount(const QString &qualifiedName);
    QList<ReloadReport> lastReports() const;
    void addReloadCallback(py::object callback);
    static py::dict toDict(const ReloadReport &report);

    // The map as the editor's completion and diagnostics need it (the format
    // is described in core/python/relive_intelligence.py): every directory
    // namespace with its sub-namespaces, files and public names with their
    // defining file and line. A loaded file gives its applied names; a file
    // not imported yet is parsed, so its names are known before it runs.
    py::dict editorIndex();

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
    struct FileModule
    {
        QString path;
        QString directory;    // dotted name of its directory namespace
        QString source;       // the version applied last
        QByteArray hash;
        QStringList exports;  // public names, in order
        QHash<QString, int> lines;
        bool loaded = false;
        bool lastFailed = false;  // the last reload of it was rejected
        // Syntax tree of `source` once the file has been reloaded, for its next
        // reload. Not kept for every imported file: thousands of trees slow
        // down every garbage collection.
        py::object tree;
    };
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

    Importer();
    Namespace *namespaceOf(const QString &dottedName);
    Namespace *namespaceOfPath(const QString &path);
    void indexNamespace(Namespace &ns);
    void computeExports(FileModule &file, py::handle tree, py::handle module);
    void rebuildExports(const QString &directory);
    static QString facadeName(py::handle facade);
    // The loaded module whose file defines `name` for the directory, or None.
    py::object ownerModule(const QString &directory, const QString &name);
    void publish(ReloadReport report);
    void warn(const QString &message);
    std::unique_lock<std::recursive_mutex> lockReloads();
    void emitNamespaceChanged(const QString &dottedName);
    NamespaceNode directoryNode(const Namespace &ns, const NamespaceMap::Directory &dir);
    std::optional<Reloader::Adoption> adoptableClass(const QString &nsName, const QString &name);
    bool adoptInOtherFile(const QString &nsName, const QString &fromModule, const QString &name, py::handle cls,
                          py::handle oldNode, ReloadReport &report);
    bool loadAdoptingClasses(const QString &file, const QString &module, ReloadReport &report);
    void rememberRemovedClass(const QString &nsName, const QString &moduleName, const QString &name,
                              py::handle cls, py::handle node);

    struct StaticExports
    {
        QDateTime modified;
        QStringList exports;
        QHash<QString, int> lines;
    };
    const StaticExports &staticExports(const QString &path);

    QList<Namespace> m_namespaces;
    QHash<QString, StaticExports> m_staticExports;  // path -> names of a file not loaded yet
    QHash<QString, FileModule> m_files;                    // module name -> file
    QHash<QString, QString> m_moduleOfPath;                // clean path -> module name
    QHash<QString, QHash<QString, QString>> m_exports;     // directory -> name -> module
    QSet<QString> m_conflicts;
    QHash<QString, QHash<QString, RemovedClass>> m_removedClasses;  // namespace -> class name -> class
    std::deque<ReloadReport> m_reports;
    py::object m_finder;
    py::object m_facadeType;
    py::list m_callbacks;
    Sinks m_sinks;
    std::recursive_mutex m_reloadMutex;  // one reload or rescan at a time
};
