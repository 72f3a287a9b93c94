#include "ReloadLogView.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QRegularExpression>

namespace {

QString changesText(const ReloadReport &report)
{
    if (report.kind == ReloadReport::Kind::Check) {
        return report.ok() ? ReloadLogView::tr("checked, not loaded yet")
                           : ReloadLogView::tr("checked, not loaded yet: %1").arg(report.error);
    }
    if (!report.ok())
        return report.error;
    if (report.actions.isEmpty())
        return ReloadLogView::tr("no changes");
    QStringList parts;
    for (const ReloadAction &action : report.actions) {
        parts.append(QStringLiteral("%1: %2").arg(action.object, action.action));
        if (parts.size() == 3)
            break;
    }
    if (report.actions.size() > parts.size())
        parts.append(ReloadLogView::tr("%n more", nullptr, int(report.actions.size() - parts.size())));
    return parts.join(QStringLiteral(", "));
}

// Which way the reload went, and why; empty when the report does not say.
QString pathText(const ReloadReport &report)
{
    QString path;
    switch (report.path) {
    case ReloadReport::Path::Unknown:
        return QString();
    case ReloadReport::Path::EditedStatements:
        path = ReloadLogView::tr("edited statements only");
        break;
    case ReloadReport::Path::WholeModule:
        path = ReloadLogView::tr("whole module");
        break;
    }
    return report.pathReason.isEmpty() ? ReloadLogView::tr("Ran: %1").arg(path)
                                       : ReloadLogView::tr("Ran: %1 (%2)").arg(path, report.pathReason);
}

} // namespace

ReloadLogView::ReloadLogView(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Time"), tr("File"), tr("Duration"), tr("Outcome")});
    setRootIsDecorated(true);
    // The outcome wraps onto more lines rather than being cut off: a narrow
    // dock must still say what a reload did without expanding the row.
    setWordWrap(true);
    setUniformRowHeights(false);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(DurationColumn, QHeaderView::ResizeToContents);

    // Row heights depend on the outcome column's width, which the header
    // changes (a stretched section) without always saying so.
    connect(header(), &QHeaderView::sectionResized, this, &ReloadLogView::refitOutcomes);

    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(0, FileRole).toString();
        const int line = item->data(0, LineRole).toInt();
        if (!file.isEmpty() && line > 0)
            Q_EMIT locationActivated(file, line);
    });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        // A single click on an error line is enough to go there.
        if (item->parent() && item->data(0, LineRole).toInt() > 0)
            Q_EMIT locationActivated(item->data(0, FileRole).toString(),
                                     item->data(0, LineRole).toInt());
    });
}

void ReloadLogView::addReport(const ReloadReport &report)
{
    auto *item = new QTreeWidgetItem;
    const QDateTime time = report.time.isValid() ? report.time : QDateTime::currentDateTime();
    item->setText(TimeColumn, time.toString(QStringLiteral("HH:mm:ss")));
    item->setText(FileColumn, QFileInfo(report.file).fileName());
    item->setToolTip(FileColumn, report.file);
    item->setText(DurationColumn, tr("%1 ms").arg(report.ms, 0, 'f', 1));
    item->setText(OutcomeColumn, changesText(report));
    item->setToolTip(OutcomeColumn, report.summary());
    fitOutcome(item);
    item->setData(0, FileRole, report.file);
    // In the tree before children are added: spanning needs the view.
    addTopLevelItem(item);

    const QColor errorColor(0xd0, 0x30, 0x30);
    const QColor warningColor(0xc0, 0x80, 0x00);
    if (!report.ok()) {
        item->setForeground(OutcomeColumn, errorColor);
        item->setIcon(TimeColumn, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        item->setData(0, LineRole, report.errorLine);
        auto *error = new QTreeWidgetItem(item);
        error->setFirstColumnSpanned(true);
        error->setText(0, report.errorLine > 0
                              ? tr("%1 (line %2)").arg(report.error).arg(report.errorLine)
                              : report.error);
        error->setForeground(0, errorColor);
        error->setData(0, FileRole, report.file);
        error->setData(0, LineRole, report.errorLine);
        static const QRegularExpression location(QStringLiteral("File \"([^\"]+)\", line (\\d+)"));
        const QStringList lines = report.traceback.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            auto *child = new QTreeWidgetItem(error);
            child->setFirstColumnSpanned(true);
            child->setText(0, line);
            child->setFont(0, QFont(QStringLiteral("monospace")));
            const auto match = location.match(line);
            if (match.hasMatch()) {
                child->setData(0, FileRole, match.captured(1));
                child->setData(0, LineRole, match.captured(2).toInt());
            }
        }
    } else {
        item->setIcon(TimeColumn, style()->standardIcon(report.warnings.isEmpty()
                                                            ? QStyle::SP_DialogApplyButton
                                                            : QStyle::SP_MessageBoxWarning));
    }
    for (const ReloadAction &action : report.actions) {
        auto *child = new QTreeWidgetItem(item);
        child->setFirstColumnSpanned(true);
        child->setText(0, QStringLiteral("%1: %2").arg(action.object, action.action));
    }
    const QString path = pathText(report);
    if (!path.isEmpty()) {
        auto *child = new QTreeWidgetItem(item);
        child->setFirstColumnSpanned(true);
        child->setText(0, path);
    }
    for (const QString &warning : report.warnings) {
        auto *child = new QTreeWidgetItem(item);
        child->setFirstColumnSpanned(true);
        child->setText(0, warning);
        child->setForeground(0, warningColor);
    }

    if (!report.ok())
        item->setExpanded(true);
    while (topLevelItemCount() > m_maximumReports)
        delete takeTopLevelItem(0);
    scrollToItem(item);
}

void ReloadLogView::fitOutcome(QTreeWidgetItem *item)
{
    // QTreeView sizes rows without knowing a column's width, so a wrapped
    // outcome would be cut to one line: tell it the height the text needs.
    const int width = columnWidth(OutcomeColumn);
    const int textWidth = qMax(20, width - 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) - 4);
    const QFontMetrics metrics(font());
    const int height = metrics.boundingRect(QRect(0, 0, textWidth, 0), Qt::TextWordWrap,
                                            item->text(OutcomeColumn)).height();
    item->setSizeHint(OutcomeColumn, QSize(width, qMax(height, metrics.height()) + 4));
}

void ReloadLogView::updateGeometries()
{
    QTreeWidget::updateGeometries();
    refitOutcomes();
}

void ReloadLogView::refitOutcomes()
{
    if (columnWidth(OutcomeColumn) == m_fittedWidth)
        return;
    m_fittedWidth = columnWidth(OutcomeColumn);
    for (int i = 0; i < topLevelItemCount(); ++i)
        fitOutcome(topLevelItem(i));
}
