#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// Plain values the debugger hands to the GUI and to relive-run: they cross
// threads and signals freely; no Python object ever does.

struct Breakpoint
{
    int id = 0;
    QString file;            // absolute, clean path
    int line = 0;            // the line it applies to (holds code once verified)
    int requestedLine = 0;   // where the user put it
    QString condition;       // Python expression; empty: always
    int hitTarget = 0;       // pause from this hit on; 0 or 1: every hit
    int hits = 0;
    bool temporary = false;  // removed when it first pauses (run to cursor)
    bool verified = false;   // line checked against the compiled file
};

struct DebugFrame
{
    QString file;
    int line = 0;
    QString function;        // qualified name
    bool library = false;    // outside the mapped namespaces (and not console code)
    QString restartRefusal;  // why "restart" is refused here; empty: it can restart
};

struct DebugVariable
{
    QString name;
    QString type;
    QString value;           // a short repr
    QString expression;      // evaluates to the value in its frame; empty: not expandable
    bool hasChildren = false;
};

struct DebugPause
{
    enum class Reason { Breakpoint, Step, Exception };
    quint64 threadId = 0;
    QString threadName;
    Reason reason = Reason::Breakpoint;
    int breakpointId = 0;
    QString exception;       // "ZeroDivisionError: division by zero" on an exception pause
    QString note;            // e.g. the error of a breakpoint condition
    QList<DebugFrame> frames;  // innermost first
};

Q_DECLARE_METATYPE(Breakpoint)
Q_DECLARE_METATYPE(DebugFrame)
Q_DECLARE_METATYPE(DebugVariable)
Q_DECLARE_METATYPE(DebugPause)
