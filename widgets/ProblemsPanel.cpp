#include "ProblemsPanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QStyle>

namespace {
constexpr int FileRole = Qt::UserRole + 1;
constexpr int LineRole = Qt::UserRole + 2;
}

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemsPanel"));
    setColumnCount(3);
    setHeaderLabels({tr("Problem"), tr("File"), tr("Line")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, FileRole).isValid())  // not the notice
            Q_EMIT locationActivated(item->data(0, FileRole).toString(), item->data(0, LineRole).toInt());
    });
}

void ProblemsPanel::setProblems(const QString &file, Origin origin, const QList<Diagnostic> &problems)
{
    if (problems.isEmpty())
        m_problems.remove(qMakePair(file, int(origin)));
    else
        m_problems.insert(qMakePair(file, int(origin)), problems);
    rebuild();
}

void ProblemsPanel::setNotice(const QString &text)
{
    if (text == m_notice)
        return;
    m_notice = text;
    rebuild();
}

int ProblemsPanel::problemCount() const
{
    return topLevelItemCount() - (m_notice.isEmpty() ? 0 : 1);
}

int ProblemsPanel::errorCount() const
{
    int errors = 0;
    for (const QList<Diagnostic> &list : m_problems) {
        for (const Diagnostic &d : list)
            errors += d.severity == Diagnostic::Severity::Error;
    }
    return errors;
}

void ProblemsPanel::rebuild()
{
    struct Row
    {
        QString file;
        Origin origin;
        Diagnostic diagnostic;
    };
    QList<Row> rows;
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        for (const Diagnostic &d : it.value())
            rows << Row{it.key().first, Origin(it.key().second), d};
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.diagnostic.severity != b.diagnostic.severity)
            return a.diagnostic.severity == Diagnostic::Severity::Error;
        if (a.file != b.file)
            return a.file < b.file;
        return a.diagnostic.line < b.diagnostic.line;
    });
    clear();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (!m_notice.isEmpty()) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(0, m_notice);
        item->setToolTip(0, m_notice);
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxInformation));
        item->setFlags(Qt::ItemIsEnabled);
    }
    for (const Row &row : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem(this);
        const QString message = row.origin == Origin::Reload ? tr("Reload: %1").arg(row.diagnostic.message)
                                                             : row.diagnostic.message;
        item->setText(0, message);
        item->setToolTip(0, message);
        item->setIcon(0, row.diagnostic.severity == Diagnostic::Severity::Error ? error : warning);
        item->setText(1, QFileInfo(row.file).fileName());
        item->setToolTip(1, row.file);
        item->setText(2, QString::number(row.diagnostic.line));
        item->setData(0, FileRole, row.file);
        item->setData(0, LineRole, row.diagnostic.line);
    }
    Q_EMIT countsChanged(errorCount(), problemCount());
}
