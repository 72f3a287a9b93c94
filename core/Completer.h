#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class PythonRuntime;

// Completion of names and attributes with jedi, against the live objects of
// the console's __main__ (so `s.ha` completes to the methods `s` has now).
// Without jedi in the interpreter (a pyenv build lacks the distribution's
// python3-jedi) every answer is empty, and packageMissing says why.
class Completer : public QObject
{
    Q_OBJECT
public:
    explicit Completer(PythonRuntime *runtime, QObject *parent = nullptr);

    // `source` is the text typed so far; completion is at its end. The answer
    // arrives as completed(requestId, ...).
    void request(int requestId, const QString &source);

Q_SIGNALS:
    // `prefixLength`: how many characters before the cursor the completions replace.
    void completed(int requestId, const QStringList &completions, int prefixLength);
    // The interpreter lacks `package` ("jedi"), so completion answers empty:
    // emitted before the answer of the request that found out, once until
    // the package turns up.
    void packageMissing(const QString &package);

private:
    PythonRuntime *m_runtime;
    bool m_packageMissing = false;
};
