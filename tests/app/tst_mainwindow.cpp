#include "CodeEditor.h"
#include "CodeManager.h"
#include "ConsoleWidget.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "NamespaceModel.h"
#include "NamespaceView.h"
#include "PythonRuntime.h"
#include "Overrides.h"
#include "OverridesView.h"
#include "ReloadLogView.h"
#include "WatchesView.h"

#include <QAction>
#include <QPushButton>
#include <QSettings>
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
    void watchesAndOverrides();

private:
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
    QSignalSpy counted(m_window->codeManager(), &CodeManager::instanceCount);
    Q_EMIT view->instanceCountRequested(name);
    QVERIFY(counted.wait(20000) || !counted.isEmpty());
    // `s` from the console, and the service the program made.
    QVERIFY(counted.first().at(1).toInt() >= 1);
    const QModelIndex cell = view->namespaceModel()->indexOf(name).siblingAtColumn(NamespaceModel::InstancesColumn);
    QCOMPARE(cell.data().toInt(), counted.first().at(1).toInt());
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
