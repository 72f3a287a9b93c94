#include "CodeEditor.h"

#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace {

// Texts with the cursor written in: "|" is a cursor without selection, "«"
// the selection's anchor and "»" its moving end (either may come first).
void setMarkedText(CodeEditor &editor, QString text)
{
    int anchor = text.indexOf(QChar(0x00AB));
    int position = text.indexOf(QChar(0x00BB));
    int caret = text.indexOf(QLatin1Char('|'));
    if (caret >= 0) {
        text.remove(caret, 1);
        anchor = position = caret;
    } else {
        if (anchor < position) {
            text.remove(position, 1);
            text.remove(anchor, 1);
            --position;
        } else {
            text.remove(anchor, 1);
            text.remove(position, 1);
            --anchor;
        }
    }
    editor.setPlainText(text);
    QTextCursor cursor(editor.document());
    cursor.setPosition(anchor);
    cursor.setPosition(position, QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
}

QString markedText(const CodeEditor &editor)
{
    QString text = editor.toPlainText();
    const QTextCursor cursor = editor.textCursor();
    if (!cursor.hasSelection())
        return text.insert(cursor.position(), QLatin1Char('|'));
    const int anchor = cursor.anchor();
    const int position = cursor.position();
    // The later mark first, so the earlier one's offset holds.
    if (anchor > position) {
        text.insert(anchor, QChar(0x00AB));
        text.insert(position, QChar(0x00BB));
    } else {
        text.insert(position, QChar(0x00BB));
        text.insert(anchor, QChar(0x00AB));
    }
    return text;
}

QString unmarked(QString text)
{
    text.remove(QLatin1Char('|'));
    text.remove(QChar(0x00AB));
    text.remove(QChar(0x00BB));
    return text;
}

} // namespace

// The editing commands of the code editor: toggle comment, indent and dedent
// of lines, and the line-by-line replacement that Format uses.
class tst_Editing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toggleComment_data();
    void toggleComment();
    void toggleCommentIsOneUndoStep();
    void toggleCommentTwiceRestores_data();
    void toggleCommentTwiceRestores();
    void shiftLines_data();
    void shiftLines();
    void shiftLinesIsOneUndoStep();
    void replaceTextKeepsLinesAndMarks();
    void replaceTextKeepsTheCursorInItsStatement_data();
    void replaceTextKeepsTheCursorInItsStatement();
    void replaceTextIsOneUndoStep();
    void replaceTextOfIdenticalTextChangesNothing();
};

void tst_Editing::toggleComment_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("cursor line") << "x = 1|\ny = 2\n" << "# x = 1|\ny = 2\n";
    QTest::newRow("cursor at column 0") << "|x = 1\n" << "# |x = 1\n";
    QTest::newRow("uncomment a line") << "# x = 1|\n" << "x = 1|\n";
    QTest::newRow("uncomment without space") << "#x = 1|\n" << "x = 1|\n";
    QTest::newRow("uncomment keeps further spaces") << "#   x|\n" << "  x|\n";
    QTest::newRow("selection of lines")
        << "«a = 1\nb = 2\n»c = 3\n" << "«# a = 1\n# b = 2\n»c = 3\n";
    QTest::newRow("selection ends mid-line")
        << "«a = 1\nb =» 2\nc = 3\n" << "«# a = 1\n# b =» 2\nc = 3\n";
    QTest::newRow("backwards selection")
        << "»a = 1\nb = 2«\n" << "»# a = 1\n# b = 2«\n";
    QTest::newRow("common indent kept")
        << "def f():\n«    if x:\n        y()\n»" << "def f():\n«    # if x:\n    #     y()\n»";
    QTest::newRow("blank lines untouched")
        << "«a\n\n   \nb»" << "«# a\n\n   \n# b»";
    QTest::newRow("all comments are uncommented")
        << "«    # a\n    #b\n\n    # c»" << "«    a\n    b\n\n    c»";
    QTest::newRow("mixed lines are commented")
        << "«# a\nb»" << "«# # a\n# b»";
    QTest::newRow("blank lines only") << "«\n\n»x" << "«\n\n»x";
    QTest::newRow("comment after code is not a commented line")
        << "«x = 1  # one\n# two»" << "«# x = 1  # one\n# # two»";
}

void tst_Editing::toggleComment()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    CodeEditor editor;
    setMarkedText(editor, before);
    QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(markedText(editor), after);
}

void tst_Editing::toggleCommentIsOneUndoStep()
{
    CodeEditor editor;
    const QString before = QStringLiteral("«def f():\n    return 1\n\nx = f()\n»");
    setMarkedText(editor, before);
    editor.toggleComment();
    QCOMPARE(editor.toPlainText(), QStringLiteral("# def f():\n#     return 1\n\n# x = f()\n"));
    editor.undo();
    QCOMPARE(editor.toPlainText(), unmarked(before));
    QVERIFY(!editor.document()->isUndoAvailable());
}

void tst_Editing::toggleCommentTwiceRestores_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one line") << "    x = 1|\n";
    QTest::newRow("block") << "class A:\n«    def f(self):\n        return 1\n\n    x = 2\n»";
    QTest::newRow("backwards") << "»a\n  b\n«c";
}

void tst_Editing::toggleCommentTwiceRestores()
{
    QFETCH(QString, text);
    CodeEditor editor;
    setMarkedText(editor, text);
    editor.toggleComment();
    QVERIFY(editor.toPlainText() != unmarked(text));
    editor.toggleComment();
    QCOMPARE(markedText(editor), text);
}

void tst_Editing::shiftLines_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QString>("after");
    const int none = Qt::NoModifier;
    const int ctrl = Qt::ControlModifier;
    QTest::newRow("tab indents the selected lines")
        << "«a\n    b\n»c" << int(Qt::Key_Tab) << none << "«    a\n        b\n»c";
    QTest::newRow("shift+tab dedents them")
        << "«    a\n        b\n»c" << int(Qt::Key_Backtab) << int(Qt::ShiftModifier) << "«a\n    b\n»c";
    QTest::newRow("dedent takes what indent there is")
        << "«  a\nb\n      c»" << int(Qt::Key_Backtab) << int(Qt::ShiftModifier) << "«a\nb\n  c»";
    QTest::newRow("dedent a tab") << "\tx|" << int(Qt::Key_BracketLeft) << ctrl << "x|";
    QTest::newRow("blank lines stay empty")
        << "«a\n\nb»" << int(Qt::Key_Tab) << none << "«    a\n\n    b»";
    QTest::newRow("ctrl+] indents the cursor's line")
        << "if x:\ny = 1|\n" << int(Qt::Key_BracketRight) << ctrl << "if x:\n    y = 1|\n";
    QTest::newRow("ctrl+[ dedents the cursor's line")
        << "    y = |1\n" << int(Qt::Key_BracketLeft) << ctrl << "y = |1\n";
    QTest::newRow("ctrl+] on a selection")
        << "«a\nb»" << int(Qt::Key_BracketRight) << ctrl << "«    a\n    b»";
    QTest::newRow("tab without selection inserts to the next stop")
        << "ab|" << int(Qt::Key_Tab) << none << "ab  |";
    QTest::newRow("backwards selection")
        << "»a\nb«\nc" << int(Qt::Key_Tab) << none << "»    a\n    b«\nc";
}

void tst_Editing::shiftLines()
{
    QFETCH(QString, before);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(QString, after);
    CodeEditor editor;
    setMarkedText(editor, before);
    QTest::keyClick(&editor, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(markedText(editor), after);
}

void tst_Editing::shiftLinesIsOneUndoStep()
{
    CodeEditor editor;
    const QString before = QStringLiteral("«a\nb\nc»");
    setMarkedText(editor, before);
    editor.indentLines();
    QCOMPARE(markedText(editor), QStringLiteral("«    a\n    b\n    c»"));
    editor.undo();
    QCOMPARE(editor.toPlainText(), unmarked(before));
    QVERIFY(!editor.document()->isUndoAvailable());
    editor.redo();
    editor.selectAll();
    editor.dedentLines();
    QCOMPARE(editor.toPlainText(), unmarked(before));
    editor.undo();
    QCOMPARE(editor.toPlainText(), QStringLiteral("    a\n    b\n    c"));
}

void tst_Editing::replaceTextKeepsLinesAndMarks()
{
    CodeEditor editor;
    QStringList lines;
    for (int i = 0; i < 200; ++i)
        lines << QStringLiteral("x%1=%1").arg(i);
    editor.setPlainText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    editor.setBreakpointMark(1, 150);
    editor.goToLine(120, 3);
    QStringList formatted = lines;
    formatted[10] = QStringLiteral("x10 = 10");
    formatted.insert(20, QString());
    formatted.insert(20, QString());
    formatted[181] = QStringLiteral("x180 = 180");
    editor.replaceText(formatted.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    QCOMPARE(editor.toPlainText(), formatted.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    // Two lines were inserted above: the cursor and the breakpoint follow their lines.
    QCOMPARE(editor.currentLine(), 122);
    QCOMPARE(editor.textCursor().positionInBlock(), 2);
    QCOMPARE(editor.breakpointMarkLine(1), 152);
}

void tst_Editing::replaceTextKeepsTheCursorInItsStatement_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    const QString formatted = QStringLiteral("def f(a):\n    return a\n");
    QTest::newRow("in the code") << "def f( a ):\n  return |a\n" << "def f(a):\n    return |a\n";
    QTest::newRow("at the code's start") << "def f( a ):\n  |return a\n" << "def f(a):\n    |return a\n";
    QTest::newRow("at column 0") << "def f( a ):\n|  return a\n" << "def f(a):\n|    return a\n";
    QTest::newRow("a changed line") << "def f( a|):\n  return a\n" << "def f(a)|:\n    return a\n";
}

void tst_Editing::replaceTextKeepsTheCursorInItsStatement()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    CodeEditor editor;
    setMarkedText(editor, before);
    editor.replaceText(unmarked(after));
    QCOMPARE(markedText(editor), after);
}

void tst_Editing::replaceTextIsOneUndoStep()
{
    CodeEditor editor;
    const QString before = QStringLiteral("import os\ndef f( a ):\n  return a\nx=[1,\n 2]\n");
    const QString after = QStringLiteral("import os\n\n\ndef f(a):\n    return a\n\n\nx = [1, 2]\n");
    editor.setPlainText(before);
    editor.replaceText(after);
    QCOMPARE(editor.toPlainText(), after);
    editor.undo();
    QCOMPARE(editor.toPlainText(), before);
    QVERIFY(!editor.document()->isUndoAvailable());
    editor.redo();
    QCOMPARE(editor.toPlainText(), after);
}

void tst_Editing::replaceTextOfIdenticalTextChangesNothing()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("x = 1\n"));
    editor.document()->setModified(false);
    editor.replaceText(QStringLiteral("x = 1\n"));
    QVERIFY(!editor.document()->isModified());
    QVERIFY(!editor.document()->isUndoAvailable());
}

QTEST_MAIN(tst_Editing)
#include "tst_editing.moc"
