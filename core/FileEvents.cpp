#include "FileEvents_p.h"

#include <QFile>
#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <sys/inotify.h>
#include <unistd.h>
#include <cerrno>
#endif

FileEvents::FileEvents(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIsSet("RELIVE_NO_INOTIFY"))
        return;
    m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0)
        return;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &FileEvents::readEvents);
#endif
}

FileEvents::~FileEvents()
{
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        delete m_notifier;
        ::close(m_fd);
    }
#endif
}

bool FileEvents::addDirectory(const QString &dir)
{
#ifdef Q_OS_LINUX
    if (m_fd < 0)
        return false;
    if (m_watches.contains(dir))
        return true;
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                          | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
    const int wd = inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), mask);
    if (wd < 0)
        return false;  // e.g. fs.inotify.max_user_watches reached
    // One directory seen under two names (a bind mount, a symbolic link)
    // shares its watch descriptor; the last name wins.
    m_watches.remove(m_dirs.value(wd));
    m_dirs.insert(wd, dir);
    m_watches.insert(dir, wd);
    return true;
#else
    Q_UNUSED(dir);
    return false;
#endif
}

void FileEvents::removeDirectory(const QString &dir)
{
#ifdef Q_OS_LINUX
    const auto it = m_watches.find(dir);
    if (it == m_watches.end())
        return;
    inotify_rm_watch(m_fd, it.value());
    m_dirs.remove(it.value());
    m_watches.erase(it);
#else
    Q_UNUSED(dir);
#endif
}

void FileEvents::readEvents()
{
#ifdef Q_OS_LINUX
    alignas(struct inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return;  // EAGAIN: drained
        }
        for (ssize_t offset = 0; offset < n;) {
            const auto *event = reinterpret_cast<const struct inotify_event *>(buffer + offset);
            offset += ssize_t(sizeof(struct inotify_event)) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                // Events were lost: every directory is examined again.
                for (const QString &dir : std::as_const(m_dirs))
                    Q_EMIT directoryChanged(dir);
                continue;
            }
            const QString dir = m_dirs.value(event->wd);
            if (dir.isEmpty())
                continue;
            if (event->mask & IN_IGNORED) {
                m_dirs.remove(event->wd);
                m_watches.remove(dir);
                Q_EMIT directoryChanged(dir);
                continue;
            }
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                Q_EMIT directoryChanged(dir);
                continue;
            }
            const QString path = event->len ? dir + QLatin1Char('/') + QFile::decodeName(event->name) : dir;
            if (event->mask & IN_ISDIR) {
                if (event->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
                    Q_EMIT directoryChanged(dir);
                continue;
            }
            if (event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO))
                Q_EMIT fileCompleted(path);
            else if (event->mask & IN_MODIFY)
                Q_EMIT fileWriting(path);
            else if (event->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM))
                Q_EMIT directoryChanged(dir);
        }
    }
#endif
}
