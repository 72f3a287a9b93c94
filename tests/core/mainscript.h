#pragma once

// For the tests that drive the engine with Python: run a script in the
// runtime's __main__ (as the console does) and wait for it to finish.

#include "PythonRuntime.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QString>

// `s` as a Python string literal.
inline QString pythonQuoted(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// Runs `code` in __main__ and waits up to `timeoutMs` (a bound on a hang, not
// a measurement). `stderrText` collects the runtime's stderr (the caller
// connects it); it is cleared first and returned in *failure on an error.
inline bool runInMain(PythonRuntime &runtime, const QString &code, const QString &fileName, int timeoutMs,
                      QString &stderrText, QString *failure)
{
    stderrText.clear();
    QSignalSpy finished(&runtime, &PythonRuntime::commandFinished);
    runtime.runSource(code, fileName);
    if (!finished.wait(timeoutMs)) {
        *failure = QStringLiteral("the Python command did not finish within %1 s").arg(timeoutMs / 1000);
        return false;
    }
    runtime.flushOutput();
    QCoreApplication::processEvents();
    if (finished.first().first().toInt() != 0) {
        *failure = QStringLiteral("Python command failed:\n") + stderrText;
        return false;
    }
    return true;
}
