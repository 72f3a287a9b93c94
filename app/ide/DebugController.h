#pragma once

#include "DebugTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class BreakpointsPanel;
class CallStackPanel;
class CodeEditor;
class ConsoleWidget;
class Debugger;
class EditorTabs;
class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class VariablesPanel;

// The debugger in the window: breakpoints in the editors' margins and in a
// panel, the Debug menu and toolbar, and, while a thread is paused, its line
// in the editor, the Call Stack and Variables panels and the console
// evaluating in the selected frame. Owns the wiring so that the main window
// only composes.
class DebugController : public QObject
{
    Q_OBJECT
public:
    DebugController(QMainWindow *window, EditorTabs *editors, ConsoleWidget *console);
    ~DebugController() override;

    // The docks are made at once (so the window's saved state places them),
    // the debugger once the interpreter runs.
    void setDebugger(Debugger *debugger);
    Debugger *debugger() const { return m_debugger; }
    // The Debug menu and toolbar. `runFile` gives F5 to Continue while a
    // thread is paused; the console's stop (Run ▸ Stop, Shift+F5) also stops
    // a paused thread.
    void createActions(QAction *runFile, QAction *stop);
    // Breakpoints belong to the folder's session, like its watches.
    void openSession(const QString &folder);

    void toggleBreakpoint(const QString &file, int line);
    void setBreakpointCondition(int id, const QString &condition, int hitTarget);
    bool isPaused() const { return m_pause.threadId != 0; }
    DebugPause currentPause() const { return m_pause; }
    void selectFrame(int frame);
    int selectedFrame() const { return m_frame; }
    // Enabled only while it can do something: the cost of the frame hook is
    // paid only by sessions that use breakpoints or pause on exceptions.
    bool wantsDebugger() const;

    BreakpointsPanel *breakpointsPanel() const { return m_breakpoints; }
    CallStackPanel *callStackPanel() const { return m_callStack; }
    VariablesPanel *variablesPanel() const { return m_variables; }
    QAction *action(const QString &name) const;

Q_SIGNALS:
    void message(const QString &text);

private:
    void createDocks();
    void attachEditor(CodeEditor *editor);
    void refreshBreakpoints();
    void applyMarks(CodeEditor *editor);
    void saveSession();
    void updateEnabled();
    void onPaused(const DebugPause &pause);
    void onResumed(quint64 threadId);
    void showPause(const DebugPause &pause);
    void clearPause();
    void resume(int action);
    void restartFrame();
    void runToCursor();
    void editBreakpoint(int id);
    void showMarginMenu(CodeEditor *editor, int line, const QPoint &globalPos);
    void openInInspector(const QString &expression);
    void setExceptionMode(int mode);
    void updateActions();
    bool retryAvailable(QString *why) const;
    static QString samePath(const QString &path);

    QMainWindow *m_window;
    EditorTabs *m_editors;
    ConsoleWidget *m_console;
    Debugger *m_debugger = nullptr;
    BreakpointsPanel *m_breakpoints;
    CallStackPanel *m_callStack;
    VariablesPanel *m_variables = nullptr;
    QDockWidget *m_variablesDock = nullptr;
    QDockWidget *m_callStackDock = nullptr;
    QString m_folder;
    DebugPause m_pause;
    int m_frame = 0;
    // Files saved since the exception pause: Retry runs the saved code.
    bool m_savedSincePause = false;
    // Each breakpoint's line as the engine last had it: an editor mark that
    // moved with unsaved edits moves by the engine's change only.
    QHash<int, int> m_engineLines;
    QHash<QString, QAction *> m_actions;
    QActionGroup *m_exceptionModes = nullptr;
    QPointer<QAction> m_runFile;
    bool m_restoring = false;
    QSet<int> m_inspectRequests;  // evaluations that open a value in the Inspector
};
