#include "OverridesView.h"

#include "Overrides.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

OverridesView::OverridesView(OverrideRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_list(new QTreeWidget(this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_write(new QPushButton(tr("&Write to File"), this))
{
    m_list->setObjectName(QStringLiteral("overridesList"));
    // "applib.services.networking.NetworkService.handle": the end says the most.
    m_list->setTextElideMode(Qt::ElideLeft);
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Override of"), tr("Typed in"), tr("Since"), tr("State")});
    m_list->header()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *revertAction = new QAction(tr("Revert"), m_list);
    m_list->addAction(revertAction);
    connect(revertAction, &QAction::triggered, this, &OverridesView::revertSelected);
    auto *writeAction = new QAction(tr("Write to File"), m_list);
    m_list->addAction(writeAction);
    connect(writeAction, &QAction::triggered, this, &OverridesView::writeSelectedToFile);

    m_revert->setObjectName(QStringLiteral("revertOverride"));
    m_revert->setToolTip(tr("Put back what the file defines now"));
    connect(m_revert, &QPushButton::clicked, this, &OverridesView::revertSelected);
    m_write->setObjectName(QStringLiteral("writeOverride"));
    m_write->setToolTip(tr("Replace the method in its file by the override's text, in the editor, unsaved"));
    connect(m_write, &QPushButton::clicked, this, &OverridesView::writeSelectedToFile);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_revert->setEnabled(!m_list->selectedItems().isEmpty());
        m_write->setEnabled(m_list->selectedItems().size() == 1);
    });

    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("@relive.override(Class) above a def in the console replaces a method "
                               "of the running program until reverted."), this);
    hint->setWordWrap(true);
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_write);
    buttons->addWidget(m_revert);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_registry, &OverrideRegistry::changed, this, &OverridesView::refresh);
    refresh();
}

void OverridesView::revertSelected()
{
    const auto items = m_list->selectedItems();
    for (QTreeWidgetItem *item : items)
        m_registry->revert(item->data(TargetColumn, IdRole).toInt());
}

void OverridesView::writeSelectedToFile()
{
    const auto items = m_list->selectedItems();
    if (items.size() == 1)
        Q_EMIT writeToFileRequested(items.first()->data(TargetColumn, IdRole).toInt(),
                                    items.first()->data(TargetColumn, FileRole).toString());
}

void OverridesView::refresh()
{
    QList<int> selected;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        selected.append(item->data(TargetColumn, IdRole).toInt());
    m_list->clear();
    const auto overrides = m_registry->overrides();
    for (const OverrideInfo &o : overrides) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(TargetColumn, o.target);
        item->setData(TargetColumn, IdRole, o.id);
        item->setData(TargetColumn, FileRole, o.file);
        item->setText(OriginColumn, o.origin);
        item->setText(InstalledColumn, o.installed.time().toString(QStringLiteral("HH:mm:ss")));
        item->setText(StateColumn, o.fileChanged ? tr("file changed underneath") : tr("active"));
        item->setToolTip(StateColumn, o.fileChanged
                                          ? tr("The file was saved since: a revert puts back its new version")
                                          : QString());
        item->setSelected(selected.contains(o.id));
    }
    m_revert->setEnabled(!m_list->selectedItems().isEmpty());
    m_write->setEnabled(m_list->selectedItems().size() == 1);
}
