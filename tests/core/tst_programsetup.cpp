#include "PythonRuntime.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A run configuration's working directory and environment hold for one run
// of a program thread and are put back however the run ends.
class tst_ProgramSetup : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_output;

    bool runCommand(const QString &code)
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        if (!finished.wait(20000) && finished.isEmpty())
            return false;
        m_runtime.flushOutput();
        return true;
    }

    // Runs `source` as a file with `setup` and waits for its end.
    bool runFile(const QString &source, const ProgramSetup &setup, ProgramExit *exit)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("program.py"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(source.toUtf8());
        file.close();
        QSignalSpy ended(&m_runtime, &PythonRuntime::programEnded);
        m_runtime.runFile(path, setup);
        if (!ended.wait(20000) && ended.isEmpty())
            return false;
        *exit = ended.first().at(1).value<ProgramExit>();
        m_runtime.flushOutput();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this,
                [this](const QString &text, PythonRuntime::Stream) { m_output += text; });
    }

    void init() { m_output.clear(); }

    void restoredHoweverTheRunEnds_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::addColumn<ProgramExit::Reason>("reason");
        QTest::newRow("returns") << QString() << ProgramExit::Reason::Finished;
        QTest::newRow("raises") << "raise ValueError('bad')\n" << ProgramExit::Reason::Raised;
        QTest::newRow("exits") << "import sys\nsys.exit(3)\n" << ProgramExit::Reason::Exited;
        QTest::newRow("changes them itself") << "os.environ['RELIVE_PS_NEW'] = 'mine'\nos.chdir('/')\n"
                                             << ProgramExit::Reason::Finished;
    }

    void restoredHoweverTheRunEnds()
    {
        QFETCH(QString, ending);
        QFETCH(ProgramExit::Reason, reason);
        QTemporaryDir work;
        QVERIFY(runCommand(QStringLiteral("import os\nos.environ['RELIVE_PS_OLD'] = 'old'\n"
                                          "os.environ.pop('RELIVE_PS_NEW', None)\n_cwd = os.getcwd()\n")));
        ProgramSetup setup;
        setup.arguments = {QStringLiteral("a b")};
        setup.workingDirectory = work.path();
        setup.environment = {{QStringLiteral("RELIVE_PS_OLD"), QStringLiteral("during")},
                             {QStringLiteral("RELIVE_PS_NEW"), QStringLiteral("new")}};
        ProgramExit exit;
        QVERIFY(runFile(QStringLiteral("import os, sys\n"
                                       "print('in', sys.argv[1:], os.getcwd() == %1, "
                                       "os.environ['RELIVE_PS_OLD'], os.environ['RELIVE_PS_NEW'])\n")
                                .arg(QStringLiteral("'%1'").arg(QDir(work.path()).canonicalPath()))
                            + ending,
                        setup, &exit));
        QCOMPARE(exit.reason, reason);
        QVERIFY2(m_output.contains(QStringLiteral("in ['a b'] True during new")), qPrintable(m_output));
        m_output.clear();
        QVERIFY(runCommand(QStringLiteral("print('after', os.getcwd() == _cwd, os.environ.get('RELIVE_PS_OLD'), "
                                          "os.environ.get('RELIVE_PS_NEW'))\n")));
        QVERIFY2(m_output.contains(QStringLiteral("after True old None")), qPrintable(m_output));
    }

    // A working directory that vanished before the run started: the run
    // raises and nothing of the setup is left behind.
    void missingDirectoryLeavesNothing()
    {
        QVERIFY(runCommand(QStringLiteral("import os\nos.environ.pop('RELIVE_PS_NEW', None)\n_cwd = os.getcwd()\n")));
        ProgramSetup setup;
        setup.workingDirectory = QStringLiteral("/nonexistent/relive/dir");
        setup.environment = {{QStringLiteral("RELIVE_PS_NEW"), QStringLiteral("new")}};
        ProgramExit exit;
        QVERIFY(runFile(QStringLiteral("print('ran')\n"), setup, &exit));
        QCOMPARE(exit.reason, ProgramExit::Reason::Raised);
        QVERIFY2(exit.exception.startsWith(QStringLiteral("FileNotFoundError")), qPrintable(exit.exception));
        QVERIFY(!m_output.contains(QStringLiteral("ran")));
        m_output.clear();
        QVERIFY(runCommand(QStringLiteral("print('after', os.getcwd() == _cwd, os.environ.get('RELIVE_PS_NEW'))\n")));
        QVERIFY2(m_output.contains(QStringLiteral("after True None")), qPrintable(m_output));
    }
};

QTEST_GUILESS_MAIN(tst_ProgramSetup)
#include "tst_programsetup.moc"
