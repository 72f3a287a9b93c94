#include "FindReplaceBar.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

class tst_FindReplaceBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findWrapsAround();
    void replaceAll_data();
    void replaceAll();
    void replaceOneAtATime();
    void replaceAllIsOneUndoStep();
};

void tst_FindReplaceBar::findWrapsAround()
{
    QPlainTextEdit editor;
    editor.setPlainText(QStringLiteral("alpha beta alpha"));
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.findField()->setText(QStringLiteral("alpha"));
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 11);
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QVERIFY(bar.findNext(true));
    QCOMPARE(editor.textCursor().selectionStart(), 11);
    bar.findField()->setText(QStringLiteral("gamma"));
    QVERIFY(!bar.findNext());
}

void tst_FindReplaceBar::replaceAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    QTest::newRow("all") << QStringLiteral("s.handle(); s.handle()") << QStringLiteral("handle")
                         << QStringLiteral("serve") << QStringLiteral("s.serve(); s.serve()") << 2;
    QTest::newRow("none") << QStringLiteral("abc") << QStringLiteral("x") << QStringLiteral("y")
                          << QStringLiteral("abc") << 0;
    QTest::newRow("replacement contains needle")
        << QStringLiteral("a a") << QStringLiteral("a") << QStringLiteral("aa")
        << QStringLiteral("aa aa") << 2;
}

void tst_FindReplaceBar::replaceAll()
{
    QFETCH(QString, text);
    QFETCH(QString, find);
    QFETCH(QString, replace);
    QFETCH(QString, expected);
    QFETCH(int, count);
    QPlainTextEdit editor;
    editor.setPlainText(text);
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.findField()->setText(find);
    bar.replaceField()->setText(replace);
    QCOMPARE(bar.replaceAll(), count);
    QCOMPARE(editor.toPlainText(), expected);
}

void tst_FindReplaceBar::replaceOneAtATime()
{
    QPlainTextEdit editor;
    editor.setPlainText(QStringLiteral("x = 1\nx = 2\n"));
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.findField()->setText(QStringLiteral("x"));
    bar.replaceField()->setText(QStringLiteral("y"));
    QVERIFY(bar.findNext());
    bar.replaceCurrent();
    QCOMPARE(editor.toPlainText(), QStringLiteral("y = 1\nx = 2\n"));
    bar.replaceCurrent();
    QCOMPARE(editor.toPlainText(), QStringLiteral("y = 1\ny = 2\n"));
}

void tst_FindReplaceBar::replaceAllIsOneUndoStep()
{
    QPlainTextEdit editor;
    editor.setPlainText(QStringLiteral("a a a"));
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.findField()->setText(QStringLiteral("a"));
    bar.replaceField()->setText(QStringLiteral("b"));
    QCOMPARE(bar.replaceAll(), 3);
    editor.undo();
    QCOMPARE(editor.toPlainText(), QStringLiteral("a a a"));
}

QTEST_MAIN(tst_FindReplaceBar)
#include "tst_findreplacebar.moc"
