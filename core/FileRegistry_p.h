#pragma once

// Private to core: holds Python objects (the syntax tree of each file).
#include <pybind11/pybind11.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class NamespaceMap;

namespace py = pybind11;

// The files of the registered namespaces, what each one last applied, and
// which file each directory namespace takes each of its names from.
//
// Its invariants, kept by its methods (the only way to change it):
// - there is a record for exactly the files of the namespaces' current maps,
//   and a record's path and module name always describe one file;
// - a directory's names come only from loaded files of that directory, each
//   name from one file: the one that had it first while it still defines it;
//   only merged folders have such names (a package's are its __init__'s own).
// Every method needs the GIL (records hold syntax trees); none runs Python code.
class FileRegistry
{
public:
    struct File
    {
        QString module;       // "applib.services.networking"
        QString path;         // absolute, clean
        // Dotted name of the namespace that shows its names: its directory for
        // a file of a merged folder (`merged`: its names merge there), the
        // package for an __init__.py, the module itself for a package's
        // submodule.
        QString directory;
        bool merged = true;
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

    // Two files of one directory exporting one name: `owner` keeps it,
    // `other` (a module name) does not get it.
    struct Conflict
    {
        QString directory;
        QString name;
        QString ownerPath;
        QString otherModule;
        QString otherPath;
        QString message() const;
    };

    // Makes the records of namespace `map.name()` describe exactly the files of
    // `map`: a file new to it gets a fresh (not loaded) record, whatever an
    // earlier file of that name left. Returns the records dropped.
    QList<File> sync(const NamespaceMap &map);

    const File *file(const QString &module) const;
    QString moduleOf(const QString &path) const;
    // Module names of the namespace `name` (a snapshot: safe to iterate while
    // Python code runs).
    QStringList modulesOf(const QString &namespaceName) const;

    // The file was executed (imported or reloaded) from `source`.
    void markApplied(const QString &module, const QString &source, const QByteArray &hash, py::object tree,
                     const QStringList &exports, const QHash<QString, int> &lines);
    void markFailed(const QString &module, bool failed);

    // The module whose file gives `directory` the name `name`, or empty.
    QString ownerOf(const QString &directory, const QString &name) const;
    QStringList names(const QString &directory) const;
    // Recomputes the names of `directory` from its files, in order. Conflicts
    // that did not exist before are queued for takeNewConflicts().
    void rebuildExports(const QString &directory, const QStringList &files);
    // Adds the names of `module`, loaded for the first time, to its directory:
    // names another file has stay with it (a conflict).
    void addExports(const QString &module);
    void forgetDirectory(const QString &directory);
    // The conflicts that appeared since the last call, once each.
    QList<Conflict> takeNewConflicts();
    // Forgets a conflict that turned out to be passing (the owner's saved
    // file no longer defines the name), so that it is reported if it comes back.
    void forgetConflict(const Conflict &conflict);

private:
    QHash<QString, File> m_files;                       // module name -> file
    QHash<QString, QString> m_moduleOfPath;             // clean path -> module name
    QHash<QString, QHash<QString, QString>> m_exports;  // directory -> name -> module
    QHash<QString, QSet<QString>> m_conflicts;          // directory -> current conflict messages
    QList<Conflict> m_newConflicts;
};
