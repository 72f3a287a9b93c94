#include "RecoveryJournal.h"

#include "CodeEditor.h"
#include "EditorTabs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

RecoveryJournal::RecoveryJournal(EditorTabs *editors, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_editors(editors)
    , m_directory(directory)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(3000);
    connect(m_timer, &QTimer::timeout, this, &RecoveryJournal::writeNow);
    m_timer->start();
}

QString RecoveryJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/recovery");
}

void RecoveryJournal::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

QString RecoveryJournal::journalPath(const QString &file) const
{
    const QByteArray hash = QCryptographicHash::hash(file.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash.left(16))
           + QStringLiteral(".json");
}

void RecoveryJournal::writeNow()
{
    QHash<QString, int> written;
    for (CodeEditor *editor : m_editors->editors()) {
        const QString file = editor->filePath();
        // An untitled buffer has no file to restore it into.
        if (file.isEmpty())
            continue;
        const QString journal = journalPath(file);
        if (!editor->document()->isModified()) {
            if (m_writtenRevision.contains(journal))
                QFile::remove(journal);
            continue;
        }
        const int revision = editor->document()->revision();
        written.insert(journal, revision);
        if (m_writtenRevision.value(journal, -1) == revision)
            continue;
        QDir().mkpath(m_directory);
        QJsonObject object;
        object.insert(QStringLiteral("file"), file);
        object.insert(QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate));
        object.insert(QStringLiteral("text"), editor->toPlainText());
        QSaveFile out(journal);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
            out.commit();
        }
    }
    // Buffers closed since the last write no longer need their journal.
    for (auto it = m_writtenRevision.constBegin(); it != m_writtenRevision.constEnd(); ++it) {
        if (!written.contains(it.key()))
            QFile::remove(it.key());
    }
    m_writtenRevision = written;
}

void RecoveryJournal::clear()
{
    for (auto it = m_writtenRevision.constBegin(); it != m_writtenRevision.constEnd(); ++it)
        QFile::remove(it.key());
    m_writtenRevision.clear();
}

QList<RecoveryJournal::Entry> RecoveryJournal::entries(const QString &directory)
{
    QList<Entry> result;
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        Entry entry;
        entry.file = object.value(QStringLiteral("file")).toString();
        entry.text = object.value(QStringLiteral("text")).toString();
        entry.time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODate);
        entry.journal = file.fileName();
        if (!entry.file.isEmpty())
            result.append(entry);
    }
    return result;
}

void RecoveryJournal::discard(const QList<Entry> &entries)
{
    for (const Entry &entry : entries)
        QFile::remove(entry.journal);
}
