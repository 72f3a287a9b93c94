#include "TestRunner.h"

#include "CodeManager.h"
#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QMetaObject>
#include <QPointer>

// Outside any namespace: Q_INIT_RESOURCE declares the resource's initialiser.
static void initTestsResource()
{
    // The library is static: without this its resource is not linked in.
    Q_INIT_RESOURCE(tests);
}

namespace {

py::module_ testsModule()
{
    static const bool registered = (initTestsResource(), true);
    Q_UNUSED(registered);
    return importResourceModule("relive_tests", QStringLiteral("relive_tests.py"));
}

QString text(py::handle value) { return QString::fromStdString(py::str(value).cast<std::string>()); }

TestResult resultFrom(py::dict values)
{
    TestResult r;
    r.nodeId = text(values["nodeid"]);
    r.outcome = TestResult::outcomeFromName(text(values["outcome"]));
    r.file = text(values["file"]);
    r.line = values["line"].cast<int>();
    r.message = text(values["message"]);
    r.details = text(values["details"]);
    r.duration = values["duration"].cast<double>();
    return r;
}

// The exception as Python prints it, while the GIL is held on its thread.
QString tracebackText(py::error_already_set &e)
{
    try {
        py::object lines = py::module_::import("traceback").attr("format_exception")(e.type(), e.value(), e.trace());
        return text(py::str("").attr("join")(lines));
    } catch (py::error_already_set &) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace

TestResult::Outcome TestResult::outcomeFromName(const QString &name)
{
    if (name == QLatin1String("failed"))
        return Outcome::Failed;
    if (name == QLatin1String("error"))
        return Outcome::Error;
    if (name == QLatin1String("skipped"))
        return Outcome::Skipped;
    if (name == QLatin1String("xfailed"))
        return Outcome::ExpectedFailure;
    if (name == QLatin1String("xpassed"))
        return Outcome::UnexpectedSuccess;
    return Outcome::Passed;
}

int TestRunSummary::count(TestResult::Outcome outcome) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [outcome](const TestResult &r) { return r.outcome == outcome; }));
}

TestRunner::TestRunner(PythonRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
{
    qRegisterMetaType<TestResult>();
    qRegisterMetaType<TestRunSummary>();
    qRegisterMetaType<TestRunner::Selection>();
}

TestRunner::~TestRunner() = default;

void TestRunner::setProjectDirectory(const QString &folder)
{
    m_folder = folder;
}

QStringList TestRunner::lastFailed() const
{
    QStringList ids;
    for (const TestResult &r : m_last.results) {
        if (r.isFailure())
            ids.append(r.nodeId);
    }
    return ids;
}

bool TestRunner::run(Selection selection)
{
    if (m_folder.isEmpty())
        return false;
    if (m_running->load()) {
        m_queued = true;
        m_queuedSelection = selection;
        return true;
    }
    start(selection);
    return true;
}

void TestRunner::stop()
{
    m_queued = false;
    if (m_running->load())
        m_stopRequested->store(true);
}

void TestRunner::start(Selection selection)
{
    m_running->store(true);
    m_stopRequested->store(false);
    Q_EMIT started(selection);

    QStringList first;
    if (selection != Selection::All)
        first = lastFailed();
    const bool only = selection == Selection::Failed && !first.isEmpty();
    const QString framework = m_framework == Framework::Pytest   ? QStringLiteral("pytest")
                              : m_framework == Framework::Unittest ? QStringLiteral("unittest")
                                                                   : QStringLiteral("auto");
    QPointer<TestRunner> self(this);
    postLive(m_runtime, [self, folder = m_folder, framework, arguments = m_arguments, first, only,
                         print = m_printReport, stopRequested = m_stopRequested] {
        TestRunSummary summary;
        // Every run ends with finished(), whatever the suite did.
        struct Finish
        {
            QPointer<TestRunner> self;
            TestRunSummary *summary;
            ~Finish()
            {
                QPointer<TestRunner> target = self;
                QMetaObject::invokeMethod(target, [target, copy = *summary] {
                    if (target)
                        target->onFinished(copy);
                }, Qt::QueuedConnection);
            }
        } finish{self, &summary};

        try {
            py::list args;
            for (const QString &a : arguments)
                args.append(a.toStdString());
            py::list firstIds;
            for (const QString &id : first)
                firstIds.append(id.toStdString());
            // Shared: the plugin holding this function may outlive the run.
            auto results = std::make_shared<QList<TestResult>>();
            // Answers whether the run should stop after this test.
            auto report = py::cpp_function([self, results, stopRequested](py::dict values) {
                const TestResult result = resultFrom(values);
                results->append(result);
                QPointer<TestRunner> target = self;
                QMetaObject::invokeMethod(target, [target, result] {
                    if (target)
                        Q_EMIT target->testFinished(result);
                }, Qt::QueuedConnection);
                return stopRequested->load();
            });
            py::tuple outcome = testsModule().attr("run")(folder.toStdString(), framework.toStdString(), args, report, firstIds,
                                                          only, print);
            summary.results = *results;
            summary.framework = text(outcome[0]);
            summary.exitStatus = outcome[1].cast<int>();
            summary.output = text(outcome[2]);
        } catch (py::error_already_set &e) {
            // SystemExit and KeyboardInterrupt too: a run never ends the IDE.
            summary.error = tracebackText(e);
            summary.exitStatus = 3;
        } catch (const std::exception &e) {
            summary.error = QString::fromUtf8(e.what());
            summary.exitStatus = 3;
        }
    });
}

void TestRunner::onFinished(const TestRunSummary &summary)
{
    m_last = summary;
    m_running->store(false);
    Q_EMIT finished(summary);
    if (m_queued) {
        m_queued = false;
        start(m_queuedSelection);
    }
}

void TestRunner::setWatching(CodeManager *manager, bool watching)
{
    if (m_watched)
        disconnect(m_watched, &CodeManager::reloaded, this, nullptr);
    m_watching = watching && manager;
    m_watched = m_watching ? manager : nullptr;
    if (m_watched) {
        connect(m_watched, &CodeManager::reloaded, this, [this](const ReloadReport &report) {
            // A refused save changed nothing: the last results still hold.
            if (report.ok())
                run(Selection::FailedFirst);
        });
    }
}
