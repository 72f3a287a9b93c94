#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QFileSystemWatcher;

// Watches directory trees for changed .py files, robust to how editors save:
// in place, write-temp-then-rename (the watch on the old inode dies), delete
// and recreate, several writes in a burst. Changes are debounced; a save that
// leaves the content hash unchanged is not reported.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChangeWatcher(QObject *parent = nullptr);

    void addTree(const QString &root);

    // The editor saved `file` itself (and reloads it directly): remember its
    // hash, so the watcher's own event for that write is not reported again.
    void notifySaved(const QString &file);

Q_SIGNALS:
    void fileChanged(const QString &file);
    void fileAdded(const QString &file);
    void fileRemoved(const QString &file);
    // A directory appeared or disappeared below a tree.
    void treeChanged(const QString &root);

private:
    void onDirectoryChanged(const QString &dir);
    void onFileChanged(const QString &file);
    void flush();
    void scan(const QString &dir, bool report);
    QString rootOf(const QString &path) const;
    static QByteArray hashOf(const QString &file);

    QFileSystemWatcher *m_watcher;
    QTimer m_timer;
    QStringList m_roots;
    QHash<QString, QByteArray> m_hashes;   // known .py files -> content hash
    QSet<QString> m_dirs;                  // known directories
    QSet<QString> m_pending;               // paths to examine when the timer fires
};
