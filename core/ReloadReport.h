#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What one reload did. A plain value: it crosses threads and signals freely.
struct ReloadAction
{
    QString object;  // qualified name inside the module, e.g. "NetworkService.handle"
    QString action;  // e.g. "code replaced", "added", "removed", "rebound"
};

struct ReloadReport
{
    enum class Kind {
        Reload,  // the file's module was loaded: its new code was applied (or rejected)
        Check,   // nothing has imported the file yet: it was only compiled, never run
    };

    Kind kind = Kind::Reload;
    QString file;
    QString module;          // e.g. "applib.services.networking"
    QDateTime time;
    double ms = 0.0;         // from the start of the reload until it was applied or rejected
    QList<ReloadAction> actions;
    QStringList warnings;    // things applied partially or not at all, per object
    QString error;           // empty on success; one line, e.g. "SyntaxError: invalid syntax"
    QString traceback;       // full formatted traceback of the error, if any
    int errorLine = 0;       // 1-based line in `file` the error points at, 0 if unknown
    int errorColumn = 0;     // 1-based, 0 if unknown

    // Which way the reload went (set by the Reloader once it has planned):
    // only the statements that changed (and those reading a name they bind)
    // ran, or the whole module body did.
    enum class Path {
        Unknown,           // not planned: the file did not parse, or a check
        EditedStatements,
        WholeModule,
    };
    Path path = Path::Unknown;
    QString pathReason;      // why, e.g. "1 of 170,002 statements changed or read a changed name"
    int statementsRun = 0;
    int statementsKept = 0;  // statements that did not run again

    // "edited statements only: 1 of 170,002 statements changed or read a changed name"
    QString pathText() const;

    bool ok() const { return error.isEmpty(); }
    // Runs of many consecutive actions of one kind (a generated file's
    // thousands of functions) folded into one: "f0 … f169999: added
    // (170,000 names)"; short lists are left as they are.
    static QList<ReloadAction> summarisedActions(const QList<ReloadAction> &actions);
    QString summary() const; // one line: "networking.py: NetworkService.handle: code replaced (1.2 ms)"
};

Q_DECLARE_METATYPE(ReloadReport)
