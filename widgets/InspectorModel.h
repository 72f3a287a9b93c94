#pragma once

#include "ObjectInspector.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

// The objects shown by the inspector, as a tree loaded lazily: the live
// instances of one class (or objects opened with relive.inspect) at the top,
// their attributes or elements below, a page at a time, each page asked of
// the ObjectInspector when a node is expanded or scrolled to its end.
class InspectorModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        HandleRole = Qt::UserRole + 1,
        MoreRole,      // the "more…" row after a partly loaded page
        SubclassRole,
        CollectedRole,
    };

    explicit InspectorModel(ObjectInspector *inspector, QObject *parent = nullptr);
    ~InspectorModel() override;

    // Replaces what is shown by the live instances of `qualifiedName`.
    void showInstances(const QString &qualifiedName);
    // Adds `item` (from relive.inspect) at the top level.
    void openObject(const InspectorItem &item);
    // Asks again for everything shown (after a reload): the same objects,
    // their values as they are now; collected ones say so.
    void refresh();
    void clear();
    // The next page of `parent`'s children (its "more…" row was activated or scrolled to).
    void loadMore(const QModelIndex &parent);
    QString className() const { return m_className; }
    // What the view shows above the tree: how many instances, or what failed.
    QString status() const { return m_status; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void statusChanged(const QString &status);
    // An edit was refused or its expression failed.
    void editFailed(const QString &error);

private:
    struct Node
    {
        InspectorItem item;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
        int total = -1;          // children the object has; -1: none asked for yet
        bool pending = false;    // a page is on its way
        bool refreshing = false; // the answer replaces the loaded children
        bool opened = false;     // a root opened with relive.inspect(), not an instance listed
    };

    Node *nodeOf(const QModelIndex &index) const;   // null for a "more…" row
    Node *parentOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    bool hasMoreRow(const Node *node) const;
    void requestPage(Node *node);
    void setStatus(const QString &status);
    template <typename F> void forEachNode(Node *from, F &&f);
    void collectHandles(const Node *from, QList<quint64> &handles) const;
    void markCollected(Node *node);
    void setChildren(Node *node, const QList<InspectorItem> &items, int total);
    void appendChildren(Node *node, const QList<InspectorItem> &items);
    void setRoots(const QList<InspectorItem> &items);

    void onInstancesListed(const QString &qualifiedName, const QList<InspectorItem> &items, int total,
                           const QString &error);
    void onChildrenListed(quint64 handle, int offset, const QList<InspectorItem> &items, int total,
                          bool collected);
    void onDescribed(const QList<InspectorItem> &items);
    void onValueSet(quint64 parent, const InspectorItem &child, bool ok, const QString &error);

    ObjectInspector *m_inspector;
    Node m_root;
    QString m_className;
    QString m_status;
    bool m_listing = false;
};
