#include "CodeManager.h"
#include "Debugger.h"
#include "PythonRuntime.h"
#include "PythonVersion.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

#include <memory>

// The debugger with the real interpreter: code runs on the console worker and
// pauses there; the test thread drives it like the window does.
class tst_Debugger : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    QString m_stderr;
    int m_namespaces = 0;

    // One namespace per test, holding `work.py`, and a debugger for it.
    struct Fixture
    {
        std::unique_ptr<QTemporaryDir> dir;
        QString name;
        QString file;
        std::unique_ptr<Debugger> debugger;
    };

    Fixture fixture(const QByteArray &source)
    {
        Fixture f;
        f.dir = std::make_unique<QTemporaryDir>();
        f.name = QStringLiteral("dbg%1").arg(++m_namespaces);
        f.file = f.dir->filePath(QStringLiteral("work.py"));
        write(f.file, source);
        QString error;
        if (!m_manager->addDirectory(f.dir->path(), f.name, &error))
            qWarning("%s", qPrintable(error));
        f.debugger = std::make_unique<Debugger>(&m_runtime, m_manager);
        f.debugger->setEnabled(true);
        return f;
    }

    static void write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }

    // Starts `code` on the console worker and waits until it pauses.
    DebugPause startAndPause(Debugger &debugger, const QString &code)
    {
        QSignalSpy paused(&debugger, &Debugger::paused);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        if (!paused.wait(10000)) {
            QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
            m_runtime.interrupt();
            finished.wait(5000);
            m_runtime.flushOutput();
            qWarning("no pause; stderr: %s", qPrintable(m_stderr));
            return {};
        }
        return paused.first().first().value<DebugPause>();
    }

    DebugPause resumeAndPause(Debugger &debugger, Debugger::Action action, int frame = 0)
    {
        QSignalSpy paused(&debugger, &Debugger::paused);
        QString error;
        if (!debugger.resume(action, 0, frame, &error)) {
            qWarning("resume refused: %s", qPrintable(error));
            return {};
        }
        if (!paused.wait(10000))
            return {};
        return paused.first().first().value<DebugPause>();
    }

    // Resumes and waits for the command to finish; returns its exit status.
    int resumeToEnd(Debugger &debugger, Debugger::Action action = Debugger::Action::Continue, int frame = 0)
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        QString error;
        if (!debugger.resume(action, 0, frame, &error)) {
            qWarning("resume refused: %s", qPrintable(error));
            return -1;
        }
        if (!finished.wait(10000))
            return -1;
        return finished.first().first().toInt();
    }

    QString evaluate(Debugger &debugger, const QString &source, int frame = 0)
    {
        QSignalSpy evaluated(&debugger, &Debugger::evaluated);
        const int request = debugger.evaluate(source, frame);
        if (request == 0 || !evaluated.wait(10000))
            return QStringLiteral("<no answer>");
        if (evaluated.first().at(0).toInt() != request)
            return QStringLiteral("<wrong request>");
        return evaluated.first().at(1).toString();
    }

    // Runs `code` in __main__ to completion; its asserts fail the test.
    void check(const QString &code)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<check>"));
        QVERIFY(finished.wait(10000));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    void reload(const QString &file)
    {
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(file);
        QVERIFY(reloaded.wait(10000));
        QVERIFY2(reloaded.first().first().value<ReloadReport>().ok(),
                 qPrintable(reloaded.first().first().value<ReloadReport>().error));
        QCoreApplication::processEvents();
    }

    static const char *arithmetic()
    {
        return "def compute(a, b):\n"        // 1
               "    x = a + b\n"             // 2
               "    y = x * 2\n"             // 3
               "    return y\n"              // 4
               "\n"                          // 5
               "def outer(n):\n"             // 6
               "    r = compute(n, 1)\n"     // 7
               "    return r + 1\n";         // 8
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            if (s == PythonRuntime::Stream::Stderr)
                m_stderr += text;
        });
        m_manager = new CodeManager(&m_runtime, this);
    }

    void breakpointPausesWithStackAndLocals()
    {
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, 3);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = w.outer(3)\n").arg(f.name));
        QCOMPARE(pause.reason, DebugPause::Reason::Breakpoint);
        QVERIFY(pause.frames.size() >= 3);
        QCOMPARE(pause.frames[0].function, QStringLiteral("compute"));
        QCOMPARE(pause.frames[0].line, 3);
        QCOMPARE(pause.frames[0].file, f.file);
        QVERIFY(!pause.frames[0].library);
        QCOMPARE(pause.frames[1].function, QStringLiteral("outer"));
        QCOMPARE(pause.frames[1].line, 7);
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("x")), QStringLiteral("4"));
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("n * 10"), 1), QStringLiteral("30"));

        QSignalSpy variables(f.debugger.get(), &Debugger::variablesReady);
        QVERIFY(f.debugger->requestVariables(0) != 0);
        QVERIFY(variables.wait(10000));
        const auto list = variables.first().at(1).value<QList<DebugVariable>>();
        QStringList shown;
        for (const DebugVariable &v : list)
            shown << v.name + QLatin1Char('=') + v.value;
        QCOMPARE(shown, QStringList({QStringLiteral("a=3"), QStringLiteral("b=1"), QStringLiteral("x=4")}));

        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert result == 9, result\n"));
    }

    void condition_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("hitTarget");
        QTest::addColumn<QString>("a");
        QTest::newRow("condition") << "a == 3" << 0 << "3";
        QTest::newRow("hit count") << "" << 2 << "1";
        QTest::newRow("both") << "a % 2 == 0" << 2 << "2";
    }
    void condition()
    {
        QFETCH(QString, condition);
        QFETCH(int, hitTarget);
        QFETCH(QString, a);
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, 3, condition, hitTarget);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nfor i in range(5):\n    w.compute(i, 0)\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).line, 3);
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("a")), a);
        f.debugger->clearBreakpoints();
        QCOMPARE(resumeToEnd(*f.debugger), 0);
    }

    void step_data()
    {
        QTest::addColumn<int>("breakLine");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("function");
        QTest::addColumn<int>("line");
        QTest::newRow("over") << 7 << int(Debugger::Action::StepOver) << "outer" << 8;
        QTest::newRow("into") << 7 << int(Debugger::Action::StepInto) << "compute" << 2;
        QTest::newRow("over inside") << 2 << int(Debugger::Action::StepOver) << "compute" << 3;
        QTest::newRow("out") << 2 << int(Debugger::Action::StepOut) << "outer" << 8;
    }
    void step()
    {
        QFETCH(int, breakLine);
        QFETCH(int, action);
        QFETCH(QString, function);
        QFETCH(int, line);
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, breakLine);
        const DebugPause first = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = w.outer(3)\n").arg(f.name));
        QCOMPARE(first.frames.value(0).line, breakLine);
        f.debugger->clearBreakpoints();
        const DebugPause next = resumeAndPause(*f.debugger, Debugger::Action(action));
        QCOMPARE(next.reason, DebugPause::Reason::Step);
        QCOMPARE(next.frames.value(0).function, function);
        QCOMPARE(next.frames.value(0).line, line);
        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert result == 9, result\n"));
    }

    void runToLineStopsOnceThere()
    {
        Fixture f = fixture(arithmetic());
        const int first = f.debugger->addBreakpoint(f.file, 2);
        startAndPause(*f.debugger, QStringLiteral("import %1.work as w\nresult = w.outer(3)\n").arg(f.name));
        QVERIFY(f.debugger->removeBreakpoint(first));
        QSignalSpy paused(f.debugger.get(), &Debugger::paused);
        QVERIFY(f.debugger->runToLine(f.file, 8));
        QVERIFY(paused.wait(10000));
        const DebugPause pause = paused.first().first().value<DebugPause>();
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("outer"));
        QCOMPARE(pause.frames.value(0).line, 8);
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("r")), QStringLiteral("8"));
        QVERIFY(f.debugger->breakpoints().isEmpty());  // temporary: gone once it paused
        QCOMPARE(resumeToEnd(*f.debugger), 0);
    }

    void assignedLocalTakesEffect()
    {
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, 3);
        startAndPause(*f.debugger, QStringLiteral("import %1.work as w\nresult = w.outer(3)\n").arg(f.name));
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("x = 100")), QString());
        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert result == 201, result\n"));
    }

    void lineWithoutCodeMovesToNextStatement()
    {
        Fixture f = fixture("def f():\n    # a comment\n\n    return 7\n");
        QSignalSpy message(f.debugger.get(), &Debugger::message);
        const int id = f.debugger->addBreakpoint(f.file, 2);
        QVERIFY(message.wait(10000));
        QVERIFY2(message.first().first().toString().contains(QLatin1String("line 4")),
                 qPrintable(message.first().first().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(f.debugger->breakpoints().value(0).line, 4, 10000);
        QCOMPARE(f.debugger->breakpoints().value(0).id, id);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = w.f()\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).line, 4);
        QCOMPARE(resumeToEnd(*f.debugger), 0);
    }

    void pythonApiSetsBreakpoints()
    {
        Fixture f = fixture("def f():\n    # a comment\n    return 7\n");
        check(QStringLiteral("import relive\nbp = relive.set_breakpoint(%1, 2)\n"
                             "assert bp['line'] == 3, bp\n"
                             "assert [b['line'] for b in relive.breakpoints()] == [3]\n")
                  .arg(QLatin1Char('"') + f.file + QLatin1Char('"')));
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = w.f()\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).line, 3);
        QCOMPARE(pause.breakpointId, f.debugger->breakpoints().value(0).id);
        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert relive.clear_breakpoint(bp['id'])\nassert relive.breakpoints() == []\n"));
    }

    void exceptionPause_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("pauses");
        QTest::newRow("uncaught") << "w.fails(0)" << true;
        QTest::newRow("caught by the caller") << "try:\n    w.fails(0)\nexcept ZeroDivisionError:\n    pass" << false;
        QTest::newRow("caught by a base class") << "try:\n    w.fails(0)\nexcept ArithmeticError:\n    pass" << false;
        QTest::newRow("other type caught") << "try:\n    w.fails(0)\nexcept KeyError:\n    pass" << true;
    }
    void exceptionPause()
    {
        QFETCH(QString, call);
        QFETCH(bool, pauses);
        Fixture f = fixture("def fails(v):\n    q = 10\n    return q / v\n");
        QSignalSpy paused(f.debugger.get(), &Debugger::paused);
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("import %1.work as w\n%2\n").arg(f.name, call), QStringLiteral("<test>"));
        if (!pauses) {
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.first().first().toInt(), 0);
            QCOMPARE(paused.count(), 0);
            return;
        }
        QVERIFY(paused.wait(10000));
        const DebugPause pause = paused.first().first().value<DebugPause>();
        QCOMPARE(pause.reason, DebugPause::Reason::Exception);
        QVERIFY2(pause.exception.startsWith(QLatin1String("ZeroDivisionError")), qPrintable(pause.exception));
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("fails"));
        QCOMPARE(pause.frames.value(0).line, 3);
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("(q, v)")), QStringLiteral("(10, 0)"));
        QCOMPARE(resumeToEnd(*f.debugger), 1);
    }

    void breakpointFollowsItsStatementAcrossReload()
    {
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, 3);
        check(QStringLiteral("import %1.work\n").arg(f.name));
        write(f.file, QByteArray("import math\n\n") + arithmetic());
        reload(f.file);
        QTRY_COMPARE_WITH_TIMEOUT(f.debugger->breakpoints().value(0).line, 5, 10000);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = w.outer(3)\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).line, 5);
        QCOMPARE(evaluate(*f.debugger, QStringLiteral("x")), QStringLiteral("4"));
        QCOMPARE(resumeToEnd(*f.debugger), 0);
    }

    void restartRunsEditedCodeForTheSameCaller()
    {
        const QByteArray before = "SEEN = []\n"
                                  "def compute(box, b):\n"
                                  "    SEEN.append(box)\n"
                                  "    return box[0] + b\n"
                                  "\n"
                                  "def outer(box):\n"
                                  "    r = compute(box, 1)\n"
                                  "    return r * 10\n";
        Fixture f = fixture(before);
        f.debugger->addBreakpoint(f.file, 4);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nbox = [5]\nresult = w.outer(box)\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("compute"));
        QVERIFY2(pause.frames.value(0).restartRefusal.isEmpty(), qPrintable(pause.frames.value(0).restartRefusal));
        f.debugger->clearBreakpoints();
        QByteArray after = before;
        after.replace("return box[0] + b", "return box[0] + b + 1000");
        write(f.file, after);
        reload(f.file);
        QCOMPARE(resumeToEnd(*f.debugger, Debugger::Action::Restart, 0), 0);
        check(QStringLiteral("assert result == 10060, result\n"
                             "assert len(w.SEEN) == 2 and w.SEEN[0] is box and w.SEEN[1] is box, w.SEEN\n"));
    }

    void retryAfterException()
    {
        const QByteArray before = "def fails(box):\n    return 10 // box[0]\n\ndef outer(box):\n    return fails(box) + 1\n";
        Fixture f = fixture(before);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nbox = [0]\nresult = w.outer(box)\n").arg(f.name));
        QCOMPARE(pause.reason, DebugPause::Reason::Exception);
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("fails"));
        QVERIFY2(pause.frames.value(0).restartRefusal.isEmpty(), qPrintable(pause.frames.value(0).restartRefusal));
        QByteArray after = before;
        after.replace("10 // box[0]", "10 // (box[0] + 2)");
        write(f.file, after);
        reload(f.file);
        QCOMPARE(resumeToEnd(*f.debugger, Debugger::Action::Restart, 0), 0);
        check(QStringLiteral("assert result == 6, result\n"));
    }

    void restartRefusedForGenerator()
    {
        Fixture f = fixture("def numbers():\n    yield 1\n    x = 2\n    yield x\n");
        f.debugger->addBreakpoint(f.file, 3);
        const DebugPause pause = startAndPause(*f.debugger,
            QStringLiteral("import %1.work as w\nresult = list(w.numbers())\n").arg(f.name));
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("numbers"));
        QVERIFY(pause.frames.value(0).restartRefusal.contains(QLatin1String("generator")));
        QString error;
        QVERIFY(!f.debugger->resume(Debugger::Action::Restart, 0, 0, &error));
        QVERIFY2(error.contains(QLatin1String("generator")), qPrintable(error));
        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert result == [1, 2], result\n"));
    }
    // A breakpoint set while a loop already runs in its frame pauses it: the
    // frame started untraced, so the tracer must reach frames that are running.
    void breakpointReachesRunningLoop()
    {
        Fixture f = fixture("state = {'go': True, 'n': 0}\n"   // 1
                            "def spin():\n"                    // 2
                            "    while state['go']:\n"         // 3
                            "        state['n'] += 1\n"        // 4
                            "    return state['n']\n");        // 5
        QSignalSpy paused(f.debugger.get(), &Debugger::paused);
        m_runtime.runSource(QStringLiteral("import %1.work as w\nresult = w.spin()\n").arg(f.name),
                            QStringLiteral("<test>"));
        QTest::qWait(200);
        QCOMPARE(paused.count(), 0);
        f.debugger->addBreakpoint(f.file, 4);
        QVERIFY2(paused.wait(10000), qPrintable(m_stderr));
        const DebugPause pause = paused.first().first().value<DebugPause>();
        QCOMPARE(pause.frames.value(0).function, QStringLiteral("spin"));
        QCOMPARE(pause.frames.value(0).line, 4);
        evaluate(*f.debugger, QStringLiteral("state['go'] = False"));
        f.debugger->clearBreakpoints();
        QCOMPARE(resumeToEnd(*f.debugger), 0);
        check(QStringLiteral("assert result > 0 and result == w.state['n'], result\n"));
    }
    // A tracer of the user's own (what coverage installs) keeps seeing every
    // line while the debugger is on. From CPython 3.12, where sys.monitoring
    // keeps tools apart, a breakpoint in the same code pauses as well; 3.11 has
    // one trace function per thread, and the debugger leaves the user's alone.
    void userTraceFunctionKeepsWorking()
    {
        Fixture f = fixture(arithmetic());
        f.debugger->addBreakpoint(f.file, 3);
        const bool monitoring = QVersionNumber::fromString(pythonVersion()) >= QVersionNumber(3, 12);
        QSignalSpy paused(f.debugger.get(), &Debugger::paused);
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("import sys\nimport %1.work as w\nseen = []\n"
                                           "def tracer(frame, event, arg):\n"
                                           "    if event == 'line' and frame.f_code.co_name == 'compute':\n"
                                           "        seen.append(frame.f_lineno)\n"
                                           "    return tracer\n"
                                           "sys.settrace(tracer)\nresult = w.outer(3)\nsys.settrace(None)\n")
                                .arg(f.name),
                            QStringLiteral("<test>"));
        if (monitoring) {
            QVERIFY2(paused.wait(10000), qPrintable(m_stderr));
            QCOMPARE(paused.first().first().value<DebugPause>().frames.value(0).line, 3);
            QVERIFY(f.debugger->resume(Debugger::Action::Continue));
        }
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(paused.count(), monitoring ? 1 : 0);
        check(QStringLiteral("assert seen == [2, 3, 4], seen\nassert result == 9, result\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Debugger)
#include "tst_debugger.moc"
