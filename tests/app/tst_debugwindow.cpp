#include "BreakpointsPanel.h"
#include "CallStackPanel.h"
#include "CodeEditor.h"
#include "CodeManager.h"
#include "ConsoleWidget.h"
#include "DebugController.h"
#include "Debugger.h"
#include "EditorTabs.h"
#include "InspectorModel.h"
#include "InspectorView.h"
#include "LineNumberArea.h"
#include "MainWindow.h"
#include "ProgramExit.h"
#include "PythonRuntime.h"
#include "ReloadReport.h"
#include "VariablesPanel.h"

#include <QAction>
#include <QApplication>
#include <QScopeGuard>
#include <QDir>
#include <QFile>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>
#include <QTreeWidget>

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

int lineOf(CodeEditor *editor, const QString &text)
{
    const QTextCursor found = editor->document()->find(text);
    return found.isNull() ? 0 : found.blockNumber() + 1;
}

QTreeWidgetItem *childNamed(QTreeWidget *view, QTreeWidgetItem *parent, const QString &name)
{
    const int count = parent ? parent->childCount() : view->topLevelItemCount();
    for (int i = 0; i < count; ++i) {
        QTreeWidgetItem *item = parent ? parent->child(i) : view->topLevelItem(i);
        if (item->text(0) == name)
            return item;
    }
    return nullptr;
}

} // namespace

// The debugger through the real main window, on a copy of the bundled example:
// a breakpoint set in the margin pauses the running loop, the panels show the
// paused frame, and an edited method runs on Restart Frame with the program's
// state intact.
class tst_DebugWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pauseEditSaveRestartFrame();
    void breakpointsFollowEditsAndSession();
    void exceptionPauseOffersRetryAfterSave();
    void consoleExceptionPrintsTraceback();
    void runFileTakesTheConsoleAndOneStopStopsIt();
    void restartInterpreterKeepsBreakpoints();
    void ctrlCStopsAPausedProgramOnce();

private:
    void openExample();
    CodeEditor *openNetworking();
    ReloadReport saveAndWaitForReload(CodeEditor *editor);
    void stopProgram();

    QTemporaryDir m_dir;
    QString m_folder;
    MainWindow *m_window = nullptr;
};

void tst_DebugWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_debugwindow"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_folder = m_dir.filePath(QStringLiteral("server"));
    QVERIFY(copyTree(QStringLiteral(RELIVE_EXAMPLES "/server"), m_folder));
    // A function that raises, for the exception pause.
    QFile ratios(m_folder + QStringLiteral("/services/ratios.py"));
    QVERIFY(ratios.open(QIODevice::WriteOnly));
    ratios.write("def ratio(a, b):\n    return a / b\n");
    ratios.close();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QString error;
    QVERIFY2(m_window->startEngine(&error), qPrintable(error));
}

void tst_DebugWindow::cleanupTestCase()
{
    if (m_window) {
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        delete m_window;
    }
}

void tst_DebugWindow::openExample()
{
    if (!m_window->currentFolder().isEmpty())
        return;
    QString error;
    QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("applib"), &error, false), qPrintable(error));
}

CodeEditor *tst_DebugWindow::openNetworking()
{
    return m_window->editors()->openFile(m_folder + QStringLiteral("/services/networking.py"));
}

ReloadReport tst_DebugWindow::saveAndWaitForReload(CodeEditor *editor)
{
    QSignalSpy reloaded(m_window->codeManager(), &CodeManager::reloaded);
    if (!m_window->editors()->save(editor))
        return {};
    if (!reloaded.wait(20000) && reloaded.isEmpty())
        return {};
    return reloaded.first().first().value<ReloadReport>();
}

void tst_DebugWindow::stopProgram()
{
    if (!m_window->runtime()->isProgramRunning())
        return;
    QSignalSpy finished(m_window->runtime(), &PythonRuntime::programFinished);
    m_window->findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
    QVERIFY(finished.wait(20000) || !finished.isEmpty());
}

void tst_DebugWindow::pauseEditSaveRestartFrame()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    Debugger *debugger = debug->debugger();
    QVERIFY(debugger);
    ConsoleWidget *console = m_window->console();
    console->clear();

    // The example's loop runs and counts.
    QSignalSpy started(m_window->runtime(), &PythonRuntime::programStarted);
    m_window->findChild<QAction *>(QStringLiteral("runAction"))->trigger();
    QVERIFY(started.wait(20000) || !started.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("[echo #2]")), 20000);

    // A click in the margin beside `self.handled += 1` sets a breakpoint.
    CodeEditor *editor = openNetworking();
    QVERIFY(editor);
    const int line = lineOf(editor, QStringLiteral("self.handled += 1"));
    QVERIFY(line > 0);
    auto *margin = editor->findChild<LineNumberArea *>();
    QVERIFY(margin);
    const QRect rect = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(line - 1)));
    QTest::mouseClick(margin, Qt::LeftButton, {}, QPoint(margin->width() / 2, rect.center().y()));
    QTRY_COMPARE(debugger->breakpoints().size(), 1);
    QCOMPARE(debugger->breakpoints().first().line, line);
    QVERIFY(debugger->isEnabled());
    QVERIFY(editor->breakpointMarkAt(line));
    QCOMPARE(debug->breakpointsPanel()->view()->topLevelItemCount(), 1);
    QVERIFY(debug->breakpointsPanel()->view()->topLevelItem(0)->text(0).endsWith(
        QStringLiteral("networking.py:%1").arg(line)));

    // The loop pauses there: the line is marked, the panels show the frame.
    QTRY_VERIFY_WITH_TIMEOUT(debug->isPaused(), 20000);
    QCOMPARE(m_window->editors()->currentEditor(), editor);
    QCOMPARE(editor->executionLine(), line);
    QTreeWidget *stack = debug->callStackPanel()->view();
    QVERIFY(stack->topLevelItemCount() >= 2);
    QCOMPARE(stack->topLevelItem(0)->text(0), QStringLiteral("NetworkService.handle"));
    QCOMPARE(stack->topLevelItem(1)->text(0), QStringLiteral("run"));
    QVERIFY(debug->action(QStringLiteral("restartFrameAction"))->isEnabled());
    QVERIFY(debug->action(QStringLiteral("stepOverAction"))->isEnabled());
    // F5 is Continue while paused.
    QCOMPARE(debug->action(QStringLiteral("continueAction"))->shortcut(), QKeySequence(Qt::Key_F5));

    QTreeWidget *variables = debug->variablesPanel()->view();
    QTRY_VERIFY_WITH_TIMEOUT(childNamed(variables, nullptr, QStringLiteral("message")), 20000);
    QVERIFY2(childNamed(variables, nullptr, QStringLiteral("message"))->text(1).contains(QStringLiteral("ping 3")),
             qPrintable(childNamed(variables, nullptr, QStringLiteral("message"))->text(1)));
    QTreeWidgetItem *self = childNamed(variables, nullptr, QStringLiteral("self"));
    QVERIFY(self);
    QVERIFY(childNamed(variables, nullptr, QStringLiteral("Globals")));
    variables->expandItem(self);
    QTRY_VERIFY_WITH_TIMEOUT(childNamed(variables, self, QStringLiteral("handled")), 20000);
    QCOMPARE(childNamed(variables, self, QStringLiteral("handled"))->text(1), QStringLiteral("2"));

    // "Open in Inspector" on `self` opens the live NetworkService there and raises the panel.
    QVERIFY(!debug->variablesPanel()->menuFor(childNamed(variables, nullptr, QStringLiteral("Globals"))));
    auto *inspector = m_window->findChild<InspectorView *>();
    QVERIFY(inspector);
    InspectorModel *inspected = inspector->model();
    inspected->clear();
    const QString consoleBefore = console->outputText();
    {
        std::unique_ptr<QMenu> menu(debug->variablesPanel()->menuFor(self));
        QVERIFY(menu);
        auto *open = menu->findChild<QAction *>(QStringLiteral("openInInspectorAction"));
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("Open in Inspector"));
        open->trigger();
    }
    QTRY_COMPARE_WITH_TIMEOUT(inspected->rowCount(), 1, 20000);
    const QModelIndex opened = inspected->index(0, 0);
    QCOMPARE(inspected->index(0, InspectorModel::TypeColumn).data().toString(),
             QStringLiteral("applib.services.networking.NetworkService"));
    QTRY_VERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->isVisible()
                && !inspector->visibleRegion().isEmpty());
    auto attribute = [inspected, opened](const QString &name) {
        for (int i = 0; i < inspected->rowCount(opened); ++i) {
            if (inspected->index(i, InspectorModel::NameColumn, opened).data().toString() == name)
                return inspected->index(i, InspectorModel::ValueColumn, opened).data().toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(attribute(QStringLiteral("handled")), QStringLiteral("2"), 20000);
    QCOMPARE(attribute(QStringLiteral("name")), QStringLiteral("'echo'"));
    // Its answer is the Inspector's: the console shows no "None".
    QCOMPARE(console->outputText(), consoleBefore);

    // Long scopes come in pages: a "more…" row fetches the next one.
    debug->variablesPanel()->setPageSize(1);
    debug->selectFrame(0);
    auto moreRow = [variables]() -> QTreeWidgetItem * {
        for (int i = 0; i < variables->topLevelItemCount(); ++i) {
            if (variables->topLevelItem(i)->text(0).startsWith(QStringLiteral("more")))
                return variables->topLevelItem(i);
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(moreRow(), 20000);
    QVERIFY2(moreRow()->text(0).contains(QStringLiteral("1 of 2")), qPrintable(moreRow()->text(0)));
    debug->variablesPanel()->fetchMore(moreRow());
    QTRY_VERIFY_WITH_TIMEOUT(childNamed(variables, nullptr, QStringLiteral("message"))
                                 && childNamed(variables, nullptr, QStringLiteral("self")), 20000);
    QVERIFY(!moreRow());
    debug->variablesPanel()->setPageSize(100);

    // The console evaluates in the paused frame.
    QCOMPARE(console->promptText(), QStringLiteral("(handle) >>>"));
    console->submitLine(QStringLiteral("self.handled * 10"));
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("\n20\n")), 20000);

    // Selecting the caller moves the editor and the variables to it.
    debug->callStackPanel()->setCurrentFrame(1);
    QCOMPARE(debug->selectedFrame(), 1);
    QVERIFY(m_window->editors()->currentEditor()->filePath().endsWith(QStringLiteral("main.py")));
    QTRY_VERIFY_WITH_TIMEOUT(childNamed(variables, nullptr, QStringLiteral("n")), 20000);
    QCOMPARE(childNamed(variables, nullptr, QStringLiteral("n"))->text(1), QStringLiteral("3"));
    debug->callStackPanel()->setCurrentFrame(0);
    QCOMPARE(m_window->editors()->currentEditor(), editor);

    // Edit the paused method and save: the reload applies while it waits.
    QTextCursor found = editor->document()->find(QStringLiteral("return f\"[{self.name} #{self.handled}] {message}\""));
    QVERIFY(!found.isNull());
    found.insertText(QStringLiteral("return f\"<edited {self.name} #{self.handled}> {message}\""));
    QVERIFY(saveAndWaitForReload(editor).ok());
    // The breakpoint goes (a click on its dot), then the frame restarts.
    QTest::mouseClick(margin, Qt::LeftButton, {}, QPoint(margin->width() / 2, rect.center().y()));
    QTRY_VERIFY(debugger->breakpoints().isEmpty());
    QVERIFY(!editor->breakpointMarkAt(line));
    debug->action(QStringLiteral("restartFrameAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!debug->isPaused(), 20000);
    QCOMPARE(editor->executionLine(), 0);
    QCOMPARE(console->promptText(), QStringLiteral(">>>"));
    QCOMPARE(debug->action(QStringLiteral("continueAction"))->shortcut(), QKeySequence());
    // The restarted call runs the new code; the counter went on from 2.
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("<edited echo #3> alice says 'ping 3'")),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("<edited echo #4> alice says 'ping 4'")),
                             20000);
    QVERIFY(!console->outputText().contains(QStringLiteral("<edited echo #1>")));
    stopProgram();
}

void tst_DebugWindow::breakpointsFollowEditsAndSession()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    Debugger *debugger = debug->debugger();
    CodeEditor *editor = openNetworking();
    QVERIFY(editor);
    // The blank line above `def status`.
    const int line = lineOf(editor, QStringLiteral("def status")) - 1;
    editor->goToLine(line);
    debug->action(QStringLiteral("toggleBreakpointAction"))->trigger();  // F9
    QTRY_COMPARE(debugger->breakpoints().size(), 1);
    const int id = debugger->breakpoints().first().id;
    // A line without code: the engine moves it to the next statement.
    QTRY_COMPARE(editor->breakpointMarkLine(id), line + 1);
    QTRY_COMPARE(debugger->breakpoints().first().line, line + 1);

    // Lines typed above move the dot with its statement, before and after saving.
    QTextCursor top(editor->document()->findBlockByNumber(0));
    top.insertText(QStringLiteral("# one\n# two\n"));
    QCOMPARE(editor->breakpointMarkLine(id), line + 3);
    QVERIFY(saveAndWaitForReload(editor).ok());
    QTRY_COMPARE(debugger->breakpoints().first().line, line + 3);
    QCOMPARE(editor->breakpointMarkLine(id), line + 3);

    debug->setBreakpointCondition(id, QStringLiteral("self.handled > 100"), 0);
    QTRY_COMPARE(debugger->breakpoints().first().condition, QStringLiteral("self.handled > 100"));
    QCOMPARE(debug->breakpointsPanel()->view()->topLevelItem(0)->text(1), QStringLiteral("self.handled > 100"));

    // Saved with the folder's session and restored when it is opened again.
    debugger->clearBreakpoints();
    QTRY_COMPARE(editor->breakpointMarks().size(), 0);
    debugger->addBreakpoint(editor->filePath(), line + 4, QStringLiteral("True"), 3);
    QTRY_COMPARE(debug->breakpointsPanel()->view()->topLevelItemCount(), 1);
    debug->openSession(m_window->currentFolder());
    QTRY_COMPARE(debugger->breakpoints().size(), 1);
    const Breakpoint restored = debugger->breakpoints().first();
    QCOMPARE(restored.line, line + 4);
    QCOMPARE(restored.condition, QStringLiteral("True"));
    QCOMPARE(restored.hitTarget, 3);
    QTRY_VERIFY(editor->breakpointMarkAt(line + 4));

    debugger->clearBreakpoints();
    QTextCursor undo(editor->document()->findBlockByNumber(0));
    undo.movePosition(QTextCursor::Down, QTextCursor::KeepAnchor, 2);
    undo.removeSelectedText();
    QVERIFY(saveAndWaitForReload(editor).ok());
}

void tst_DebugWindow::exceptionPauseOffersRetryAfterSave()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    QCOMPARE(debug->debugger()->exceptionMode(), Debugger::ExceptionMode::Uncaught);
    // Pausing on a console command's exception is the user's choice.
    QAction *inConsole = debug->action(QStringLiteral("exceptionsInConsoleAction"));
    QVERIFY(inConsole && !inConsole->isChecked());
    inConsole->setChecked(true);
    const auto uncheck = qScopeGuard([inConsole] { inConsole->setChecked(false); });
    ConsoleWidget *console = m_window->console();
    console->clear();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    console->submitLine(QStringLiteral("from applib.services import ratio; ratio(1, 0)"));
    QTRY_VERIFY_WITH_TIMEOUT(debug->isPaused(), 20000);
    // The console evaluates in the paused frame: the keys go there, not into
    // the file opened at the pause.
    QTRY_COMPARE(QApplication::focusWidget(), console->inputLine());
    QVERIFY(debug->currentPause().exception.contains(QStringLiteral("ZeroDivisionError")));
    QVERIFY(debug->callStackPanel()->statusLabel()->text().contains(QStringLiteral("ZeroDivisionError")));
    CodeEditor *editor = m_window->editors()->currentEditor();
    QVERIFY(editor && editor->filePath().endsWith(QStringLiteral("ratios.py")));
    QCOMPARE(editor->executionLine(), 2);

    // The console line that called it is no function: it cannot restart, and says why.
    QAction *restart = debug->action(QStringLiteral("restartFrameAction"));
    QVERIFY(restart->isEnabled());
    QVERIFY(debug->currentPause().frames.size() >= 2);
    const QString refusal = debug->currentPause().frames.at(1).restartRefusal;
    QVERIFY(!refusal.isEmpty());
    debug->callStackPanel()->setCurrentFrame(1);
    QVERIFY(!restart->isEnabled());
    QVERIFY2(restart->toolTip().contains(refusal), qPrintable(restart->toolTip()));
    debug->callStackPanel()->setCurrentFrame(0);
    QVERIFY(restart->isEnabled());

    QAction *retry = debug->action(QStringLiteral("retryAction"));
    QVERIFY(retry->isVisible());
    QVERIFY(!retry->isEnabled());
    QVERIFY(retry->toolTip().contains(QStringLiteral("save")));
    QTextCursor found = editor->document()->find(QStringLiteral("return a / b"));
    found.insertText(QStringLiteral("return a / b if b else float('inf')"));
    QVERIFY(!retry->isEnabled());  // unsaved
    QVERIFY(saveAndWaitForReload(editor).ok());
    QTRY_VERIFY(retry->isEnabled());
    retry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!debug->isPaused(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("inf")), 20000);
    QVERIFY(!console->outputText().contains(QStringLiteral("Traceback")));
    QTRY_VERIFY_WITH_TIMEOUT(!console->isWaiting(), 20000);

    // An error in the typed line itself is not a pause: its traceback prints.
    console->clear();
    console->submitLine(QStringLiteral("undefined_name_here"));
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("NameError")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!console->isWaiting(), 20000);
    QVERIFY(!debug->isPaused());
    QCOMPARE(console->promptText(), QStringLiteral(">>>"));
}

void tst_DebugWindow::consoleExceptionPrintsTraceback()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    QCOMPARE(debug->debugger()->exceptionMode(), Debugger::ExceptionMode::Uncaught);
    QVERIFY(!debug->action(QStringLiteral("exceptionsInConsoleAction"))->isChecked());
    // A module of its own: the other tests edit ratios.py.
    QFile module(m_folder + QStringLiteral("/services/inverse.py"));
    QVERIFY(module.open(QIODevice::WriteOnly));
    module.write("def inverse(x):\n    return 1 / x\n");
    module.close();
    ConsoleWidget *console = m_window->console();
    console->clear();
    console->submitLine(QStringLiteral("from applib.services.inverse import inverse; inverse(0)"));
    QTRY_VERIFY2_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("ZeroDivisionError")),
                              qPrintable(console->outputText()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!console->isWaiting(), 20000);
    QVERIFY(!debug->isPaused());
    const QString output = console->outputText();
    QVERIFY2(output.contains(QStringLiteral("Traceback (most recent call last)")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("inverse.py\", line 2")), qPrintable(output));
    QCOMPARE(console->promptText(), QStringLiteral(">>>"));
}

void tst_DebugWindow::runFileTakesTheConsoleAndOneStopStopsIt()
{
    openExample();
    m_window->debugController()->debugger()->clearBreakpoints();
    const QString path = m_dir.filePath(QStringLiteral("ticker.py"));
    QFile script(path);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("import time\nfrom_script = 'kept'\nwhile True:\n    print('tick', flush=True)\n    time.sleep(0.05)\n");
    script.close();
    CodeEditor *editor = m_window->editors()->openFile(path);
    QVERIFY(editor);
    const QString source = editor->toPlainText();
    // Another bottom tab in front, the keys in the editor: F5.
    auto *consoleDock = m_window->findChild<QDockWidget *>(QStringLiteral("consoleDock"));
    QVERIFY(consoleDock);
    const QList<QDockWidget *> tabbed = m_window->tabifiedDockWidgets(consoleDock);
    QVERIFY(!tabbed.isEmpty());
    tabbed.first()->raise();
    QTRY_VERIFY(consoleDock->widget()->visibleRegion().isEmpty());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    editor->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), editor);
    ConsoleWidget *console = m_window->console();
    console->clear();
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("tick\n")), 20000);
    QVERIFY(!consoleDock->widget()->visibleRegion().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), console->inputLine());
    // Keys typed now are the console's, never the file's.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("zz"));
    QCOMPARE(editor->toPlainText(), source);
    console->inputLine()->clear();

    // Run ▸ Stop is the console's Stop: it stops the program and says so.
    QAction *stop = m_window->findChild<QAction *>(QStringLiteral("stopAction"));
    QTRY_VERIFY(stop->isEnabled());
    stop->trigger();
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QCOMPARE(int(ended.first().at(1).value<ProgramExit>().reason), int(ProgramExit::Reason::Stopped));
    QTRY_VERIFY(console->outputText().contains(QStringLiteral("Stopping the program")));
    QTRY_VERIFY(console->outputText().contains(QStringLiteral("ticker.py stopped by you")));
    // The script's globals stay in the console, and it says so.
    QTRY_VERIFY(console->outputText().contains(QStringLiteral("The globals of ticker.py are now in the console")));
    QSignalSpy ready(console, &ConsoleWidget::inputReady);
    console->submitLine(QStringLiteral("print(from_script * 2)"));
    QVERIFY(ready.wait(20000));
    QTRY_VERIFY(console->outputText().contains(QStringLiteral("keptkept\n")));
    QTRY_VERIFY(!stop->isEnabled());
}

void tst_DebugWindow::restartInterpreterKeepsBreakpoints()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    const QString networking = m_folder + QStringLiteral("/services/networking.py");
    debug->toggleBreakpoint(networking, 3);
    QTRY_COMPARE(debug->debugger()->breakpoints().size(), 1);
    ConsoleWidget *console = m_window->console();
    QSignalSpy ready(console, &ConsoleWidget::inputReady);
    console->submitLine(QStringLiteral("before_restart = 1"));
    QVERIFY(ready.wait(20000));
    QAction *restart = m_window->findChild<QAction *>(QStringLiteral("restartInterpreterAction"));
    QVERIFY(restart);
    restart->trigger();
    QTRY_VERIFY(console->outputText().contains(QStringLiteral("Interpreter restarted")));
    QTRY_VERIFY_WITH_TIMEOUT(!console->isWaiting() && !m_window->runtime()->isConsoleBusy(), 20000);
    console->submitLine(QStringLiteral("print('before_restart' in globals())"));
    QTRY_VERIFY_WITH_TIMEOUT(console->outputText().contains(QStringLiteral("\nFalse\n")), 20000);
    QCOMPARE(debug->debugger()->breakpoints().size(), 1);
    debug->debugger()->clearBreakpoints();
}

void tst_DebugWindow::ctrlCStopsAPausedProgramOnce()
{
    openExample();
    DebugController *debug = m_window->debugController();
    debug->debugger()->clearBreakpoints();
    const QString path = m_folder + QStringLiteral("/paused.py");
    QFile script(path);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("import time\nfor i in range(100):\n    time.sleep(0.01)\n    print('step', i)\n");
    script.close();
    QVERIFY(m_window->editors()->openFile(path));
    debug->toggleBreakpoint(path, 4);
    QTRY_VERIFY_WITH_TIMEOUT(debug->debugger()->breakpoints().size() == 1
                                 && debug->debugger()->breakpoints().first().verified, 20000);
    QTRY_VERIFY(debug->debugger()->isEnabled());
    ConsoleWidget *console = m_window->console();
    console->clear();
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    QTRY_VERIFY2_WITH_TIMEOUT(debug->isPaused(), qPrintable(console->outputText()), 20000);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(console->inputLine()));
    QTest::keyClick(console->inputLine(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(ended.wait(20000) || !ended.isEmpty());
    QCOMPARE(int(ended.first().at(1).value<ProgramExit>().reason), int(ProgramExit::Reason::Stopped));
    QTRY_VERIFY(!debug->isPaused());
    // Stopped once: no second KeyboardInterrupt after the program's end.
    QTest::qWait(300);
    const QString output = console->outputText();
    QVERIFY2(!output.contains(QStringLiteral("Exception in thread")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("paused.py stopped by you")), qPrintable(output));
    debug->debugger()->clearBreakpoints();
}

QTEST_MAIN(tst_DebugWindow)
#include "tst_debugwindow.moc"
