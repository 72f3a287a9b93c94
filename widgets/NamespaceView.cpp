#include "NamespaceView.h"

#include "NamespaceModel.h"

#include <QHeaderView>
#include <QMenu>

NamespaceView::NamespaceView(QWidget *parent)
    : QTreeView(parent)
    , m_model(new NamespaceModel(this))
{
    setModel(m_model);
    setUniformRowHeights(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    // Names are never cut: a narrow view scrolls sideways instead.
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(NamespaceModel::NameColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(NamespaceModel::LocationColumn, QHeaderView::ResizeToContents);

    connect(this, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString file = index.data(NamespaceModel::FileRole).toString();
        if (!file.isEmpty())
            Q_EMIT definitionRequested(file, index.data(NamespaceModel::LineRole).toInt());
    });
    connect(this, &QWidget::customContextMenuRequested, this, &NamespaceView::showContextMenu);
}

void NamespaceView::setRoots(const QList<NamespaceNode> &roots)
{
    rememberExpanded();
    m_model->setRoots(roots);
    if (m_firstFill && !roots.isEmpty()) {
        // First sight of a namespace: open its top two levels.
        expandToDepth(1);
        m_firstFill = false;
    } else {
        restoreExpanded();
    }
}

void NamespaceView::rememberExpanded()
{
    if (m_model->rowCount() == 0)
        return;
    m_expanded.clear();
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (isExpanded(child)) {
                m_expanded.insert(child.data(NamespaceModel::QualifiedNameRole).toString());
                pending.append(child);
            }
        }
    }
}

void NamespaceView::restoreExpanded()
{
    for (const QString &name : std::as_const(m_expanded)) {
        const QModelIndex index = m_model->indexOf(name);
        if (index.isValid())
            expand(index);
    }
}

void NamespaceView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const QString file = index.data(NamespaceModel::FileRole).toString();
    const int line = index.data(NamespaceModel::LineRole).toInt();
    QAction *open = menu.addAction(tr("Go to Definition"));
    open->setEnabled(!file.isEmpty());
    QAction *refresh = menu.addAction(tr("Refresh Instance Counts"));
    QAction *instances = nullptr;
    if (index.data(NamespaceModel::KindRole).toInt() == int(NamespaceNode::Kind::Class))
        instances = menu.addAction(tr("Show Instances"));
    QAction *chosen = menu.exec(viewport()->mapToGlobal(pos));
    if (chosen && chosen == instances)
        Q_EMIT instancesRequested(index.data(NamespaceModel::QualifiedNameRole).toString());
    else if (chosen == open)
        Q_EMIT definitionRequested(file, line);
    else if (chosen && chosen == refresh)
        Q_EMIT instanceCountsRequested();
}

void NamespaceView::showEvent(QShowEvent *event)
{
    QTreeView::showEvent(event);
    Q_EMIT instanceCountsRequested();
}
