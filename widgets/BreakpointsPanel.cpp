#include "BreakpointsPanel.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int IdRole = Qt::UserRole;
}

BreakpointsPanel::BreakpointsPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setHeaderLabels({tr("Location"), tr("Condition"), tr("Hits")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    m_view->setToolTip(tr("Click in the editor's margin or press F9 to set a breakpoint."));
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int id = item->data(0, IdRole).toInt();
        for (const Breakpoint &bp : std::as_const(m_breakpoints)) {
            if (bp.id == id)
                Q_EMIT locationActivated(bp.file, bp.line);
        }
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &BreakpointsPanel::showMenu);
}

void BreakpointsPanel::setBaseFolder(const QString &folder)
{
    m_baseFolder = folder;
    setBreakpoints(m_breakpoints);
}

void BreakpointsPanel::setBreakpoints(const QList<Breakpoint> &breakpoints)
{
    const int selected = selectedId();
    m_breakpoints = breakpoints;
    m_view->clear();
    const QDir base(m_baseFolder);
    for (const Breakpoint &bp : breakpoints) {
        if (bp.temporary)
            continue;  // run to cursor: not the user's breakpoint
        const bool inside = !m_baseFolder.isEmpty() && bp.file.startsWith(m_baseFolder + QLatin1Char('/'));
        const QString file = inside ? base.relativeFilePath(bp.file) : QFileInfo(bp.file).fileName();
        QString condition = bp.condition;
        if (bp.hitTarget > 1)
            condition += (condition.isEmpty() ? QString() : QStringLiteral("; "))
                         + tr("from hit %1").arg(bp.hitTarget);
        auto *item = new QTreeWidgetItem(m_view, {QStringLiteral("%1:%2").arg(file).arg(bp.line), condition,
                                                  QString::number(bp.hits)});
        item->setData(0, IdRole, bp.id);
        item->setToolTip(0, QDir::toNativeSeparators(bp.file));
        if (bp.id == selected)
            m_view->setCurrentItem(item);
    }
}

int BreakpointsPanel::selectedId() const
{
    QTreeWidgetItem *item = m_view->currentItem();
    return item ? item->data(0, IdRole).toInt() : 0;
}

bool BreakpointsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && selectedId()) {
            Q_EMIT removeRequested(selectedId());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void BreakpointsPanel::showMenu(const QPoint &pos)
{
    QMenu menu(this);
    QTreeWidgetItem *item = m_view->itemAt(pos);
    const int id = item ? item->data(0, IdRole).toInt() : 0;
    if (id) {
        menu.addAction(tr("Edit Condition…"), this, [this, id] { Q_EMIT editRequested(id); });
        menu.addAction(tr("Remove"), this, [this, id] { Q_EMIT removeRequested(id); });
        menu.addSeparator();
    }
    menu.addAction(tr("Remove All"), this, &BreakpointsPanel::removeAllRequested)
        ->setEnabled(m_view->topLevelItemCount() > 0);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
