#pragma once

#include "DebugTypes.h"

#include <QHash>
#include <QWidget>

class Debugger;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

// The locals of the selected frame of a paused thread, with a Globals node.
// Objects expand lazily (their children are asked for when opened) and long
// containers come in pages: a "more…" row fetches the next one.
class VariablesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesPanel(Debugger *debugger = nullptr, QWidget *parent = nullptr);
    void setDebugger(Debugger *debugger);

    // Shows the variables of `frame` of `threadId`.
    void showFrame(quint64 threadId, int frame);
    void clear();
    QTreeWidget *view() const { return m_view; }
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

private:
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
    QTreeWidget *m_view;
    QHash<int, Request> m_requests;
    quint64 m_thread = 0;
    int m_frame = -1;
    int m_pageSize = 100;
};
