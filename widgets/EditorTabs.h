#pragma once

#include <QFont>
#include <QHash>
#include <QMessageBox>
#include <QSet>
#include <QWidget>

#include <functional>

class CodeEditor;
class DiskChangeBar;
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
    // A new buffer with no file ("Untitled 1"): its first save asks for a name.
    CodeEditor *newUntitled();
    // The name a buffer goes by: its file's name, or "Untitled N".
    static QString displayName(const CodeEditor *editor);
    CodeEditor *currentEditor() const;
    CodeEditor *editorFor(const QString &path) const;
    QList<CodeEditor *> editors() const;
    int count() const;
    FindReplaceBar *findBar() const { return m_findBar; }
    QTabWidget *tabWidget() const { return m_tabs; }

    bool save(CodeEditor *editor);
    bool saveCurrent();
    bool saveCurrentAs();
    // Asks for a file name and saves `editor` there.
    bool saveAs(CodeEditor *editor);
    bool saveAll();
    // Saves every modified buffer that has a file; untitled ones are left
    // alone (a run saves this way, so it never asks for a file name).
    bool saveFiles();
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

    // Font and colour theme of every editor, open now or later.
    void setEditorAppearance(const QFont &font, const QString &theme);
    // Shows a page that is not a file (a welcome page, say) as a closable tab.
    void showPage(QWidget *page, const QString &title);

    // Every question this widget asks goes through here, so tests can answer.
    using QuestionFunction = std::function<QMessageBox::StandardButton(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton)>;
    void setQuestionFunction(QuestionFunction function) { m_question = std::move(function); }
    // The Save As file dialog, likewise: given the suggested path, the chosen one
    // (empty to cancel).
    using SavePathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(SavePathFunction function) { m_savePath = std::move(function); }
    // Where Save As of an untitled buffer starts (the open folder).
    void setSaveDirectory(const QString &directory) { m_saveDirectory = directory; }
    // Shown while the current buffer was kept against a newer file on disk.
    DiskChangeBar *diskChangeBar() const { return m_diskChangeBar; }
    // True when `editor`'s file changed on disk since it was loaded or saved.
    static bool changedOnDisk(const CodeEditor *editor);

Q_SIGNALS:
    void fileSaved(const QString &path);
    void currentEditorChanged(CodeEditor *editor);
    void modificationChanged();
    void message(const QString &text);

private:
    void updateTabTitle(CodeEditor *editor);
    void addEditorTab(CodeEditor *editor);
    void onFileChangedOnDisk(const QString &path);
    void handleExternalChanges();
    void watch(const QString &path);
    QMessageBox::StandardButton ask(const QString &title, const QString &text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton);
    bool confirmOverwrite(CodeEditor *editor);
    void updateDiskChangeBar();

    QTabWidget *m_tabs;
    FindReplaceBar *m_findBar;
    QFileSystemWatcher *m_watcher;
    QSet<QString> m_changedOnDisk;
    DiskChangeBar *m_diskChangeBar;
    // Buffers kept against a newer file on disk, and those whose owner chose
    // to keep them (saving then overwrites without asking again).
    QSet<QString> m_divergent;
    QSet<QString> m_keptOverDisk;
    QuestionFunction m_question;
    SavePathFunction m_savePath;
    int m_untitledCount = 0;
    QString m_saveDirectory;
    QFont m_editorFont;
    QString m_editorTheme;
    bool m_askingAboutChanges = false;
    struct ErrorMark
    {
        int line;
        QString message;
    };
    QHash<QString, ErrorMark> m_errors;
};
