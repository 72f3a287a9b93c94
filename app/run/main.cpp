// relive-run: the live engine without a window. A terminal REPL, a script
// (-c / --exec) or a program thread (--run), with every save applied in place.
#include "CodeManager.h"
#include "DebugConsole.h"
#include "Debugger.h"
#include "PythonRuntime.h"
#include "PythonVersion.h"
#include "VirtualEnvironment.h"
#include "PytestCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <functional>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace {

int s_signalPipe[2] = {-1, -1};
struct sigaction s_pythonHandler;

// A SIGINT sent to one thread (SI_TKILL: PythonRuntime::interrupt() aiming at
// the console worker, or signal.raise_signal() in user code) is Python's: it
// goes to Python's own handler, which trips its flag and makes a blocking call
// return. Any other SIGINT (Ctrl+C, kill) is the user's: only the event loop
// hears of it, and decides what it means right now. Passing the user's to
// Python as well would interrupt twice (the second one inside the printing of
// the first traceback) and let the loop see interrupt()'s own signal as a
// second Ctrl+C, stopping the program too.
void onSigint(int sig, siginfo_t *info, void *context)
{
    if (info && info->si_code == SI_TKILL) {
        if (s_pythonHandler.sa_flags & SA_SIGINFO)
            s_pythonHandler.sa_sigaction(sig, info, context);
        else if (s_pythonHandler.sa_handler != SIG_DFL && s_pythonHandler.sa_handler != SIG_IGN)
            s_pythonHandler.sa_handler(sig);
        return;
    }
    const char byte = 1;
    [[maybe_unused]] ssize_t n = write(s_signalPipe[1], &byte, 1);
}

class StdinReader : public QThread
{
    Q_OBJECT
public:
    using QThread::QThread;
Q_SIGNALS:
    void lineRead(const QString &line);
    void endOfInput();

protected:
    void run() override
    {
        std::string line;
        while (std::getline(std::cin, line))
            Q_EMIT lineRead(QString::fromStdString(line));
        Q_EMIT endOfInput();
    }
};

// getpass() in the REPL reads through the same reader: the terminal must
// not show what is typed meanwhile.
void setTerminalEcho(bool on)
{
    termios mode {};
    if (tcgetattr(STDIN_FILENO, &mode) != 0)
        return;
    if (on)
        mode.c_lflag |= ECHO;
    else
        mode.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &mode);
}

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, bytes.size(), stream);
    fflush(stream);
}

// Relive's version and those of the libraries it runs with, one a line. The
// highlighter is the one the IDE of this build uses.
QString versions()
{
#ifdef RELIVE_KSYNTAXHIGHLIGHTING_VERSION
    const QString highlighter = QStringLiteral("KSyntaxHighlighting " RELIVE_KSYNTAXHIGHLIGHTING_VERSION);
#else
    const QString highlighter = QStringLiteral("built-in highlighter");
#endif
    return QStringLiteral("relive-run %1\nPython %2\nQt %3\n%4\n")
        .arg(QStringLiteral(RELIVE_VERSION), pythonVersion(), QString::fromLatin1(qVersion()), highlighter);
}

// The virtual environment of the project in `folder`, or the one `choice`
// names (`none`: none): its packages are put in use if it is made for this
// Python, else a warning says why not. False if `choice` names no venv.
bool useProjectVenv(PythonRuntime &runtime, const QString &folder, const QString &choice, bool quiet)
{
    if (choice == QStringLiteral("none"))
        return true;
    const QString path = choice.isEmpty() ? VirtualEnvironment::find(folder) : choice;
    if (path.isEmpty())
        return true;
    QString error;
    const VirtualEnvironment venv = VirtualEnvironment::read(path, &error);
    if (!venv.isValid()) {
        writeTo(stderr, QStringLiteral("relive-run: %1\n").arg(error));
        return false;
    }
    const QString mismatch = venv.mismatch(pythonVersion());
    if (!mismatch.isEmpty()) {
        writeTo(stderr, QStringLiteral("relive: warning: %1\n").arg(mismatch));
        return choice.isEmpty();
    }
    useVirtualEnvironment(&runtime, venv);
    if (!quiet)
        writeTo(stderr, QStringLiteral("relive: using the virtual environment %1\n").arg(venv.path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList pytestArguments;
    const bool pytest = PytestCommand::takeArguments(argc, argv, &pytestArguments);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("relive-run"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELIVE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs Python code with the files of DIR importable as a namespace and every saved change "
        "applied in place to the running objects."));
    parser.addHelpOption();
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Displays the versions of Relive, Python, Qt and "
                                                          "KSyntaxHighlighting."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("Folder to open: a project's packages are mapped under their own "
                                                "names, any other folder as a namespace."));
    const QCommandLineOption nameOption({QStringLiteral("n"), QStringLiteral("namespace")},
                                        QStringLiteral("Register DIR itself as the namespace NAME (default: a "
                                                       "project's packages under their own names, else applib)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption codeOption(QStringLiteral("c"), QStringLiteral("Run CODE, then exit with its status."),
                                        QStringLiteral("CODE"));
    const QCommandLineOption execOption(QStringLiteral("exec"), QStringLiteral("Run SCRIPT, then exit with its status."),
                                        QStringLiteral("SCRIPT"));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       QStringLiteral("Start MODULE:CALLABLE in a program thread."),
                                       QStringLiteral("MODULE:CALLABLE"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         QStringLiteral("Register the namespace even if it shadows a module."));
    const QCommandLineOption quietOption({QStringLiteral("q"), QStringLiteral("quiet")},
                                         QStringLiteral("Do not print a line per reload."));
    const QCommandLineOption breakOption(QStringLiteral("break"),
                                         QStringLiteral("Pause at FILE:LINE (repeatable); debugger commands are read "
                                                        "from stdin (b, c, n, s, r, w, u, d, p, restart, retry)."),
                                         QStringLiteral("FILE:LINE"));
    const QCommandLineOption debugOption(QStringLiteral("debug"),
                                         QStringLiteral("Debug without a breakpoint: pause on uncaught exceptions."));
    const QCommandLineOption venvOption(QStringLiteral("venv"),
                                        QStringLiteral("Import the packages of the virtual environment VENV (a folder with "
                                                       "a pyvenv.cfg) before the system's; `none` for none. Default: the "
                                                       "venv in DIR or its parent (.venv, venv, env)."),
                                        QStringLiteral("VENV"));
    parser.addOptions({versionOption, nameOption, codeOption, execOption, runOption, forceOption, quietOption,
                       breakOption, debugOption, venvOption});
    parser.addOption(PytestCommand::helpOption());
    parser.process(app);
    if (parser.isSet(versionOption)) {
        writeTo(stdout, versions());
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        writeTo(stderr, QStringLiteral("relive-run: exactly one DIR is required (see --help)\n"));
        return 2;
    }
    QString script;
    QString scriptName;
    if (parser.isSet(codeOption)) {
        script = parser.value(codeOption);
        scriptName = QStringLiteral("<string>");
    } else if (parser.isSet(execOption)) {
        QFile file(parser.value(execOption));
        if (!file.open(QIODevice::ReadOnly)) {
            writeTo(stderr, QStringLiteral("relive-run: cannot read %1: %2\n").arg(file.fileName(), file.errorString()));
            return 2;
        }
        script = QString::fromUtf8(file.readAll());
        scriptName = QFileInfo(file).absoluteFilePath();
    }

    PythonRuntime runtime;
    // Python's own streams on descriptors 1 and 2, as python3 has them.
    runtime.setProcessStreamsKept(true);
    QString error;
    if (!runtime.start(&error)) {
        writeTo(stderr, QStringLiteral("relive-run: Python could not start: %1\n").arg(error));
        return 1;
    }
    QObject::connect(&runtime, &PythonRuntime::output, &app, [](const QString &text, PythonRuntime::Stream s) {
        writeTo(s == PythonRuntime::Stream::Stderr ? stderr : stdout, text);
    });

    const bool quiet = parser.isSet(quietOption);
    if (!useProjectVenv(runtime, positional.first(), parser.isSet(venvOption) ? parser.value(venvOption) : QString(), quiet))
        return 2;

    CodeManager manager(&runtime);
    QObject::connect(&manager, &CodeManager::reloaded, &app, [quiet](const ReloadReport &report) {
        if (!quiet)
            writeTo(stderr, QStringLiteral("relive: %1\n").arg(report.summary()));
        if (!report.ok() && !report.traceback.isEmpty())
            writeTo(stderr, report.traceback);
        for (const QString &w : report.warnings)
            writeTo(stderr, QStringLiteral("relive: warning: %1\n").arg(w));
    });
    QObject::connect(&manager, &CodeManager::warning, &app, [](const QString &message) {
        writeTo(stderr, QStringLiteral("relive: warning: %1\n").arg(message));
    });
    // A project folder maps its packages under their own names; any other
    // folder, or one given a name, is one namespace.
    const QString folder = positional.first();
    const bool asProject = !parser.isSet(nameOption) && !CodeManager::projectPackages(folder).isEmpty();
    const QString namespaceName = parser.isSet(nameOption) ? parser.value(nameOption) : QStringLiteral("applib");
    QStringList registered;
    if (asProject) {
        registered = manager.addProject(folder, &error);
    } else if (manager.addDirectory(folder, namespaceName, &error, parser.isSet(forceOption))) {
        registered << namespaceName;
    }
    if (registered.isEmpty()) {
        writeTo(stderr, QStringLiteral("relive-run: %1\n").arg(error));
        return 2;
    }
    const QString root = asProject ? QFileInfo(folder).absoluteFilePath() : manager.directoryOf(namespaceName);

    if (pytest)
        return PytestCommand::run(runtime, positional.first(), pytestArguments);

    const bool interactive = isatty(STDIN_FILENO);
    Debugger debugger(&runtime, &manager);
    DebugConsole debugConsole(&debugger, root, interactive,
                              [](const QString &text, bool error) { writeTo(error ? stderr : stdout, text); });
    if (parser.isSet(debugOption))
        debugger.setEnabled(true);
    for (const QString &spec : parser.values(breakOption)) {
        if (!debugConsole.addBreakpoint(spec))
            return 2;
    }

    // Ctrl+C: interrupt what the console runs, else stop the program, else quit.
    [[maybe_unused]] int piped = pipe(s_signalPipe);
    struct sigaction action {};
    action.sa_sigaction = onSigint;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &s_pythonHandler);
    QSocketNotifier signalNotifier(s_signalPipe[0], QSocketNotifier::Read);
    bool replMode = script.isEmpty();
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char byte;
        [[maybe_unused]] ssize_t n = read(s_signalPipe[0], &byte, 1);
        if (runtime.isConsoleBusy()) {
            runtime.interrupt();
        } else if (runtime.isProgramRunning()) {
            runtime.stopProgram();
        } else if (replMode && interactive) {
            writeTo(stdout, QStringLiteral("\nKeyboardInterrupt\n"));
            runtime.resetConsoleInput();
        } else {
            app.exit(130);
        }
    });

    int programStatus = 0;
    bool inputEnded = false;
    QObject::connect(&runtime, &PythonRuntime::programFinished, &app, [&](const QString &, int status) {
        programStatus = status;
        if (!replMode || inputEnded)
            app.exit(status);
    });
    // Says in words why a program stopped early; a normal end needs no line.
    QObject::connect(&runtime, &PythonRuntime::programEnded, &app, [](const QString &spec, const ProgramExit &exit) {
        if (exit.reason == ProgramExit::Reason::Stopped)
            writeTo(stderr, QStringLiteral("relive-run: %1 stopped\n").arg(spec));
        else if (exit.reason == ProgramExit::Reason::Raised)
            writeTo(stderr, QStringLiteral("relive-run: %1 raised %2\n").arg(spec, exit.exception));
        else if (exit.reason == ProgramExit::Reason::Exited)
            writeTo(stderr, QStringLiteral("relive-run: %1 ended with exit status %2\n").arg(spec).arg(exit.status));
    });
    if (parser.isSet(runOption))
        runtime.runProgram(parser.value(runOption));

    StdinReader reader;
    // The REPL's lines not yet taken, by the console or by a read.
    QStringList pending;
    bool consoleWaiting = false;
    bool inputPending = false;
    bool readerEnded = false;
    bool finishing = false;
    std::function<void()> pump;
    if (!replMode) {
        QObject::connect(&runtime, &PythonRuntime::commandFinished, &app, [&](int status) {
            runtime.stopProgram();
            app.exit(status);
        });
        runtime.runSource(script, scriptName);
        if (debugger.isEnabled()) {
            // A script that pauses takes its debugger commands from stdin.
            debugConsole.setQueueWhileRunning(true);
            QObject::connect(&reader, &StdinReader::lineRead, &app, [&](const QString &line) {
                debugConsole.handle(line);
            });
            reader.start();
        }
    } else {
        if (interactive) {
            QObject::connect(&runtime, &PythonRuntime::consoleReady, &app, [](bool continuation) {
                writeTo(stdout, continuation ? QStringLiteral("... ") : QStringLiteral(">>> "));
            });
            writeTo(stdout, QStringLiteral("Relive %1 — %2 %3 from %4\n>>> ")
                                .arg(QStringLiteral(RELIVE_VERSION),
                                     registered.size() == 1 ? QStringLiteral("namespace") : QStringLiteral("namespaces"),
                                     registered.join(QStringLiteral(", ")), root));
        }
        // One reader for the prompt and for input(): a line goes to whoever
        // asks first, in order, so piped answers are never read ahead of
        // their question by a second reader of stdin.
        runtime.setConsoleInputEnabled(true);
        pump = [&] {
            while (!pending.isEmpty()) {
                if (inputPending) {
                    inputPending = false;
                    if (interactive)
                        setTerminalEcho(true);
                    runtime.provideInput(pending.takeFirst());
                    continue;
                }
                if (consoleWaiting)
                    return;
                consoleWaiting = true;
                runtime.pushConsoleLine(pending.takeFirst());
            }
            if (!readerEnded)
                return;
            // A read after the end of input gets EOF, as from a closed pipe.
            if (inputPending) {
                inputPending = false;
                runtime.closeInput();
                return;
            }
            if (finishing || consoleWaiting)
                return;
            finishing = true;
            // Ends a block still open, like the shell does at end of input.
            runtime.pushConsoleLine(QString());
            runtime.whenConsoleCaughtUp(&app, [&] {
                inputEnded = true;
                if (interactive)
                    writeTo(stdout, QStringLiteral("\n"));
                if (!runtime.isProgramRunning())
                    app.exit(programStatus);
            });
        };
        QObject::connect(&runtime, &PythonRuntime::consoleReady, &app, [&] {
            consoleWaiting = false;
            pump();
        });
        QObject::connect(&runtime, &PythonRuntime::inputRequested, &app, [&](const QString &, bool password) {
            inputPending = true;
            if (interactive && password)
                setTerminalEcho(false);
            pump();
        });
        QObject::connect(&runtime, &PythonRuntime::inputCancelled, &app, [&] {
            inputPending = false;
            if (interactive)
                setTerminalEcho(true);
        });
        QObject::connect(&reader, &StdinReader::lineRead, &runtime, [&](const QString &line) {
            if (!inputPending && debugConsole.handle(line))
                return;
            pending.append(line);
            pump();
        });
        QObject::connect(&reader, &StdinReader::endOfInput, &app, [&] {
            readerEnded = true;
            pump();
        });
        reader.start();
    }

    const int status = app.exec();
    runtime.flushOutput();
    if (reader.isRunning()) {
        // Blocked in a read of the terminal; the process exit ends it.
        reader.terminate();
        reader.wait(500);
    }
    return status;
}

#include "main.moc"
