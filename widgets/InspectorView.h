#pragma once

#include <QWidget>

class InspectorModel;
class ObjectInspector;
class QLabel;
class QTreeView;
struct InspectorItem;

// The Inspector panel: the live instances of a namespace class ("Show
// Instances" in the namespace view) and objects opened with
// relive.inspect(), expandable into their attributes and elements, a scalar
// editable in place with a Python expression. Never blocks: every question
// goes to the ObjectInspector, which answers from the live worker.
class InspectorView : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorView(ObjectInspector *inspector, QWidget *parent = nullptr);
    ~InspectorView() override;

    InspectorModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QString statusText() const;

    void showInstances(const QString &qualifiedName);
    void openObject(const InspectorItem &item);
    // After a reload: the same objects, shown as they are now.
    void refresh();

Q_SIGNALS:
    // Something asks to be seen (instances listed, an object opened): the
    // window raises the panel.
    void shown();

private:
    void showStatus(const QString &text, bool error);

    ObjectInspector *m_inspector;
    InspectorModel *m_model;
    QTreeView *m_tree;
    QLabel *m_status;
};
