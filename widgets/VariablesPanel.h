#pragma once

#include "DebugTypes.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class Debugger;
class GlobalsBrowser;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QStackedWidget;
class QToolButton;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;
class VariablesModel;

// The program's variables. At any time, the globals of __main__ (the
// console's and a run's), refreshed when asked, filterable and editable in
// place (VariablesModel); while a thread is paused, the locals of its
// selected frame, with a Globals node. Objects expand lazily (their children
// are asked for when opened) and long containers come in pages: a "more…"
// row fetches the next one of a frame's.
class VariablesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesPanel(Debugger *debugger = nullptr, QWidget *parent = nullptr);
    void setDebugger(Debugger *debugger);
    void setGlobalsBrowser(GlobalsBrowser *browser);

    // Shows the variables of `frame` of `threadId`.
    void showFrame(quint64 threadId, int frame);
    // Leaves the frame: the globals are shown (and asked for) again.
    void clear();
    bool isShowingFrame() const { return m_frame >= 0; }
    // Asks for the globals again now if they are in sight, else when they come into sight.
    void refreshGlobals();
    // The frame's tree.
    QTreeWidget *view() const { return m_view; }
    QTreeView *globalsView() const { return m_globalsView; }
    VariablesModel *globalsModel() const { return m_globals; }
    QLineEdit *filterEdit() const { return m_filter; }
    QToolButton *showAllButton() const { return m_showAll; }
    // The last edit's error, or the listing's; empty when there is none.
    QString message() const;
    // The context menu of the global or child at `index`, owned by the caller.
    QMenu *globalsMenuFor(const QModelIndex &index);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = size; }
    // Fetches the page a "more…" row stands for.
    void fetchMore(QTreeWidgetItem *moreRow);
    // The context menu of `item` (null: none for it), owned by the caller.
    QMenu *menuFor(QTreeWidgetItem *item);

Q_SIGNALS:
    // "Open in Inspector": `expression` evaluates to the row's value in the
    // frame shown.
    void inspectRequested(const QString &expression);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void clearFrame();
    void applyFilterToFrame();
    void updateCount();
    void showMessage(const QString &text);
    void restoreExpansion(const QModelIndex &parent, int first, int last);

    struct Request
    {
        QTreeWidgetItem *parent;  // null: the frame's locals at the top level
        QString expression;
    };
    void request(QTreeWidgetItem *parent, const QString &expression, int start);
    void onVariablesReady(int requestId, const QList<DebugVariable> &variables, int total);
    void onExpanded(QTreeWidgetItem *item);
    QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const DebugVariable &variable);

    Debugger *m_debugger = nullptr;
    QLineEdit *m_filter;
    QToolButton *m_showAll;
    QToolButton *m_refresh;
    QLabel *m_count;
    QLabel *m_message;
    QStackedWidget *m_pages;
    QTreeView *m_globalsView;
    VariablesModel *m_globals;
    QSet<QString> m_expanded;  // paths of the globals' rows the user opened
    bool m_globalsStale = false;
    QTreeWidget *m_view;
    QHash<int, Request> m_requests;
    quint64 m_thread = 0;
    int m_frame = -1;
    int m_pageSize = 100;
};
