#include "NamespaceMap.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_NamespaceMap : public QObject
{
    Q_OBJECT

private:
    static void touch(const QString &path)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("X = 1\n");
    }

private Q_SLOTS:
    void moduleNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("module");
        QTest::newRow("root file") << "main.py" << "applib.main";
        QTest::newRow("seed: networking") << "services/networking.py" << "applib.services.networking";
        QTest::newRow("seed: session") << "objects/session.py" << "applib.objects.session";
        QTest::newRow("deep") << "a/b/c/deep.py" << "applib.a.b.c.deep";
        QTest::newRow("init file: the package itself") << "objects/__init__.py" << "applib.objects";
        QTest::newRow("root init file") << "__init__.py" << "applib";
        QTest::newRow("not python") << "services/readme.txt" << "";
        QTest::newRow("non-identifier dir") << "my-dir/x.py" << "";
        QTest::newRow("pycache") << "__pycache__/x.py" << "";
        QTest::newRow("hidden dir") << ".git/x.py" << "";
    }
    void moduleNames()
    {
        QFETCH(QString, file);
        QFETCH(QString, module);
        QTemporaryDir dir;
        touch(dir.filePath(file));
        const NamespaceMap map = NamespaceMap::scan(dir.path(), QStringLiteral("applib"));
        QCOMPARE(map.moduleNameOf(dir.filePath(file)), module);
    }

    void directories()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("services/networking.py")));
        touch(dir.filePath(QStringLiteral("objects/session.py")));
        touch(dir.filePath(QStringLiteral("main.py")));
        const NamespaceMap map = NamespaceMap::scan(dir.path(), QStringLiteral("applib"));
        QStringList names;
        for (const auto &d : map.directories())
            names << d.dottedName;
        QCOMPARE(names, QStringList({"applib", "applib.objects", "applib.services"}));
        QCOMPARE(map.directory(QStringLiteral("applib.services"))->files,
                 QStringList{dir.filePath(QStringLiteral("services/networking.py"))});
        QVERIFY(map.warnings().isEmpty());
    }

    // A folder with an __init__.py is a regular package, one without a
    // merged folder; the two kinds nest either way.
    void twoKindsOfFolder()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("merged/a.py")));
        touch(dir.filePath(QStringLiteral("merged/pkg/__init__.py")));
        touch(dir.filePath(QStringLiteral("merged/pkg/b.py")));
        touch(dir.filePath(QStringLiteral("merged/pkg/plain/c.py")));
        const NamespaceMap map = NamespaceMap::scan(dir.filePath(QStringLiteral("merged")), QStringLiteral("applib"));
        QVERIFY(!map.directory(QStringLiteral("applib"))->isPackage());
        const NamespaceMap::Directory *pkg = map.directory(QStringLiteral("applib.pkg"));
        QVERIFY(pkg && pkg->isPackage());
        QCOMPARE(pkg->initFile, dir.filePath(QStringLiteral("merged/pkg/__init__.py")));
        QCOMPARE(pkg->files, QStringList{dir.filePath(QStringLiteral("merged/pkg/b.py"))});
        QVERIFY(!map.directory(QStringLiteral("applib.pkg.plain"))->isPackage());
        QStringList modules;
        for (const auto &[module, path] : map.modules())
            modules << module;
        modules.sort();
        QCOMPARE(modules, QStringList({"applib.a", "applib.pkg", "applib.pkg.b", "applib.pkg.plain.c"}));
    }

    // A folder opened as a project: its top-level packages under their own
    // names, from src/ in a src layout; its tests are pytest's to import.
    void projectLayout_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("packages");
        QTest::addColumn<QStringList>("markers");
        QTest::addColumn<bool>("srcLayout");
        QTest::newRow("flat layout")
            << QStringList{"pyproject.toml", "flaskr/__init__.py", "flaskr/db.py", "tests/conftest.py",
                           "tests/test_db.py", "docs/conf.py"}
            << QStringList{"flaskr"} << QStringList{"pyproject.toml"} << false;
        QTest::newRow("src layout")
            << QStringList{"setup.cfg", "setup.py", "src/lib_a/__init__.py", "src/lib_b/__init__.py",
                           "tests/__init__.py", "tests/test_a.py"}
            << QStringList{"lib_a", "lib_b"} << QStringList{"setup.cfg", "setup.py"} << true;
        QTest::newRow("no marker, a package") << QStringList{"app/__init__.py", "run.py"} << QStringList{"app"}
                                              << QStringList{} << false;
        QTest::newRow("merged folder only") << QStringList{"pyproject.toml", "main.py", "services/networking.py"}
                                            << QStringList{} << QStringList{"pyproject.toml"} << false;
        QTest::newRow("not an identifier") << QStringList{"my-pkg/__init__.py", "good/__init__.py"}
                                           << QStringList{"good"} << QStringList{} << false;
    }
    void projectLayout()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, packages);
        QFETCH(QStringList, markers);
        QFETCH(bool, srcLayout);
        QTemporaryDir dir;
        for (const QString &file : files)
            touch(dir.filePath(file));
        const NamespaceMap::Project project = NamespaceMap::project(dir.path());
        QStringList names;
        for (const NamespaceMap::Project::Package &package : project.packages) {
            names << package.name;
            QVERIFY(package.path.startsWith(dir.path() + (srcLayout ? QStringLiteral("/src/") : QStringLiteral("/"))));
        }
        QCOMPARE(names, packages);
        QCOMPARE(project.markers, markers);
        QCOMPARE(project.srcLayout, srcLayout);
        QCOMPARE(project.isProject(), !packages.isEmpty());
    }

    void projectThatIsAPackage()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("flaskr/__init__.py")));
        touch(dir.filePath(QStringLiteral("flaskr/sub/__init__.py")));
        const NamespaceMap::Project project = NamespaceMap::project(dir.filePath(QStringLiteral("flaskr")));
        QCOMPARE(project.packages.size(), 1);
        QCOMPARE(project.packages.first().name, QStringLiteral("flaskr"));
        QCOMPARE(project.packages.first().path, dir.filePath(QStringLiteral("flaskr")));
    }

    void skippedWithWarning_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("warning");
        QTest::newRow("non-identifier") << "my-dir/x.py" << "not a Python identifier";
        QTest::newRow("keyword") << "class/x.py" << "not a Python identifier";
        QTest::newRow("hidden") << ".hidden/x.py" << "hidden directory";
        QTest::newRow("file and dir clash") << "services.py" << "also maps to";
        QTest::newRow("dot in a file name") << "services.v2.py" << "cannot contain a dot";
    }
    void skippedWithWarning()
    {
        QFETCH(QString, file);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        touch(dir.filePath(file));
        touch(dir.filePath(QStringLiteral("services/networking.py")));
        const NamespaceMap map = NamespaceMap::scan(dir.path(), QStringLiteral("applib"));
        QCOMPARE(map.warnings().size(), 1);
        QVERIFY2(map.warnings().first().contains(warning), qPrintable(map.warnings().first()));
        QVERIFY(map.moduleNameOf(dir.filePath(file)).isEmpty());
    }

    void symlinkLoop()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("a/x.py")));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("a/loop"))));
        const NamespaceMap map = NamespaceMap::scan(dir.path(), QStringLiteral("applib"));
        QCOMPARE(map.directories().size(), 2);
        QCOMPARE(map.warnings().size(), 1);
        QVERIFY(map.warnings().first().contains(QLatin1String("loop")));
    }

    void identifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "applib" << true;
        QTest::newRow("underscore") << "_x1" << true;
        QTest::newRow("digit first") << "1abc" << false;
        QTest::newRow("dash") << "my-app" << false;
        QTest::newRow("keyword") << "import" << false;
        QTest::newRow("empty") << "" << false;
    }
    void identifiers()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(NamespaceMap::isIdentifier(name), valid);
    }
};

QTEST_GUILESS_MAIN(tst_NamespaceMap)
#include "tst_namespacemap.moc"
