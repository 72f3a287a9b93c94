#include "PythonRuntime.h"
#include "mainscript.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The reloader against the real engine, driven by the fixtures in
// tests/fixtures/reload/<case>/: step0/, step1/, ... are complete trees of a
// namespace directory (a missing one is empty), applied one after the other
// (files absent from a step are deleted; changed files are reloaded with
// relive.reload(), in name order, then added and deleted ones go through
// relive.rescan()); checks.py says what must hold after each step. See
// docs/reload-semantics.md.
//
// checks.py may define:
//   setup(ns) -> dict               once, after step0 is imported: the `state`
//   check_<n>(ns, state)            after step n; plain asserts with messages.
//                                   state["reports"]: {relative path: report}
//                                   of that step; state["rescan"]: the reports
//                                   of its rescan (added/deleted files)
//   prepare(step, root)             before step n is applied: writes generated
//                                   files into the namespace directory
//   REQUIRES = ('flask', ...)        modules the case needs; skipped without them
//   EXPECT_ERROR = {n, ...}         steps whose reloads are meant to fail;
//   EXPECT_WARNING = {n, ...}       steps whose reloads are meant to warn;
//                                   anywhere else an error or a warning fails
//   differential(ns) -> value       compared between the live namespace after
//                                   the last step and the last step imported
//                                   fresh in a new namespace
static const char *const harness = R"PY(
import importlib, importlib.util, os, sys, traceback
import relive

class CaseFailure(Exception):
    pass

class CaseSkipped(Exception):
    pass

def _tree(root):
    files = {}
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != '__pycache__')
        for name in names:
            path = os.path.join(directory, name)
            with open(path, 'rb') as f:
                files[os.path.relpath(path, root)] = f.read()
    return files

def _steps(case_dir, checks):
    # A step is a stepN folder, or only a check_N for a step whose files
    # prepare() writes (git keeps no empty folder).
    steps = {int(d[4:]) for d in os.listdir(case_dir) if d.startswith('step') and d[4:].isdigit()}
    steps |= {int(n[6:]) for n in dir(checks) if n.startswith('check_') and n[6:].isdigit()}
    steps = sorted(steps)
    if not steps or steps != list(range(len(steps))):
        raise CaseFailure('the case needs steps 0, 1, ... without gaps, has %r' % steps)
    return steps

def _checks(case_dir, tag):
    # casehelpers.py, beside the case folders, holds what several checks share.
    cases = os.path.dirname(os.path.abspath(case_dir))
    if cases not in sys.path:
        sys.path.insert(0, cases)
    spec = importlib.util.spec_from_file_location('relive_checks_' + tag, os.path.join(case_dir, 'checks.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

def _write_step(case_dir, step, root, checks):
    source = os.path.join(case_dir, 'step%d' % step)
    wanted = _tree(source) if os.path.isdir(source) else {}
    present = _tree(root)
    for rel in present:
        if rel not in wanted:
            os.remove(os.path.join(root, rel))
    for rel, data in wanted.items():
        if present.get(rel) != data:
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'wb') as f:
                f.write(data)
    if hasattr(checks, 'prepare'):
        checks.prepare(step, root)

def _apply_step(case_dir, step, root, checks):
    before = _tree(root)
    _write_step(case_dir, step, root, checks)
    after = _tree(root)
    reports = {}
    for rel in sorted(after):
        if rel.endswith('.py') and rel in before and before[rel] != after[rel]:
            reports[rel] = relive.reload(os.path.join(root, rel))
    rescan = []
    if set(before) != set(after):
        rescan = relive.rescan(root)
    expected_errors = getattr(checks, 'EXPECT_ERROR', set())
    expected_warnings = getattr(checks, 'EXPECT_WARNING', set())
    for report in list(reports.values()) + rescan:
        name = os.path.relpath(report['file'], root)
        if report['error'] is not None and step not in expected_errors:
            raise CaseFailure('step %d: the reload of %s failed: %s\n%s'
                              % (step, name, report['error'], report['traceback']))
        if report['warnings'] and step not in expected_warnings:
            raise CaseFailure('step %d: the reload of %s warned: %s' % (step, name, report['warnings']))
    return reports, rescan

def _import(root, ns_name):
    relive.add_directory(root, ns_name)
    return importlib.import_module(ns_name)

def _run_check(checks, step, ns, state):
    check = getattr(checks, 'check_%d' % step, None)
    if check is None:
        raise CaseFailure('checks.py has no check_%d' % step)
    try:
        check(ns, state)
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        where = next((f for f in reversed(tb) if f.filename.endswith('checks.py')), tb[-1] if tb else None)
        line = (' (checks.py:%d: %s)' % (where.lineno, where.line)) if where else ''
        raise CaseFailure('step %d: check_%d: %s: %s%s' % (step, step, type(e).__name__, e, line))

def run_case(case_dir, work, ns_name, with_checks):
    checks = _checks(case_dir, ns_name)
    for name in getattr(checks, 'REQUIRES', ()):
        try:
            importlib.import_module(name)
        except ImportError:
            raise CaseSkipped('the case needs %s, which this Python lacks' % name)
    steps = _steps(case_dir, checks)
    root = os.path.join(work, ns_name)
    os.makedirs(root)
    _write_step(case_dir, 0, root, checks)
    ns = _import(root, ns_name)
    state = {}
    if hasattr(checks, 'setup'):
        state = checks.setup(ns)
        if not isinstance(state, dict):
            raise CaseFailure('setup(ns) must return a dict, returned %r' % (state,))
    state['reports'], state['rescan'] = {}, []
    if with_checks:
        _run_check(checks, 0, ns, state)
    for step in steps[1:]:
        state['reports'], state['rescan'] = _apply_step(case_dir, step, root, checks)
        if with_checks:
            _run_check(checks, step, ns, state)
    return checks, steps, ns

def differential(case_dir, work, ns_name):
    checks, steps, live = run_case(case_dir, work, ns_name, False)
    if not hasattr(checks, 'differential'):
        raise CaseFailure('checks.py has no differential(ns)')
    fresh_root = os.path.join(work, ns_name + '_fresh')
    os.makedirs(fresh_root)
    _write_step(case_dir, steps[-1], fresh_root, checks)
    fresh = _import(fresh_root, ns_name + '_fresh')
    a = checks.differential(live)
    b = checks.differential(fresh)
    if a != b:
        raise CaseFailure('differential: the live objects give\n  %r\nthe final version imported fresh gives\n  %r'
                          % (a, b))

def run(kind, case_dir, work, ns_name, result_path):
    message = ''
    limit = relive.reload_time_limit()
    try:
        if kind == 'reload':
            run_case(case_dir, work, ns_name, True)
        else:
            differential(case_dir, work, ns_name)
    except CaseFailure as e:
        message = str(e)
    except CaseSkipped as e:
        message = 'SKIP: ' + str(e)
    except BaseException as e:
        message = ''.join(traceback.format_exception(e))
    finally:
        relive.set_reload_time_limit(limit)  # a case may lower it
    with open(result_path, 'w', encoding='utf-8') as f:
        f.write(message)
)PY";

class tst_Reloader : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QTemporaryDir m_work;
    QString m_stderr;
    int m_cases = 0;

    static QString quoted(const QString &s) { return pythonQuoted(s); }

    // Runs `code` in the console's __main__; returns false with the output
    // of a Python error.
    bool run(const QString &code, QString *failure)
    {
        return runInMain(m_runtime, code, QStringLiteral("<tst_reloader>"), 120000, m_stderr, failure);
    }

    // Runs one case through the harness; returns the failure, or an empty string.
    QString runCase(const QString &kind, const QString &caseDir)
    {
        const QString ns = QStringLiteral("case_%1").arg(++m_cases);
        const QString result = m_work.filePath(ns + QStringLiteral(".result"));
        QString failure;
        if (!run(QStringLiteral("_relive_test.run(%1, %2, %3, %4, %5)\n")
                     .arg(quoted(kind), quoted(caseDir), quoted(m_work.path()), quoted(ns), quoted(result)),
                 &failure))
            return failure;
        QFile f(result);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("the harness wrote no result; output:\n") + m_stderr;
        return QString::fromUtf8(f.readAll());
    }

    static QString fixtures() { return QStringLiteral(RELIVE_FIXTURES "/reload"); }

    void cases()
    {
        QTest::addColumn<QString>("caseDir");
        QStringList names = QDir(fixtures()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        // Not the __pycache__ that importing casehelpers.py leaves when
        // bytecode is written (a run outside ctest).
        names.removeIf([](const QString &name) { return name.startsWith(QLatin1String("__")); });
        QVERIFY2(!names.isEmpty(), qPrintable(QStringLiteral("no cases in ") + fixtures()));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << QDir(fixtures()).filePath(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            if (s == PythonRuntime::Stream::Stderr)
                m_stderr += text;
        });
        QFile file(m_work.filePath(QStringLiteral("relive_test_harness.py")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(harness);
        file.close();
        QString failure;
        QVERIFY2(run(QStringLiteral("import importlib.util as _u\n"
                                    "_s = _u.spec_from_file_location('_relive_test', %1)\n"
                                    "_relive_test = _u.module_from_spec(_s)\n"
                                    "_s.loader.exec_module(_relive_test)\n")
                         .arg(quoted(file.fileName())),
                     &failure),
                 qPrintable(failure));
    }

    void reload_data() { cases(); }
    void reload()
    {
        QFETCH(QString, caseDir);
        const QString failure = runCase(QStringLiteral("reload"), caseDir);
        if (failure.startsWith(QLatin1String("SKIP: ")))
            QSKIP(qPrintable(failure.mid(6)));
        QVERIFY2(failure.isEmpty(), qPrintable(QFileInfo(caseDir).fileName() + QStringLiteral(": ") + failure));
    }

    // For every case: calling the live objects after the last step gives what
    // the last step gives when imported fresh.
    void differential_data() { cases(); }
    void differential()
    {
        QFETCH(QString, caseDir);
        const QString failure = runCase(QStringLiteral("differential"), caseDir);
        if (failure.startsWith(QLatin1String("SKIP: ")))
            QSKIP(qPrintable(failure.mid(6)));
        QVERIFY2(failure.isEmpty(), qPrintable(QFileInfo(caseDir).fileName() + QStringLiteral(": ") + failure));
    }
};

QTEST_GUILESS_MAIN(tst_Reloader)
#include "tst_reloader.moc"
