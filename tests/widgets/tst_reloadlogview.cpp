#include "ReloadLogView.h"

#include <QSignalSpy>
#include <QTest>

namespace {

ReloadReport okReport(int actions)
{
    ReloadReport report;
    report.file = QStringLiteral("/project/services/networking.py");
    report.module = QStringLiteral("applib.services.networking");
    report.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5));
    report.ms = 1.5;
    for (int i = 0; i < actions; ++i)
        report.actions.append({QStringLiteral("NetworkService.m%1").arg(i), QStringLiteral("code replaced")});
    return report;
}

} // namespace

class tst_ReloadLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRowPerReport_data();
    void oneRowPerReport();
    void failedReloadShowsTraceback();
    void clickingErrorGoesToLine();
    void boundedNumberOfRows();
    void outcomeReadableInNarrowView();
};

void tst_ReloadLogView::oneRowPerReport_data()
{
    QTest::addColumn<int>("actions");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("nothing changed") << 0 << QStringLiteral("no changes");
    QTest::newRow("one change") << 1 << QStringLiteral("NetworkService.m0: code replaced");
    QTest::newRow("many changes")
        << 5 << QStringLiteral("NetworkService.m0: code replaced, NetworkService.m1: code replaced, "
                               "NetworkService.m2: code replaced, 2 more");
}

void tst_ReloadLogView::oneRowPerReport()
{
    QFETCH(int, actions);
    QFETCH(QString, outcome);
    ReloadLogView view;
    view.addReport(okReport(actions));
    QCOMPARE(view.topLevelItemCount(), 1);
    QTreeWidgetItem *row = view.topLevelItem(0);
    QCOMPARE(row->text(ReloadLogView::TimeColumn), QStringLiteral("03:04:05"));
    QCOMPARE(row->text(ReloadLogView::FileColumn), QStringLiteral("networking.py"));
    QCOMPARE(row->text(ReloadLogView::DurationColumn), QStringLiteral("1.5 ms"));
    QCOMPARE(row->text(ReloadLogView::OutcomeColumn), outcome);
    QCOMPARE(row->childCount(), actions);
}

void tst_ReloadLogView::failedReloadShowsTraceback()
{
    ReloadLogView view;
    ReloadReport report = okReport(0);
    report.error = QStringLiteral("NameError: name 'x' is not defined");
    report.errorLine = 9;
    report.traceback = QStringLiteral(
        "Traceback (most recent call last):\n"
        "  File \"/project/services/networking.py\", line 9, in <module>\n"
        "NameError: name 'x' is not defined\n");
    view.addReport(report);
    QTreeWidgetItem *row = view.topLevelItem(0);
    QCOMPARE(row->text(ReloadLogView::OutcomeColumn), report.error);
    QVERIFY(row->isExpanded());
    QTreeWidgetItem *error = row->child(0);
    QCOMPARE(error->text(0), QStringLiteral("NameError: name 'x' is not defined (line 9)"));
    QCOMPARE(error->childCount(), 3);
    QCOMPARE(error->child(1)->data(0, ReloadLogView::LineRole).toInt(), 9);
}

void tst_ReloadLogView::clickingErrorGoesToLine()
{
    ReloadLogView view;
    ReloadReport report = okReport(0);
    report.error = QStringLiteral("SyntaxError: invalid syntax");
    report.errorLine = 4;
    view.addReport(report);
    QSignalSpy spy(&view, &ReloadLogView::locationActivated);
    Q_EMIT view.itemClicked(view.topLevelItem(0)->child(0), 0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), report.file);
    QCOMPARE(spy.at(0).at(1).toInt(), 4);
}

void tst_ReloadLogView::boundedNumberOfRows()
{
    ReloadLogView view;
    view.setMaximumReports(3);
    for (int i = 0; i < 5; ++i)
        view.addReport(okReport(i));
    QCOMPARE(view.topLevelItemCount(), 3);
    QCOMPARE(view.topLevelItem(0)->childCount(), 2);
}

void tst_ReloadLogView::outcomeReadableInNarrowView()
{
    ReloadLogView view;
    view.resize(420, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addReport(okReport(3));
    QTreeWidgetItem *row = view.topLevelItem(0);
    QVERIFY(!row->isExpanded());
    const QString outcome = row->text(ReloadLogView::OutcomeColumn);
    const int width = view.columnWidth(ReloadLogView::OutcomeColumn);
    const QFontMetrics metrics(view.font());
    // The whole outcome does not fit on one line of its column...
    QVERIFY2(metrics.horizontalAdvance(outcome) > width, qPrintable(QString::number(width)));
    // ...so the row is as tall as the outcome wrapped to the column's width.
    const int wrapped = metrics.boundingRect(QRect(0, 0, width - 8, 0), Qt::TextWordWrap, outcome).height();
    QTRY_VERIFY2(view.visualItemRect(row).height() >= wrapped,
                 qPrintable(QStringLiteral("row %1 px, text %2 px")
                                .arg(view.visualItemRect(row).height()).arg(wrapped)));
    QVERIFY(wrapped >= 2 * metrics.lineSpacing());
}

QTEST_MAIN(tst_ReloadLogView)
#include "tst_reloadlogview.moc"
