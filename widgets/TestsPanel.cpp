#include "TestsPanel.h"

#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Role { NodeIdRole = Qt::UserRole, StaleRole };

// "tests/test_app.py::TestX::test_y" -> ("tests/test_app.py", "TestX::test_y");
// unittest's "test_app.AppTest.test_x" -> ("test_app.AppTest", "test_x").
QPair<QString, QString> splitNodeId(const QString &nodeId)
{
    const int colons = nodeId.indexOf(QLatin1String("::"));
    if (colons >= 0)
        return {nodeId.left(colons), nodeId.mid(colons + 2)};
    const int dot = nodeId.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0)
        return {nodeId.left(dot), nodeId.mid(dot + 1)};
    return {nodeId, nodeId};
}

QString durationText(double seconds)
{
    return seconds < 1 ? QStringLiteral("%1 ms").arg(seconds * 1000, 0, 'f', 1)
                       : QStringLiteral("%1 s").arg(seconds, 0, 'f', 2);
}

} // namespace

TestsPanel::TestsPanel(QWidget *parent)
    : QWidget(parent)
    , m_runAll(new QToolButton(this))
    , m_runFailed(new QToolButton(this))
    , m_watch(new QToolButton(this))
    , m_stop(new QToolButton(this))
    , m_counts(new QLabel(this))
    , m_view(new QTreeWidget(this))
    , m_details(new QPlainTextEdit(this))
{
    m_runAll->setText(tr("Run All"));
    m_runAll->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runAll->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runAll->setObjectName(QStringLiteral("runAllTests"));
    m_runFailed->setText(tr("Run Failed"));
    m_runFailed->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_runFailed->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runFailed->setObjectName(QStringLiteral("runFailedTests"));
    m_watch->setText(tr("Watch"));
    m_watch->setCheckable(true);
    m_watch->setToolTip(tr("After every save, run the tests that failed, then the others"));
    m_watch->setObjectName(QStringLiteral("watchTests"));
    m_stop->setText(tr("Stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setToolTip(tr("Stop the run after the test that runs now"));
    m_stop->setObjectName(QStringLiteral("stopTests"));
    m_stop->setEnabled(false);
    connect(m_stop, &QToolButton::clicked, this, &TestsPanel::stopRequested);
    connect(m_runAll, &QToolButton::clicked, this, &TestsPanel::runAllRequested);
    connect(m_runFailed, &QToolButton::clicked, this, &TestsPanel::runFailedRequested);
    connect(m_watch, &QToolButton::toggled, this, &TestsPanel::watchToggled);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_runAll);
    bar->addWidget(m_runFailed);
    bar->addWidget(m_watch);
    bar->addWidget(m_stop);
    bar->addSpacing(8);
    bar->addWidget(m_counts, 1);

    m_view->setColumnCount(2);
    m_view->setHeaderLabels({tr("Test"), tr("Time")});
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->setUniformRowHeights(true);
    connect(m_view, &QTreeWidget::currentItemChanged, this, &TestsPanel::showSelected);
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const TestResult result = m_results.value(item->data(0, NodeIdRole).toString());
        if (!result.file.isEmpty())
            Q_EMIT locationActivated(result.file, result.line);
    });

    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a test to see its message."));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    updateCounts();
}

void TestsPanel::setBaseFolder(const QString &folder)
{
    m_baseFolder = folder;
}

QString TestsPanel::relative(const QString &file) const
{
    if (!m_baseFolder.isEmpty() && file.startsWith(m_baseFolder + QLatin1Char('/')))
        return QDir(m_baseFolder).relativeFilePath(file);
    return QDir::toNativeSeparators(file);
}

void TestsPanel::beginRun()
{
    m_running = true;
    m_stop->setEnabled(true);
    m_runProblem.clear();
    for (QTreeWidgetItem *item : std::as_const(m_tests)) {
        item->setData(0, StaleRole, true);
        item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    updateCounts();
}

QTreeWidgetItem *TestsPanel::groupFor(const QString &nodeId)
{
    const QString group = splitNodeId(nodeId).first;
    QTreeWidgetItem *item = m_groups.value(group);
    if (!item) {
        item = new QTreeWidgetItem(m_view, {group});
        item->setExpanded(true);
        m_groups.insert(group, item);
    }
    return item;
}

void TestsPanel::setOutcome(QTreeWidgetItem *item, const TestResult &result)
{
    using O = TestResult::Outcome;
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    QString outcome = tr("passed");
    switch (result.outcome) {
    case O::Passed: break;
    case O::Failed: icon = QStyle::SP_DialogCancelButton; outcome = tr("failed"); break;
    case O::Error: icon = QStyle::SP_MessageBoxCritical; outcome = tr("error"); break;
    case O::Skipped: icon = QStyle::SP_ArrowForward; outcome = tr("skipped"); break;
    case O::ExpectedFailure: icon = QStyle::SP_DialogApplyButton; outcome = tr("expected failure"); break;
    case O::UnexpectedSuccess: icon = QStyle::SP_MessageBoxWarning; outcome = tr("unexpected success"); break;
    }
    item->setIcon(0, style()->standardIcon(icon));
    item->setText(1, durationText(result.duration));
    item->setData(0, StaleRole, false);
    item->setForeground(0, palette().brush(QPalette::Active, QPalette::Text));
    QString tip = QStringLiteral("%1 — %2").arg(result.nodeId, outcome);
    if (!result.message.isEmpty())
        tip += QLatin1Char('\n') + result.message;
    if (!result.file.isEmpty())
        tip += QStringLiteral("\n%1:%2").arg(relative(result.file)).arg(result.line);
    item->setToolTip(0, tip);
}

void TestsPanel::addResult(const TestResult &result)
{
    QTreeWidgetItem *item = m_tests.value(result.nodeId);
    if (!item) {
        item = new QTreeWidgetItem(groupFor(result.nodeId), {splitNodeId(result.nodeId).second});
        item->setData(0, NodeIdRole, result.nodeId);
        m_tests.insert(result.nodeId, item);
    }
    m_results.insert(result.nodeId, result);
    setOutcome(item, result);
    if (item == m_view->currentItem())
        showSelected();
    updateCounts();
}

void TestsPanel::finishRun(const TestRunSummary &summary, bool wholeSuite)
{
    m_running = false;
    m_stop->setEnabled(false);
    if (wholeSuite) {
        for (auto it = m_tests.begin(); it != m_tests.end();) {
            if (it.value()->data(0, StaleRole).toBool()) {
                m_results.remove(it.key());
                delete it.value();
                it = m_tests.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = m_groups.begin(); it != m_groups.end();) {
            if (it.value()->childCount() == 0) {
                delete it.value();
                it = m_groups.erase(it);
            } else {
                ++it;
            }
        }
    }
    // A run that could not be made, or that pytest refused, says why.
    if (!summary.error.isEmpty())
        m_runProblem = summary.error;
    else if (summary.results.isEmpty() && summary.exitStatus != 0)
        m_runProblem = summary.exitStatus == 5 ? tr("No tests were found.") : summary.output;
    for (QTreeWidgetItem *item : std::as_const(m_tests)) {
        if (item->data(0, StaleRole).toBool())
            item->setForeground(0, palette().brush(QPalette::Active, QPalette::Text));
    }
    updateCounts();
    if (!m_runProblem.isEmpty() && !m_view->currentItem())
        m_details->setPlainText(m_runProblem);
    else
        showSelected();
}

void TestsPanel::clear()
{
    m_view->clear();
    m_groups.clear();
    m_tests.clear();
    m_results.clear();
    m_details->clear();
    m_runProblem.clear();
    updateCounts();
}

void TestsPanel::setWatching(bool watching)
{
    m_watch->setChecked(watching);
}

bool TestsPanel::isWatching() const
{
    return m_watch->isChecked();
}

void TestsPanel::setRunEnabled(bool enabled)
{
    m_runAll->setEnabled(enabled);
    m_runFailed->setEnabled(enabled);
    m_watch->setEnabled(enabled);
    updateCounts();  // Run Failed also needs a failure
}

QTreeWidgetItem *TestsPanel::itemFor(const QString &nodeId) const
{
    return m_tests.value(nodeId);
}

QString TestsPanel::countsText() const
{
    return m_counts->text();
}

QString TestsPanel::detailsText() const
{
    return m_details->toPlainText();
}

void TestsPanel::updateCounts()
{
    using O = TestResult::Outcome;
    QHash<int, int> counts;
    double total = 0;
    for (const TestResult &r : std::as_const(m_results)) {
        ++counts[int(r.outcome)];
        total += r.duration;
    }
    QStringList parts;
    if (int n = counts.value(int(O::Failed)))
        parts << tr("%n failed", nullptr, n);
    if (int n = counts.value(int(O::Error)))
        parts << tr("%n error(s)", nullptr, n);
    if (int n = counts.value(int(O::Passed)))
        parts << tr("%n passed", nullptr, n);
    if (int n = counts.value(int(O::Skipped)))
        parts << tr("%n skipped", nullptr, n);
    if (int n = counts.value(int(O::ExpectedFailure)))
        parts << tr("%n expected failure(s)", nullptr, n);
    if (int n = counts.value(int(O::UnexpectedSuccess)))
        parts << tr("%n unexpected success(es)", nullptr, n);
    QString text = parts.isEmpty() ? tr("No results") : parts.join(QStringLiteral(", "));
    if (!m_results.isEmpty())
        text += QStringLiteral(" — ") + durationText(total);
    if (m_running)
        text = tr("Running… %1").arg(text);
    m_counts->setText(text);
    m_runFailed->setEnabled(m_runAll->isEnabled()
                            && (counts.value(int(O::Failed)) > 0 || counts.value(int(O::Error)) > 0));
}

void TestsPanel::showSelected()
{
    QTreeWidgetItem *item = m_view->currentItem();
    if (!item || !m_results.contains(item->data(0, NodeIdRole).toString())) {
        m_details->setPlainText(m_runProblem);
        return;
    }
    const TestResult result = m_results.value(item->data(0, NodeIdRole).toString());
    QString text = result.nodeId;
    if (!result.file.isEmpty())
        text += QStringLiteral("\n%1:%2").arg(relative(result.file)).arg(result.line);
    if (!result.message.isEmpty())
        text += QStringLiteral("\n\n") + result.message;
    if (!result.details.isEmpty() && result.details != result.message)
        text += QStringLiteral("\n\n") + result.details;
    m_details->setPlainText(text);
}
