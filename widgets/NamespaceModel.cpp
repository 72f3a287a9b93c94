#include "NamespaceModel.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace {

QString kindName(NamespaceNode::Kind kind)
{
    switch (kind) {
    case NamespaceNode::Kind::Namespace:
        return NamespaceModel::tr("namespace");
    case NamespaceNode::Kind::Module:
        return NamespaceModel::tr("module");
    case NamespaceNode::Kind::Class:
        return NamespaceModel::tr("class");
    case NamespaceNode::Kind::Function:
        return NamespaceModel::tr("function");
    case NamespaceNode::Kind::Value:
        return NamespaceModel::tr("value");
    }
    return {};
}

QIcon kindIcon(NamespaceNode::Kind kind)
{
    // Drawn once: a coloured badge with the kind's initial, as Qt Creator's
    // outline does, so the view needs no image files.
    static QHash<int, QIcon> cache;
    const int key = int(kind);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;

    QColor color;
    QChar letter;
    switch (kind) {
    case NamespaceNode::Kind::Namespace:
        color = QColor(0x8e, 0x6c, 0x3a);
        letter = QLatin1Char('N');
        break;
    case NamespaceNode::Kind::Module:
        color = QColor(0x6a, 0x6a, 0x6a);
        letter = QLatin1Char('M');
        break;
    case NamespaceNode::Kind::Class:
        color = QColor(0x2b, 0x6c, 0xc4);
        letter = QLatin1Char('C');
        break;
    case NamespaceNode::Kind::Function:
        color = QColor(0x7b, 0x3f, 0xb5);
        letter = QLatin1Char('f');
        break;
    case NamespaceNode::Kind::Value:
        color = QColor(0x2e, 0x8b, 0x57);
        letter = QLatin1Char('v');
        break;
    }
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(2, 2, 28, 28), 7, 7);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, 32, 32), Qt::AlignCenter, QString(letter));
    painter.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

} // namespace

NamespaceModel::NamespaceModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

NamespaceModel::~NamespaceModel() = default;

void NamespaceModel::setRoots(const QList<NamespaceNode> &roots)
{
    beginResetModel();
    m_root.children.clear();
    m_byName.clear();
    // The snapshot's counts are the newest.
    m_instanceCounts.clear();
    build(&m_root, roots);
    endResetModel();
}

void NamespaceModel::build(Item *parent, const QList<NamespaceNode> &nodes)
{
    parent->children.reserve(nodes.size());
    for (const NamespaceNode &node : nodes) {
        auto item = std::make_unique<Item>();
        item->node = node;
        item->node.children.clear();
        item->parent = parent;
        item->row = int(parent->children.size());
        m_byName.insert(node.qualifiedName, item.get());
        if (node.instances != NamespaceNode::Unknown)
            m_instanceCounts.insert(node.qualifiedName, node.instances);
        build(item.get(), node.children);
        parent->children.push_back(std::move(item));
    }
}

void NamespaceModel::setInstanceCount(const QString &qualifiedName, int count)
{
    m_instanceCounts.insert(qualifiedName, count);
    const QModelIndex found = indexOf(qualifiedName);
    if (found.isValid()) {
        const QModelIndex cell = found.siblingAtColumn(InstancesColumn);
        Q_EMIT dataChanged(cell, cell);
    }
}

void NamespaceModel::setInstanceCounts(const QHash<QString, int> &counts)
{
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        if (m_instanceCounts.value(it.key(), NamespaceNode::Unknown) == it.value())
            continue;
        m_instanceCounts.insert(it.key(), it.value());
        const QModelIndex found = indexOf(it.key());
        if (found.isValid()) {
            const QModelIndex cell = found.siblingAtColumn(InstancesColumn);
            Q_EMIT dataChanged(cell, cell);
        }
    }
}

QModelIndex NamespaceModel::indexOf(const QString &qualifiedName) const
{
    Item *item = m_byName.value(qualifiedName);
    return item ? createIndex(item->row, 0, item) : QModelIndex();
}

const NamespaceNode *NamespaceModel::nodeAt(const QModelIndex &index) const
{
    Item *item = itemAt(index);
    return item == &m_root ? nullptr : &item->node;
}

NamespaceModel::Item *NamespaceModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return const_cast<Item *>(&m_root);
    return static_cast<Item *>(index.internalPointer());
}

QModelIndex NamespaceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Item *parentItem = itemAt(parent);
    if (row < 0 || row >= int(parentItem->children.size()))
        return {};
    return createIndex(row, column, parentItem->children[size_t(row)].get());
}

QModelIndex NamespaceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Item *parentItem = itemAt(child)->parent;
    if (!parentItem || parentItem == &m_root)
        return {};
    return createIndex(parentItem->row, 0, parentItem);
}

int NamespaceModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemAt(parent)->children.size());
}

int NamespaceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant NamespaceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const NamespaceNode &node = itemAt(index)->node;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node.name;
        case LocationColumn:
            if (node.file.isEmpty())
                return QString();
            if (node.kind == NamespaceNode::Kind::Namespace)
                return QFileInfo(node.file).fileName() + (node.package ? QStringLiteral("/__init__.py") : QStringLiteral("/"));
            return node.line > 0 ? QStringLiteral("%1:%2").arg(QFileInfo(node.file).fileName()).arg(node.line)
                                 : QFileInfo(node.file).fileName();
        case InstancesColumn: {
            const auto it = m_instanceCounts.constFind(node.qualifiedName);
            if (it == m_instanceCounts.constEnd())
                return QVariant();
            return *it == NamespaceNode::Uncounted ? QVariant(tr("n/a")) : QVariant(*it);
        }
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return kindIcon(node.kind);
        break;
    case Qt::ToolTipRole: {
        if (index.column() == InstancesColumn
            && m_instanceCounts.value(node.qualifiedName, NamespaceNode::Unknown) == NamespaceNode::Uncounted)
            return tr("The instances of this class are not counted: it is an enum, or was made by calling "
                      "type() rather than by a class statement.");
        QString tip = QStringLiteral("<b>%1</b> (%2)").arg(node.qualifiedName.toHtmlEscaped(),
                                                           kindName(node.kind));
        if (!node.summary.isEmpty())
            tip += QStringLiteral("<br><code>%1</code>").arg(node.summary.toHtmlEscaped());
        if (!node.file.isEmpty())
            tip += QStringLiteral("<br>%1:%2").arg(node.file.toHtmlEscaped()).arg(node.line);
        return tip;
    }
    case QualifiedNameRole:
        return node.qualifiedName;
    case KindRole:
        return int(node.kind);
    case FileRole:
        return node.file;
    case LineRole:
        return node.line;
    }
    return {};
}

QVariant NamespaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LocationColumn:
        return tr("Defined in");
    case InstancesColumn:
        return tr("Instances");
    }
    return {};
}
