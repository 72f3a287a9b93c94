#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// One change Replace All would make: a line before and after.
struct ReplacementPreview
{
    QString path;
    QString displayPath;
    int line = 0;
    QString before;
    QString after;
    bool included = true;
};

// Find in Files' Replace All shows every change, grouped by file, before it
// applies any; unchecking a change (or a file) leaves it out.
class ReplacePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReplacePreviewDialog(const QList<ReplacementPreview> &changes, QWidget *parent = nullptr);

    // The changes with `included` as the checkboxes say.
    QList<ReplacementPreview> changes() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void updateCount();

    QList<ReplacementPreview> m_changes;
    QTreeWidget *m_tree;
    QLabel *m_count;
    QList<QTreeWidgetItem *> m_items;
};
