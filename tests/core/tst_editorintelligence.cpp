#include "CodeManager.h"
#include "EditorIntelligence.h"
#include "PythonRuntime.h"
#include "pythonpackage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// EditorIntelligence with the real interpreter, jedi and pyflakes: the corpus
// in fixtures/intel/corpus.json over the bundled example (mapped as applib)
// and a generated namespace of 100 files (gen), plus diagnostics, the
// supersede and busy-console behaviour, and what it does without the two
// packages. What needs a package the interpreter lacks is skipped.
class tst_EditorIntelligence : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    EditorIntelligence *m_intelligence = nullptr;
    QTemporaryDir m_generated;
    QString m_stderr;
    bool m_hasJedi = false;
    bool m_hasPyflakes = false;

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

    // The names jedi completes at (line, column) of `source`, as `file`.
    QStringList completionsAt(const QString &file, const QString &source, int line, int column)
    {
        QSignalSpy ready(m_intelligence, &EditorIntelligence::completionsReady);
        const int generation = m_intelligence->requestCompletions(file, source, line, column);
        if (!ready.wait(30000) || ready.last().at(0).toInt() != generation)
            return {QStringLiteral("<no answer>")};
        QStringList names;
        for (const Completion &c : ready.last().at(1).value<QList<Completion>>())
            names << c.name;
        return names;
    }

    // A module of `classes` classes and functions (large enough for the
    // parser to reuse most of it between edits) with `config` spliced in at
    // `at` (0: first, -1: last) and a function `use` at the end.
    static QString editedModule(int classes, const QString &config, int at)
    {
        QString text = QStringLiteral("import os\n\n\n");
        for (int i = 0; i < classes; ++i) {
            if (i == at)
                text += config;
            text += QStringLiteral("class Part%1:\n"
                                   "    def __init__(self):\n"
                                   "        self.size = %1\n\n"
                                   "    def grow(self):\n"
                                   "        return self.size + len(os.sep)\n\n\n"
                                   "def part_%1():\n"
                                   "    return Part%1().grow()\n\n\n").arg(i);
        }
        if (at < 0 || at >= classes)
            text += config;
        return text + QStringLiteral("def use():\n    c = Config()\n    c.");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_hasJedi = hasPythonPackage(m_runtime, QStringLiteral("jedi"));
        m_hasPyflakes = hasPythonPackage(m_runtime, QStringLiteral("pyflakes"));
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
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
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
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
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
        QTest::addColumn<bool>("pyflakes");  // the message is pyflakes'
        QTest::newRow("mapped import is known") << "from applib.services import NetworkService\nNetworkService()\n"
                                                << QString() << 0 << false;
        QTest::newRow("name the namespace lacks") << "from applib.services import NetworkService, Nope\n"
                                                  << "applib.services has no name 'Nope'" << 1 << false;
        QTest::newRow("missing sub-namespace") << "import os\nimport applib.nothing\n"
                                               << "applib has no name 'nothing'" << 2 << false;
        QTest::newRow("undefined name") << "x = 1\nprint(y)\n" << "undefined name 'y'" << 2 << true;
        QTest::newRow("syntax error") << "def f(:\n    pass\n" << "SyntaxError" << 1 << false;
        QTest::newRow("star import of a namespace") << "from applib.services import *\nNetworkService()\n"
                                                    << QString() << 0 << false;
        QTest::newRow("names of a file not imported yet") << "from gen.d6 import Class_6_6, function_6_1\n"
                                                          << QString() << 0 << false;
    }
    void diagnostics()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(bool, pyflakes);
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
        if (pyflakes)
            SKIP_WITHOUT_PYTHON_PACKAGE(m_hasPyflakes, "pyflakes");
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

    // Each keystroke's completion sees the buffer as it is now, also where
    // the unchanged rest of it is reused from the previous keystroke.
    void completionFollowsEdits_data()
    {
        QTest::addColumn<int>("at");
        QTest::newRow("class first") << 0;
        QTest::newRow("class in the middle") << 20;
        QTest::newRow("class just above the cursor") << -1;
    }
    void completionFollowsEdits()
    {
        QFETCH(int, at);
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        const QString file = m_generated.filePath(QStringLiteral("edited_%1.py").arg(at + 1));
        const QString before = QStringLiteral("class Config:\n"
                                              "    def __init__(self):\n"
                                              "        self.alpha = 1\n\n\n");
        const QString renamed = QStringLiteral("class Config:\n"
                                               "    def __init__(self):\n"
                                               "        self.beta = 1\n\n\n");
        const QString grown = QStringLiteral("class Config:\n"
                                             "    def __init__(self):\n"
                                             "        self.beta = 1\n"
                                             "        self.gamma_delta = 2\n\n"
                                             "    def epsilon(self):\n"
                                             "        return self.beta\n\n\n");
        const QString typo = QStringLiteral("class Config:\n"
                                            "    def __init__(self):\n"
                                            "        self.zeta = (\n\n\n");
        const struct
        {
            QString config;
            QStringList present;
            QStringList absent;
        } steps[] = {
            {before, {QStringLiteral("alpha")}, {QStringLiteral("beta")}},
            {renamed, {QStringLiteral("beta")}, {QStringLiteral("alpha")}},
            {grown, {QStringLiteral("beta"), QStringLiteral("gamma_delta"), QStringLiteral("epsilon")},
             {QStringLiteral("alpha")}},
            {renamed, {QStringLiteral("beta")}, {QStringLiteral("gamma_delta"), QStringLiteral("epsilon")}},
            {typo, {}, {QStringLiteral("beta"), QStringLiteral("alpha")}},
            {before, {QStringLiteral("alpha")}, {QStringLiteral("beta"), QStringLiteral("zeta")}},
        };
        int step = 0;
        for (const auto &s : steps) {
            const QString source = editedModule(40, s.config, at);
            const int line = int(source.count(QLatin1Char('\n'))) + 1;
            const QStringList names = completionsAt(file, source, line, 6);
            const QString seen = QStringLiteral("step %1: ").arg(step) + names.join(QLatin1Char(' '));
            for (const QString &name : s.present)
                QVERIFY2(names.contains(name), qPrintable(name + QStringLiteral(" missing, ") + seen));
            for (const QString &name : s.absent)
                QVERIFY2(!names.contains(name), qPrintable(name + QStringLiteral(" stale, ") + seen));
            ++step;
        }
    }

    // Keeping the names of unchanged statements answers exactly what jedi
    // alone answers: the same edits and requests, once with jedi walking the
    // whole buffer each time and once with the names kept.
    void keptNamesAnswerAsJediAlone()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        const QString file = m_generated.filePath(QStringLiteral("kept.py"));
        // The intelligence module is loaded with the first request.
        completionsAt(file, QStringLiteral("im"), 1, 2);
        QStringList lines = editedModule(30, QString(), -1).split(QLatin1Char('\n'));
        const QStringList typed = {QStringLiteral("    self."), QStringLiteral("    Part1"), QStringLiteral("    c.siz"),
                                   QStringLiteral("def part_extra(x):"), QStringLiteral("        self.wide = 3"),
                                   QStringLiteral("    os.pa"), QStringLiteral("class Extra(Part2):"),
                                   QStringLiteral("    return part_")};
        struct Request
        {
            QString source;
            int line;
            int column;
        };
        QList<Request> requests;
        for (int i = 0; i < 24; ++i) {
            // Deterministic edits all over the module: insert, change, delete.
            const int at = int((i * 37 + 11) % lines.size());
            if (i % 3 == 0)
                lines.insert(at, typed.at(i % typed.size()));
            else if (i % 3 == 1)
                lines[at] += typed.at(i % typed.size()).trimmed().left(3);
            else
                lines.removeAt(at);
            const int line = int((i * 53 + 7) % lines.size());
            requests << Request{lines.join(QLatin1Char('\n')), line + 1, int(lines.at(line).size())};
        }
        QList<QStringList> alone;
        run(QStringLiteral("import sys\nassert not sys.modules['relive_intelligence'].keep_names(False)\n"));
        for (const Request &r : std::as_const(requests))
            alone << completionsAt(file, r.source, r.line, r.column);
        run(QStringLiteral("import sys\nsys.modules['relive_intelligence'].keep_names(True)\n"));
        int answered = 0;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const QStringList kept = completionsAt(file, requests.at(i).source, requests.at(i).line, requests.at(i).column);
            QCOMPARE(kept, alone.at(i));
            answered += kept.isEmpty() ? 0 : 1;
        }
        QVERIFY(answered > 0);
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
        QVERIFY(m_runtime.isConsoleBusy());
        m_runtime.interrupt();
        QVERIFY(finished.wait(20000));
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QCOMPARE(ready.first().at(1).value<QList<Completion>>().value(0).name, QStringLiteral("handle"));
    }

    void withoutPackages()
    {
        // Hidden whether the interpreter has them or not; a fresh instance,
        // since what one learns about the packages is its own.
        const QString file = exampleRoot() + QStringLiteral("/main.py");
        std::optional<HiddenPythonPackages> hidden(std::in_place, m_runtime,
                                                   QStringList{QStringLiteral("jedi"), QStringLiteral("pyflakes")});
        QVERIFY(hidden->isHidden());
        EditorIntelligence intelligence(&m_runtime);
        QSignalSpy changed(&intelligence, &EditorIntelligence::missingPackageChanged);
        QSignalSpy failed(&intelligence, &EditorIntelligence::requestFailed);

        // Completion and its kin answer empty, and say why once.
        QSignalSpy completions(&intelligence, &EditorIntelligence::completionsReady);
        intelligence.requestCompletions(file, QStringLiteral("import o"), 1, 8);
        QVERIFY(completions.wait(30000));
        QVERIFY(completions.first().at(1).value<QList<Completion>>().isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<EditorIntelligence::Feature>(), EditorIntelligence::Feature::Completion);
        QCOMPARE(changed.first().at(1).toString(), QStringLiteral("jedi"));
        QCOMPARE(intelligence.missingPackage(EditorIntelligence::Feature::Completion), QStringLiteral("jedi"));
        QSignalSpy definitions(&intelligence, &EditorIntelligence::definitionsReady);
        intelligence.requestDefinitions(file, QStringLiteral("import os\nos.path\n"), 2, 1);
        QVERIFY(definitions.wait(30000));
        QVERIFY(definitions.first().at(1).value<QList<Definition>>().isEmpty());
        QCOMPARE(changed.size(), 1);

        // Diagnostics keep the syntax error and the namespace check, without
        // pyflakes' findings.
        QSignalSpy diagnostics(&intelligence, &EditorIntelligence::diagnosticsReady);
        intelligence.requestDiagnostics(file,
                                        QStringLiteral("from applib.services import Nope\nprint(undefined_name)\n"));
        QVERIFY(diagnostics.wait(30000));
        QStringList found;
        for (const Diagnostic &d : diagnostics.first().at(2).value<QList<Diagnostic>>())
            found << QStringLiteral("%1: %2").arg(d.line).arg(d.message);
        QCOMPARE(found, QStringList{QStringLiteral("1: applib.services has no name 'Nope'")});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).value<EditorIntelligence::Feature>(), EditorIntelligence::Feature::Checker);
        QCOMPARE(changed.last().at(1).toString(), QStringLiteral("pyflakes"));
        intelligence.requestDiagnostics(file, QStringLiteral("def f(:\n"));
        QVERIFY(diagnostics.wait(30000));
        QCOMPARE(diagnostics.last().at(2).value<QList<Diagnostic>>().value(0).line, 1);
        QCOMPARE(changed.size(), 2);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

        // Back in sight, a package is used again, where the interpreter has it.
        hidden.reset();
        intelligence.requestCompletions(file, QStringLiteral("import o"), 1, 8);
        QVERIFY(completions.wait(30000));
        QCOMPARE(intelligence.missingPackage(EditorIntelligence::Feature::Completion).isEmpty(), m_hasJedi);
        QCOMPARE(completions.last().at(1).value<QList<Completion>>().isEmpty(), !m_hasJedi);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    }
};

QTEST_GUILESS_MAIN(tst_EditorIntelligence)
#include "tst_editorintelligence.moc"
