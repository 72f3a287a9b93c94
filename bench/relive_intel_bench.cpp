// relive-intel-bench: latency of the editor's intelligence on a large file.
// Measures, on a generated 5,000-line module inside a mapped namespace, the
// time from a keystroke's request to the completions arriving on the GUI
// thread (jedi's Script mode on a file that has not run, and Interpreter mode
// with the live module once it has), each also with jedi alone walking the
// whole buffer at every keystroke as Relive did before it kept the names of
// unchanged statements, and the time of a diagnostics pass
// (pyflakes + the namespace check). Prints a markdown table and writes JSON;
// the exit status is non-zero only when the benchmark itself broke, or 77
// (ctest's "skipped") when the interpreter lacks jedi or pyflakes: the rows
// that need the missing package say so, the others are measured.
#include "CodeManager.h"
#include "BenchStats.h"
#include "EditorIntelligence.h"
#include "PythonRuntime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

namespace {

[[noreturn]] void fail(const QString &text)
{
    fprintf(stderr, "relive-intel-bench: FAILED: %s\n", qPrintable(text));
    ::exit(2);
}



bool waitUntil(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(5);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// About 5,000 lines of ordinary code: classes with methods and functions
// using them, importing from the mapped namespace.
QString largeModule(int lines)
{
    QString text = QStringLiteral("\"\"\"A large module for the benchmark.\"\"\"\n"
                                  "import os\n\n"
                                  "from applib.services import NetworkService\n"
                                  "from applib.objects import Session\n\n\n");
    int i = 0;
    while (text.count(QLatin1Char('\n')) < lines) {
        text += QStringLiteral("class Worker%1:\n"
                               "    \"\"\"Worker %1.\"\"\"\n\n"
                               "    def __init__(self, size=%1):\n"
                               "        self.size = size\n"
                               "        self.items = []\n\n"
                               "    def add(self, value):\n"
                               "        self.items.append(value)\n"
                               "        return len(self.items)\n\n"
                               "    def total(self):\n"
                               "        return sum(self.items) + self.size + len(os.sep)\n\n\n"
                               "def make_worker_%1(n):\n"
                               "    w = Worker%1(n)\n"
                               "    for k in range(n):\n"
                               "        w.add(k)\n"
                               "    return w.total()\n\n\n").arg(i++);
    }
    text += QStringLiteral("service = NetworkService('bench')\nsession = Session('bench')\n");
    return text;
}

// CPU time of the whole process: on a loaded machine the wall time of a
// request includes waiting for a core; this is what the request itself costs.
double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

struct Run
{
    QList<double> ms;
    QList<double> cpuMs;
    bool allFound = true;
    // The Python package the interpreter lacks, found with the first answer:
    // then nothing more was measured.
    QString missingPackage;
};

QString skipMessage(const QString &package)
{
    return QStringLiteral("needs the Python package %1 (python3-%1), which this interpreter lacks").arg(package);
}

// One keystroke after another: the buffer gains a character at the
// completion point each time (so the parser has an edit to apply), and the
// next keystroke is typed once the previous answer is in.
Run measureCompletions(EditorIntelligence &intel, const QString &file, const QString &source, int reps,
                       const QString &line, const QString &expect)
{
    QStringList lines = source.split(QLatin1Char('\n'));
    const int at = lines.size() / 2;
    // Inside the middle function body: find the `w = Worker` line near it.
    int target = at;
    while (target < lines.size() && !lines.at(target).startsWith(QLatin1String("    w = Worker")))
        ++target;
    Run run;
    QList<Completion> got;
    int want = -1;
    QObject::connect(&intel, &EditorIntelligence::completionsReady, &intel,
                     [&](int generation, const QList<Completion> &c) {
                         if (generation == want)
                             got = c, want = -2;
                     });
    for (int i = 0; i < reps; ++i) {
        QStringList edited = lines;
        const QString typed = line;
        edited.insert(target + 1, typed);
        // A comment line above changes with every keystroke.
        edited.insert(target, QStringLiteral("    # keystroke %1").arg(i));
        const QString buffer = edited.join(QLatin1Char('\n'));
        QElapsedTimer t;
        t.start();
        const double cpu = processCpuMs();
        want = intel.requestCompletions(file, buffer, target + 2 + 1, typed.size());
        if (!waitUntil([&] { return want == -2; }))
            fail(QStringLiteral("no completions within 60 s"));
        run.ms << double(t.nsecsElapsed()) / 1e6;
        run.cpuMs << processCpuMs() - cpu;
        run.missingPackage = intel.missingPackage(EditorIntelligence::Feature::Completion);
        if (!run.missingPackage.isEmpty())
            break;
        bool found = false;
        for (const Completion &c : std::as_const(got))
            found = found || c.name == expect;
        run.allFound = run.allFound && found;
    }
    QObject::disconnect(&intel, &EditorIntelligence::completionsReady, &intel, nullptr);
    return run;
}

Run measureDiagnostics(EditorIntelligence &intel, const QString &file, const QString &source, int reps)
{
    Run run;
    int want = -1;
    int count = 0;
    QObject::connect(&intel, &EditorIntelligence::diagnosticsReady, &intel,
                     [&](int generation, const QString &, const QList<Diagnostic> &d) {
                         if (generation == want)
                             count = int(d.size()), want = -2;
                     });
    for (int i = 0; i < reps; ++i) {
        const QString buffer = source + QStringLiteral("\nundefined_%1\n").arg(i);
        QElapsedTimer t;
        t.start();
        const double cpu = processCpuMs();
        want = intel.requestDiagnostics(file, buffer);
        if (!waitUntil([&] { return want == -2; }))
            fail(QStringLiteral("no diagnostics within 60 s"));
        run.ms << double(t.nsecsElapsed()) / 1e6;
        run.cpuMs << processCpuMs() - cpu;
        // The expected finding (an undefined name) is pyflakes'.
        run.missingPackage = intel.missingPackage(EditorIntelligence::Feature::Checker);
        if (!run.missingPackage.isEmpty())
            break;
        run.allFound = run.allFound && count >= 1;
    }
    QObject::disconnect(&intel, &EditorIntelligence::diagnosticsReady, &intel, nullptr);
    return run;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().trimmed()) : QString();
}

QString fmt(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Latency of completion and diagnostics on a 5,000-line file."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("Smoke run: few repetitions."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Where to write the JSON results."),
                                  QStringLiteral("FILE"));
    parser.addOptions({quick, json});
    parser.process(app);
    const int reps = parser.isSet(quick) ? 5 : 60;

    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("server"));
    for (const QString &relative : {QStringLiteral("main.py"), QStringLiteral("services/networking.py"),
                                    QStringLiteral("objects/session.py")}) {
        QDir().mkpath(QFileInfo(root + QLatin1Char('/') + relative).absolutePath());
        if (!QFile::copy(QStringLiteral(RELIVE_BENCH_EXAMPLE "/") + relative, root + QLatin1Char('/') + relative))
            fail(QStringLiteral("cannot copy the example"));
    }
    const QString file = root + QStringLiteral("/big.py");
    const QString source = largeModule(5000);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot write ") + file);
        f.write(source.toUtf8());
    }

    PythonRuntime runtime;
    QString error;
    if (!runtime.start(&error))
        fail(error);
    CodeManager manager(&runtime);
    if (!manager.addDirectory(root, QStringLiteral("applib"), &error))
        fail(error);
    EditorIntelligence intel(&runtime);
    QObject::connect(&intel, &EditorIntelligence::requestFailed, &intel,
                     [](const QString &m) { fail(QStringLiteral("engine error: ") + m); });

    QJsonObject result;
    result[QStringLiteral("lines")] = int(source.count(QLatin1Char('\n')));
    // The first request imports jedi and builds its caches; its answer also
    // tells whether the interpreter has jedi at all.
    const Run first = measureCompletions(intel, file, source, 1, QStringLiteral("    w."), QStringLiteral("add"));
    // Runs `code` in the console's interpreter and waits for it.
    auto runPython = [&](const QString &code) {
        bool finished = false;
        const QMetaObject::Connection c = QObject::connect(&runtime, &PythonRuntime::commandFinished, &app,
                                                           [&](int) { finished = true; });
        runtime.runSource(code, QStringLiteral("<bench>"));
        if (!waitUntil([&] { return finished; }))
            fail(QStringLiteral("did not finish: ") + code);
        QObject::disconnect(c);
    };
    // Whether the buffer's names are kept across keystrokes (Relive's way) or
    // walked again at each one (jedi's own, what Relive did before): the rows
    // marked "jedi alone" measure the latter in the same run.
    auto keepNames = [&](bool on) {
        runPython(QStringLiteral("import sys\nsys.modules['relive_intelligence'].keep_names(%1)\n")
                      .arg(on ? QStringLiteral("True") : QStringLiteral("False")));
    };
    Run script, mapped, live, scriptWalk, liveWalk;
    if (first.missingPackage.isEmpty()) {
        result[QStringLiteral("first_completion_ms")] = first.ms.value(0);
        keepNames(false);
        scriptWalk = measureCompletions(intel, file, source, reps, QStringLiteral("    w."), QStringLiteral("add"));
        result[QStringLiteral("completion_script_walk_ms")] = stats(scriptWalk.ms);
        result[QStringLiteral("completion_script_walk_cpu_ms")] = stats(scriptWalk.cpuMs);
        keepNames(true);
        script = measureCompletions(intel, file, source, reps, QStringLiteral("    w."), QStringLiteral("add"));
        result[QStringLiteral("completion_script_ms")] = stats(script.ms);
        result[QStringLiteral("completion_script_cpu_ms")] = stats(script.cpuMs);
        mapped = measureCompletions(intel, file, source, reps, QStringLiteral("    NetworkService('x')."),
                                    QStringLiteral("handle"));
        result[QStringLiteral("completion_mapped_ms")] = stats(mapped.ms);
        result[QStringLiteral("completion_mapped_cpu_ms")] = stats(mapped.cpuMs);

        // Run the module: from now on its buffer completes in Interpreter mode
        // against the live module.
        runPython(QStringLiteral("import applib.big\n"));
        keepNames(false);
        liveWalk = measureCompletions(intel, file, source, reps, QStringLiteral("    w."), QStringLiteral("add"));
        result[QStringLiteral("completion_live_walk_ms")] = stats(liveWalk.ms);
        result[QStringLiteral("completion_live_walk_cpu_ms")] = stats(liveWalk.cpuMs);
        keepNames(true);
        live = measureCompletions(intel, file, source, reps, QStringLiteral("    w."), QStringLiteral("add"));
        result[QStringLiteral("completion_live_ms")] = stats(live.ms);
        result[QStringLiteral("completion_live_cpu_ms")] = stats(live.cpuMs);
    }
    const Run diagnostics = measureDiagnostics(intel, file, source, parser.isSet(quick) ? 3 : 20);
    if (diagnostics.missingPackage.isEmpty()) {
        result[QStringLiteral("diagnostics_ms")] = stats(diagnostics.ms);
        result[QStringLiteral("diagnostics_cpu_ms")] = stats(diagnostics.cpuMs);
    }
    const bool found = script.allFound && mapped.allFound && live.allFound && scriptWalk.allFound
        && liveWalk.allFound && diagnostics.allFound;
    result[QStringLiteral("answers_correct")] = found;
    QStringList skipped;
    for (const QString &package : {first.missingPackage, diagnostics.missingPackage}) {
        if (!package.isEmpty())
            skipped << skipMessage(package);
    }
    result[QStringLiteral("skipped")] = QJsonArray::fromStringList(skipped);

    auto row = [&result](const QString &what, const QString &key, const QString &target) {
        if (!result.contains(key + QStringLiteral("_ms")))
            return QStringLiteral("| %1 | skipped | | | | |\n").arg(what);
        const QJsonObject s = result.value(key + QStringLiteral("_ms")).toObject();
        const QJsonObject cpu = result.value(key + QStringLiteral("_cpu_ms")).toObject();
        const double p50 = s.value(QStringLiteral("p50")).toDouble();
        const double p95 = s.value(QStringLiteral("p95")).toDouble();
        QString verdict;
        if (!target.isEmpty())
            verdict = (p50 < 50 && p95 < 150) ? QStringLiteral("met") : QStringLiteral("**missed**");
        return QStringLiteral("| %1 | %2 | %3 | %4 / %5 | %6 | %7 |\n")
            .arg(what, fmt(p50), fmt(p95), fmt(cpu.value(QStringLiteral("p50")).toDouble()),
                 fmt(cpu.value(QStringLiteral("p95")).toDouble()), target, verdict);
    };
    QString table = QStringLiteral("| %1 lines | p50 ms | p95 ms | CPU p50 / p95 ms | target | |\n|---|---|---|---|---|---|\n")
                        .arg(result.value(QStringLiteral("lines")).toInt());
    table += first.missingPackage.isEmpty()
                 ? QStringLiteral("| first completion (imports jedi) | %1 | | | | |\n").arg(fmt(first.ms.value(0)))
                 : QStringLiteral("| first completion (imports jedi) | skipped | | | | |\n");
    const QString target = QStringLiteral("p50 < 50, p95 < 150");
    table += row(QStringLiteral("keystroke → completion, file not run (Script), jedi alone"),
                 QStringLiteral("completion_script_walk"), target);
    table += row(QStringLiteral("keystroke → completion, file not run (Script)"), QStringLiteral("completion_script"), target);
    table += row(QStringLiteral("keystroke → completion of a mapped class"), QStringLiteral("completion_mapped"), target);
    table += row(QStringLiteral("keystroke → completion, live module (Interpreter), jedi alone"),
                 QStringLiteral("completion_live_walk"), target);
    table += row(QStringLiteral("keystroke → completion, live module (Interpreter)"), QStringLiteral("completion_live"), target);
    table += row(QStringLiteral("diagnostics (pyflakes + namespace check)"), QStringLiteral("diagnostics"), QString());
    table += QStringLiteral("\nload average: %1\n").arg(loadAverage());
    if (!found)
        table += QStringLiteral("\n**Some answers lacked the expected name.**\n");
    for (const QString &message : std::as_const(skipped))
        table += QStringLiteral("\nSkipped: %1.\n").arg(message);
    fputs(qPrintable(table), stdout);
    fflush(stdout);
    if (parser.isSet(json)) {
        QFile out(parser.value(json));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail(QStringLiteral("cannot write ") + parser.value(json));
        out.write(QJsonDocument(result).toJson());
    }
    // Leave without tearing the interpreter down object by object.
    fflush(stderr);
    ::_exit(!found ? 1 : skipped.isEmpty() ? 0 : 77);
}
