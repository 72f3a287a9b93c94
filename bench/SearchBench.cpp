#include "SearchBench.h"
#include "BenchStats.h"

#include "EditorTabs.h"
#include "FileSearch.h"
#include "FindInFilesController.h"
#include "FindInFilesModel.h"
#include "FindInFilesPanel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QMainWindow>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <cstdio>

namespace {

constexpr int LinesPerFile = 100;

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

// About 100 lines of ordinary Python; `value` on one line in ten.
QByteArray moduleSource(int k)
{
    QByteArray source = "import math\n\n\n";
    int line = 3;
    for (int c = 0; line < LinesPerFile; ++c) {
        source += "class Item" + QByteArray::number(k) + "_" + QByteArray::number(c) + ":\n";
        source += "    def __init__(self, value):\n        self.value = value\n        self.count = 0\n\n";
        source += "    def scaled(self, factor):\n        self.count += 1\n";
        source += "        return math.floor(self.value * factor)\n\n";
        source += "    def describe(self):\n        return f'item {self.count}'\n\n\n";
        line += 13;
    }
    return source;
}

// CPU time of the calling thread: on a loaded machine the wall-clock gap
// between ticks also counts the time the scheduler gave to others.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}


} // namespace

QJsonObject sectionSearch(const QString &workDirectory, bool quick)
{
    const int files = quick ? 200 : 1000;
    const QString root = workDirectory + QStringLiteral("/search-project");
    QDir(root).removeRecursively();
    for (int k = 0; k < files; ++k) {
        const QString dir = root + QStringLiteral("/pkg%1").arg(k / 100);
        QDir().mkpath(dir);
        if (!writeFile(dir + QStringLiteral("/module_%1.py").arg(k), moduleSource(k)))
            return {{QStringLiteral("error"), QStringLiteral("cannot write ") + dir}};
    }

    QMainWindow window;
    auto *editors = new EditorTabs(&window);
    window.setCentralWidget(editors);
    FindInFilesController controller(&window, editors, [root] { return QStringList{root}; });
    window.resize(1200, 800);
    window.show();
    controller.showPanel();
    FindInFilesPanel *panel = controller.panel();

    // A 1 ms timer on the GUI thread: the longest gap between its ticks is the
    // longest time the event loop could not run.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QElapsedTimer clock;
    double last = 0, maxGap = 0, lastCpu = 0, maxBusy = 0;
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        maxGap = std::max(maxGap, now - last);
        last = now;
        const double cpu = threadCpuMs();
        maxBusy = std::max(maxBusy, cpu - lastCpu);
        lastCpu = cpu;
    });

    const int reps = quick ? 3 : 10;
    QList<double> totals, stalls, busy, startMs;
    int matches = 0;
    int shownFiles = 0;
    for (int rep = 0; rep < reps; ++rep) {
        QEventLoop loop;
        FileSearchSummary summary;
        const QMetaObject::Connection done = QObject::connect(
            controller.engine(), &FileSearch::finished, &loop, [&](const FileSearchSummary &s) {
                summary = s;
                // Queued after the last batch: the finish shows once every result has.
                QTimer::singleShot(0, &loop, &QEventLoop::quit);
            });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        panel->searchField()->setText(QStringLiteral("value"));
        maxGap = 0;
        maxBusy = 0;
        clock.start();
        last = 0;
        lastCpu = threadCpuMs();
        ticker.start();
        QElapsedTimer start;
        start.start();
        controller.search();
        startMs.append(double(start.nsecsElapsed()) / 1e6);
        loop.exec();
        const double total = double(clock.nsecsElapsed()) / 1e6;
        ticker.stop();
        QObject::disconnect(done);
        totals.append(total);
        stalls.append(maxGap);
        busy.append(maxBusy);
        matches = summary.matches;
        shownFiles = panel->resultsModel()->rowCount();
    }
    QDir(root).removeRecursively();

    QJsonArray totalValues, stallValues;
    for (double v : std::as_const(totals))
        totalValues.append(v);
    for (double v : std::as_const(stalls))
        stallValues.append(v);
    QJsonObject result;
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (loadAverage.open(QIODevice::ReadOnly))
        result[QStringLiteral("load_average")] = QString::fromLatin1(loadAverage.readAll().split(' ').value(0));
    result[QStringLiteral("files")] = files;
    result[QStringLiteral("lines_per_file")] = LinesPerFile;
    result[QStringLiteral("matches")] = matches;
    result[QStringLiteral("files_shown")] = shownFiles;
    result[QStringLiteral("total_ms_p50")] = percentile(totals, 50);
    result[QStringLiteral("total_ms")] = totalValues;
    result[QStringLiteral("max_stall_ms")] = *std::max_element(stalls.cbegin(), stalls.cend());
    result[QStringLiteral("stall_ms_p50")] = percentile(stalls, 50);
    result[QStringLiteral("stall_ms")] = stallValues;
    // The longest the GUI thread itself worked between two ticks (CPU time).
    result[QStringLiteral("max_busy_ms")] = *std::max_element(busy.cbegin(), busy.cend());
    // The search's start on the GUI thread: the previous results cleared.
    result[QStringLiteral("start_ms_p50")] = percentile(startMs, 50);
    std::fprintf(stderr,
                 "bench: search: %d files, %d matches: all results in %.1f ms (p50), longest stall %.1f ms "
                 "(GUI thread busy at most %.1f ms)\n",
                 files, matches, percentile(totals, 50), result.value(QStringLiteral("max_stall_ms")).toDouble(),
                 result.value(QStringLiteral("max_busy_ms")).toDouble());
    return result;
}

void searchRows(const QJsonObject &all,
                const BenchRow &row)
{
    const QJsonObject s = all.value(QStringLiteral("search")).toObject();
    if (!s.contains(QStringLiteral("total_ms_p50")))
        return;
    const int files = s.value(QStringLiteral("files")).toInt();
    const double total = s.value(QStringLiteral("total_ms_p50")).toDouble();
    const double stall = s.value(QStringLiteral("max_stall_ms")).toDouble();
    const bool full = files >= 1000;
    QString verdict = full ? (total < 500 && stall < 16 ? QStringLiteral("met") : QStringLiteral("**missed**"))
                           : QStringLiteral("(quick: %1 files)").arg(files);
    if (s.value(QStringLiteral("files_shown")).toInt() != files)
        verdict += QStringLiteral(", **results missing**");
    row(QStringLiteral("S"),
        QStringLiteral("find in files: %L1 files × %2 lines, %L3 matches — all results shown / longest GUI stall")
            .arg(files)
            .arg(s.value(QStringLiteral("lines_per_file")).toInt())
            .arg(s.value(QStringLiteral("matches")).toInt()),
        QStringLiteral("%1 / %2").arg(total, 0, 'f', 0).arg(stall, 0, 'f', 1),
        QStringLiteral("GUI thread's own work between two ticks: %1")
            .arg(s.value(QStringLiteral("max_busy_ms")).toDouble(), 0, 'f', 1),
        QStringLiteral("< 500 total, stall < 16"), verdict);
}
