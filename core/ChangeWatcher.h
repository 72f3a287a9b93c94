#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class FileEvents;
class QFileSystemWatcher;

// Watches directory trees for changed .py files, robust to how editors save:
// in place, write-temp-then-rename, delete and recreate, several writes in a
// burst. A save is reported once it is complete: on Linux when its writer
// closes the file or renames it into place (inotify), elsewhere after a short
// quiet time. A save that leaves the content hash unchanged is not reported,
// and one that looks like the first half of a save (the file emptied, or most
// of its top-level statements gone) is held back for a while in case the rest
// follows.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Events {
        Native,     // the kernel's completion events where available, else QuietTime
        QuietTime,  // only change events and a quiet time
    };
    Q_ENUM(Events)
    explicit ChangeWatcher(QObject *parent = nullptr);
    explicit ChangeWatcher(Events events, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    void addTree(const QString &root);

    // The editor saved `file` itself (and reloads it directly): remember its
    // hash, so the watcher's own event for that write is not reported again.
    void notifySaved(const QString &file);

    // Whether saves are seen complete by the kernel's events (true) or
    // guessed from a quiet time (false).
    bool usesCompletionEvents() const;

    // How long a save that looks partial is held back at most before it is
    // reported all the same (the user did empty the file).
    static constexpr int HoldLimitMs = 1500;

Q_SIGNALS:
    void fileChanged(const QString &file);
    void fileAdded(const QString &file);
    void fileRemoved(const QString &file);
    // A directory appeared or disappeared below a tree.
    void treeChanged(const QString &root);

private:
    struct FileState
    {
        QByteArray hash;
        int statements = 0;  // top-level statements, to tell a partial write
    };
    static FileState stateOf(const QString &file);

    void onDirectoryChanged(const QString &dir);
    void onFileChanged(const QString &file);
    void onFileWriting(const QString &file);
    void onFileCompleted(const QString &file);
    void flush();
    void flushCompleted();
    void releaseHeld();
    // Reports `file` changed if its content differs from what was last
    // reported and does not look like a save still under way.
    void examine(const QString &file);
    void scan(const QString &dir, bool report);
    void watchDirectory(const QString &dir);
    void unwatchDirectory(const QString &dir);
    void watchFile(const QString &file);
    QString rootOf(const QString &path) const;

    FileEvents *m_events = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;  // directories FileEvents cannot watch, and their files
    QTimer m_timer;                       // the quiet time
    QTimer m_completedTimer;              // gathers one read's completion events
    QTimer m_holdTimer;
    QStringList m_roots;
    QHash<QString, FileState> m_files;    // known .py files -> what was last reported
    QSet<QString> m_dirs;                 // known directories
    QSet<QString> m_nativeDirs;           // those FileEvents watches
    QSet<QString> m_pending;              // paths to examine when the quiet time ends
    QSet<QString> m_completed;            // files whose writer finished
    QSet<QString> m_writing;              // files written and not closed yet
    QHash<QString, qint64> m_held;        // partial-looking saves -> when to report them anyway
};
