#include "PythonRuntime.h"
#include "PythonVersion.h"
#include "VirtualEnvironment.h"

#include "mainscript.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// A project's virtual environment: pyvenv.cfg as venv, virtualenv and uv
// write it, the folders a project keeps it in, and its packages importable in
// the embedded interpreter before the system's, taken back on request.
class tst_VirtualEnvironment : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stderr;

    static bool write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }
    // A venv at `folder` for Python `version` (its lib/pythonX.Y folder named
    // after `libVersion`), with `config` as its pyvenv.cfg.
    static QString makeVenv(const QString &folder, const QByteArray &config, const QString &libVersion)
    {
        write(folder + QStringLiteral("/pyvenv.cfg"), config);
        const QString site = folder + QStringLiteral("/lib/python%1/site-packages").arg(libVersion);
        QDir().mkpath(site);
        return site;
    }
    static QString minor(const QString &version) { return version.section(QLatin1Char('.'), 0, 1); }

    // Runs `code` in __main__; a failure is shown unless `expectFailure`.
    bool run(const QString &code, bool expectFailure = false)
    {
        QString failure;
        const bool ok = runInMain(m_runtime, code, QStringLiteral("<test>"), 20000, m_stderr, &failure);
        if (!ok && !expectFailure)
            qWarning("%s", qPrintable(failure));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream stream) {
            if (stream == PythonRuntime::Stream::Stderr)
                m_stderr += text;
        });
    }

    void readsTheVersion_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("libVersion");
        QTest::addColumn<QString>("version");
        QTest::newRow("venv") << QByteArray("home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.1\n")
                              << "3.12" << "3.12.1";
        QTest::newRow("virtualenv") << QByteArray("home = /usr/bin\nimplementation = CPython\nversion_info = 3.13.0.final.0\nvirtualenv = 20.25.0\n")
                                    << "3.13" << "3.13.0.final.0";
        QTest::newRow("uv") << QByteArray("home = /usr/bin\nimplementation = CPython\nuv = 0.5.0\nversion_info = 3.11.2\n")
                            << "3.11" << "3.11.2";
        QTest::newRow("no version: the lib folder tells") << QByteArray("home = /usr/bin\n") << "3.14" << "3.14";
    }
    void readsTheVersion()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, libVersion);
        QFETCH(QString, version);
        QTemporaryDir dir;
        const QString site = makeVenv(dir.filePath(QStringLiteral(".venv")), config, libVersion);
        const VirtualEnvironment venv = VirtualEnvironment::read(dir.filePath(QStringLiteral(".venv")));
        QVERIFY(venv.isValid());
        QCOMPARE(venv.version, version);
        QCOMPARE(venv.minorVersion(), libVersion);
        QCOMPARE(venv.sitePackages, QStringList{site});
        QVERIFY(venv.fits(libVersion + QStringLiteral(".7")));
        QVERIFY(!venv.fits(QStringLiteral("3.10.4")));
    }

    void notAVenv()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!VirtualEnvironment::read(dir.path(), &error).isValid());
        QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())) && error.contains(QStringLiteral("pyvenv.cfg")),
                 qPrintable(error));
    }

    void mismatchNamesBothVersions()
    {
        QTemporaryDir dir;
        makeVenv(dir.path(), "version = 3.12.1\n", QStringLiteral("3.12"));
        const VirtualEnvironment venv = VirtualEnvironment::read(dir.path());
        QVERIFY(venv.mismatch(QStringLiteral("3.12.4")).isEmpty());
        const QString message = venv.mismatch(QStringLiteral("3.11.2"));
        QVERIFY2(message.contains(QStringLiteral("3.12.1")) && message.contains(QStringLiteral("3.11.2"))
                     && message.contains(QDir::toNativeSeparators(dir.path())),
                 qPrintable(message));
    }

    void findsTheProjectsVenv_data()
    {
        QTest::addColumn<QStringList>("venvs");   // folders below the temporary root holding a pyvenv.cfg
        QTest::addColumn<QString>("project");     // the folder opened
        QTest::addColumn<QString>("found");       // empty: none
        QTest::newRow(".venv") << QStringList{"app/.venv"} << "app" << "app/.venv";
        QTest::newRow("venv") << QStringList{"app/venv"} << "app" << "app/venv";
        QTest::newRow(".venv before venv") << QStringList{"app/venv", "app/.venv"} << "app" << "app/.venv";
        QTest::newRow("another name") << QStringList{"app/py311"} << "app" << "app/py311";
        QTest::newRow("in the parent") << QStringList{".venv"} << "app" << ".venv";
        QTest::newRow("the project's own first") << QStringList{".venv", "app/env"} << "app" << "app/env";
        QTest::newRow("another project's venv beside it") << QStringList{"oldtool"} << "app" << "";
        QTest::newRow("none") << QStringList{} << "app" << "";
    }
    void findsTheProjectsVenv()
    {
        QFETCH(QStringList, venvs);
        QFETCH(QString, project);
        QFETCH(QString, found);
        QTemporaryDir dir;
        QDir root(dir.path());
        root.mkpath(project);
        root.mkpath(QStringLiteral("app/src/pkg"));   // a plain folder is no venv
        for (const QString &venv : venvs)
            QVERIFY(write(root.filePath(venv + QStringLiteral("/pyvenv.cfg")), "version = 3.11.2\n"));
        const QString expected = found.isEmpty() ? QString() : QFileInfo(root.filePath(found)).absoluteFilePath();
        QCOMPARE(VirtualEnvironment::find(root.filePath(project)), expected);
    }

    // Its packages import, before the system's; .pth files are read; taking
    // it back restores sys.path, sys.prefix and $VIRTUAL_ENV.
    void packagesImportFirst()
    {
        QTemporaryDir dir;
        const QString prefix = dir.filePath(QStringLiteral(".venv"));
        const QString version = pythonVersion();
        const QString site = makeVenv(prefix, "version = " + version.toUtf8() + "\n", minor(version));
        QVERIFY(write(site + QStringLiteral("/venv_only_pkg/__init__.py"), "WHERE = 'venv'\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("extra/venv_extra_mod.py")), "VALUE = 7\n"));
        QVERIFY(write(site + QStringLiteral("/extra.pth"), dir.filePath(QStringLiteral("extra")).toUtf8() + "\n"));
        const VirtualEnvironment venv = VirtualEnvironment::read(prefix);
        QVERIFY(venv.fits(version));

        QVERIFY(run(QStringLiteral("import sys, os\n_before = (list(sys.path), sys.prefix, os.environ.get('VIRTUAL_ENV'))\n")));
        QVERIFY(!run(QStringLiteral("import venv_only_pkg"), true));
        useVirtualEnvironment(&m_runtime, venv);
        QVERIFY(run(QStringLiteral(
            "import venv_only_pkg, venv_extra_mod, site\n"
            "assert venv_only_pkg.WHERE == 'venv' and venv_extra_mod.VALUE == 7\n"
            "_site = %1\n"
            "_system = [i for i, p in enumerate(sys.path) if p in site.getsitepackages() or p.endswith('-packages')]\n"
            "assert sys.path.index(_site) == _system[0], (sys.path, _site)\n"
            "assert sys.prefix == %2 and os.environ['VIRTUAL_ENV'] == %2, sys.prefix\n")
                        .arg(pythonQuoted(site), pythonQuoted(prefix))));

        useVirtualEnvironment(&m_runtime, VirtualEnvironment());
        QVERIFY(run(QStringLiteral(
            "assert (list(sys.path), sys.prefix, os.environ.get('VIRTUAL_ENV')) == _before, sys.path\n")));
    }
};

QTEST_GUILESS_MAIN(tst_VirtualEnvironment)
#include "tst_virtualenvironment.moc"
