#pragma once

#include <QDialog>
#include <QList>

class QMenuBar;
class QTreeWidget;

// Help ▸ Keyboard Shortcuts: every action of the menus that has a shortcut,
// read from the QActions themselves so the list cannot go stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString menu;   // "Edit", or "File ▸ Recent Folders" for a submenu
        QString action; // the action's text without mnemonic
        QString keys;   // all its shortcuts, in the platform's notation
    };

    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    static QList<Entry> entries(const QMenuBar *menuBar);
    // Keys that are no menu action's (the editor's own, and those an action
    // takes only in a state, like Continue while paused).
    static QList<Entry> contextEntries();
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};
