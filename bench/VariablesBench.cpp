#include "VariablesBench.h"
#include "BenchStats.h"

#include "GlobalsBrowser.h"
#include "PythonRuntime.h"
#include "VariablesModel.h"
#include "VariablesPanel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

constexpr int Globals = 10000;
constexpr double RefreshTarget = 50;  // ms, p50 of request → rows shown
constexpr double StallTarget = 16;    // ms, one frame at 60 Hz



// The GUI thread's own CPU time, ms: what it did, without the time other
// processes had the core (the machine the benchmark runs on is often loaded).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

QJsonObject sectionVariables(bool quick)
{
    PythonRuntime runtime;
    QString error;
    if (!runtime.start(&error))
        return {{QStringLiteral("error"), error}};
    // A user's data, not only numbers: ints, floats, texts, short lists and
    // dicts, and instances of a class with its own __repr__.
    bool made = false;
    QObject::connect(&runtime, &PythonRuntime::commandFinished, &runtime, [&made](int) { made = true; });
    runtime.runSource(QStringLiteral("class Point:\n"
                                     "    def __init__(self, x, y):\n        self.x, self.y = x, y\n"
                                     "    def __repr__(self):\n        return 'Point(%r, %r)' % (self.x, self.y)\n"
                                     "for i in range(%1):\n"
                                     "    k = i % 6\n"
                                     "    globals()['v%05d' % i] = (i, i * 0.5, 'text %d' % i, [i, i + 1, i + 2],\n"
                                     "                              {'id': i, 'name': 'n%d' % i}, Point(i, -i))[k]\n")
                          .arg(Globals),
                      QStringLiteral("<bench>"));
    if (!waitUntil([&] { return made; }))
        return {{QStringLiteral("error"), QStringLiteral("the globals were not made")}};

    GlobalsBrowser browser(&runtime);
    VariablesPanel panel;
    panel.resize(700, 600);
    panel.show();
    panel.setGlobalsBrowser(&browser);
    VariablesModel *model = panel.globalsModel();
    QTreeView *view = panel.globalsView();

    // The values that come after the listing: all of them in means done.
    int pending = 0;
    int described = 0;
    bool shown = false;
    QObject::connect(&browser, &GlobalsBrowser::listed, &browser,
                     [&](int, const QList<VariableItem> &items, const QString &) {
                         pending = int(std::count_if(items.begin(), items.end(),
                                                     [](const VariableItem &i) { return i.valuePending; }));
                     });
    QObject::connect(&browser, &GlobalsBrowser::valuesDescribed, &browser,
                     [&](int, const QList<VariableValue> &values) { described += int(values.size()); });

    // A 1 ms timer on the GUI thread: the longest gap between its ticks is the
    // longest time the event loop could not run.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QElapsedTimer clock;
    double last = 0;
    double maxGap = 0;
    double lastCpu = 0;
    double maxCpuGap = 0;
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        maxGap = std::max(maxGap, now - last);
        last = now;
        const double cpu = threadCpuMs();
        maxCpuGap = std::max(maxCpuGap, cpu - lastCpu);
        lastCpu = cpu;
    });

    // The same ticker with nothing to do, as long as a refresh takes: what
    // the machine itself (other processes on the cores) costs the event loop.
    QList<double> idleStalls;
    for (int rep = 0; rep < (quick ? 3 : 20); ++rep) {
        maxGap = 0;
        clock.start();
        last = 0;
        ticker.start();
        QEventLoop idle;
        QTimer::singleShot(60, &idle, &QEventLoop::quit);
        idle.exec();
        ticker.stop();
        idleStalls.append(maxGap);
    }

    const int reps = quick ? 3 : 20;
    QList<double> refresh, stalls, cpuStalls, complete;
    int rows = 0;
    QElapsedTimer timer;
    // Rows shown: the listing in the model and the view painted with it,
    // painted in an event of its own after the model's reset, as the window paints.
    QObject::connect(model, &VariablesModel::refreshed, &panel, [&] {
        QTimer::singleShot(0, view, [&] {
            view->viewport()->repaint();
            refresh.append(double(timer.nsecsElapsed()) / 1e6);
            shown = true;
        });
    });
    for (int rep = -1; rep < reps; ++rep) {  // the first one warms up
        shown = false;
        pending = -1;
        described = 0;
        maxGap = 0;
        maxCpuGap = 0;
        clock.start();
        last = 0;
        lastCpu = threadCpuMs();
        ticker.start();
        timer.start();
        model->refresh();
        if (!waitUntil([&] { return shown && pending >= 0 && described >= pending; }))
            return {{QStringLiteral("error"), QStringLiteral("the refresh did not finish")}};
        ticker.stop();
        const double all = double(timer.nsecsElapsed()) / 1e6;
        if (rep < 0) {
            refresh.clear();
            continue;
        }
        stalls.append(maxGap);
        cpuStalls.append(maxCpuGap);
        complete.append(all);
        rows = model->globalCount();
    }
    QJsonObject result;
    result[QStringLiteral("globals")] = rows;
    result[QStringLiteral("refresh_ms")] = stats(refresh);
    result[QStringLiteral("all_values_ms")] = stats(complete);
    result[QStringLiteral("gui_stall_ms")] = stats(stalls);
    result[QStringLiteral("idle_stall_ms")] = stats(idleStalls);
    result[QStringLiteral("gui_busy_cpu_ms")] = stats(cpuStalls);
    const double p50 = percentile(refresh, 50);
    const double stall = stalls.isEmpty() ? 0 : *std::max_element(stalls.begin(), stalls.end());
    std::fprintf(stderr,
                 "bench: variables: refresh with %d globals p50 %.1f ms (target < %.0f ms), longest GUI stall %.1f ms "
                 "(target < %.0f ms; p50 %.1f ms; an idle event loop's own: longest %.1f, p50 %.1f ms), every value in "
                 "after p50 %.1f ms; the GUI thread's longest stretch of its own CPU time %.1f ms\n",
                 rows, p50, RefreshTarget, stall, StallTarget, percentile(stalls, 50),
                 *std::max_element(idleStalls.begin(), idleStalls.end()), percentile(idleStalls, 50),
                 percentile(complete, 50), *std::max_element(cpuStalls.begin(), cpuStalls.end()));
    return result;
}

void variablesRows(const QJsonObject &all,
                   const BenchRow &row)
{
    const QJsonObject v = all.value(QStringLiteral("variables")).toObject();
    if (!v.contains(QStringLiteral("refresh_ms")))
        return;
    const QJsonObject refresh = v.value(QStringLiteral("refresh_ms")).toObject();
    const QJsonObject stall = v.value(QStringLiteral("gui_stall_ms")).toObject();
    const QJsonObject complete = v.value(QStringLiteral("all_values_ms")).toObject();
    const double p50 = refresh.value(QStringLiteral("p50")).toDouble();
    const double worst = stall.value(QStringLiteral("max")).toDouble();
    const auto verdict = [](bool met) { return met ? QStringLiteral("met") : QStringLiteral("**missed**"); };
    row(QStringLiteral("V1"),
        QStringLiteral("variables: refresh with %L1 globals in __main__ (request → rows shown), p50 / p99")
            .arg(v.value(QStringLiteral("globals")).toInt()),
        QStringLiteral("%1 / %2").arg(p50, 0, 'f', 1).arg(refresh.value(QStringLiteral("p99")).toDouble(), 0, 'f', 1),
        QStringLiteral("every value in: %1").arg(complete.value(QStringLiteral("p50")).toDouble(), 0, 'f', 1),
        QStringLiteral("< %1 ms").arg(RefreshTarget), verdict(p50 < RefreshTarget));
    const QJsonObject idle = v.value(QStringLiteral("idle_stall_ms")).toObject();
    row(QStringLiteral("V2"), QStringLiteral("variables: longest GUI-thread stall during that refresh, until every value is in, ms"),
        QStringLiteral("%1").arg(worst, 0, 'f', 1),
        QStringLiteral("p50 of the runs %1; idle event loop's own longest gap %2; GUI thread's own CPU time, longest stretch %3")
            .arg(stall.value(QStringLiteral("p50")).toDouble(), 0, 'f', 1)
            .arg(idle.value(QStringLiteral("max")).toDouble(), 0, 'f', 1)
            .arg(v.value(QStringLiteral("gui_busy_cpu_ms")).toObject().value(QStringLiteral("max")).toDouble(), 0, 'f', 1),
        QStringLiteral("< %1 ms").arg(StallTarget), verdict(worst < StallTarget));
}
