#pragma once

#include <QWidget>

class OverrideRegistry;
class QPushButton;
class QTreeWidget;

// The active overrides of the running program (target, where it was typed,
// when, whether the file changed underneath), each revertible on its own.
class OverridesView : public QWidget
{
    Q_OBJECT
public:
    enum Column { TargetColumn, OriginColumn, InstalledColumn, StateColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, FileRole };

    explicit OverridesView(OverrideRegistry *registry, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // Reverts the selected overrides.
    void revertSelected();
    // Asks for the selected override's text to replace its method in the file.
    void writeSelectedToFile();

Q_SIGNALS:
    // The window opens `file` and puts override `id`'s text in place of its method there.
    void writeToFileRequested(int id, const QString &file);

private:
    void refresh();

    OverrideRegistry *m_registry;
    QTreeWidget *m_list;
    QPushButton *m_revert;
    QPushButton *m_write;
};
