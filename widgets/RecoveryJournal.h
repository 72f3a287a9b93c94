#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class EditorTabs;
class QTimer;

// Unsaved buffers, written to a recovery folder every few seconds. User code
// runs in the IDE's process, so a crash in a C extension or an os._exit() can
// end it without warning; the next start offers what was journaled.
class RecoveryJournal : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString file;     // the file the buffer belongs to
        QString text;     // the unsaved content
        QDateTime time;   // when it was journaled
        QString journal;  // the journal file holding it
    };

    RecoveryJournal(EditorTabs *editors, const QString &directory, QObject *parent = nullptr);

    // The default folder: <AppDataLocation>/recovery.
    static QString defaultDirectory();
    static QList<Entry> entries(const QString &directory);
    static void discard(const QList<Entry> &entries);

    void setInterval(int milliseconds);
    QString directory() const { return m_directory; }

public Q_SLOTS:
    // Writes every modified buffer and removes the journal of clean ones.
    void writeNow();
    // Removes every journal entry (after a clean exit).
    void clear();

private:
    QString journalPath(const QString &file) const;

    EditorTabs *m_editors;
    QString m_directory;
    QTimer *m_timer;
    QHash<QString, int> m_writtenRevision;
};
