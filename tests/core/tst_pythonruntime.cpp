#include "PythonRuntime.h"
#include "pythonpackage.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

class tst_PythonRuntime : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stdout;
    QString m_stderr;
    int m_batches = 0;

    int run(const QString &code, int timeout = 10000)
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        if (!finished.wait(timeout))
            return -1000;
        m_runtime.flushOutput();
        return finished.first().first().toInt();
    }

    // Runs `source` as a file through runFile() and records, in the order the
    // receiver sees them, the started notice, the output and the end.
    struct FileRun
    {
        QStringList events;
        ProgramExit exit;
        bool ended = false;
    };
    void runFile(FileRun &result, const QString &source, const QStringList &arguments = {}, bool stop = false)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("script.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(source.toUtf8());
        file.close();
        QObject context;
        connect(&m_runtime, &PythonRuntime::programStarted, &context,
                [&](const QString &spec) { result.events << QStringLiteral("started ") + QFileInfo(spec).fileName(); });
        connect(&m_runtime, &PythonRuntime::output, &context, [&](const QString &text, PythonRuntime::Stream) {
            result.events << text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        });
        connect(&m_runtime, &PythonRuntime::programEnded, &context, [&](const QString &, const ProgramExit &exit) {
            result.events << QStringLiteral("ended");
            result.exit = exit;
            result.ended = true;
        });
        m_runtime.runFile(path, arguments);
        if (stop) {
            QTRY_VERIFY_WITH_TIMEOUT(result.events.contains(QStringLiteral("looping")), 20000);
            m_runtime.stopProgram();
        }
        QTRY_VERIFY_WITH_TIMEOUT(result.ended, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            ++m_batches;
            (s == PythonRuntime::Stream::Stdout ? m_stdout : m_stderr) += text;
        });
    }

    void init()
    {
        m_stdout.clear();
        m_stderr.clear();
        m_batches = 0;
    }

    // In the window sys.stdout and sys.stderr are text streams without a
    // file descriptor, answering as other consoles' streams do; nothing
    // reaches Python as an "unknown" C++ exception.
    void windowStreams_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("printed");
        const QString both = QStringLiteral("import io, sys\nfor s in (sys.stdout, sys.stderr):\n");
        QTest::newRow("fileno raises io.UnsupportedOperation")
            << both + QStringLiteral("    try:\n        s.fileno()\n    except io.UnsupportedOperation:\n        pass\n"
                                     "    else:\n        raise AssertionError('fileno answered')\nprint('ok')")
            << QStringLiteral("ok\n");
        QTest::newRow("attributes")
            << both + QStringLiteral("    assert s.encoding == 'utf-8' and s.errors, (s.encoding, s.errors)\n"
                                     "    assert s.isatty() is False and s.writable() and not s.readable()\n"
                                     "    assert isinstance(s, io.TextIOBase) and not s.closed\n"
                                     "    assert s.buffer.writable() and s.flush() is None\n"
                                     "print('ok')")
            << QStringLiteral("ok\n");
        QTest::newRow("writelines") << QStringLiteral("import sys\nsys.stdout.writelines(['a', 'b\\n', 'c\\n'])")
                                    << QStringLiteral("ab\nc\n");
        QTest::newRow("buffer, a character split between writes")
            << QStringLiteral("import sys\nb = 'é!\\n'.encode()\nsys.stdout.buffer.write(b[:1])\n"
                              "sys.stdout.buffer.write(b[1:])\nsys.stdout.buffer.flush()")
            << QStringLiteral("é!\n");
        QTest::newRow("write of bytes is a TypeError")
            << QStringLiteral("import sys\ntry:\n    sys.stdout.write(b'x')\nexcept TypeError:\n    print('TypeError')")
            << QStringLiteral("TypeError\n");
        QTest::newRow("write returns the characters written")
            << QStringLiteral("import sys\nn = sys.stdout.write('é\\n')\nprint(n)") << QStringLiteral("é\n2\n");
        // pytest's faulthandler plugin: fileno() of sys.stderr, else of sys.__stderr__.
        QTest::newRow("faulthandler on the process's stderr")
            << QStringLiteral("import faulthandler, sys\n"
                              "try:\n    fd = sys.stderr.fileno()\nexcept ValueError:\n    fd = sys.__stderr__.fileno()\n"
                              "faulthandler.enable(file=fd)\nprint(faulthandler.is_enabled())\nfaulthandler.disable()")
            << QStringLiteral("True\n");
    }
    void windowStreams()
    {
        QFETCH(QString, code);
        QFETCH(QString, printed);
        QCOMPARE(run(code), 0);
        QVERIFY2(m_stderr.isEmpty(), qPrintable(m_stderr));
        QCOMPARE(m_stdout, printed);
    }

    void configuredPython()
    {
        // The interpreter the build was configured with (the distribution's
        // /usr/bin/python3, or pyenv's for the python3.12 preset), with its
        // own standard library, whatever python3 comes first on PATH.
        const QString executable = QStringLiteral(RELIVE_PYTHON_EXECUTABLE);
        QCOMPARE(run("import os, sys\nprint(sys.executable)\nprint(os.path.realpath(sys.prefix))"), 0);
        const QStringList lines = m_stdout.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), executable);
        QCOMPARE(lines.value(1), QFileInfo(QFileInfo(executable).path() + QStringLiteral("/..")).canonicalFilePath());
    }

    void distributionPackages()
    {
        // jedi comes from the distribution's dist-packages, which its python3
        // sees; a pyenv build does not.
        SKIP_WITHOUT_PYTHON_PACKAGE(hasPythonPackage(m_runtime, QStringLiteral("jedi")), "jedi");
        QCOMPARE(run("import jedi"), 0);
    }

    void interrupt_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("busy loop") << "while True:\n    pass\n";
        QTest::newRow("sleep") << "import time\ntime.sleep(1000)\n";
        QTest::newRow("blocking read of a pipe") << "import os\nr, w = os.pipe()\nos.read(r, 1)\n";
    }
    void interrupt()
    {
        QFETCH(QString, code);
        // The code says when it is inside the loop or the blocking call; it
        // never ends by itself, so its end is the interrupt's doing, however
        // long the machine takes to get there.
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("print('started', flush=True)\n") + code, QStringLiteral("<test>"));
        QTRY_VERIFY_WITH_TIMEOUT((m_runtime.flushOutput(), m_stdout.contains(QLatin1String("started"))), 30000);
        QTest::qWait(50);  // from the print into the loop or the call
        QVERIFY(finished.isEmpty());
        m_runtime.interrupt();
        QVERIFY(finished.wait(30000));
        m_runtime.flushOutput();
        QCOMPARE(finished.first().first().toInt(), 1);
        QVERIFY2(m_stderr.contains(QLatin1String("KeyboardInterrupt")), qPrintable(m_stderr));
        QVERIFY2(!m_stderr.contains(QLatin1String("could not print")), qPrintable(m_stderr));
        // And the console works afterwards.
        QCOMPARE(run("print('after')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("after")));
    }

    void userSignalHandler()
    {
        QCOMPARE(run("import signal\nsignal.signal(signal.SIGUSR1, lambda *a: print('got it'))\n"
                     "import os\nos.kill(os.getpid(), signal.SIGUSR1)\nimport time\ntime.sleep(0.05)\n"),
                 0);
        QVERIFY2(m_stdout.contains(QLatin1String("got it")), qPrintable(m_stderr));
    }

    void systemExit_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("exit(7)") << "import sys\nsys.exit(7)" << 7;
        QTest::newRow("exit()") << "import sys\nsys.exit()" << 0;
        QTest::newRow("exit('message')") << "import sys\nsys.exit('bye')" << 1;
        QTest::newRow("raise") << "raise ValueError('boom')" << 1;
        // Python's rules: an int that does not fit is -1 (255 for a process).
        QTest::newRow("SystemExit(2**100)") << "raise SystemExit(2**100)" << -1;
        QTest::newRow("SystemExit(-2**100)") << "raise SystemExit(-2**100)" << -1;
        QTest::newRow("SystemExit(None)") << "raise SystemExit(None)" << 0;
        QTest::newRow("SystemExit('text')") << "raise SystemExit('text')" << 1;
        QTest::newRow("SystemExit(True)") << "raise SystemExit(True)" << 1;
        QTest::newRow("exit code whose str() raises")
            << "class C:\n    def __str__(self):\n        raise RuntimeError('no str')\nraise SystemExit(C())" << 1;
        QTest::newRow("exception whose str() raises")
            << "class E(Exception):\n    def __str__(self):\n        raise RuntimeError('no str')\nraise E()" << 1;
        QTest::newRow("__del__ that raises")
            << "class D:\n    def __del__(self):\n        raise RuntimeError('in del')\nd = D()\ndel d" << 0;
        QTest::newRow("deep recursion")
            << "def f(n):\n    return f(n + 1)\nf(0)" << 1;
    }
    void systemExit()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QCOMPARE(run(code), status);
        if (QByteArray(QTest::currentDataTag()) == "SystemExit('text')")
            QVERIFY2(m_stderr.contains(QLatin1String("text")), qPrintable(m_stderr));
        QCOMPARE(run("print('still alive')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("still alive")));
    }


    void consoleSurvivesUserStreams_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("sys.stdout = None") << "import sys; sys.stdout = None";
        QTest::newRow("sys.stderr = None, then raise") << "import sys; sys.stderr = None; 1/0";
        QTest::newRow("both None, then SystemExit('x')")
            << "import sys; sys.stdout = sys.stderr = None; raise SystemExit('x')";
        QTest::newRow("a closed stdout") << "import sys, io; s = io.StringIO(); s.close(); sys.stdout = s";
        QTest::newRow("a stdout whose flush raises")
            << "import sys\nclass W:\n    def write(self, t): return len(t)\n    def flush(self): raise OSError('no')\n"
               "\nsys.stdout = W()";
    }
    void consoleSurvivesUserStreams()
    {
        // Whatever user code did to the streams, the console's command ends
        // and the console asks for the next line.
        QFETCH(QString, code);
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            m_runtime.pushConsoleLine(line);
        m_runtime.pushConsoleLine(QString());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), lines.size() + 1, 30000);
        QVERIFY(!finished.isEmpty());
        for (const QList<QVariant> &args : finished)
            QVERIFY2(args.first().toInt() != 1 || !m_stderr.contains(QLatin1String("SyntaxError")), qPrintable(m_stderr));
        QCOMPARE(run("import sys, relive\nsys.stdout = relive._Output(0)\nsys.stderr = relive._Output(1)\n"
                     "print('restored')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("restored")));
    }

    void programEndsWhateverItRaises_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("SystemExit(2**100)") << "raise SystemExit(2**100)" << -1;
        QTest::newRow("SystemExit('text')") << "raise SystemExit('text')" << 1;
        QTest::newRow("sys.stdout = None") << "import sys; sys.stdout = None" << 0;
    }
    void programEndsWhateverItRaises()
    {
        QFETCH(QString, body);
        QFETCH(int, status);
        QCOMPARE(run(QStringLiteral("def program_body():\n    ") + body + QStringLiteral("\n")), 0);
        QSignalSpy stopped(&m_runtime, &PythonRuntime::programFinished);
        m_runtime.runProgram(QStringLiteral("__main__:program_body"));
        QVERIFY(stopped.wait(30000));
        QCOMPARE(stopped.first().at(1).toInt(), status);
        QVERIFY(!m_runtime.isProgramRunning());
        QCOMPARE(run("import sys, relive\nsys.stdout = relive._Output(0)\nprint('console fine')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("console fine")));
    }

    void repl()
    {
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        m_runtime.pushConsoleLine(QStringLiteral("for i in range(3):"));
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.takeFirst().first().toBool(), true);
        m_runtime.pushConsoleLine(QStringLiteral("    print(i * 10)"));
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.takeFirst().first().toBool(), true);
        m_runtime.pushConsoleLine(QString());
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.takeFirst().first().toBool(), false);
        m_runtime.pushConsoleLine(QStringLiteral("6 * 7"));  // echoed like the shell
        QVERIFY(ready.wait(30000));
        m_runtime.flushOutput();
        QCOMPARE(m_stdout, QStringLiteral("0\n10\n20\n42\n"));
    }

    void outputFlood()
    {
        QCOMPARE(run("for i in range(1000000):\n    print(i)\n", 60000), 0);
        const QStringList lines = m_stdout.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1000000);
        QCOMPARE(lines.last(), QStringLiteral("999999"));
        // Batched: far fewer deliveries than lines. Deliveries are at least a
        // batch interval apart, so a slow machine makes fewer, never more, for
        // as long as the command may run; one per print would be a million.
        QVERIFY2(m_batches < lines.size() / 50, qPrintable(QString::number(m_batches)));
    }

    void liveWorkerRunsWhileConsoleIsBusy()
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("while True:\n    pass\n"), QStringLiteral("<test>"));
        QTRY_VERIFY(m_runtime.isConsoleBusy());
        QObject context;
        bool caughtUp = false;
        m_runtime.whenLiveCaughtUp(&context, [&caughtUp] { caughtUp = true; });
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp, 30000);
        QVERIFY(m_runtime.isConsoleBusy());
        m_runtime.interrupt();
        QVERIFY(finished.wait(30000));
    }

    void consoleCaughtUpAfterQueuedLines()
    {
        const QStringList lines = {QStringLiteral("for i in range(3):"), QStringLiteral("    print(i)"),
                                   QString(), QStringLiteral("print('last')")};
        for (const QString &line : lines)
            m_runtime.pushConsoleLine(line);
        QObject context;
        QString seen;
        bool caughtUp = false;
        m_runtime.whenConsoleCaughtUp(&context, [&] {
            seen = m_stdout;  // without flushOutput(): it came first
            caughtUp = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp, 30000);
        QCOMPARE(seen, QStringLiteral("0\n1\n2\nlast\n"));
    }

    void caughtUpNotCalledWithoutContext()
    {
        auto *gone = new QObject;
        bool called = false;
        m_runtime.whenConsoleCaughtUp(gone, [&called] { called = true; });
        delete gone;
        QObject context;
        bool caughtUp = false;
        m_runtime.whenConsoleCaughtUp(&context, [&caughtUp] { caughtUp = true; });
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp, 30000);
        QVERIFY(!called);
    }

    void programThread()
    {
        QCOMPARE(run("import time\ndef loop():\n    while True:\n        time.sleep(0.01)\n"), 0);
        QSignalSpy started(&m_runtime, &PythonRuntime::programStarted);
        QSignalSpy stopped(&m_runtime, &PythonRuntime::programFinished);
        m_runtime.runProgram(QStringLiteral("__main__:loop"));
        QVERIFY(started.wait(30000));
        QVERIFY(m_runtime.isProgramRunning());
        // The console stays usable while the program runs.
        QCOMPARE(run("print(1 + 1)"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("2")));
        m_runtime.stopProgram();
        QVERIFY(stopped.wait(30000));
        QCOMPARE(stopped.first().at(1).toInt(), 130);
        QVERIFY(!m_runtime.isProgramRunning());
    }

    void consoleInput_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QString>("end");   // after the answers: "", "close", "interruptInput", "interrupt"
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("password");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");   // in stdout, or in stderr when status != 0
        QTest::newRow("input") << "print('got', input('Name? '))" << QStringList{"bob"} << "" << "Name? " << false
                               << 0 << "Name? got bob\n";
        QTest::newRow("readline") << "import sys\nprint('>', end='')\nprint(repr(sys.stdin.readline()))"
                                  << QStringList{"x y"} << "" << ">" << false << 0 << "'x y\\n'";
        QTest::newRow("read to EOF") << "import sys\nprint(repr(sys.stdin.read()))" << QStringList{"a", "b"}
                                     << "close" << "" << false << 0 << "'a\\nb\\n'";
        QTest::newRow("read(n)") << "import sys\nprint(repr(sys.stdin.read(2)), repr(sys.stdin.readline()))"
                                 << QStringList{"abcd"} << "" << "" << false << 0 << "'ab' 'cd\\n'";
        QTest::newRow("lines") << "import sys\nprint([l for l in sys.stdin])" << QStringList{"1", "2"} << "close"
                               << "" << false << 0 << "['1\\n', '2\\n']";
        QTest::newRow("getpass") << "import getpass\nprint(len(getpass.getpass()))" << QStringList{"secret"} << ""
                                 << "Password: " << true << 0 << "Password: 6\n";
        QTest::newRow("EOF") << "input()" << QStringList{} << "close" << "" << false << 1 << "EOFError";
        QTest::newRow("interruptInput") << "input()" << QStringList{} << "interruptInput" << "" << false << 1
                                        << "KeyboardInterrupt";
        QTest::newRow("interrupt") << "input()" << QStringList{} << "interrupt" << "" << false << 1
                                   << "KeyboardInterrupt";
    }
    void consoleInput()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, answers);
        QFETCH(QString, end);
        QFETCH(QString, prompt);
        QFETCH(bool, password);
        QFETCH(int, status);
        QFETCH(QString, expected);
        m_runtime.setConsoleInputEnabled(true);
        QSignalSpy requested(&m_runtime, &PythonRuntime::inputRequested);
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        for (const QString &answer : answers) {
            QVERIFY(requested.wait(10000));
            QCOMPARE(requested.last().at(0).toString(), prompt);
            QCOMPARE(requested.last().at(1).toBool(), password);
            m_runtime.provideInput(answer);
        }
        if (!end.isEmpty()) {
            QTRY_COMPARE_WITH_TIMEOUT(requested.size(), answers.size() + 1, 10000);
            if (end == "close")
                m_runtime.closeInput();
            else if (end == "interruptInput")
                m_runtime.interruptInput();
            else
                m_runtime.interrupt();
        }
        QVERIFY(finished.wait(10000));
        m_runtime.flushOutput();
        QCOMPARE(finished.first().first().toInt(), status);
        const QString &out = status == 0 ? m_stdout : m_stderr;
        QVERIFY2(out.contains(expected), qPrintable(m_stdout + m_stderr));
        m_runtime.setConsoleInputEnabled(false);
    }

    void inputFromProgramThread()
    {
        m_runtime.setConsoleInputEnabled(true);
        QCOMPARE(run("def ask():\n    global answer\n    answer = input('Name? ')\n"
                     "def ask_forever():\n    while True:\n        input()\n"), 0);
        QSignalSpy requested(&m_runtime, &PythonRuntime::inputRequested);
        QSignalSpy cancelled(&m_runtime, &PythonRuntime::inputCancelled);
        QSignalSpy stopped(&m_runtime, &PythonRuntime::programFinished);
        m_runtime.runProgram(QStringLiteral("__main__:ask"));
        QVERIFY(requested.wait(10000));
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("Name? "));
        // The console runs, and its output shows, while the program waits.
        QCOMPARE(run("print('meanwhile')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("meanwhile")));
        QVERIFY(stopped.isEmpty());
        m_runtime.provideInput(QStringLiteral("alice"));
        QVERIFY(stopped.wait(10000));
        QCOMPARE(stopped.first().at(1).toInt(), 0);
        QCOMPARE(run("print(answer)"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("alice")));

        // Stopping a program that waits for input ends the read.
        stopped.clear();
        requested.clear();
        m_runtime.runProgram(QStringLiteral("__main__:ask_forever"));
        QVERIFY(requested.wait(10000));
        m_runtime.stopProgram();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(stopped.first().at(1).toInt(), 130);
        QTRY_COMPARE(cancelled.size(), 1);
        m_runtime.setConsoleInputEnabled(false);
    }

    void tracebacksShowUserFrames_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("shown");
        QTest::newRow("syntax error") << "def broken(:" << "  File \"<console>\", line 1\n    def broken(:\n";
        QTest::newRow("failed import") << "import importlib; importlib.import_module('no_such_module_here')"
                                       << "Traceback (most recent call last):\n  File \"<console>\", line 1, in <module>\n"
                                          "ModuleNotFoundError";
    }
    void tracebacksShowUserFrames()
    {
        QFETCH(QString, line);
        QFETCH(QString, shown);
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        m_runtime.pushConsoleLine(line);
        QVERIFY(ready.wait());
        m_runtime.flushOutput();
        QVERIFY2(m_stderr.contains(shown), qPrintable(m_stderr));
        for (const char *machinery : {"codeop", "importlib", "frozen"})
            QVERIFY2(!m_stderr.contains(QLatin1String(machinery)), qPrintable(m_stderr));
    }

    void whitespaceLineEndsBlock()
    {
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        m_runtime.pushConsoleLine(QStringLiteral("for i in range(2):"));
        QVERIFY(ready.wait());
        QVERIFY(m_runtime.isConsoleBlockOpen());
        m_runtime.pushConsoleLine(QStringLiteral("    print('row', i)"));
        QVERIFY(ready.wait());
        m_runtime.pushConsoleLine(QStringLiteral("    "));
        QVERIFY(ready.wait());
        QCOMPARE(ready.last().first().toBool(), false);
        m_runtime.flushOutput();
        QCOMPARE(m_stdout, QStringLiteral("row 0\nrow 1\n"));
        // Inside brackets an empty line goes on; the statement is not a block.
        m_runtime.pushConsoleLine(QStringLiteral("x = ["));
        QVERIFY(ready.wait());
        QVERIFY(!m_runtime.isConsoleBlockOpen());
        m_runtime.pushConsoleLine(QStringLiteral("  "));
        QVERIFY(ready.wait());
        QCOMPARE(ready.last().first().toBool(), true);
        m_runtime.resetConsoleInput();
        QVERIFY(ready.wait());
    }

    void runFileAsMain()
    {
        FileRun result;
        runFile(result, QStringLiteral(
            "import os, sys\n"
            "print('argv', sys.argv[1:])\n"
            "print('argv0 is file', sys.argv[0] == __file__)\n"
            "print('dir first', sys.path[0] == os.path.dirname(__file__))\n"
            "if __name__ == '__main__':\n"
            "    print('main block')\n"),
            {QStringLiteral("one two"), QStringLiteral("3")});
        QCOMPARE(result.events, QStringList({QStringLiteral("started script.py"),
                                             QStringLiteral("argv ['one two', '3']"),
                                             QStringLiteral("argv0 is file True"),
                                             QStringLiteral("dir first True"),
                                             QStringLiteral("main block"), QStringLiteral("ended")}));
        QCOMPARE(result.exit.reason, ProgramExit::Reason::Finished);
        // The run's argv and path entry do not outlive it; the console's
        // __main__ was not replaced.
        QCOMPARE(run("import sys\nassert not any(p.endswith('script.py') for p in sys.argv), sys.argv\n"
                     "assert __name__ == '__main__' and '__file__' not in dir() or not __file__.endswith('script.py')\n"),
                 0);
    }

    void noticesBracketTheOutput()
    {
        // A program that prints at once and ends at once: its output comes
        // after the started notice and before the end, every time.
        for (int i = 0; i < 5; ++i) {
            FileRun result;
            runFile(result, QStringLiteral("print('first')\nprint('last')\n"));
            QCOMPARE(result.events, QStringList({QStringLiteral("started script.py"), QStringLiteral("first"),
                                                 QStringLiteral("last"), QStringLiteral("ended")}));
        }
    }

    void exitIsExplained_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("exception");
        QTest::newRow("returns") << "x = 1\n" << int(ProgramExit::Reason::Finished) << 0 << QString();
        QTest::newRow("sys.exit()") << "import sys\nsys.exit()\n" << int(ProgramExit::Reason::Finished) << 0
                                    << QString();
        QTest::newRow("sys.exit(3)") << "import sys\nsys.exit(3)\n" << int(ProgramExit::Reason::Exited) << 3
                                     << QString();
        QTest::newRow("raises") << "raise ValueError('bad value')\n" << int(ProgramExit::Reason::Raised) << 1
                                << "ValueError: bad value";
        QTest::newRow("syntax error") << "def f(:\n" << int(ProgramExit::Reason::Raised) << 1
                                      << "SyntaxError: invalid syntax";
    }
    void exitIsExplained()
    {
        QFETCH(QString, source);
        QFETCH(int, reason);
        QFETCH(int, status);
        QFETCH(QString, exception);
        FileRun result;
        runFile(result, source);
        QCOMPARE(int(result.exit.reason), reason);
        QCOMPARE(result.exit.status, status);
        QCOMPARE(result.exit.exception, exception);
    }

    void stoppedByUser()
    {
        FileRun result;
        runFile(result, QStringLiteral("import time\nprint('looping', flush=True)\n"
                                                      "while True:\n    time.sleep(0.01)\n"),
                                       {}, true);
        QCOMPARE(result.exit.reason, ProgramExit::Reason::Stopped);
        QCOMPARE(result.exit.status, 130);
        QCOMPARE(result.events.last(), QStringLiteral("ended"));
    }

    // The console's Restart Interpreter: __main__ as a fresh interpreter has it.
    void restartConsoleEmptiesMain()
    {
        QCOMPARE(run(QStringLiteral("left_over = 1\nimport json")), 0);
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        m_runtime.pushConsoleLine(QStringLiteral("if True:"));
        QVERIFY(ready.wait(10000));
        m_runtime.restartConsole();
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.last().first().toBool(), false);
        m_stdout.clear();
        QCOMPARE(run(QStringLiteral("print(sorted(k for k in globals() if k != '__file__'))\nprint(__name__)")), 0);
        QCOMPARE(m_stdout, QStringLiteral("['__builtins__', '__doc__', '__loader__', '__name__', '__package__', "
                                          "'__spec__']\n__main__\n"));
    }

    // A file's run leaves its names, not its dunders, in the console's __main__.
    void runFileLeavesItsGlobals_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("finished") << QStringLiteral("from_run = 6 * 7\n");
        QTest::newRow("raised") << QStringLiteral("from_run = 6 * 7\nraise ValueError('late')\n");
    }
    void runFileLeavesItsGlobals()
    {
        QFETCH(QString, source);
        QCOMPARE(run(QStringLiteral("globals().pop('from_run', None)")), 0);
        FileRun result;
        runFile(result, source);
        m_stdout.clear();
        QCOMPARE(run(QStringLiteral("print(from_run, '__cached__' in globals())")), 0);
        QCOMPARE(m_stdout, QStringLiteral("42 False\n"));
    }

    // A program stopped while it waits in input() ends as stopped, not as raised.
    void stoppedInARead()
    {
        m_runtime.setConsoleInputEnabled(true);
        const auto off = qScopeGuard([this] { m_runtime.setConsoleInputEnabled(false); });
        QSignalSpy asked(&m_runtime, &PythonRuntime::inputRequested);
        QSignalSpy ended(&m_runtime, &PythonRuntime::programEnded);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("reads.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("input('? ')\n");
        file.close();
        m_runtime.runFile(path);
        QVERIFY(asked.wait(10000));
        m_runtime.stopProgram();
        QVERIFY(ended.wait(10000) || !ended.isEmpty());
        QCOMPARE(ended.first().at(1).value<ProgramExit>().reason, ProgramExit::Reason::Stopped);
    }
};

QTEST_GUILESS_MAIN(tst_PythonRuntime)
#include "tst_pythonruntime.moc"
