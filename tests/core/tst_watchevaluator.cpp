#include "PythonRuntime.h"
#include "WatchEvaluator.h"

#include <QSignalSpy>
#include <QTest>

// Watch expressions evaluated on the live worker: values, errors, endless
// and enormous values, and the module they are evaluated in.
class tst_WatchEvaluator : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;

    void run(const QString &code)
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toInt(), 0);
    }

    QList<WatchResult> evaluate(WatchEvaluator &evaluator, const QStringList &expressions,
                                const QString &module = QString())
    {
        QSignalSpy evaluated(&evaluator, &WatchEvaluator::evaluated);
        if (!evaluator.evaluate(expressions, module))
            return {};
        if (!evaluated.wait(30000))
            return {};
        return evaluated.first().first().value<QList<WatchResult>>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }

    void values_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("error");
        QTest::newRow("arithmetic") << "1 + 1" << "2" << false;
        QTest::newRow("program variable") << "watched['count']" << "3" << false;
        QTest::newRow("string") << "'a' + 'b'" << "'ab'" << false;
        QTest::newRow("raises") << "1 / 0" << "<error: ZeroDivisionError: division by zero>" << true;
        QTest::newRow("unknown name") << "nothing_here"
                                      << "<error: NameError: name 'nothing_here' is not defined>" << true;
        QTest::newRow("repr raises") << "BadRepr()" << "<error: RuntimeError: no repr>" << true;
        QTest::newRow("exit") << "__import__('sys').exit(3)" << "<error: SystemExit: 3>" << true;
        QTest::newRow("not an expression") << "x = 1" << "<error: SyntaxError: invalid syntax (<watch>, line 1)>"
                                           << true;
    }
    void values()
    {
        QFETCH(QString, expression);
        QFETCH(QString, value);
        QFETCH(bool, error);
        run(QStringLiteral("watched = {'count': 3}\n"
                           "class BadRepr:\n"
                           "    def __repr__(self):\n"
                           "        raise RuntimeError('no repr')\n"));
        WatchEvaluator evaluator(&m_runtime);
        const auto results = evaluate(evaluator, {expression, QStringLiteral("watched['count'] + 1")});
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].expression, expression);
        QCOMPARE(results[0].value, value);
        QCOMPARE(results[0].error, error);
        // One watch failing does not keep the next from its value.
        QCOMPARE(results[1].value, QStringLiteral("4"));
    }

    // A watch whose evaluation never ends is stopped at the time limit; the
    // others still get their values.
    void endlessExpressionIsStopped()
    {
        run(QStringLiteral("class Endless:\n"
                           "    def __repr__(self):\n"
                           "        while True:\n"
                           "            pass\n"
                           "endless = Endless()\n"));
        WatchEvaluator evaluator(&m_runtime);
        evaluator.setTimeLimit(0.2);
        const auto results = evaluate(evaluator, {QStringLiteral("endless"), QStringLiteral("2 * 21")});
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].value, QStringLiteral("<error: took longer than 0.2 s>"));
        QVERIFY(results[0].error);
        QCOMPARE(results[1].value, QStringLiteral("42"));
    }

    void longValueIsCut_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("string") << "'x' * 10**6";
        QTest::newRow("object repr") << "type('Big', (), {'__repr__': lambda self: 'y' * 10**6})()";
        QTest::newRow("list") << "list(range(10**5))";
    }
    void longValueIsCut()
    {
        QFETCH(QString, expression);
        WatchEvaluator evaluator(&m_runtime);
        const auto results = evaluate(evaluator, {expression});
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].error);
        QVERIFY2(results[0].value.size() <= WatchEvaluator::MaximumLength, qPrintable(results[0].value.left(80)));
        QVERIFY(results[0].value.size() > 10);
    }

    void chosenModule()
    {
        run(QStringLiteral("import sys, types\n"
                           "m = types.ModuleType('watchmodule')\n"
                           "m.COUNT = 12\n"
                           "sys.modules['watchmodule'] = m\n"));
        WatchEvaluator evaluator(&m_runtime);
        QCOMPARE(evaluate(evaluator, {QStringLiteral("COUNT")}, QStringLiteral("watchmodule")).value(0).value,
                 QStringLiteral("12"));
        const auto missing = evaluate(evaluator, {QStringLiteral("COUNT")}, QStringLiteral("no_such_module"));
        QCOMPARE(missing.value(0).value, QStringLiteral("<error: no module no_such_module is loaded>"));
    }

    // While one evaluation runs, another is refused rather than queued.
    void oneEvaluationAtATime()
    {
        run(QStringLiteral("class Endless:\n"
                           "    def __repr__(self):\n"
                           "        while True:\n"
                           "            pass\n"
                           "endless = Endless()\n"));
        WatchEvaluator evaluator(&m_runtime);
        evaluator.setTimeLimit(0.2);
        QSignalSpy evaluated(&evaluator, &WatchEvaluator::evaluated);
        QVERIFY(evaluator.evaluate({QStringLiteral("endless")}));
        QVERIFY(evaluator.isBusy());
        QVERIFY(!evaluator.evaluate({QStringLiteral("1")}));
        QVERIFY(evaluated.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!evaluator.isBusy(), 10000);
        QVERIFY(evaluator.evaluate({QStringLiteral("1")}));
        QVERIFY(evaluated.wait(30000));
    }
};

QTEST_GUILESS_MAIN(tst_WatchEvaluator)
#include "tst_watchevaluator.moc"
