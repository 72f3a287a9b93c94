#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

class CodeEditor;
class FindReplaceBar;
class QFileSystemWatcher;
class QTabWidget;

// The open files: one CodeEditor per tab with a modified marker, find and
// replace, go to line, save and save all, and a watch on every open file so
// that a change made by another program is reloaded (or, for a buffer with
// unsaved edits, offered).
class EditorTabs : public QWidget
{
    Q_OBJECT
public:
    explicit EditorTabs(QWidget *parent = nullptr);

    // Opens `path` (or shows it when already open) and goes to `line` if > 0.
    CodeEditor *openFile(const QString &path, int line = 0, QString *error = nullptr);
    CodeEditor *currentEditor() const;
    CodeEditor *editorFor(const QString &path) const;
    QList<CodeEditor *> editors() const;
    int count() const;
    FindReplaceBar *findBar() const { return m_findBar; }
    QTabWidget *tabWidget() const { return m_tabs; }

    bool save(CodeEditor *editor);
    bool saveCurrent();
    bool saveCurrentAs();
    bool saveAll();
    // Asks about unsaved changes; returns false when the user cancels.
    bool closeEditor(CodeEditor *editor);
    bool closeAll();
    bool hasUnsavedChanges() const;

    void showFind();
    void showReplace();
    void goToLine();

    // Marks `line` of `file` until clearErrorMarker(file); remembered for
    // files that are opened later.
    void setErrorMarker(const QString &file, int line, const QString &message);
    void clearErrorMarker(const QString &file);
    bool hasErrorMarker(const QString &file) const;

    static QString normalizedPath(const QString &path);

Q_SIGNALS:
    void fileSaved(const QString &path);
    void currentEditorChanged(CodeEditor *editor);
    void modificationChanged();
    void message(const QString &text);

private:
    void updateTabTitle(CodeEditor *editor);
    void onFileChangedOnDisk(const QString &path);
    void handleExternalChanges();
    void watch(const QString &path);

    QTabWidget *m_tabs;
    FindReplaceBar *m_findBar;
    QFileSystemWatcher *m_watcher;
    QSet<QString> m_changedOnDisk;
    bool m_askingAboutChanges = false;
    struct ErrorMark
    {
        int line;
        QString message;
    };
    QHash<QString, ErrorMark> m_errors;
};
