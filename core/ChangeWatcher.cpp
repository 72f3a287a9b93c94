#include "ChangeWatcher.h"

#include "FileEvents_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

namespace {
// Without completion events, a save is examined once no event came for this long.
constexpr int QuietTimeMs = 20;

bool isPython(const QString &path)
{
    return path.endsWith(QLatin1String(".py")) && !QFileInfo(path).fileName().startsWith(QLatin1Char('.'));
}
bool isWatchedDirectory(const QFileInfo &dir)
{
    const QString name = dir.fileName();
    return !name.startsWith(QLatin1Char('.')) && name != QLatin1String("__pycache__");
}
// Lines that start a statement at column 0: a cheap count of what a module
// binds, enough to tell a file cut short from an edit.
int topLevelStatements(const QByteArray &content)
{
    int count = 0;
    bool lineStart = true;
    for (const char c : content) {
        if (lineStart && (c == '_' || c == '@' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            ++count;
        lineStart = c == '\n';
    }
    return count;
}
// The first step of a save written in several: the file emptied, or most of
// its statements gone at once.
bool looksPartial(int before, const QByteArray &content, int after)
{
    if (before == 0)
        return false;
    if (content.trimmed().isEmpty())
        return true;
    return before >= 4 && after * 2 < before;
}
}

ChangeWatcher::ChangeWatcher(QObject *parent)
    : ChangeWatcher(Events::Native, parent)
{
}

ChangeWatcher::ChangeWatcher(Events events, QObject *parent)
    : QObject(parent)
{
    if (events == Events::Native) {
        m_events = new FileEvents(this);
        if (m_events->isValid()) {
            connect(m_events, &FileEvents::fileCompleted, this, &ChangeWatcher::onFileCompleted);
            connect(m_events, &FileEvents::fileWriting, this, &ChangeWatcher::onFileWriting);
            connect(m_events, &FileEvents::directoryChanged, this, &ChangeWatcher::onDirectoryChanged);
        } else {
            delete std::exchange(m_events, nullptr);
        }
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(QuietTimeMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::flush);
    m_completedTimer.setSingleShot(true);
    m_completedTimer.setInterval(0);
    connect(&m_completedTimer, &QTimer::timeout, this, &ChangeWatcher::flushCompleted);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &ChangeWatcher::releaseHeld);
}

ChangeWatcher::~ChangeWatcher() = default;

bool ChangeWatcher::usesCompletionEvents() const
{
    return m_events != nullptr;
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
    if (!m_files.contains(clean))
        watchFile(clean);
    m_files.insert(clean, stateOf(clean));
    m_held.remove(clean);
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

void ChangeWatcher::onFileWriting(const QString &file)
{
    if (isPython(file))
        m_writing.insert(file);
}

void ChangeWatcher::onFileCompleted(const QString &file)
{
    if (!isPython(file))
        return;
    m_writing.remove(file);
    m_completed.insert(file);
    m_completedTimer.start();
}

void ChangeWatcher::flushCompleted()
{
    const QSet<QString> completed = std::exchange(m_completed, {});
    QSet<QString> dirs;
    for (const QString &path : completed) {
        if (m_writing.contains(path))
            continue;  // written again since: its next close reports it
        if (m_files.contains(path))
            examine(path);
        else
            dirs.insert(QFileInfo(path).absolutePath());  // new here: the scan reports it added
    }
    for (const QString &dir : dirs)
        scan(dir, true);
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
        // A rename over the file killed QFileSystemWatcher's watch on the
        // old inode: watch the new one.
        watchFile(path);
        examine(path);
    }
    for (const QString &dir : dirs)
        scan(dir, true);
}

void ChangeWatcher::releaseHeld()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 next = -1;
    for (const auto &[path, deadline] : QHash<QString, qint64>(m_held).asKeyValueRange()) {
        if (deadline <= now && !m_writing.contains(path))
            examine(path);
        else
            next = next < 0 ? deadline : qMin(next, deadline);
    }
    if (next >= 0)
        m_holdTimer.start(int(qMax<qint64>(next - now, 1)));
}

void ChangeWatcher::examine(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;  // gone meanwhile: the directory's event reports it
    const QByteArray content = f.readAll();
    f.close();
    FileState state{QCryptographicHash::hash(content, QCryptographicHash::Md5), topLevelStatements(content)};
    auto known = m_files.find(file);
    if (known == m_files.end())
        return;
    if (state.hash == known->hash) {
        m_held.remove(file);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (looksPartial(known->statements, content, state.statements)) {
        auto held = m_held.find(file);
        if (held == m_held.end()) {
            m_held.insert(file, now + HoldLimitMs);
            if (!m_holdTimer.isActive() || m_holdTimer.remainingTime() > HoldLimitMs)
                m_holdTimer.start(HoldLimitMs);
            return;
        }
        if (held.value() > now)
            return;
    }
    m_held.remove(file);
    *known = state;
    Q_EMIT fileChanged(file);
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
        for (auto it = m_files.begin(); it != m_files.end();) {
            if (it.key().startsWith(prefix)) {
                if (report)
                    Q_EMIT fileRemoved(it.key());
                m_held.remove(it.key());
                m_writing.remove(it.key());
                it = m_files.erase(it);
                removed = true;
            } else {
                ++it;
            }
        }
        for (auto it = m_dirs.begin(); it != m_dirs.end();) {
            if (*it == dir || it->startsWith(prefix)) {
                unwatchDirectory(*it);
                it = m_dirs.erase(it);
            } else {
                ++it;
            }
        }
        if (report && (removed || dir != root))
            Q_EMIT treeChanged(root);
        return;
    }
    if (!m_dirs.contains(dir)) {
        m_dirs.insert(dir);
        watchDirectory(dir);
    }
    bool structureChanged = false;
    const QDir qdir(dir);
    QSet<QString> present;
    for (const QFileInfo &info : qdir.entryInfoList({QStringLiteral("*.py")}, QDir::Files)) {
        const QString path = info.absoluteFilePath();
        if (!isPython(path))
            continue;
        present.insert(path);
        if (m_writing.contains(path))
            continue;  // its writer's close reports it
        if (!m_files.contains(path)) {
            m_files.insert(path, stateOf(path));
            watchFile(path);
            if (report)
                Q_EMIT fileAdded(path);
        } else {
            watchFile(path);
            if (report)
                examine(path);
            else
                m_files.insert(path, stateOf(path));
        }
    }
    for (auto it = m_files.begin(); it != m_files.end();) {
        const QString &path = it.key();
        if (QFileInfo(path).absolutePath() == dir && !present.contains(path)) {
            const QString gone = path;
            m_held.remove(gone);
            m_writing.remove(gone);
            it = m_files.erase(it);
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

void ChangeWatcher::watchDirectory(const QString &dir)
{
    if (m_events && m_events->addDirectory(dir)) {
        m_nativeDirs.insert(dir);
        return;
    }
    // No inotify, or no watch left (fs.inotify.max_user_watches): this
    // directory and its files fall back to change events and the quiet time.
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ChangeWatcher::onDirectoryChanged);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ChangeWatcher::onFileChanged);
    }
    m_watcher->addPath(dir);
}

void ChangeWatcher::unwatchDirectory(const QString &dir)
{
    if (m_nativeDirs.remove(dir))
        m_events->removeDirectory(dir);
    else if (m_watcher)
        m_watcher->removePath(dir);
}

void ChangeWatcher::watchFile(const QString &file)
{
    // FileEvents sees a file's events through its directory.
    if (m_nativeDirs.contains(QFileInfo(file).absolutePath()) || !m_watcher)
        return;
    if (!m_watcher->files().contains(file))
        m_watcher->addPath(file);
}

QString ChangeWatcher::rootOf(const QString &path) const
{
    for (const QString &root : m_roots) {
        if (path == root || path.startsWith(root + QLatin1Char('/')))
            return root;
    }
    return QString();
}

ChangeWatcher::FileState ChangeWatcher::stateOf(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray content = f.readAll();
    return {QCryptographicHash::hash(content, QCryptographicHash::Md5), topLevelStatements(content)};
}
