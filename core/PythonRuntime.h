#pragma once

#include "ProgramExit.h"
#include "ProgramSetup.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class PythonRuntimePrivate;

// The embedded CPython interpreter and the two worker threads that talk to it.
//
// The interpreter is initialised on the console worker, which makes that thread
// Python's main thread: user code can call signal.signal(), and interrupt()
// reaches it through Python's own SIGINT machinery. Reloads, namespace
// snapshots and completion run on the live worker, so they apply while the
// console is busy. The thread that owns this object never takes the GIL.
class PythonRuntime : public QObject
{
    Q_OBJECT
public:
    enum class Stream { Stdout, Stderr };
    Q_ENUM(Stream)

    explicit PythonRuntime(QObject *parent = nullptr);
    ~PythonRuntime() override;

    // Starts the workers and initialises the interpreter; blocks until it is
    // ready. Returns false (and sets *error) if Python could not start.
    bool start(QString *error = nullptr);
    bool isRunning() const;

    // REPL semantics, like the Python shell: lines accumulate until they form a
    // complete statement, which then runs in __main__ (expression values are
    // echoed). Emits consoleReady(continuation) when it wants the next line.
    // A line of nothing but blanks ends an open block, as an empty one does.
    void pushConsoleLine(const QString &line);
    // Drops a partly entered block.
    void resetConsoleInput();
    // The console's "Restart Interpreter" without leaving the process: once the
    // console worker is free, drops the partly entered block, empties
    // __main__ back to what a fresh interpreter has and forgets the modules of
    // the registered namespaces and project folders (the namespaces stay
    // registered: the next import runs their files from disk, and saves reload
    // the new modules), then emits consoleReady(false). Other modules stay
    // imported; stopping the program is the caller's part.
    void restartConsole();
    // After consoleReady(true): whether an empty line would end the block
    // (false inside brackets or a triple-quoted string).
    bool isConsoleBlockOpen() const;
    // Runs a whole source text in __main__ on the console worker; emits
    // commandFinished(exit status): 0, the SystemExit code, or 1 on an exception.
    void runSource(const QString &source, const QString &fileName);
    bool isConsoleBusy() const;
    // The Python thread id (threading.get_ident()) of the console worker, whose
    // commands run there; 0 before start().
    quint64 consoleThreadId() const;

    // Delivers the output written so far now, instead of with the next batch
    // (before exiting, say).
    void flushOutput();

    // Raises KeyboardInterrupt in the code running on the console worker,
    // including inside time.sleep() and a `while True: pass`.
    void interrupt();

    // Starts "package.module:callable" in a program thread (a Python thread).
    void runProgram(const QString &spec);
    // Runs the file `path` in a program thread the way `python path args...`
    // would: as a fresh module named __main__ (so its `if __name__ ==
    // "__main__":` block runs), with __file__ set, sys.argv = [path, args...]
    // and the file's directory first on sys.path for the run. It shares the
    // interpreter, so what it imports from a namespace is live.
    void runFile(const QString &path, const QStringList &arguments = {});
    // The same three with a run configuration's setup: its working directory
    // and environment variables hold for the run and are put back when it
    // ends. A callable sees sys.argv = [spec, arguments...]; a module runs
    // as `python -m module arguments...` would, as __main__.
    void runFile(const QString &path, const ProgramSetup &setup);
    void runProgram(const QString &spec, const ProgramSetup &setup);
    void runModule(const QString &module, const ProgramSetup &setup);
    // Raises KeyboardInterrupt in the program thread.
    void stopProgram();
    // The program's next KeyboardInterrupt is the user's stop, raised by
    // someone else (the debugger stopping it where it is paused): it ends as
    // "stopped", and stopProgram() need not interrupt it a second time.
    void expectProgramStop();
    bool isProgramRunning() const;

    // Calls `callback` in `context`'s thread once the console worker has run
    // everything queued on it so far (the lines pushed, the sources run) and
    // the output it wrote has been delivered. Not called if `context` is gone.
    void whenConsoleCaughtUp(QObject *context, std::function<void()> callback);
    // The same for the live worker, which applies reloads and answers
    // completion: it catches up while the console is busy.
    void whenLiveCaughtUp(QObject *context, std::function<void()> callback);

    // Keeps sys.stdout and sys.stderr the process's own text streams on
    // file descriptors 1 and 2, as python3 has them (fileno(), isatty(),
    // faulthandler and child processes work), instead of the console's
    // streams: their text is then written to the descriptors, not emitted by
    // output(). relive-run does this; the window does not. Set before start().
    void setProcessStreamsKept(bool kept);

    // Makes input(), sys.stdin and getpass.getpass() of every Python thread
    // read from the console (inputRequested / provideInput) instead of the
    // process's stdin, which relive-run keeps. Off by default.
    void setConsoleInputEnabled(bool enabled);
    // Answers the read announced by inputRequested; closeInput() ends it with
    // EOF (EOFError from input()), interruptInput() with KeyboardInterrupt.
    void provideInput(const QString &line);
    void closeInput();
    void interruptInput();

Q_SIGNALS:
    // Output of user code, in order, in batches.
    void output(const QString &text, PythonRuntime::Stream stream);
    void consoleReady(bool continuation);
    void commandFinished(int exitStatus);
    void programStarted(const QString &spec);
    void programFinished(const QString &spec, int exitStatus);
    // A Python thread waits for a line of input. `prompt` is what it wrote
    // last without a newline (input()'s argument); `password`: don't show it.
    void inputRequested(const QString &prompt, bool password);
    // The read announced last ended without an answer (interrupted, stopped).
    void inputCancelled();
    // Emitted with programFinished, after all the program's output: why it ended.
    void programEnded(const QString &spec, const ProgramExit &exit);

private:
    friend class PythonRuntimePrivate;
    std::unique_ptr<PythonRuntimePrivate> d;
};
