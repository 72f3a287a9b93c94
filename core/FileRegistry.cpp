#include "FileRegistry_p.h"

#include "NamespaceMap.h"

#include <QFileInfo>

QString FileRegistry::Conflict::message() const
{
    return QStringLiteral("%1.%2 is defined by both %3 and %4; the namespace shows the one from %3")
        .arg(directory, name, QFileInfo(ownerPath).fileName(), QFileInfo(otherPath).fileName());
}

QList<FileRegistry::File> FileRegistry::sync(const NamespaceMap &map)
{
    QHash<QString, QString> current;  // module -> path, as the map has it
    for (const auto &[module, path] : map.modules())
        current.insert(module, path);
    QList<File> dropped;
    const QString prefix = map.name() + QLatin1Char('.');
    for (auto it = m_files.begin(); it != m_files.end();) {
        const bool ours = it.key() == map.name() || it.key().startsWith(prefix);
        if (ours && current.value(it.key()) != it->path) {
            m_moduleOfPath.remove(it->path);
            dropped.append(*it);
            it = m_files.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        auto known = m_files.find(it.key());
        if (known == m_files.end()) {
            File record;
            record.module = it.key();
            record.path = it.value();
            known = m_files.insert(record.module, record);
            m_moduleOfPath.insert(record.path, record.module);
        }
        // Set again for a kept record too: a folder that gained or lost its
        // __init__.py changed kind.
        const NamespaceMap::Directory *package = map.directory(it.key());
        const NamespaceMap::Directory *parent = map.directory(NamespaceMap::parentName(it.key()));
        known->merged = !package && parent && !parent->isPackage();
        known->directory = known->merged ? parent->dottedName : it.key();
    }
    return dropped;
}

const FileRegistry::File *FileRegistry::file(const QString &module) const
{
    auto it = m_files.constFind(module);
    return it == m_files.constEnd() ? nullptr : &*it;
}

QString FileRegistry::moduleOf(const QString &path) const
{
    return m_moduleOfPath.value(path);
}

QStringList FileRegistry::modulesOf(const QString &namespaceName) const
{
    QStringList result;
    const QString prefix = namespaceName + QLatin1Char('.');
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (it.key() == namespaceName || it.key().startsWith(prefix))
            result << it.key();
    }
    result.sort();
    return result;
}

void FileRegistry::markApplied(const QString &module, const QString &source, const QByteArray &hash,
                               py::object tree, const QStringList &exports, const QHash<QString, int> &lines)
{
    auto it = m_files.find(module);
    if (it == m_files.end())
        return;  // dropped by a rescan while its body ran: nothing to record
    it->source = source;
    it->hash = hash;
    it->tree = std::move(tree);
    it->exports = exports;
    it->lines = lines;
    it->loaded = true;
    it->lastFailed = false;
}

void FileRegistry::markFailed(const QString &module, bool failed)
{
    auto it = m_files.find(module);
    if (it != m_files.end())
        it->lastFailed = failed;
}

QString FileRegistry::ownerOf(const QString &directory, const QString &name) const
{
    auto dir = m_exports.constFind(directory);
    return dir == m_exports.constEnd() ? QString() : dir->value(name);
}

QStringList FileRegistry::names(const QString &directory) const
{
    QStringList result = m_exports.value(directory).keys();
    result.sort();
    return result;
}

void FileRegistry::rebuildExports(const QString &directory, const QStringList &files)
{
    const QSet<QString> paths(files.begin(), files.end());
    QHash<QString, QString> exports;
    // A name keeps the file it came from while that file still defines it: a
    // file added later with the same name does not take it over.
    const QHash<QString, QString> previous = m_exports.value(directory);
    // Per file, a set: a generated file can export a hundred thousand names.
    QHash<QString, QSet<QString>> exported;
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        const File *owner = file(it.value());
        if (owner && owner->loaded && !exported.contains(it.value()))
            exported.insert(it.value(), QSet<QString>(owner->exports.begin(), owner->exports.end()));
        const auto names = exported.constFind(it.value());
        if (owner && owner->loaded && names != exported.constEnd() && names->contains(it.key())
            && paths.contains(owner->path))
            exports.insert(it.key(), it.value());
    }
    QSet<QString> messages;
    QList<Conflict> conflicts;
    for (const QString &path : files) {
        const File *record = file(moduleOf(path));
        if (!record || !record->loaded || !record->merged)
            continue;
        for (const QString &n : record->exports) {
            const QString owner = exports.value(n);
            if (!owner.isEmpty() && owner != record->module) {
                Conflict c{directory, n, file(owner)->path, record->module, path};
                if (!messages.contains(c.message())) {
                    messages.insert(c.message());
                    conflicts << c;
                }
                continue;
            }
            exports.insert(n, record->module);
        }
    }
    const QSet<QString> known = m_conflicts.value(directory);
    for (const Conflict &c : conflicts) {
        if (!known.contains(c.message()))
            m_newConflicts << c;
    }
    // A conflict resolved and created again is reported again.
    m_conflicts.insert(directory, messages);
    m_exports.insert(directory, exports);
}

void FileRegistry::addExports(const QString &module)
{
    const File *record = file(module);
    if (!record || !record->loaded || !record->merged)
        return;
    QHash<QString, QString> &exports = m_exports[record->directory];
    QSet<QString> &known = m_conflicts[record->directory];
    for (const QString &n : record->exports) {
        const QString owner = exports.value(n);
        if (owner.isEmpty() || owner == module) {
            exports.insert(n, module);
            continue;
        }
        const Conflict c{record->directory, n, file(owner)->path, module, record->path};
        if (!known.contains(c.message())) {
            known.insert(c.message());
            m_newConflicts << c;
        }
    }
}

void FileRegistry::forgetDirectory(const QString &directory)
{
    m_exports.remove(directory);
    m_conflicts.remove(directory);
}

QList<FileRegistry::Conflict> FileRegistry::takeNewConflicts()
{
    QList<Conflict> result;
    result.swap(m_newConflicts);
    return result;
}

void FileRegistry::forgetConflict(const Conflict &conflict)
{
    auto it = m_conflicts.find(conflict.directory);
    if (it != m_conflicts.end())
        it->remove(conflict.message());
}
