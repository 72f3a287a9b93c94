#pragma once

#include "GlobalsBrowser.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

// The program's globals as the Variables panel shows them: every global of
// __main__ at the top (filtered by name; __dunder__ names, modules,
// functions and classes hidden unless asked for), their attributes or
// elements below, loaded a page at a time when a row is expanded. A value
// is edited by typing a Python expression, which the GlobalsBrowser
// evaluates in __main__ and assigns.
class VariablesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, SizeColumn, ValueColumn, ColumnCount };
    enum Role {
        HandleRole = Qt::UserRole + 1,
        LiveRole,      // bool: the value's class is a namespace class
        PathRole,      // the names from the top, joined by '\n'
        KindRole,      // int(VariableItem::Kind)
    };

    explicit VariablesModel(GlobalsBrowser *browser = nullptr, QObject *parent = nullptr);

    void setBrowser(GlobalsBrowser *browser);
    GlobalsBrowser *browser() const { return m_browser; }
    // Asks for the globals again; refreshed() follows once they are shown.
    void refresh();
    bool isRefreshing() const { return m_refreshing; }

    // Shows only the globals whose name contains `text` (any case).
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    // Shows __dunder__ names, modules, functions and classes too.
    void setShowHidden(bool show);
    bool showsHidden() const { return m_showHidden; }
    int globalCount() const { return int(m_globals.size()); }
    // Globals that pass the filter; the first RowPage of them are rows, the
    // others become rows as the view scrolls to the end (fetchMore).
    int shownCount() const { return int(m_shown.size()); }
    static constexpr int RowPage = 200;
    // The row of the global `name` among the rows, or an invalid index.
    QModelIndex indexOfGlobal(const QString &name, int column = NameColumn) const;
    const VariableItem *itemAt(const QModelIndex &index) const;
    // What the listing's failure said; empty when it worked.
    QString error() const { return m_error; }

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
    // A listing arrived and is shown.
    void refreshed();
    // An edit's expression was assigned to `name`; the row shows the new value.
    void edited(const QString &name);
    // An edit's expression failed: nothing was assigned.
    void editFailed(const QString &name, const QString &error);

private:
    // No rows, no requests waiting: a new browser, or none.
    void clearRows();

    struct Node
    {
        VariableItem item;
        Node *parent = nullptr;  // null at the top
        int row = -1;            // among the parent's children, or among the globals shown; -1: filtered out
        std::vector<std::unique_ptr<Node>> children;
        int total = -1;          // children the value has; -1: none asked for yet
        bool pending = false;    // a page is on its way
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    bool isShown(const Node *node) const;
    void applyFilter();
    void rebuildShown();
    QString editText(const VariableItem &item) const;

    void onListed(int requestId, const QList<VariableItem> &items, const QString &error);
    void onValuesDescribed(int requestId, const QList<VariableValue> &values);
    void onChildrenListed(int requestId, const QList<VariableItem> &items, int total, bool gone);
    void onAssigned(int requestId, bool ok, const QString &error, const VariableItem &item);

    GlobalsBrowser *m_browser = nullptr;
    std::vector<Node> m_globals;  // the listing, in its order
    std::vector<Node *> m_shown;  // those that pass the filter
    int m_exposed = 0;            // rows of m_shown the view has
    QHash<int, Node *> m_requests;  // child pages on their way
    QHash<int, Node *> m_edits;     // assignments on their way
    int m_listing = 0;              // the refresh whose answer is wanted
    bool m_refreshing = false;
    bool m_showHidden = false;
    QString m_filter;
    QString m_error;
};
