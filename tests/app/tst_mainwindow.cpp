#include "CodeEditor.h"
#include "CodeManager.h"
#include "ConsoleWidget.h"
#include "EditorAssistant.h"
#include "EditorTabs.h"
#include "EnvironmentController.h"
#include "InspectorModel.h"
#include "InspectorView.h"
#include "MainWindow.h"
#include "NamespaceModel.h"
#include "NamespaceView.h"
#include "ProblemsPanel.h"
#include "PythonRuntime.h"
#include "PythonVersion.h"
#include "Overrides.h"
#include "Debugger.h"
#include "DebugController.h"
#include "OverridesView.h"
#include "ReloadLogView.h"
#include "WatchesView.h"
#include "pythonpackage.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidgetItem>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTreeWidget>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

namespace {

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QFileInfo &info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (info.fileName() == QStringLiteral("__pycache__"))
            continue;
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target) : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

// Replaces the first occurrence of `from` with `to` in the editor, as typing would.
bool replaceInEditor(CodeEditor *editor, const QString &from, const QString &to)
{
    QTextCursor found = editor->document()->find(from);
    if (found.isNull())
        return false;
    found.insertText(to);
    return true;
}

} // namespace

// The whole loop of a live-coding session through the real main window.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensExampleFolder();
    void consoleCreatesObject();
    void savedMethodRunsInExistingObject();
    void syntaxErrorIsMarkedWhileObjectKeepsWorking();
    void fixClearsMarker();
    void fixWithNewCodeClearsMarker();
    void runtimeErrorIsMarked();
    void clickingReloadErrorOpensLine();
    void runAndStopProgram();
    void instanceCountOnRequest();
    void runFileWithArguments();
    void runFileExplainsItsEnd_data();
    void runFileExplainsItsEnd();
    void stoppedFileSaysSo();
    void unimportedFileIsCheckedOnSave();
    void instanceCountsFollowTheProgram();
    void f12OpensDefiningFile();
    void missingCheckerIsNoticed();
    void reloadErrorIsListedInProblems();
    void watchesAndOverrides();
    void inspectorEditsAnInstance();
    void overrideWrittenToFile();
    void untitledBufferRunsInTheConsole();
    void statusBarSaysWhatRuns();
    void projectFolderOpensItsPackages();
    void projectVenvIsUsed();

private:
    // Writes `content` to `relative` under the mapped folder (or an absolute path).
    static bool writeFile(const QString &path, const QByteArray &content);
    // Opens the example as applib unless an earlier test did, so a test can run alone.
    void openExample();
    // True when the console shows each of `parts`, in that order.
    bool consoleShowsInOrder(const QStringList &parts) const;

    void console(const QString &code, const QString &expected);
    ReloadReport saveAndWaitForReload(CodeEditor *editor);

    QTemporaryDir m_dir;
    QString m_folder;
    MainWindow *m_window = nullptr;
    CodeEditor *m_networking = nullptr;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
    m_folder = m_dir.filePath(QStringLiteral("server"));
    QVERIFY(copyTree(QStringLiteral(RELIVE_EXAMPLES "/server"), m_folder));

    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QString error;
    QVERIFY2(m_window->startEngine(&error), qPrintable(error));
}

void tst_MainWindow::cleanupTestCase()
{
    if (m_window) {
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        delete m_window;
    }
}

void tst_MainWindow::console(const QString &code, const QString &expected)
{
    ConsoleWidget *console = m_window->console();
    console->clear();
    console->submitLines(code);
    QTRY_VERIFY_WITH_TIMEOUT(!console->isWaiting(), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(console->outputText().contains(expected),
                              qPrintable(console->outputText()), 20000);
}

ReloadReport tst_MainWindow::saveAndWaitForReload(CodeEditor *editor)
{
    QSignalSpy reloaded(m_window->codeManager(), &CodeManager::reloaded);
    m_window->editors()->tabWidget()->setCurrentWidget(editor);
    if (!m_window->editors()->saveCurrent())
        return {};
    if (reloaded.isEmpty() && !reloaded.wait(20000)) {
        ReloadReport timedOut;
        timedOut.error = QStringLiteral("no reload report");
        return timedOut;
    }
    return reloaded.first().at(0).value<ReloadReport>();
}

void tst_MainWindow::opensExampleFolder()
{
    QString error;
    QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
    QCOMPARE(m_window->currentFolder(), QFileInfo(m_folder).absoluteFilePath());
    NamespaceModel *model = m_window->namespaceView()->namespaceModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(QStringLiteral("applib.services.NetworkService")).isValid(), 20000);
    QVERIFY(model->indexOf(QStringLiteral("applib.objects.Session")).isValid());
    // main.py is shown when a folder is opened.
    QVERIFY(m_window->editors()->currentEditor());
    QVERIFY(m_window->editors()->currentEditor()->filePath().endsWith(QStringLiteral("main.py")));
}

void tst_MainWindow::consoleCreatesObject()
{
    console(QStringLiteral("from applib.services import NetworkService\n"
                                   "s = NetworkService()\n"
                                   "s.handle('hello')\n"),
                    QStringLiteral("'[echo #1] hello'"));
}

void tst_MainWindow::savedMethodRunsInExistingObject()
{
    m_networking = m_window->editors()->openFile(m_folder + QStringLiteral("/services/networking.py"));
    QVERIFY(m_networking);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("return f\"[{self.name} #{self.handled}] {message}\""),
                            QStringLiteral("return f\"<{self.name} #{self.handled}> {message.upper()}\"")));
    QVERIFY(m_networking->document()->isModified());
    const ReloadReport report = saveAndWaitForReload(m_networking);
    QVERIFY2(report.ok(), qPrintable(report.error + report.traceback));
    QVERIFY(!m_networking->document()->isModified());
    QVERIFY(m_window->reloadLog()->topLevelItemCount() >= 1);

    // The object made before the save runs the new code, and keeps its counter.
    console(QStringLiteral("s.handle('again')\n"), QStringLiteral("'<echo #2> AGAIN'"));
}

void tst_MainWindow::syntaxErrorIsMarkedWhileObjectKeepsWorking()
{
    QVERIFY(m_networking);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("    def status(self):"),
                            QStringLiteral("    def status(self:")));
    const int brokenLine = m_networking->document()->find(QStringLiteral("def status(self:")).blockNumber() + 1;
    const int logRows = m_window->reloadLog()->topLevelItemCount();
    const ReloadReport report = saveAndWaitForReload(m_networking);
    QVERIFY(!report.ok());
    QVERIFY(report.error.contains(QStringLiteral("SyntaxError")));
    QTRY_COMPARE(m_networking->errorLine(), brokenLine);
    QVERIFY(m_networking->errorMessage().contains(QStringLiteral("SyntaxError")));
    QVERIFY(m_window->reloadLog()->topLevelItemCount() > logRows);

    // Nothing was applied: the object still runs the last good code.
    console(QStringLiteral("s.handle('still')\n"), QStringLiteral("'<echo #3> STILL'"));
}

void tst_MainWindow::fixClearsMarker()
{
    QVERIFY(m_networking);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("def status(self:"),
                            QStringLiteral("def status(self):")));
    // Back to the version that runs: saving clears the marker.
    QVERIFY(m_window->editors()->saveCurrent());
    QTRY_COMPARE(m_networking->errorLine(), 0);
    console(QStringLiteral("s.status()\n"), QStringLiteral("'echo: 3 messages handled'"));
}

void tst_MainWindow::fixWithNewCodeClearsMarker()
{
    QVERIFY(m_networking);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("messages handled\""),
                            QStringLiteral("messages handled\"")));
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("def status(self):"),
                            QStringLiteral("def status(self:")));
    QVERIFY(!saveAndWaitForReload(m_networking).ok());
    QTRY_VERIFY(m_networking->errorLine() > 0);

    QVERIFY(replaceInEditor(m_networking, QStringLiteral("def status(self:"),
                            QStringLiteral("def status(self):")));
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("messages handled\""),
                            QStringLiteral("handled so far\"")));
    const ReloadReport report = saveAndWaitForReload(m_networking);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QTRY_COMPARE(m_networking->errorLine(), 0);
    console(QStringLiteral("s.status()\n"), QStringLiteral("'echo: 3 handled so far'"));
}

void tst_MainWindow::runtimeErrorIsMarked()
{
    QVERIFY(m_networking);
    QTextCursor end(m_networking->document());
    end.movePosition(QTextCursor::End);
    const int appendedAt = end.position();
    end.insertText(QStringLiteral("\nraise RuntimeError('boom')\n"));
    const int raiseLine = m_networking->document()->find(QStringLiteral("raise RuntimeError")).blockNumber() + 1;
    const ReloadReport report = saveAndWaitForReload(m_networking);
    QVERIFY(!report.ok());
    QVERIFY2(report.error.contains(QStringLiteral("boom")), qPrintable(report.error));
    QTRY_COMPARE(m_networking->errorLine(), raiseLine);
    console(QStringLiteral("s.handle('after boom')\n"), QStringLiteral("'<echo #4> AFTER BOOM'"));

    QTextCursor appended(m_networking->document());
    appended.setPosition(appendedAt);
    appended.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    appended.removeSelectedText();
    QVERIFY(m_window->editors()->saveCurrent());
    QTRY_COMPARE(m_networking->errorLine(), 0);
}

void tst_MainWindow::clickingReloadErrorOpensLine()
{
    ReloadReport report;
    report.file = m_folder + QStringLiteral("/objects/session.py");
    report.error = QStringLiteral("SyntaxError: invalid syntax");
    report.errorLine = 12;
    report.time = QDateTime::currentDateTime();
    m_window->reloadLog()->addReport(report);
    QTreeWidgetItem *row = m_window->reloadLog()->topLevelItem(m_window->reloadLog()->topLevelItemCount() - 1);
    QTreeWidgetItem *error = row->child(0);
    QVERIFY(error);
    Q_EMIT m_window->reloadLog()->itemActivated(error, 0);
    CodeEditor *editor = m_window->editors()->currentEditor();
    QVERIFY(editor);
    QVERIFY(editor->filePath().endsWith(QStringLiteral("objects/session.py")));
    QCOMPARE(editor->currentLine(), 12);
}

void tst_MainWindow::runAndStopProgram()
{
    auto *run = m_window->findChild<QAction *>(QStringLiteral("runAction"));
    auto *stop = m_window->findChild<QAction *>(QStringLiteral("stopAction"));
    QVERIFY(run && stop);
    QVERIFY(run->isEnabled());
    QVERIFY(!stop->isEnabled());
    m_window->console()->clear();
    QSignalSpy started(m_window->runtime(), &PythonRuntime::programStarted);
    QSignalSpy finished(m_window->runtime(), &PythonRuntime::programFinished);
    run->trigger();
    QVERIFY(started.wait(20000) || !started.isEmpty());
    QCOMPARE(started.first().at(0).toString(), QStringLiteral("applib.main:run"));
    // The program thread prints through the service edited above.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->console()->outputText().contains(
                                 QStringLiteral("<echo #1> ALICE SAYS 'PING 1'")), 20000);
    QVERIFY(stop->isEnabled());
    // The console stays usable while the program runs.
    console(QStringLiteral("2 ** 10\n"), QStringLiteral("1024"));
    stop->trigger();
    QVERIFY(finished.wait(20000) || !finished.isEmpty());
    QTRY_VERIFY(run->isEnabled());
}

void tst_MainWindow::instanceCountOnRequest()
{
    const QString name = QStringLiteral("applib.services.NetworkService");
    NamespaceView *view = m_window->namespaceView();
    QSignalSpy counted(m_window->codeManager(), &CodeManager::instanceCountsReady);
    Q_EMIT view->instanceCountsRequested();
    QVERIFY(counted.wait(20000) || !counted.isEmpty());
    // `s` from the console, and the service the program made.
    const int count = counted.first().first().value<QHash<QString, int>>().value(name);
    QVERIFY(count >= 1);
    const QModelIndex cell = view->namespaceModel()->indexOf(name).siblingAtColumn(NamespaceModel::InstancesColumn);
    QTRY_COMPARE(cell.data().toInt(), count);
}

void tst_MainWindow::openExample()
{
    if (!m_window->currentFolder().isEmpty())
        return;
    QString error;
    QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
}

bool tst_MainWindow::writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

bool tst_MainWindow::consoleShowsInOrder(const QStringList &parts) const
{
    const QString text = m_window->console()->outputText();
    qsizetype from = 0;
    for (const QString &part : parts) {
        const qsizetype at = text.indexOf(part, from);
        if (at < 0)
            return false;
        from = at + part.size();
    }
    return true;
}

void tst_MainWindow::runFileWithArguments()
{
    openExample();
    // A script outside the mapped folder, importing from the namespace.
    QTemporaryDir scripts;
    const QString path = scripts.filePath(QStringLiteral("hello.py"));
    QVERIFY(writeFile(path, "import os, sys\n"
                            "from applib.services import NetworkService\n"
                            "def main():\n"
                            "    print('hello', sys.argv[1:], NetworkService.__name__)\n"
                            "    print('here', os.path.dirname(__file__) == sys.path[0])\n"
                            "if __name__ == '__main__':\n"
                            "    main()\n"));
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    // An unsaved edit is saved before the run.
    QVERIFY(replaceInEditor(editor, QStringLiteral("print('hello'"), QStringLiteral("print('hello there'")));
    auto *withArguments = m_window->findChild<QAction *>(QStringLiteral("runWithArgumentsAction"));
    QVERIFY(withArguments && withArguments->isEnabled());
    m_window->console()->clear();
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(QStringLiteral("one \"two three\""));
        dialog->accept();
    });
    withArguments->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QVERIFY(!editor->document()->isModified());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running hello.py one \"two three\""),
                                      QStringLiteral("hello there ['one', 'two three'] NetworkService"),
                                      QStringLiteral("here True"), QStringLiteral("hello.py finished")}),
                 qPrintable(m_window->console()->outputText()));

    // F5 runs the current file again, with the arguments it remembers.
    auto *runFile = m_window->findChild<QAction *>(QStringLiteral("runFileAction"));
    QVERIFY(runFile && runFile->shortcut() == QKeySequence(Qt::Key_F5));
    m_window->console()->clear();
    ended.clear();
    runFile->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running hello.py one \"two three\""),
                                      QStringLiteral("hello there ['one', 'two three']"),
                                      QStringLiteral("hello.py finished")}),
                 qPrintable(m_window->console()->outputText()));
    m_window->editors()->closeEditor(editor);
}

void tst_MainWindow::runFileExplainsItsEnd_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("notice");
    QTest::newRow("returns") << QByteArray("print('ran')\n") << "end.py finished";
    QTest::newRow("raises") << QByteArray("raise ValueError('bad value')\n") << "end.py raised ValueError: bad value";
    QTest::newRow("exit status") << QByteArray("import sys\nsys.exit(3)\n") << "end.py ended with exit status 3";
}

void tst_MainWindow::runFileExplainsItsEnd()
{
    openExample();
    QFETCH(QByteArray, source);
    QFETCH(QString, notice);
    QTemporaryDir scripts;
    const QString path = scripts.filePath(QStringLiteral("end.py"));
    QVERIFY(writeFile(path, source));
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    m_window->console()->clear();
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running end.py"), notice}),
                 qPrintable(m_window->console()->outputText()));
    QVERIFY(!m_window->console()->outputText().contains(QStringLiteral("exit status 0")));
    m_window->editors()->closeEditor(editor);
}

void tst_MainWindow::stoppedFileSaysSo()
{
    openExample();
    QTemporaryDir scripts;
    const QString path = scripts.filePath(QStringLiteral("loop.py"));
    QVERIFY(writeFile(path, "import time\nprint('looping', flush=True)\nwhile True:\n    time.sleep(0.01)\n"));
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    m_window->console()->clear();
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->console()->outputText().contains(QStringLiteral("looping")), 20000);
    auto *stop = m_window->findChild<QAction *>(QStringLiteral("stopAction"));
    QVERIFY(stop->isEnabled());
    stop->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running loop.py"), QStringLiteral("looping"),
                                      QStringLiteral("loop.py stopped by you")}),
                 qPrintable(m_window->console()->outputText()));
    QVERIFY(!m_window->console()->outputText().contains(QStringLiteral("130")));
    m_window->editors()->closeEditor(editor);
}

void tst_MainWindow::unimportedFileIsCheckedOnSave()
{
    openExample();
    // A new subfolder: nothing has imported applib.tools.
    const QString path = m_folder + QStringLiteral("/tools/helpers.py");
    QVERIFY(writeFile(path, "def helper():\n    return 1\n"));
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    QVERIFY(replaceInEditor(editor, QStringLiteral("def helper():"), QStringLiteral("def helper(:")));
    const ReloadReport report = saveAndWaitForReload(editor);
    QCOMPARE(report.kind, ReloadReport::Kind::Check);
    QVERIFY2(report.error.contains(QStringLiteral("SyntaxError")), qPrintable(report.error));
    QTRY_COMPARE(editor->errorLine(), 1);
    ReloadLogView *log = m_window->reloadLog();
    QTreeWidgetItem *row = log->topLevelItem(log->topLevelItemCount() - 1);
    QVERIFY(row->text(ReloadLogView::OutcomeColumn).contains(QStringLiteral("checked, not loaded yet")));

    QVERIFY(replaceInEditor(editor, QStringLiteral("def helper(:"), QStringLiteral("def helper():")));
    const ReloadReport fixed = saveAndWaitForReload(editor);
    QVERIFY2(fixed.ok(), qPrintable(fixed.error));
    QCOMPARE(fixed.kind, ReloadReport::Kind::Check);
    QTRY_COMPARE(editor->errorLine(), 0);
    row = log->topLevelItem(log->topLevelItemCount() - 1);
    QCOMPARE(row->text(ReloadLogView::OutcomeColumn), QStringLiteral("checked, not loaded yet"));
    m_window->editors()->closeEditor(editor);
}

void tst_MainWindow::instanceCountsFollowTheProgram()
{
    openExample();
    const QString path = m_folder + QStringLiteral("/gadgets/gadget.py");
    QVERIFY(writeFile(path, "class Gadget:\n    def size(self):\n        return 1\n"));
    const QString name = QStringLiteral("applib.gadgets.Gadget");
    NamespaceModel *model = m_window->namespaceView()->namespaceModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(name).isValid(), 20000);
    auto cell = [&] { return model->indexOf(name).siblingAtColumn(NamespaceModel::InstancesColumn).data(); };

    // Counts follow what the console does, with no request from the user.
    console(QStringLiteral("from applib.gadgets import Gadget\ng1, g2 = Gadget(), Gadget()\nprint('made')\n"),
            QStringLiteral("made"));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 2, 20000);

    // A reload keeps the class, its instances and so the count.
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    QVERIFY(replaceInEditor(editor, QStringLiteral("return 1"), QStringLiteral("return 2")));
    const ReloadReport report = saveAndWaitForReload(editor);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.kind, ReloadReport::Kind::Reload);
    console(QStringLiteral("print(g1.size())\n"), QStringLiteral("2"));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 2, 20000);

    console(QStringLiteral("del g1\nprint('gone')\n"), QStringLiteral("gone"));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 1, 20000);
    console(QStringLiteral("del g2\nprint('all gone')\n"), QStringLiteral("all gone"));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 0, 20000);

    // While a program runs, the counts follow it without any command ending.
    QVERIFY(writeFile(m_folder + QStringLiteral("/gadgets/hold.py"),
                      "import time\nfrom .gadget import Gadget\n\n"
                      "def hold():\n    kept = [Gadget() for _ in range(3)]\n    for _ in range(1200):\n        time.sleep(0.1)\n"));
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(QStringLiteral("applib.gadgets.hold")).isValid(), 20000);
    QSignalSpy finished(m_window->runtime(), &PythonRuntime::programFinished);
    m_window->runtime()->runProgram(QStringLiteral("applib.gadgets.hold:hold"));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 3, 20000);
    m_window->runtime()->stopProgram();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(cell().toInt(), 0, 20000);
    m_window->editors()->closeEditor(editor);
}

void tst_MainWindow::f12OpensDefiningFile()
{
    QString error;
    if (!m_window->codeManager()->namespaces().contains(QStringLiteral("applib")))
        QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
    CodeEditor *main = m_window->editors()->openFile(m_folder + QStringLiteral("/main.py"));
    QVERIFY(main);
    EditorAssistant *assistant = EditorAssistant::of(main);
    QVERIFY(assistant);
    main->setTextCursor(main->document()->find(QStringLiteral("NetworkService()")));
    main->moveCursor(QTextCursor::StartOfWord);
    SKIP_WITHOUT_PYTHON_PACKAGE(hasPythonPackage(*m_window->runtime(), QStringLiteral("jedi")), "jedi");
    QTest::keyClick(main, Qt::Key_F12);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->editors()->currentEditor()
                                 && m_window->editors()->currentEditor()->filePath().endsWith(
                                     QLatin1String("services/networking.py")),
                             30000);
    QCOMPARE(m_window->editors()->currentEditor()->currentLine(), 5);
    // On the name itself, not after `class`.
    QTextCursor cursor = m_window->editors()->currentEditor()->textCursor();
    QVERIFY2(cursor.block().text().mid(cursor.positionInBlock()).startsWith(QStringLiteral("NetworkService")),
             qPrintable(cursor.block().text().mid(cursor.positionInBlock())));
}

// Without pyflakes, the Problems dock and the console say that only syntax
// errors and namespace imports are checked; once it is back, the notice goes.
void tst_MainWindow::missingCheckerIsNoticed()
{
    QString error;
    if (!m_window->codeManager()->namespaces().contains(QStringLiteral("applib")))
        QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
    auto *problems = m_window->findChild<ProblemsPanel *>();
    QVERIFY(problems);
    const bool hasPyflakes = hasPythonPackage(*m_window->runtime(), QStringLiteral("pyflakes"));
    CodeEditor *main = m_window->editors()->openFile(m_folder + QStringLiteral("/main.py"));
    QVERIFY(main);
    EditorAssistant *assistant = EditorAssistant::of(main);
    QVERIFY(assistant);
    const QString notice = EditorAssistant::unavailableText(EditorIntelligence::Feature::Checker,
                                                            QStringLiteral("pyflakes"));
    auto noticed = [problems, notice] {
        return problems->topLevelItemCount() > 0 && problems->topLevelItem(0)->text(0) == notice;
    };
    // Where the interpreter lacks pyflakes, an earlier check may have said it already.
    const bool saidBefore = noticed();
    m_window->console()->clear();
    {
        HiddenPythonPackages hidden(*m_window->runtime(), {QStringLiteral("pyflakes")});
        QVERIFY(hidden.isHidden());
        assistant->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(noticed(), 30000);
        if (!saidBefore)
            QTRY_VERIFY(m_window->console()->outputText().contains(notice));
        QVERIFY(!m_window->console()->outputText().contains(QLatin1String("Editor intelligence failed")));
    }
    assistant->checkNow();
    if (hasPyflakes)
        QTRY_VERIFY_WITH_TIMEOUT(!noticed(), 30000);
}

void tst_MainWindow::reloadErrorIsListedInProblems()
{
    QString error;
    if (!m_window->codeManager()->namespaces().contains(QStringLiteral("applib")))
        QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
    // Only a file that runs is reloaded.
    console(QStringLiteral("import applib.objects; print('imported')\n"), QStringLiteral("imported"));
    CodeEditor *session = m_window->editors()->openFile(m_folder + QStringLiteral("/objects/session.py"));
    QVERIFY(session);
    auto *problems = m_window->findChild<ProblemsPanel *>();
    QVERIFY(problems);
    QVERIFY(replaceInEditor(session, QStringLiteral("import time"), QStringLiteral("import time\n1 / 0")));
    const ReloadReport report = saveAndWaitForReload(session);
    QVERIFY2(report.error.contains(QLatin1String("ZeroDivisionError")), qPrintable(report.error));
    auto listed = [problems] {
        for (int i = 0; i < problems->topLevelItemCount(); ++i) {
            if (problems->topLevelItem(i)->text(0).contains(QLatin1String("ZeroDivisionError")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(listed());
    QVERIFY(replaceInEditor(session, QStringLiteral("1 / 0"), QStringLiteral("pass")));
    QVERIFY(saveAndWaitForReload(session).ok());
    QTRY_VERIFY(!listed());
}


// A watch on a live object follows an override typed in the console and its
// revert from the Overrides panel; the watches are kept with the folder's session.
void tst_MainWindow::watchesAndOverrides()
{
    WatchesView *watches = m_window->watches();
    QVERIFY(watches);
    watches->setExpressions({QStringLiteral("s.status()"), QStringLiteral("s.missing")});
    QTreeWidget *values = watches->list();
    QTRY_VERIFY_WITH_TIMEOUT(values->topLevelItem(0)->text(WatchesView::ValueColumn).contains(QStringLiteral("handled")),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        values->topLevelItem(1)->text(WatchesView::ValueColumn).startsWith(QStringLiteral("<error: AttributeError")), 20000);
    const QVariantMap saved = QSettings().value(QStringLiteral("watches")).toMap().value(m_window->currentFolder()).toMap();
    QCOMPARE(saved.value(QStringLiteral("expressions")).toStringList(), watches->expressions());

    console(QStringLiteral("import relive\n"
                           "@relive.override(NetworkService)\n"
                           "def status(self):\n"
                           "    return 'overridden: ' + relive.original()()\n"
                           "\n"
                           "s.status()\n"),
            QStringLiteral("'overridden: "));
    watches->evaluateNow();
    QTRY_VERIFY_WITH_TIMEOUT(values->topLevelItem(0)->text(WatchesView::ValueColumn).startsWith(QStringLiteral("'overridden: ")),
                             20000);
    auto *overrides = m_window->findChild<OverridesView *>();
    QVERIFY(overrides);
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 1, 20000);
    QVERIFY(overrides->list()->topLevelItem(0)->text(OverridesView::TargetColumn).endsWith(QStringLiteral("NetworkService.status")));
    overrides->list()->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(overrides->findChild<QPushButton *>(QStringLiteral("revertOverride")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 0, 20000);
    watches->evaluateNow();
    QTRY_VERIFY_WITH_TIMEOUT(!values->topLevelItem(0)->text(WatchesView::ValueColumn).contains(QStringLiteral("overridden")),
                             20000);

    // From the editor: the method at the cursor, unsaved, overrides the live one.
    QVERIFY(m_networking);
    m_window->editors()->tabWidget()->setCurrentWidget(m_networking);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral("handled so far\""),
                            QStringLiteral("handled so far (from the buffer)\"")));
    QTextCursor cursor = m_networking->document()->find(QStringLiteral("(from the buffer)"));
    m_networking->setTextCursor(cursor);
    QSignalSpy overridden(OverrideRegistry::instance(), &OverrideRegistry::sourceOverridden);
    m_window->findChild<QAction *>(QStringLiteral("overrideAction"))->trigger();
    QVERIFY(overridden.wait(20000));
    QVERIFY2(overridden.first().at(0).toBool(), qPrintable(overridden.first().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 1, 20000);
    console(QStringLiteral("s.status()\n"), QStringLiteral("handled so far (from the buffer)'"));
    QVERIFY(m_networking->document()->isModified());
    overrides->list()->topLevelItem(0)->setSelected(true);
    overrides->revertSelected();
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 0, 20000);
    QVERIFY(replaceInEditor(m_networking, QStringLiteral(" (from the buffer)"), QString()));
    watches->setExpressions({});
}

// Show Instances in the namespace view lists the live instances in the
// Inspector; a field edited there is what the program reads next.
void tst_MainWindow::inspectorEditsAnInstance()
{
    openExample();
    console(QStringLiteral("from applib.services import NetworkService\n"
                           "inspected = NetworkService('inspected')\n"
                           "inspected.name\n"),
            QStringLiteral("'inspected'"));
    InspectorView *inspector = m_window->inspector();
    QVERIFY(inspector);
    Q_EMIT m_window->namespaceView()->instancesRequested(QStringLiteral("applib.services.NetworkService"));
    InspectorModel *model = inspector->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->isVisible(), 20000);
    // The newest instance is listed last.
    const QModelIndex instance = model->index(model->rowCount() - 1, 0);
    inspector->tree()->expand(instance);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(instance) >= 2, 20000);
    QModelIndex name;
    for (int row = 0; row < model->rowCount(instance); ++row) {
        if (model->index(row, InspectorModel::NameColumn, instance).data().toString() == QStringLiteral("name"))
            name = model->index(row, InspectorModel::ValueColumn, instance);
    }
    QVERIFY(name.isValid());
    QCOMPARE(name.data().toString(), QStringLiteral("'inspected'"));
    QVERIFY(model->setData(name, QStringLiteral("'edited in the inspector'")));
    QTRY_COMPARE_WITH_TIMEOUT(name.data().toString(), QStringLiteral("'edited in the inspector'"), 20000);
    console(QStringLiteral("inspected.name * 2\n"), QStringLiteral("'edited in the inspectoredited in the inspector'"));
}

// Write to File puts the override's text, indented for the class body, in
// place of the method in the editor's buffer, unsaved.
void tst_MainWindow::overrideWrittenToFile()
{
    openExample();
    const QString path = QFileInfo(m_folder + QStringLiteral("/services/networking.py")).canonicalFilePath();
    QFile disk(path);
    QVERIFY(disk.open(QIODevice::ReadOnly));
    const QByteArray before = disk.readAll();
    disk.close();
    console(QStringLiteral("import relive\n"
                           "from applib.services import NetworkService\n"
                           "@relive.override(NetworkService)\n"
                           "def status(self):\n"
                           "    return 'written: ' + self.name\n"
                           "\n"
                           "NetworkService('w').status()\n"),
            QStringLiteral("'written: w'"));
    auto *overrides = m_window->findChild<OverridesView *>();
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 1, 20000);
    overrides->list()->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(overrides->findChild<QPushButton *>(QStringLiteral("writeOverride")), Qt::LeftButton);
    CodeEditor *editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((editor = m_window->editors()->editorFor(path)) != nullptr, 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(editor->toPlainText().contains(QStringLiteral("    def status(self):\n"
                                                                            "        return 'written: ' + self.name\n")),
                              qPrintable(editor->toPlainText()), 20000);
    QVERIFY(!editor->toPlainText().contains(QStringLiteral("relive.override")));
    QVERIFY(!editor->toPlainText().contains(QStringLiteral("messages handled")));
    QVERIFY(editor->document()->isModified());
    QVERIFY(disk.open(QIODevice::ReadOnly));
    QCOMPARE(disk.readAll(), before);
    disk.close();
    // Back to the file's text; the override goes too.
    editor->document()->undo();
    QCOMPARE(editor->toPlainText().toUtf8(), before);
    editor->document()->setModified(false);
    overrides->revertSelected();
    QTRY_COMPARE_WITH_TIMEOUT(overrides->list()->topLevelItemCount(), 0, 20000);
}

void tst_MainWindow::untitledBufferRunsInTheConsole()
{
    CodeEditor *editor = m_window->editors()->newUntitled();
    QVERIFY(editor->filePath().isEmpty());
    editor->insertPlainText(QStringLiteral("untitled_answer = 6 * 7\nprint('answer', untitled_answer)\n"));
    QAction *run = m_window->findChild<QAction *>(QStringLiteral("runFileAction"));
    QTRY_VERIFY(run->isEnabled());
    run->trigger();
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Untitled"), QStringLiteral("answer 42")}),
                 qPrintable(m_window->console()->outputView()->toPlainText().right(300)));
    // It ran as __main__: what it defined is at hand in the console.
    console(QStringLiteral("untitled_answer + 1"), QStringLiteral("43"));
    editor->document()->setModified(false);
    QVERIFY(m_window->editors()->closeEditor(editor));
}

void tst_MainWindow::statusBarSaysWhatRuns()
{
    QTRY_COMPARE(m_window->engineStatus(), QStringLiteral("Python ready"));
    // A console command that does not end.
    m_window->console()->submitLines(QStringLiteral("while True: pass"));
    QTRY_COMPARE(m_window->engineStatus(), QStringLiteral("Running…"));
    m_window->console()->interrupt();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->runtime()->isConsoleBusy(), 20000);
    QTRY_COMPARE(m_window->engineStatus(), QStringLiteral("Python ready"));

    // A program, paused at a breakpoint, then let go.
    QTemporaryDir scripts;
    const QString path = scripts.filePath(QStringLiteral("pausing.py"));
    // The breakpoint's line runs once, so a resume can never meet it again.
    QVERIFY(writeFile(path, "import time\nn = 0\nfor i in range(400):\n    time.sleep(0.01)\n"));
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    Debugger *debugger = m_window->debugController()->debugger();
    const int breakpoint = debugger->addBreakpoint(path, 2);
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->engineStatus(), QStringLiteral("Paused at pausing.py:2"), 20000);
    debugger->removeBreakpoint(breakpoint);
    QVERIFY(debugger->resume(Debugger::Action::Continue));
    QTRY_COMPARE(m_window->engineStatus(), QStringLiteral("Running pausing.py…"));
    QVERIFY(!m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Paused")));
    m_window->findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QTRY_COMPARE(m_window->engineStatus(), QStringLiteral("Python ready"));
    m_window->editors()->closeEditor(editor);
}

// Opened without a name, a folder holding a package is a project: the package is
// imported under its own name, as Python would, and a save updates it in place.
void tst_MainWindow::projectFolderOpensItsPackages()
{
    const QString project = m_dir.filePath(QStringLiteral("shopproject"));
    QVERIFY(writeFile(project + QStringLiteral("/pyproject.toml"), "[project]\nname = \"shopwin\"\n"));
    QVERIFY(writeFile(project + QStringLiteral("/shopwin/__init__.py"), "from .prices import price\n"));
    QVERIFY(writeFile(project + QStringLiteral("/shopwin/prices.py"), "def price():\n    return 10\n"));
    QString error;
    QVERIFY2(m_window->openFolder(project, QString(), &error, false), qPrintable(error));
    QVERIFY(m_window->codeManager()->namespaces().contains(QStringLiteral("shopwin")));
    console(QStringLiteral("import shopwin\nshopwin.price()\n"), QStringLiteral("10"));

    CodeEditor *editor = m_window->editors()->openFile(project + QStringLiteral("/shopwin/prices.py"));
    QVERIFY(editor);
    QVERIFY(replaceInEditor(editor, QStringLiteral("return 10"), QStringLiteral("return 12")));
    const ReloadReport report = saveAndWaitForReload(editor);
    QVERIFY2(report.ok(), qPrintable(report.error + report.traceback));
    console(QStringLiteral("shopwin.price()\n"), QStringLiteral("12"));
}

// A project's .venv made for Relive's Python: its packages import in the
// console and the status bar names it; a venv for another Python is not used,
// and the console says why, naming both versions; None takes it back.
void tst_MainWindow::projectVenvIsUsed()
{
    const QString version = pythonVersion();
    const QString project = m_dir.filePath(QStringLiteral("venvproject"));
    const QString site = project + QStringLiteral("/.venv/lib/python%1/site-packages").arg(version.section(QLatin1Char('.'), 0, 1));
    QVERIFY(writeFile(project + QStringLiteral("/pyproject.toml"), "[project]\nname = \"venvapp\"\n"));
    QVERIFY(writeFile(project + QStringLiteral("/venvapp/__init__.py"), "import venv_dep\n"));
    QVERIFY(writeFile(project + QStringLiteral("/.venv/pyvenv.cfg"), "home = /usr/bin\nversion = " + version.toUtf8() + "\n"));
    QVERIFY(writeFile(site + QStringLiteral("/venv_dep.py"), "NAME = 'from the venv'\n"));
    QString error;
    QVERIFY2(m_window->openFolder(project, QString(), &error, false), qPrintable(error));
    auto *status = m_window->findChild<QToolButton *>(QStringLiteral("interpreterStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(version) && status->text().contains(QStringLiteral(".venv")), qPrintable(status->text()));
    console(QStringLiteral("import venvapp, venv_dep\nvenv_dep.NAME\n"), QStringLiteral("'from the venv'"));

    const QString other = m_dir.filePath(QStringLiteral("oldvenvproject"));
    QVERIFY(writeFile(other + QStringLiteral("/oldapp/__init__.py"), "X = 1\n"));
    QVERIFY(writeFile(other + QStringLiteral("/pyproject.toml"), "[project]\nname = \"oldapp\"\n"));
    QVERIFY(writeFile(other + QStringLiteral("/venv/pyvenv.cfg"), "version = 3.2.1\n"));
    QVERIFY2(m_window->openFolder(other, QString(), &error, false), qPrintable(error));
    QTRY_VERIFY2(m_window->console()->outputText().contains(QStringLiteral("is for Python 3.2.1, but Relive runs Python %1").arg(version)),
                 qPrintable(m_window->console()->outputText()));
    QVERIFY2(status->toolTip().contains(QStringLiteral("3.2.1")), qPrintable(status->toolTip()));

    m_window->findChild<EnvironmentController *>()->choose(EnvironmentController::noneChoice());
    console(QStringLiteral("import os\nprint(repr(os.environ.get('VIRTUAL_ENV')))\n"), QStringLiteral("None"));
    m_window->findChild<EnvironmentController *>()->choose(EnvironmentController::automaticChoice());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
