#include "CodeManager.h"
#include "NamespaceNode.h"
#include "ReloadReport.h"
#include "PythonRuntime.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The importer's two fast paths: the token scanner that indexes a file's
// exported names (it must agree with the index built from the syntax tree),
// and the code cache (it must never serve code of another source).
class tst_Importer : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    QString m_stderr;

    // Runs `code` in the console's __main__; its asserts fail the test.
    // `timeout` only bounds a hang.
    void run(const QString &code, int timeout = 60000)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(timeout));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    bool canImport(const QString &modules)
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("import ") + modules, QStringLiteral("<test>"));
        const bool ok = finished.wait(60000) && finished.first().first().toInt() == 0;
        m_runtime.flushOutput();
        if (!ok)
            qWarning("%s", qPrintable(m_stderr));
        return ok;
    }

    static void writeIn(const QTemporaryDir &dir, const QString &relative, const QByteArray &content)
    {
        const QString file = dir.filePath(relative);
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), qint64(content.size()));
    }

    void registerDir(const QTemporaryDir &dir, const QString &name)
    {
        QString error;
        QVERIFY2(m_manager->addDirectory(dir.path(), name, &error), qPrintable(error));
    }

    static QString quoted(const QString &text) { return QLatin1Char('\'') + text + QLatin1Char('\''); }

    // A copy of the fixture tree `from` in `to`, so that tests can edit it.
    static void copyTree(const QString &from, const QString &to)
    {
        QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            if (source.contains(QLatin1String("/__pycache__/")))
                continue;
            const QString target = to + source.mid(from.size());
            QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
            QVERIFY(QFile::copy(source, target));
        }
    }

    static bool hasReport(const QSignalSpy &spy, const QString &module, const QString &text)
    {
        for (const QList<QVariant> &args : spy) {
            const ReloadReport r = args.first().value<ReloadReport>();
            if (r.module == module && r.ok() && r.summary().contains(text))
                return true;
        }
        return false;
    }

    static QString warnings(const QSignalSpy &spy)
    {
        QStringList all;
        for (const QList<QVariant> &args : spy)
            all << args.first().toString();
        return all.join(QLatin1Char('\n'));
    }

    QStringList openProject(const QString &folder)
    {
        QString error;
        const QStringList names = m_manager->addProject(folder, &error);
        [&] { QVERIFY2(!names.isEmpty(), qPrintable(error)); }();
        return names;
    }

    // Python that points the code cache at `cacheDir` and lets it write
    // (the test environment sets PYTHONDONTWRITEBYTECODE).
    static QString useCache(const QString &cacheDir)
    {
        return QStringLiteral("import sys, os, relive_codecache as cc\n"
                              "sys.dont_write_bytecode = False\n"
                              "cc.directory = %1\n")
            .arg(quoted(cacheDir));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            if (s == PythonRuntime::Stream::Stderr)
                m_stderr += text;
        });
        m_manager = new CodeManager(&m_runtime, this);
        // Loads the code cache module, so that tests can configure it.
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("m.py"), "X = 1\n");
        registerDir(dir, QStringLiteral("warmup"));
        run(QStringLiteral("import warmup\nassert warmup.X == 1\n"));
    }

    void cleanupTestCase()
    {
        delete m_manager;
    }

    // Sources whose names are easy to get wrong without a parser; `expected`
    // is what Python's own rule gives (checked against the syntax tree too).
    void scannerAgreesWithSyntaxTree_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("def class assignment")
            << QByteArray("import os\nfrom x import y as z\ndef f(): pass\nclass C:\n    inner = 1\n"
                          "    def m(self):\n        hidden = 2\nA = B = 3\n_private = 4\n")
            << QStringList{"f", "C", "A", "B"};
        QTest::newRow("if and try blocks")
            << QByteArray("if X:\n    a = 1\nelif Y:\n    b = 2\nelse:\n    c = 3\n"
                          "try:\n    import json\n    d = 4\nexcept ImportError as err:\n    e = 5\n"
                          "finally:\n    f = 6\n")
            << QStringList{"a", "b", "c", "d", "err", "e", "f"};
        QTest::newRow("__all__") << QByteArray("__all__ = ['b', 'missing']\na = 1\nb = 2\n")
                                 << QStringList{"b", "missing"};
        QTest::newRow("__all__ augmented") << QByteArray("__all__ = ['a']\n__all__ += ['b']\na = b = 1\n")
                                           << QStringList{"b"};
        QTest::newRow("__all__ in a block is not read")
            << QByteArray("if True:\n    __all__ = ['a']\na = b = 1\n") << QStringList{"a", "b"};
        QTest::newRow("star import") << QByteArray("from os.path import *\nfrom json import loads\nx = 1\n")
                                     << QStringList{"x"};
        QTest::newRow("decorators")
            << QByteArray("@decorator(arg=1)\n@other\ndef f(x=lambda: 0):\n    return x\n\n"
                          "@dataclass\nclass D:\n    field: int = 0\n")
            << QStringList{"f", "D"};
        QTest::newRow("walrus is not a binding the index counts")
            << QByteArray("if (n := 10) > 5:\n    big = True\nprint(m := 3)\n") << QStringList{"big"};
        QTest::newRow("global in a function")
            << QByteArray("def f():\n    global G\n    G = 1\n    def inner(): pass\nH = 2\n")
            << QStringList{"f", "H"};
        QTest::newRow("targets")
            << QByteArray("a, (b, [c, *d]) = 1, (2, [3, 4])\nobj.attr = 1\nitems[0] = 2\n"
                          "e: int = 5\nf: str\ng += 1\nh = i = lambda x=1, y=2: x\n(j) = 1\n")
            << QStringList{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        QTest::newRow("for while with")
            << QByteArray("for k, v in items:\n    w = 1\nelse:\n    x = 2\nwhile cond:\n    y = 3\n"
                          "with open(p) as fh, lock:\n    z = 4\nwith (a() as q, b() as r):\n    pass\n"
                          "async def coro():\n    async with x as never:\n        pass\n")
            << QStringList{"k", "v", "w", "x", "y", "fh", "z", "q", "r", "coro"};
        QTest::newRow("strings comments continuations")
            << QByteArray("s = '''\nnot_a_name = 1\n'''  # comment = 2\nt = \"x = 1\" ; u = (1,\n  2)\n"
                          "v = \\\n    3\nw = (f'{x}' r'\\'', b\"y\")\n# z = 4\n")
            << QStringList{"s", "t", "u", "v", "w"};
        QTest::newRow("inline bodies")
            << QByteArray("if x: a = 1; b = 2\nclass C: c = 3\ndef f(): d = 4\nfor i in r: e = 5\n")
            << QStringList{"a", "b", "C", "f", "i", "e"};
        QTest::newRow("nested blocks and defs in blocks")
            << QByteArray("if A:\n    if B:\n        def f():\n            g = 1\n        h = 2\n"
                          "    else:\n        class K:\n            m = 3\n")
            << QStringList{"f", "h", "K"};
        QTest::newRow("match is skipped, match as a name is not")
            << QByteArray("match command:\n    case [x]:\n        y = 1\n    case _:\n        pass\n"
                          "match = 2\n")
            << QStringList{"match"};
        QTest::newRow("tabs and CRLF") << QByteArray("if x:\r\n\ta = 1\r\ndef f():\r\n\tb = 2\r\nc = 3\r\n")
                                       << QStringList{"a", "f", "c"};
        QTest::newRow("unicode names") << QByteArray("π = 3.14\ndef grüße(): pass\n")
                                       << QStringList{QStringLiteral("π"), QStringLiteral("grüße")};
        QTest::newRow("a coding the scanner does not read")
            << QByteArray("# -*- coding: latin-1 -*-\nname = '\xe9'\n") << QStringList{"name"};
    }
    void scannerAgreesWithSyntaxTree()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("case.py"), source);
        run(QStringLiteral("import relive\n"
                           "path = %1\n"
                           "source = open(path, 'rb').read()\n"
                           "tree = relive._static_exports(source, path, full_tree=True)\n"
                           "scanned = relive._static_exports(source, path)\n"
                           "assert scanned == tree, (scanned, tree)\n"
                           "assert scanned[0] == %2, scanned\n")
                .arg(quoted(dir.filePath(QStringLiteral("case.py"))),
                     QStringLiteral("[") + (expected.isEmpty() ? QString() : quoted(expected.join(QStringLiteral("', '"))))
                         + QStringLiteral("]")));
    }

    // Every Python file of the test fixtures and the example project.
    void scannerAgreesOnFixtures_data()
    {
        QTest::addColumn<QString>("root");
        QTest::newRow("fixtures") << QStringLiteral(RELIVE_FIXTURES);
        QTest::newRow("example server") << QStringLiteral(RELIVE_EXAMPLES "/server");
    }
    void scannerAgreesOnFixtures()
    {
        QFETCH(QString, root);
        QStringList files;
        QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(!files.isEmpty());
        run(QStringLiteral("import relive\n"
                           "compared = 0\n"
                           "for path in %1:\n"
                           "    source = open(path, 'rb').read()\n"
                           "    try:\n"
                           "        tree = relive._static_exports(source, path, full_tree=True)\n"
                           "    except (SyntaxError, ValueError):\n"
                           "        continue  # broken on purpose: nothing to agree on\n"
                           "    scanned = relive._static_exports(source, path)\n"
                           "    assert scanned == tree, (path, scanned, tree)\n"
                           "    compared += 1\n"
                           "assert compared > 0\n")
                .arg(QStringLiteral("[") + quoted(files.join(QStringLiteral("', '"))) + QStringLiteral("]")));
    }

    // The names of an imported file come from the scanner; they are those
    // the old syntax-tree index gave (exports win over file modules).
    void importedNames()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("pkg/main.py"),
                "import os\n\n@staticmethod\ndef main():\n    return 1\n\nif True:\n    FLAG = 1\n_x = 2\n");
        registerDir(dir, QStringLiteral("scanned"));
        run(QStringLiteral("import scanned.pkg as pkg, relive\n"
                           "assert pkg.main is not None and not hasattr(pkg, 'os') and not hasattr(pkg, '_x')\n"
                           "assert sorted(pkg.__all__) == ['FLAG', 'main'], pkg.__all__\n"));
    }

    // A cache file is used when it was written for this very source: a
    // forged one (another code object under this source's hash) is what
    // the import runs.
    void cacheIsUsed()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "VALUE = 'from source'\n");
        run(useCache(cache.path())
            + QStringLiteral("path = %1\n"
                             "source = open(path, 'rb').read()\n"
                             "cc.store(cc.cache_file(path), source, compile(\"VALUE = 'from cache'\", path, 'exec'))\n")
                  .arg(quoted(dir.filePath(QStringLiteral("m.py")))));
        registerDir(dir, QStringLiteral("cacheused"));
        run(QStringLiteral("import cacheused\nassert cacheused.VALUE == 'from cache', cacheused.VALUE\n"));
    }

    void cacheWrittenOnImport()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "def f():\n    return 42\n");
        run(useCache(cache.path()));
        registerDir(dir, QStringLiteral("cachewritten"));
        run(QStringLiteral("import cachewritten, relive_codecache as cc, marshal\n"
                           "assert cachewritten.f() == 42\n"
                           "path = %1\n"
                           "data = open(cc.cache_file(path), 'rb').read()\n"
                           "code = cc.load(cc.cache_file(path), open(path, 'rb').read())\n"
                           "assert code is not None and code.co_filename == path, code\n")
                .arg(quoted(dir.filePath(QStringLiteral("m.py")))));
    }

    // A source changed to one of the same size with the same modification
    // time is still compiled again: the cache checks the source's hash.
    void staleCodeNeverServed()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "VALUE = 1\n");
        const QString file = dir.filePath(QStringLiteral("m.py"));
        run(useCache(cache.path())
            + QStringLiteral("path = %1\n"
                             "code = cc.compile_file(path, open(path, 'rb').read())\n"
                             "assert os.path.exists(cc.cache_file(path))\n"
                             "stat = os.stat(path)\n"
                             "open(path, 'wb').write(b'VALUE = 2\\n')\n"
                             "os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))\n"
                             "assert os.stat(path).st_size == stat.st_size\n"
                             "assert os.stat(path).st_mtime_ns == stat.st_mtime_ns\n")
                  .arg(quoted(file)));
        registerDir(dir, QStringLiteral("cachestale"));
        run(QStringLiteral("import cachestale\nassert cachestale.VALUE == 2, cachestale.VALUE\n"));
    }

    void corruptCacheIgnored_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << QStringLiteral("data[:20]");
        QTest::newRow("garbage after a valid header") << QStringLiteral("data[:16] + b'\\x00garbage'");
        QTest::newRow("wrong magic") << QStringLiteral("b'XXXX' + data[4:]");
        QTest::newRow("not code") << QStringLiteral("data[:16] + marshal.dumps([1, 2])");
        QTest::newRow("empty") << QStringLiteral("b''");
    }
    void corruptCacheIgnored()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "VALUE = 'fine'\n");
        const QString name = QStringLiteral("corrupt_%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        run(useCache(cache.path())
            + QStringLiteral("import marshal\n"
                             "path = %1\n"
                             "cc.compile_file(path, open(path, 'rb').read())\n"
                             "data = open(cc.cache_file(path), 'rb').read()\n"
                             "open(cc.cache_file(path), 'wb').write(%2)\n")
                  .arg(quoted(dir.filePath(QStringLiteral("m.py"))), damage));
        registerDir(dir, name);
        run(QStringLiteral("import %1, relive_codecache as cc\n"
                           "assert %1.VALUE == 'fine'\n"
                           "path = %2\n"
                           "assert cc.load(cc.cache_file(path), open(path, 'rb').read()) is not None, 'rewritten'\n")
                .arg(name, quoted(dir.filePath(QStringLiteral("m.py")))));
    }

    // A cache directory that cannot be created or written costs only the
    // compile from source.
    void unwritableCacheDirectory()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "VALUE = 'fine'\n");
        // A regular file where a directory would be: no one can write below it.
        writeIn(cache, QStringLiteral("file"), "x");
        run(useCache(cache.filePath(QStringLiteral("file/relive"))));
        registerDir(dir, QStringLiteral("cacheunwritable"));
        run(QStringLiteral("import cacheunwritable, relive_codecache as cc\n"
                           "assert cacheunwritable.VALUE == 'fine'\n"
                           "assert not os.path.exists(cc.cache_file(%1))\n")
                .arg(quoted(dir.filePath(QStringLiteral("m.py")))));
        QCOMPARE(QDir(cache.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{"file"});
    }

    // Python's PYTHONDONTWRITEBYTECODE (sys.dont_write_bytecode) holds for
    // the code cache too.
    void dontWriteBytecodeRespected()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "VALUE = 'fine'\n");
        run(useCache(cache.path()) + QStringLiteral("sys.dont_write_bytecode = True\n"));
        registerDir(dir, QStringLiteral("cachedontwrite"));
        run(QStringLiteral("import cachedontwrite, sys\n"
                           "assert cachedontwrite.VALUE == 'fine'\n"
                           "sys.dont_write_bytecode = False\n"));
        QCOMPARE(QDir(cache.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    // The applied source the reloader starts from is the text Python
    // decodes (BOM dropped, universal newlines), so a reload of a CRLF file
    // changes only what changed.
    void crlfFileWithBomReloads()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("m.py"),
                "\xEF\xBB\xBF" "COUNT = []\r\nCOUNT.append(1)\r\n\r\ndef f():\r\n    return 1\r\n");
        const QString file = dir.filePath(QStringLiteral("m.py"));
        registerDir(dir, QStringLiteral("crlfbom"));
        run(QStringLiteral("import crlfbom\nassert crlfbom.f() == 1 and crlfbom.COUNT == [1]\n"));
        writeIn(dir, QStringLiteral("m.py"),
                "\xEF\xBB\xBF" "COUNT = []\r\nCOUNT.append(1)\r\n\r\ndef f():\r\n    return 2\r\n");
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(file);
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY2(report.ok(), qPrintable(report.error));
        // Unchanged statements did not run again: COUNT kept its value.
        run(QStringLiteral("assert crlfbom.f() == 2 and crlfbom.COUNT == [1], crlfbom.COUNT\n"));
    }

    // The cache's Python is a real file compiled into the library: a
    // traceback through it shows its lines, also when linecache has no entry
    // for it (it was loaded before linecache was imported).
    void codeCacheTracebacksShowLines()
    {
        run(QStringLiteral("import linecache, traceback, inspect, relive_codecache as cc\n"
                           "linecache.cache.pop(cc.__file__, None)\n"
                           "try:\n"
                           "    cc.load(None, b'')\n"
                           "except TypeError:\n"
                           "    text = traceback.format_exc()\n"
                           "assert 'with open(cache, \"rb\") as f:' in text, text\n"
                           "assert inspect.getsource(cc.load).startswith('def load(cache, source):')\n"));
    }

    // A file whose cached code is used still reloads: the reloader gets
    // the applied source, not only the code.
    void cachedFileReloads()
    {
        QTemporaryDir dir, cache;
        writeIn(dir, QStringLiteral("m.py"), "class C:\n    def get(self):\n        return 1\n");
        const QString file = dir.filePath(QStringLiteral("m.py"));
        run(useCache(cache.path())
            + QStringLiteral("path = %1\ncc.compile_file(path, open(path, 'rb').read())\n").arg(quoted(file)));
        registerDir(dir, QStringLiteral("cachereload"));
        run(QStringLiteral("import cachereload\nobj = cachereload.C()\nassert obj.get() == 1\n"));
        writeIn(dir, QStringLiteral("m.py"), "class C:\n    def get(self):\n        return 2\n");
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(file);
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY2(report.ok(), qPrintable(report.error));
        run(QStringLiteral("assert obj.get() == 2\n"));
    }

    // A folder with an __init__.py is a regular package: its namespace is
    // its __init__'s names plus the submodules imported, as Python has it.
    // Two submodules binding one name are no conflict, and a submodule's
    // names are not the package's.
    void regularPackageIsWhatPythonMakesOfIt()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("regpkg/__init__.py"),
                "from . import first\nfrom .second import helper\nX = 1\n");
        writeIn(dir, QStringLiteral("regpkg/first.py"), "bp = 'first'\n");
        writeIn(dir, QStringLiteral("regpkg/second.py"), "from .first import bp as first_bp\nbp = 'second'\n"
                                                         "def helper():\n    return first_bp\n");
        writeIn(dir, QStringLiteral("regpkg/third.py"), "bp = 'third'\n");
        QSignalSpy warning(m_manager, &CodeManager::warning);
        QCOMPARE(openProject(dir.path()), QStringList{"regpkg"});
        run(QStringLiteral("import sys, os, regpkg\n"
                           "assert regpkg.X == 1\n"
                           "assert regpkg.first.bp == 'first' and regpkg.second.bp == 'second'\n"
                           "assert regpkg.helper() == 'first'\n"
                           "assert not hasattr(regpkg, 'bp'), 'a submodule name is not the package\\'s'\n"
                           "assert not hasattr(regpkg, 'third') and 'regpkg.third' not in sys.modules\n"
                           "assert regpkg.__file__ == os.path.join(%1, 'regpkg', '__init__.py'), regpkg.__file__\n"
                           "assert list(regpkg.__path__) == [os.path.join(%1, 'regpkg')], regpkg.__path__\n"
                           "assert type(regpkg) is type(sys), type(regpkg)\n"
                           "import regpkg.third\n"
                           "assert regpkg.third.bp == 'third'\n"
                           "assert %1 in sys.path\n")
                .arg(quoted(dir.path())));
        QVERIFY2(!warnings(warning).contains(QLatin1String("defined by both")), qPrintable(warnings(warning)));
    }

    // A package's files, __init__.py included, reload in place like any
    // namespace file: functions keep their identity and run the new code.
    void regularPackageReloadsInPlace()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("pkgreload/__init__.py"), "from .util import shout\n"
                                                              "def version():\n    return 1\n");
        writeIn(dir, QStringLiteral("pkgreload/util.py"), "class Greeter:\n    def greet(self):\n        return 'hi'\n"
                                                          "def shout(text):\n    return text\n");
        openProject(dir.path());
        run(QStringLiteral("import pkgreload\n"
                           "version = pkgreload.version\n"
                           "shout = pkgreload.shout\n"
                           "greeter = pkgreload.util.Greeter()\n"
                           "assert version() == 1 and shout('a') == 'a' and greeter.greet() == 'hi'\n"));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("pkgreload/util.py"), "class Greeter:\n    def greet(self):\n        return 'hello'\n"
                                                          "def shout(text):\n    return text.upper()\n");
        m_manager->reloadFile(dir.filePath(QStringLiteral("pkgreload/util.py")));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("pkgreload.util"), QStringLiteral("code replaced")),
                                 30000);
        writeIn(dir, QStringLiteral("pkgreload/__init__.py"), "from .util import shout\n"
                                                              "def version():\n    return 2\nADDED = True\n");
        m_manager->reloadFile(dir.filePath(QStringLiteral("pkgreload/__init__.py")));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("pkgreload"), QStringLiteral("code replaced")),
                                 30000);
        run(QStringLiteral("assert version() == 2 and version is pkgreload.version\n"
                           "assert shout('a') == 'A' and greeter.greet() == 'hello'\n"
                           "assert pkgreload.ADDED and pkgreload.util.Greeter is type(greeter)\n"));
    }

    // The namespace view shows both kinds: a package with its submodules
    // (each with its names) and its __init__'s names; a merged folder with
    // its files' names.
    void snapshotShowsBothKinds()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("snappkg/__init__.py"), "X = 1\n");
        writeIn(dir, QStringLiteral("snappkg/views.py"), "bp = 'views'\n");
        writeIn(dir, QStringLiteral("snappkg/merged/helpers.py"), "def helper():\n    pass\n");
        openProject(dir.path());
        QSignalSpy ready(m_manager, &CodeManager::snapshotReady);
        m_manager->requestSnapshot();
        QVERIFY(ready.wait(30000));
        const QList<NamespaceNode> roots = ready.first().first().value<QList<NamespaceNode>>();
        const auto child = [](const NamespaceNode &parent, const QString &name) {
            for (const NamespaceNode &c : parent.children) {
                if (c.name == name)
                    return c;
            }
            return NamespaceNode();
        };
        NamespaceNode package;
        for (const NamespaceNode &root : roots) {
            if (root.name == QLatin1String("snappkg"))
                package = root;
        }
        QVERIFY(package.package);
        QCOMPARE(package.kind, NamespaceNode::Kind::Namespace);
        QCOMPARE(child(package, QStringLiteral("X")).qualifiedName, QStringLiteral("snappkg.X"));
        QVERIFY(child(package, QStringLiteral("bp")).name.isEmpty());
        const NamespaceNode views = child(package, QStringLiteral("views"));
        QCOMPARE(views.kind, NamespaceNode::Kind::Module);
        QCOMPARE(child(views, QStringLiteral("bp")).qualifiedName, QStringLiteral("snappkg.views.bp"));
        const NamespaceNode merged = child(package, QStringLiteral("merged"));
        QCOMPARE(merged.kind, NamespaceNode::Kind::Namespace);
        QVERIFY(!merged.package);
        QCOMPARE(child(merged, QStringLiteral("helper")).qualifiedName, QStringLiteral("snappkg.merged.helper"));
    }

    // A folder that gains its __init__.py while running becomes a regular
    // package, and one that loses it a merged folder again; the submodules
    // already loaded stay the same modules.
    void folderChangesKind()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("sub/first.py"), "A = 'first'\n");
        writeIn(dir, QStringLiteral("sub/second.py"), "B = 'second'\n");
        registerDir(dir, QStringLiteral("kind_ns"));
        run(QStringLiteral("import sys, kind_ns.sub\nfirst = sys.modules['kind_ns.sub.first']\n"
                           "assert kind_ns.sub.A == 'first' and kind_ns.sub.B == 'second'\n"));
        QSignalSpy warning(m_manager, &CodeManager::warning);
        writeIn(dir, QStringLiteral("sub/__init__.py"), "C = 'init'\n");
        run(QStringLiteral("import relive\nrelive.rescan(%1)\n").arg(quoted(dir.path())));
        QTRY_VERIFY_WITH_TIMEOUT(warnings(warning).contains(QLatin1String("is a regular package")), 10000);
        run(QStringLiteral("sub = sys.modules['kind_ns.sub']\n"
                           "assert sub.C == 'init' and not hasattr(sub, 'A'), dir(sub)\n"
                           "assert sub.first is first and sub.first.A == 'first'\n"
                           "assert kind_ns.sub is sub\n"));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("sub/__init__.py"))));
        run(QStringLiteral("relive.rescan(%1)\n").arg(quoted(dir.path())));
        QTRY_VERIFY_WITH_TIMEOUT(warnings(warning).contains(QLatin1String("merges its files' names")), 10000);
        run(QStringLiteral("sub = sys.modules['kind_ns.sub']\n"
                           "assert sub.A == 'first' and sub.B == 'second' and not hasattr(sub, 'C')\n"));
    }

    // A src layout: the packages in src/ under their own names, the root's
    // top-level modules importable as `python3 -m pytest` in it has them.
    void srcLayoutProject()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("setup.cfg"), "[metadata]\nname = srclayout_pkg\n");
        writeIn(dir, QStringLiteral("src/srclayout_pkg/__init__.py"), "from .core import value\n");
        writeIn(dir, QStringLiteral("src/srclayout_pkg/core.py"), "def value():\n    return 1\n");
        writeIn(dir, QStringLiteral("srclayout_tool.py"), "from srclayout_pkg import value\nTOOL = value()\n");
        writeIn(dir, QStringLiteral("tests/test_core.py"), "def test_value():\n    pass\n");
        QCOMPARE(openProject(dir.path()), QStringList{"srclayout_pkg"});
        run(QStringLiteral("import os, srclayout_pkg, srclayout_tool\n"
                           "assert srclayout_tool.TOOL == 1\n"
                           "assert srclayout_pkg.__file__ == os.path.join(%1, 'src', 'srclayout_pkg', '__init__.py')\n")
                .arg(quoted(dir.path())));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("src/srclayout_pkg/core.py"), "def value():\n    return 2\n");
        m_manager->reloadFile(dir.filePath(QStringLiteral("src/srclayout_pkg/core.py")));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("srclayout_pkg.core"), QStringLiteral("value")),
                                 30000);
        run(QStringLiteral("assert srclayout_pkg.value() == 2\n"));
    }

    // The project's own package wins over a copy installed on the system:
    // the copy is set aside (forgotten if imported) and the log names it.
    void installedCopySetAside()
    {
        QTemporaryDir site, project;
        writeIn(site, QStringLiteral("setaside_pkg/__init__.py"), "WHERE = 'installed'\n");
        writeIn(site, QStringLiteral("setaside_pkg/part.py"), "WHERE = 'installed part'\n");
        writeIn(project, QStringLiteral("pyproject.toml"), "[project]\nname = 'setaside_pkg'\n");
        writeIn(project, QStringLiteral("setaside_pkg/__init__.py"), "WHERE = 'project'\n");
        writeIn(project, QStringLiteral("setaside_pkg/part.py"), "WHERE = 'project part'\n");
        run(QStringLiteral("import sys\nsys.path.append(%1)\nimport setaside_pkg.part\n"
                           "assert setaside_pkg.WHERE == 'installed'\n").arg(quoted(site.path())));
        QSignalSpy warning(m_manager, &CodeManager::warning);
        QCOMPARE(openProject(project.path()), QStringList{"setaside_pkg"});
        QTRY_VERIFY_WITH_TIMEOUT(warnings(warning).contains(QLatin1String("set aside")), 10000);
        QVERIFY2(warnings(warning).contains(site.filePath(QStringLiteral("setaside_pkg/__init__.py"))),
                 qPrintable(warnings(warning)));
        run(QStringLiteral("import setaside_pkg.part\n"
                           "assert setaside_pkg.WHERE == 'project' and setaside_pkg.part.WHERE == 'project part'\n"
                           "sys.path.remove(%1)\n").arg(quoted(site.path())));
    }

    // A standard-library module is never shadowed, not even by a project's
    // own package: that package is refused with a clear message, the others
    // are mapped.
    void standardLibraryNeverShadowed()
    {
        QTemporaryDir project;
        writeIn(project, QStringLiteral("json/__init__.py"), "MINE = True\n");
        writeIn(project, QStringLiteral("stdlibsibling/__init__.py"), "X = 1\n");
        QSignalSpy warning(m_manager, &CodeManager::warning);
        QCOMPARE(openProject(project.path()), QStringList{"stdlibsibling"});
        QTRY_VERIFY_WITH_TIMEOUT(warnings(warning).contains(QLatin1String("standard-library module json")), 10000);
        run(QStringLiteral("import json, stdlibsibling\nassert not hasattr(json, 'MINE') and json.dumps(1) == '1'\n"
                           "assert stdlibsibling.X == 1\n"));

        QTemporaryDir only;
        writeIn(only, QStringLiteral("json/__init__.py"), "MINE = True\n");
        QString error;
        QVERIFY(m_manager->addProject(only.path(), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("standard-library module json")), qPrintable(error));
    }

    // A real web application, opened as a project: the package under its own
    // name, its factory, its two blueprints both named `bp`, requests through
    // the test client, and a save of a module-level helper reaching the next
    // request.
    void flaskProject()
    {
        if (!canImport(QStringLiteral("flask")))
            QSKIP("Flask is not installed for this Python");
        QTemporaryDir dir;
        copyTree(QStringLiteral(RELIVE_FIXTURES "/projects/flaskr"), dir.path());
        QSignalSpy warning(m_manager, &CodeManager::warning);
        QCOMPARE(openProject(dir.path()), QStringList{"flaskr"});
        run(QStringLiteral(
                "import os, tempfile, flaskr\n"
                "from flaskr.db import get_db, init_db\n"
                "db_fd, db_path = tempfile.mkstemp()\n"
                "app = flaskr.create_app({'TESTING': True, 'DATABASE': db_path})\n"
                "with app.app_context():\n"
                "    init_db()\n"
                "    get_db().executescript(open(os.path.join(%1, 'tests', 'data.sql')).read())\n"
                "client = app.test_client()\n"
                "assert client.get('/hello').data == b'Hello, World!'\n"
                "page = client.get('/').data\n"
                "assert b'test title' in page and b'TEST TITLE' not in page, page\n"
                "assert client.post('/create').headers['Location'] == '/auth/login'\n"
                "assert flaskr.auth.bp.name == 'auth' and flaskr.blog.bp.name == 'blog'\n"
                "assert not hasattr(flaskr, 'bp')\n")
                .arg(quoted(dir.path())));
        QVERIFY2(!warnings(warning).contains(QLatin1String("defined by both")), qPrintable(warnings(warning)));

        const QString blog = dir.filePath(QStringLiteral("flaskr/blog.py"));
        QFile file(blog);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray source = file.readAll();
        file.close();
        const QByteArray before = "    return title\n";
        QVERIFY(source.contains(before));
        source.replace(before, "    return title.upper()\n");
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("flaskr/blog.py"), source);
        m_manager->reloadFile(blog);
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("flaskr.blog"), QStringLiteral("heading")), 30000);
        run(QStringLiteral("page = client.get('/').data\n"
                           "assert b'TEST TITLE' in page, page\n"
                           "os.close(db_fd)\nos.unlink(db_path)\n"));
    }

    // The project's own pytest suite passes inside the live interpreter, with
    // the count plain `python3 -m pytest` gives.
    void flaskProjectTestSuite()
    {
        if (!canImport(QStringLiteral("flask, pytest")))
            QSKIP("Flask or pytest is not installed for this Python");
        QTemporaryDir dir;
        copyTree(QStringLiteral(RELIVE_FIXTURES "/projects/flaskr"), dir.path());
        // Its own name: the package of flaskProject() is registered already.
        QVERIFY(QDir(dir.path()).rename(QStringLiteral("flaskr"), QStringLiteral("flaskr_suite")));
        for (const QString &relative : {QStringLiteral("tests/conftest.py"), QStringLiteral("tests/test_factory.py"),
                                        QStringLiteral("tests/test_db.py"), QStringLiteral("tests/test_auth.py"),
                                        QStringLiteral("tests/test_blog.py")}) {
            QFile file(dir.filePath(relative));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray text = file.readAll();
            file.close();
            writeIn(dir, relative, text.replace("flaskr", "flaskr_suite"));
        }
        QCOMPARE(openProject(dir.path()), QStringList{"flaskr_suite"});
        run(QStringLiteral("import os, pytest\n"
                           "class Count:\n"
                           "    passed = failed = 0\n"
                           "    def pytest_runtest_logreport(self, report):\n"
                           "        if report.when == 'call' and report.passed:\n"
                           "            Count.passed += 1\n"
                           "        elif report.failed:\n"
                           "            Count.failed += 1\n"
                           "status = pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'no:faulthandler',\n"
                           "                      '--rootdir', %1, os.path.join(%1, 'tests')], plugins=[Count()])\n"
                           "assert status == 0 and Count.failed == 0, (status, Count.failed)\n"
                           "assert Count.passed == 24, Count.passed\n")
                .arg(quoted(dir.path())),
            120000);
    }
};

QTEST_GUILESS_MAIN(tst_Importer)
#include "tst_importer.moc"
