#include "PythonRuntime.h"
#include "mainscript.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The randomised differential reload test: tests/fuzz/reloadfuzz.py generates
// a package from each seed, edits it step by step, and compares the live
// objects after every reload with a fresh import of the current sources (see
// that file). One row per seed. The seeds are RELIVE_FUZZ_SEEDS ("1-40",
// "7", "3,9,12-15"); without it, the fixed set CI runs. scripts/fuzz runs
// random ones.
class tst_ReloadFuzz : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QTemporaryDir m_work;
    QString m_stderr;

    static QString quoted(const QString &s) { return pythonQuoted(s); }

    // Runs `code` in the console's __main__; returns false with the output
    // of a Python error.
    bool run(const QString &code, QString *failure)
    {
        return runInMain(m_runtime, code, QStringLiteral("<tst_reloadfuzz>"), 600000, m_stderr, failure);
    }

    static QList<quint32> seeds()
    {
        const QString spec = qEnvironmentVariableIsSet("RELIVE_FUZZ_SEEDS")
                                 ? qEnvironmentVariable("RELIVE_FUZZ_SEEDS")
                                 : QStringLiteral("1-30");
        QList<quint32> out;
        for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList range = part.trimmed().split(QLatin1Char('-'));
            const quint32 first = range.first().toUInt();
            const quint32 last = range.size() > 1 ? range.last().toUInt() : first;
            for (quint32 s = first; s <= last; ++s)
                out << s;
        }
        return out;
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
        const QString script = QStringLiteral(RELIVE_FIXTURES "/../fuzz/reloadfuzz.py");
        QVERIFY2(QFile::exists(script), qPrintable(script));
        QString failure;
        QVERIFY2(run(QStringLiteral("import importlib.util as _u\n"
                                    "_s = _u.spec_from_file_location('_relive_fuzz', %1)\n"
                                    "_relive_fuzz = _u.module_from_spec(_s)\n"
                                    "_s.loader.exec_module(_relive_fuzz)\n")
                         .arg(quoted(script)),
                     &failure),
                 qPrintable(failure));
    }

    void seed_data()
    {
        QTest::addColumn<quint32>("seed");
        const QList<quint32> all = seeds();
        QVERIFY2(!all.isEmpty(), "RELIVE_FUZZ_SEEDS names no seed");
        for (quint32 s : all)
            QTest::newRow(qPrintable(QString::number(s))) << s;
    }

    // A generated package, edited and reloaded step by step, behaves after
    // each step as a fresh import of its current sources.
    void seed()
    {
        QFETCH(quint32, seed);
        const QString result = m_work.filePath(QStringLiteral("seed_%1.result").arg(seed));
        QString failure;
        QVERIFY2(run(QStringLiteral("_relive_fuzz.run_seeds([%1], %2, %3)\n")
                         .arg(seed)
                         .arg(quoted(m_work.path()), quoted(result)),
                     &failure),
                 qPrintable(failure));
        QFile f(result);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("no result; output:\n") + m_stderr));
        const QString message = QString::fromUtf8(f.readAll());
        // The whole reproduction (QTest shortens long messages).
        if (!message.isEmpty())
            qWarning().noquote() << message;
        QVERIFY2(message.isEmpty(), qPrintable(message.section(QLatin1Char('\n'), 0, 3)));
    }
};

QTEST_GUILESS_MAIN(tst_ReloadFuzz)
#include "tst_reloadfuzz.moc"
