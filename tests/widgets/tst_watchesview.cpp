#include "PythonRuntime.h"
#include "WatchEvaluator.h"
#include "WatchesView.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

// The Watches panel against the real interpreter: values, changes
// highlighted, errors, the timer and the module the expressions see.
class tst_WatchesView : public QObject
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

    static QString value(const WatchesView &view, int row)
    {
        return view.list()->topLevelItem(row)->text(WatchesView::ValueColumn);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
    }

    void changedValueIsHighlighted()
    {
        run(QStringLiteral("panel_counter = {'n': 1}\n"));
        WatchEvaluator evaluator(&m_runtime);
        WatchesView view(&evaluator);
        view.setPaused(true);
        QSignalSpy settings(&view, &WatchesView::settingsChanged);
        auto *input = view.findChild<QLineEdit *>(QStringLiteral("watchInput"));
        input->setText(QStringLiteral("panel_counter['n']"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(view.expressions(), QStringList{QStringLiteral("panel_counter['n']")});
        QVERIFY(!settings.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 0), QStringLiteral("1"), 10000);
        QVERIFY(!view.list()->topLevelItem(0)->data(WatchesView::ValueColumn, WatchesView::ChangedRole).toBool());

        run(QStringLiteral("panel_counter['n'] = 2\n"));
        view.evaluateNow();
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 0), QStringLiteral("2"), 10000);
        QVERIFY(view.list()->topLevelItem(0)->data(WatchesView::ValueColumn, WatchesView::ChangedRole).toBool());

        QSignalSpy evaluated(&evaluator, &WatchEvaluator::evaluated);
        view.evaluateNow();
        QVERIFY(evaluated.wait(10000));
        QVERIFY(!view.list()->topLevelItem(0)->data(WatchesView::ValueColumn, WatchesView::ChangedRole).toBool());
    }

    void errorsShowAndOthersContinue()
    {
        WatchEvaluator evaluator(&m_runtime);
        WatchesView view(&evaluator);
        view.setPaused(true);
        view.setExpressions({QStringLiteral("1 / 0"), QStringLiteral("6 * 7")});
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 1), QStringLiteral("42"), 10000);
        QCOMPARE(value(view, 0), QStringLiteral("<error: ZeroDivisionError: division by zero>"));
    }

    // Unpaused, the timer alone keeps the values current.
    void timerEvaluates()
    {
        run(QStringLiteral("timer_counter = [0]\n"));
        WatchEvaluator evaluator(&m_runtime);
        WatchesView view(&evaluator);
        view.setInterval(100);
        QCOMPARE(view.interval(), 100);
        QVERIFY(!view.isPaused());
        view.setExpressions({QStringLiteral("timer_counter[0]")});
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 0), QStringLiteral("0"), 10000);
        run(QStringLiteral("timer_counter[0] = 5\n"));
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 0), QStringLiteral("5"), 10000);
    }

    void chosenModule()
    {
        run(QStringLiteral("import sys, types\n"
                           "m = types.ModuleType('panelmodule')\nm.LIMIT = 'module value'\n"
                           "sys.modules['panelmodule'] = m\n"));
        WatchEvaluator evaluator(&m_runtime);
        WatchesView view(&evaluator);
        view.setPaused(true);
        view.setModule(QStringLiteral("panelmodule"));
        view.setExpressions({QStringLiteral("LIMIT")});
        QTRY_COMPARE_WITH_TIMEOUT(value(view, 0), QStringLiteral("'module value'"), 10000);
    }
};

QTEST_MAIN(tst_WatchesView)
#include "tst_watchesview.moc"
