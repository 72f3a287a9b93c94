#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The mapping of a directory tree to dotted names, in plain C++: the root
// directory is the namespace `name`, each subdirectory `a/b` below it is
// `name.a.b`, and every .py file is a module of the directory it sits in
// (`name.a.b.file`). A directory is one of two kinds:
// - a merged folder (no __init__.py, the seed's mapping): its namespace
//   exposes the public names of all its files;
// - a regular package (it has an __init__.py): its namespace is what Python
//   makes of it, the __init__'s names plus the submodules imported.
class NamespaceMap
{
public:
    struct Directory
    {
        QString dottedName;  // "applib.services"
        QString path;        // absolute, clean
        QStringList files;   // absolute paths of its .py files but __init__.py, sorted
        QString initFile;    // its __init__.py, empty for a merged folder
        bool isPackage() const { return !initFile.isEmpty(); }
    };

    // A folder opened as a project, as a Python developer reads it: its
    // top-level regular packages (in `src/` for a src layout), each mapped
    // under its own name, and the folder itself on sys.path, as
    // `python3 -m pytest` run in the checkout has it.
    struct Project
    {
        struct Package
        {
            QString name;  // "flaskr"
            QString path;  // absolute, clean
        };
        QString root;           // the folder, absolute and clean
        QStringList markers;    // "pyproject.toml", "setup.cfg", "setup.py" found in it
        bool srcLayout = false; // the packages are in root/src
        QList<Package> packages;
        QStringList warnings;   // packages skipped, one readable sentence each
        // True when the folder has packages to map under their own names.
        bool isProject() const { return !packages.isEmpty(); }
    };

    static NamespaceMap scan(const QString &root, const QString &name);
    static Project project(const QString &folder);
    static bool isIdentifier(const QString &name);
    static bool isPackageDirectory(const QString &path);

    QString name() const { return m_name; }
    QString root() const { return m_root; }
    const QList<Directory> &directories() const { return m_directories; }
    // Directories skipped and other oddities, one readable sentence each.
    const QStringList &warnings() const { return m_warnings; }

    const Directory *directory(const QString &dottedName) const;
    // "applib.services.networking" for ".../server/services/networking.py",
    // the package's own name for its __init__.py; empty if the file is not a
    // module of this map.
    QString moduleNameOf(const QString &file) const;
    // Every module of the map (submodules and packages' __init__ files):
    // module name -> path.
    QList<QPair<QString, QString>> modules() const;
    // The directory namespace a module belongs to ("applib.services").
    static QString parentName(const QString &dottedName);

private:
    void scanDirectory(const QString &path, const QString &dottedName, QStringList &visited);

    QString m_name;
    QString m_root;
    QList<Directory> m_directories;
    QStringList m_warnings;
};
