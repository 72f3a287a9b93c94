#include "CodeEditor.h"
#include "DiskChangeBar.h"
#include "EditorTabs.h"
#include "RecoveryJournal.h"

#include <QDateTime>
#include <QFile>
#include <QPushButton>
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

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Another program writes the file. Its modification time is set well apart
// from ours, since two writes within one timer tick can share a time stamp.
bool writeElsewhere(const QString &path, const QByteArray &content)
{
    if (!writeFile(path, content))
        return false;
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime);
}

// Answers the questions EditorTabs asks, recording their titles.
struct Answers
{
    QStringList asked;
    QMessageBox::StandardButton overwrite = QMessageBox::Cancel;
    QMessageBox::StandardButton reload = QMessageBox::No;

    EditorTabs::QuestionFunction function()
    {
        return [this](const QString &title, const QString &text, QMessageBox::StandardButtons,
                      QMessageBox::StandardButton) {
            asked.append(title);
            return text.contains(QStringLiteral("Overwrite")) ? overwrite : reload;
        };
    }
};

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
    void saveAsksBeforeOverwritingAChangedFile_data();
    void saveAsksBeforeOverwritingAChangedFile();
    void plainSaveDoesNotAsk();
    void keptBufferShowsDiskChangeBar_data();
    void keptBufferShowsDiskChangeBar();
    void pageTabIsNotAnEditor();
    void untitledBufferIsSavedAs_data();
    void untitledBufferIsSavedAs();
    void closingUntitledTextAsks();
    void saveFilesLeavesUntitledAlone();

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

void tst_EditorTabs::saveAsksBeforeOverwritingAChangedFile_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("saved");
    QTest::addColumn<QByteArray>("onDisk");
    QTest::newRow("cancel keeps the other program's edit")
        << int(QMessageBox::Cancel) << false << QByteArray("a = 'theirs'\n");
    QTest::newRow("save overwrites it") << int(QMessageBox::Save) << true << QByteArray("a = 'mine'\n");
}

void tst_EditorTabs::saveAsksBeforeOverwritingAChangedFile()
{
    QFETCH(int, answer);
    QFETCH(bool, saved);
    QFETCH(QByteArray, onDisk);
    EditorTabs tabs;
    Answers answers;
    answers.overwrite = QMessageBox::StandardButton(answer);
    tabs.setQuestionFunction(answers.function());
    CodeEditor *editor = tabs.openFile(m_a);
    edit(editor, QStringLiteral("a = 'mine'\n"));
    QVERIFY(writeElsewhere(m_a, "a = 'theirs'\n"));
    QVERIFY(EditorTabs::changedOnDisk(editor));

    QSignalSpy fileSaved(&tabs, &EditorTabs::fileSaved);
    QCOMPARE(tabs.save(editor), saved);
    QCOMPARE(answers.asked.count(QStringLiteral("File Changed on Disk")), 1);
    QCOMPARE(fileSaved.count(), saved ? 1 : 0);
    QCOMPARE(readFile(m_a), onDisk);
    QCOMPARE(editor->document()->isModified(), !saved);
}

void tst_EditorTabs::plainSaveDoesNotAsk()
{
    EditorTabs tabs;
    Answers answers;
    tabs.setQuestionFunction(answers.function());
    CodeEditor *editor = tabs.openFile(m_a);
    edit(editor, QStringLiteral("a = 2\n"));
    QVERIFY(tabs.save(editor));
    edit(editor, QStringLiteral("a = 3\n"));
    QVERIFY(tabs.save(editor));
    QVERIFY2(answers.asked.isEmpty(), qPrintable(answers.asked.join(QLatin1Char(','))));
    QCOMPARE(readFile(m_a), QByteArray("a = 3\n"));
}

void tst_EditorTabs::keptBufferShowsDiskChangeBar_data()
{
    QTest::addColumn<bool>("reload");
    QTest::newRow("reload from disk") << true;
    QTest::newRow("keep mine") << false;
}

void tst_EditorTabs::keptBufferShowsDiskChangeBar()
{
    QFETCH(bool, reload);
    EditorTabs tabs;
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    Answers answers;
    tabs.setQuestionFunction(answers.function());
    CodeEditor *editor = tabs.openFile(m_a);
    edit(editor, QStringLiteral("a = 'mine'\n"));
    QVERIFY(!tabs.diskChangeBar()->isVisible());

    // The watcher asks whether to reload; the answer is No.
    QVERIFY(writeElsewhere(m_a, "a = 'theirs'\n"));
    QTRY_VERIFY_WITH_TIMEOUT(answers.asked.contains(QStringLiteral("File Changed on Disk")), 10000);
    QVERIFY(tabs.diskChangeBar()->isVisible());
    QCOMPARE(tabs.diskChangeBar()->path(), editor->filePath());
    QVERIFY(tabs.diskChangeBar()->text().contains(QStringLiteral("a.py")));
    QVERIFY(tabs.diskChangeBar()->text().contains(QStringLiteral("running program uses the disk version")));
    QCOMPARE(editor->toPlainText(), QStringLiteral("a = 'mine'\n"));
    answers.asked.clear();

    if (reload) {
        tabs.diskChangeBar()->reloadButton()->click();
        QCOMPARE(editor->toPlainText(), QStringLiteral("a = 'theirs'\n"));
        QVERIFY(!editor->document()->isModified());
        QVERIFY(!tabs.diskChangeBar()->isVisible());
    } else {
        tabs.diskChangeBar()->keepButton()->click();
        QVERIFY(!tabs.diskChangeBar()->isVisible());
        // Keeping was the answer already: saving overwrites without asking again.
        QVERIFY(tabs.save(editor));
        QVERIFY(answers.asked.isEmpty());
        QCOMPARE(readFile(m_a), QByteArray("a = 'mine'\n"));
    }
}

void tst_EditorTabs::pageTabIsNotAnEditor()
{
    EditorTabs tabs;
    tabs.openFile(m_a);
    QWidget page;
    tabs.showPage(&page, QStringLiteral("Welcome"));
    QCOMPARE(tabs.tabWidget()->count(), 2);
    QCOMPARE(tabs.count(), 1);
    QVERIFY(!tabs.currentEditor());
    // Closing the page's tab removes it but leaves the page to its owner.
    Q_EMIT tabs.tabWidget()->tabCloseRequested(tabs.tabWidget()->indexOf(&page));
    QCOMPARE(tabs.tabWidget()->count(), 1);
    QVERIFY(tabs.currentEditor());
}

void tst_EditorTabs::untitledBufferIsSavedAs_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::newRow("a name given") << QStringLiteral("scratch.py");
    QTest::newRow("cancelled") << QString();
}

void tst_EditorTabs::untitledBufferIsSavedAs()
{
    QFETCH(QString, chosen);
    EditorTabs tabs;
    tabs.setSaveDirectory(m_dir.path());
    QStringList suggested;
    const QString target = chosen.isEmpty() ? QString() : m_dir.filePath(chosen);
    tabs.setSavePathFunction([&](const QString &path) {
        suggested << path;
        return target;
    });
    CodeEditor *first = tabs.newUntitled();
    CodeEditor *second = tabs.newUntitled();
    QVERIFY(first && second && first != second);
    QCOMPARE(tabs.currentEditor(), second);
    QVERIFY(first->filePath().isEmpty());
    QCOMPARE(EditorTabs::displayName(first), QStringLiteral("Untitled 1"));
    QCOMPARE(tabs.tabWidget()->tabText(tabs.tabWidget()->indexOf(second)), QStringLiteral("Untitled 2"));
    QVERIFY(!tabs.editorFor(QString()));
    QVERIFY(suggested.isEmpty());

    edit(second, QStringLiteral("x = 42\n"));
    QSignalSpy fileSaved(&tabs, &EditorTabs::fileSaved);
    // A plain save of an untitled buffer is a Save As.
    QCOMPARE(tabs.saveCurrent(), !chosen.isEmpty());
    QCOMPARE(suggested, QStringList{m_dir.filePath(QStringLiteral("untitled2.py"))});
    if (chosen.isEmpty()) {
        QVERIFY(second->filePath().isEmpty());
        QVERIFY(second->document()->isModified());
        QCOMPARE(fileSaved.count(), 0);
        return;
    }
    QCOMPARE(second->filePath(), EditorTabs::normalizedPath(target));
    QCOMPARE(readFile(target), QByteArray("x = 42\n"));
    QCOMPARE(fileSaved.count(), 1);
    QCOMPARE(tabs.tabWidget()->tabText(tabs.tabWidget()->indexOf(second)), chosen);
    QCOMPARE(tabs.editorFor(target), second);
}

void tst_EditorTabs::closingUntitledTextAsks()
{
    EditorTabs tabs;
    QStringList asked;
    tabs.setQuestionFunction([&asked](const QString &, const QString &text, QMessageBox::StandardButtons,
                                      QMessageBox::StandardButton) {
        asked << text;
        return QMessageBox::Cancel;
    });
    CodeEditor *empty = tabs.newUntitled();
    QVERIFY(tabs.closeEditor(empty));
    QVERIFY(asked.isEmpty());

    CodeEditor *editor = tabs.newUntitled();
    edit(editor, QStringLiteral("print('keep me')\n"));
    QVERIFY(!tabs.closeEditor(editor));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(QStringLiteral("Untitled 2")), qPrintable(asked.first()));
    QCOMPARE(tabs.count(), 1);
    QVERIFY(!tabs.closeAll());
    QCOMPARE(tabs.count(), 1);
}

// What a run saves: the files, never a Save As for an untitled buffer.
void tst_EditorTabs::saveFilesLeavesUntitledAlone()
{
    EditorTabs tabs;
    tabs.setSaveDirectory(m_dir.path());
    int asked = 0;
    tabs.setSavePathFunction([&asked](const QString &) {
        ++asked;
        return QString();
    });
    const QString path = m_dir.filePath(QStringLiteral("saved_by_run.py"));
    QVERIFY(writeFile(path, "a = 1\n"));
    CodeEditor *file = tabs.openFile(path);
    QVERIFY(file);
    edit(file, QStringLiteral("a = 2\n"));
    CodeEditor *untitled = tabs.newUntitled();
    edit(untitled, QStringLiteral("scratch = True\n"));

    QVERIFY(tabs.saveFiles());
    QCOMPARE(readFile(path), QByteArray("a = 2\n"));
    QVERIFY(!file->document()->isModified());
    QVERIFY(untitled->document()->isModified());
    QCOMPARE(asked, 0);
}

QTEST_MAIN(tst_EditorTabs)
#include "tst_editortabs.moc"
