#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QSocketNotifier;

// The kernel's own account of what happens to the files of watched
// directories (inotify on Linux): unlike QFileSystemWatcher it tells a write
// that is finished (the writer closed the file, or renamed a complete file
// into place) from one still in progress. Watches directories only: events of
// their files arrive through the directory, so a rename over a file loses
// nothing. Where inotify is not available, isValid() is false and the caller
// falls back to its quiet time.
class FileEvents : public QObject
{
    Q_OBJECT
public:
    explicit FileEvents(QObject *parent = nullptr);
    ~FileEvents() override;

    bool isValid() const { return m_fd >= 0; }
    bool addDirectory(const QString &dir);
    void removeDirectory(const QString &dir);

Q_SIGNALS:
    // A file's writer closed it after writing, or a file was renamed into the
    // directory: its content is complete.
    void fileCompleted(const QString &file);
    // A file is being written (or truncated) and is not complete yet.
    void fileWriting(const QString &file);
    // An entry appeared or disappeared in `dir` (created, deleted, renamed
    // away), or `dir` itself went away.
    void directoryChanged(const QString &dir);

private:
    void readEvents();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, QString> m_dirs;      // watch descriptor -> directory
    QHash<QString, int> m_watches;   // directory -> watch descriptor
};
