#include "BreakpointsPanel.h"
#include "CallStackPanel.h"
#include "CodeEditor.h"
#include "ConsoleWidget.h"
#include "LineNumberArea.h"
#include "PythonRuntime.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

// The debugger's widgets on plain values: the editor's breakpoint margin, the
// Breakpoints and Call Stack panels.
class tst_DebugPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void marksFollowEdits_data();
    void marksFollowEdits();
    void marginClickAsksForToggle();
    void executionLineFollowsEdits();
    void breakpointsPanelListsAndRemoves();
    void callStackMarksLibraryFrames();
    void callStackShowsException();
    void consoleEvaluatesInFrame();
};

void tst_DebugPanels::initTestCase()
{
    // The console keeps its history in QSettings: not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_debugpanels"));
}

void tst_DebugPanels::marksFollowEdits_data()
{
    QTest::addColumn<int>("editLine");   // where text is inserted (1-based, at the line's start)
    QTest::addColumn<QString>("inserted");
    QTest::addColumn<int>("expected");   // the mark's line afterwards (it was on line 3)
    QTest::newRow("two lines above") << 1 << "x = 0\ny = 1\n" << 5;
    QTest::newRow("new line at its start") << 3 << "\n" << 4;
    QTest::newRow("below") << 4 << "z = 2\n" << 3;
    QTest::newRow("same line, no newline") << 3 << "    " << 3;
}

void tst_DebugPanels::marksFollowEdits()
{
    QFETCH(int, editLine);
    QFETCH(QString, inserted);
    QFETCH(int, expected);
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("def f():\n    a = 1\n    return a\nf()\n"));
    editor.setBreakpointMark(7, 3);
    QCOMPARE(editor.breakpointMarkAt(3), 7);
    QTextCursor cursor(editor.document()->findBlockByNumber(editLine - 1));
    cursor.insertText(inserted);
    QCOMPARE(editor.breakpointMarkLine(7), expected);
    QCOMPARE(editor.breakpointMarkAt(expected), 7);
    editor.removeBreakpointMark(7);
    QVERIFY(editor.breakpointMarks().isEmpty());
    QCOMPARE(editor.breakpointMarkLine(7), 0);
}

void tst_DebugPanels::marginClickAsksForToggle()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a = 1\nb = 2\nc = 3\n"));
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *margin = editor.findChild<LineNumberArea *>();
    QVERIFY(margin);
    QSignalSpy clicked(&editor, &CodeEditor::marginClicked);
    const QRect line2 = editor.cursorRect(QTextCursor(editor.document()->findBlockByNumber(1)));
    QTest::mouseClick(margin, Qt::LeftButton, {}, QPoint(margin->width() / 2, line2.center().y()));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toInt(), 2);
}

void tst_DebugPanels::executionLineFollowsEdits()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a = 1\nb = 2\nc = 3\n"));
    QCOMPARE(editor.executionLine(), 0);
    editor.setExecutionLine(2);
    QCOMPARE(editor.executionLine(), 2);
    QTextCursor(editor.document()->findBlockByNumber(0)).insertText(QStringLiteral("# note\n"));
    QCOMPARE(editor.executionLine(), 3);
    editor.setExecutionLine(0);
    QCOMPARE(editor.executionLine(), 0);
}

void tst_DebugPanels::breakpointsPanelListsAndRemoves()
{
    BreakpointsPanel panel;
    panel.setBaseFolder(QStringLiteral("/project"));
    Breakpoint inside;
    inside.id = 4;
    inside.file = QStringLiteral("/project/services/net.py");
    inside.line = 11;
    inside.condition = QStringLiteral("n > 2");
    inside.hits = 3;
    Breakpoint outside;
    outside.id = 5;
    outside.file = QStringLiteral("/elsewhere/tool.py");
    outside.line = 2;
    outside.hitTarget = 4;
    Breakpoint temporary;
    temporary.id = 6;
    temporary.file = inside.file;
    temporary.line = 12;
    temporary.temporary = true;
    panel.setBreakpoints({inside, outside, temporary});
    QTreeWidget *view = panel.view();
    QCOMPARE(view->topLevelItemCount(), 2);  // run-to-cursor's breakpoint is not listed
    QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("services/net.py:11"));
    QCOMPARE(view->topLevelItem(0)->text(1), QStringLiteral("n > 2"));
    QCOMPARE(view->topLevelItem(0)->text(2), QStringLiteral("3"));
    QCOMPARE(view->topLevelItem(1)->text(0), QStringLiteral("tool.py:2"));
    QVERIFY(view->topLevelItem(1)->text(1).contains(QLatin1Char('4')));

    QSignalSpy activated(&panel, &BreakpointsPanel::locationActivated);
    Q_EMIT view->itemActivated(view->topLevelItem(0), 0);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toString(), inside.file);
    QCOMPARE(activated.first().at(1).toInt(), 11);

    QSignalSpy removed(&panel, &BreakpointsPanel::removeRequested);
    view->setCurrentItem(view->topLevelItem(1));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toInt(), 5);
}

void tst_DebugPanels::callStackMarksLibraryFrames()
{
    CallStackPanel panel;
    DebugPause pause;
    pause.threadId = 42;
    pause.threadName = QStringLiteral("program");
    pause.frames = {{QStringLiteral("/p/services/net.py"), 11, QStringLiteral("NetworkService.handle"), false, {}},
                    {QStringLiteral("/usr/lib/python3.11/threading.py"), 975, QStringLiteral("Thread.run"), true,
                     QStringLiteral("library code")},
                    {QStringLiteral("/p/main.py"), 22, QStringLiteral("run"), false, {}}};
    QSignalSpy selected(&panel, &CallStackPanel::frameSelected);
    panel.setPause(pause);
    QTreeWidget *view = panel.view();
    QCOMPARE(view->topLevelItemCount(), 3);
    QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("NetworkService.handle"));
    QCOMPARE(view->topLevelItem(0)->text(1), QStringLiteral("net.py:11"));
    QCOMPARE(panel.currentFrame(), 0);
    QVERIFY(selected.isEmpty());  // showing a pause is not the user's choice
    QVERIFY(view->topLevelItem(1)->foreground(0) != view->topLevelItem(0)->foreground(0));
    QVERIFY(!view->topLevelItem(1)->toolTip(0).isEmpty());
    panel.setCurrentFrame(2);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toInt(), 2);
    panel.clear();
    QCOMPARE(view->topLevelItemCount(), 0);
    QCOMPARE(panel.currentFrame(), -1);
}

void tst_DebugPanels::callStackShowsException()
{
    CallStackPanel panel;
    DebugPause pause;
    pause.threadId = 1;
    pause.reason = DebugPause::Reason::Exception;
    pause.exception = QStringLiteral("ZeroDivisionError: division by zero");
    pause.frames = {{QStringLiteral("/p/r.py"), 2, QStringLiteral("ratio"), false, {}}};
    panel.setPause(pause);
    QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("ZeroDivisionError: division by zero")));
    pause.reason = DebugPause::Reason::Breakpoint;
    panel.setPause(pause);
    QVERIFY(!panel.statusLabel()->text().contains(QStringLiteral("ZeroDivisionError")));
}

void tst_DebugPanels::consoleEvaluatesInFrame()
{
    // No interpreter: while a frame evaluator is set, nothing reaches it.
    PythonRuntime runtime;
    ConsoleWidget console(&runtime, nullptr);
    QStringList received;
    console.setFrameEvaluator(QStringLiteral("handle"), [&received](const QString &line) { received << line; });
    QCOMPARE(console.promptText(), QStringLiteral("(handle) >>>"));
    QVERIFY(console.isEvaluatingInFrame());
    console.submitLine(QStringLiteral("self.handled"));
    console.submitLine(QStringLiteral("x = 5"));
    QCOMPARE(received, (QStringList{QStringLiteral("self.handled"), QStringLiteral("x = 5")}));
    console.appendEvaluation(QStringLiteral("2"), false);
    const QString text = console.outputText();
    QVERIFY2(text.contains(QStringLiteral("(handle) >>> self.handled\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(handle) >>> x = 5\n2\n")), qPrintable(text));
    QCOMPARE(console.history().mid(console.history().size() - 2),
             (QStringList{QStringLiteral("self.handled"), QStringLiteral("x = 5")}));
    console.setFrameEvaluator(QString(), {});
    QVERIFY(!console.isEvaluatingInFrame());
    QCOMPARE(console.promptText(), QStringLiteral(">>>"));
}

QTEST_MAIN(tst_DebugPanels)
#include "tst_debugpanels.moc"
