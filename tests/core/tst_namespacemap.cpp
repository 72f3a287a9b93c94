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
        QTest::newRow("init file") << "objects/__init__.py" << "applib.objects.__init__";
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
