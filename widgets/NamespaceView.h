#pragma once

#include <QSet>
#include <QTreeView>

class NamespaceModel;
struct NamespaceNode;

// Shows a NamespaceModel; keeps what was expanded across refreshes.
class NamespaceView : public QTreeView
{
    Q_OBJECT
public:
    explicit NamespaceView(QWidget *parent = nullptr);

    NamespaceModel *namespaceModel() const { return m_model; }
    void setRoots(const QList<NamespaceNode> &roots);

Q_SIGNALS:
    void definitionRequested(const QString &file, int line);
    // The user asked for fresh instance counts (context menu), or the view
    // became visible: counting is cheap, so the window asks for all of them.
    void instanceCountsRequested();
    // "Show Instances" on a class: the inspector lists its live instances.
    void instancesRequested(const QString &qualifiedClassName);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rememberExpanded();
    void restoreExpanded();
    void showContextMenu(const QPoint &pos);

    NamespaceModel *m_model;
    QSet<QString> m_expanded;
    bool m_firstFill = true;
};
