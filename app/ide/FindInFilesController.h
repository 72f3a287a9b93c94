#pragma once

#include "FileSearch.h"
#include "ReplacePreviewDialog.h"

#include <QObject>

#include <functional>

class EditorTabs;
class FindInFilesPanel;
class QAction;
class QDockWidget;
class QMainWindow;

// Edit ▸ Find in Files… (Ctrl+Shift+F): the results dock, the search of every
// open folder (open editors' unsaved text instead of their files), opening a
// match, and Replace All with its preview. Owns the wiring, so the main window
// only composes.
class FindInFilesController : public QObject
{
    Q_OBJECT
public:
    using RootsFunction = std::function<QStringList()>;
    FindInFilesController(QMainWindow *window, EditorTabs *editors, RootsFunction roots);
    ~FindInFilesController() override;

    // Edit ▸ Find in Files…, after the editor's own find actions.
    void createActions();

    // Shows the dock, its query prefilled with the editor's selection.
    void showPanel();
    // Searches for what the panel says; a running search is cancelled.
    void search();
    // Previews, then applies, the replacement of every match found last.
    void replaceAll();

    // The preview, replaceable for tests: given the changes, false to cancel,
    // else the changes with `included` set as chosen.
    using PreviewFunction = std::function<bool(QList<ReplacementPreview> &changes)>;
    void setPreviewFunction(PreviewFunction function) { m_preview = std::move(function); }

    FindInFilesPanel *panel() const { return m_panel; }
    FileSearch *engine() const { return m_search; }
    QDockWidget *dock() const { return m_dock; }
    QAction *findInFilesAction() const { return m_action; }

Q_SIGNALS:
    void message(const QString &text);
    // After a Replace All, with what it did.
    void replaced(int changes, int files, const QStringList &skipped);

private:
    void openMatch(const QString &path, int line, int column);
    bool previewChanges(QList<ReplacementPreview> &changes);

    QMainWindow *m_window;
    EditorTabs *m_editors;
    RootsFunction m_roots;
    FindInFilesPanel *m_panel;
    QDockWidget *m_dock;
    FileSearch *m_search;
    QAction *m_action = nullptr;
    PreviewFunction m_preview;
    // The query and results that Replace All works on.
    FileSearchQuery m_query;
    QList<FileSearchResult> m_results;
};
