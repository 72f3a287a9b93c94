#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class CodeManager;
class PythonRuntime;

// The result of one test, as plain values.
struct TestResult
{
    enum class Outcome { Passed, Failed, Error, Skipped, ExpectedFailure, UnexpectedSuccess };

    QString nodeId;      // "tests/test_app.py::test_index" (pytest) or "test_app.AppTest.test_x" (unittest)
    Outcome outcome = Outcome::Passed;
    QString file;        // where it failed (the raising line), else the test itself; absolute
    int line = 0;        // 1-based, 0 when unknown
    QString message;     // the assertion's message ("assert 5 == 6"), a skip's reason
    QString details;     // the whole report of a failure, as the runner prints it
    double duration = 0; // seconds, setup and teardown included

    bool isFailure() const { return outcome == Outcome::Failed || outcome == Outcome::Error; }
    static Outcome outcomeFromName(const QString &name);
};
Q_DECLARE_METATYPE(TestResult)

// What one run of the suite gave.
struct TestRunSummary
{
    QString framework;   // "pytest" or "unittest"
    int exitStatus = 0;  // pytest's (0 all passed, 1 some failed, 2 interrupted, 4 usage, 5 no tests)
    QList<TestResult> results;
    QString output;      // the runner's own report, when it was not printed
    QString error;       // a traceback when the run itself could not be made

    int count(TestResult::Outcome outcome) const;
    int failures() const { return count(TestResult::Outcome::Failed) + count(TestResult::Outcome::Error); }
};
Q_DECLARE_METATYPE(TestRunSummary)

// Runs a project's test suite inside the live interpreter, on the live worker:
// pytest when the project is configured for it, else unittest's discovery.
// The namespaces' modules are the live ones, so a run after a save tests the
// reloaded code; the project's test modules and conftest files are collected
// afresh on every run. Results come back one test at a time (testFinished)
// and whole (finished), as values.
class TestRunner : public QObject
{
    Q_OBJECT
public:
    enum class Framework { Auto, Pytest, Unittest };
    enum class Selection {
        All,          // the whole suite
        FailedFirst,  // the tests that failed last time first, then the others
        Failed,       // only those that failed last time (all of them if none did)
    };

    explicit TestRunner(PythonRuntime *runtime, QObject *parent = nullptr);
    ~TestRunner() override;

    // The project folder: the runner's working directory and first on
    // sys.path for the run, as `python3 -m pytest` run in it has them.
    void setProjectDirectory(const QString &folder);
    QString projectDirectory() const { return m_folder; }
    void setFramework(Framework framework) { m_framework = framework; }
    // Extra arguments for pytest (`-k name`, a test file).
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }
    // Prints pytest's own report on sys.stdout (relive-run) instead of
    // keeping it in TestRunSummary::output (the panel).
    void setPrintReport(bool print) { m_printReport = print; }

    // Queues a run; started() follows, then testFinished() per test and
    // finished(). Returns false, doing nothing, without a project folder. A
    // run asked for while one is in progress starts when it ends (one at most
    // is kept waiting, the latest).
    bool run(Selection selection = Selection::All);
    bool isRunning() const { return m_running->load(); }
    // Ends the run in progress after the test that runs now (pytest's exit
    // status is then 2, "interrupted"), and drops a queued one.
    void stop();

    // Watch mode: after every save `manager` applies, FailedFirst again.
    void setWatching(CodeManager *manager, bool watching);
    bool isWatching() const { return m_watching; }

    // The last finished run's results, and the ids of its failures.
    const TestRunSummary &lastSummary() const { return m_last; }
    QStringList lastFailed() const;

Q_SIGNALS:
    void started(TestRunner::Selection selection);
    void testFinished(const TestResult &result);
    void finished(const TestRunSummary &summary);

private:
    void start(Selection selection);
    void onFinished(const TestRunSummary &summary);

    PythonRuntime *m_runtime;
    QString m_folder;
    Framework m_framework = Framework::Auto;
    QStringList m_arguments;
    bool m_printReport = false;
    bool m_watching = false;
    CodeManager *m_watched = nullptr;
    bool m_queued = false;
    Selection m_queuedSelection = Selection::All;
    TestRunSummary m_last;
    std::shared_ptr<std::atomic<bool>> m_running = std::make_shared<std::atomic<bool>>(false);
    // Read by the run on the live worker after each test.
    std::shared_ptr<std::atomic<bool>> m_stopRequested = std::make_shared<std::atomic<bool>>(false);
};
