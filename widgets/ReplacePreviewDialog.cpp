#include "ReplacePreviewDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

ReplacePreviewDialog::ReplacePreviewDialog(const QList<ReplacementPreview> &changes, QWidget *parent)
    : QDialog(parent)
    , m_changes(changes)
    , m_tree(new QTreeWidget(this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Replace in Files"));
    resize(820, 480);
    m_tree->setObjectName(QStringLiteral("replacePreview"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Line"), tr("Before"), tr("After")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    QTreeWidgetItem *file = nullptr;
    for (const ReplacementPreview &change : std::as_const(m_changes)) {
        if (!file || file->data(0, Qt::UserRole).toString() != change.path) {
            file = new QTreeWidgetItem(m_tree, {change.displayPath});
            file->setData(0, Qt::UserRole, change.path);
            file->setFirstColumnSpanned(true);
            file->setFlags(file->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            QFont bold = file->font(0);
            bold.setBold(true);
            file->setFont(0, bold);
            file->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(file, {QString::number(change.line), change.before.trimmed(),
                                                change.after.trimmed()});
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, change.included ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(1, change.before);
        item->setToolTip(2, change.after);
        m_items.append(item);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(1, 360);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *replace = buttons->addButton(tr("Replace"), QDialogButtonBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    replace->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemChanged, this, &ReplacePreviewDialog::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Uncheck a change to leave it out. Files open in an editor change in "
                                    "their buffer (one undo step); others are written on disk."),
                                 this));
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    updateCount();
}

QList<ReplacementPreview> ReplacePreviewDialog::changes() const
{
    QList<ReplacementPreview> changes = m_changes;
    for (int i = 0; i < changes.size(); ++i)
        changes[i].included = m_items.at(i)->checkState(0) == Qt::Checked;
    return changes;
}

void ReplacePreviewDialog::updateCount()
{
    int included = 0;
    for (const QTreeWidgetItem *item : std::as_const(m_items))
        included += item->checkState(0) == Qt::Checked ? 1 : 0;
    m_count->setText(tr("%1 of %2 changes will be made.").arg(included).arg(m_items.size()));
}
