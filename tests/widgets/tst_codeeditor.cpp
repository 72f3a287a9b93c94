#include "CodeEditor.h"
#include "LineNumberArea.h"

#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#else
#include "PythonHighlighter.h"
#endif

#include <QApplication>
#include <QDir>
#include <QScopeGuard>
#include <QFile>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

namespace {

// The colour the highlighter gave to the first word of `document`.
QColor firstWordColour(const QTextDocument *document)
{
    const auto formats = document->firstBlock().layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (range.start == 0)
            return range.format.foreground().color();
    }
    return {};
}

} // namespace

class tst_CodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlighterAttached();
    void lineNumberAreaGrowsWithLineCount_data();
    void lineNumberAreaGrowsWithLineCount();
    void loadAndSave();
    void saveIsAtomic();
    void errorMarkerPlacedAndCleared();
    void errorMarkIsNotABreakpoint();
    void autoIndent_data();
    void autoIndent();
    void goToLine();
    void homeGoesToFirstNonBlankThenColumnZero_data();
    void homeGoesToFirstNonBlankThenColumnZero();
    void redoKeys_data();
    void redoKeys();
    void largerFontWidensSideBarAndTabs();
    void themeSetsEditorColours_data();
    void themeSetsEditorColours();
    void followsTheDesktopPalette_data();
    void followsTheDesktopPalette();
};

void tst_CodeEditor::highlighterAttached()
{
    CodeEditor editor;
    QVERIFY(editor.highlighter());
    QCOMPARE(editor.highlighter()->document(), editor.document());

    editor.setPlainText(QStringLiteral("def handle(self):\n    return 'x'  # done\n"));
    editor.highlighter()->rehighlight();
    const QTextBlock first = editor.document()->firstBlock();
    QVERIFY(!first.layout()->formats().isEmpty());
}

void tst_CodeEditor::lineNumberAreaGrowsWithLineCount_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("wider");
    QTest::newRow("10 lines") << 10 << false;
    QTest::newRow("999 lines") << 999 << false;
    QTest::newRow("10000 lines") << 10000 << true;
    QTest::newRow("100000 lines") << 100000 << true;
}

void tst_CodeEditor::lineNumberAreaGrowsWithLineCount()
{
    QFETCH(int, lines);
    QFETCH(bool, wider);
    CodeEditor editor;
    const int base = editor.lineNumberAreaWidth();
    QVERIFY(base > 0);
    editor.setPlainText(QString(lines - 1, QLatin1Char('\n')));
    QCOMPARE(editor.blockCount(), lines);
    QCOMPARE(editor.lineNumberAreaWidth() > base, wider);
}

void tst_CodeEditor::loadAndSave()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("module.py"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x = 1\n");
    }
    CodeEditor editor;
    QSignalSpy pathSpy(&editor, &CodeEditor::filePathChanged);
    QVERIFY(editor.load(path));
    QCOMPARE(pathSpy.count(), 1);
    QCOMPARE(editor.filePath(), path);
    QCOMPARE(editor.toPlainText(), QStringLiteral("x = 1\n"));
    QVERIFY(!editor.document()->isModified());

    editor.moveCursor(QTextCursor::End);
    editor.insertPlainText(QStringLiteral("y = 2\n"));
    QVERIFY(editor.document()->isModified());
    QSignalSpy savedSpy(&editor, &CodeEditor::saved);
    QVERIFY(editor.save());
    QCOMPARE(savedSpy.count(), 1);
    QVERIFY(!editor.document()->isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("x = 1\ny = 2\n"));
}

void tst_CodeEditor::saveIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("module.py"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old = True\n");
    }
    CodeEditor editor;
    QVERIFY(editor.load(path));
    editor.setPlainText(QStringLiteral("new = True\n"));

    // A reader that opened the file before the save keeps seeing the complete
    // old version: the new content arrives by renaming a finished file over
    // the old one, never by rewriting it in place.
    QFile reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QVERIFY(editor.save());
    QCOMPARE(reader.readAll(), QByteArray("old = True\n"));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new = True\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("module.py")});
}

void tst_CodeEditor::errorMarkerPlacedAndCleared()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a = 1\nb = (\nc = 3\n"));
    editor.setErrorMarker(2, QStringLiteral("SyntaxError: '(' was never closed"));
    QCOMPARE(editor.errorLine(), 2);
    QCOMPARE(editor.errorMessage(), QStringLiteral("SyntaxError: '(' was never closed"));
    bool marked = false;
    const auto selections = editor.extraSelections();
    for (const auto &selection : selections)
        marked |= selection.cursor.blockNumber() == 1
                  && selection.format.toolTip() == editor.errorMessage();
    QVERIFY(marked);

    editor.clearErrorMarker();
    QCOMPARE(editor.errorLine(), 0);
    for (const auto &selection : editor.extraSelections())
        QVERIFY(selection.format.toolTip().isEmpty());
}

// The error's mark is an amber triangle; a breakpoint's is a red dot.
void tst_CodeEditor::errorMarkIsNotABreakpoint()
{
    CodeEditor editor;
    editor.resize(400, 300);
    editor.setPlainText(QStringLiteral("a = 1\nb = (\nc = 3\nd = 4\n"));
    editor.setErrorMarker(2, QStringLiteral("SyntaxError: '(' was never closed"));
    editor.setBreakpointMark(1, 4);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *margin = editor.findChild<LineNumberArea *>();
    QVERIFY(margin);
    const QImage image = margin->grab().toImage();
    const int size = editor.fontMetrics().height();
    auto rowOf = [&editor](int line) {
        const QTextBlock block = editor.document()->findBlockByNumber(line - 1);
        return editor.cursorRect(QTextCursor(block)).top();
    };
    auto count = [&](int line, const QColor &colour) {
        int n = 0;
        for (int y = rowOf(line); y < rowOf(line) + size; ++y)
            for (int x = 3; x < 3 + size; ++x)
                n += QColor(image.pixel(x, y)) == colour;
        return n;
    };
    QVERIFY(count(2, CodeEditor::errorMarkColor()) > size);
    QCOMPARE(count(2, CodeEditor::breakpointColor()), 0);
    QVERIFY(count(4, CodeEditor::breakpointColor()) > size);
    QCOMPARE(count(4, CodeEditor::errorMarkColor()), 0);
    // A triangle reaches the cell's bottom corners, a dot does not.
    const int bottom = rowOf(2) + size - 3;
    QCOMPARE(QColor(image.pixel(3 + 3, bottom)), CodeEditor::errorMarkColor());

    // Its tooltip gives the error.
    QHelpEvent help(QEvent::ToolTip, QPoint(6, rowOf(2) + size / 2), margin->mapToGlobal(QPoint(6, rowOf(2) + size / 2)));
    QApplication::sendEvent(margin, &help);
    QTRY_COMPARE(QToolTip::text(), editor.errorMessage());
}

void tst_CodeEditor::autoIndent_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expectedIndent");
    QTest::newRow("plain") << QStringLiteral("x = 1") << QString();
    QTest::newRow("block opener") << QStringLiteral("def f():") << QStringLiteral("    ");
    QTest::newRow("nested opener") << QStringLiteral("    if x:  # why")
                                   << QStringLiteral("        ");
    QTest::newRow("keeps indent") << QStringLiteral("    y = 2") << QStringLiteral("    ");
    QTest::newRow("return dedents") << QStringLiteral("        return y")
                                    << QStringLiteral("    ");
}

void tst_CodeEditor::autoIndent()
{
    QFETCH(QString, line);
    QFETCH(QString, expectedIndent);
    CodeEditor editor;
    editor.setPlainText(line);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.document()->lastBlock().text(), expectedIndent);
}

void tst_CodeEditor::goToLine()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a\nb\nc\nd\n"));
    editor.goToLine(3);
    QCOMPARE(editor.currentLine(), 3);
    editor.goToLine(100);
    QCOMPARE(editor.currentLine(), 3);
}

void tst_CodeEditor::homeGoesToFirstNonBlankThenColumnZero_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("start");
    QTest::addColumn<bool>("shift");
    QTest::addColumn<int>("presses");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("anchor");
    const QString indented = QStringLiteral("        return x");
    QTest::newRow("end to first non-blank") << indented << 16 << false << 1 << 8 << 8;
    QTest::newRow("then to column 0") << indented << 16 << false << 2 << 0 << 0;
    QTest::newRow("then back to first non-blank") << indented << 16 << false << 3 << 8 << 8;
    QTest::newRow("inside the indentation") << indented << 3 << false << 1 << 8 << 8;
    QTest::newRow("shift selects to first non-blank") << indented << 16 << true << 1 << 8 << 16;
    QTest::newRow("shift twice selects to column 0") << indented << 16 << true << 2 << 0 << 16;
    QTest::newRow("line without indentation") << QStringLiteral("x = 1") << 5 << false << 1 << 0 << 0;
    QTest::newRow("blank line") << QStringLiteral("    ") << 2 << false << 1 << 4 << 4;
}

void tst_CodeEditor::homeGoesToFirstNonBlankThenColumnZero()
{
    QFETCH(QString, line);
    QFETCH(int, start);
    QFETCH(bool, shift);
    QFETCH(int, presses);
    QFETCH(int, position);
    QFETCH(int, anchor);
    CodeEditor editor;
    // A first line, so that block positions and columns differ.
    editor.setPlainText(QStringLiteral("def f():\n") + line + QStringLiteral("\n"));
    const int lineStart = editor.document()->findBlockByNumber(1).position();
    QTextCursor cursor(editor.document());
    cursor.setPosition(lineStart + start);
    editor.setTextCursor(cursor);
    for (int i = 0; i < presses; ++i)
        QTest::keyClick(&editor, Qt::Key_Home, shift ? Qt::ShiftModifier : Qt::NoModifier);
    QCOMPARE(editor.textCursor().position() - lineStart, position);
    QCOMPARE(editor.textCursor().anchor() - lineStart, anchor);
}

void tst_CodeEditor::redoKeys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Ctrl+Y") << int(Qt::Key_Y) << int(Qt::ControlModifier);
    QTest::newRow("Ctrl+Shift+Z") << int(Qt::Key_Z) << int(Qt::ControlModifier | Qt::ShiftModifier);
}

void tst_CodeEditor::redoKeys()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("x = 1"));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, QStringLiteral("0"));
    QCOMPARE(editor.toPlainText(), QStringLiteral("x = 10"));
    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.toPlainText(), QStringLiteral("x = 1"));
    QTest::keyClick(&editor, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(editor.toPlainText(), QStringLiteral("x = 10"));
}

void tst_CodeEditor::largerFontWidensSideBarAndTabs()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a\nb\n"));
    QFont font = editor.font();
    font.setPointSize(10);
    editor.setFont(font);
    const int sideBar = editor.lineNumberAreaWidth();
    const qreal tab = editor.tabStopDistance();
    font.setPointSize(20);
    editor.setFont(font);
    QCOMPARE(editor.font().pointSize(), 20);
    QVERIFY2(editor.lineNumberAreaWidth() > sideBar,
             qPrintable(QStringLiteral("%1 -> %2").arg(sideBar).arg(editor.lineNumberAreaWidth())));
    QVERIFY(editor.tabStopDistance() > tab);
    // The tab stop stays four spaces of the new font.
    QCOMPARE(editor.tabStopDistance(), qreal(editor.fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4));
}

void tst_CodeEditor::themeSetsEditorColours_data()
{
    QTest::addColumn<QString>("theme");
    const QStringList themes = CodeEditor::availableThemes();
    QVERIFY(themes.size() >= 2);
    for (const QString &theme : themes)
        QTest::newRow(qPrintable(theme)) << theme;
}

void tst_CodeEditor::themeSetsEditorColours()
{
    QFETCH(QString, theme);
    CodeEditor editor;
    editor.setThemeName(theme);
    QCOMPARE(editor.themeName(), theme);
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    KSyntaxHighlighting::Repository repository;
    const QColor background = QColor::fromRgba(
        repository.theme(theme).editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
#else
    const QColor background = PythonHighlighter::backgroundColor(PythonHighlighter::isDarkTheme(theme));
#endif
    QCOMPARE(editor.palette().color(QPalette::Base), background);

    // Back to following the desktop: the application's colours again.
    editor.setThemeName(QString());
#ifndef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    QCOMPARE(editor.palette().color(QPalette::Base), QGuiApplication::palette().color(QPalette::Base));
#endif
}

void tst_CodeEditor::followsTheDesktopPalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void tst_CodeEditor::followsTheDesktopPalette()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });
    auto desktop = [&original](bool dark) {
        QPalette palette = original;
        const QColor window = dark ? QColor(0x2a, 0x2e, 0x32) : QColor(0xef, 0xf0, 0xf1);
        const QColor base = dark ? QColor(0x1b, 0x1e, 0x20) : QColor(0xfc, 0xfc, 0xfc);
        const QColor text = dark ? QColor(0xfc, 0xfc, 0xfc) : QColor(0x23, 0x26, 0x27);
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::Button, window);
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::Text, text);
        return palette;
    };
    // The editor starts under the other palette: the switch must re-theme it.
    QApplication::setPalette(desktop(!dark));
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("def handle(self):\n    return 'x'  # done\n"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QApplication::setPalette(desktop(dark));
    // The application delivers its palette change to the windows as an event.
    QTRY_COMPARE(editor.palette().color(QPalette::Base).lightness() < 128, dark);
    // The keyword is coloured as the expected theme colours it.
    QTextDocument reference;
    reference.setPlainText(editor.toPlainText());
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Theme theme = repository.defaultTheme(
        dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
    auto *highlighter = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(editor.highlighter());
    QVERIFY(highlighter);
    QCOMPARE(highlighter->theme().name(), theme.name());
    QCOMPARE(editor.palette().color(QPalette::Base),
             QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    KSyntaxHighlighting::SyntaxHighlighter referenceHighlighter(&reference);
    referenceHighlighter.setDefinition(repository.definitionForName(QStringLiteral("Python")));
    referenceHighlighter.setTheme(theme);
#else
    PythonHighlighter referenceHighlighter(&reference);
    referenceHighlighter.setDarkTheme(dark);
#endif
    referenceHighlighter.rehighlight();
    QVERIFY(firstWordColour(&reference).isValid());
    QCOMPARE(firstWordColour(editor.document()), firstWordColour(&reference));
}

QTEST_MAIN(tst_CodeEditor)
#include "tst_codeeditor.moc"
