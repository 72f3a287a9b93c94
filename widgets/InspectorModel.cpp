#include "InspectorModel.h"

#include <QFont>
#include <QPalette>
#include <QSet>

InspectorModel::InspectorModel(ObjectInspector *inspector, QObject *parent)
    : QAbstractItemModel(parent)
    , m_inspector(inspector)
{
    connect(m_inspector, &ObjectInspector::instancesListed, this, &InspectorModel::onInstancesListed);
    connect(m_inspector, &ObjectInspector::childrenListed, this, &InspectorModel::onChildrenListed);
    connect(m_inspector, &ObjectInspector::described, this, &InspectorModel::onDescribed);
    connect(m_inspector, &ObjectInspector::valueSet, this, &InspectorModel::onValueSet);
}

InspectorModel::~InspectorModel()
{
    QList<quint64> handles;
    collectHandles(&m_root, handles);
    if (!handles.isEmpty())
        m_inspector->release(handles);
}

void InspectorModel::showInstances(const QString &qualifiedName)
{
    clear();
    m_className = qualifiedName;
    m_listing = true;
    setStatus(tr("Listing the instances of %1…").arg(qualifiedName));
    m_inspector->listInstances(qualifiedName);
}

void InspectorModel::openObject(const InspectorItem &item)
{
    const int row = int(m_root.children.size());
    beginInsertRows(QModelIndex(), row, row);
    auto node = std::make_unique<Node>();
    node->item = item;
    node->parent = &m_root;
    node->row = row;
    node->opened = true;
    m_root.children.push_back(std::move(node));
    endInsertRows();
}

void InspectorModel::refresh()
{
    if (!m_className.isEmpty() && !m_listing) {
        m_listing = true;
        m_inspector->listInstances(m_className);
    }
    QList<quint64> roots;
    for (const auto &child : m_root.children) {
        if (child->item.handle && !child->item.collected)
            roots.append(child->item.handle);
    }
    if (!roots.isEmpty())
        m_inspector->describe(roots);
    forEachNode(&m_root, [this](Node *node) {
        if (node == &m_root || node->total < 0 || node->pending || node->item.collected)
            return;
        node->pending = true;
        node->refreshing = true;
        m_inspector->listChildren(node->item.handle, 0,
                                  qMax(int(node->children.size()), ObjectInspector::PageSize));
    });
}

void InspectorModel::clear()
{
    QList<quint64> handles;
    collectHandles(&m_root, handles);
    if (!handles.isEmpty())
        m_inspector->release(handles);
    beginResetModel();
    m_root.children.clear();
    endResetModel();
    m_className.clear();
    m_listing = false;
    setStatus(QString());
}

template <typename F>
void InspectorModel::forEachNode(Node *from, F &&f)
{
    f(from);
    for (const auto &child : from->children)
        forEachNode(child.get(), f);
}

void InspectorModel::collectHandles(const Node *from, QList<quint64> &handles) const
{
    if (from->item.handle)
        handles.append(from->item.handle);
    if (from->item.key)
        handles.append(from->item.key);
    for (const auto &child : from->children)
        collectHandles(child.get(), handles);
}

void InspectorModel::setStatus(const QString &status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

InspectorModel::Node *InspectorModel::parentOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

InspectorModel::Node *InspectorModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return const_cast<Node *>(&m_root);
    Node *parent = parentOf(index);
    if (size_t(index.row()) >= parent->children.size())
        return nullptr;
    return parent->children[size_t(index.row())].get();
}

QModelIndex InspectorModel::indexOf(Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, column, node->parent);
}

bool InspectorModel::hasMoreRow(const Node *node) const
{
    return node->total > int(node->children.size());
}

QModelIndex InspectorModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeOf(parent);
    if (!p || row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    return createIndex(row, column, p);
}

QModelIndex InspectorModel::parent(const QModelIndex &child) const
{
    Node *p = parentOf(child);
    return p ? indexOf(p) : QModelIndex();
}

int InspectorModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = nodeOf(parent);
    if (!p)
        return 0;
    return int(p->children.size()) + (hasMoreRow(p) ? 1 : 0);
}

int InspectorModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool InspectorModel::hasChildren(const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (!p)
        return false;
    if (p == &m_root)
        return !m_root.children.empty();
    if (p->item.collected)
        return false;
    return p->total < 0 ? p->item.expandable : p->total > 0;
}

// Only the first page: views also ask whenever their scroll bar is at its
// end, even before they are laid out, which would load a whole long list.
// Later pages come from loadMore(), asked by the "more…" row.
bool InspectorModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (!p || p == &m_root || p->pending || p->item.collected || !p->item.expandable)
        return false;
    return p->total < 0;
}

void InspectorModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(nodeOf(parent));
}

void InspectorModel::loadMore(const QModelIndex &parent)
{
    Node *p = nodeOf(parent);
    if (p && p != &m_root && !p->pending && !p->item.collected && hasMoreRow(p)) {
        requestPage(p);
        const QModelIndex more = index(int(p->children.size()), NameColumn, parent);
        Q_EMIT dataChanged(more, more);
    }
}

// Between beginInsertRows and endInsertRows: the rows that arrived.
void InspectorModel::appendChildren(Node *node, const QList<InspectorItem> &items)
{
    for (const InspectorItem &item : items) {
        auto child = std::make_unique<Node>();
        child->item = item;
        child->parent = node;
        child->row = int(node->children.size());
        node->children.push_back(std::move(child));
    }
    node->total = int(node->children.size());
}

void InspectorModel::requestPage(Node *node)
{
    node->pending = true;
    m_inspector->listChildren(node->item.handle, int(node->children.size()), ObjectInspector::PageSize);
}

QVariant InspectorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    if (!node) {
        const Node *p = parentOf(index);
        if (role == MoreRole)
            return true;
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return p->pending ? tr("loading…")
                              : tr("more… (%1 of %2 shown)").arg(p->children.size()).arg(p->total);
        if (role == Qt::ToolTipRole)
            return tr("Double-click or scroll to the end to load the next ones");
        return {};
    }
    const InspectorItem &item = node->item;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (item.slot != InspectorItem::Slot::Root)
                return item.name;
            if (item.subclass)
                return tr("%1 (subclass)").arg(item.type.section(QLatin1Char('.'), -1));
            return item.type.section(QLatin1Char('.'), -1);
        case ValueColumn:
            if (item.collected)
                return tr("collected");
            return item.value;
        case TypeColumn:
            return item.type;
        }
        return {};
    case Qt::EditRole:
        return item.value;
    case Qt::ToolTipRole:
        if (item.collected)
            return tr("The object no longer exists in the program");
        if (item.subclass)
            return tr("An instance of the subclass %1").arg(item.type);
        if (item.editable && index.column() == ValueColumn)
            return tr("Double-click to assign a Python expression, evaluated in the program");
        return item.value.size() > 80 ? item.value : QVariant();
    case Qt::FontRole:
        if (item.subclass || item.reprFailed || item.collected) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (item.collected || item.reprFailed)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case HandleRole:
        return item.handle;
    case MoreRole:
        return false;
    case SubclassRole:
        return item.subclass;
    case CollectedRole:
        return item.collected;
    }
    return {};
}

Qt::ItemFlags InspectorModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    const Node *node = nodeOf(index);
    if (node && index.column() == ValueColumn && node->item.editable && node->parent
        && node->parent->item.handle && !node->parent->item.collected)
        f |= Qt::ItemIsEditable;
    return f;
}

bool InspectorModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (role != Qt::EditRole || !node || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString expression = value.toString().trimmed();
    if (expression.isEmpty() || expression == node->item.value)
        return false;
    m_inspector->setValue(node->parent->item.handle, node->item, expression);
    return true;
}

QVariant InspectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

void InspectorModel::markCollected(Node *node)
{
    if (!node->children.empty()) {
        beginRemoveRows(indexOf(node), 0, rowCount(indexOf(node)) - 1);
        node->children.clear();
        node->total = 0;
        endRemoveRows();
    }
    node->item.collected = true;
    node->item.expandable = false;
    node->item.editable = false;
    node->pending = false;
    node->refreshing = false;
    Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
}

// Replaces the children of `node` by `items`, `total` of them in all: in
// place when they are the same slots (a refresh keeps what the user expanded
// below), else anew. The root has no "more…" row (total -1).
void InspectorModel::setChildren(Node *node, const QList<InspectorItem> &items, int total)
{
    const QModelIndex at = indexOf(node);
    bool same = items.size() == int(node->children.size());
    for (int i = 0; same && i < items.size(); ++i) {
        const InspectorItem &old = node->children[size_t(i)]->item;
        same = old.name == items.at(i).name
               && (old.slot != InspectorItem::Slot::Root || old.handle == items.at(i).handle);
    }
    if (same) {
        for (int i = 0; i < items.size(); ++i) {
            Node *child = node->children[size_t(i)].get();
            const bool handleChanged = child->item.handle != items.at(i).handle;
            child->item = items.at(i);
            if (handleChanged && rowCount(indexOf(child)) > 0) {
                // Another object in that slot now: the old one's children do not belong to it.
                const QModelIndex childAt = indexOf(child);
                beginRemoveRows(childAt, 0, rowCount(childAt) - 1);
                child->children.clear();
                child->total = -1;
                endRemoveRows();
            }
        }
        if (!items.isEmpty())
            Q_EMIT dataChanged(indexOf(node->children.front().get(), 0),
                               indexOf(node->children.back().get(), ColumnCount - 1));
    } else {
        const int oldRows = rowCount(at);
        if (oldRows > 0) {
            beginRemoveRows(at, 0, oldRows - 1);
            node->children.clear();
            node->total = 0;
            endRemoveRows();
        }
        node->total = 0;
        if (!items.isEmpty()) {
            beginInsertRows(at, 0, int(items.size()) - 1);
            appendChildren(node, items);
            endInsertRows();
        }
    }
    const int loaded = int(node->children.size());
    const bool hadMore = hasMoreRow(node);
    const bool hasMore = total > loaded;
    if (hadMore && !hasMore) {
        beginRemoveRows(at, loaded, loaded);
        node->total = total;
        endRemoveRows();
    } else if (!hadMore && hasMore) {
        beginInsertRows(at, loaded, loaded);
        node->total = total;
        endInsertRows();
    } else {
        node->total = total;
        if (hasMore)
            Q_EMIT dataChanged(index(loaded, 0, at), index(loaded, ColumnCount - 1, at));
    }
}

// The top level after a new listing: rows of objects still there keep their
// nodes (and what was expanded below them), gone ones leave, new ones come
// in. Both lists are in creation order, so the kept rows keep their order.
void InspectorModel::setRoots(const QList<InspectorItem> &items)
{
    QSet<quint64> wanted;
    for (const InspectorItem &item : items)
        wanted.insert(item.handle);
    for (int row = int(m_root.children.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_root.children[size_t(row)]->item.handle))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_root.children.erase(m_root.children.begin() + row);
        endRemoveRows();
    }
    for (int row = 0; row < items.size(); ++row) {
        const InspectorItem &item = items.at(row);
        if (size_t(row) < m_root.children.size() && m_root.children[size_t(row)]->item.handle == item.handle) {
            Node *node = m_root.children[size_t(row)].get();
            const bool collected = node->item.collected;
            node->item = item;
            node->item.collected = collected;
            node->row = row;
            Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
            continue;
        }
        beginInsertRows(QModelIndex(), row, row);
        auto node = std::make_unique<Node>();
        node->item = item;
        node->parent = &m_root;
        m_root.children.insert(m_root.children.begin() + row, std::move(node));
        for (size_t i = size_t(row); i < m_root.children.size(); ++i)
            m_root.children[i]->row = int(i);
        endInsertRows();
    }
    for (size_t i = 0; i < m_root.children.size(); ++i)
        m_root.children[i]->row = int(i);
}

void InspectorModel::onInstancesListed(const QString &qualifiedName, const QList<InspectorItem> &items,
                                       int total, const QString &error)
{
    if (qualifiedName != m_className || !m_listing)
        return;
    m_listing = false;
    if (!error.isEmpty()) {
        setStatus(error);
        return;
    }
    // Objects opened with relive.inspect() stay below the instances.
    QList<InspectorItem> roots = items;
    for (const auto &child : m_root.children) {
        if (child->opened)
            roots.append(child->item);
    }
    setRoots(roots);
    for (size_t i = 0; i < m_root.children.size(); ++i)
        m_root.children[i]->opened = int(i) >= items.size();
    int subclasses = 0;
    for (const InspectorItem &item : items)
        subclasses += item.subclass ? 1 : 0;
    QString status = tr("Instances of %1: %2").arg(qualifiedName).arg(total);
    if (subclasses > 0)
        status += tr(", of a subclass: %1").arg(subclasses);
    if (total > items.size())
        status += tr(" (the first %1 shown)").arg(items.size());
    setStatus(status);
}

void InspectorModel::onChildrenListed(quint64 handle, int offset, const QList<InspectorItem> &items, int total,
                                      bool collected)
{
    QList<Node *> waiting;
    forEachNode(&m_root, [&](Node *node) {
        if (node != &m_root && node->pending && node->item.handle == handle)
            waiting.append(node);
    });
    for (Node *node : std::as_const(waiting)) {
        node->pending = false;
        if (collected) {
            markCollected(node);
            continue;
        }
        if (node->refreshing) {
            node->refreshing = false;
            setChildren(node, items, total);
            continue;
        }
        if (offset != int(node->children.size()))
            continue;   // an answer to an older request
        const QModelIndex at = indexOf(node);
        const bool hadMore = hasMoreRow(node);
        const int first = int(node->children.size());
        if (hadMore) {
            // The "more…" row becomes the first of the new page.
            beginRemoveRows(at, first, first);
            node->total = first;
            endRemoveRows();
        }
        if (!items.isEmpty()) {
            beginInsertRows(at, first, first + int(items.size()) - 1);
            appendChildren(node, items);
            endInsertRows();
        }
        if (total > int(node->children.size())) {
            beginInsertRows(at, int(node->children.size()), int(node->children.size()));
            node->total = total;
            endInsertRows();
        } else {
            node->total = int(node->children.size());
        }
        if (node->total == 0)
            Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
    }
}

void InspectorModel::onDescribed(const QList<InspectorItem> &items)
{
    for (const InspectorItem &described : items) {
        for (const auto &child : m_root.children) {
            Node *node = child.get();
            if (node->item.handle != described.handle || node->item.collected)
                continue;
            if (described.collected) {
                markCollected(node);
                continue;
            }
            const bool subclass = node->item.subclass;
            node->item.value = described.value;
            node->item.type = described.type;
            node->item.reprFailed = described.reprFailed;
            node->item.subclass = subclass;
            Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
        }
    }
}

void InspectorModel::onValueSet(quint64 parent, const InspectorItem &child, bool ok, const QString &error)
{
    bool mine = false;
    forEachNode(&m_root, [&](Node *node) {
        if (node == &m_root || node->parent->item.handle != parent || node->item.name != child.name)
            return;
        mine = true;
        if (!ok)
            return;
        node->item.value = child.value;
        node->item.type = child.type;
        node->item.editable = child.editable;
        Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
    });
    if (mine && !ok)
        Q_EMIT editFailed(error);
}
