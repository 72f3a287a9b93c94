#include "CodeEditor.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

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
    void autoIndent_data();
    void autoIndent();
    void goToLine();
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

QTEST_MAIN(tst_CodeEditor)
#include "tst_codeeditor.moc"
