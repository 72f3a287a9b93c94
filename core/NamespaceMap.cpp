#include "NamespaceMap.h"

#include "PythonKeywords.h"

#include <QDir>
#include <QFileInfo>

NamespaceMap NamespaceMap::scan(const QString &root, const QString &name)
{
    NamespaceMap map;
    map.m_name = name;
    map.m_root = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    QStringList visited;
    map.scanDirectory(map.m_root, name, visited);
    return map;
}

bool NamespaceMap::isPackageDirectory(const QString &path)
{
    return QFileInfo(path + QStringLiteral("/__init__.py")).isFile();
}

NamespaceMap::Project NamespaceMap::project(const QString &folder)
{
    Project project;
    project.root = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    for (const char *marker : {"pyproject.toml", "setup.cfg", "setup.py"}) {
        if (QFileInfo::exists(project.root + QLatin1Char('/') + QLatin1String(marker)))
            project.markers << QLatin1String(marker);
    }
    const auto addPackage = [&project](const QString &path) {
        const QString name = QFileInfo(path).fileName();
        if (!isIdentifier(name)) {
            project.warnings << QStringLiteral("%1: \"%2\" is not a Python identifier, the package is not mapped")
                                    .arg(path, name);
            return;
        }
        for (const Project::Package &known : project.packages) {
            if (known.name == name) {
                project.warnings << QStringLiteral("%1: the package %2 is already mapped from %3; skipped")
                                        .arg(path, name, known.path);
                return;
            }
        }
        project.packages.append({name, path});
    };
    if (isPackageDirectory(project.root)) {
        // The folder is a package itself: it keeps its own name.
        addPackage(project.root);
        return project;
    }
    const auto packagesIn = [](const QString &base) {
        QStringList found;
        for (const QFileInfo &sub : QDir(base).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (sub.fileName() != QLatin1String("__pycache__") && isPackageDirectory(sub.absoluteFilePath()))
                found << QDir::cleanPath(sub.absoluteFilePath());
        }
        return found;
    };
    const QStringList inSrc = packagesIn(project.root + QStringLiteral("/src"));
    project.srcLayout = !inSrc.isEmpty();
    for (const QString &path : inSrc)
        addPackage(path);
    for (const QString &path : packagesIn(project.root)) {
        const QString name = QFileInfo(path).fileName();
        // Test folders are pytest's to import, from the root on sys.path
        // (and `test` is a module of the standard library).
        if (name == QLatin1String("tests") || name == QLatin1String("test"))
            continue;
        addPackage(path);
    }
    return project;
}

bool NamespaceMap::isIdentifier(const QString &name)
{
    if (name.isEmpty() || name.at(0).isDigit())
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return !pythonKeywords().contains(name);
}

void NamespaceMap::scanDirectory(const QString &path, const QString &dottedName,
                                 QStringList &visited)
{
    // Canonical paths of the directories on the way down: a symlink back to one
    // of them is a loop.
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (visited.contains(canonical)) {
        m_warnings << QStringLiteral("%1: symbolic link loop, skipped").arg(path);
        return;
    }
    visited.append(canonical);

    Directory dir;
    dir.dottedName = dottedName;
    dir.path = path;
    const QDir qdir(path);
    const QFileInfoList files =
        qdir.entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QStringList stems;
    for (const QFileInfo &file : files) {
        if (file.fileName().startsWith(QLatin1Char('.')))
            continue;
        if (file.fileName() == QLatin1String("__init__.py")) {
            dir.initFile = file.absoluteFilePath();
            continue;
        }
        if (file.completeBaseName().contains(QLatin1Char('.'))) {
            // "a.b.py" would be the module `dotted.a.b`, which is the
            // directory a/b's name: Python cannot import it either.
            m_warnings << QStringLiteral("%1: a module name cannot contain a dot; the file is not loaded")
                              .arg(file.absoluteFilePath());
            continue;
        }
        dir.files << file.absoluteFilePath();
        stems << file.completeBaseName();
    }
    const int index = m_directories.size();
    m_directories.append(dir);

    const QFileInfoList subdirs = qdir.entryInfoList(
        QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &sub : subdirs) {
        const QString subName = sub.fileName();
        const QString subPath = sub.absoluteFilePath();
        if (subName == QLatin1String("__pycache__"))
            continue;  // Python's own byte-code cache: never a namespace
        if (subName.startsWith(QLatin1Char('.'))) {
            m_warnings << QStringLiteral("%1: hidden directory, skipped").arg(subPath);
            continue;
        }
        if (!isIdentifier(subName)) {
            m_warnings << QStringLiteral("%1: \"%2\" is not a Python identifier, skipped")
                              .arg(subPath, subName);
            continue;
        }
        if (stems.contains(subName)) {
            // Both would be `dotted.subName`: the module of the file and the
            // namespace of the directory.
            m_warnings << QStringLiteral("%1: %2.py in the same folder also maps to %3.%2; "
                                         "the file is not loaded")
                              .arg(subPath, subName, dottedName);
            m_directories[index].files.removeAll(qdir.absoluteFilePath(subName + QStringLiteral(".py")));
        }
        scanDirectory(subPath, dottedName + QLatin1Char('.') + subName, visited);
    }
    visited.removeLast();
}

const NamespaceMap::Directory *NamespaceMap::directory(const QString &dottedName) const
{
    for (const Directory &dir : m_directories) {
        if (dir.dottedName == dottedName)
            return &dir;
    }
    return nullptr;
}

QString NamespaceMap::moduleNameOf(const QString &file) const
{
    const QString clean = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    for (const Directory &dir : m_directories) {
        if (dir.initFile == clean)
            return dir.dottedName;
        if (dir.files.contains(clean))
            return dir.dottedName + QLatin1Char('.') + QFileInfo(clean).completeBaseName();
    }
    return QString();
}

QList<QPair<QString, QString>> NamespaceMap::modules() const
{
    QList<QPair<QString, QString>> result;
    for (const Directory &dir : m_directories) {
        if (dir.isPackage())
            result.append({dir.dottedName, dir.initFile});
        for (const QString &path : dir.files)
            result.append({dir.dottedName + QLatin1Char('.') + QFileInfo(path).completeBaseName(), path});
    }
    return result;
}

QString NamespaceMap::parentName(const QString &dottedName)
{
    const int dot = dottedName.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : dottedName.left(dot);
}
