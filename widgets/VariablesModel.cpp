#include "VariablesModel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QTimer>

namespace {

// Drawn once, as the namespace view draws its badges: a green disc with a
// circling arrow, for values whose class is live-reloaded.
QIcon liveIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x2e, 0x8b, 0x57));
        painter.drawEllipse(QRectF(2, 2, 28, 28));
        QPen pen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(9, 9, 14, 14), 60 * 16, 280 * 16);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const QPointF tip[3] = {QPointF(19, 5.5), QPointF(24.5, 11), QPointF(17, 12.5)};
        painter.drawPolygon(tip, 3);
        painter.end();
        return QIcon(pixmap);
    }();
    return icon;
}

bool isScalarType(const QString &type)
{
    static const QStringList scalars = {QStringLiteral("int"), QStringLiteral("float"), QStringLiteral("bool"),
                                        QStringLiteral("complex"), QStringLiteral("str"), QStringLiteral("bytes"),
                                        QStringLiteral("NoneType")};
    return scalars.contains(type);
}

} // namespace

VariablesModel::VariablesModel(GlobalsBrowser *browser, QObject *parent)
    : QAbstractItemModel(parent)
{
    setBrowser(browser);
}

void VariablesModel::setBrowser(GlobalsBrowser *browser)
{
    if (m_browser == browser)
        return;
    if (m_browser)
        disconnect(m_browser, nullptr, this, nullptr);
    m_browser = browser;
    clearRows();
    if (!m_browser)
        return;
    connect(m_browser, &GlobalsBrowser::listed, this, &VariablesModel::onListed);
    connect(m_browser, &GlobalsBrowser::valuesDescribed, this, &VariablesModel::onValuesDescribed);
    connect(m_browser, &GlobalsBrowser::childrenListed, this, &VariablesModel::onChildrenListed);
    connect(m_browser, &GlobalsBrowser::assigned, this, &VariablesModel::onAssigned);
    // Forgotten with the browser; a new one starts empty.
    connect(m_browser, &QObject::destroyed, this, [this] {
        m_browser = nullptr;
        clearRows();
    });
}

void VariablesModel::clearRows()
{
    beginResetModel();
    m_globals.clear();
    m_shown.clear();
    m_exposed = 0;
    m_requests.clear();
    m_edits.clear();
    m_refreshing = false;
    endResetModel();
}

void VariablesModel::refresh()
{
    if (!m_browser)
        return;
    const int id = m_browser->refresh();
    if (id) {
        m_listing = id;
        m_refreshing = true;
    }
}

void VariablesModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    applyFilter();
}

void VariablesModel::setShowHidden(bool show)
{
    if (show == m_showHidden)
        return;
    m_showHidden = show;
    applyFilter();
}

bool VariablesModel::isShown(const Node *node) const
{
    const VariableItem &item = node->item;
    if (!m_showHidden && (item.kind != VariableItem::Kind::Data || item.isDunder()))
        return false;
    return m_filter.isEmpty() || item.name.contains(m_filter, Qt::CaseInsensitive);
}

void VariablesModel::rebuildShown()
{
    m_shown.clear();
    for (Node &node : m_globals) {
        if (isShown(&node)) {
            node.row = int(m_shown.size());
            m_shown.push_back(&node);
        } else {
            node.row = -1;
        }
    }
    // Ten thousand rows at once would cost the view's layout a frame.
    m_exposed = std::min(int(m_shown.size()), RowPage);
}

void VariablesModel::applyFilter()
{
    beginResetModel();
    rebuildShown();
    endResetModel();
}

QModelIndex VariablesModel::indexOfGlobal(const QString &name, int column) const
{
    for (int row = 0; row < m_exposed; ++row) {
        if (m_shown[size_t(row)]->item.name == name)
            return createIndex(row, column, m_shown[size_t(row)]);
    }
    return {};
}

const VariableItem *VariablesModel::itemAt(const QModelIndex &index) const
{
    Node *node = nodeOf(index);
    return node ? &node->item : nullptr;
}

VariablesModel::Node *VariablesModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex VariablesModel::indexOf(Node *node, int column) const
{
    if (!node || node->row < 0 || (!node->parent && node->row >= m_exposed))
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex VariablesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_exposed ? createIndex(row, column, m_shown[size_t(row)]) : QModelIndex();
    Node *node = nodeOf(parent);
    if (!node || parent.column() != 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex VariablesModel::parent(const QModelIndex &child) const
{
    Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return indexOf(node->parent);
}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_exposed;
    if (parent.column() != 0)
        return 0;
    Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int VariablesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool VariablesModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_shown.empty();
    if (parent.column() != 0)
        return false;
    Node *node = nodeOf(parent);
    return node && (node->item.childCount > 0 || !node->children.empty());
}

bool VariablesModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_exposed < int(m_shown.size());
    Node *node = nodeOf(parent);
    if (!node || parent.column() != 0 || node->pending || node->item.childCount <= 0 || !node->item.handle)
        return false;
    return node->total < 0 || int(node->children.size()) < node->total;
}

void VariablesModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid()) {
        const int more = std::min(int(m_shown.size()) - m_exposed, RowPage);
        if (more <= 0)
            return;
        beginInsertRows(QModelIndex(), m_exposed, m_exposed + more - 1);
        m_exposed += more;
        endInsertRows();
        return;
    }
    Node *node = nodeOf(parent);
    if (!m_browser || !canFetchMore(parent))
        return;
    const int id = m_browser->listChildren(node->item.handle, int(node->children.size()));
    if (!id)
        return;
    node->pending = true;
    m_requests.insert(id, node);
}

QString VariablesModel::editText(const VariableItem &item) const
{
    // Only a value whose text is the whole of it starts the editor: a cut
    // repr ("[0, 1, ...]") would assign something else if accepted as is.
    if (item.reprFailed || item.valuePending || !isScalarType(item.type)
        || item.value.contains(QChar(0x2026))
        || ((item.type == QLatin1String("str") || item.type == QLatin1String("bytes"))
            && item.size.toInt() > GlobalsBrowser::MaximumLength / 2))
        return QString();
    return item.value;
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    Node *node = nodeOf(index);
    if (!node)
        return {};
    const VariableItem &item = node->item;
    const bool live = !item.liveClass.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return item.name;
        case TypeColumn:
            return item.type;
        case SizeColumn:
            return item.size;
        case ValueColumn:
            return item.valuePending ? QStringLiteral("\u2026") : item.value;
        }
        return {};
    case Qt::EditRole:
        return index.column() == ValueColumn ? editText(item) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (live && (index.column() == NameColumn || index.column() == TypeColumn))
            return tr("Live: an instance of %1, a class of a namespace. Its methods run the code as last "
                      "saved; a reload updates it in place.")
                .arg(item.liveClass);
        if (index.column() == ValueColumn && !item.valuePending) {
            if (item.editable)
                return tr("%1\n\nDouble-click to assign the value of a Python expression (evaluated in __main__).")
                    .arg(item.value);
            return item.value;
        }
        return {};
    case Qt::DecorationRole:
        if (live && index.column() == NameColumn)
            return liveIcon();
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ValueColumn && (item.reprFailed || item.valuePending))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (live && index.column() == TypeColumn)
            return QColor(0x2e, 0x8b, 0x57);
        return {};
    case Qt::FontRole:
        if (index.column() == ValueColumn && item.reprFailed) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case HandleRole:
        return item.handle;
    case LiveRole:
        return live;
    case KindRole:
        return int(item.kind);
    case PathRole: {
        QStringList names;
        for (const Node *n = node; n; n = n->parent)
            names.prepend(n->item.name);
        return names.join(QLatin1Char('\n'));
    }
    }
    return {};
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (!node || !m_browser || role != Qt::EditRole || index.column() != ValueColumn || !node->item.editable)
        return false;
    const QString expression = value.toString().trimmed();
    // Unchanged or empty: nothing to assign.
    if (expression.isEmpty() || expression == editText(node->item))
        return false;
    const int id = m_browser->assign(node->item, node->parent ? node->parent->item.handle : 0, expression);
    if (id)
        m_edits.insert(id, node);
    // The row changes when the program has the new value (onAssigned).
    return false;
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ValueColumn && node->item.editable)
        f |= Qt::ItemIsEditable;
    if (node->item.childCount <= 0)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

void VariablesModel::onListed(int requestId, const QList<VariableItem> &items, const QString &error)
{
    if (requestId != m_listing)
        return;  // an older refresh; a newer one is on its way
    m_refreshing = false;
    beginResetModel();
    m_requests.clear();
    m_edits.clear();
    // Ten thousand rows freed and ten thousand made in one event would be
    // twice one frame's work: the old ones go in an event of their own.
    auto old = std::make_shared<std::vector<Node>>(std::move(m_globals));
    m_globals = std::vector<Node>(size_t(items.size()));
    for (qsizetype i = 0; i < items.size(); ++i)
        m_globals[size_t(i)].item = items.at(i);
    rebuildShown();
    m_error = error;
    endResetModel();
    QTimer::singleShot(0, this, [old] { old->clear(); });
    Q_EMIT refreshed();
}

void VariablesModel::onValuesDescribed(int requestId, const QList<VariableValue> &values)
{
    if (requestId != m_listing || m_refreshing)
        return;
    int first = -1;
    int last = -1;
    for (const VariableValue &v : values) {
        if (v.row < 0 || v.row >= int(m_globals.size()))
            continue;
        Node *node = &m_globals[size_t(v.row)];
        node->item.value = v.value;
        node->item.reprFailed = v.reprFailed;
        node->item.valuePending = false;
        if (node->row >= 0 && node->row < m_exposed) {
            first = first < 0 ? node->row : std::min(first, node->row);
            last = std::max(last, node->row);
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, ValueColumn), index(last, ValueColumn));
}

void VariablesModel::onChildrenListed(int requestId, const QList<VariableItem> &items, int total, bool gone)
{
    Node *node = m_requests.take(requestId);
    if (!node)
        return;
    node->pending = false;
    if (gone) {
        // Of an older listing: a refresh is on its way or the value is gone.
        node->total = int(node->children.size());
        return;
    }
    node->total = total;
    if (items.isEmpty())
        return;
    const QModelIndex parentIndex = indexOf(node);
    const int first = int(node->children.size());
    const bool shown = node->parent ? parentIndex.isValid() : node->row >= 0;
    if (shown)
        beginInsertRows(parentIndex, first, first + int(items.size()) - 1);
    for (const VariableItem &item : items) {
        auto child = std::make_unique<Node>();
        child->item = item;
        child->parent = node;
        child->row = int(node->children.size());
        node->children.push_back(std::move(child));
    }
    if (shown)
        endInsertRows();
}

void VariablesModel::onAssigned(int requestId, bool ok, const QString &error, const VariableItem &item)
{
    Node *node = m_edits.take(requestId);
    if (!ok) {
        Q_EMIT editFailed(node ? node->item.name : item.name, error);
        return;
    }
    if (node) {
        // Its old children belong to the old value, and so do the pages on their way.
        for (QHash<int, Node *> *waiting : {&m_requests, &m_edits}) {
            for (auto it = waiting->begin(); it != waiting->end();) {
                const Node *n = it.value();
                while (n && n != node)
                    n = n->parent;
                it = n ? waiting->erase(it) : std::next(it);
            }
        }
        const QModelIndex at = indexOf(node);
        if (!node->children.empty() && at.isValid()) {
            beginRemoveRows(at, 0, int(node->children.size()) - 1);
            node->children.clear();
            endRemoveRows();
        } else {
            node->children.clear();
        }
        node->total = -1;
        node->pending = false;
        node->item = item;
        if (at.isValid())
            Q_EMIT dataChanged(indexOf(node, NameColumn), indexOf(node, ValueColumn));
    }
    Q_EMIT edited(item.name);
}
