#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// `relive-run DIR --pytest [ARGS]`: the project's suite in relive-run's
// interpreter, with pytest's own report and exit status, the same as
// `python3 -m pytest ARGS` run in DIR.
class tst_ReliveRunPytest : public QObject
{
    Q_OBJECT

    static QString project() { return QStringLiteral(RELIVE_FIXTURES "/tests-project"); }
    static QString flaskr() { return QStringLiteral(RELIVE_FIXTURES "/projects/flaskr"); }

    struct Outcome
    {
        int status = -1;
        QString summary;  // "2 failed, 4 passed, 1 skipped"
        QString output;
    };

    static Outcome finish(QProcess &p)
    {
        Outcome o;
        if (!p.waitForFinished(120000))
            return o;
        o.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        o.output = QString::fromUtf8(p.readAllStandardOutput());
        const QRegularExpression line(QStringLiteral("^=*\\s*(\\d+ \\w+(, \\d+ \\w+)*) in [\\d.]+s"),
                                      QRegularExpression::MultilineOption);
        o.summary = line.match(o.output).captured(1);
        return o;
    }

    static bool hasPytest(const QString &alsoImport = QStringLiteral("pytest"))
    {
        QProcess p;
        p.start(QStringLiteral(RELIVE_PYTHON_EXECUTABLE),
                {QStringLiteral("-c"), QStringLiteral("import pytest, %1").arg(alsoImport)});
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

private Q_SLOTS:
    void sameAsPlainPytest_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("options");  // relive-run's own
        QTest::addColumn<QStringList>("arguments");
        const QStringList named{QStringLiteral("-n"), QStringLiteral("pytestproject")};
        QTest::newRow("whole suite") << project() << named << QStringList{QStringLiteral("-q")};
        QTest::newRow("one file") << project() << named
                                  << QStringList{QStringLiteral("-q"), QStringLiteral("tests/test_unit.py")};
        QTest::newRow("selected by name") << project() << named
                                          << QStringList{QStringLiteral("-q"), QStringLiteral("-k"),
                                                         QStringLiteral("div")};
        // A Flask application's own suite, the folder opened as a project.
        QTest::newRow("flaskr") << flaskr() << QStringList() << QStringList{QStringLiteral("-q")};
    }
    void sameAsPlainPytest()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, options);
        QFETCH(QStringList, arguments);
        if (!hasPytest(folder == flaskr() ? QStringLiteral("flask") : QStringLiteral("pytest")))
            QSKIP("the interpreter has no pytest (python3-pytest) or no flask (python3-flask)");
        QVERIFY2(QFileInfo::exists(folder), qPrintable(folder));
        const QStringList noCache{QStringLiteral("-p"), QStringLiteral("no:cacheprovider")};

        QProcess plain;
        plain.setWorkingDirectory(folder);
        plain.start(QStringLiteral(RELIVE_PYTHON_EXECUTABLE),
                    QStringList{QStringLiteral("-m"), QStringLiteral("pytest")} + arguments + noCache);
        const Outcome expected = finish(plain);
        QVERIFY2(!expected.summary.isEmpty(), qPrintable(expected.output));

        QProcess relive;
        relive.start(QStringLiteral(RELIVE_RUN),
                     QStringList{folder} + options + QStringList{QStringLiteral("--pytest")} + arguments + noCache);
        const Outcome live = finish(relive);
        QCOMPARE(live.summary, expected.summary);
        QCOMPARE(live.status, expected.status);
    }

    void usageErrorStatus()
    {
        if (!hasPytest())
            QSKIP("the interpreter has no pytest (python3-pytest)");
        QProcess relive;
        relive.start(QStringLiteral(RELIVE_RUN), {project(), QStringLiteral("-n"), QStringLiteral("pytestproject"),
                                                  QStringLiteral("--pytest"), QStringLiteral("--no-such-option")});
        QCOMPARE(finish(relive).status, 4);
    }
};

QTEST_GUILESS_MAIN(tst_ReliveRunPytest)
#include "tst_reliverunpytest.moc"
