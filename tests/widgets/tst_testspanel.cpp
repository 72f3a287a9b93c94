#include "TestsPanel.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

// The Tests panel shows plain results: rows under their file, counts, the
// selected failure's message, the failing line on double-click, and the
// buttons' requests. No interpreter is needed.
class tst_TestsPanel : public QObject
{
    Q_OBJECT

    static TestResult result(const QString &nodeId, TestResult::Outcome outcome, const QString &message = {},
                             const QString &file = {}, int line = 0)
    {
        TestResult r;
        r.nodeId = nodeId;
        r.outcome = outcome;
        r.message = message;
        r.details = message;
        r.file = file;
        r.line = line;
        r.duration = 0.002;
        return r;
    }

    static void fill(TestsPanel &panel)
    {
        using O = TestResult::Outcome;
        panel.beginRun();
        panel.addResult(result(QStringLiteral("tests/test_a.py::test_ok"), O::Passed));
        panel.addResult(result(QStringLiteral("tests/test_a.py::test_bad"), O::Failed,
                               QStringLiteral("AssertionError: assert 5 == 6"), QStringLiteral("/p/tests/test_a.py"),
                               11));
        panel.addResult(result(QStringLiteral("tests/test_b.py::test_later"), O::Skipped,
                               QStringLiteral("not written yet")));
        TestRunSummary summary;
        summary.exitStatus = 1;
        panel.finishRun(summary, true);
    }

private Q_SLOTS:
    void rowsUnderTheirFile()
    {
        TestsPanel panel;
        fill(panel);
        QCOMPARE(panel.view()->topLevelItemCount(), 2);
        QCOMPARE(panel.view()->topLevelItem(0)->text(0), QStringLiteral("tests/test_a.py"));
        QCOMPARE(panel.view()->topLevelItem(0)->childCount(), 2);
        QVERIFY(panel.itemFor(QStringLiteral("tests/test_a.py::test_bad")));
        QCOMPARE(panel.itemFor(QStringLiteral("tests/test_a.py::test_bad"))->text(0), QStringLiteral("test_bad"));
        QVERIFY(!panel.itemFor(QStringLiteral("tests/test_a.py::test_bad"))->icon(0).isNull());
    }

    void counts_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("counts");
        using O = TestResult::Outcome;
        QTest::newRow("passed") << int(O::Passed) << "1 passed";
        QTest::newRow("failed") << int(O::Failed) << "1 failed";
        QTest::newRow("error") << int(O::Error) << "1 error(s)";
        QTest::newRow("skipped") << int(O::Skipped) << "1 skipped";
    }
    void counts()
    {
        QFETCH(int, outcome);
        QFETCH(QString, counts);
        TestsPanel panel;
        panel.beginRun();
        panel.addResult(result(QStringLiteral("t.py::x"), TestResult::Outcome(outcome)));
        QVERIFY2(panel.countsText().startsWith(tr("Running…")), qPrintable(panel.countsText()));
        panel.finishRun({}, true);
        QVERIFY2(panel.countsText().startsWith(counts), qPrintable(panel.countsText()));
    }

    void selectedFailureShowsItsMessage()
    {
        TestsPanel panel;
        fill(panel);
        panel.view()->setCurrentItem(panel.itemFor(QStringLiteral("tests/test_a.py::test_bad")));
        QVERIFY2(panel.detailsText().contains(QStringLiteral("AssertionError: assert 5 == 6")),
                 qPrintable(panel.detailsText()));
        QVERIFY(panel.detailsText().contains(QStringLiteral(":11")));
    }

    void activationGoesToTheFailingLine()
    {
        TestsPanel panel;
        fill(panel);
        QSignalSpy location(&panel, &TestsPanel::locationActivated);
        Q_EMIT panel.view()->itemActivated(panel.itemFor(QStringLiteral("tests/test_a.py::test_bad")), 0);
        QCOMPARE(location.size(), 1);
        QCOMPARE(location.first().at(0).toString(), QStringLiteral("/p/tests/test_a.py"));
        QCOMPARE(location.first().at(1).toInt(), 11);
    }

    // A whole run drops the tests the suite no longer has; a run of the
    // failed ones keeps the others' results.
    void staleRowsDropped_data()
    {
        QTest::addColumn<bool>("wholeSuite");
        QTest::addColumn<int>("rows");
        QTest::newRow("whole suite") << true << 1;
        QTest::newRow("failed only") << false << 3;
    }
    void staleRowsDropped()
    {
        QFETCH(bool, wholeSuite);
        QFETCH(int, rows);
        TestsPanel panel;
        fill(panel);
        panel.beginRun();
        panel.addResult(result(QStringLiteral("tests/test_a.py::test_bad"), TestResult::Outcome::Passed));
        panel.finishRun({}, wholeSuite);
        QCOMPARE(panel.testCount(), rows);
        QCOMPARE(panel.view()->topLevelItemCount(), wholeSuite ? 1 : 2);
    }

    void buttonsRequest()
    {
        TestsPanel panel;
        fill(panel);
        QSignalSpy all(&panel, &TestsPanel::runAllRequested);
        QSignalSpy failed(&panel, &TestsPanel::runFailedRequested);
        QSignalSpy watch(&panel, &TestsPanel::watchToggled);
        panel.findChild<QToolButton *>(QStringLiteral("runAllTests"))->click();
        panel.findChild<QToolButton *>(QStringLiteral("runFailedTests"))->click();
        panel.findChild<QToolButton *>(QStringLiteral("watchTests"))->click();
        QCOMPARE(all.size(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(watch.size(), 1);
        QCOMPARE(watch.first().first().toBool(), true);
        QVERIFY(panel.isWatching());
    }

    // Stop is there while a run is: it asks, and goes grey when the run ends.
    void stopWhileRunning()
    {
        TestsPanel panel;
        auto *stop = panel.findChild<QToolButton *>(QStringLiteral("stopTests"));
        QVERIFY(stop);
        QVERIFY(!stop->isEnabled());
        QSignalSpy stopped(&panel, &TestsPanel::stopRequested);
        panel.beginRun();
        QVERIFY(stop->isEnabled());
        stop->click();
        QCOMPARE(stopped.size(), 1);
        TestRunSummary summary;
        summary.exitStatus = 2;
        panel.finishRun(summary, false);
        QVERIFY(!stop->isEnabled());
    }

    void runFailedNeedsAFailure()
    {
        TestsPanel panel;
        panel.beginRun();
        panel.addResult(result(QStringLiteral("t.py::x"), TestResult::Outcome::Passed));
        panel.finishRun({}, true);
        QVERIFY(!panel.findChild<QToolButton *>(QStringLiteral("runFailedTests"))->isEnabled());
    }

    void runProblemIsShown()
    {
        TestsPanel panel;
        panel.beginRun();
        TestRunSummary summary;
        summary.exitStatus = 3;
        summary.error = QStringLiteral("Traceback (most recent call last):\nImportError: no pytest");
        panel.finishRun(summary, true);
        QVERIFY(panel.detailsText().contains(QStringLiteral("ImportError")));
    }
};

QTEST_MAIN(tst_TestsPanel)
#include "tst_testspanel.moc"
