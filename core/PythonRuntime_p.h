#pragma once

// Private to core: includes pybind11.
#include <pybind11/embed.h>

#include "ConsoleInput_p.h"
#include "PythonRuntime.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <unistd.h>

#include <atomic>
#include <deque>
#include <functional>

namespace py = pybind11;

// Prints a Python exception (with traceback) to sys.stderr and clears it.
void printPythonException(py::error_already_set &e);

// The started runtime, or null.
PythonRuntime *startedRuntime();
// Runs `job` on the live worker with the GIL held.
void postLive(PythonRuntime *runtime, std::function<void()> job);
// The same on the console worker, in order with the console's commands.
void postConsole(PythonRuntime *runtime, std::function<void()> job);
// Python's thread id of the live worker (for the reload time limit).
unsigned long liveThreadId(const PythonRuntime *runtime);

// A thread that runs queued jobs with the GIL held. The console worker also
// initialises (and finalises) the interpreter, so it is Python's main thread.
class PythonWorker : public QThread
{
public:
    PythonWorker(PythonRuntimePrivate *runtime, bool ownsInterpreter);

    void post(std::function<void()> job);
    void stop();
    bool isBusy() const { return m_busy.load(); }
    unsigned long pythonThreadId() const { return m_pythonThreadId.load(); }
    Qt::HANDLE nativeId() const { return m_nativeId.load(); }

protected:
    void run() override;

private:
    std::function<void()> take();

    PythonRuntimePrivate *m_runtime;
    const bool m_ownsInterpreter;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::atomic<bool> m_busy{false};
    std::atomic<unsigned long> m_pythonThreadId{0};
    std::atomic<Qt::HANDLE> m_nativeId{nullptr};
};

class PythonRuntimePrivate
{
public:
    explicit PythonRuntimePrivate(PythonRuntime *q) : q(q) {}
    static PythonRuntimePrivate *of(const PythonRuntime *runtime) { return runtime->d.get(); }

    // Called by the relive._Output objects that replace sys.stdout/stderr, from
    // any thread that holds the GIL. Releases the GIL while it waits for the
    // GUI to catch up with a flood of output.
    void appendOutput(PythonRuntime::Stream stream, const QString &text);
    void deliverOutput();
    // Emits a signal from the thread that owns the runtime, after the output
    // written so far.
    void emitOnOwnerThread(std::function<void()> emitter);
    // Emits a signal in the output stream's order: after the output written so
    // far and before any written later, whichever thread writes it.
    void emitInOutputOrder(std::function<void()> emitter);
    // Calls `callback` in `context`'s thread once `worker` has run what is queued on it.
    void whenCaughtUp(PythonWorker *worker, QObject *context, std::function<void()> callback);

    bool initialiseInterpreter(QString *error);   // console worker, on start
    void finaliseInterpreter();                   // console worker, on exit
    // Runs `source` in __main__ ("single" mode echoes expression values, as
    // the shell does) and emits commandFinished with its exit status.
    void runInMain(const QString &source, const QString &fileName, bool replSingle);
    int exitStatusOf(py::error_already_set &e);
    // Flushes sys.stdout and sys.stderr, whatever the user made of them.
    void flushUserStreams();
    // In a process forked by user code, ends it with `status`.
    void endForkedChild(int status);
    void printException(py::error_already_set &e);
    // Starts `target` in a daemon program thread; the started and finished
    // notices bracket everything the program prints. The setup's working
    // directory and environment hold while `target` runs.
    void startProgram(const QString &spec, py::object target, const ProgramSetup &setup = {});
    ProgramExit programExitOf(py::error_already_set &e);

    static PythonRuntimePrivate *current;  // the started runtime, for the output writers

    PythonRuntime *q;
    PythonWorker *console = nullptr;
    PythonWorker *live = nullptr;
    QMutex startMutex;
    QWaitCondition started;
    bool startDone = false;
    bool startOk = false;
    QString startError;

    // Output, in order, as (stream, text) segments.
    QMutex outputMutex;
    QWaitCondition outputDrained;
    // Output, and signals to emit in order with it (then `text` is empty).
    struct OutputSegment
    {
        PythonRuntime::Stream stream;
        QString text;
        std::function<void()> event;
    };
    std::deque<OutputSegment> pending;
    qsizetype pendingChars = 0;
    bool deliveryScheduled = false;

    const long ownerPid = long(getpid());
    QString consoleBuffer;   // lines of a block not yet complete (console worker only)
    // Console input and the shell's rules for lines (ConsoleInput.cpp).
    ConsoleInput input{this};
    std::atomic<bool> consoleInputEnabled{false};
    bool processStreamsKept = false;  // sys.stdout/stderr stay on fds 1 and 2
    std::atomic<bool> consoleBlockOpen{false};
    QString outputTail;   // what was written after the last newline (outputMutex)
    QString lastPartialLine();
    QString consoleLineFor(const QString &typed);
    bool blockAwaitsEmptyLine(const QString &source);

    std::atomic<bool> programRunning{false};
    std::atomic<unsigned long> programThreadId{0};
    QString programSpec;
    std::atomic<bool> stopRequested{false};
};
