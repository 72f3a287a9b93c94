#include "FindInFilesModel.h"
#include "FindInFilesPanel.h"
#include "ReplacePreviewDialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

namespace {

FileSearchResult result(const QString &path, int matches)
{
    FileSearchResult r;
    r.path = QStringLiteral("/project/") + path;
    r.displayPath = path;
    for (int i = 0; i < matches; ++i) {
        SearchMatch m;
        m.line = i + 1;
        m.column = 4;
        m.length = 5;
        m.lineText = QStringLiteral("    alpha = %1").arg(i);
        r.matches.append(m);
    }
    return r;
}

} // namespace

class tst_FindInFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistent();
    void panelQueryFollowsTheFields();
    void panelSummary();
    void enterInTheQuerySearches();
    void previewUncheckingAFileLeavesOutItsChanges();
};

void tst_FindInFiles::modelIsConsistent()
{
    FindInFilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({result(QStringLiteral("a.py"), 2), result(QStringLiteral("b.py"), 1)});
    model.append({result(QStringLiteral("sub/c.py"), 3)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.matchCount(), 6);
    const QModelIndex c = model.index(2, 0);
    QCOMPARE(c.data().toString(), QStringLiteral("sub/c.py (3)"));
    QCOMPARE(model.rowCount(c), 3);
    const QModelIndex match = model.index(1, 0, c);
    QCOMPARE(match.parent(), c);
    QCOMPARE(match.data().toString(), QStringLiteral("2: alpha = 1"));
    QCOMPARE(match.data(FindInFilesModel::PathRole).toString(), QStringLiteral("/project/sub/c.py"));
    QCOMPARE(match.data(FindInFilesModel::ColumnRole).toInt(), 4);
    QVERIFY(match.data(FindInFilesModel::IsMatchRole).toBool());
    QVERIFY(!c.data(FindInFilesModel::IsMatchRole).toBool());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.matchCount(), 0);
}

void tst_FindInFiles::panelQueryFollowsTheFields()
{
    FindInFilesPanel panel;
    panel.searchField()->setText(QStringLiteral("a+b"));
    panel.regexBox()->setChecked(true);
    panel.wordBox()->setChecked(true);
    panel.filterField()->setText(QStringLiteral("*.py;  *.pyi"));
    const FileSearchQuery query = panel.query();
    QCOMPARE(query.pattern, QStringLiteral("a+b"));
    QVERIFY(query.regex);
    QVERIFY(!query.caseSensitive);
    QVERIFY(query.wholeWord);
    QCOMPARE(query.fileFilters, QStringList({QStringLiteral("*.py"), QStringLiteral("*.pyi")}));
}

void tst_FindInFiles::panelSummary()
{
    FindInFilesPanel panel;
    panel.beginSearch();
    panel.addResults({result(QStringLiteral("a.py"), 2)});
    QVERIFY(!panel.replaceAllButton()->isEnabled());
    FileSearchSummary summary;
    summary.filesSearched = 10;
    summary.filesMatched = 1;
    summary.matches = 2;
    summary.binarySkipped = 3;
    panel.finishSearch(summary);
    QVERIFY2(panel.message().contains(QLatin1String("2 match")), qPrintable(panel.message()));
    QVERIFY2(panel.message().contains(QLatin1String("3 binary")), qPrintable(panel.message()));
    QVERIFY(panel.replaceAllButton()->isEnabled());
    QVERIFY(panel.resultsView()->isExpanded(panel.resultsModel()->index(0, 0)));
}

void tst_FindInFiles::enterInTheQuerySearches()
{
    FindInFilesPanel panel;
    QSignalSpy search(&panel, &FindInFilesPanel::searchRequested);
    panel.searchField()->setText(QStringLiteral("x"));
    QTest::keyClick(panel.searchField(), Qt::Key_Return);
    QCOMPARE(search.size(), 1);
}

void tst_FindInFiles::previewUncheckingAFileLeavesOutItsChanges()
{
    QList<ReplacementPreview> changes;
    changes.append({QStringLiteral("/p/a.py"), QStringLiteral("a.py"), 1, QStringLiteral("x = 1"), QStringLiteral("y = 1"), true});
    changes.append({QStringLiteral("/p/a.py"), QStringLiteral("a.py"), 2, QStringLiteral("x += 1"), QStringLiteral("y += 1"), true});
    changes.append({QStringLiteral("/p/b.py"), QStringLiteral("b.py"), 7, QStringLiteral("f(x)"), QStringLiteral("f(y)"), true});
    ReplacePreviewDialog dialog(changes);
    QTreeWidget *tree = dialog.tree();
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QStringLiteral("f(x)"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(2), QStringLiteral("f(y)"));
    tree->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
    const QList<ReplacementPreview> chosen = dialog.changes();
    QCOMPARE(chosen.size(), 3);
    QVERIFY(!chosen.at(0).included);
    QVERIFY(!chosen.at(1).included);
    QVERIFY(chosen.at(2).included);
}

QTEST_MAIN(tst_FindInFiles)
#include "tst_findinfiles.moc"
