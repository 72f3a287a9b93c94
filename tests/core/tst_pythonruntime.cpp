#include "PythonRuntime.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
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

    void distributionPython()
    {
        // jedi comes from the distribution's dist-packages.
        QCOMPARE(run("import sys, jedi\nprint(sys.prefix)"), 0);
        QCOMPARE(m_stdout.trimmed(), QStringLiteral("/usr"));
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
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QTRY_VERIFY(m_runtime.isConsoleBusy());
        QTest::qWait(100);  // let it get into the loop or the blocking call
        QElapsedTimer timer;
        timer.start();
        m_runtime.interrupt();
        QVERIFY(finished.wait(2000));
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
        m_runtime.flushOutput();
        QCOMPARE(finished.first().first().toInt(), 1);
        QVERIFY2(m_stderr.contains(QLatin1String("KeyboardInterrupt")), qPrintable(m_stderr));
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
    }
    void systemExit()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QCOMPARE(run(code), status);
        QCOMPARE(run("print('still alive')"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("still alive")));
    }

    void repl()
    {
        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        m_runtime.pushConsoleLine(QStringLiteral("for i in range(3):"));
        QVERIFY(ready.wait());
        QCOMPARE(ready.takeFirst().first().toBool(), true);
        m_runtime.pushConsoleLine(QStringLiteral("    print(i * 10)"));
        QVERIFY(ready.wait());
        QCOMPARE(ready.takeFirst().first().toBool(), true);
        m_runtime.pushConsoleLine(QString());
        QVERIFY(ready.wait());
        QCOMPARE(ready.takeFirst().first().toBool(), false);
        m_runtime.pushConsoleLine(QStringLiteral("6 * 7"));  // echoed like the shell
        QVERIFY(ready.wait());
        m_runtime.flushOutput();
        QCOMPARE(m_stdout, QStringLiteral("0\n10\n20\n42\n"));
    }

    void outputFlood()
    {
        QCOMPARE(run("for i in range(1000000):\n    print(i)\n", 60000), 0);
        const QStringList lines = m_stdout.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1000000);
        QCOMPARE(lines.last(), QStringLiteral("999999"));
        // Batched: far fewer deliveries than lines.
        QVERIFY2(m_batches < 2000, qPrintable(QString::number(m_batches)));
    }

    void liveWorkerRunsWhileConsoleIsBusy()
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("while True:\n    pass\n"), QStringLiteral("<test>"));
        QTRY_VERIFY(m_runtime.isConsoleBusy());
        QSemaphore done;
        m_runtime.postLive([&done] { done.release(); });
        QVERIFY(done.tryAcquire(1, 2000));
        m_runtime.interrupt();
        QVERIFY(finished.wait(2000));
    }

    void programThread()
    {
        QCOMPARE(run("import time\ndef loop():\n    while True:\n        time.sleep(0.01)\n"), 0);
        QSignalSpy started(&m_runtime, &PythonRuntime::programStarted);
        QSignalSpy stopped(&m_runtime, &PythonRuntime::programFinished);
        m_runtime.runProgram(QStringLiteral("__main__:loop"));
        QVERIFY(started.wait());
        QVERIFY(m_runtime.isProgramRunning());
        // The console stays usable while the program runs.
        QCOMPARE(run("print(1 + 1)"), 0);
        QVERIFY(m_stdout.contains(QLatin1String("2")));
        m_runtime.stopProgram();
        QVERIFY(stopped.wait(2000));
        QCOMPARE(stopped.first().at(1).toInt(), 130);
        QVERIFY(!m_runtime.isProgramRunning());
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
};

QTEST_GUILESS_MAIN(tst_PythonRuntime)
#include "tst_pythonruntime.moc"
