#include "CodeEditor.h"
#include "EditorTabs.h"
#include "RecoveryJournal.h"

#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(content) == content.size();
}

// Replaces the whole buffer as an edit (setPlainText would reset the modified flag).
void edit(CodeEditor *editor, const QString &text)
{
    QTextCursor cursor(editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

} // namespace

class tst_EditorTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void opensEachFileOnce();
    void modifiedMarkerInTabTitle();
    void saveAllWritesEveryModifiedBuffer();
    void cleanBufferFollowsExternalChange();
    void errorMarkerRememberedUntilOpened();
    void journalKeepsUnsavedBuffers();

private:
    QTemporaryDir m_dir;
    QString m_a;
    QString m_b;
};

void tst_EditorTabs::init()
{
    m_a = m_dir.filePath(QStringLiteral("a.py"));
    m_b = m_dir.filePath(QStringLiteral("b.py"));
    QVERIFY(writeFile(m_a, "a = 1\n"));
    QVERIFY(writeFile(m_b, "b = 2\n"));
}

void tst_EditorTabs::opensEachFileOnce()
{
    EditorTabs tabs;
    CodeEditor *first = tabs.openFile(m_a);
    QVERIFY(first);
    tabs.openFile(m_b);
    QCOMPARE(tabs.openFile(m_a, 1), first);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentEditor(), first);
    QVERIFY(!tabs.openFile(m_dir.filePath(QStringLiteral("missing.py"))));
}

void tst_EditorTabs::modifiedMarkerInTabTitle()
{
    EditorTabs tabs;
    CodeEditor *editor = tabs.openFile(m_a);
    QCOMPARE(tabs.tabWidget()->tabText(0), QStringLiteral("a.py"));
    editor->insertPlainText(QStringLiteral("# edit\n"));
    QVERIFY(tabs.tabWidget()->tabText(0).startsWith(QStringLiteral("a.py ")));
    QVERIFY(tabs.hasUnsavedChanges());
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    QVERIFY(tabs.saveCurrent());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(tabs.tabWidget()->tabText(0), QStringLiteral("a.py"));
}

void tst_EditorTabs::saveAllWritesEveryModifiedBuffer()
{
    EditorTabs tabs;
    edit(tabs.openFile(m_a), QStringLiteral("a = 10\n"));
    edit(tabs.openFile(m_b), QStringLiteral("b = 20\n"));
    QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
    QVERIFY(tabs.saveAll());
    QCOMPARE(saved.count(), 2);
    QFile a(m_a);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), QByteArray("a = 10\n"));
    QVERIFY(!tabs.hasUnsavedChanges());
}

void tst_EditorTabs::cleanBufferFollowsExternalChange()
{
    EditorTabs tabs;
    CodeEditor *editor = tabs.openFile(m_a);
    QSignalSpy message(&tabs, &EditorTabs::message);
    // Another program saves atomically: a new file is renamed over the old one.
    const QString temp = m_dir.filePath(QStringLiteral("a.py.tmp"));
    QVERIFY(writeFile(temp, "a = 'from elsewhere'\n"));
    QVERIFY(QFile::remove(m_a));
    QVERIFY(QFile::rename(temp, m_a));
    QTRY_COMPARE_WITH_TIMEOUT(editor->toPlainText(), QStringLiteral("a = 'from elsewhere'\n"), 10000);
    QVERIFY(!editor->document()->isModified());

    // The watch survived the rename: a second change is seen too.
    QVERIFY(writeFile(m_a, "a = 'again'\n"));
    QTRY_COMPARE_WITH_TIMEOUT(editor->toPlainText(), QStringLiteral("a = 'again'\n"), 10000);
}

void tst_EditorTabs::errorMarkerRememberedUntilOpened()
{
    EditorTabs tabs;
    tabs.setErrorMarker(m_b, 1, QStringLiteral("NameError: name 'x' is not defined"));
    QVERIFY(tabs.hasErrorMarker(m_b));
    CodeEditor *editor = tabs.openFile(m_b);
    QCOMPARE(editor->errorLine(), 1);
    tabs.clearErrorMarker(m_b);
    QCOMPARE(editor->errorLine(), 0);
    QVERIFY(!tabs.hasErrorMarker(m_b));
}

void tst_EditorTabs::journalKeepsUnsavedBuffers()
{
    QTemporaryDir journalDir;
    const QString directory = journalDir.filePath(QStringLiteral("recovery"));
    EditorTabs tabs;
    RecoveryJournal journal(&tabs, directory);
    CodeEditor *editor = tabs.openFile(m_a);
    tabs.openFile(m_b);
    edit(editor, QStringLiteral("a = 'unsaved'\n"));
    journal.writeNow();

    QList<RecoveryJournal::Entry> entries = RecoveryJournal::entries(directory);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().file, EditorTabs::normalizedPath(m_a));
    QCOMPARE(entries.first().text, QStringLiteral("a = 'unsaved'\n"));

    // Saving makes the journal entry go away.
    QVERIFY(tabs.save(editor));
    journal.writeNow();
    QVERIFY(RecoveryJournal::entries(directory).isEmpty());

    edit(editor, QStringLiteral("a = 'again'\n"));
    journal.writeNow();
    entries = RecoveryJournal::entries(directory);
    QCOMPARE(entries.size(), 1);
    RecoveryJournal::discard(entries);
    QVERIFY(RecoveryJournal::entries(directory).isEmpty());
}

QTEST_MAIN(tst_EditorTabs)
#include "tst_editortabs.moc"
