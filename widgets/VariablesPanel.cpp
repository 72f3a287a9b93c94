#include "VariablesPanel.h"

#include "Debugger.h"
#include "VariablesModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
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
    , m_filter(new QLineEdit(this))
    , m_showAll(new QToolButton(this))
    , m_refresh(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_globalsView(new QTreeView(this))
    , m_globals(new VariablesModel(nullptr, this))
    , m_view(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 0);
    m_filter->setObjectName(QStringLiteral("variablesFilter"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_count->setObjectName(QStringLiteral("variablesCount"));
    m_count->setToolTip(tr("Globals shown / all globals of __main__"));
    bar->addWidget(m_count);
    m_showAll->setObjectName(QStringLiteral("variablesShowAll"));
    m_showAll->setText(tr("All"));
    m_showAll->setCheckable(true);
    m_showAll->setToolTip(tr("Also show modules, functions, classes and __dunder__ names"));
    bar->addWidget(m_showAll);
    m_refresh->setObjectName(QStringLiteral("variablesRefresh"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the program's globals again"));
    bar->addWidget(m_refresh);
    layout->addLayout(bar);
    m_message->setObjectName(QStringLiteral("variablesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b00020; padding: 2px;"));
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_pages);
    m_pages->addWidget(m_globalsView);
    m_pages->addWidget(m_view);

    m_globalsView->setObjectName(QStringLiteral("globalsView"));
    m_globalsView->setModel(m_globals);
    m_globalsView->setUniformRowHeights(true);
    m_globalsView->setAlternatingRowColors(true);
    m_globalsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_globalsView->header()->setStretchLastSection(true);
    m_globalsView->setColumnWidth(VariablesModel::NameColumn, 110);
    m_globalsView->setColumnWidth(VariablesModel::TypeColumn, 130);
    m_globalsView->setColumnWidth(VariablesModel::SizeColumn, 45);
    m_globalsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_globalsView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = globalsMenuFor(m_globalsView->indexAt(pos))) {
            menu->exec(m_globalsView->viewport()->mapToGlobal(pos));
            delete menu;
        }
    });
    connect(m_globalsView, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_expanded.insert(index.data(VariablesModel::PathRole).toString());
    });
    connect(m_globalsView, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_expanded.remove(index.data(VariablesModel::PathRole).toString());
    });
    // Rows the user had opened open again when a refresh or a page brings them back.
    connect(m_globals, &QAbstractItemModel::modelReset, this, [this] {
        restoreExpansion(QModelIndex(), 0, m_globals->rowCount() - 1);
    });
    connect(m_globals, &QAbstractItemModel::rowsInserted, this, &VariablesPanel::restoreExpansion);
    connect(m_globals, &QAbstractItemModel::modelReset, this, &VariablesPanel::updateCount);
    connect(m_globals, &VariablesModel::refreshed, this, [this] {
        if (!m_globals->error().isEmpty())
            showMessage(tr("Could not list the globals: %1").arg(m_globals->error()));
    });
    connect(m_globals, &VariablesModel::edited, this, [this] { showMessage(QString()); });
    connect(m_globals, &VariablesModel::editFailed, this, [this](const QString &name, const QString &error) {
        showMessage(tr("%1 was not changed: %2").arg(name, error));
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_globals->setFilterText(text.trimmed());
        applyFilterToFrame();
    });
    connect(m_showAll, &QToolButton::toggled, m_globals, &VariablesModel::setShowHidden);
    connect(m_refresh, &QToolButton::clicked, this, [this] {
        if (!isShowingFrame())
            m_globals->refresh();
    });

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

QMenu *VariablesPanel::globalsMenuFor(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    const QModelIndex row = index.siblingAtColumn(VariablesModel::NameColumn);
    const quint64 handle = row.data(VariablesModel::HandleRole).toULongLong();
    auto *menu = new QMenu(this);
    QAction *inspect = menu->addAction(tr("Open in Inspector"), this, [this, handle] {
        if (GlobalsBrowser *browser = m_globals->browser())
            browser->openInInspector(handle);
    });
    inspect->setObjectName(QStringLiteral("openInInspectorAction"));
    inspect->setEnabled(handle != 0);
    const QModelIndex value = index.siblingAtColumn(VariablesModel::ValueColumn);
    QAction *edit = menu->addAction(tr("Edit Value…"), this, [this, value] { m_globalsView->edit(value); });
    edit->setEnabled(value.flags() & Qt::ItemIsEditable);
    menu->addAction(tr("Copy Value"), this, [value] {
        QApplication::clipboard()->setText(value.data(Qt::DisplayRole).toString());
    });
    menu->addSeparator();
    menu->addAction(tr("Refresh"), m_globals, &VariablesModel::refresh);
    return menu;
}

void VariablesPanel::setGlobalsBrowser(GlobalsBrowser *browser)
{
    m_globals->setBrowser(browser);
    refreshGlobals();
}

void VariablesPanel::refreshGlobals()
{
    if (isShowingFrame() || !m_globals->browser())
        return;
    // A hidden panel (a tab behind another) asks when it comes into sight.
    if (!isVisible()) {
        m_globalsStale = true;
        return;
    }
    m_globalsStale = false;
    m_globals->refresh();
}

void VariablesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_globalsStale)
        refreshGlobals();
}

QString VariablesPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void VariablesPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void VariablesPanel::restoreExpansion(const QModelIndex &parent, int first, int last)
{
    if (m_expanded.isEmpty())
        return;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_globals->index(row, 0, parent);
        if (m_expanded.contains(index.data(VariablesModel::PathRole).toString()))
            m_globalsView->expand(index);
    }
}

void VariablesPanel::updateCount()
{
    m_count->setText(m_globals->globalCount() ? tr("%L1 of %L2").arg(m_globals->shownCount()).arg(m_globals->globalCount())
                                              : QString());
}

void VariablesPanel::applyFilterToFrame()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        const QString expression = item->data(0, ExpressionRole).toString();
        const bool always = expression == QLatin1String("<globals>") || item->data(0, MoreStartRole).isValid()
                            || item->data(0, PlaceholderRole).toBool();
        item->setHidden(!always && !text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive));
    }
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

void VariablesPanel::clearFrame()
{
    m_requests.clear();
    m_view->clear();
    m_thread = 0;
    m_frame = -1;
}

void VariablesPanel::clear()
{
    const bool wasFrame = isShowingFrame();
    clearFrame();
    m_pages->setCurrentWidget(m_globalsView);
    m_showAll->setEnabled(true);
    m_count->setVisible(true);
    // The paused thread may have changed them.
    if (wasFrame)
        refreshGlobals();
}

void VariablesPanel::showFrame(quint64 threadId, int frame)
{
    clearFrame();
    m_pages->setCurrentWidget(m_view);
    m_showAll->setEnabled(false);
    m_count->setVisible(false);
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
    if (!req.parent)
        applyFilterToFrame();
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
