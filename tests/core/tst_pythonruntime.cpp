#include "PythonRuntime.h"

#include <QSemaphore>
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
        QSemaphore done;
        m_runtime.postLive([&done] { done.release(); });
        QVERIFY(done.tryAcquire(1, 30000));
        m_runtime.interrupt();
        QVERIFY(finished.wait(30000));
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
};

QTEST_GUILESS_MAIN(tst_PythonRuntime)
#include "tst_pythonruntime.moc"
