// relive-bench: Relive's benchmarks, side by side with the tools a Python
// developer would otherwise use. Prints one markdown table and writes a JSON
// file. Run through scripts/bench; `--quick` is the smoke version CI runs.
//
// The program is its own driver: each section runs in a fresh child process
// (`relive-bench --section NAME`), so that one section's heap or caches do not
// colour the next, and the peers run as separate /usr/bin/python3 processes
// (bench/peers/). Figures are reported as measured; a target that is missed is
// printed as missed. The exit status is non-zero only when the benchmark
// itself broke, never because of a number.
#include "CodeEditor.h"
#include "BenchStats.h"
#include "ChangeWatcher.h"
#include "CodeManager.h"
#include "DebugController.h"
#include "Debugger.h"
#include "ConsoleWidget.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "ObjectInspector.h"
#include "PythonRuntime.h"
#include "PythonVersion.h"
#include "ReloadReport.h"
#include "SearchBench.h"
#include "TestsBench.h"
#include "VariablesBench.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QPaintEvent>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <unistd.h>

namespace {

bool g_quick = false;
QString g_work;    // scratch directory for generated trees
QString g_self;    // this executable

// ---------------------------------------------------------------- helpers

void say(const QString &text)
{
    fprintf(stderr, "relive-bench: %s\n", qPrintable(text));
    fflush(stderr);
}

[[noreturn]] void fail(const QString &text)
{
    say(QStringLiteral("FAILED: ") + text);
    ::exit(2);
}

double monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}



// Processes events until `done` holds; false after `timeoutMs`. Blocks in
// the event loop between events (QCoreApplication::processEvents with a time
// limit would spin and take a core from the code being measured); a 5 ms
// timer re-checks conditions that no event announces.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.setInterval(5);
    wake.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QString hex(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toHex());
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read ") + path);
    return QString::fromUtf8(f.readAll());
}

void writeWithQt(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write ") + path);
    f.write(text.toUtf8());
}

// As another program writes a file: open, write, close, nothing else.
void writeLikeAnotherProgram(const QString &path, const QByteArray &bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_TRUNC | O_CREAT, 0644);
    if (fd < 0)
        fail(QStringLiteral("cannot open ") + path);
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            fail(QStringLiteral("cannot write ") + path);
        done += n;
    }
    ::close(fd);
}

// Whether the watcher sees saves complete (inotify) or after a quiet time.
bool completionEvents()
{
    return ChangeWatcher().usesCompletionEvents();
}

// The one edit the benchmarks make (mirrors benchlib.edited).
QString edited(const QString &source, int k)
{
    static const QString from = QStringLiteral("return self.x + v + 0\n");
    const qsizetype at = source.indexOf(from);
    if (at < 0)
        fail(QStringLiteral("generated source has no edit point"));
    QString out = source;
    out.replace(at, from.size(), QStringLiteral("return self.x + v + %1\n").arg(k));
    return out;
}

QJsonObject readJsonFile(const QString &path)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(readText(path).toUtf8(), &err);
    if (!doc.isObject())
        fail(QStringLiteral("bad JSON in %1: %2").arg(path, err.errorString()));
    return doc.object();
}

// Runs a program and returns the JSON object it printed on stdout.
QJsonObject runJsonProcess(const QString &program, const QStringList &args,
                           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                           int timeoutMs = 1800000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForStarted(30000))
        fail(QStringLiteral("cannot start ") + program);
    if (!p.waitForFinished(timeoutMs))
        fail(QStringLiteral("timed out: %1 %2").arg(program, args.join(QLatin1Char(' '))));
    const QByteArray err = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        fprintf(stderr, "%s", err.constData());
        fail(QStringLiteral("%1 %2 exited with %3").arg(program, args.join(QLatin1Char(' '))).arg(p.exitCode()));
    }
    const QByteArray out = p.readAllStandardOutput().trimmed();
    const QList<QByteArray> lines = out.split('\n');
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.constLast(), &perr);
    if (!doc.isObject()) {
        fprintf(stderr, "%s\n%s", out.constData(), err.constData());
        fail(QStringLiteral("%1 printed no JSON").arg(program));
    }
    return doc.object();
}

QString pythonExe()
{
    return QStringLiteral(RELIVE_BENCH_PYTHON);
}

QString peer(const QString &name)
{
    return QStringLiteral(RELIVE_BENCH_PEERS) + QLatin1Char('/') + name;
}

// ---------------------------------------------------------------- engine side

// The runtime and code manager of one child process, with the reports and
// user output they produce.
class Engine
{
public:
    Engine()
    {
        QString error;
        if (!runtime.start(&error))
            fail(QStringLiteral("Python did not start: ") + error);
        manager = new CodeManager(&runtime);
        QObject::connect(manager, &CodeManager::reloaded, manager,
                         [this](const ReloadReport &r) { reports.append(r); });
        QObject::connect(&runtime, &PythonRuntime::output, &runtime,
                         [this](const QString &text, PythonRuntime::Stream) {
                             captured += text;
                             if (captured.size() > 100000)
                                 captured = captured.right(50000);
                         });
        QObject::connect(&runtime, &PythonRuntime::commandFinished, &runtime, [this](int status) {
            lastStatus = status;
            finished = true;
        });
    }
    ~Engine() { delete manager; }

    // Runs `code` in __main__ after a preamble that sets P (the parameters)
    // and imports benchlib; the code fills the dict R, which is returned.
    QJsonObject py(const QString &code, const QJsonObject &params = {})
    {
        const QString out = g_work + QStringLiteral("/py-%1.json").arg(++m_calls);
        QFile::remove(out);
        const QString preamble = QStringLiteral(
            "import json as _json, sys as _sys\n"
            "_p = bytes.fromhex('%1').decode()\n"
            "if _p not in _sys.path: _sys.path.insert(0, _p)\n"
            "import benchlib\n"
            "P = _json.loads(bytes.fromhex('%2').decode())\n"
            "R = {}\n")
            .arg(hex(QStringLiteral(RELIVE_BENCH_PEERS)),
                 hex(QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))));
        const QString epilogue = QStringLiteral(
            "\nwith open(bytes.fromhex('%1').decode(), 'w') as _f: _json.dump(R, _f)\n").arg(hex(out));
        finished = false;
        captured.clear();
        runtime.runSource(preamble + code + epilogue, QStringLiteral("<bench>"));
        if (!waitUntil([this] { return finished; }, 1800000))
            fail(QStringLiteral("Python code timed out"));
        if (lastStatus != 0) {
            runtime.flushOutput();
            settle(50);
            fail(QStringLiteral("Python code failed:\n") + captured);
        }
        return readJsonFile(out);
    }

    // Editor path: save (write) and CodeManager::reloadFile, until the report
    // for `file` arrives. Returns wall milliseconds; *engineMs gets report.ms.
    double editorSave(const QString &file, const QString &text, double *engineMs)
    {
        const qsizetype before = reports.size();
        QElapsedTimer t;
        t.start();
        writeWithQt(file, text);
        manager->reloadFile(file);
        const double ms = waitReport(file, before, t);
        *engineMs = reports.constLast().ms;
        return ms;
    }

    // Watcher path: written by "another program"; time until the report exists.
    double externalWrite(const QString &file, const QString &text, double *engineMs)
    {
        const qsizetype before = reports.size();
        const QByteArray bytes = text.toUtf8();
        QElapsedTimer t;
        t.start();
        writeLikeAnotherProgram(file, bytes);
        const double ms = waitReport(file, before, t);
        *engineMs = reports.constLast().ms;
        return ms;
    }

    // As a script does: the file written as another program writes it (the
    // watcher sees the write too), then reloaded explicitly; the time until
    // the first report for it, *engineMs that report's report.ms.
    double writeAndReload(const QString &file, const QByteArray &bytes, double *engineMs)
    {
        const qsizetype before = reports.size();
        QElapsedTimer t;
        t.start();
        writeLikeAnotherProgram(file, bytes);
        manager->reloadFile(file);
        const double ms = waitReport(file, before, t, 120000);
        *engineMs = reports.constLast().ms;
        return ms;
    }

    PythonRuntime runtime;
    CodeManager *manager = nullptr;
    QList<ReloadReport> reports;
    QString captured;
    bool finished = false;
    int lastStatus = 0;
    int failedReports = 0;

private:
    double waitReport(const QString &file, qsizetype before, const QElapsedTimer &t, int timeoutMs = 10000)
    {
        const QString want = QFileInfo(file).canonicalFilePath();
        qsizetype seen = before;
        double ms = -1;
        const bool ok = waitUntil([&] {
            while (seen < reports.size()) {
                const ReloadReport &r = reports.at(seen++);
                if (QFileInfo(r.file).canonicalFilePath() == want) {
                    ms = double(t.nsecsElapsed()) / 1e6;
                    if (!r.ok()) {
                        ++failedReports;
                        say(QStringLiteral("reload failed: ") + r.summary());
                    }
                    // Keep the matching report last for the caller.
                    reports.move(seen - 1, reports.size() - 1);
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        if (!ok)
            fail(QStringLiteral("no reload report for %1 within %2 s").arg(file).arg(timeoutMs / 1000));
        return ms;
    }

    int m_calls = 0;
};

QString makeDir(const QString &name)
{
    const QString path = g_work + QLatin1Char('/') + name;
    QDir(path).removeRecursively();
    if (!QDir().mkpath(path))
        fail(QStringLiteral("cannot create ") + path);
    return QFileInfo(path).canonicalFilePath();
}

void addDirectory(Engine &e, const QString &dir, const QString &name)
{
    QString error;
    if (!e.manager->addDirectory(dir, name, &error))
        fail(QStringLiteral("addDirectory(%1) failed: %2").arg(dir, error));
}

// ---------------------------------------------------------------- 1. latency

QJsonObject sectionLatency()
{
    Engine e;
    QJsonObject result;
    // The dispatch alone: the live worker catching up with nothing queued and
    // answering this thread, as a reload's report does, with no reload in it.
    {
        QList<double> trips;
        for (int i = 0; i < (g_quick ? 20 : 200); ++i) {
            bool back = false;
            QElapsedTimer t;
            t.start();
            e.runtime.whenLiveCaughtUp(e.manager, [&back] { back = true; });
            if (!waitUntil([&back] { return back; }, 10000))
                fail(QStringLiteral("the live worker did not answer"));
            trips.append(double(t.nsecsElapsed()) / 1e6);
            settle(5);
        }
        result[QStringLiteral("live_round_trip_ms")] = stats(trips);
    }
    const QList<int> sizes = {50, 500, 5000};
    for (int lines : sizes) {
        const int reps = g_quick ? 8 : (lines >= 5000 ? 100 : 200);
        const QString name = QStringLiteral("lat%1").arg(lines);
        const QString dir = makeDir(name);
        const QString file = dir + QStringLiteral("/mod.py");
        QJsonObject p;
        p[QStringLiteral("file")] = file;
        p[QStringLiteral("lines")] = lines;
        p[QStringLiteral("reps")] = reps;
        // Floor: compile + exec of the same source, same interpreter.
        const QJsonObject floor = e.py(QStringLiteral(
            "import time\n"
            "src = benchlib.module_source(P['lines'])\n"
            "benchlib.write(P['file'], src)\n"
            "R['lines'] = len(src.splitlines())\n"
            "t = []\n"
            "for k in range(P['reps']):\n"
            "    text = benchlib.edited(src, k + 1)\n"
            "    t0 = time.perf_counter()\n"
            "    exec(compile(text, P['file'], 'exec'), {'__name__': 'floor'})\n"
            "    t.append((time.perf_counter() - t0) * 1000)\n"
            "R['floor'] = benchlib.stats(t)\n"), p);
        addDirectory(e, dir, name);
        e.py(QStringLiteral("import %1\nobj = %1.C0(5)\n").arg(name));
        const QString source = readText(file);
        QList<double> editor, editorEngine, watcher, watcherEngine;
        int k = 0;
        const int strayBefore = int(e.reports.size());
        for (int i = 0; i < reps; ++i) {
            double engineMs = 0;
            editor.append(e.editorSave(file, edited(source, ++k), &engineMs));
            editorEngine.append(engineMs);
            // Let the watcher see (and, by its hash, ignore) the editor's write
            // before the next measurement.
            settle(60);
        }
        const int strayReports = int(e.reports.size()) - strayBefore - reps;
        const QJsonObject check1 = e.py(QStringLiteral("R['ok'] = obj.get(0) == 5 + P['k']\n"),
                                        QJsonObject{{QStringLiteral("k"), k}});
        for (int i = 0; i < reps; ++i) {
            double engineMs = 0;
            watcher.append(e.externalWrite(file, edited(source, ++k), &engineMs));
            watcherEngine.append(engineMs);
            settle(30);
        }
        const QJsonObject check2 = e.py(QStringLiteral("R['ok'] = obj.get(0) == 5 + P['k']\n"),
                                        QJsonObject{{QStringLiteral("k"), k}});
        QJsonObject row;
        row[QStringLiteral("lines")] = floor.value(QStringLiteral("lines"));
        row[QStringLiteral("floor_ms")] = floor.value(QStringLiteral("floor"));
        row[QStringLiteral("editor_ms")] = stats(editor);
        row[QStringLiteral("editor_engine_ms")] = stats(editorEngine);
        row[QStringLiteral("watcher_ms")] = stats(watcher);
        row[QStringLiteral("watcher_engine_ms")] = stats(watcherEngine);
        // With inotify's completion events there is no quiet time to wait.
        row[QStringLiteral("watcher_debounce_ms")] = completionEvents() ? 0 : 20;
        row[QStringLiteral("watcher_completion_events")] = completionEvents();
        row[QStringLiteral("editor_extra_watcher_reports")] = strayReports;
        row[QStringLiteral("applied")] = check1.value(QStringLiteral("ok")).toBool()
                                         && check2.value(QStringLiteral("ok")).toBool();
        result[QString::number(lines)] = row;
        say(QStringLiteral("latency %1 lines: editor p50 %2 ms, watcher p50 %3 ms")
                .arg(lines).arg(percentile(editor, 50), 0, 'f', 2).arg(percentile(watcher, 50), 0, 'f', 2));
    }
    result[QStringLiteral("failed_reports")] = e.failedReports;
    return result;
}

// ------------------------------------------------- 1c. reload cost by file size

// One method edited in files of 5k to 40k lines and in a 6 MB module of
// 170,000 functions: the reload's engine time against compiling the whole
// file once in the same interpreter (the floor).
QJsonObject sectionSizes()
{
    Engine e;
    QJsonObject result;
    // --quick: the two smallest, enough to keep the section working.
    QList<int> functions = {2500, 5000};
    if (!g_quick)
        functions << 10000 << 20000 << 170000;
    for (int count : functions) {
        const bool huge = count > 100000;
        const int reps = g_quick ? 3 : (huge ? 5 : 15);
        const QString name = QStringLiteral("size%1").arg(count);
        const QString dir = makeDir(name);
        const QString file = dir + QStringLiteral("/big.py");
        const QJsonObject floor = e.py(QStringLiteral(
            "import time\n"
            "src = benchlib.sized_source(P['n'])\n"
            "benchlib.write(P['file'], src)\n"
            "R['lines'] = len(src.splitlines())\n"
            "R['bytes'] = len(src.encode())\n"
            "t = []\n"
            "for k in range(P['reps']):\n"
            "    t0 = time.perf_counter()\n"
            "    compile(src, P['file'], 'exec')\n"
            "    t.append((time.perf_counter() - t0) * 1000)\n"
            "R['floor'] = benchlib.stats(t)\n"),
            QJsonObject{{QStringLiteral("n"), count}, {QStringLiteral("file"), file},
                        {QStringLiteral("reps"), huge || g_quick ? 1 : 5}});
        addDirectory(e, dir, name);
        QElapsedTimer importTimer;
        importTimer.start();
        e.py(QStringLiteral("import %1\nobj = %1.C()\n").arg(name));
        const double importMs = double(importTimer.nsecsElapsed()) / 1e6;
        QList<double> engine;
        QString source = readText(file);
        for (int k = 1; k <= reps; ++k) {
            const qsizetype at = source.lastIndexOf(QStringLiteral("return v + "));
            if (at < 0)
                fail(QStringLiteral("generated source has no edit point"));
            source.truncate(at);
            source += QStringLiteral("return v + %1\n").arg(k);
            const QString &text = source;
            double engineMs = 0;
            e.editorSave(file, text, &engineMs);
            engine.append(engineMs);
            settle(huge ? 200 : 60);
        }
        const QJsonObject check = e.py(QStringLiteral("R['ok'] = obj.get(0) == P['k']\n"),
                                       QJsonObject{{QStringLiteral("k"), reps}});
        QJsonObject row;
        row[QStringLiteral("functions")] = count;
        row[QStringLiteral("lines")] = floor.value(QStringLiteral("lines"));
        row[QStringLiteral("bytes")] = floor.value(QStringLiteral("bytes"));
        row[QStringLiteral("floor_ms")] = floor.value(QStringLiteral("floor"));
        row[QStringLiteral("import_ms")] = importMs;
        row[QStringLiteral("edit_engine_ms")] = stats(engine);
        row[QStringLiteral("applied")] = check.value(QStringLiteral("ok")).toBool();
        result[QString::number(count)] = row;
        say(QStringLiteral("sizes %1 functions: edit p50 %2 ms, compile floor %3 ms")
                .arg(count).arg(percentile(engine, 50), 0, 'f', 1)
                .arg(floor.value(QStringLiteral("floor")).toObject().value(QStringLiteral("p50")).toDouble(), 0, 'f', 1));
    }
    result[QStringLiteral("failed_reports")] = e.failedReports;
    return result;
}

// --------------------------------------- 1d. the 6 MB sequence, run after run

// The same source as benchlib.sized_source(functions, k).
QByteArray sizedSource(int functions, int k)
{
    QByteArray text;
    text.reserve(functions * 36 + 64);
    for (int i = 0; i < functions; ++i)
        text += "def f" + QByteArray::number(i) + "(x):\n    return x + " + QByteArray::number(i) + "\n";
    text += "class C:\n    def get(self, v):\n        return v + " + QByteArray::number(k) + "\n";
    return text;
}

// One run of the sequence a relive-run --exec script made (issue 25): files
// of 10,000 and 20,000 functions written and reloaded three times each, then
// the 6 MB module (170,000 functions and a class) written and reloaded, then
// written again with only the method changed and reloaded, timed. Every
// write is seen by the watcher as well. In a fresh process per run.
QJsonObject sectionSequenceChild()
{
    Engine e;
    const int huge = g_quick ? 20000 : 170000;
    QList<int> warmUp = {10000, 20000};
    if (g_quick)
        warmUp = {2500, 5000};
    const QString tag = QString::number(QCoreApplication::applicationPid());
    for (int count : warmUp) {
        const QString name = QStringLiteral("seq%1_%2").arg(count).arg(tag);
        const QString dir = makeDir(name);
        const QString file = dir + QStringLiteral("/big.py");
        writeLikeAnotherProgram(file, sizedSource(count, 0));
        addDirectory(e, dir, name);
        e.py(QStringLiteral("import %1\n").arg(name));
        for (int k = 1; k <= 3; ++k) {
            double engineMs = 0;
            e.writeAndReload(file, sizedSource(count, k), &engineMs);
        }
    }
    const QString name = QStringLiteral("seqhuge_%1").arg(tag);
    const QString dir = makeDir(name);
    const QString file = dir + QStringLiteral("/big.py");
    const QByteArray first = sizedSource(huge, 0);
    writeLikeAnotherProgram(file, first);
    const QJsonObject floor = e.py(QStringLiteral(
        "import time\n"
        "src = open(P['file']).read()\n"
        "t0 = time.perf_counter()\n"
        "compile(src, P['file'], 'exec')\n"
        "R['floor'] = (time.perf_counter() - t0) * 1000\n"), QJsonObject{{QStringLiteral("file"), file}});
    addDirectory(e, dir, name);
    e.py(QStringLiteral("import %1\nobj = %1.C()\n").arg(name));
    double engineMs = 0;
    e.writeAndReload(file, sizedSource(huge, 1), &engineMs);
    settle(200);
    const qsizetype before = e.reports.size();
    const double wall = e.writeAndReload(file, sizedSource(huge, 2), &engineMs);
    settle(500);
    // The reports this save caused (the watcher's and the explicit one's):
    // the slowest is what the edit cost.
    double slowest = 0;
    QString path;
    for (qsizetype i = before; i < e.reports.size(); ++i) {
        if (e.reports.at(i).file != file && QFileInfo(e.reports.at(i).file).canonicalFilePath() != QFileInfo(file).canonicalFilePath())
            continue;
        if (e.reports.at(i).ms >= slowest) {
            slowest = e.reports.at(i).ms;
            path = e.reports.at(i).pathText();
        }
    }
    const QJsonObject check = e.py(QStringLiteral("R['ok'] = obj.get(0) == 2\n"));
    QJsonObject r;
    r[QStringLiteral("functions")] = huge;
    r[QStringLiteral("bytes")] = first.size();
    r[QStringLiteral("floor_ms")] = floor.value(QStringLiteral("floor")).toDouble();
    r[QStringLiteral("edit_wall_ms")] = wall;
    r[QStringLiteral("edit_engine_ms")] = qMax(slowest, engineMs);
    r[QStringLiteral("path")] = path;
    r[QStringLiteral("applied")] = check.value(QStringLiteral("ok")).toBool();
    r[QStringLiteral("failed_reports")] = e.failedReports;
    return r;
}

QProcessEnvironment childEnvironment();
QJsonObject runChild(const QStringList &args, const QProcessEnvironment &env);

QJsonObject sectionSequence()
{
    const int runs = g_quick ? 2 : 10;
    QList<double> engine, ratios, floors;
    QJsonArray each;
    bool applied = true;
    QStringList paths;
    for (int i = 0; i < runs; ++i) {
        const QJsonObject r = runChild({QStringLiteral("--section"), QStringLiteral("sequence-child")}, childEnvironment());
        each.append(r);
        const double floor = r.value(QStringLiteral("floor_ms")).toDouble();
        const double ms = r.value(QStringLiteral("edit_engine_ms")).toDouble();
        engine.append(ms);
        floors.append(floor);
        ratios.append(floor > 0 ? ms / floor : 0);
        applied = applied && r.value(QStringLiteral("applied")).toBool();
        paths << r.value(QStringLiteral("path")).toString();
        say(QStringLiteral("sequence run %1: edit %2 ms, compile %3 ms (%4)")
                .arg(i + 1).arg(ms, 0, 'f', 1).arg(floor, 0, 'f', 1).arg(paths.constLast()));
    }
    QJsonObject result;
    result[QStringLiteral("runs")] = runs;
    result[QStringLiteral("each")] = each;
    result[QStringLiteral("edit_engine_ms")] = stats(engine);
    result[QStringLiteral("floor_ms")] = stats(floors);
    result[QStringLiteral("ratio")] = stats(ratios);
    result[QStringLiteral("slowest_ratio")] = *std::max_element(ratios.cbegin(), ratios.cend());
    result[QStringLiteral("applied")] = applied;
    result[QStringLiteral("functions")] = each.first().toObject().value(QStringLiteral("functions"));
    return result;
}

// ---------------------------------------------------------------- 2. heap

QJsonObject sectionHeap()
{
    Engine e;
    QJsonObject result;
    const QList<int> sizes = g_quick ? QList<int>{10, 10000} : QList<int>{10, 10000, 1000000, 5000000};
    const int reps = g_quick ? 5 : 60;
    const QString dir = makeDir(QStringLiteral("heap"));
    const QString file = dir + QStringLiteral("/heapmod.py");
    const QJsonObject floor = e.py(QStringLiteral(
        "import time\n"
        "src = benchlib.module_source(500)\n"
        "benchlib.write(P['file'], src)\n"
        "t = []\n"
        "for k in range(50):\n"
        "    t0 = time.perf_counter()\n"
        "    exec(compile(benchlib.edited(src, k + 1), P['file'], 'exec'), {'__name__': 'floor'})\n"
        "    t.append((time.perf_counter() - t0) * 1000)\n"
        "R['floor'] = benchlib.stats(t)\n"), QJsonObject{{QStringLiteral("file"), file}});
    result[QStringLiteral("floor_ms")] = floor.value(QStringLiteral("floor"));
    addDirectory(e, dir, QStringLiteral("heapns"));
    e.py(QStringLiteral("import heapns\n"));
    const QString source = readText(file);
    int k = 0;
    QJsonObject bySize;
    for (int size : sizes) {
        const QJsonObject built = e.py(QStringLiteral(
            "import gc, time, heapns\n"
            "t0 = time.perf_counter()\n"
            "classes = [getattr(heapns, n) for n in benchlib.class_names(500)]\n"
            "_heap = benchlib.heap(classes, P['n'])\n"
            "gc.collect()\n"
            "R['build_s'] = time.perf_counter() - t0\n"
            "R['gc_objects'] = len(gc.get_objects())\n"), QJsonObject{{QStringLiteral("n"), size}});
        QList<double> wall, engine;
        for (int i = 0; i < reps; ++i) {
            double engineMs = 0;
            wall.append(e.editorSave(file, edited(source, ++k), &engineMs));
            engine.append(engineMs);
            settle(40);
        }
        const QJsonObject check = e.py(QStringLiteral(
            "import gc\n"
            "R['ok'] = _heap[0].get(0) == _heap[0].x + P['k']\n"
            "del _heap, classes\n"
            "gc.collect()\n"), QJsonObject{{QStringLiteral("k"), k}});
        QJsonObject row = stats(wall);
        row[QStringLiteral("engine_ms")] = stats(engine);
        row[QStringLiteral("applied")] = check.value(QStringLiteral("ok")).toBool();
        row[QStringLiteral("gc_objects")] = built.value(QStringLiteral("gc_objects"));
        row[QStringLiteral("build_s")] = built.value(QStringLiteral("build_s"));
        bySize[QString::number(size)] = row;
        say(QStringLiteral("heap %1 objects: reload p50 %2 ms").arg(size).arg(percentile(wall, 50), 0, 'f', 2));
    }
    result[QStringLiteral("sizes")] = bySize;
    result[QStringLiteral("failed_reports")] = e.failedReports;
    return result;
}

// ---------------------------------------------------------------- decorators

// One edit of a decorator's inner function while 10 or 10,000 functions it
// wrapped are alive: every wrapper made before the save takes the new code,
// found by the code it was made from, not by a walk of the heap.
QJsonObject sectionDecorators()
{
    Engine e;
    QJsonObject result;
    const QList<int> counts = {10, 10000};
    const int reps = g_quick ? 5 : 40;
    const QString dir = makeDir(QStringLiteral("decorators"));
    const QString file = dir + QStringLiteral("/deco.py");
    const QString source = QStringLiteral(
        "import functools\n\n\n"
        "def logged(fn):\n"
        "    @functools.wraps(fn)\n"
        "    def wrapper(*args, **kwargs):\n"
        "        return fn(*args, **kwargs) + 0\n"
        "    return wrapper\n");
    writeWithQt(file, source);
    addDirectory(e, dir, QStringLiteral("decons"));
    int k = 0;
    for (int count : counts) {
        e.py(QStringLiteral(
            "import decons\n"
            "_wrapped = [decons.logged(lambda x, i=i: x + i) for i in range(P['n'])]\n"),
            QJsonObject{{QStringLiteral("n"), count}});
        QList<double> wall, engine;
        for (int i = 0; i < reps; ++i) {
            double engineMs = 0;
            QString text = source;
            text.replace(QStringLiteral("+ 0\n"), QStringLiteral("+ %1\n").arg(++k));
            wall.append(e.editorSave(file, text, &engineMs));
            engine.append(engineMs);
            settle(20);
        }
        const QJsonObject check = e.py(QStringLiteral(
            "R['ok'] = all(w(0) == i + P['k'] for i, w in enumerate(_wrapped))\n"
            "del _wrapped\n"), QJsonObject{{QStringLiteral("k"), k}});
        QJsonObject row = stats(wall);
        row[QStringLiteral("engine_ms")] = stats(engine);
        row[QStringLiteral("applied")] = check.value(QStringLiteral("ok")).toBool();
        result[QString::number(count)] = row;
        say(QStringLiteral("decorator edit, %1 wrapped functions: p50 %2 ms").arg(count).arg(percentile(wall, 50), 0, 'f', 2));
    }
    result[QStringLiteral("failed_reports")] = e.failedReports;
    return result;
}

// ---------------------------------------------------------------- inspector

// Listing the 100 live instances of one namespace class with few and with
// millions of other objects in the process: read from the class's instance
// tracker, so the time must not grow with the heap. A heap walk
// (gc.get_objects(), what a listing without the tracker would do) beside it.
QJsonObject sectionInspector()
{
    Engine e;
    const QString dir = makeDir(QStringLiteral("inspector"));
    QFile f(dir + QStringLiteral("/listed.py"));
    if (!f.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write ") + f.fileName());
    f.write("class Listed:\n"
            "    def __init__(self, i):\n"
            "        self.i = i\n"
            "        self.name = 'listed %d' % i\n");
    f.close();
    addDirectory(e, dir, QStringLiteral("inspns"));
    e.py(QStringLiteral("import inspns\n_listed = [inspns.Listed(i) for i in range(100)]\n"));
    const QList<int> sizes = g_quick ? QList<int>{10, 100000} : QList<int>{10, 5000000};
    const int reps = g_quick ? 5 : 40;
    ObjectInspector *inspector = ObjectInspector::instance();
    QJsonObject bySize;
    for (int size : sizes) {
        const QJsonObject built = e.py(QStringLiteral(
            "import gc, time\n"
            "class _Filler:\n"
            "    __slots__ = ('v',)\n"
            "_other = [_Filler() for _ in range(P['n'])]\n"
            "gc.collect()\n"
            "R['gc_objects'] = len(gc.get_objects())\n"
            "t = []\n"
            "cls = inspns.Listed\n"
            "for _ in range(P['reps']):\n"
            "    t0 = time.perf_counter()\n"
            "    found = [o for o in gc.get_objects() if isinstance(o, cls)]\n"
            "    t.append((time.perf_counter() - t0) * 1000)\n"
            "    del found\n"
            "R['walk'] = benchlib.stats(t)\n"),
            QJsonObject{{QStringLiteral("n"), size}, {QStringLiteral("reps"), g_quick ? 2 : 5}});
        QList<double> times;
        int listed = 0;
        for (int i = 0; i < reps; ++i) {
            bool done = false;
            const auto connection = QObject::connect(
                inspector, &ObjectInspector::instancesListed, inspector,
                [&](const QString &, const QList<InspectorItem> &items, int, const QString &error) {
                    if (!error.isEmpty())
                        fail(QStringLiteral("listing failed: ") + error);
                    listed = int(items.size());
                    done = true;
                });
            QElapsedTimer t;
            t.start();
            inspector->listInstances(QStringLiteral("inspns.Listed"));
            if (!waitUntil([&] { return done; }, 60000))
                fail(QStringLiteral("no listing within 60 s"));
            times.append(double(t.nsecsElapsed()) / 1e6);
            QObject::disconnect(connection);
            settle(5);
        }
        QJsonObject row = stats(times);
        row[QStringLiteral("listed")] = listed;
        row[QStringLiteral("gc_objects")] = built.value(QStringLiteral("gc_objects"));
        row[QStringLiteral("heap_walk_ms")] = built.value(QStringLiteral("walk"));
        bySize[QString::number(size)] = row;
        say(QStringLiteral("inspector, %1 other objects: listing p50 %2 ms")
                .arg(size).arg(percentile(times, 50), 0, 'f', 2));
        e.py(QStringLiteral("del _other\nimport gc\ngc.collect()\n"));
    }
    return QJsonObject{{QStringLiteral("sizes"), bySize}};
}

// ---------------------------------------------------------------- 3. project size

// Child: a fresh process that registers one generated tree, imports all of
// it, then reloads one of its files.
QJsonObject sectionProjectChild(const QString &dir, const QStringList &dirs, int reloadReps)
{
    Engine e;
    QElapsedTimer t;
    t.start();
    addDirectory(e, dir, QStringLiteral("projns"));
    const double addMs = double(t.nsecsElapsed()) / 1e6;
    QJsonArray names;
    for (const QString &d : dirs)
        names.append(d);
    const QJsonObject imported = e.py(QStringLiteral(
        "import importlib, sys, time\n"
        "t0 = time.perf_counter()\n"
        "c0 = time.process_time()\n"
        "importlib.import_module('projns')\n"
        "for d in P['dirs']:\n"
        "    importlib.import_module('projns.' + d)\n"
        "R['import_ms'] = (time.perf_counter() - t0) * 1000\n"
        "R['import_cpu_ms'] = (time.process_time() - c0) * 1000\n"
        "R['modules'] = len([m for m in sys.modules if m.startswith('projns')])\n"
        "obj = importlib.import_module('projns.d0').F0C0(5)\n"),
        QJsonObject{{QStringLiteral("dirs"), names}});
    QJsonObject result;
    result[QStringLiteral("add_directory_ms")] = addMs;
    result[QStringLiteral("import_ms")] = imported.value(QStringLiteral("import_ms"));
    result[QStringLiteral("import_cpu_ms")] = imported.value(QStringLiteral("import_cpu_ms"));
    result[QStringLiteral("total_ms")] = addMs + imported.value(QStringLiteral("import_ms")).toDouble();
    result[QStringLiteral("modules")] = imported.value(QStringLiteral("modules"));
    if (reloadReps > 0) {
        const QString file = dir + QStringLiteral("/d0/f0.py");
        const QString source = readText(file);
        QList<double> wall;
        int k = 0;
        for (int i = 0; i < reloadReps; ++i) {
            double engineMs = 0;
            wall.append(e.editorSave(file, edited(source, ++k), &engineMs));
            settle(40);
        }
        const QJsonObject check = e.py(QStringLiteral("R['ok'] = obj.get(0) == 5 + P['k']\n"),
                                       QJsonObject{{QStringLiteral("k"), k}});
        result[QStringLiteral("reload_ms")] = stats(wall);
        result[QStringLiteral("applied")] = check.value(QStringLiteral("ok")).toBool();
        writeWithQt(file, source);
    }
    result[QStringLiteral("failed_reports")] = e.failedReports;
    return result;
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    // Children keep their settings (console history, recent folders) out of
    // the user's own.
    const QString home = g_work + QStringLiteral("/home");
    QDir().mkpath(home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    return env;
}

QJsonObject runChild(const QStringList &args, const QProcessEnvironment &env = childEnvironment())
{
    QStringList all = args;
    all << QStringLiteral("--work") << g_work;
    if (g_quick)
        all << QStringLiteral("--quick");
    return runJsonProcess(g_self, all, env);
}

QJsonObject sectionProject()
{
    const QList<int> sizes = {10, 100, 1000};
    const int processes = g_quick ? 1 : 5;
    const int reloadReps = g_quick ? 5 : 60;
    QJsonObject result;
    for (int files : sizes) {
        const QString root = makeDir(QStringLiteral("proj%1").arg(files));
        const QString relive = root + QStringLiteral("/projns");
        const QString plainParent = root + QStringLiteral("/plain");
        // Generated by benchlib in /usr/bin/python3: the same files for both,
        // plus __init__.py files for the plain package.
        const QString gen = QStringLiteral(
            "import json, sys; sys.path.insert(0, sys.argv[1]); import benchlib\n"
            "d, f = benchlib.project(sys.argv[2], int(sys.argv[4]))\n"
            "benchlib.project(sys.argv[3], int(sys.argv[4]), package=True)\n"
            "print(json.dumps({'dirs': d}))\n");
        const QJsonObject made = runJsonProcess(
            pythonExe(), {QStringLiteral("-c"), gen, QStringLiteral(RELIVE_BENCH_PEERS), relive,
                          plainParent + QStringLiteral("/plainpkg"), QString::number(files)});
        QStringList dirs;
        for (const QJsonValue &v : made.value(QStringLiteral("dirs")).toArray())
            dirs << v.toString();
        QList<double> reliveTotal, reliveImport, reliveAdd, plain;
        QList<double> reliveWarmTotal, reliveWarmImport, plainWarm, reliveFirstTotal;
        // CPU time of the import alone: steadier than wall time on a loaded machine.
        QList<double> reliveCpu, reliveWarmCpu, plainCpu, plainWarmCpu;
        QJsonObject reload;
        bool applied = true;
        int failed = 0;
        // Cold: from source, writing no cache, like the plain Python it is
        // compared with. Then a first start that writes Relive's code cache,
        // and the warm start (a second start) that finds it full.
        QProcessEnvironment reliveEnv = childEnvironment();
        reliveEnv.remove(QStringLiteral("PYTHONDONTWRITEBYTECODE"));
        const QString reliveCache = g_work + QStringLiteral("/home/.cache/relive");
        // Plain Python with its bytecode cache: a first run writes __pycache__.
        QProcessEnvironment plainCacheEnv = childEnvironment();
        plainCacheEnv.remove(QStringLiteral("PYTHONDONTWRITEBYTECODE"));
        const QStringList plainArgs = {peer(QStringLiteral("plain_import.py")), plainParent, QStringLiteral("plainpkg"),
                                       dirs.join(QLatin1Char(','))};
        auto removePycache = [&] {
            QDirIterator it(plainParent, {QStringLiteral("__pycache__")}, QDir::Dirs, QDirIterator::Subdirectories);
            QStringList found;
            while (it.hasNext())
                found << it.next();
            for (const QString &d : found)
                QDir(d).removeRecursively();
        };
        for (int i = 0; i < processes; ++i) {
            QDir(reliveCache).removeRecursively();
            const QStringList childArgs = {QStringLiteral("--section"), QStringLiteral("project-child"),
                                           QStringLiteral("--dir"), relive,
                                           QStringLiteral("--dirs"), dirs.join(QLatin1Char(','))};
            const QJsonObject r = runChild(childArgs + QStringList{QStringLiteral("--reload-reps"),
                                                                   QString::number(i == 0 ? reloadReps : 0)},
                                           childEnvironment());
            reliveTotal.append(r.value(QStringLiteral("total_ms")).toDouble());
            reliveImport.append(r.value(QStringLiteral("import_ms")).toDouble());
            reliveCpu.append(r.value(QStringLiteral("import_cpu_ms")).toDouble());
            reliveAdd.append(r.value(QStringLiteral("add_directory_ms")).toDouble());
            failed += r.value(QStringLiteral("failed_reports")).toInt();
            if (i == 0) {
                reload = r.value(QStringLiteral("reload_ms")).toObject();
                applied = r.value(QStringLiteral("applied")).toBool();
            }
            const QJsonObject first = runChild(childArgs + QStringList{QStringLiteral("--reload-reps"), QStringLiteral("0")},
                                               reliveEnv);
            reliveFirstTotal.append(first.value(QStringLiteral("total_ms")).toDouble());
            failed += first.value(QStringLiteral("failed_reports")).toInt();
            const QJsonObject warm = runChild(childArgs + QStringList{QStringLiteral("--reload-reps"), QStringLiteral("0")},
                                              reliveEnv);
            reliveWarmTotal.append(warm.value(QStringLiteral("total_ms")).toDouble());
            reliveWarmImport.append(warm.value(QStringLiteral("import_ms")).toDouble());
            reliveWarmCpu.append(warm.value(QStringLiteral("import_cpu_ms")).toDouble());
            failed += warm.value(QStringLiteral("failed_reports")).toInt();

            removePycache();
            const QJsonObject pl = runJsonProcess(pythonExe(), plainArgs, childEnvironment());
            plain.append(pl.value(QStringLiteral("import_ms")).toDouble());
            plainCpu.append(pl.value(QStringLiteral("import_cpu_ms")).toDouble());
            runJsonProcess(pythonExe(), plainArgs, plainCacheEnv);
            const QJsonObject plw = runJsonProcess(pythonExe(), plainArgs, plainCacheEnv);
            plainWarm.append(plw.value(QStringLiteral("import_ms")).toDouble());
            plainWarmCpu.append(plw.value(QStringLiteral("import_cpu_ms")).toDouble());
            removePycache();
        }
        QJsonObject row;
        row[QStringLiteral("files")] = files;
        row[QStringLiteral("relive_total_ms")] = stats(reliveTotal);
        row[QStringLiteral("relive_add_directory_ms")] = stats(reliveAdd);
        row[QStringLiteral("relive_import_ms")] = stats(reliveImport);
        row[QStringLiteral("plain_import_ms")] = stats(plain);
        row[QStringLiteral("relive_warm_total_ms")] = stats(reliveWarmTotal);
        row[QStringLiteral("relive_first_start_total_ms")] = stats(reliveFirstTotal);
        row[QStringLiteral("relive_warm_import_ms")] = stats(reliveWarmImport);
        row[QStringLiteral("plain_warm_import_ms")] = stats(plainWarm);
        row[QStringLiteral("relive_import_cpu_ms")] = stats(reliveCpu);
        row[QStringLiteral("relive_warm_import_cpu_ms")] = stats(reliveWarmCpu);
        row[QStringLiteral("plain_import_cpu_ms")] = stats(plainCpu);
        row[QStringLiteral("plain_warm_import_cpu_ms")] = stats(plainWarmCpu);
        row[QStringLiteral("reload_one_file_ms")] = reload;
        row[QStringLiteral("applied")] = applied;
        row[QStringLiteral("failed_reports")] = failed;
        result[QString::number(files)] = row;
        say(QStringLiteral("project %1 files: cold relive %2 ms, plain %3 ms; warm relive %5 ms, plain %6 ms; "
                           "reload p50 %4 ms")
                .arg(files)
                .arg(percentile(reliveTotal, 50), 0, 'f', 1)
                .arg(percentile(plain, 50), 0, 'f', 1)
                .arg(reload.value(QStringLiteral("p50")).toDouble(), 0, 'f', 2)
                .arg(percentile(reliveWarmTotal, 50), 0, 'f', 1)
                .arg(percentile(plainWarm, 50), 0, 'f', 1));
    }
    return result;
}

// ---------------------------------------------------------------- 5. console

QJsonObject sectionConsole()
{
    const int lines = g_quick ? 10000 : 1000000;
    PythonRuntime runtime;
    QString error;
    if (!runtime.start(&error))
        fail(QStringLiteral("Python did not start: ") + error);
    // The engine alone first: the same loop through runSource, its output
    // signals received and dropped, to tell the engine's share from the widget's.
    double engineOnly = -1;
    {
        bool finished = false;
        qint64 received = 0;
        const QMetaObject::Connection c1 = QObject::connect(
            &runtime, &PythonRuntime::output, &runtime,
            [&received](const QString &text, PythonRuntime::Stream) { received += text.size(); });
        const QMetaObject::Connection c2 = QObject::connect(
            &runtime, &PythonRuntime::commandFinished, &runtime, [&finished](int) { finished = true; });
        QElapsedTimer t;
        t.start();
        runtime.runSource(QStringLiteral("for i in range(%1): print('line', i)\n").arg(lines), QStringLiteral("<bench>"));
        if (!waitUntil([&] { return finished; }, 600000))
            fail(QStringLiteral("the engine-only print loop did not finish"));
        engineOnly = double(t.nsecsElapsed()) / 1e6;
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        if (received < lines)
            fail(QStringLiteral("the engine delivered too little output"));
    }
    ConsoleWidget console(&runtime, nullptr);
    console.resize(900, 600);
    console.show();
    bool idle = false;
    QObject::connect(&console, &ConsoleWidget::inputReady, &console,
                     [&idle](bool continuation) { idle = !continuation; });
    // Warm up: one command, so start-up costs are not counted.
    console.submitLine(QStringLiteral("x = 1"));
    if (!waitUntil([&] { return idle && !console.hasPendingOutput(); }))
        fail(QStringLiteral("console did not answer"));

    // A 1 ms timer on the GUI thread: the longest gap between its ticks is the
    // longest time the event loop could not run.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QElapsedTimer clock;
    double last = 0, maxGap = 0;
    QList<double> gaps;
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        const double gap = now - last;
        last = now;
        maxGap = std::max(maxGap, gap);
        gaps.append(gap);
    });
    idle = false;
    clock.start();
    ticker.start();
    console.submitLine(QStringLiteral("for i in range(%1): print('line', i)").arg(lines));
    console.submitLine(QString());
    const bool done = waitUntil([&] { return idle && !console.hasPendingOutput(); }, 600000);
    const double total = double(clock.nsecsElapsed()) / 1e6;
    ticker.stop();
    if (!done)
        fail(QStringLiteral("the print loop did not finish in 10 minutes"));
    const QString text = console.outputText();
    const bool complete = text.contains(QStringLiteral("line %1\n").arg(lines - 1));
    QJsonObject result;
    result[QStringLiteral("lines")] = lines;
    result[QStringLiteral("total_ms")] = total;
    result[QStringLiteral("engine_only_ms")] = engineOnly;
    result[QStringLiteral("max_stall_ms")] = maxGap;
    result[QStringLiteral("tick_gap_ms")] = stats(gaps);
    result[QStringLiteral("last_line_shown")] = complete;
    result[QStringLiteral("platform")] = QGuiApplication::platformName();
    say(QStringLiteral("console %1 lines: %2 ms, longest stall %3 ms").arg(lines).arg(total, 0, 'f', 0).arg(maxGap, 0, 'f', 1));
    return result;
}

// ---------------------------------------------------------------- 4. start-up

// Child, started by the driver under Xvfb: the same steps as app/ide/main.cpp,
// timed from the moment the driver started this process (RELIVE_BENCH_T0,
// CLOCK_MONOTONIC ms) until the window is exposed and until the console has
// run a line typed into it.
QJsonObject sectionStartupProbe()
{
    const double t0 = qEnvironmentVariable("RELIVE_BENCH_T0").toDouble();
    MainWindow window;
    window.show();
    QString error;
    if (!window.startEngine(&error))
        fail(QStringLiteral("startEngine: ") + error);
    if (!window.openFolder(QStringLiteral(RELIVE_BENCH_EXAMPLE), QStringLiteral("applib"), &error, false))
        fail(QStringLiteral("openFolder: ") + error);
    double exposed = -1;
    if (!waitUntil([&] {
            return window.windowHandle() && window.windowHandle()->isExposed();
        }, 30000))
        fail(QStringLiteral("window never exposed"));
    exposed = monotonicMs() - t0;
    bool idle = false;
    QObject::connect(window.console(), &ConsoleWidget::inputReady, window.console(),
                     [&idle](bool continuation) { idle = !continuation; });
    window.console()->submitLine(QStringLiteral("1 + 1"));
    if (!waitUntil([&] { return idle; }, 30000))
        fail(QStringLiteral("console never answered"));
    const double usable = monotonicMs() - t0;
    QJsonObject result;
    result[QStringLiteral("exposed_ms")] = exposed;
    result[QStringLiteral("console_ready_ms")] = usable;
    result[QStringLiteral("platform")] = QGuiApplication::platformName();
    return result;
}

QString findExecutable(const QString &name, const QStringList &paths = {})
{
    for (const QString &p : paths) {
        if (QFileInfo(p).isExecutable())
            return p;
    }
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

QJsonObject sectionStartup()
{
    QJsonObject result;
    if (g_quick) {
        result[QStringLiteral("skipped")] = QStringLiteral("--quick: needs Xvfb and the peers");
        return result;
    }
    const QString xvfb = findExecutable(QStringLiteral("Xvfb"));
    const QString xdotool = findExecutable(QStringLiteral("xdotool"));
    if (xvfb.isEmpty() || xdotool.isEmpty()) {
        result[QStringLiteral("skipped")] = QStringLiteral("Xvfb or xdotool not installed");
        return result;
    }
    int display = 91;
    while (display < 200 && (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display))
                             || QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(display))))
        ++display;
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(xvfb, {QStringLiteral(":%1").arg(display), QStringLiteral("-screen"), QStringLiteral("0"),
                        QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                        // Without it the server resets whenever its last client leaves, and a
                        // program started during the reset cannot connect.
                        QStringLiteral("-noreset")});
    if (!server.waitForStarted(10000)
        || !waitUntil([&] { return QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)); }, 10000))
        fail(QStringLiteral("Xvfb did not start"));
    settle(300);
    QProcessEnvironment env = childEnvironment();
    env.remove(QStringLiteral("PYTHONDONTWRITEBYTECODE"));
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(display));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const int reps = 10;

    struct Tool { QString key, title; QStringList cmd; };
    QList<Tool> tools;
    tools.append({QStringLiteral("relive"), QStringLiteral("Relive$"), {QStringLiteral(RELIVE_BENCH_IDE)}});
    const QString idle = findExecutable(QStringLiteral("idle"), {QStringLiteral("/usr/bin/idle3"),
                                                                 QStringLiteral("/usr/bin/idle")});
    if (!idle.isEmpty())
        tools.append({QStringLiteral("idle"), QStringLiteral("^IDLE Shell"), {idle}});
    const QString thonny = findExecutable(QStringLiteral("thonny"));
    if (!thonny.isEmpty())
        tools.append({QStringLiteral("thonny"), QStringLiteral("^Thonny"), {thonny}});
    for (const Tool &tool : tools) {
        QStringList args = {peer(QStringLiteral("startup.py")), QStringLiteral("--title"), tool.title,
                            QStringLiteral("--reps"), QString::number(reps), QStringLiteral("--home"),
                            g_work + QStringLiteral("/home-") + tool.key, QStringLiteral("--")};
        args << tool.cmd;
        const QJsonObject r = runJsonProcess(pythonExe(), args, env);
        result[tool.key] = r;
        say(QStringLiteral("start-up %1: window p50 %2 ms, RSS %3 MB")
                .arg(tool.key)
                .arg(r.value(QStringLiteral("window_ms")).toObject().value(QStringLiteral("p50")).toDouble(), 0, 'f', 0)
                .arg(r.value(QStringLiteral("rss_mb")).toDouble(), 0, 'f', 1));
    }
    if (idle.isEmpty())
        result[QStringLiteral("idle")] = QJsonObject{{QStringLiteral("skipped"), QStringLiteral("idle3 not installed")}};
    if (thonny.isEmpty())
        result[QStringLiteral("thonny")] = QJsonObject{{QStringLiteral("skipped"), QStringLiteral("thonny not installed")}};

    // Relive's own view: until the console has run a line.
    QList<double> exposed, usable;
    for (int i = 0; i < reps + 1; ++i) {
        QProcessEnvironment penv = env;
        penv.insert(QStringLiteral("RELIVE_BENCH_T0"), QString::number(monotonicMs(), 'f', 3));
        const QJsonObject r = runJsonProcess(g_self, {QStringLiteral("--section"), QStringLiteral("startup-probe"),
                                                      QStringLiteral("--work"), g_work}, penv);
        if (i == 0)
            continue; // warm-up, as for the window poll
        exposed.append(r.value(QStringLiteral("exposed_ms")).toDouble());
        usable.append(r.value(QStringLiteral("console_ready_ms")).toDouble());
    }
    result[QStringLiteral("relive_probe")] = QJsonObject{{QStringLiteral("exposed_ms"), stats(exposed)},
                                                         {QStringLiteral("console_ready_ms"), stats(usable)}};
    server.terminate();
    if (!server.waitForFinished(5000))
        server.kill();
    return result;
}

// ---------------------------------------------------------------- peers

QJsonObject sectionIPython()
{
    if (g_quick)
        return QJsonObject{{QStringLiteral("skipped"), QStringLiteral("--quick: peers are not run")}};
    const QString sizes = QStringLiteral("10,10000,1000000,5000000");
    const QString reps = QStringLiteral("20,20,5,3");
    return runJsonProcess(pythonExe(), {peer(QStringLiteral("ipython_autoreload.py")),
                                        g_work + QStringLiteral("/ipython"), sizes, reps},
                          childEnvironment());
}

// ---------------------------------------------------------------- table

QString fmt(double v, int prec = 1)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    if (v >= 1000 && prec > 0)
        return QString::number(v, 'f', 0);
    return QString::number(v, 'f', prec);
}

double num(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return std::nan("");
        v = v.toObject().value(part);
    }
    return v.isDouble() ? v.toDouble() : std::nan("");
}

QString pp(const QJsonObject &o, const QString &path)
{
    return fmt(num(o, path + QStringLiteral(".p50")), 2) + QStringLiteral(" / ")
           + fmt(num(o, path + QStringLiteral(".p99")), 2);
}

QString verdict(bool met)
{
    return met ? QStringLiteral("met") : QStringLiteral("**missed**");
}

// ---------------------------------------------------------------- debugger

// Step latency as a user sees it: from Step Over in the window's Debug menu
// to the editor repainted with the arrow on the new line (the debugger's
// controller, a real editor and console, offscreen).
QList<double> stepsToWindow(Engine &e, Debugger &debugger, const QString &file, int line)
{
    QMainWindow window;
    auto *editors = new EditorTabs(&window);
    window.setCentralWidget(editors);
    auto *console = new ConsoleWidget(&e.runtime, nullptr, &window);
    DebugController controller(&window, editors, console);
    controller.setDebugger(&debugger);
    controller.createActions(nullptr, nullptr);
    window.resize(1200, 800);
    window.show();

    // The first viewport paint after the controller has handled a pause is
    // the moment the new line is on screen.
    struct PaintWatch : QObject
    {
        bool armed = false;
        bool painted = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (armed && event->type() == QEvent::Paint)
                painted = true;
            return false;
        }
    } watch;
    int handled = 0;
    QObject::connect(&debugger, &Debugger::paused, &watch, [&](const DebugPause &) {
        ++handled;
        watch.armed = true;
    });

    debugger.addBreakpoint(file, line);
    e.finished = false;
    e.runtime.runSource(QStringLiteral("import dbgbench.workload as w\nw.stepper(1000)\n"), QStringLiteral("<bench>"));
    if (!waitUntil([&] { return controller.isPaused() && editors->currentEditor(); }, 10000))
        fail(QStringLiteral("the stepping loop did not pause in the window"));
    debugger.clearBreakpoints();
    CodeEditor *editor = editors->currentEditor();
    editor->viewport()->installEventFilter(&watch);
    QAction *stepOver = controller.action(QStringLiteral("stepOverAction"));
    settle(200);
    QList<double> steps;
    for (int i = 0; i < (g_quick ? 10 : 100); ++i) {
        const int before = handled;
        const int lineBefore = editor->executionLine();
        watch.armed = watch.painted = false;
        QElapsedTimer t;
        t.start();
        stepOver->trigger();
        if (!waitUntil([&] { return handled > before && watch.painted; }, 10000))
            fail(QStringLiteral("a step did not reach the window"));
        steps.append(double(t.nsecsElapsed()) / 1e6);
        if (editor->executionLine() == lineBefore || editor->executionLine() == 0)
            fail(QStringLiteral("the editor did not move to the new line"));
    }
    debugger.resume(Debugger::Action::Continue);
    waitUntil([&] { return e.finished; }, 10000);
    return steps;
}

// Overhead of five breakpoints in code the program never reaches, for the
// call-heavy and the loop-heavy workload of peers/debug_overhead.py, against
// the same run undebugged; bdb (pdb's core, Debian's python3) on the same
// workloads; and the time from a step command to the pause it causes.
QJsonObject sectionDebugger()
{
    Engine e;
    const QString dir = makeDir(QStringLiteral("debugger"));
    const QString file = dir + QStringLiteral("/workload.py");
    const int reps = g_quick ? 1 : 5;
    e.py(QStringLiteral("import debug_overhead\nopen(P['file'], 'w').write(debug_overhead.WORKLOAD)\n"),
         {{QStringLiteral("file"), file}});
    addDirectory(e, dir, QStringLiteral("dbgbench"));
    const QString timing = QStringLiteral(
        "import debug_overhead, dbgbench.workload as w\n"
        "R['lines'] = debug_overhead.NEVER_LINES\nR['step_line'] = debug_overhead.STEP_LINE\n"
        "for k, n in debug_overhead.SIZES.items():\n"
        "    R[k] = debug_overhead.best_of(getattr(w, k), n, P['reps'])\n");
    const QJsonObject plain = e.py(timing, {{QStringLiteral("reps"), reps}});

    Debugger debugger(&e.runtime, e.manager);
    // What the window pays to switch the debugger on or off (it does so when
    // the first breakpoint is set or the last one removed): a round trip to
    // the live worker, which installs or removes the frame hook.
    QList<double> toggles;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        debugger.setEnabled(i % 2 == 0);
        toggles.append(double(t.nsecsElapsed()) / 1e6);
    }
    debugger.setEnabled(true);
    for (const QJsonValue line : plain.value(QStringLiteral("lines")).toArray())
        debugger.addBreakpoint(file, line.toInt());
    settle(300);
    const QJsonObject debugged = e.py(timing, {{QStringLiteral("reps"), reps}});

    QJsonObject result;
    for (const QString &kind : {QStringLiteral("calls"), QStringLiteral("loop")}) {
        const double a = plain.value(kind).toDouble();
        const double b = debugged.value(kind).toDouble();
        result[kind] = QJsonObject{{QStringLiteral("plain_s"), a}, {QStringLiteral("debugged_s"), b},
                                   {QStringLiteral("ratio"), b / a}};
        say(QStringLiteral("debugger %1: %2×").arg(kind).arg(b / a, 0, 'f', 2));
    }

    // Step latency: a loop paused at a breakpoint, stepped over repeatedly.
    debugger.clearBreakpoints();
    debugger.addBreakpoint(file, plain.value(QStringLiteral("step_line")).toInt());
    int pauses = 0;
    QObject::connect(&debugger, &Debugger::paused, &debugger, [&pauses](const DebugPause &) { ++pauses; });
    e.finished = false;
    e.runtime.runSource(QStringLiteral("import dbgbench.workload as w\nw.stepper(1000)\n"), QStringLiteral("<bench>"));
    if (!waitUntil([&] { return pauses > 0; }, 10000))
        fail(QStringLiteral("the stepping loop did not pause"));
    debugger.clearBreakpoints();
    QList<double> steps;
    for (int i = 0; i < (g_quick ? 10 : 100); ++i) {
        const int before = pauses;
        QElapsedTimer t;
        t.start();
        debugger.resume(Debugger::Action::StepOver);
        if (!waitUntil([&] { return pauses > before; }, 10000))
            fail(QStringLiteral("a step did not pause"));
        steps.append(double(t.nsecsElapsed()) / 1e6);
    }
    debugger.resume(Debugger::Action::Continue);
    waitUntil([&] { return e.finished; }, 10000);
    result[QStringLiteral("step_ms")] = stats(steps);
    result[QStringLiteral("enable_ms")] = stats(toggles);
    result[QStringLiteral("step_window_ms")] = stats(stepsToWindow(e, debugger, file,
                                                                   plain.value(QStringLiteral("step_line")).toInt()));

    QProcess bdb;
    bdb.start(pythonExe(), {peer(QStringLiteral("debug_overhead.py")), dir, QString::number(g_quick ? 1 : 3)});
    if (bdb.waitForFinished(1800000) && bdb.exitCode() == 0)
        result[QStringLiteral("bdb")] = QJsonDocument::fromJson(bdb.readAllStandardOutput().trimmed()).object();
    else
        result[QStringLiteral("bdb")] = QJsonObject{{QStringLiteral("error"), QString::fromUtf8(bdb.readAllStandardError())}};
    return result;
}

// The row of the decorators section (sectionDecorators).
void decoratorRows(const QJsonObject &all,
                   const BenchRow &row)
{
    const QJsonObject d = all.value(QStringLiteral("decorators")).toObject();
    if (!d.contains(QStringLiteral("10000")))
        return;
    const bool applied = d.value(QStringLiteral("10000")).toObject().value(QStringLiteral("applied")).toBool()
                         && d.value(QStringLiteral("10")).toObject().value(QStringLiteral("applied")).toBool();
    row(QStringLiteral("2d"), QStringLiteral("one decorator edit with 10,000 wrapped functions"),
        pp(d, QStringLiteral("10000")), QStringLiteral("with 10 wrapped: %1").arg(pp(d, QStringLiteral("10"))),
        QString(), applied ? QString() : QStringLiteral("**edit not live**"));
}

QString table(const QJsonObject &all)
{
    QStringList rows;
    rows << QStringLiteral("| # | measurement (ms: p50 / p99) | Relive | peer | target | result |")
         << QStringLiteral("|---|---|---|---|---|---|");
    auto row = [&rows](const QString &n, const QString &what, const QString &relive, const QString &peerText,
                       const QString &target, const QString &res) {
        rows << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |").arg(n, what, relive, peerText, target, res);
    };

    const QJsonObject dbg = all.value(QStringLiteral("debugger")).toObject();
    for (const QString &kind : {QStringLiteral("calls"), QStringLiteral("loop")}) {
        if (!dbg.contains(kind))
            continue;
        const double ratio = num(dbg, kind + QStringLiteral(".ratio"));
        row(QStringLiteral("D"),
            QStringLiteral("debugger (Python %1): 5 unreached breakpoints, %2-heavy program, time ratio")
                .arg(pythonVersion(), kind),
            QStringLiteral("%1×").arg(fmt(ratio, 2)),
            QStringLiteral("pdb/bdb %1×").arg(fmt(num(dbg, QStringLiteral("bdb.") + kind + QStringLiteral(".ratio")), 2)),
            QStringLiteral("≤ 1.3×"), verdict(ratio <= 1.3));
    }
    if (dbg.contains(QStringLiteral("step_ms")))
        row(QStringLiteral("D"), QStringLiteral("debugger: step command → pause signal on the GUI thread"),
            pp(dbg, QStringLiteral("step_ms")), QStringLiteral("–"), QStringLiteral("p50 < 50"),
            verdict(num(dbg, QStringLiteral("step_ms.p50")) < 50));
    if (dbg.contains(QStringLiteral("enable_ms")))
        row(QStringLiteral("D"), QStringLiteral("debugger: switching it on or off (GUI thread blocked)"),
            pp(dbg, QStringLiteral("enable_ms")), QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–"));
    if (dbg.contains(QStringLiteral("step_window_ms")))
        row(QStringLiteral("D"), QStringLiteral("debugger: Step Over → editor repainted on the new line"),
            pp(dbg, QStringLiteral("step_window_ms")), QStringLiteral("–"), QStringLiteral("p50 < 50"),
            verdict(num(dbg, QStringLiteral("step_window_ms.p50")) < 50));

    const QJsonObject lat = all.value(QStringLiteral("latency")).toObject();
    for (const QString &size : {QStringLiteral("50"), QStringLiteral("500"), QStringLiteral("5000")}) {
        const QJsonObject r = lat.value(size).toObject();
        if (r.isEmpty())
            continue;
        const double floor = num(r, QStringLiteral("floor_ms.p50"));
        const double ed = num(r, QStringLiteral("editor_ms.p50"));
        const double ed99 = num(r, QStringLiteral("editor_ms.p99"));
        const double limit = 2 * floor + 5;
        const QString lines = QString::number(r.value(QStringLiteral("lines")).toInt());
        row(QStringLiteral("1a"), QStringLiteral("save→applied, editor path, %1-line file").arg(lines),
            pp(r, QStringLiteral("editor_ms")),
            QStringLiteral("floor (compile+exec) %1; ratio p50 %2×").arg(pp(r, QStringLiteral("floor_ms")), fmt(ed / floor, 2)),
            QStringLiteral("≤ 2×floor+5 = %1").arg(fmt(limit, 2)),
            verdict(ed <= limit) + (ed99 > limit ? QStringLiteral(" (p99 over)") : QString())
                + (r.value(QStringLiteral("applied")).toBool() ? QString() : QStringLiteral(", **edit not live**")));
        if (size == QStringLiteral("50"))
            row(QStringLiteral("1"), QStringLiteral("dispatch alone: GUI thread → live worker → GUI thread, no reload"),
                pp(lat, QStringLiteral("live_round_trip_ms")), QStringLiteral("–"), QString(), QString());
        row(QStringLiteral("1a"), QStringLiteral("engine part of the above (report.ms)"),
            pp(r, QStringLiteral("editor_engine_ms")), QStringLiteral("–"), QString(), QString());
        const double w50 = num(r, QStringLiteral("watcher_ms.p50"));
        const double w99 = num(r, QStringLiteral("watcher_ms.p99"));
        row(QStringLiteral("1b"), QStringLiteral("save→applied, watcher path, %1-line file").arg(lines),
            pp(r, QStringLiteral("watcher_ms")),
            QStringLiteral("engine part %1 (%2)").arg(pp(r, QStringLiteral("watcher_engine_ms")),
                r.value(QStringLiteral("watcher_completion_events")).toBool()
                    ? QStringLiteral("applied on close-after-write, no debounce")
                    : QStringLiteral("debounce %1 ms").arg(r.value(QStringLiteral("watcher_debounce_ms")).toInt())),
            QStringLiteral("p50 < 8, p99 < 60"), verdict(w50 < 8 && w99 < 60));
    }

    const QJsonObject insp = all.value(QStringLiteral("inspector")).toObject().value(QStringLiteral("sizes")).toObject();
    if (insp.size() >= 2) {
        QStringList sizes = insp.keys();
        std::sort(sizes.begin(), sizes.end(), [](const QString &a, const QString &b) { return a.toLongLong() < b.toLongLong(); });
        for (const QString &size : sizes)
            row(QStringLiteral("I"), QStringLiteral("inspector: list 100 instances of a class, %L1 other live objects").arg(size.toLongLong()),
                pp(insp, size), QStringLiteral("heap walk %1").arg(pp(insp, size + QStringLiteral(".heap_walk_ms"))),
                QString(), QString());
        const double ratio = num(insp, sizes.constLast() + QStringLiteral(".p50")) / num(insp, sizes.constFirst() + QStringLiteral(".p50"));
        const double walkRatio = num(insp, sizes.constLast() + QStringLiteral(".heap_walk_ms.p50"))
                                 / num(insp, sizes.constFirst() + QStringLiteral(".heap_walk_ms.p50"));
        row(QStringLiteral("I"), QStringLiteral("inspector: listing time, most / fewest other objects"),
            QStringLiteral("%1×").arg(fmt(ratio, 2)), QStringLiteral("heap walk %1×").arg(fmt(walkRatio, 0)),
            QStringLiteral("≤ 1.2×"), verdict(ratio <= 1.2));
    }

    const QJsonObject sizes = all.value(QStringLiteral("sizes")).toObject();
    double previousEdit = std::nan("");
    for (const QString &count : {QStringLiteral("2500"), QStringLiteral("5000"), QStringLiteral("10000"),
                                 QStringLiteral("20000"), QStringLiteral("170000")}) {
        const QJsonObject r = sizes.value(count).toObject();
        if (r.isEmpty())
            continue;
        const double floor = num(r, QStringLiteral("floor_ms.p50"));
        const double edit = num(r, QStringLiteral("edit_engine_ms.p50"));
        const bool huge = count == QStringLiteral("170000");
        const QString doubling = std::isnan(previousEdit) || huge
            ? QString() : QStringLiteral("; ×%1 from half the size").arg(fmt(edit / previousEdit, 2));
        const bool met = huge ? edit < floor
                              : edit <= 0.5 * floor && (std::isnan(previousEdit) || edit <= 2.2 * previousEdit);
        row(QStringLiteral("1c"), QStringLiteral("one-method edit, %L1 lines (%2 MB, %L3 functions), engine")
                                    .arg(r.value(QStringLiteral("lines")).toInt())
                                    .arg(fmt(r.value(QStringLiteral("bytes")).toDouble() / 1e6, 1))
                                    .arg(count.toInt()),
            pp(r, QStringLiteral("edit_engine_ms")),
            QStringLiteral("compile() floor %1; ratio p50 %2×%3").arg(fmt(floor), fmt(edit / floor, 2), doubling),
            huge ? QStringLiteral("< floor") : QStringLiteral("≤ 0.5× floor, ≤ 2.2× per doubling"),
            verdict(met) + (r.value(QStringLiteral("applied")).toBool() ? QString() : QStringLiteral(", **edit not live**")));
        if (!huge)
            previousEdit = edit;
    }

    const QJsonObject seq = all.value(QStringLiteral("sequence")).toObject();
    if (!seq.isEmpty()) {
        const double slowest = seq.value(QStringLiteral("slowest_ratio")).toDouble();
        row(QStringLiteral("1d"), QStringLiteral("the 6 MB sequence (10k and 20k functions reloaded 3× each, then %L1 functions), "
                                                 "one-method edit, %2 runs")
                                    .arg(seq.value(QStringLiteral("functions")).toInt())
                                    .arg(seq.value(QStringLiteral("runs")).toInt()),
            QStringLiteral("median %1, slowest %2").arg(fmt(num(seq, QStringLiteral("edit_engine_ms.p50"))),
                                                       fmt(num(seq, QStringLiteral("edit_engine_ms.max")))),
            QStringLiteral("compile() floor %1; ratio median %2×, slowest %3×")
                .arg(fmt(num(seq, QStringLiteral("floor_ms.p50"))), fmt(num(seq, QStringLiteral("ratio.p50")), 2),
                     fmt(slowest, 2)),
            QStringLiteral("every run < 1× floor"),
            verdict(slowest < 1.0) + (seq.value(QStringLiteral("applied")).toBool() ? QString() : QStringLiteral(", **edit not live**")));
    }

    const QJsonObject heap = all.value(QStringLiteral("heap")).toObject();
    const QJsonObject ipy = all.value(QStringLiteral("ipython")).toObject();
    const QJsonObject hs = heap.value(QStringLiteral("sizes")).toObject();
    const QJsonObject is = ipy.value(QStringLiteral("sizes")).toObject();
    QStringList keys = hs.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toLongLong() < b.toLongLong(); });
    for (const QString &size : keys) {
        const QJsonObject r = hs.value(size).toObject();
        const QString peerText = is.contains(size)
            ? QStringLiteral("IPython %1 %2").arg(ipy.value(QStringLiteral("ipython")).toString(),
                                                 pp(is, size))
            : (ipy.contains(QStringLiteral("skipped")) ? QStringLiteral("skipped (%1)").arg(ipy.value(QStringLiteral("skipped")).toString())
                                                       : QStringLiteral("–"));
        row(QStringLiteral("2"), QStringLiteral("one method edit, 50-class module, %L1 live objects").arg(size.toLongLong()),
            pp(hs, size), peerText, QString(),
            r.value(QStringLiteral("applied")).toBool() ? QString() : QStringLiteral("**edit not live**"));
    }
    if (keys.size() >= 2) {
        const double lo = num(hs, keys.constFirst() + QStringLiteral(".p50"));
        const double hi = num(hs, keys.constLast() + QStringLiteral(".p50"));
        QString peerRatio = QStringLiteral("–");
        if (is.contains(keys.constFirst()) && is.contains(keys.constLast()))
            peerRatio = QStringLiteral("IPython %1×").arg(fmt(num(is, keys.constLast() + QStringLiteral(".p50"))
                                                                  / num(is, keys.constFirst() + QStringLiteral(".p50")), 2));
        row(QStringLiteral("2"), QStringLiteral("ratio p50 at %L1 / at %L2 objects").arg(keys.constLast().toLongLong()).arg(keys.constFirst().toLongLong()),
            QStringLiteral("%1×").arg(fmt(hi / lo, 2)), peerRatio, QStringLiteral("≤ 1.2× (at 5·10⁶)"),
            keys.constLast() == QStringLiteral("5000000") ? verdict(hi / lo <= 1.2) : QStringLiteral("(quick: not the target size)"));
        row(QStringLiteral("2"), QStringLiteral("floor: compile+exec of the module"),
            pp(heap, QStringLiteral("floor_ms")),
            ipy.contains(QStringLiteral("floor_ms")) ? QStringLiteral("in IPython's process %1").arg(pp(ipy, QStringLiteral("floor_ms"))) : QStringLiteral("–"),
            QString(), QString());
    }

    decoratorRows(all, row);

    const QJsonObject proj = all.value(QStringLiteral("project")).toObject();
    double reload10 = std::nan(""), reload1000 = std::nan("");
    for (const QString &size : {QStringLiteral("10"), QStringLiteral("100"), QStringLiteral("1000")}) {
        const QJsonObject r = proj.value(size).toObject();
        if (r.isEmpty())
            continue;
        const double rel = num(r, QStringLiteral("relive_total_ms.p50"));
        const double plain = num(r, QStringLiteral("plain_import_ms.p50"));
        row(QStringLiteral("3"), QStringLiteral("import whole namespace, %1 files, cold (add_directory + import)").arg(size),
            QStringLiteral("%1 (add %2 + import %3)").arg(fmt(rel), fmt(num(r, QStringLiteral("relive_add_directory_ms.p50"))),
                                                        fmt(num(r, QStringLiteral("relive_import_ms.p50")))),
            QStringLiteral("plain python3 from source %1; ratio %2×").arg(fmt(plain), fmt(rel / plain, 2)),
            QStringLiteral("≤ 1.2× plain"), verdict(rel <= 1.2 * plain));
        row(QStringLiteral("3"), QStringLiteral("import whole namespace, %1 files, first start writing the code cache").arg(size),
            fmt(num(r, QStringLiteral("relive_first_start_total_ms.p50"))), QStringLiteral("–"), QString(), QString());
        const double relWarm = num(r, QStringLiteral("relive_warm_total_ms.p50"));
        const double plainWarm = num(r, QStringLiteral("plain_warm_import_ms.p50"));
        row(QStringLiteral("3"), QStringLiteral("import whole namespace, %1 files, warm (second start, caches present)").arg(size),
            QStringLiteral("%1 (import %2)").arg(fmt(relWarm), fmt(num(r, QStringLiteral("relive_warm_import_ms.p50")))),
            QStringLiteral("plain python3 with __pycache__ %1; ratio %2×").arg(fmt(plainWarm), fmt(relWarm / plainWarm, 2)),
            QStringLiteral("≤ 1.1× plain"), verdict(relWarm <= 1.1 * plainWarm));
        const double cpu = num(r, QStringLiteral("relive_import_cpu_ms.p50"));
        const double plainCpu = num(r, QStringLiteral("plain_import_cpu_ms.p50"));
        const double warmCpu = num(r, QStringLiteral("relive_warm_import_cpu_ms.p50"));
        const double plainWarmCpu = num(r, QStringLiteral("plain_warm_import_cpu_ms.p50"));
        row(QStringLiteral("3"), QStringLiteral("import alone, %1 files, CPU time cold / warm").arg(size),
            QStringLiteral("%1 / %2").arg(fmt(cpu), fmt(warmCpu)),
            QStringLiteral("plain python3 %1 / %2; ratio %3× / %4×")
                .arg(fmt(plainCpu), fmt(plainWarmCpu), fmt(cpu / plainCpu, 2), fmt(warmCpu / plainWarmCpu, 2)),
            QStringLiteral("–"), QString());
        row(QStringLiteral("3"), QStringLiteral("reload one file of %1 (editor path)").arg(size),
            pp(r, QStringLiteral("reload_one_file_ms")), QStringLiteral("–"), QString(),
            r.value(QStringLiteral("applied")).toBool() ? QString() : QStringLiteral("**edit not live**"));
        if (size == QStringLiteral("10"))
            reload10 = num(r, QStringLiteral("reload_one_file_ms.p50"));
        if (size == QStringLiteral("1000"))
            reload1000 = num(r, QStringLiteral("reload_one_file_ms.p50"));
    }
    if (!std::isnan(reload10) && !std::isnan(reload1000))
        row(QStringLiteral("3"), QStringLiteral("ratio reload p50, 1000 files / 10 files"),
            QStringLiteral("%1×").arg(fmt(reload1000 / reload10, 2)), QStringLiteral("–"),
            QStringLiteral("≤ 1.2×"), verdict(reload1000 / reload10 <= 1.2));

    const QJsonObject st = all.value(QStringLiteral("startup")).toObject();
    if (st.isEmpty()) {
        // not run (--only)
    } else if (st.contains(QStringLiteral("skipped"))) {
        row(QStringLiteral("4"), QStringLiteral("start-up to window, idle RSS"),
            QStringLiteral("skipped"), QStringLiteral("skipped"), QString(), st.value(QStringLiteral("skipped")).toString());
    } else {
        const double rw = num(st, QStringLiteral("relive.window_ms.p50"));
        const double iw = num(st, QStringLiteral("idle.window_ms.p50"));
        const double tw = num(st, QStringLiteral("thonny.window_ms.p50"));
        const double rm = num(st, QStringLiteral("relive.rss_mb"));
        const double im = num(st, QStringLiteral("idle.rss_mb"));
        const double tm = num(st, QStringLiteral("thonny.rss_mb"));
        QString failedStarts;
        for (const QString &tool : {QStringLiteral("relive"), QStringLiteral("idle"), QStringLiteral("thonny")}) {
            const int n = st.value(tool).toObject().value(QStringLiteral("failures")).toInt();
            if (n > 0)
                failedStarts += QStringLiteral("; %1: %2 start(s) without a window").arg(tool).arg(n);
        }
        row(QStringLiteral("4"), QStringLiteral("start-up to visible window (xdotool poll, 10 ms, Xvfb)"),
            pp(st, QStringLiteral("relive.window_ms")),
            QStringLiteral("IDLE %1; Thonny %2").arg(pp(st, QStringLiteral("idle.window_ms")), pp(st, QStringLiteral("thonny.window_ms"))),
            QStringLiteral("faster than both"), verdict(rw < iw && rw < tw) + failedStarts);
        row(QStringLiteral("4"), QStringLiteral("Relive: to window exposed / console has run a line (in-process probe)"),
            QStringLiteral("%1 / %2").arg(fmt(num(st, QStringLiteral("relive_probe.exposed_ms.p50"))),
                                          fmt(num(st, QStringLiteral("relive_probe.console_ready_ms.p50")))),
            QStringLiteral("–"), QString(), QString());
        row(QStringLiteral("4"), QStringLiteral("resident memory once idle, MB (with child processes)"),
            fmt(rm), QStringLiteral("IDLE %1; Thonny %2").arg(fmt(im), fmt(tm)),
            QStringLiteral("≤ IDLE's"), verdict(rm <= im));
    }

    const QJsonObject con = all.value(QStringLiteral("console")).toObject();
    if (!con.isEmpty()) {
        const int lines = con.value(QStringLiteral("lines")).toInt();
        const double total = num(con, QStringLiteral("total_ms"));
        const double stall = num(con, QStringLiteral("max_stall_ms"));
        const bool full = lines >= 1000000;
        row(QStringLiteral("5"), QStringLiteral("console: %L1 printed lines, total / longest event-loop stall").arg(lines),
            QStringLiteral("%1 / %2").arg(fmt(total, 0), fmt(stall, 1)),
            QStringLiteral("engine alone (no widget): %1").arg(fmt(num(con, QStringLiteral("engine_only_ms")), 0)),
            QStringLiteral("< 5000 total, stall < 100"),
            (full ? verdict(total < 5000 && stall < 100) : QStringLiteral("(quick: 10⁴ lines)"))
                + (con.value(QStringLiteral("last_line_shown")).toBool() ? QString() : QStringLiteral(", **last line missing**")));
    }
    testsRows(all, row);
    searchRows(all, row);
    variablesRows(all, row);
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject machine()
{
    QJsonObject m;
    m[QStringLiteral("cpus")] = QThread::idealThreadCount();
    m[QStringLiteral("kernel")] = QSysInfo::kernelVersion();
    m[QStringLiteral("os")] = QSysInfo::prettyProductName();
    m[QStringLiteral("python")] = pythonVersion();
    m[QStringLiteral("qt")] = QString::fromLatin1(qVersion());
    QFile cpu(QStringLiteral("/proc/cpuinfo"));
    if (cpu.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpu.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                m[QStringLiteral("cpu")] = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) {
        const QByteArray first = mem.readLine();
        m[QStringLiteral("ram_gb")] = first.simplified().split(' ').value(1).toDouble() / 1024.0 / 1024.0;
    }
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        m[QStringLiteral("loadavg_at_start")] = QString::fromUtf8(load.readAll().trimmed());
    QFile deb(QStringLiteral("/etc/debian_version"));
    if (deb.open(QIODevice::ReadOnly))
        m[QStringLiteral("debian")] = QString::fromUtf8(deb.readAll().trimmed());
    return m;
}

int drive(const QStringList &sections, const QString &jsonOut)
{
    QJsonObject all;
    all[QStringLiteral("quick")] = g_quick;
    all[QStringLiteral("time")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    all[QStringLiteral("machine")] = machine();
    QElapsedTimer total;
    total.start();
    for (const QString &s : sections) {
        say(QStringLiteral("section %1").arg(s));
        QJsonObject r;
        if (s == QStringLiteral("project"))
            r = sectionProject();
        else if (s == QStringLiteral("startup"))
            r = sectionStartup();
        else if (s == QStringLiteral("ipython"))
            r = sectionIPython();
        else if (s == QStringLiteral("sequence"))
            r = sectionSequence();
        else if (s == QStringLiteral("console") || s == QStringLiteral("debugger")) {
            QProcessEnvironment env = childEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            r = runChild({QStringLiteral("--section"), s}, env);
        } else
            r = runChild({QStringLiteral("--section"), s});
        all[s] = r;
    }
    all[QStringLiteral("seconds")] = double(total.elapsed()) / 1000.0;
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        all[QStringLiteral("loadavg_at_end")] = QString::fromUtf8(load.readAll().trimmed());
    const QString text = table(all);
    all[QStringLiteral("table")] = text;
    QDir().mkpath(QFileInfo(jsonOut).absolutePath());
    QFile out(jsonOut);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write ") + jsonOut);
    out.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
    out.close();
    fputs(qPrintable(text), stdout);
    fflush(stdout);
    say(QStringLiteral("results: %1 (%2 s)").arg(jsonOut).arg(double(total.elapsed()) / 1000.0, 0, 'f', 0));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Widgets are needed by the console, start-up and debugger sections only.
    QString section;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--section") == 0)
            section = QString::fromUtf8(argv[i + 1]);
    }
    const bool widgets = section == QStringLiteral("console") || section == QStringLiteral("startup-probe")
                         || section == QStringLiteral("debugger") || section == QStringLiteral("variables")
                         || section == QStringLiteral("search");
    std::unique_ptr<QCoreApplication> app;
    if (widgets)
        app.reset(new QApplication(argc, argv));
    else
        app.reset(new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("relive-bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("relive-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Relive benchmarks, side by side with peers."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Smoke run: few repetitions, small sizes, no X and no peers."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Where to write the JSON results."), QStringLiteral("FILE"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Comma-separated sections: latency,sizes,sequence,heap,decorators,ipython,project,startup,console,debugger,inspector,tests,search,variables."), QStringLiteral("LIST"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("Scratch directory."), QStringLiteral("DIR"));
    const QCommandLineOption sectionOpt(QStringLiteral("section"), QStringLiteral("Internal: run one section in this process."), QStringLiteral("NAME"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Internal."), QStringLiteral("DIR"));
    const QCommandLineOption dirsOpt(QStringLiteral("dirs"), QStringLiteral("Internal."), QStringLiteral("LIST"));
    const QCommandLineOption repsOpt(QStringLiteral("reload-reps"), QStringLiteral("Internal."), QStringLiteral("N"));
    parser.addOptions({quick, json, only, work, sectionOpt, dirOpt, dirsOpt, repsOpt});
    parser.process(*app);

    g_quick = parser.isSet(quick);
    g_self = QCoreApplication::applicationFilePath();
    const bool child = parser.isSet(sectionOpt);
    g_work = parser.value(work);
    if (g_work.isEmpty()) {
        g_work = QDir::tempPath() + QStringLiteral("/relive-bench-%1").arg(QCoreApplication::applicationPid());
        QDir(g_work).removeRecursively();
    }
    QDir().mkpath(g_work);
    g_work = QFileInfo(g_work).canonicalFilePath();

    if (child) {
        QJsonObject r;
        if (section == QStringLiteral("latency"))
            r = sectionLatency();
        else if (section == QStringLiteral("sizes"))
            r = sectionSizes();
        else if (section == QStringLiteral("sequence-child"))
            r = sectionSequenceChild();
        else if (section == QStringLiteral("heap"))
            r = sectionHeap();
        else if (section == QStringLiteral("decorators"))
            r = sectionDecorators();
        else if (section == QStringLiteral("project-child"))
            r = sectionProjectChild(parser.value(dirOpt), parser.value(dirsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts),
                                    parser.value(repsOpt).toInt());
        else if (section == QStringLiteral("console"))
            r = sectionConsole();
        else if (section == QStringLiteral("tests"))
            r = sectionTests(g_work, g_quick, QStringLiteral(RELIVE_BENCH_PYTHON));
        else if (section == QStringLiteral("search"))
            r = sectionSearch(g_work, g_quick);
        else if (section == QStringLiteral("variables"))
            r = sectionVariables(g_quick);
        else if (section == QStringLiteral("debugger"))
            r = sectionDebugger();
        else if (section == QStringLiteral("inspector"))
            r = sectionInspector();
        else if (section == QStringLiteral("startup-probe"))
            r = sectionStartupProbe();
        else
            fail(QStringLiteral("unknown section ") + section);
        fputs(QJsonDocument(r).toJson(QJsonDocument::Compact).constData(), stdout);
        fputs("\n", stdout);
        fflush(stdout);
        // The interpreter may hold gigabytes (the heap section): leave without
        // tearing it down object by object.
        ::_exit(0);
    }

    QStringList sections = {QStringLiteral("latency"), QStringLiteral("sizes"), QStringLiteral("sequence"), QStringLiteral("heap"),
                            QStringLiteral("decorators"), QStringLiteral("ipython"),
                            QStringLiteral("project"), QStringLiteral("startup"), QStringLiteral("console"),
                            QStringLiteral("debugger"), QStringLiteral("inspector"), QStringLiteral("tests"),
                            QStringLiteral("variables"), QStringLiteral("search")};
    if (parser.isSet(only))
        sections = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
    QString jsonOut = parser.value(json);
    if (jsonOut.isEmpty())
        jsonOut = QStringLiteral(RELIVE_BENCH_RESULTS) + QStringLiteral("/bench-%1%2.json")
                      .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                           g_quick ? QStringLiteral("-quick") : QString());
    const int status = drive(sections, jsonOut);
    if (parser.value(work).isEmpty())
        QDir(g_work).removeRecursively();
    return status;
}
