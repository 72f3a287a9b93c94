#pragma once

// Private to core: the reads of sys.stdin that the IDE's console answers.
#include <pybind11/embed.h>

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <string>

class PythonRuntimePrivate;

// input(), sys.stdin.readline()/read() and getpass.getpass() of any Python
// thread ask the console for a line here. The reading thread waits with the
// GIL released, so output of other threads, reloads and the console go on;
// reads of several threads are answered one after the other, in order.
class ConsoleInput
{
public:
    explicit ConsoleInput(PythonRuntimePrivate *runtime) : m_runtime(runtime) {}

    // With the GIL held. Returns the line with its "\n", or "" at end of
    // input; throws error_already_set (KeyboardInterrupt) when interrupted.
    std::string readLine(bool password);

    // From any thread, without the GIL: the answer to the read the console
    // was asked for.
    void provide(const QString &line);
    void close();
    void interrupt();
    // Interrupts the read of one Python thread; false if it is not reading.
    bool interruptThread(unsigned long pythonThreadId);
    // Lets a read on Python's main thread look for a signal (Ctrl+C) now.
    void wake();

    // With the GIL: sys.stdin and getpass.getpass read from the console, or
    // again from the process's stdin.
    static void install(bool enabled);
    // Adds relive._Input and relive._getpass to the relive module.
    static void addTypes(pybind11::module_ &relive);

private:
    enum class Outcome { Pending, Line, EndOfInput, Interrupted };
    struct Request
    {
        unsigned long thread = 0;
        Outcome outcome = Outcome::Pending;
        QString text;
    };
    void answerFirst(Outcome outcome, const QString &text);

    PythonRuntimePrivate *m_runtime;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<Request *> m_requests;   // waiting reads; the first one is asked
};
