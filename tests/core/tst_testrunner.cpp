#include "CodeManager.h"
#include "PythonRuntime.h"
#include "TestRunner.h"

#include "pythonpackage.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The project's own test suite run inside the live interpreter: per-test
// results, the same counts as `python3 -m pytest`, reruns against reloaded
// code, watch mode and the unittest fallback. The fixture project
// (tests/fixtures/tests-project) has its package `calc` registered as a live
// namespace; init() puts its files back as the fixture has them.
class tst_TestRunner : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    QTemporaryDir m_project;
    bool m_hasPytest = false;

    static QString fixture(const QString &relative)
    {
        return QStringLiteral(RELIVE_FIXTURES "/tests-project/") + relative;
    }
    QString projectFile(const QString &relative) const { return m_project.filePath(relative); }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // `text` as a Python string literal.
    static QByteArray pythonString(const QString &text)
    {
        return "'" + text.toUtf8().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static bool write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    // Saves `content` into the live file `relative` and waits for the reload.
    void save(const QString &relative, const QByteArray &content)
    {
        QVERIFY(write(projectFile(relative), content));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(projectFile(relative));
        QVERIFY(reloaded.wait(10000));
        QVERIFY2(reloaded.first().first().value<ReloadReport>().ok(),
                 qPrintable(reloaded.first().first().value<ReloadReport>().traceback));
    }

    TestRunSummary runSuite(TestRunner &runner, TestRunner::Selection selection = TestRunner::Selection::All)
    {
        QSignalSpy finished(&runner, &TestRunner::finished);
        if (!runner.run(selection) || !finished.wait(60000))
            return {};
        return finished.first().first().value<TestRunSummary>();
    }

    static const TestResult *find(const TestRunSummary &summary, const QString &nodeId)
    {
        for (const TestResult &r : summary.results) {
            if (r.nodeId == nodeId)
                return &r;
        }
        return nullptr;
    }

    static QString counts(const TestRunSummary &s)
    {
        using O = TestResult::Outcome;
        QStringList parts;
        if (int n = s.count(O::Failed))
            parts << QStringLiteral("%1 failed").arg(n);
        if (int n = s.count(O::Passed))
            parts << QStringLiteral("%1 passed").arg(n);
        if (int n = s.count(O::Skipped))
            parts << QStringLiteral("%1 skipped").arg(n);
        if (int n = s.count(O::Error))
            parts << QStringLiteral("%1 error%2").arg(n).arg(n == 1 ? "" : "s");
        return parts.join(QStringLiteral(", "));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_hasPytest = hasPythonPackage(m_runtime, QStringLiteral("pytest"));
        for (const QString &dir : {QStringLiteral("calc"), QStringLiteral("tests")})
            QVERIFY(QDir(m_project.path()).mkpath(dir));
        for (const QString &file : {QStringLiteral("pytest.ini"), QStringLiteral("calc/__init__.py"),
                                    QStringLiteral("calc/arith.py"), QStringLiteral("tests/conftest.py"),
                                    QStringLiteral("tests/test_arith.py"), QStringLiteral("tests/test_unit.py")})
            QVERIFY(write(projectFile(file), read(fixture(file))));
        m_manager = new CodeManager(&m_runtime, this);
        QVERIFY2(m_manager->addDirectory(projectFile(QStringLiteral("calc")), QStringLiteral("calc"), &error),
                 qPrintable(error));
    }

    void init()
    {
        for (const QString &file : {QStringLiteral("calc/arith.py"), QStringLiteral("tests/test_arith.py")}) {
            const QByteArray original = read(fixture(file));
            if (read(projectFile(file)) == original)
                continue;
            if (file.startsWith(QLatin1String("calc/")))
                save(file, original);
            else
                QVERIFY(write(projectFile(file), original));
        }
    }

    void results_data()
    {
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        using O = TestResult::Outcome;
        QTest::newRow("passed") << "tests/test_arith.py::test_add" << int(O::Passed) << "tests/test_arith.py" << 6
                                << "";
        QTest::newRow("assertion with a message")
            << "tests/test_arith.py::test_mul" << int(O::Failed) << "tests/test_arith.py" << 11
            << "AssertionError: mul(2, 3) should be 6";
        QTest::newRow("raised in the package")
            << "tests/test_arith.py::test_div_by_zero" << int(O::Failed) << "calc/arith.py" << 10
            << "ZeroDivisionError: division by zero";
        QTest::newRow("skipped") << "tests/test_arith.py::test_pow" << int(O::Skipped) << "tests/test_arith.py"
                                 << 22 << "not written yet";
        QTest::newRow("unittest case") << "tests/test_unit.py::AddTest::test_zero" << int(O::Passed)
                                       << "tests/test_unit.py" << 7 << "";
    }
    void results()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        QFETCH(QString, nodeId);
        QFETCH(int, outcome);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);

        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        QSignalSpy each(&runner, &TestRunner::testFinished);
        const TestRunSummary summary = runSuite(runner);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.framework, QStringLiteral("pytest"));
        QCOMPARE(summary.exitStatus, 1);
        QCOMPARE(each.size(), summary.results.size());
        const TestResult *result = find(summary, nodeId);
        QVERIFY2(result, qPrintable(nodeId));
        QCOMPARE(int(result->outcome), outcome);
        QCOMPARE(QDir::cleanPath(result->file), QDir::cleanPath(projectFile(file)));
        QCOMPARE(result->line, line);
        QVERIFY2(result->message.startsWith(message), qPrintable(result->message));
        QVERIFY(result->duration >= 0);
    }

    // The same counts inside the live interpreter as `python3 -m pytest` in
    // a new one gives for the same project.
    void sameCountsAsPlainPytest()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        QProcess pytest;
        pytest.setWorkingDirectory(m_project.path());
        pytest.start(QStringLiteral(RELIVE_PYTHON_EXECUTABLE), {QStringLiteral("-m"), QStringLiteral("pytest"),
                                                                 QStringLiteral("-q"), QStringLiteral("-p"),
                                                                 QStringLiteral("no:cacheprovider")});
        QVERIFY(pytest.waitForFinished(60000));
        const QString output = QString::fromUtf8(pytest.readAllStandardOutput());
        const QRegularExpression summaryLine(QStringLiteral("^=*\\s*(\\d+ \\w+(, \\d+ \\w+)*) in [\\d.]+s"),
                                             QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = summaryLine.match(output);
        QVERIFY2(match.hasMatch(), qPrintable(output));

        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        const TestRunSummary summary = runSuite(runner);
        QCOMPARE(counts(summary), match.captured(1));
        QCOMPARE(summary.exitStatus, pytest.exitCode());
    }

    // A second run in the same process tests the reloaded package and
    // collects the test modules afresh.
    void rerunSeesReloadedCode()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        TestRunSummary summary = runSuite(runner);
        QVERIFY(find(summary, QStringLiteral("tests/test_arith.py::test_mul")));
        QCOMPARE(find(summary, QStringLiteral("tests/test_arith.py::test_mul"))->outcome, TestResult::Outcome::Failed);

        QByteArray code = read(projectFile(QStringLiteral("calc/arith.py")));
        code.replace("def mul(a, b):\n    return a + b", "def mul(a, b):\n    return a * b");
        save(QStringLiteral("calc/arith.py"), code);
        QByteArray test = read(projectFile(QStringLiteral("tests/test_arith.py")));
        test.replace("assert add(*pair) == 5", "assert add(*pair) == 7");
        QVERIFY(write(projectFile(QStringLiteral("tests/test_arith.py")), test));

        summary = runSuite(runner);
        QVERIFY(find(summary, QStringLiteral("tests/test_arith.py::test_mul")));
        QCOMPARE(find(summary, QStringLiteral("tests/test_arith.py::test_mul"))->outcome, TestResult::Outcome::Passed);
        QCOMPARE(find(summary, QStringLiteral("tests/test_arith.py::test_add"))->outcome, TestResult::Outcome::Failed);
        QCOMPARE(summary.results.size(), 7);
    }

    // Watch mode: a save runs the tests that failed first, then the others.
    void watchRunsFailedFirst()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        runSuite(runner);
        QCOMPARE(runner.lastFailed(), QStringList({QStringLiteral("tests/test_arith.py::test_mul"),
                                                   QStringLiteral("tests/test_arith.py::test_div_by_zero")}));
        runner.setWatching(m_manager, true);
        QSignalSpy started(&runner, &TestRunner::started);
        QSignalSpy finished(&runner, &TestRunner::finished);

        QByteArray code = read(projectFile(QStringLiteral("calc/arith.py")));
        code.replace("return a + b\n\n\ndef div", "return a * b\n\n\ndef div");
        save(QStringLiteral("calc/arith.py"), code);
        QVERIFY(finished.wait(60000));
        QCOMPARE(started.first().first().value<TestRunner::Selection>(), TestRunner::Selection::FailedFirst);
        const TestRunSummary summary = finished.first().first().value<TestRunSummary>();
        QCOMPARE(summary.results.size(), 7);
        QCOMPARE(summary.results.at(0).nodeId, QStringLiteral("tests/test_arith.py::test_mul"));
        QCOMPARE(summary.results.at(0).outcome, TestResult::Outcome::Passed);
        QCOMPARE(summary.results.at(1).nodeId, QStringLiteral("tests/test_arith.py::test_div_by_zero"));
        QCOMPARE(summary.results.at(1).outcome, TestResult::Outcome::Failed);

        // Off: a save runs nothing.
        runner.setWatching(m_manager, false);
        save(QStringLiteral("calc/arith.py"), read(fixture(QStringLiteral("calc/arith.py"))));
        QVERIFY(!runner.isRunning());
        QCOMPARE(started.size(), 1);
    }

    void runFailedOnly()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        runSuite(runner);
        const TestRunSummary summary = runSuite(runner, TestRunner::Selection::Failed);
        QCOMPARE(summary.results.size(), 2);
        QCOMPARE(summary.failures(), 2);
    }

    void unittestFramework()
    {
        // Only the unittest module: the fixture's pytest modules cannot be
        // imported where pytest is missing, and unittest's discovery would
        // rightly count that as an error.
        QTemporaryDir unitOnly;
        QVERIFY(QDir(unitOnly.path()).mkpath(QStringLiteral("tests")));
        QVERIFY(write(unitOnly.filePath(QStringLiteral("tests/test_unit.py")),
                      read(fixture(QStringLiteral("tests/test_unit.py")))));
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(unitOnly.path());
        runner.setFramework(TestRunner::Framework::Unittest);
        const TestRunSummary summary = runSuite(runner);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.framework, QStringLiteral("unittest"));
        QCOMPARE(summary.exitStatus, 0);
        QCOMPARE(summary.results.size(), 2);
        const TestResult *zero = find(summary, QStringLiteral("test_unit.AddTest.test_zero"));
        QVERIFY(zero);
        QCOMPARE(zero->outcome, TestResult::Outcome::Passed);
        QCOMPARE(zero->line, 7);
    }

    // pytest refusing its arguments is a finished run with its exit status.
    void usageError()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        runner.setArguments({QStringLiteral("--no-such-option")});
        const TestRunSummary summary = runSuite(runner);
        QCOMPARE(summary.exitStatus, 4);
        QVERIFY(summary.results.isEmpty());
    }

    // The run forgets the project's test modules, never Relive's own (whose
    // resource paths are relative, so would seem to lie in the project).
    // Stop ends the run after the test that runs when it is asked, whichever
    // framework runs the suite, and the run says it was interrupted.
    void stopEndsTheRunAfterItsTest_data()
    {
        QTest::addColumn<bool>("pytest");
        QTest::newRow("pytest") << true;
        QTest::newRow("unittest") << false;
    }
    void stopEndsTheRunAfterItsTest()
    {
        QFETCH(bool, pytest);
        if (pytest && !m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        QTemporaryDir project;
        QVERIFY(QDir(project.path()).mkpath(QStringLiteral("tests")));
        // The first test waits until the stop has been asked, so the stop
        // falls inside the run whatever the machine's speed.
        const QString asked = project.filePath(QStringLiteral("stop-asked"));
        QByteArray cases = "import os, time, unittest\n\nclass ManyTest(unittest.TestCase):\n"
                           "    def test_0(self):\n"
                           "        deadline = time.monotonic() + 60\n"
                           "        while not os.path.exists(" + pythonString(asked) + ") and time.monotonic() < deadline:\n"
                           "            time.sleep(0.01)\n";
        for (int i = 1; i < 30; ++i)
            cases += "    def test_" + QByteArray::number(i) + "(self):\n        pass\n";
        QVERIFY(write(project.filePath(QStringLiteral("tests/test_many.py")), cases));
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(project.path());
        runner.setFramework(pytest ? TestRunner::Framework::Pytest : TestRunner::Framework::Unittest);
        QMetaObject::Connection stopAtStart = connect(&runner, &TestRunner::started, &runner, [&runner, asked] {
            runner.stop();
            write(asked, "yes\n");
        });
        const TestRunSummary summary = runSuite(runner);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.results.size(), 1);
        QCOMPARE(summary.results.first().outcome, TestResult::Outcome::Passed);
        QCOMPARE(summary.exitStatus, 2);
        QVERIFY(!runner.isRunning());

        // The next run is whole again.
        disconnect(stopAtStart);
        QCOMPARE(runSuite(runner).results.size(), 30);
    }

    void keepsReliveModules()
    {
        if (!m_hasPytest)
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        TestRunner runner(&m_runtime);
        runner.setProjectDirectory(m_project.path());
        runSuite(runner);
        QVERIFY(runPackageCode(m_runtime, QStringLiteral(
            "import sys\n"
            "_relive_modules = {n: id(m) for n, m in sys.modules.items() if n.startswith('relive_')}\n"
            "raise SystemExit(0 if 'relive_tests' in _relive_modules else 3)\n")));
        runSuite(runner);
        QVERIFY(runPackageCode(m_runtime, QStringLiteral(
            "import sys\n"
            "raise SystemExit(0 if all(id(sys.modules.get(n)) == i for n, i in _relive_modules.items()) else 3)\n")));
    }

    void needsAProject()
    {
        TestRunner runner(&m_runtime);
        QVERIFY(!runner.run());
        QVERIFY(!runner.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_TestRunner)
#include "tst_testrunner.moc"
