#pragma once

#include "DebugTypes.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

// Every breakpoint of the session: where it is, its condition and hit count,
// and how often it was hit. Double-click goes there; Delete removes it.
class BreakpointsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BreakpointsPanel(QWidget *parent = nullptr);

    void setBreakpoints(const QList<Breakpoint> &breakpoints);
    // Locations are shown relative to this folder when they lie inside it.
    void setBaseFolder(const QString &folder);
    QTreeWidget *view() const { return m_view; }
    int selectedId() const;

Q_SIGNALS:
    void locationActivated(const QString &file, int line);
    void removeRequested(int id);
    void removeAllRequested();
    void editRequested(int id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMenu(const QPoint &pos);

    QTreeWidget *m_view;
    QString m_baseFolder;
    QList<Breakpoint> m_breakpoints;
};
