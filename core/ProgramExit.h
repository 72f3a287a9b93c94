#pragma once

#include <QMetaType>
#include <QString>

// How a program thread ended, so that the window and relive-run can say it in
// words ("stopped by you", "raised ValueError: bad") rather than as a number.
struct ProgramExit
{
    enum class Reason {
        Finished,  // returned, or sys.exit() / sys.exit(0)
        Stopped,   // the user stopped it (stopProgram())
        Raised,    // an exception escaped; `exception` says which
        Exited,    // sys.exit(status) with a non-zero status
    };

    Reason reason = Reason::Finished;
    int status = 0;     // the process-style exit status: 0, 130 when stopped, 1 when raised
    QString exception;  // "ValueError: bad value" when reason is Raised
};

Q_DECLARE_METATYPE(ProgramExit)
