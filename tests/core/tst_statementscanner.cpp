#include "StatementScanner_p.h"

#include <QTest>

// The scan that cuts a module into its top-level statements without parsing
// it (core/StatementScanner.cpp). Each row: a source, and the statements it
// holds as "first-last" line ranges, then the text of one of them.
class tst_StatementScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scan_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("ranges");

        QTest::newRow("simple statements") << QByteArray("a = 1\nb = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("blank and comment lines belong to none")
            << QByteArray("# head\n\na = 1\n\n# between\nb = 2\n# tail\n") << QStringList{"3-3", "6-6"};
        QTest::newRow("indented body and a comment at column 0 inside it")
            << QByteArray("def f():\n    x = 1\n# inside\n    return x\ny = 2\n") << QStringList{"1-4", "5-5"};
        QTest::newRow("decorators with a comment between")
            << QByteArray("@a\n# c\n@b(1,\n2)\ndef f():\n    pass\nz = 0\n") << QStringList{"1-6", "7-7"};
        QTest::newRow("else, elif, except, finally continue the statement")
            << QByteArray("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\ntry:\n    pass\nexcept E:\n"
                          "    pass\nfinally:\n    pass\nelsewhere = 1\n")
            << QStringList{"1-6", "7-12", "13-13"};
        QTest::newRow("brackets over lines at column 0")
            << QByteArray("T = [\n1,\n# c\n2,\n]\nU = 1\n") << QStringList{"1-5", "6-6"};
        QTest::newRow("backslash continuation") << QByteArray("x = 1 + \\\n2\ny = 3\n") << QStringList{"1-2", "3-3"};
        QTest::newRow("triple-quoted string holding lines at column 0")
            << QByteArray("S = \"\"\"\ndef f():\nx = (\n\"\"\"\nT = '''\n'''\n") << QStringList{"1-4", "5-6"};
        QTest::newRow("prefixed strings and escaped quotes")
            << QByteArray("R = rb'\\'' + Rb\"(\" + u'[' + F'{x}('\nQ = 1\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("f-string fields with quotes, brackets and a format spec")
            << QByteArray("A = f\"{d['k']}{ {'a': '('}['a'] }{x:>{w}}\"\nB = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("f-string field reusing the outer quote (Python 3.12)")
            << QByteArray("A = f\"{d[\"k\"]}\"\nB = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("t-string field reusing the outer quote (Python 3.14)")
            << QByteArray("A = t\"{d[\"(\"]}\"\nB = rt'{x['(']}\\d'\nC = 3\n") << QStringList{"1-1", "2-2", "3-3"};
        QTest::newRow("t-string field over lines at column 0 (Python 3.14)")
            << QByteArray("A = T\"{\n1}\"\nB = 2\n") << QStringList{"1-2", "3-3"};
        QTest::newRow("comment holding quotes and brackets")
            << QByteArray("a = 1  # it's ( [\nb = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("two statements on one line are one piece")
            << QByteArray("a = 1; b = 2\nc = 3\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("an open bracket joins the rest of the file")
            << QByteArray("a = (1,\n\nb = 2\nc = 3\n") << QStringList{"1-4"};
        QTest::newRow("an unterminated triple quote joins the rest")
            << QByteArray("a = '''\nb = 2\n") << QStringList{"1-2"};
        QTest::newRow("an unterminated single quote ends at its line")
            << QByteArray("a = 'x\nb = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("a form feed keeps column 0") << QByteArray("a = 1\n\fb = 2\n") << QStringList{"1-1", "2-2"};
        QTest::newRow("no final newline") << QByteArray("a = 1\nb = 2") << QStringList{"1-1", "2-2"};
        QTest::newRow("empty") << QByteArray("") << QStringList{};
    }

    void scan()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, ranges);
        QStringList got;
        for (const StatementScanner::Statement &s : StatementScanner::scan(source))
            got << QStringLiteral("%1-%2").arg(s.firstLine).arg(s.lastLine);
        QCOMPARE(got, ranges);
    }

    void text_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("index");
        QTest::addColumn<QByteArray>("text");

        QTest::newRow("a def ends at its last line, not at the comments after it")
            << QByteArray("def f():\n    return 1\n# after\n\nx = 1\n") << 0 << QByteArray("def f():\n    return 1");
        QTest::newRow("a trailing comment is part of its line")
            << QByteArray("a = 1\nb = 2  # two\n") << 1 << QByteArray("b = 2  # two");
        QTest::newRow("a decorated class starts at its first decorator")
            << QByteArray("x = 0\n@dataclass\nclass C:\n    a: int\n") << 1 << QByteArray("@dataclass\nclass C:\n    a: int");
    }

    void text()
    {
        QFETCH(QByteArray, source);
        QFETCH(int, index);
        QFETCH(QByteArray, text);
        const std::vector<StatementScanner::Statement> statements = StatementScanner::scan(source);
        QVERIFY(size_t(index) < statements.size());
        const std::string_view piece = StatementScanner::text(source, statements[size_t(index)]);
        QCOMPARE(QByteArray(piece.data(), qsizetype(piece.size())), text);
    }
};

QTEST_GUILESS_MAIN(tst_StatementScanner)
#include "tst_statementscanner.moc"
