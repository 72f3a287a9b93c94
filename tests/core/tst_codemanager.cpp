#include "CodeManager.h"
#include "PythonRuntime.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// CodeManager with the real interpreter: registration, imports through the
// namespace finder, the live view, and reloads from a save and from the watcher.
class tst_CodeManager : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    QTemporaryDir m_dir;
    QString m_stderr;

    // Runs `code` in the console's __main__; its asserts fail the test.
    // `timeout` only bounds a hang.
    void run(const QString &code, int timeout = 30000)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(timeout));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    void write(const QString &relative, const QByteArray &content)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // Per-test fixtures: a tree of its own, registered under a name of its own.
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

    // A report of `module` among those the spy caught whose summary contains `text`.
    static bool hasReport(const QSignalSpy &spy, const QString &module, const QString &text)
    {
        for (const QList<QVariant> &args : spy) {
            const ReloadReport r = args.first().value<ReloadReport>();
            if (r.module == module && r.summary().contains(text))
                return true;
        }
        return false;
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
        write(QStringLiteral("services/networking.py"),
              "COUNT = 0\n\nclass NetworkService:\n    def handle(self, m):\n        global COUNT\n"
              "        COUNT += 1\n        return 'old ' + m\n");
        write(QStringLiteral("objects/session.py"), "import os\n\nclass Session:\n    pass\n\n_hidden = 1\n");
        write(QStringLiteral("main.py"), "from applib.services import NetworkService\n\ndef run():\n    return 1\n");
        QVERIFY2(m_manager->addDirectory(m_dir.path(), QStringLiteral("applib"), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        delete m_manager;
    }

    void refused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("shadows json") << "json" << "shadow";
        QTest::newRow("not an identifier") << "my-app" << "not a valid namespace name";
        QTest::newRow("already used") << "applib" << "already registered";
    }
    void refused()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QTemporaryDir other;
        QString error;
        QVERIFY(!m_manager->addDirectory(other.path(), name, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void namespaces()
    {
        QCOMPARE(m_manager->namespaces(), QStringList{QStringLiteral("applib")});
        QVERIFY(m_manager->ownsFile(path(QStringLiteral("services/networking.py"))));
        QVERIFY(!m_manager->ownsFile(QStringLiteral("/etc/passwd")));
        QCOMPARE(CodeManager::proposeNamespaceName(QStringLiteral("/home/me/my-app")), QStringLiteral("my_app"));
        QCOMPARE(CodeManager::proposeNamespaceName(QStringLiteral("/x/3d")), QStringLiteral("_3d"));
    }

    void importsAndLiveView()
    {
        run(QStringLiteral(
            "from applib.services import NetworkService\n"
            "import applib, applib.services.networking as networking, relive\n"
            "assert networking.__file__ == %1, networking.__file__\n"
            "assert NetworkService.__module__ == 'applib.services.networking'\n"
            "assert applib.objects.Session.__name__ == 'Session'\n"
            "assert not hasattr(applib.objects, 'os'), 'imported names are not exported'\n"
            "assert not hasattr(applib.objects, '_hidden'), 'private names are not exported'\n"
            "assert applib.run() == 1\n"
            "s = NetworkService()\n"
            "s.handle('a'); s.handle('b')\n"
            "assert applib.services.COUNT == 2, applib.services.COUNT\n"
            "applib.services.COUNT = 10\n"
            "assert networking.COUNT == 10, 'assignment reaches the defining file'\n"
            "assert relive.namespaces() == {'applib': %2}\n")
                .arg(QLatin1Char('\'') + path(QStringLiteral("services/networking.py")) + QLatin1Char('\''),
                     QLatin1Char('\'') + QDir::cleanPath(m_dir.path()) + QLatin1Char('\'')));
    }

    void saveAppliesInPlace()
    {
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        write(QStringLiteral("services/networking.py"),
              "COUNT = 0\n\nclass NetworkService:\n    def handle(self, m):\n        global COUNT\n"
              "        COUNT += 1\n        return 'new ' + m\n");
        m_manager->reloadFile(path(QStringLiteral("services/networking.py")));
        QVERIFY(reloaded.wait(30000));
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.module, QStringLiteral("applib.services.networking"));
        QVERIFY2(report.summary().contains(QLatin1String("NetworkService.handle: code replaced")),
                 qPrintable(report.summary()));
        // The instance made before the save runs the new code; the counter,
        // whose statement did not change, kept its value.
        run(QStringLiteral("assert s.handle('x') == 'new x'\nassert applib.services.COUNT == 11\n"
                           "assert type(s) is NetworkService\n"));
        QCOMPARE(m_manager->lastReports().size(), 1);
    }

    void syntaxErrorChangesNothing()
    {
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        write(QStringLiteral("services/networking.py"),
              "COUNT = 0\n\nclass NetworkService:\n    def handle(self, m:\n        return 'broken'\n");
        m_manager->reloadFile(path(QStringLiteral("services/networking.py")));
        QVERIFY(reloaded.wait(30000));
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY(!report.ok());
        QCOMPARE(report.errorLine, 4);
        QVERIFY2(report.error.contains(QLatin1String("SyntaxError")), qPrintable(report.error));
        run(QStringLiteral("assert s.handle('y') == 'new y'\n"));
    }

    void watcherAppliesOtherProgramsEdits()
    {
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        write(QStringLiteral("services/networking.py"),
              "COUNT = 0\n\nclass NetworkService:\n    def handle(self, m):\n        return 'watched ' + m\n");
        QVERIFY(reloaded.wait(30000));
        QVERIFY(reloaded.first().first().value<ReloadReport>().ok());
        run(QStringLiteral("assert s.handle('z') == 'watched z'\n"));
    }

    void fileAddedAndRemovedWhileRunning()
    {
        QSignalSpy changed(m_manager, &CodeManager::namespaceChanged);
        write(QStringLiteral("services/extra.py"), "def helper():\n    return 'help'\n");
        QVERIFY(changed.wait(30000));
        run(QStringLiteral("assert applib.services.helper() == 'help'\n"));
        changed.clear();
        QVERIFY(QFile::remove(path(QStringLiteral("services/extra.py"))));
        QVERIFY(changed.wait(30000));
        run(QStringLiteral("assert not hasattr(applib.services, 'helper')\n"));
    }

    void conflictIsReported()
    {
        // In the report of the file that does not get the name (the IDE's
        // reload log), which does not claim the name was added.
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        write(QStringLiteral("objects/other.py"), "class Session:\n    pass\n");
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 10000);
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QCOMPARE(report.module, QStringLiteral("applib.objects.other"));
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY2(report.warnings.first().contains(QLatin1String("applib.objects.Session")), qPrintable(report.warnings.first()));
        QVERIFY2(!report.summary().contains(QLatin1String("Session: added")), qPrintable(report.summary()));
        // The first file keeps the name.
        run(QStringLiteral("assert applib.objects.Session.__module__ == 'applib.objects.session'\n"));
    }


    void exportWinsOverItsFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("main.py defining main()") << "main.py";
        QTest::newRow("a deep file named like its function") << "objects/deep/inner/thing.py";
    }
    void exportWinsOverItsFile()
    {
        // A file is not a name of its directory's namespace: on import, after
        // a reload and after a rescan, the name is the function; the module is
        // in sys.modules.
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString stem = QFileInfo(file).completeBaseName();
        const QString ns = QStringLiteral("exports_") + QString::number(QTest::currentDataTag()[0] == 'm');
        writeIn(dir, file, "def " + stem.toUtf8() + "():\n    return 'called'\n");
        registerDir(dir, ns);
        QString directory = ns;
        if (file.contains(QLatin1Char('/')))
            directory += QLatin1Char('.') + QFileInfo(file).path().replace(QLatin1Char('/'), QLatin1Char('.'));
        const QString module = directory + QLatin1Char('.') + stem;
        run(QStringLiteral("import importlib, sys, types\n"
                           "import %1\n"
                           "from %2 import %3 as f\n"
                           "assert f() == 'called', f\n"
                           "assert %2.%3() == 'called'\n"
                           "m = importlib.import_module('%1')\n"
                           "assert isinstance(m, types.ModuleType) and m is sys.modules['%1'], m\n"
                           "assert m.%3() == 'called', 'the file keeps its own function'\n")
                .arg(module, directory, stem));

        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, file, "def " + stem.toUtf8() + "():\n    return 'reloaded'\n");
        m_manager->reloadFile(dir.filePath(file));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, module, QStringLiteral("code replaced")), 10000);
        run(QStringLiteral("assert %1.%2() == 'reloaded'\n"
                           "import relive\nrelive.rescan(%3)\n"
                           "assert %1.%2() == 'reloaded'\n")
                .arg(directory, stem, quoted(dir.path())));
    }

    void fileAddedWhileRunningNamedLikeItsExport()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("services/base.py"), "X = 1\n");
        registerDir(dir, QStringLiteral("added_ns"));
        run(QStringLiteral("import added_ns.services\n"));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("services/extra.py"), "def extra():\n    return 'extra'\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("added_ns.services.extra"),
                                           QStringLiteral("extra: added")), 10000);
        run(QStringLiteral("assert added_ns.services.extra() == 'extra', added_ns.services.extra\n"));
    }

    void directoryImportedBeforeTheWatcherSawIt()
    {
        // Created and imported in one command, before any watcher event: it
        // is a namespace of ours, and a file added to it later shows its names.
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("base.py"), "X = 1\n");
        registerDir(dir, QStringLiteral("early_ns"));
        run(QStringLiteral("import os, early_ns\n"
                           "os.mkdir(%1)\n"
                           "with open(%2, 'w') as f:\n"
                           "    f.write('A = 1\\n')\n"
                           "import early_ns.newdir\n"
                           "assert type(early_ns.newdir).__name__ == 'NamespaceModule', type(early_ns.newdir)\n"
                           "assert early_ns.newdir.A == 1\n")
                .arg(quoted(dir.filePath(QStringLiteral("newdir"))),
                     quoted(dir.filePath(QStringLiteral("newdir/first.py")))));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("newdir/mod.py"), "V = 2\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("early_ns.newdir.mod"), QStringLiteral("V: added")),
                                 10000);
        run(QStringLiteral("assert early_ns.newdir.V == 2\n"));
    }

    void fileDeletedAndRestored()
    {
        // A checkout round trip: the names leave with the file and come back with it.
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("a.py"), "X = 1\n");
        writeIn(dir, QStringLiteral("b.py"), "Y = 2\n");
        registerDir(dir, QStringLiteral("restored_ns"));
        run(QStringLiteral("import restored_ns\nassert restored_ns.X == 1\n"));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("a.py"))));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("restored_ns.a"), QStringLiteral("X: removed")),
                                 10000);
        run(QStringLiteral("assert not hasattr(restored_ns, 'X')\n"));
        writeIn(dir, QStringLiteral("a.py"), "X = 1\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("restored_ns.a"), QStringLiteral("X: added")),
                                 10000);
        run(QStringLiteral("import restored_ns.a, sys\n"
                           "assert restored_ns.X == 1 and sys.modules['restored_ns.a'].X == 1\n"));
    }

    void conflictOfAnAddedFileIsInItsReport()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("services/first.py"), "class NetworkService:\n    pass\n");
        registerDir(dir, QStringLiteral("conflict_ns"));
        run(QStringLiteral("import conflict_ns.services\n"));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        QSignalSpy warning(m_manager, &CodeManager::warning);
        writeIn(dir, QStringLiteral("services/second.py"), "class NetworkService:\n    pass\n\nOTHER = 1\n");
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("conflict_ns.services.second"),
                                           QStringLiteral("OTHER: added")), 10000);
        ReloadReport report;
        for (const QList<QVariant> &args : reloaded) {
            if (args.first().value<ReloadReport>().module == QLatin1String("conflict_ns.services.second"))
                report = args.first().value<ReloadReport>();
        }
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY2(report.warnings.first().contains(QLatin1String("conflict_ns.services.NetworkService")),
                 qPrintable(report.warnings.first()));
        QVERIFY2(!report.summary().contains(QLatin1String("NetworkService: added")), qPrintable(report.summary()));
        QVERIFY(warning.isEmpty());  // once, in the report
        run(QStringLiteral("assert conflict_ns.services.NetworkService.__module__ == 'conflict_ns.services.first'\n"
                           "assert conflict_ns.services.OTHER == 1\n"));
    }

    void oddFileNames()
    {
        // A keyword is a file name, not a name of the namespace: its exports
        // are there; a dotted name is skipped with a warning. (An __init__.py
        // makes its folder a regular package: tst_importer.)
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("pkg/class.py"), "K = 1\n");
        writeIn(dir, QStringLiteral("pkg/other.py"), "I = 2\n");
        writeIn(dir, QStringLiteral("pkg/v.2.py"), "D = 3\n");
        QSignalSpy warning(m_manager, &CodeManager::warning);
        registerDir(dir, QStringLiteral("odd_ns"));
        QTRY_VERIFY_WITH_TIMEOUT(!warning.isEmpty(), 10000);
        QVERIFY2(warning.first().first().toString().contains(QLatin1String("v.2.py")),
                 qPrintable(warning.first().first().toString()));
        run(QStringLiteral("import odd_ns.pkg\n"
                           "assert odd_ns.pkg.K == 1 and odd_ns.pkg.I == 2\n"
                           "assert not hasattr(odd_ns.pkg, 'D')\n"));
    }


    void caseOnlyRename()
    {
        // Session.py renamed to session.py: another module, the same names,
        // and the class keeps its identity (existing instances stay instances).
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("Session.py"), "class Session:\n    pass\n");
        registerDir(dir, QStringLiteral("rename_ns"));
        run(QStringLiteral("import rename_ns\nold_session = rename_ns.Session()\n"));
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("Session.py")), dir.filePath(QStringLiteral("session.py"))));
        QTRY_VERIFY_WITH_TIMEOUT(hasReport(reloaded, QStringLiteral("rename_ns.session"), QStringLiteral("Session")),
                                 10000);
        run(QStringLiteral("import sys\n"
                           "assert rename_ns.Session.__module__ == 'rename_ns.session', rename_ns.Session.__module__\n"
                           "assert isinstance(old_session, rename_ns.Session)\n"
                           "assert 'rename_ns.Session' not in sys.modules\n"));
    }

    void snapshotSurvivesAFailingRepr()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("values.py"),
                "class Bad:\n    def __repr__(self):\n        raise RuntimeError('no repr here')\n\n"
                "BAD = Bad()\nGOOD = 41\n");
        registerDir(dir, QStringLiteral("repr_ns"));
        run(QStringLiteral("import repr_ns\n"));
        for (int round = 0; round < 2; ++round) {  // and the next update still comes
            QSignalSpy ready(m_manager, &CodeManager::snapshotReady);
            m_manager->requestSnapshot();
            QVERIFY(ready.wait(10000));
            QHash<QString, QString> summaries;
            for (const NamespaceNode &root : ready.first().first().value<QList<NamespaceNode>>()) {
                if (root.name != QLatin1String("repr_ns"))
                    continue;
                for (const NamespaceNode &child : root.children)
                    summaries.insert(child.name, child.summary);
            }
            QCOMPARE(summaries.value(QStringLiteral("GOOD")), QStringLiteral("41"));
            QVERIFY2(summaries.value(QStringLiteral("BAD")).contains(QLatin1String("no repr here")),
                     qPrintable(summaries.value(QStringLiteral("BAD"))));
        }
    }

    void tenThousandFilesInOneDirectory()
    {
        QTemporaryDir dir;
        constexpr int Files = 10000;
        for (int i = 0; i < Files; ++i)
            writeIn(dir, QStringLiteral("many/f%1.py").arg(i), QStringLiteral("V%1 = %1\n").arg(i).toUtf8());
        registerDir(dir, QStringLiteral("many_ns"));
        QElapsedTimer timer;
        timer.start();
        run(QStringLiteral("import many_ns.many\n"
                           "assert many_ns.many.V9999 == 9999 and many_ns.many.V0 == 0\n"
                           "assert len([n for n in dir(many_ns.many) if n.startswith('V')]) == %1\n")
                .arg(Files),
            300000);
        qInfo("importing %d files of one directory took %lld ms", Files, timer.elapsed());
    }

    void reliveModule()
    {
        // The Python API: reload(path) from the calling thread, even when the
        // content was applied before; on_reload callbacks; last_reports().
        run(QStringLiteral(
            "import relive\n"
            "seen = []\n"
            "@relive.on_reload\n"
            "def hook(report):\n"
            "    seen.append(report['module'])\n"
            "r = relive.reload(%1)\n"
            "assert r['error'] is None, r\n"
            "assert r['file'] == %1 and r['module'] == 'applib.services.networking', r\n"
            "assert isinstance(r['ms'], float) and r['ms'] >= 0 and isinstance(r['actions'], list), r\n"
            "assert seen == ['applib.services.networking'], seen\n"
            "assert relive.last_reports()[-1]['file'] == %1\n"
            "try:\n"
            "    relive.reload('/etc/hostname')\n"
            "except ValueError:\n"
            "    pass\n"
            "else:\n"
            "    raise AssertionError('a file outside the namespaces is refused')\n"
            "try:\n"
            "    relive.add_directory('/nonexistent', 'nowhere')\n"
            "except ValueError as e:\n"
            "    assert 'not a directory' in str(e), e\n")
                .arg(QLatin1Char('\'') + path(QStringLiteral("services/networking.py")) + QLatin1Char('\'')));
    }

    void snapshot()
    {
        QSignalSpy ready(m_manager, &CodeManager::snapshotReady);
        m_manager->requestSnapshot();
        QVERIFY(ready.wait(30000));
        const auto roots = ready.first().first().value<QList<NamespaceNode>>();
        const auto applib = std::find_if(roots.begin(), roots.end(),
                                         [](const NamespaceNode &n) { return n.name == QLatin1String("applib"); });
        QVERIFY(applib != roots.end());
        const NamespaceNode &root = *applib;
        QCOMPARE(root.qualifiedName, QStringLiteral("applib"));
        QStringList names;
        for (const NamespaceNode &child : root.children)
            names << child.name;
        QVERIFY2(names.contains(QLatin1String("services")) && names.contains(QLatin1String("run")),
                 qPrintable(names.join(QLatin1Char(','))));
        for (const NamespaceNode &child : root.children) {
            if (child.name != QLatin1String("services"))
                continue;
            const auto service = std::find_if(child.children.begin(), child.children.end(),
                                              [](const NamespaceNode &n) { return n.name == QLatin1String("NetworkService"); });
            QVERIFY(service != child.children.end());
            QCOMPARE(service->kind, NamespaceNode::Kind::Class);
            QCOMPARE(service->line, 3);
            QCOMPARE(service->children.size(), 1);
            QCOMPARE(service->children.first().name, QStringLiteral("handle"));
        }
        QSignalSpy counted(m_manager, &CodeManager::instanceCount);
        m_manager->requestInstanceCount(QStringLiteral("applib.services.NetworkService"));
        QVERIFY(counted.wait(30000));
        QCOMPARE(counted.first().at(1).toInt(), 1);
    }

    void unimportedFileIsCheckedOnSave_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("line");
        QTest::newRow("syntax error") << QByteArray("x = 1\n\ndef broken(:\n    pass\n") << "SyntaxError" << 3;
        QTest::newRow("valid") << QByteArray("def fine():\n    return 1\n") << QString() << 0;
        // Compiling cannot see an error that only executing would raise; and
        // a check never executes the file (no side effect happens).
        QTest::newRow("raises when run") << QByteArray("open(__file__ + '.ran', 'w').close()\n1 / 0\n")
                                         << QString() << 0;
    }
    void unimportedFileIsCheckedOnSave()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString name = QStringLiteral("checked_%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')).remove(QLatin1Char('.'));
        QString message;
        QVERIFY2(m_manager->addDirectory(dir.path(), name, &message), qPrintable(message));
        const QString file = dir.filePath(QStringLiteral("networking.py"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();

        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(file);
        QVERIFY(reloaded.wait(5000));
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QCOMPARE(report.kind, ReloadReport::Kind::Check);
        QCOMPARE(report.file, file);
        QCOMPARE(report.error.section(QLatin1Char(':'), 0, 0), error);
        QCOMPARE(report.errorLine, line);
        QVERIFY2(report.summary().contains(QLatin1String("checked, not loaded yet")), qPrintable(report.summary()));
        QVERIFY(!QFile::exists(file + QStringLiteral(".ran")));
        // Still not imported: checking loads nothing. Python sees the kind too.
        run(QStringLiteral("import sys, relive\nassert '%1.networking' not in sys.modules\n"
                           "assert relive.last_reports()[-1]['kind'] == 'check'\n").arg(name));
    }

    void instancesAreCountedWithoutWalkingTheHeap()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shapes.py"));
        auto writeShapes = [&](const QByteArray &area) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("import collections, enum\n\n"
                    "class Shape:\n    def area(self):\n        return " + area + "\n\n"
                    "class Square(Shape):\n    pass\n\n"
                    "class Slotted:\n    __slots__ = ('x',)\n\n"
                    "class Color(enum.Enum):\n    RED = 1\n\n"
                    "Point = collections.namedtuple('Point', 'x y')\n");
        };
        writeShapes("1");
        QString message;
        QVERIFY2(m_manager->addDirectory(dir.path(), QStringLiteral("counted"), &message), qPrintable(message));
        run(QStringLiteral("import pickle\nfrom counted import Shape, Square, Slotted, Point\n"
                           "a, b, sq, sl = Shape(), Shape(), Square(), Slotted()\n"
                           "copy = pickle.loads(pickle.dumps(a))\nassert type(copy) is Shape\n"
                           "p = Point(1, 2)\n"));
        auto counts = [&]() {
            QSignalSpy ready(m_manager, &CodeManager::instanceCountsReady);
            m_manager->requestInstanceCounts();
            return ready.wait(5000) ? ready.first().first().value<QHash<QString, int>>() : QHash<QString, int>();
        };
        QHash<QString, int> found = counts();
        // Instances of a subclass are instances of the class, as isinstance says.
        QCOMPARE(found.value(QStringLiteral("counted.Shape")), 4);
        QCOMPARE(found.value(QStringLiteral("counted.Square")), 1);
        QCOMPARE(found.value(QStringLiteral("counted.Slotted")), 1);
        QCOMPARE(found.value(QStringLiteral("counted.Color")), int(NamespaceNode::Uncounted));
        QCOMPARE(found.value(QStringLiteral("counted.Point")), int(NamespaceNode::Uncounted));

        // A reload keeps the classes and so their counts; freed instances leave them.
        writeShapes("2");
        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        m_manager->reloadFile(file);
        QVERIFY(reloaded.wait(5000));
        QVERIFY2(reloaded.first().first().value<ReloadReport>().ok(), qPrintable(reloaded.first().first().value<ReloadReport>().error));
        run(QStringLiteral("assert a.area() == 2\ndel b, copy\nc = Square()\n"));
        found = counts();
        QCOMPARE(found.value(QStringLiteral("counted.Shape")), 3);
        QCOMPARE(found.value(QStringLiteral("counted.Square")), 2);
        QSignalSpy counted(m_manager, &CodeManager::instanceCount);
        m_manager->requestInstanceCount(QStringLiteral("counted.Square"));
        QVERIFY(counted.wait(5000));
        QCOMPARE(counted.first().at(1).toInt(), 2);
        run(QStringLiteral("del a, sq, sl, c\n"));
    }
    // Restart Interpreter: the namespaces' modules and those of a project's
    // folder are imported afresh from disk, and a save then reloads the new
    // module in place.
    void restartRunsTheFilesAfresh()
    {
        QTemporaryDir dir;
        writeIn(dir, QStringLiteral("counter.py"),
                "COUNT = 0\n\ndef bump():\n    global COUNT\n    COUNT += 1\n    return COUNT\n\n"
                "def answer():\n    return 'old'\n");
        registerDir(dir, QStringLiteral("restarted"));
        QTemporaryDir project;
        writeIn(project, QStringLiteral("restartpkg/__init__.py"), "LOADS = []\n");
        writeIn(project, QStringLiteral("toplevel_after_restart.py"),
                "import restartpkg\nrestartpkg.LOADS.append('top')\n");
        QString error;
        QCOMPARE(m_manager->addProject(project.path(), &error), QStringList{QStringLiteral("restartpkg")});
        run(QStringLiteral("import restarted.counter as c, toplevel_after_restart, restartpkg\n"
                           "c.bump(); c.bump()\nassert c.COUNT == 2\n"
                           "assert restartpkg.LOADS == ['top'], restartpkg.LOADS\n"
                           "restartpkg.LOADS.append('state')\n"));

        QSignalSpy ready(&m_runtime, &PythonRuntime::consoleReady);
        QSignalSpy changed(m_manager, &CodeManager::namespaceChanged);
        m_runtime.restartConsole();
        QVERIFY(ready.wait(10000));
        run(QStringLiteral("import sys\n"
                           "assert 'restarted.counter' not in sys.modules\n"
                           "assert 'toplevel_after_restart' not in sys.modules\n"
                           "assert 'restartpkg' not in sys.modules\n"
                           "import restarted.counter as c, toplevel_after_restart, restartpkg\n"
                           "assert c.COUNT == 0, c.COUNT\n"
                           "assert restartpkg.LOADS == ['top'], restartpkg.LOADS\n"
                           "answer = c.answer\nassert c.bump() == 1\n"));
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            return args.first().toString() == QLatin1String("restarted");
        }));

        QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
        writeIn(dir, QStringLiteral("counter.py"),
                "COUNT = 0\n\ndef bump():\n    global COUNT\n    COUNT += 1\n    return COUNT\n\n"
                "def answer():\n    return 'new'\n");
        m_manager->reloadFile(dir.filePath(QStringLiteral("counter.py")));
        QVERIFY(reloaded.wait(30000));
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.module, QStringLiteral("restarted.counter"));
        run(QStringLiteral("assert answer() == 'new', answer()\nassert c.COUNT == 1, c.COUNT\n"
                           "import restarted\nassert restarted.answer is answer\n"));
    }
};

QTEST_GUILESS_MAIN(tst_CodeManager)
#include "tst_codemanager.moc"
