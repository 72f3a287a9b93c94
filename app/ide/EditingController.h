#pragma once

#include "Formatter.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class CodeEditor;
class EditorTabs;
class QAction;
class QMainWindow;

// The Source menu (Toggle Comment, Indent, Dedent, Format File) and
// format-on-save. Formatting runs `ruff format` or `black` as a process, so
// the window never waits for it; its answer replaces the buffer as one undo
// step, and formatting never saves the file by itself. Owns the wiring so
// that the main window only composes.
class EditingController : public QObject
{
    Q_OBJECT
public:
    EditingController(QMainWindow *window, EditorTabs *editors);
    ~EditingController() override;

    // The Source menu, between Edit and Run.
    void createActions();
    Formatter *formatter() const { return m_formatter; }

    // Edit ▸ Preferences ▸ "Format on save": File ▸ Save and Save All format
    // each buffer first; a buffer that cannot be formatted is saved as it is,
    // and the status bar says why.
    void setFormatOnSave(bool on) { m_formatOnSave = on; }
    bool formatOnSave() const { return m_formatOnSave; }

    // Source ▸ Format File (Ctrl+Shift+I) on the current buffer.
    void formatCurrent();
    void format(CodeEditor *editor);
    // File ▸ Save and Save All.
    void saveCurrent();
    void saveAll();
    bool isFormatting(CodeEditor *editor) const;

    QAction *formatAction() const { return m_formatAction; }

Q_SIGNALS:
    // A buffer's formatting ended, whatever the outcome (the status bar has it).
    void formatFinished(CodeEditor *editor);

private:
    void startFormat(CodeEditor *editor, bool thenSave);
    void onFormatted(const Formatter::Result &result);
    QString failureText(const Formatter::Result &result, const QString &name) const;
    void showMessage(const QString &text);

    struct Pending
    {
        QPointer<CodeEditor> editor;
        int revision = 0;
        bool thenSave = false;
    };

    QMainWindow *m_window;
    EditorTabs *m_editors;
    Formatter *m_formatter;
    QHash<int, Pending> m_pending;  // by request
    bool m_formatOnSave = false;
    QAction *m_formatAction = nullptr;
};
