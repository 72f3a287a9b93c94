#include "TestsBench.h"
#include "BenchStats.h"

#include "CodeManager.h"
#include "PythonRuntime.h"
#include "TestRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int TestFiles = 20;
constexpr int TestsPerFile = 10;

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray packageSource(int k)
{
    // `scaled` is what the saves edit; one test expects another value, so
    // there is always one failure for watch mode to run first.
    QByteArray source = "def scaled(x):\n    return x * 2 + " + QByteArray::number(k) + " - " + QByteArray::number(k)
                        + "\n\n\n";
    for (int i = 0; i < 50; ++i)
        source += "def f" + QByteArray::number(i) + "(x):\n    return x + " + QByteArray::number(i) + "\n\n\n";
    return source;
}

// A project of TestFiles × TestsPerFile tests over the package `benchcalc`.
bool makeProject(const QString &root)
{
    QDir().mkpath(root + QStringLiteral("/benchcalc"));
    QDir().mkpath(root + QStringLiteral("/tests"));
    bool ok = writeFile(root + QStringLiteral("/pytest.ini"), "[pytest]\ntestpaths = tests\naddopts = -p no:cacheprovider\n")
              && writeFile(root + QStringLiteral("/benchcalc/__init__.py"), "")
              && writeFile(root + QStringLiteral("/benchcalc/core.py"), packageSource(0));
    for (int f = 0; f < TestFiles; ++f) {
        QByteArray tests = "from benchcalc.core import scaled, f1\n\n\n";
        for (int t = 0; t < TestsPerFile; ++t) {
            const QByteArray expected = f == 0 && t == 0 ? "5" : "4";
            tests += "def test_" + QByteArray::number(t) + "():\n    assert scaled(2) == " + expected
                     + "\n    assert f1(1) == 2\n\n\n";
        }
        ok = ok && writeFile(root + QStringLiteral("/tests/test_m%1.py").arg(f), tests);
    }
    return ok;
}



// Waits for `runner` to finish; the summary, or an empty one after a minute.
TestRunSummary waitForRun(TestRunner &runner)
{
    TestRunSummary summary;
    QEventLoop loop;
    QObject::connect(&runner, &TestRunner::finished, &loop, [&](const TestRunSummary &s) {
        summary = s;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return summary;
}

} // namespace

QJsonObject sectionTests(const QString &workDirectory, bool quick, const QString &python)
{
    QJsonObject result;
    const QString root = workDirectory + QStringLiteral("/tests-project");
    QDir(root).removeRecursively();
    if (!makeProject(root))
        return {{QStringLiteral("error"), QStringLiteral("cannot write ") + root}};
    result[QStringLiteral("tests")] = TestFiles * TestsPerFile;

    QProcess check;
    check.start(python, {QStringLiteral("-c"), QStringLiteral("import pytest")});
    if (!check.waitForFinished(60000) || check.exitCode() != 0)
        return {{QStringLiteral("skipped"), QStringLiteral("no pytest for %1").arg(python)}};

    // The peer: a new interpreter running the whole suite.
    const int peerReps = quick ? 2 : 8;
    QList<double> fresh;
    for (int i = 0; i < peerReps; ++i) {
        QProcess pytest;
        pytest.setWorkingDirectory(root);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        pytest.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        pytest.start(python, {QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q")});
        pytest.waitForFinished(120000);
        fresh.append(timer.nsecsElapsed() / 1e6);
    }
    result[QStringLiteral("fresh_pytest_ms")] = stats(fresh);

    PythonRuntime runtime;
    QString error;
    if (!runtime.start(&error))
        return {{QStringLiteral("error"), error}};
    CodeManager manager(&runtime);
    if (!manager.addDirectory(root + QStringLiteral("/benchcalc"), QStringLiteral("benchcalc"), &error))
        return {{QStringLiteral("error"), error}};
    TestRunner runner(&runtime);
    runner.setProjectDirectory(root);
    runner.run();
    const TestRunSummary first = waitForRun(runner);
    result[QStringLiteral("first_run_failures")] = first.failures();
    result[QStringLiteral("first_run_results")] = int(first.results.size());
    runner.setWatching(&manager, true);

    // One save, applied and the suite run again (the failure first): from
    // the save to the last result on the GUI thread.
    const int reps = quick ? 3 : 20;
    QList<double> watch, toStart;
    QElapsedTimer timer;
    QObject::connect(&runner, &TestRunner::started, &runner, [&] { toStart.append(timer.nsecsElapsed() / 1e6); });
    bool sameResults = true;
    const QString file = root + QStringLiteral("/benchcalc/core.py");
    for (int k = 1; k <= reps; ++k) {
        writeFile(file, packageSource(k));
        timer.start();
        manager.reloadFile(file);
        const TestRunSummary summary = waitForRun(runner);
        watch.append(timer.nsecsElapsed() / 1e6);
        sameResults = sameResults && summary.results.size() == first.results.size()
                      && summary.failures() == first.failures() && !summary.results.isEmpty()
                      && summary.results.first().isFailure();
    }
    result[QStringLiteral("watch_rerun_ms")] = stats(watch);
    result[QStringLiteral("save_to_run_start_ms")] = stats(toStart);
    result[QStringLiteral("same_results")] = sameResults;
    std::fprintf(stderr, "bench: tests: watch rerun p50 %.1f ms, fresh pytest p50 %.1f ms\n",
                 percentile(watch, 50), percentile(fresh, 50));
    return result;
}

void testsRows(const QJsonObject &all,
               const BenchRow &row)
{
    const QJsonObject t = all.value(QStringLiteral("tests")).toObject();
    if (!t.contains(QStringLiteral("watch_rerun_ms")))
        return;
    const QJsonObject watch = t.value(QStringLiteral("watch_rerun_ms")).toObject();
    const QJsonObject fresh = t.value(QStringLiteral("fresh_pytest_ms")).toObject();
    const double live = watch.value(QStringLiteral("p50")).toDouble();
    const double peer = fresh.value(QStringLiteral("p50")).toDouble();
    QString verdict = live > 0 ? QStringLiteral("%1× faster").arg(peer / live, 0, 'f', 1) : QString();
    if (!t.value(QStringLiteral("same_results")).toBool())
        verdict = QStringLiteral("**results differ**");
    row(QStringLiteral("T"),
        QStringLiteral("tests: watch-mode rerun after a save, %1 pytest tests (save → last result)")
            .arg(t.value(QStringLiteral("tests")).toInt()),
        QStringLiteral("%1 / %2").arg(live, 0, 'f', 1).arg(watch.value(QStringLiteral("p99")).toDouble(), 0, 'f', 1),
        QStringLiteral("fresh `python3 -m pytest`: %1").arg(peer, 0, 'f', 1), QStringLiteral("< peer"), verdict);
}
