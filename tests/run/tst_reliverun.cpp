#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// relive-run as a user runs it: the example's loop in a program thread, edits
// saved by another program, scripts and a REPL on a pipe.
class tst_ReliveRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString exampleCopy(const QString &name)
    {
        const QString target = m_dir.filePath(name);
        const QString source = QStringLiteral(RELIVE_EXAMPLES "/server");
        QDir().mkpath(target);
        for (const QString &relative : {QStringLiteral("main.py"), QStringLiteral("services/networking.py"),
                                        QStringLiteral("objects/session.py")}) {
            QDir().mkpath(QFileInfo(target + QLatin1Char('/') + relative).absolutePath());
            QFile::copy(source + QLatin1Char('/') + relative, target + QLatin1Char('/') + relative);
        }
        return target;
    }

    static void replaceInFile(const QString &path, const QString &from, const QString &to)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        f.close();
        QVERIFY2(text.contains(from), qPrintable(from));
        text.replace(from, to);
        // Write a temporary file and rename it over the original, as many editors do.
        QFile tmp(path + QStringLiteral(".tmp"));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
        tmp.write(text.toUtf8());
        tmp.close();
        QVERIFY(::rename(QFile::encodeName(tmp.fileName()).constData(), QFile::encodeName(path).constData()) == 0);
    }

    // Reads stdout lines until one matches, or the timeout.
    static QString waitForLine(QProcess &p, const QRegularExpression &re, QString &seen, int timeout = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeout) {
            while (p.canReadLine()) {
                const QString line = QString::fromUtf8(p.readLine()).trimmed();
                seen += line + QLatin1Char('\n');
                if (re.match(line).hasMatch())
                    return line;
            }
            p.waitForReadyRead(100);
        }
        return QString();
    }

private Q_SLOTS:
    // The Python relive-run embeds, from --version ("3.11.2").
    static QString embeddedPython()
    {
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {QStringLiteral("--version")});
        p.waitForFinished(30000);
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("Python (\\d+\\.\\d+\\.\\d+)")).match(QString::fromUtf8(p.readAllStandardOutput()));
        return m.captured(1);
    }

    // A project's virtual environment: found in DIR, chosen with --venv, or
    // none; a venv of another Python is named with both versions and not used.
    void virtualEnvironment_data()
    {
        QTest::addColumn<QString>("venvVersion");   // the .venv in DIR is for it; "this": the embedded one
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");      // in stdout, or stderr when the run fails
        QTest::newRow("found in DIR") << "this" << QStringList{} << 0 << "from the venv";
        QTest::newRow("--venv none") << "this" << QStringList{"--venv", "none"} << 1 << "No module named 'venv_dep'";
        QTest::newRow("another Python's venv") << "3.2.1" << QStringList{} << 1 << "is for Python 3.2.1, but Relive runs Python";
        QTest::newRow("--venv of a folder that is none") << "this" << QStringList{"--venv", "DIR"} << 2 << "has no pyvenv.cfg";
    }
    void virtualEnvironment()
    {
        QFETCH(QString, venvVersion);
        QFETCH(QStringList, options);
        QFETCH(int, status);
        QFETCH(QString, expected);
        const QString python = embeddedPython();
        QVERIFY(!python.isEmpty());
        if (venvVersion == QStringLiteral("this"))
            venvVersion = python;
        QTemporaryDir project;
        const QString venv = project.filePath(QStringLiteral(".venv"));
        const QString site = venv + QStringLiteral("/lib/python%1/site-packages").arg(venvVersion.section(QLatin1Char('.'), 0, 1));
        QVERIFY(QDir().mkpath(site));
        QFile cfg(venv + QStringLiteral("/pyvenv.cfg"));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("home = /usr/bin\nversion = " + venvVersion.toUtf8() + "\n");
        cfg.close();
        QFile module(site + QStringLiteral("/venv_dep.py"));
        QVERIFY(module.open(QIODevice::WriteOnly));
        module.write("NAME = 'from the venv'\n");
        module.close();
        options.replaceInStrings(QStringLiteral("DIR"), project.path());

        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), QStringList{project.path(), QStringLiteral("-n"), QStringLiteral("venvtest")} + options
                                                + QStringList{QStringLiteral("-c"), QStringLiteral("import venv_dep\nprint(venv_dep.NAME)")});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == status, qPrintable(out + err));
        QVERIFY2((status == 0 ? out : err).contains(expected), qPrintable(out + err));
        if (venvVersion != python)
            QVERIFY2(err.contains(python), qPrintable(err));
    }

    void scriptExitStatus_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("ok") << "from applib.services import NetworkService\nNetworkService()" << 0;
        QTest::newRow("sys.exit(3)") << "import sys\nsys.exit(3)" << 3;
        QTest::newRow("exception") << "raise RuntimeError('x')" << 1;
        QTest::newRow("SystemExit(2**100)") << "raise SystemExit(2**100)" << 255;
        QTest::newRow("SystemExit('text')") << "raise SystemExit('text')" << 1;
        QTest::newRow("sys.stdout = None, then exit(4)") << "import sys\nsys.stdout = None\nsys.exit(4)" << 4;
        // A thread that is not a daemon and never stops does not keep relive-run alive.
        QTest::newRow("non-daemon thread never stopped")
            << "import threading, time\nthreading.Thread(target=time.sleep, args=(1000,)).start()" << 0;
        QTest::newRow("os._exit(5)") << "import os\nos._exit(5)" << 5;
        // The forked child ends with the code it forked in; the parent gets its status.
        QTest::newRow("os.fork()")
            << "import os, sys\npid = os.fork()\nif pid == 0:\n    sys.exit(3)\n"
               "_, st = os.waitpid(pid, 0)\nsys.exit(40 + os.waitstatus_to_exitcode(st))" << 43;
    }
    void scriptExitStatus()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("script")), QStringLiteral("-n"),
                                             QStringLiteral("applib"), QStringLiteral("-c"), code});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), status);
        if (QByteArray(QTest::currentDataTag()) == "SystemExit('text')")
            QVERIFY(p.readAllStandardError().contains("text"));
    }

    // sys.stdout and sys.stderr are the process's own streams, as python3
    // has them: descriptors 1 and 2, faulthandler, child processes.
    void standardStreamsAreTheProcesss_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("printed");
        QTest::newRow("faulthandler and stderr.fileno()")
            << "import faulthandler, sys\nfaulthandler.enable()\nprint(sys.stderr.fileno())" << "2\n";
        QTest::newRow("stdout on a pipe")
            << "import sys\nprint(sys.stdout.fileno(), sys.stdout.isatty(), sys.stdout.encoding.lower())"
            << "1 False utf-8\n";
        QTest::newRow("stdout.buffer") << "import sys\nsys.stdout.buffer.write(b'bytes\\n')" << "bytes\n";
        QTest::newRow("a child process inherits them")
            << "import subprocess\nprint('before', flush=True)\nsubprocess.run(['sh', '-c', 'echo child'], check=True)\n"
               "print('after')"
            << "before\nchild\nafter\n";
    }
    void standardStreamsAreTheProcesss()
    {
        QFETCH(QString, code);
        QFETCH(QString, printed);
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("streams")), QStringLiteral("-n"),
                                             QStringLiteral("applib"), QStringLiteral("-q"), QStringLiteral("-c"), code});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("unknown exception")), qPrintable(err));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), printed);
    }

    // A project's own pytest suite, run inside relive-run, passes as it does
    // under python3 (pytest's faulthandler plugin needs sys.stderr.fileno()).
    void pytestSuiteRunsInside()
    {
        QProcess probe;
        probe.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("probe")), QStringLiteral("-n"),
                                                 QStringLiteral("applib"), QStringLiteral("-q"), QStringLiteral("-c"),
                                                 QStringLiteral("import pytest")});
        QVERIFY(probe.waitForFinished(60000));
        if (probe.exitCode() != 0)
            QSKIP("pytest is not installed for the interpreter Relive embeds");
        QTemporaryDir suite;
        QFile test(suite.filePath(QStringLiteral("test_tiny.py")));
        QVERIFY(test.open(QIODevice::WriteOnly));
        test.write("import sys\n\n"
                   "def test_adds():\n    assert 1 + 1 == 2\n\n"
                   "def test_prints(capsys):\n    print('hello')\n    assert capsys.readouterr().out == 'hello\\n'\n\n"
                   "def test_stderr_has_a_descriptor():\n    assert sys.__stderr__.fileno() == 2\n");
        test.close();
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN),
                {exampleCopy(QStringLiteral("pytest")), QStringLiteral("-n"), QStringLiteral("applib"), QStringLiteral("-q"),
                 QStringLiteral("-c"),
                 QStringLiteral("import sys, pytest\nsys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', %1]))")
                     .arg(QLatin1Char('\'') + suite.path() + QLatin1Char('\''))});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QLatin1String("3 passed")), qPrintable(out + err));
    }

    // The reload line says which way the reload went.
    void reloadLineNamesItsPath()
    {
        const QString dir = exampleCopy(QStringLiteral("path"));
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN),
                {dir, QStringLiteral("-n"), QStringLiteral("applib"), QStringLiteral("-c"),
                 QStringLiteral("import relive, applib.services.networking as m\n"
                                "src = open(m.__file__).read()\n"
                                "open(m.__file__, 'w').write(src + '\\n\\ndef added_later():\\n    return 1\\n')\n"
                                "relive.reload(m.__file__)\n")});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QRegularExpression(QStringLiteral("added_later: added .*edited statements only: 1 of \\d+ statements"))),
                 qPrintable(err));
    }

    void versionNamesPythonAndQt()
    {
        // The Python it names is the embedded runtime: the one code run by
        // relive-run sees in sys.version_info.
        QProcess script;
        script.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("version")), QStringLiteral("-n"),
                                                  QStringLiteral("applib"), QStringLiteral("-c"),
                                                  QStringLiteral("import sys; print('%d.%d' % sys.version_info[:2])")});
        QVERIFY(script.waitForFinished(60000));
        QCOMPARE(script.exitCode(), 0);
        const QString majorMinor = QString::fromUtf8(script.readAllStandardOutput()).trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^3\\.\\d+$")).match(majorMinor).hasMatch(), qPrintable(majorMinor));

        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).startsWith(QLatin1String("relive-run ")), qPrintable(out));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Python %1.").arg(majorMinor)), qPrintable(out));
        QCOMPARE(lines.at(2), QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())));
        QVERIFY2(QRegularExpression(QStringLiteral("^(KSyntaxHighlighting \\d+\\.\\d+\\.\\d+|built-in highlighter)$"))
                     .match(lines.at(3))
                     .hasMatch(),
                 qPrintable(out));
    }

    void ctrlCInterruptsOnlyTheConsoleCommand()
    {
        // A Ctrl+C while the console runs a command interrupts that command,
        // with its traceback, and nothing else: the program keeps running.
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("ctrlc")), QStringLiteral("-n"),
                                             QStringLiteral("applib"), QStringLiteral("--run"),
                                             QStringLiteral("applib.main:run")});
        QVERIFY(p.waitForStarted());
        QString seen;
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^\\[echo #1\\]")), seen).isEmpty(), qPrintable(seen));
        p.write("import time\nprint('sleeping', flush=True); time.sleep(1000)\n");
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^sleeping$")), seen).isEmpty(), qPrintable(seen));
        QTest::qWait(100);  // from the print into the sleep
        QVERIFY(::kill(pid_t(p.processId()), SIGINT) == 0);
        QString err;
        for (int i = 0; i < 600 && !err.contains(QLatin1String("KeyboardInterrupt")); ++i) {
            p.waitForReadyRead(100);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QLatin1String("Traceback")) && err.contains(QLatin1String("KeyboardInterrupt")),
                 qPrintable(err));
        p.write("print('console again', flush=True)\n");
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^console again$")), seen).isEmpty(), qPrintable(seen));
        // The program still prints: a line it writes after the console's.
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^\\[echo #\\d+\\]")), seen).isEmpty(), qPrintable(seen));
        QCOMPARE(p.state(), QProcess::Running);
        err += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(!err.contains(QLatin1String("could not print")), qPrintable(err));
        p.kill();
        p.waitForFinished();
    }

    void replOnAPipe()
    {
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("repl")), QStringLiteral("-n"),
                                             QStringLiteral("applib")});
        QVERIFY(p.waitForStarted());
        p.write("from applib.services import NetworkService\ns = NetworkService('pipe')\n"
                "for i in range(2):\n    _ = s.handle(i)\n\nprint(s.status())\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QStringLiteral("pipe: 2 messages handled"));
    }

    // Without a window, relive.inspect prints the object's attributes.
    void inspectPrintsAListing()
    {
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("inspect")), QStringLiteral("-n"),
                                             QStringLiteral("applib")});
        QVERIFY(p.waitForStarted());
        p.write("import relive\nfrom applib.services import NetworkService\ns = NetworkService('looked at')\n"
                "_ = s.handle('x')\nrelive.inspect(s)\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("(applib.services.networking.NetworkService)\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("  name: str = 'looked at'\n  handled: int = 1\n")), qPrintable(out));
    }

    void loopPicksUpEdits()
    {
        const QString dir = exampleCopy(QStringLiteral("loop"));
        const QString networking = dir + QStringLiteral("/services/networking.py");
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {dir, QStringLiteral("-n"), QStringLiteral("applib"),
                                             QStringLiteral("--run"), QStringLiteral("applib.main:run")});
        QVERIFY(p.waitForStarted());
        QString seen;
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^\\[echo #1\\]")), seen).isEmpty(), qPrintable(seen));

        replaceInFile(networking, QStringLiteral("return f\"[{self.name} #{self.handled}] {message}\""),
                      QStringLiteral("return f\"edited #{self.handled}: {message}\""));
        const QString edited = waitForLine(p, QRegularExpression(QStringLiteral("^edited #(\\d+)")), seen);
        QVERIFY2(!edited.isEmpty(), qPrintable(seen + QString::fromUtf8(p.readAllStandardError())));
        // Same object: the counter carried on from where the old code left it.
        const int count = QRegularExpression(QStringLiteral("#(\\d+)")).match(edited).captured(1).toInt();
        QVERIFY2(count >= 2, qPrintable(edited));

        // A syntax error: reported with its line, the old code keeps running.
        QFile source(networking);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const int line = QString::fromUtf8(source.readAll()).section(QStringLiteral("def status(self):"), 0, 0).count(QLatin1Char('\n')) + 1;
        source.close();
        replaceInFile(networking, QStringLiteral("def status(self):"), QStringLiteral("def status(self:"));
        QString err;
        QElapsedTimer t;
        t.start();
        while (!err.contains(QLatin1String("SyntaxError")) && t.elapsed() < 30000) {
            p.waitForReadyRead(100);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QStringLiteral("networking.py:%1: SyntaxError").arg(line)), qPrintable(err));
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^edited #%1").arg(count + 2)), seen).isEmpty(),
                 qPrintable(seen));
        p.kill();
        p.waitForFinished();
    }

    void scriptReadsRealStdin()
    {
        // Without a window, input() and sys.stdin read the process's stdin.
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("stdin")), QStringLiteral("-q"), QStringLiteral("-c"),
                                             QStringLiteral("import sys\nprint(input('? ').upper())\nprint(sys.stdin.read().split())")});
        QVERIFY(p.waitForStarted());
        p.write("hello\na b\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("? HELLO\n['a', 'b']\n")), qPrintable(out));
    }

    void replReadsInputFromItsOwnReader_data()
    {
        QTest::addColumn<QByteArray>("piped");
        QTest::addColumn<QString>("expected");
        QTest::newRow("input() then its answer")
            << QByteArray("x = input()\nhello\nprint(x.upper())\n") << QStringLiteral("HELLO\n");
        QTest::newRow("two reads in one block")
            << QByteArray("if True:\n    a = input('a? ')\n    b = input('b? ')\n\none\ntwo\nprint(a + b)\n")
            << QStringLiteral("onetwo\n");
        QTest::newRow("sys.stdin.readline, then a command")
            << QByteArray("import sys; line = sys.stdin.readline()\nread me\nprint(line.strip()[::-1])\n")
            << QStringLiteral("em daer\n");
        QTest::newRow("input() at end of input")
            << QByteArray("try:\n    input()\nexcept EOFError:\n    print('eof')\n")
            << QStringLiteral("eof\n");
    }

    void replReadsInputFromItsOwnReader()
    {
        // The REPL's prompt and input() read stdin through one reader: a
        // piped answer is never taken by the prompt, nor the next command by input().
        QFETCH(QByteArray, piped);
        QFETCH(QString, expected);
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {exampleCopy(QStringLiteral("replinput")), QStringLiteral("-q")});
        QVERIFY(p.waitForStarted());
        p.write(piped);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(20000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(out.contains(expected), qPrintable(out + err));
        QVERIFY2(!err.contains(QStringLiteral("Error")), qPrintable(err));
        QCOMPARE(p.exitCode(), 0);
    }

    // The example's loop paused at a breakpoint in NetworkService.handle, the
    // method edited and saved, the frame restarted: the loop goes on with the
    // new code and the same object.
    void debuggerOnAPipe()
    {
        const QString dir = exampleCopy(QStringLiteral("debug"));
        const QString networking = dir + QStringLiteral("/services/networking.py");
        QProcess p;
        p.start(QStringLiteral(RELIVE_RUN), {dir, QStringLiteral("-n"), QStringLiteral("applib"),
                                             QStringLiteral("--run"), QStringLiteral("applib.main:run"),
                                             QStringLiteral("--break"), QStringLiteral("services/networking.py:11")});
        QVERIFY(p.waitForStarted());
        QString seen;
        const QRegularExpression atHandle(QStringLiteral("^> .*networking\\.py\\(11\\)NetworkService\\.handle\\(\\)$"));
        QVERIFY2(!waitForLine(p, atHandle, seen).isEmpty(), qPrintable(seen + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(!seen.contains(QLatin1String("[echo #")), qPrintable(seen));

        p.write("w\n");
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("main\\.py\\(\\d+\\)run\\(\\)$")), seen).isEmpty(),
                 qPrintable(seen));
        p.write("p self.handled, message\n");
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^\\(0, \"alice says 'ping 1'\"\\)$")), seen).isEmpty(),
                 qPrintable(seen));
        p.write("retry\n");  // not an exception pause: refused, still paused
        p.write("u\n");
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^> .*main\\.py\\(\\d+\\)run\\(\\)$")), seen).isEmpty(),
                 qPrintable(seen));
        p.write("d\n");
        QVERIFY2(!waitForLine(p, atHandle, seen).isEmpty(), qPrintable(seen));

        replaceInFile(networking, QStringLiteral("return f\"[{self.name} #{self.handled}] {message}\""),
                      QStringLiteral("return f\"edited #{self.handled}: {message}\""));
        QString err;
        QElapsedTimer t;
        t.start();
        while (!err.contains(QLatin1String("code replaced")) && t.elapsed() < 8000) {
            p.waitForReadyRead(100);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QLatin1String("retry is for a pause on an exception")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("NetworkService.handle: code replaced")), qPrintable(err));

        p.write("restart\n");
        QVERIFY2(!waitForLine(p, atHandle, seen).isEmpty(), qPrintable(seen));
        p.write("cl\nc\n");
        const QString first = waitForLine(p, QRegularExpression(QStringLiteral("^(edited|\\[echo) #")), seen);
        QCOMPARE(first, QStringLiteral("edited #1: alice says 'ping 1'"));
        QVERIFY2(!waitForLine(p, QRegularExpression(QStringLiteral("^edited #2: alice says 'ping 2'$")), seen).isEmpty(),
                 qPrintable(seen));
        p.kill();
        p.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(tst_ReliveRun)
#include "tst_reliverun.moc"
