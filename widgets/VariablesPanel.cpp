#include "VariablesPanel.h"

#include "Debugger.h"

#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int ExpressionRole = Qt::UserRole;
constexpr int LoadedRole = Qt::UserRole + 1;
constexpr int MoreStartRole = Qt::UserRole + 2;  // on a "more…" row: where the next page starts
constexpr int PlaceholderRole = Qt::UserRole + 3;
}

VariablesPanel::VariablesPanel(Debugger *debugger, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setHeaderLabels({tr("Name"), tr("Value"), tr("Type")});
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_view->setColumnWidth(0, 110);
    m_view->setColumnWidth(1, 170);
    connect(m_view, &QTreeWidget::itemExpanded, this, &VariablesPanel::onExpanded);
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, MoreStartRole).isValid())
            fetchMore(item);
    });
    connect(m_view, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, MoreStartRole).isValid())
            fetchMore(item);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = menuFor(m_view->itemAt(pos))) {
            menu->exec(m_view->viewport()->mapToGlobal(pos));
            delete menu;
        }
    });
    setDebugger(debugger);
}

QMenu *VariablesPanel::menuFor(QTreeWidgetItem *item)
{
    // Rows without an expression (a set's elements, a dict's items under
    // keys that have no literal) cannot be named in the frame.
    const QString expression = item ? item->data(0, ExpressionRole).toString() : QString();
    if (expression.isEmpty() || expression == QLatin1String("<globals>"))
        return nullptr;
    auto *menu = new QMenu(this);
    QAction *inspect = menu->addAction(tr("Open in Inspector"), this,
                                       [this, expression] { Q_EMIT inspectRequested(expression); });
    inspect->setObjectName(QStringLiteral("openInInspectorAction"));
    return menu;
}

void VariablesPanel::setDebugger(Debugger *debugger)
{
    if (m_debugger)
        disconnect(m_debugger, nullptr, this, nullptr);
    clear();
    m_debugger = debugger;
    if (m_debugger)
        connect(m_debugger, &Debugger::variablesReady, this, &VariablesPanel::onVariablesReady);
}

void VariablesPanel::clear()
{
    m_requests.clear();
    m_view->clear();
    m_thread = 0;
    m_frame = -1;
}

void VariablesPanel::showFrame(quint64 threadId, int frame)
{
    clear();
    m_thread = threadId;
    m_frame = frame;
    auto *globals = new QTreeWidgetItem(m_view, {tr("Globals")});
    globals->setData(0, ExpressionRole, QStringLiteral("<globals>"));
    globals->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    QFont italic = globals->font(0);
    italic.setItalic(true);
    globals->setFont(0, italic);
    request(nullptr, QString(), 0);
}

void VariablesPanel::request(QTreeWidgetItem *parent, const QString &expression, int start)
{
    if (!m_debugger)
        return;
    const int id = m_debugger->requestVariables(m_frame, expression, start, m_pageSize, m_thread);
    if (id)
        m_requests.insert(id, {parent, expression});
}

void VariablesPanel::onExpanded(QTreeWidgetItem *item)
{
    if (item->data(0, LoadedRole).toBool())
        return;
    item->setData(0, LoadedRole, true);
    auto *loading = new QTreeWidgetItem(item, {tr("Loading…")});
    loading->setData(0, PlaceholderRole, true);
    loading->setFlags(Qt::ItemIsEnabled);
    request(item, item->data(0, ExpressionRole).toString(), 0);
}

void VariablesPanel::fetchMore(QTreeWidgetItem *moreRow)
{
    const int start = moreRow->data(0, MoreStartRole).toInt();
    QTreeWidgetItem *parent = moreRow->parent();
    const QString expression = parent ? parent->data(0, ExpressionRole).toString() : QString();
    moreRow->setText(0, tr("Loading…"));
    moreRow->setData(0, MoreStartRole, QVariant());
    moreRow->setData(0, PlaceholderRole, true);
    request(parent, expression, start);
}

void VariablesPanel::onVariablesReady(int requestId, const QList<DebugVariable> &variables, int total)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.constEnd())
        return;  // a frame no longer shown
    const Request req = *it;
    m_requests.erase(it);
    // Drop the "Loading…" rows this answer replaces.
    const int count = req.parent ? req.parent->childCount() : m_view->topLevelItemCount();
    for (int i = count - 1; i >= 0; --i) {
        QTreeWidgetItem *child = req.parent ? req.parent->child(i) : m_view->topLevelItem(i);
        if (child->data(0, PlaceholderRole).toBool())
            delete child;
    }
    for (const DebugVariable &variable : variables)
        addRow(req.parent, variable);
    int shown = 0;
    const int rows = req.parent ? req.parent->childCount() : m_view->topLevelItemCount();
    for (int i = 0; i < rows; ++i) {
        QTreeWidgetItem *child = req.parent ? req.parent->child(i) : m_view->topLevelItem(i);
        if (child->data(0, ExpressionRole).toString() != QLatin1String("<globals>"))
            ++shown;
    }
    if (shown < total) {
        auto *more = req.parent ? new QTreeWidgetItem(req.parent) : new QTreeWidgetItem(m_view);
        more->setText(0, tr("more… (%1 of %2 shown)").arg(shown).arg(total));
        more->setData(0, MoreStartRole, shown);
        more->setToolTip(0, tr("Click to show the next %1").arg(m_pageSize));
    }
    if (!req.parent) {
        // Globals stay last, below the locals.
        for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
            if (m_view->topLevelItem(i)->data(0, ExpressionRole).toString() == QLatin1String("<globals>")) {
                m_view->addTopLevelItem(m_view->takeTopLevelItem(i));
                break;
            }
        }
    }
}

QTreeWidgetItem *VariablesPanel::addRow(QTreeWidgetItem *parent, const DebugVariable &variable)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_view);
    item->setText(0, variable.name);
    item->setText(1, variable.value);
    item->setText(2, variable.type);
    item->setToolTip(1, variable.value);
    item->setData(0, ExpressionRole, variable.expression);
    if (variable.hasChildren)
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    return item;
}
