#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The seed's mapping of a directory tree to dotted names, in plain C++:
// the root directory is the namespace `name`, each subdirectory `a/b` below it
// is `name.a.b`, and every .py file is a module of the directory it sits in
// (`name.a.b.file`) whose public names the directory's namespace exposes.
class NamespaceMap
{
public:
    struct Directory
    {
        QString dottedName;  // "applib.services"
        QString path;        // absolute, clean
        QStringList files;   // absolute paths of its .py files, sorted
    };

    static NamespaceMap scan(const QString &root, const QString &name);
    static bool isIdentifier(const QString &name);

    QString name() const { return m_name; }
    QString root() const { return m_root; }
    const QList<Directory> &directories() const { return m_directories; }
    // Directories skipped and other oddities, one readable sentence each.
    const QStringList &warnings() const { return m_warnings; }

    const Directory *directory(const QString &dottedName) const;
    // "applib.services.networking" for ".../server/services/networking.py";
    // empty if the file is not a module of this map.
    QString moduleNameOf(const QString &file) const;
    // The directory namespace a module belongs to ("applib.services").
    static QString parentName(const QString &dottedName);

private:
    void scanDirectory(const QString &path, const QString &dottedName, QStringList &visited);

    QString m_name;
    QString m_root;
    QList<Directory> m_directories;
    QStringList m_warnings;
};
