#include "InspectorView.h"

#include "InspectorModel.h"
#include "ObjectInspector.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

InspectorView::InspectorView(ObjectInspector *inspector, QWidget *parent)
    : QWidget(parent)
    , m_inspector(inspector)
    , m_model(new InspectorModel(inspector, this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    m_inspector->setAttached(true);
    m_tree->setObjectName(QStringLiteral("inspectorTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(InspectorModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(InspectorModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(InspectorModel::TypeColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(InspectorModel::NameColumn, 180);
    m_tree->setColumnWidth(InspectorModel::TypeColumn, 200);
    // Expanding loads the first page, even in a view not laid out yet
    // (QTreeView fetches only on its next layout then).
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_model->canFetchMore(index))
            m_model->fetchMore(index);
    });
    // The "more…" row loads the next page when activated.
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(InspectorModel::MoreRole).toBool())
            m_model->loadMore(index.parent());
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(InspectorModel::MoreRole).toBool())
            m_model->loadMore(index.parent());
    });
    // Scrolled to the end with a "more…" row in sight: the next page.
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value < m_tree->verticalScrollBar()->maximum() || value == 0)
            return;
        const QModelIndex last = m_tree->indexAt(QPoint(1, m_tree->viewport()->height() - 2));
        if (last.data(InspectorModel::MoreRole).toBool())
            m_model->loadMore(last.parent());
    });
    connect(m_inspector, &ObjectInspector::objectOpened, this, &InspectorView::openObject);

    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Right-click a class in the namespace view and choose Show Instances, "
                         "or call relive.inspect(obj) in the console."));
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setToolTip(tr("Read the objects shown again from the running program"));
    connect(refresh, &QToolButton::clicked, this, &InspectorView::refresh);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    connect(clear, &QToolButton::clicked, m_model, &InspectorModel::clear);

    connect(m_model, &InspectorModel::statusChanged, this, [this](const QString &text) { showStatus(text, false); });
    connect(m_model, &InspectorModel::editFailed, this, [this](const QString &error) {
        showStatus(tr("Not assigned: %1").arg(error), true);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(refresh);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree);
}

InspectorView::~InspectorView()
{
    m_inspector->setAttached(false);
}

QString InspectorView::statusText() const
{
    return m_status->text();
}

void InspectorView::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

void InspectorView::showInstances(const QString &qualifiedName)
{
    m_model->showInstances(qualifiedName);
    Q_EMIT shown();
}

void InspectorView::openObject(const InspectorItem &item)
{
    m_model->openObject(item);
    m_tree->expand(m_model->index(m_model->rowCount() - 1, 0));
    Q_EMIT shown();
}

void InspectorView::refresh()
{
    m_model->refresh();
}
