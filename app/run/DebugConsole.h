#pragma once

#include "DebugTypes.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class Debugger;

// pdb-style commands for relive-run's REPL: while a thread is paused every
// line is a debugger command (or a statement run in the selected frame);
// otherwise only `b FILE:LINE` and `cl` are taken, the rest goes to Python.
class DebugConsole : public QObject
{
    Q_OBJECT
public:
    using Writer = std::function<void(const QString &text, bool error)>;

    // Relative breakpoint files are looked up in the current directory, then
    // in `baseDirectory` (the namespace's folder).
    DebugConsole(Debugger *debugger, const QString &baseDirectory, bool interactive, Writer writer,
                 QObject *parent = nullptr);

    // Returns false when `line` is not for the debugger.
    bool handle(const QString &line);
    bool isPaused() const;
    // Keep lines that arrive while nothing is paused for the next pause
    // (a script's debugger commands, piped in ahead).
    void setQueueWhileRunning(bool queue) { m_queueWhileRunning = queue; }
    // `spec` is FILE:LINE, optionally followed by a condition.
    bool addBreakpoint(const QString &spec);

private:
    void onPaused(const DebugPause &pause);
    void showFrame();
    void prompt();
    void resume(int action, int frame = 0);
    QString resolveFile(const QString &file) const;

    Debugger *m_debugger;
    QString m_base;
    bool m_interactive;
    Writer m_write;
    DebugPause m_pause;
    int m_frame = 0;
    bool m_queueWhileRunning = false;
    QStringList m_queued;
};
