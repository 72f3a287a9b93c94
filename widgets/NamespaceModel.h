#pragma once

#include "NamespaceNode.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>
#include <vector>

// The registered namespaces as a tree (applib ▸ services ▸ NetworkService ▸
// handle), built from a CodeManager snapshot.
class NamespaceModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LocationColumn, InstancesColumn, ColumnCount };
    enum Role {
        QualifiedNameRole = Qt::UserRole + 1,
        KindRole,
        FileRole,
        LineRole,
    };

    explicit NamespaceModel(QObject *parent = nullptr);
    ~NamespaceModel() override;

    void setRoots(const QList<NamespaceNode> &roots);
    // Shown in the instances column of the class `qualifiedName`.
    void setInstanceCount(const QString &qualifiedName, int count);
    // Qualified class name -> live instances (NamespaceNode::Uncounted shows "n/a").
    void setInstanceCounts(const QHash<QString, int> &counts);
    QModelIndex indexOf(const QString &qualifiedName) const;
    const NamespaceNode *nodeAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        NamespaceNode node; // children moved into `children`
        Item *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Item>> children;
    };

    void build(Item *parent, const QList<NamespaceNode> &nodes);
    Item *itemAt(const QModelIndex &index) const;

    Item m_root;
    QHash<QString, Item *> m_byName;
    QHash<QString, int> m_instanceCounts;
};
