#include "ChangeWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

namespace {
bool isPython(const QString &path)
{
    return path.endsWith(QLatin1String(".py")) && !QFileInfo(path).fileName().startsWith(QLatin1Char('.'));
}
bool isWatchedDirectory(const QFileInfo &dir)
{
    const QString name = dir.fileName();
    return !name.startsWith(QLatin1Char('.')) && name != QLatin1String("__pycache__");
}
}

ChangeWatcher::ChangeWatcher(QObject *parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(20);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::flush);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ChangeWatcher::onDirectoryChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ChangeWatcher::onFileChanged);
}

void ChangeWatcher::addTree(const QString &root)
{
    const QString clean = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    if (m_roots.contains(clean))
        return;
    m_roots << clean;
    scan(clean, false);
}

void ChangeWatcher::notifySaved(const QString &file)
{
    const QString clean = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    if (rootOf(clean).isEmpty())
        return;
    if (!m_hashes.contains(clean))
        m_watcher->addPath(clean);
    m_hashes.insert(clean, hashOf(clean));
}

void ChangeWatcher::onDirectoryChanged(const QString &dir)
{
    m_pending.insert(dir);
    m_timer.start();
}

void ChangeWatcher::onFileChanged(const QString &file)
{
    m_pending.insert(file);
    m_timer.start();
}

void ChangeWatcher::flush()
{
    const QSet<QString> pending = std::exchange(m_pending, {});
    QSet<QString> dirs;
    for (const QString &path : pending) {
        if (m_dirs.contains(path)) {
            dirs.insert(path);
            continue;
        }
        const QFileInfo info(path);
        if (!info.exists()) {
            // Deleted, or replaced by a rename still to come: the directory
            // scan decides.
            dirs.insert(info.absolutePath());
            continue;
        }
        // A rename over the file killed the watch on the old inode: watch the
        // new one.
        if (!m_watcher->files().contains(path))
            m_watcher->addPath(path);
        const QByteArray hash = hashOf(path);
        if (hash != m_hashes.value(path)) {
            m_hashes.insert(path, hash);
            Q_EMIT fileChanged(path);
        }
    }
    for (const QString &dir : dirs)
        scan(dir, true);
}

void ChangeWatcher::scan(const QString &dir, bool report)
{
    const QString root = rootOf(dir);
    if (root.isEmpty())
        return;
    const QString prefix = dir + QLatin1Char('/');
    if (!QFileInfo(dir).isDir()) {
        // The directory is gone: forget everything below it.
        bool removed = false;
        for (auto it = m_hashes.begin(); it != m_hashes.end();) {
            if (it.key().startsWith(prefix)) {
                if (report)
                    Q_EMIT fileRemoved(it.key());
                it = m_hashes.erase(it);
                removed = true;
            } else {
                ++it;
            }
        }
        for (auto it = m_dirs.begin(); it != m_dirs.end();) {
            if (*it == dir || it->startsWith(prefix))
                it = m_dirs.erase(it);
            else
                ++it;
        }
        if (report && (removed || dir != root))
            Q_EMIT treeChanged(root);
        return;
    }
    if (!m_dirs.contains(dir)) {
        m_dirs.insert(dir);
        m_watcher->addPath(dir);
    }
    bool structureChanged = false;
    const QDir qdir(dir);
    QSet<QString> present;
    for (const QFileInfo &info : qdir.entryInfoList({QStringLiteral("*.py")}, QDir::Files)) {
        const QString path = info.absoluteFilePath();
        if (!isPython(path))
            continue;
        present.insert(path);
        const QByteArray hash = hashOf(path);
        auto known = m_hashes.find(path);
        if (known == m_hashes.end()) {
            m_hashes.insert(path, hash);
            m_watcher->addPath(path);
            if (report)
                Q_EMIT fileAdded(path);
        } else if (known.value() != hash) {
            known.value() = hash;
            if (!m_watcher->files().contains(path))
                m_watcher->addPath(path);
            if (report)
                Q_EMIT fileChanged(path);
        }
    }
    for (auto it = m_hashes.begin(); it != m_hashes.end();) {
        const QString &path = it.key();
        if (QFileInfo(path).absolutePath() == dir && !present.contains(path)) {
            const QString gone = path;
            it = m_hashes.erase(it);
            if (report)
                Q_EMIT fileRemoved(gone);
        } else {
            ++it;
        }
    }
    QSet<QString> subdirs;
    for (const QFileInfo &info : qdir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!isWatchedDirectory(info))
            continue;
        const QString sub = info.absoluteFilePath();
        // A symbolic link back up the tree would recurse forever.
        if (info.isSymLink() && (dir + QLatin1Char('/')).startsWith(info.canonicalFilePath() + QLatin1Char('/')))
            continue;
        subdirs.insert(sub);
        if (!m_dirs.contains(sub)) {
            structureChanged = true;
            scan(sub, report);
        }
    }
    for (const QString &known : QSet<QString>(m_dirs)) {
        if (QFileInfo(known).absolutePath() == dir && known != dir && !subdirs.contains(known)) {
            structureChanged = true;
            scan(known, report);  // reports what was below it as removed
        }
    }
    if (report && structureChanged)
        Q_EMIT treeChanged(root);
}

QString ChangeWatcher::rootOf(const QString &path) const
{
    for (const QString &root : m_roots) {
        if (path == root || path.startsWith(root + QLatin1Char('/')))
            return root;
    }
    return QString();
}

QByteArray ChangeWatcher::hashOf(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&f);
    return hash.result();
}
