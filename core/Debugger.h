#pragma once

#include "DebugTypes.h"

#include <QList>
#include <QObject>
#include <QString>

class CodeManager;
class PythonRuntime;

// The live debugger: breakpoints, pausing a thread, stepping, inspecting its
// frames, and restarting a frame with the code saved since it started.
//
// A thread that pauses blocks in C++ with the GIL released, so every other
// thread (other program threads, the live worker applying reloads, the GUI)
// keeps running. All calls here come from the thread that owns the object and
// never take the GIL: work on a paused thread is queued to that thread, work
// on the interpreter to the live worker, and answers come back as signals
// carrying plain values.
class Debugger : public QObject
{
    Q_OBJECT
public:
    enum class ExceptionMode { Never, Uncaught, Raised };
    Q_ENUM(ExceptionMode)
    enum class Action { Continue, StepOver, StepInto, StepOut, Stop, Restart };
    Q_ENUM(Action)

    // `manager` (optional) reports reloads, which move breakpoints with their
    // statements.
    explicit Debugger(PythonRuntime *runtime, CodeManager *manager = nullptr, QObject *parent = nullptr);
    ~Debugger() override;

    // Installs the frame hook that lets threads pause; off, code runs at full
    // speed and nothing pauses.
    void setEnabled(bool enabled);
    bool isEnabled() const;

    // Returns the breakpoint's id. The line is checked on the live worker: one
    // that holds no code moves to the next that does (message() says so).
    int addBreakpoint(const QString &file, int line, const QString &condition = {}, int hitTarget = 0,
                      bool temporary = false);
    bool removeBreakpoint(int id);
    void clearBreakpoints();
    bool setCondition(int id, const QString &condition);
    QList<Breakpoint> breakpoints() const;

    void setExceptionMode(ExceptionMode mode);
    ExceptionMode exceptionMode() const;

    // Threads paused now, the most recent last.
    QList<DebugPause> pausedThreads() const;
    // The thread that paused most recently and is still paused, or 0.
    quint64 currentThread() const;

    // Resumes a paused thread (0: the current one). Restart unwinds frame
    // `frame` (0 innermost) and calls its function again; on an exception pause
    // of frame 0 it is "retry". Returns false, with *error, if refused.
    bool resume(Action action, quint64 threadId = 0, int frame = 0, QString *error = nullptr);
    // Continues until file:line (a temporary breakpoint).
    bool runToLine(const QString &file, int line, quint64 threadId = 0);

    // Evaluates an expression, or runs statements, in a frame of a paused
    // thread; assigning a local takes effect when the frame continues. Answers
    // with evaluated(requestId, ...). Returns 0 if the thread is not paused.
    int evaluate(const QString &source, int frame = 0, quint64 threadId = 0);
    // The locals of a frame (expression empty), its globals ("<globals>"), or
    // the children of a value; one page. Answers with variablesReady().
    int requestVariables(int frame, const QString &expression = {}, int start = 0, int count = 200,
                         quint64 threadId = 0);

Q_SIGNALS:
    void paused(const DebugPause &pause);
    void resumed(quint64 threadId);
    void breakpointsChanged();
    void message(const QString &text);
    void evaluated(int requestId, const QString &text, bool failed);
    void variablesReady(int requestId, const QList<DebugVariable> &variables, int total);

private:
    void resolveBreakpoint(int id);
    void onReloaded(const QString &file);

    class Private;
    Private *d;
};
