#include "PythonHighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace {

// The format the highlighter gave to the character at `offset` of `line`.
QTextCharFormat formatAt(const QTextDocument &document, int line, int offset)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (offset >= range.start && offset < range.start + range.length)
            return range.format;
    }
    return {};
}

} // namespace

class tst_PythonHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void darkThemeChangesColours();
};

void tst_PythonHighlighter::formats_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("expected"); // "keyword", "string", "comment", "plain", ...

    const QString code = QStringLiteral(
        "@decorator\n"                     // 0
        "class Service(Base):\n"           // 1
        "    def handle(self, x=42):\n"    // 2
        "        \"\"\"Docs start\n"       // 3
        "        still docs # not a comment\n" // 4
        "        end\"\"\"\n"              // 5
        "        s = 'a # b'  # real\n"    // 6
        "        return len(s)\n");        // 7
    QTest::newRow("decorator") << code << 0 << 1 << QStringLiteral("decorator");
    QTest::newRow("class keyword") << code << 1 << 0 << QStringLiteral("keyword");
    QTest::newRow("class name") << code << 1 << 7 << QStringLiteral("definition");
    QTest::newRow("def name") << code << 2 << 9 << QStringLiteral("definition");
    QTest::newRow("number") << code << 2 << 23 << QStringLiteral("number");
    QTest::newRow("triple-quoted start") << code << 3 << 12 << QStringLiteral("string");
    QTest::newRow("triple-quoted middle") << code << 4 << 20 << QStringLiteral("string");
    QTest::newRow("triple-quoted end") << code << 5 << 8 << QStringLiteral("string");
    QTest::newRow("hash inside string") << code << 6 << 15 << QStringLiteral("string");
    QTest::newRow("comment after string") << code << 6 << 23 << QStringLiteral("comment");
    QTest::newRow("builtin") << code << 7 << 15 << QStringLiteral("builtin");
    QTest::newRow("plain name") << code << 7 << 19 << QStringLiteral("plain");
}

void tst_PythonHighlighter::formats()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(int, offset);
    QFETCH(QString, expected);

    QTextDocument document;
    document.setPlainText(source);
    PythonHighlighter highlighter(&document);
    highlighter.rehighlight();

    // Reference formats: what each kind looks like in this highlighter.
    QTextDocument reference;
    reference.setPlainText(QStringLiteral(
        "@d\nclass N:\n1\n's'\n# c\nlen\nplain\n"));
    PythonHighlighter referenceHighlighter(&reference);
    referenceHighlighter.rehighlight();
    const QHash<QString, QTextCharFormat> kinds = {
        {QStringLiteral("decorator"), formatAt(reference, 0, 0)},
        {QStringLiteral("keyword"), formatAt(reference, 1, 0)},
        {QStringLiteral("definition"), formatAt(reference, 1, 6)},
        {QStringLiteral("number"), formatAt(reference, 2, 0)},
        {QStringLiteral("string"), formatAt(reference, 3, 1)},
        {QStringLiteral("comment"), formatAt(reference, 4, 1)},
        {QStringLiteral("builtin"), formatAt(reference, 5, 0)},
        {QStringLiteral("plain"), formatAt(reference, 6, 0)},
    };
    QCOMPARE(formatAt(document, line, offset).foreground(), kinds.value(expected).foreground());
}

void tst_PythonHighlighter::darkThemeChangesColours()
{
    QTextDocument document;
    document.setPlainText(QStringLiteral("def f(): pass\n"));
    PythonHighlighter highlighter(&document);
    highlighter.rehighlight();
    const QBrush light = formatAt(document, 0, 0).foreground();
    highlighter.setDarkTheme(true);
    QVERIFY(formatAt(document, 0, 0).foreground() != light);
}

QTEST_MAIN(tst_PythonHighlighter)
#include "tst_pythonhighlighter.moc"
