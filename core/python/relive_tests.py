"""Runs a project's test suite inside the live interpreter (TestRunner).

pytest when the project is configured for it, else unittest's discovery. Each
test's result is handed to `report(dict)` as soon as it is known, as plain
values (str, int, float) that C++ turns into a TestResult.

The namespaces' own modules stay imported: they are live and follow their
files, so a second run tests the reloaded code. The project's test modules and
conftest files are dropped from sys.modules before each run, so they are
collected fresh, as a new `python3 -m pytest` would.
"""

import configparser
import contextlib
import importlib.util
import os
import sys
import time
import traceback
import unittest

try:  # pytest's hook marker, where pytest is installed
    import pluggy
    _hookimpl = pluggy.HookimplMarker("pytest")
except ImportError:
    def _hookimpl(**options):
        return lambda function: function


def has_pytest():
    return importlib.util.find_spec("pytest") is not None


def has_pytest_config(root):
    """Whether `root` is configured for pytest, as pytest itself would find it."""
    if os.path.exists(os.path.join(root, "pytest.ini")) or os.path.exists(os.path.join(root, "conftest.py")):
        return True
    sections = {"setup.cfg": "tool:pytest", "tox.ini": "pytest"}
    for name, section in sections.items():
        path = os.path.join(root, name)
        if os.path.exists(path):
            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read(path, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError):
                continue
            if parser.has_section(section):
                return True
    path = os.path.join(root, "pyproject.toml")
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            if "[tool.pytest.ini_options]" in f.read():
                return True
    return os.path.exists(os.path.join(root, "tests", "conftest.py"))


def choose_framework(root):
    return "pytest" if has_pytest() and has_pytest_config(root) else "unittest"


def _inside(path, root):
    try:
        return os.path.commonpath([os.path.realpath(path), root]) == root
    except ValueError:
        return False


# The names of test modules earlier runs imported, from whichever project: a
# second project's tests/test_app.py must not be taken for the first one's.
_imported_by_runs = set()


def _project_modules(root):
    """The modules loaded from files under `root` that are not a live
    namespace's (the namespaces' modules are reloaded in place)."""
    try:
        import relive
        live = set(relive.namespaces())
    except Exception:  # outside Relive (a plain interpreter testing this file)
        live = set()
    root = os.path.realpath(root)
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] in live:
            continue
        path = getattr(module, "__file__", None)
        # Relive's own modules have resource paths (":/relive/…"), not files.
        if isinstance(path, str) and os.path.isabs(path) and _inside(path, root):
            yield name


def forget_test_modules(root):
    """Drops the test modules and conftest files earlier runs imported, and
    any other module of `root`'s files that is not a live namespace's, so the
    next run imports them fresh."""
    for name in list(_imported_by_runs) + list(_project_modules(root)):
        sys.modules.pop(name, None)
    _imported_by_runs.clear()


def remember_test_modules(root):
    """After a run: what it imported from `root`, for the next run to forget."""
    _imported_by_runs.update(_project_modules(root))


def _stream_has_descriptor(stream):
    try:
        return stream is not None and stream.fileno() >= 0
    except Exception:  # io.UnsupportedOperation, or a stream that cannot say
        return False


@contextlib.contextmanager
def _in_project(root):
    """The project folder as the working directory and first on sys.path, as
    `python3 -m pytest` run in the checkout has them, for the run only."""
    cwd = os.getcwd()
    added = root not in sys.path
    if added:
        sys.path.insert(0, root)
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(cwd)
        if added:
            with contextlib.suppress(ValueError):
                sys.path.remove(root)


# path -> (the file's bytes, what pytest's rewriting made of them)
_rewritten = {}


@contextlib.contextmanager
def _rewrite_cache():
    """pytest rewrites the asserts of every test module it imports and keeps
    the result in __pycache__ only where bytecode may be written, which
    Relive's interpreter does not do. The rewritten code of an unchanged file
    is kept in memory from one run to the next instead: the module itself is
    still executed afresh. Without the private hook, nothing is cached."""
    try:
        from _pytest.assertion import rewrite
        original = rewrite._rewrite_test
    except (ImportError, AttributeError):
        yield
        return

    def cached(fn, config):
        try:
            with open(fn, "rb") as f:
                source = f.read()
        except OSError:
            return original(fn, config)
        key = str(fn)
        hit = _rewritten.get(key)
        if hit is None or hit[0] != source:
            hit = (source, original(fn, config))
            _rewritten[key] = hit
        return hit[1]

    rewrite._rewrite_test = cached
    try:
        yield
    finally:
        rewrite._rewrite_test = original


class _PytestCollector:
    """The pytest plugin that hands each test's result to `report`, and runs
    the tests of `first` before the others."""

    def __init__(self, report, first, output):
        self.report = report
        self.first = set(first)
        self.pending = {}
        self.output = output
        self.session = None

    @_hookimpl(trylast=True)  # after the terminal plugin has made its reporter
    def pytest_configure(self, config):
        # The terminal report goes to `output` (the results are the panel's);
        # the reporter stays, as plugins and assertion messages read its options.
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if self.output is not None and reporter is not None:
            from _pytest._io import TerminalWriter
            reporter._tw = TerminalWriter(self.output)

    def pytest_sessionstart(self, session):
        self.session = session

    def pytest_collection_modifyitems(self, session, config, items):
        if self.first:
            items.sort(key=lambda item: item.nodeid not in self.first)

    def pytest_collectreport(self, report):
        if report.failed:
            self.report(_pytest_result(report.nodeid or str(report.fspath), "error", report, 0.0))

    def pytest_runtest_logreport(self, report):
        entry = self.pending.setdefault(report.nodeid, {"outcome": "passed", "report": None, "duration": 0.0})
        entry["duration"] += getattr(report, "duration", 0.0) or 0.0
        if entry["report"] is None:
            if report.when == "call":
                if hasattr(report, "wasxfail"):
                    entry["outcome"] = "xfailed" if report.skipped else "xpassed"
                elif report.failed:
                    entry["outcome"] = "failed"
                elif report.skipped:
                    entry["outcome"] = "skipped"
                if not report.passed:
                    entry["report"] = report
            elif report.failed:
                entry["outcome"] = "error"
                entry["report"] = report
            elif report.skipped:
                entry["outcome"] = "xfailed" if hasattr(report, "wasxfail") else "skipped"
                entry["report"] = report
        if report.when == "teardown":
            del self.pending[report.nodeid]
            stop = self.report(_pytest_result(report.nodeid, entry["outcome"], entry["report"] or report,
                                              entry["duration"], report.location))
            if stop and self.session is not None:
                # pytest ends the session after this test, as "interrupted".
                self.session.shouldstop = "stopped by the user"


def _pytest_result(nodeid, outcome, report, duration, location=None):
    result = {"nodeid": nodeid, "outcome": outcome, "duration": float(duration),
              "file": "", "line": 0, "message": "", "details": ""}
    if location:
        result["file"] = os.path.abspath(str(location[0]))
        result["line"] = (location[1] or 0) + 1
    longrepr = getattr(report, "longrepr", None)
    if longrepr is None or outcome in ("passed", "xpassed"):
        return result
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # a skip: (path, line, reason)
        result["file"] = os.path.abspath(str(longrepr[0]))
        result["line"] = int(longrepr[1] or 0)
        reason = str(longrepr[2])
        result["message"] = reason[len("Skipped: "):] if reason.startswith("Skipped: ") else reason
        result["details"] = reason
        return result
    result["details"] = str(getattr(report, "longreprtext", "") or longrepr)
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None:
        result["file"] = os.path.abspath(str(crash.path))
        result["line"] = int(crash.lineno)
        result["message"] = str(crash.message)
    else:
        lines = [l for l in result["details"].splitlines() if l.strip()]
        result["message"] = lines[-1].strip() if lines else ""
        if not result["file"] and "::" not in nodeid:
            result["file"] = os.path.abspath(nodeid)
    return result


def run_pytest(root, args, report, first=(), output=None):
    """Runs pytest in `root` with `args`; returns its exit status. pytest's
    own report goes to sys.stdout, or to the text stream `output`."""
    import pytest

    arguments = list(args)
    # A window's streams have no file descriptor: capture at the sys level,
    # and leave faulthandler (which needs one) out.
    if not (_stream_has_descriptor(sys.stdout) and _stream_has_descriptor(sys.stderr)):
        arguments += ["--capture=sys", "-p", "no:faulthandler"]
    collector = _PytestCollector(report, first, output)
    with _in_project(root), _rewrite_cache():
        forget_test_modules(root)
        status = pytest.main(arguments, plugins=[collector])
    return int(status)


class _UnittestResult(unittest.TestResult):
    def __init__(self, report):
        super().__init__()
        self.report = report
        self.started = 0.0

    def startTest(self, test):
        super().startTest(test)
        self.started = time.perf_counter()

    def _send(self, test, outcome, err=None, message=""):
        result = {"nodeid": test.id(), "outcome": outcome, "duration": time.perf_counter() - self.started,
                  "file": "", "line": 0, "message": message, "details": message}
        method = getattr(test, getattr(test, "_testMethodName", ""), None)
        code = getattr(method, "__code__", None)
        if code is not None:
            result["file"], result["line"] = code.co_filename, code.co_firstlineno
        if err is not None:
            kind, value, tb = err
            result["message"] = "".join(traceback.format_exception_only(kind, value)).strip()
            result["details"] = "".join(traceback.format_exception(kind, value, tb))
            frames = traceback.extract_tb(tb)
            inside = [f for f in frames if f.filename == result["file"]] or frames
            if inside:
                result["file"], result["line"] = inside[-1].filename, inside[-1].lineno
        if self.report(result):
            self.stop()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._send(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._send(test, "failed", err)

    def addError(self, test, err):
        super().addError(test, err)
        self._send(test, "error", err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._send(test, "skipped", message=reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._send(test, "xfailed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._send(test, "xpassed")


def _flatten(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from _flatten(test)
        else:
            yield test


def run_unittest(root, report, first=(), only=False):
    """Discovers and runs the unittest suite of `root`; returns 0 when all
    passed, 1 otherwise (as `python3 -m unittest`), 2 when `report` asked
    to stop."""
    with _in_project(root):
        forget_test_modules(root)
        start = os.path.join(root, "tests")
        if not os.path.isdir(start):
            start = root
        # A tests/ folder without __init__.py is imported from itself, as
        # `python3 -m unittest discover -s tests` does.
        top = root if os.path.exists(os.path.join(start, "__init__.py")) else start
        suite = unittest.TestLoader().discover(start, top_level_dir=top)
        first = set(first)
        tests = sorted(_flatten(suite), key=lambda t: t.id() not in first)
        if only:
            tests = [t for t in tests if t.id() in first]
        result = _UnittestResult(report)
        unittest.TestSuite(tests).run(result)
    if result.shouldStop:
        return 2  # stopped by the user, as pytest's "interrupted"
    return 0 if result.wasSuccessful() else 1


def run(root, framework, args, report, first=(), only=False, print_report=False):
    """Runs the suite (TestRunner): the tests `first` before the others, or
    only them. Returns (framework, exit status, the runner's own report as
    text unless it was printed)."""
    import io

    root = os.path.realpath(root)
    if framework == "auto":
        framework = choose_framework(root)
    output = None if print_report else io.StringIO()
    first = list(first)
    try:
        if framework == "pytest":
            arguments = list(args) + (first if only else [])
            status = run_pytest(root, arguments, report, first, output)
        else:
            status = run_unittest(root, report, first, only)
    finally:
        remember_test_modules(root)
    return framework, status, output.getvalue() if output is not None else ""
