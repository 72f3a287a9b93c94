#include "CodeManager.h"
#include "EditorIntelligence.h"
#include "PythonRuntime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// EditorIntelligence with the real interpreter, jedi and pyflakes: the corpus
// in fixtures/intel/corpus.json over the bundled example (mapped as applib)
// and a generated namespace of 100 files (gen), plus diagnostics and the
// supersede and busy-console behaviour.
class tst_EditorIntelligence : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    EditorIntelligence *m_intelligence = nullptr;
    QTemporaryDir m_generated;
    QString m_stderr;

    static QString exampleRoot() { return QDir::cleanPath(QStringLiteral(RELIVE_EXAMPLES "/server")); }
    QString genRoot() const { return m_generated.filePath(QStringLiteral("gen")); }
    QString treeRoot(const QString &tree) const { return tree == QLatin1String("gen") ? genRoot() : exampleRoot(); }

    void run(const QString &code)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(20000));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    // 10 directories of 10 files; the line numbers are the corpus's.
    void generateNamespace()
    {
        for (int dir = 0; dir < 10; ++dir) {
            QDir().mkpath(genRoot() + QStringLiteral("/d%1").arg(dir));
            for (int file = 0; file < 10; ++file) {
                QFile f(genRoot() + QStringLiteral("/d%1/f%2.py").arg(dir).arg(file));
                QVERIFY(f.open(QIODevice::WriteOnly));
                const QString id = QStringLiteral("%1_%2").arg(dir).arg(file);
                f.write(QStringLiteral("\"\"\"Generated file %1 of the test namespace.\"\"\"\n"
                                       "import os\n\n"
                                       "CONSTANT_%1 = %2\n\n\n"
                                       "class Class_%1:\n"
                                       "    def method_%1(self):\n"
                                       "        return CONSTANT_%1 + len(os.sep)\n\n\n"
                                       "def function_%1(x):\n"
                                       "    return Class_%1()\n")
                            .arg(id).arg(dir * 100 + file).toUtf8());
            }
        }
    }

    static QJsonArray corpus()
    {
        QFile f(QStringLiteral(RELIVE_FIXTURES "/intel/corpus.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
    }

    // Splits a buffer with ‸ at the cursor into text, 1-based line, 0-based column.
    static void cursorOf(const QString &marked, QString *text, int *line, int *column)
    {
        const int at = marked.indexOf(QChar(0x2038));
        *text = marked;
        text->remove(at, 1);
        const QString before = marked.left(at);
        *line = before.count(QLatin1Char('\n')) + 1;
        *column = at - (before.lastIndexOf(QLatin1Char('\n')) + 1);
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
        QVERIFY2(m_manager->addDirectory(exampleRoot(), QStringLiteral("applib"), &error), qPrintable(error));
        generateNamespace();
        QVERIFY2(m_manager->addDirectory(genRoot(), QStringLiteral("gen"), &error), qPrintable(error));
        m_intelligence = new EditorIntelligence(&m_runtime, this);
        connect(m_intelligence, &EditorIntelligence::requestFailed, this, [](const QString &message) {
            qWarning("%s", qPrintable(message));
        });
    }

    void cleanupTestCase()
    {
        delete m_intelligence;
        delete m_manager;
    }

    void corpusCases_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        const QJsonArray cases = corpus();
        QVERIFY(cases.size() >= 20);
        for (const QJsonValue &c : cases)
            QTest::newRow(qPrintable(c.toObject().value(QStringLiteral("name")).toString())) << c.toObject();
    }
    void corpusCases()
    {
        QFETCH(QJsonObject, entry);
        const QString root = treeRoot(entry.value(QStringLiteral("tree")).toString());
        const QString file = root + QLatin1Char('/') + entry.value(QStringLiteral("file")).toString();
        if (entry.contains(QStringLiteral("console")))
            run(entry.value(QStringLiteral("console")).toString());
        QString source;
        int line = 0;
        int column = 0;
        cursorOf(entry.value(QStringLiteral("buffer")).toString(), &source, &line, &column);

        if (entry.contains(QStringLiteral("complete"))) {
            QSignalSpy ready(m_intelligence, &EditorIntelligence::completionsReady);
            const int generation = m_intelligence->requestCompletions(file, source, line, column);
            QVERIFY(ready.wait(30000));
            QCOMPARE(ready.first().at(0).toInt(), generation);
            QStringList names;
            for (const Completion &c : ready.first().at(1).value<QList<Completion>>())
                names << c.name;
            for (const QJsonValue &expected : entry.value(QStringLiteral("complete")).toArray())
                QVERIFY2(names.contains(expected.toString()),
                         qPrintable(expected.toString() + QStringLiteral(" not in: ") + names.join(QLatin1Char(' '))));
            return;
        }

        const QJsonObject expected = entry.value(QStringLiteral("definition")).toObject();
        QSignalSpy ready(m_intelligence, &EditorIntelligence::definitionsReady);
        m_intelligence->requestDefinitions(file, source, line, column);
        QVERIFY(ready.wait(30000));
        const QList<Definition> sites = ready.first().at(1).value<QList<Definition>>();
        QVERIFY2(!sites.isEmpty(), "no definition found");
        const Definition &site = sites.first();
        QString expectedFile = expected.value(QStringLiteral("file")).toString();
        if (expectedFile.startsWith(QLatin1String("<stdlib>/"))) {
            QVERIFY2(site.file.endsWith(expectedFile.mid(8)), qPrintable(site.file));
            QVERIFY(site.readOnly);
        } else {
            QCOMPARE(site.file, root + QLatin1Char('/') + expectedFile);
            QVERIFY(!site.readOnly);
        }
        if (expected.contains(QStringLiteral("line")))
            QCOMPARE(site.line, expected.value(QStringLiteral("line")).toInt());
        if (expected.contains(QStringLiteral("text")))
            QVERIFY2(site.lineText.contains(expected.value(QStringLiteral("text")).toString()), qPrintable(site.lineText));
    }

    void usagesAcrossFiles()
    {
        const QString main = exampleRoot() + QStringLiteral("/main.py");
        QFile f(main);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(f.readAll());
        // The `NetworkService()` call in run().
        const QStringList lines = source.split(QLatin1Char('\n'));
        int line = 0;
        for (int i = 0; i < lines.size() && !line; ++i) {
            if (lines.at(i).contains(QLatin1String("= NetworkService()")))
                line = i + 1;
        }
        QVERIFY(line > 0);
        QSignalSpy ready(m_intelligence, &EditorIntelligence::usagesReady);
        m_intelligence->requestUsages(main, source, line, lines.at(line - 1).indexOf(QLatin1String("NetworkService")) + 2);
        QVERIFY(ready.wait(30000));
        QStringList where;
        for (const Definition &site : ready.first().at(1).value<QList<Definition>>())
            where << QStringLiteral("%1:%2").arg(QFileInfo(site.file).fileName()).arg(site.line);
        QVERIFY2(where.contains(QStringLiteral("networking.py:5")), qPrintable(where.join(QLatin1Char(' '))));
        QVERIFY2(where.contains(QStringLiteral("main.py:%1").arg(line)), qPrintable(where.join(QLatin1Char(' '))));
    }

    void diagnostics_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");  // expected, or empty for "no error"
        QTest::addColumn<int>("line");
        QTest::newRow("mapped import is known") << "from applib.services import NetworkService\nNetworkService()\n"
                                                << QString() << 0;
        QTest::newRow("name the namespace lacks") << "from applib.services import NetworkService, Nope\n"
                                                  << "applib.services has no name 'Nope'" << 1;
        QTest::newRow("missing sub-namespace") << "import os\nimport applib.nothing\n"
                                               << "applib has no name 'nothing'" << 2;
        QTest::newRow("undefined name") << "x = 1\nprint(y)\n" << "undefined name 'y'" << 2;
        QTest::newRow("syntax error") << "def f(:\n    pass\n" << "SyntaxError" << 1;
        QTest::newRow("star import of a namespace") << "from applib.services import *\nNetworkService()\n"
                                                    << QString() << 0;
        QTest::newRow("names of a file not imported yet") << "from gen.d6 import Class_6_6, function_6_1\n"
                                                          << QString() << 0;
    }
    void diagnostics()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        QFETCH(int, line);
        const QString file = exampleRoot() + QStringLiteral("/scratch.py");
        QSignalSpy ready(m_intelligence, &EditorIntelligence::diagnosticsReady);
        m_intelligence->requestDiagnostics(file, source);
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.first().at(1).toString(), file);
        const QList<Diagnostic> found = ready.first().at(2).value<QList<Diagnostic>>();
        QStringList errors;
        for (const Diagnostic &d : found) {
            if (d.severity == Diagnostic::Severity::Error)
                errors << QStringLiteral("%1: %2").arg(d.line).arg(d.message);
        }
        if (message.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            return;
        }
        bool seen = false;
        for (const Diagnostic &d : found)
            seen = seen || (d.line == line && d.message.contains(message) && d.severity == Diagnostic::Severity::Error);
        QVERIFY2(seen, qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void newerRequestSupersedesOlder()
    {
        const QString file = exampleRoot() + QStringLiteral("/main.py");
        QSignalSpy ready(m_intelligence, &EditorIntelligence::completionsReady);
        QList<int> generations;
        for (const QString &prefix : {QStringLiteral("im"), QStringLiteral("imp"), QStringLiteral("impo")})
            generations << m_intelligence->requestCompletions(file, prefix, 1, prefix.size());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
        QCOMPARE(ready.first().at(0).toInt(), generations.last());
        // Answers come in order: had an older one been emitted, it would have come first.
        QVERIFY(!ready.wait(200));
        QCOMPARE(ready.size(), 1);
    }

    void answersWhileConsoleIsBusy()
    {
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("while True:\n    pass\n"), QStringLiteral("<busy>"));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime.isConsoleBusy(), 10000);
        QSignalSpy ready(m_intelligence, &EditorIntelligence::completionsReady);
        const QString source = QStringLiteral("from applib.services import NetworkService\nNetworkService().ha");
        m_intelligence->requestCompletions(exampleRoot() + QStringLiteral("/main.py"), source, 2, 19);
        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.first().at(1).value<QList<Completion>>().value(0).name, QStringLiteral("handle"));
        QVERIFY(m_runtime.isConsoleBusy());
        m_runtime.interrupt();
        QVERIFY(finished.wait(20000));
    }
};

QTEST_GUILESS_MAIN(tst_EditorIntelligence)
#include "tst_editorintelligence.moc"
