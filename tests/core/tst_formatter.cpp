#include "Formatter.h"
#include "LineDiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(content);
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return true;
}

// A stand-in formatter: records its arguments and working directory next to
// itself and answers with its input upper-cased, so a test sees which tool
// ran, how it was called, and that the buffer went through stdin.
QByteArray fakeTool(const QString &name)
{
    return QByteArrayLiteral("#!/bin/sh\n"
                             "dir=$(dirname \"$0\")\n"
                             "echo \"$@\" > \"$dir/")
           + name.toUtf8()
           + QByteArrayLiteral(".args\"\n"
                               "pwd > \"$dir/") + name.toUtf8() + QByteArrayLiteral(".cwd\"\n"
                               "tr a-z A-Z\n");
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

Formatter::Result formatAndWait(Formatter &formatter, const QString &path, const QString &text)
{
    QSignalSpy spy(&formatter, &Formatter::finished);
    const int request = formatter.format(path, text);
    if (!spy.wait(20000) && spy.isEmpty())
        return {};
    const auto result = spy.first().first().value<Formatter::Result>();
    if (result.request != request)
        return {};
    return result;
}

} // namespace

// The formatter: which tool a project asks for, how it is run, what comes back
// from a real black or ruff, and the line differences that Format applies.
class tst_Formatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configuredTool_data();
    void configuredTool();
    void choiceFollowsConfigurationAndInstalledTools_data();
    void choiceFollowsConfigurationAndInstalledTools();
    void toolReadsStdinWithTheFileName_data();
    void toolReadsStdinWithTheFileName();
    void noFormatterInstalled();
    void destroyedWithRequestsUnanswered();
    void failingToolReportsWhatItSaid();
    void emptyAnswerIsNotApplied();
    void cancelledRequestIsNotAnswered();
    void realFormatter_data();
    void realFormatter();
    void realFormatterSyntaxError_data();
    void realFormatterSyntaxError();
    void blackFollowsTheProjectsLineLength();
    void lineDiff_data();
    void lineDiff();
    void lineDiffOfRandomEdits();
    void mapLine_data();
    void mapLine();
    void mapLineFollowsAReindentedStatement();
};

void tst_Formatter::configuredTool_data()
{
    QTest::addColumn<QStringList>("files");     // path=content pairs
    QTest::addColumn<QString>("source");        // the file being formatted
    QTest::addColumn<int>("tool");
    QTest::addColumn<QString>("configFile");
    using T = Formatter::Tool;
    QTest::newRow("no configuration") << QStringList{} << "p/a.py" << int(T::None) << "";
    QTest::newRow("tool.ruff") << QStringList{"p/pyproject.toml=[project]\nname='x'\n[tool.ruff]\nline-length=90\n"}
                               << "p/a.py" << int(T::Ruff) << "p/pyproject.toml";
    QTest::newRow("tool.ruff.format only")
        << QStringList{"p/pyproject.toml=[tool.ruff.format]\nquote-style='single'\n"} << "p/src/pkg/a.py"
        << int(T::Ruff) << "p/pyproject.toml";
    QTest::newRow("tool.black") << QStringList{"p/pyproject.toml=[tool.black]\nline-length = 100\n"}
                                << "p/sub/a.py" << int(T::Black) << "p/pyproject.toml";
    QTest::newRow("both: ruff") << QStringList{"p/pyproject.toml=[tool.black]\n[tool.ruff]\n"} << "p/a.py"
                                << int(T::Ruff) << "p/pyproject.toml";
    QTest::newRow("quoted table name") << QStringList{"p/pyproject.toml=[ tool . \"black\" ]\n"} << "p/a.py"
                                       << int(T::Black) << "p/pyproject.toml";
    QTest::newRow("other tools only") << QStringList{"p/pyproject.toml=[tool.blackbox]\n[tool.mypy]\n"}
                                      << "p/a.py" << int(T::None) << "";
    QTest::newRow("a mention in a value is no section")
        << QStringList{"p/pyproject.toml=[project]\ndescription = \"[tool.black]\"\n"} << "p/a.py" << int(T::None) << "";
    QTest::newRow("nearest pyproject ends the search")
        << QStringList{"p/pyproject.toml=[tool.black]\n", "p/inner/pyproject.toml=[project]\n"} << "p/inner/a.py"
        << int(T::None) << "";
    QTest::newRow("ruff.toml") << QStringList{"p/ruff.toml=line-length = 80\n"} << "p/a.py" << int(T::Ruff)
                               << "p/ruff.toml";
    QTest::newRow(".ruff.toml nearer than pyproject")
        << QStringList{"p/pyproject.toml=[tool.black]\n", "p/sub/.ruff.toml=\n"} << "p/sub/a.py" << int(T::Ruff)
        << "p/sub/.ruff.toml";
}

void tst_Formatter::configuredTool()
{
    QFETCH(QStringList, files);
    QFETCH(QString, source);
    QFETCH(int, tool);
    QFETCH(QString, configFile);
    QTemporaryDir dir;
    for (const QString &file : std::as_const(files)) {
        const int eq = file.indexOf(QLatin1Char('='));
        QVERIFY(writeFile(dir.filePath(file.left(eq)), file.mid(eq + 1).toUtf8()));
    }
    QVERIFY(writeFile(dir.filePath(source), "x = 1\n"));
    QString found;
    QCOMPARE(int(Formatter::configuredTool(dir.filePath(source), &found)), tool);
    QCOMPARE(found, configFile.isEmpty() ? QString() : dir.filePath(configFile));
}

void tst_Formatter::choiceFollowsConfigurationAndInstalledTools_data()
{
    QTest::addColumn<QString>("config");     // pyproject.toml's text; empty: none
    QTest::addColumn<QStringList>("installed");
    QTest::addColumn<int>("tool");
    QTest::addColumn<int>("configured");
    using T = Formatter::Tool;
    QTest::newRow("nothing configured: ruff first") << "" << QStringList{"ruff", "black"} << int(T::Ruff) << int(T::None);
    QTest::newRow("nothing configured: black") << "" << QStringList{"black"} << int(T::Black) << int(T::None);
    QTest::newRow("black configured") << "[tool.black]\n" << QStringList{"ruff", "black"} << int(T::Black) << int(T::Black);
    QTest::newRow("ruff configured") << "[tool.ruff]\n" << QStringList{"ruff", "black"} << int(T::Ruff) << int(T::Ruff);
    QTest::newRow("ruff configured, only black") << "[tool.ruff]\n" << QStringList{"black"} << int(T::Black) << int(T::Ruff);
    QTest::newRow("none installed") << "[tool.black]\n" << QStringList{} << int(T::None) << int(T::Black);
}

void tst_Formatter::choiceFollowsConfigurationAndInstalledTools()
{
    QFETCH(QString, config);
    QFETCH(QStringList, installed);
    QFETCH(int, tool);
    QFETCH(int, configured);
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);
    for (const QString &name : std::as_const(installed))
        QVERIFY(writeFile(bin + QLatin1Char('/') + name, fakeTool(name), true));
    if (!config.isEmpty())
        QVERIFY(writeFile(dir.filePath(QStringLiteral("project/pyproject.toml")), config.toUtf8()));
    Formatter formatter;
    formatter.setSearchPaths({bin});
    const Formatter::Choice choice = formatter.choose(dir.filePath(QStringLiteral("project/a.py")));
    QCOMPARE(int(choice.tool), tool);
    QCOMPARE(int(choice.configured), configured);
    if (choice.tool != Formatter::Tool::None)
        QCOMPARE(choice.program, bin + QLatin1Char('/') + Formatter::toolName(choice.tool));
}

void tst_Formatter::toolReadsStdinWithTheFileName_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("arguments");  // %1: the file
    QTest::newRow("ruff") << "ruff" << "format --stdin-filename %1 -";
    QTest::newRow("black") << "black" << "-q --stdin-filename %1 -";
}

void tst_Formatter::toolReadsStdinWithTheFileName()
{
    QFETCH(QString, tool);
    QFETCH(QString, arguments);
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(writeFile(bin + QLatin1Char('/') + tool, fakeTool(tool), true));
    const QString file = dir.filePath(QStringLiteral("project/pkg/mod.py"));
    QVERIFY(writeFile(file, "x = 1\n"));
    Formatter formatter;
    formatter.setSearchPaths({bin});
    const Formatter::Result result = formatAndWait(formatter, file, QStringLiteral("x = 'unsaved'\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::Formatted));
    QCOMPARE(Formatter::toolName(result.choice.tool), tool);
    // The buffer, not the file on disk, went through the tool.
    QCOMPARE(result.text, QStringLiteral("X = 'UNSAVED'\n"));
    QCOMPARE(readAll(bin + QLatin1Char('/') + tool + QLatin1String(".args")), arguments.arg(file));
    QCOMPARE(readAll(bin + QLatin1Char('/') + tool + QLatin1String(".cwd")), QFileInfo(file).absolutePath());
}

void tst_Formatter::noFormatterInstalled()
{
    QTemporaryDir dir;
    Formatter formatter;
    formatter.setSearchPaths({dir.path()});
    QSignalSpy spy(&formatter, &Formatter::finished);
    const int request = formatter.format(dir.filePath(QStringLiteral("a.py")), QStringLiteral("x=1\n"));
    // Answered later, never from inside format().
    QCOMPARE(spy.count(), 0);
    QVERIFY(spy.wait());
    const auto result = spy.first().first().value<Formatter::Result>();
    QCOMPARE(result.request, request);
    QCOMPARE(int(result.status), int(Formatter::Result::Status::NotInstalled));
    QVERIFY(result.text.isEmpty());
}

void tst_Formatter::destroyedWithRequestsUnanswered()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(writeFile(bin + QStringLiteral("/ruff"), fakeTool(QStringLiteral("ruff")), true));
    {
        Formatter formatter;
        formatter.setSearchPaths({bin});
        QVERIFY(formatter.isRunning(formatter.format(QString(), QStringLiteral("x\n"))));
        formatter.setSearchPaths({dir.filePath(QStringLiteral("nothing"))});
        QVERIFY(formatter.isRunning(formatter.format(QString(), QStringLiteral("x\n"))));
    }
    // Nothing left behind: the process was stopped, the pending answer dropped.
    QCoreApplication::processEvents();
}

void tst_Formatter::failingToolReportsWhatItSaid()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(writeFile(bin + QStringLiteral("/black"),
                      "#!/bin/sh\ncat >/dev/null\necho 'error: cannot format /p/a.py: Cannot parse: 3:7: def (' >&2\n"
                      "echo 'Oh no! \xf0\x9f\x92\xa5 \xf0\x9f\x92\x94 \xf0\x9f\x92\xa5' >&2\n"
                      "echo '1 file failed to reformat.' >&2\nexit 123\n",
                      true));
    Formatter formatter;
    formatter.setSearchPaths({bin});
    const Formatter::Result result = formatAndWait(formatter, dir.filePath(QStringLiteral("a.py")), QStringLiteral("def (\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::Refused));
    QCOMPARE(result.message, QStringLiteral("error: cannot format /p/a.py: Cannot parse: 3:7: def ("));
    QVERIFY(result.text.isEmpty());
}

void tst_Formatter::emptyAnswerIsNotApplied()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(writeFile(bin + QStringLiteral("/ruff"), "#!/bin/sh\ncat >/dev/null\nexit 0\n", true));
    Formatter formatter;
    formatter.setSearchPaths({bin});
    const Formatter::Result result = formatAndWait(formatter, dir.filePath(QStringLiteral("a.py")), QStringLiteral("x = 1\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::NoOutput));
}

void tst_Formatter::cancelledRequestIsNotAnswered()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(writeFile(bin + QStringLiteral("/ruff"), fakeTool(QStringLiteral("ruff")), true));
    Formatter formatter;
    formatter.setSearchPaths({bin});
    QSignalSpy spy(&formatter, &Formatter::finished);
    const int first = formatter.format(dir.filePath(QStringLiteral("a.py")), QStringLiteral("first\n"));
    QVERIFY(formatter.isRunning(first));
    formatter.cancel(first);
    QVERIFY(!formatter.isRunning(first));
    const int second = formatter.format(dir.filePath(QStringLiteral("a.py")), QStringLiteral("second\n"));
    QVERIFY(spy.wait());
    // Only the second answers: the first's process was stopped unanswered.
    QCOMPARE(spy.count(), 1);
    const auto result = spy.first().first().value<Formatter::Result>();
    QCOMPARE(result.request, second);
    QCOMPARE(result.text, QStringLiteral("SECOND\n"));
}

void tst_Formatter::realFormatter_data()
{
    QTest::addColumn<QString>("tool");
    QTest::newRow("black") << "black";
    QTest::newRow("ruff") << "ruff";
}

void tst_Formatter::realFormatter()
{
    QFETCH(QString, tool);
    if (QStandardPaths::findExecutable(tool).isEmpty())
        QSKIP(qPrintable(QStringLiteral("%1 is not installed (the Debian package %1)").arg(tool)));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("a.py"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pyproject.toml")), QStringLiteral("[tool.%1]\n").arg(tool).toUtf8()));
    Formatter formatter;
    const Formatter::Result result =
        formatAndWait(formatter, file, QStringLiteral("import os\ndef f( a ):\n  return a\nx=[1,\n  2]\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::Formatted));
    QCOMPARE(Formatter::toolName(result.choice.tool), tool);
    QCOMPARE(result.text, QStringLiteral("import os\n\n\ndef f(a):\n    return a\n\n\nx = [1, 2]\n"));
}

void tst_Formatter::realFormatterSyntaxError_data()
{
    realFormatter_data();
}

void tst_Formatter::realFormatterSyntaxError()
{
    QFETCH(QString, tool);
    if (QStandardPaths::findExecutable(tool).isEmpty())
        QSKIP(qPrintable(QStringLiteral("%1 is not installed (the Debian package %1)").arg(tool)));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.py"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pyproject.toml")), QStringLiteral("[tool.%1]\n").arg(tool).toUtf8()));
    Formatter formatter;
    const Formatter::Result result =
        formatAndWait(formatter, file, QStringLiteral("x = 1\n\ndef f(:\n    pass\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::Refused));
    // The tool's own words, naming the file and the line.
    QVERIFY2(result.message.contains(QLatin1String("broken.py")), qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("3:")), qPrintable(result.message));
}

void tst_Formatter::blackFollowsTheProjectsLineLength()
{
    if (QStandardPaths::findExecutable(QStringLiteral("black")).isEmpty())
        QSKIP("black is not installed (the Debian package black)");
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("pyproject.toml")), "[tool.black]\nline-length = 20\n"));
    const QString file = dir.filePath(QStringLiteral("pkg/a.py"));
    QVERIFY(writeFile(file, ""));
    Formatter formatter;
    const Formatter::Result result = formatAndWait(formatter, file, QStringLiteral("xs = [1111, 2222, 3333]\n"));
    QCOMPARE(int(result.status), int(Formatter::Result::Status::Formatted));
    QCOMPARE(result.text, QStringLiteral("xs = [\n    1111,\n    2222,\n    3333,\n]\n"));
}

void tst_Formatter::lineDiff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("hunks");
    QTest::newRow("same") << QStringList{"a", "b"} << QStringList{"a", "b"} << 0;
    QTest::newRow("one changed") << QStringList{"a", "b", "c"} << QStringList{"a", "B", "c"} << 1;
    QTest::newRow("two apart") << QStringList{"a", "b", "c", "d", "e"} << QStringList{"A", "b", "c", "d", "E"} << 2;
    QTest::newRow("inserted") << QStringList{"a", "b"} << QStringList{"a", "", "", "b"} << 1;
    QTest::newRow("removed") << QStringList{"a", "", "", "b"} << QStringList{"a", "b"} << 1;
    QTest::newRow("appended") << QStringList{"a"} << QStringList{"a", "b", ""} << 1;
    QTest::newRow("last removed") << QStringList{"a", "b", ""} << QStringList{"a"} << 1;
    QTest::newRow("first removed") << QStringList{"x", "a"} << QStringList{"a"} << 1;
    QTest::newRow("all new") << QStringList{"a", "b"} << QStringList{"c"} << 1;
    QTest::newRow("repeated lines") << QStringList{"", "a", "", "a", ""} << QStringList{"a", "", "", "a"} << 3;
}

void tst_Formatter::lineDiff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, hunks);
    const QList<LineDiff::Hunk> diff = LineDiff::compute(before, after);
    QCOMPARE(diff.size(), hunks);
    QCOMPARE(LineDiff::apply(before, diff), after);
    for (int i = 1; i < diff.size(); ++i)
        QVERIFY(diff.at(i).start >= diff.at(i - 1).start + diff.at(i - 1).removed);
}

void tst_Formatter::lineDiffOfRandomEdits()
{
    QRandomGenerator random(19);
    for (int round = 0; round < 200; ++round) {
        QStringList before;
        const int count = random.bounded(0, 60);
        for (int i = 0; i < count; ++i)
            before << QString::number(random.bounded(8));
        QStringList after = before;
        const int edits = random.bounded(0, 10);
        for (int e = 0; e < edits; ++e) {
            const int at = after.isEmpty() ? 0 : random.bounded(int(after.size()));
            switch (random.bounded(3)) {
            case 0:
                after.insert(at, QString::number(random.bounded(8)));
                break;
            case 1:
                if (!after.isEmpty())
                    after.removeAt(at);
                break;
            default:
                if (!after.isEmpty())
                    after[at] = QStringLiteral("changed");
                break;
            }
        }
        const QList<LineDiff::Hunk> diff = LineDiff::compute(before, after);
        QCOMPARE(LineDiff::apply(before, diff), after);
        // Never more lines touched than the edits made.
        int touched = 0;
        for (const LineDiff::Hunk &hunk : diff)
            touched += std::max(hunk.removed, int(hunk.inserted.size()));
        QVERIFY2(touched <= 2 * edits, qPrintable(QStringLiteral("round %1").arg(round)));
    }
}

void tst_Formatter::mapLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("mapped");
    // before: a b c d e f; after: a X Y c e f (b -> X Y, d removed)
    QTest::newRow("above") << 0 << 0;
    QTest::newRow("in a changed hunk") << 1 << 1;
    QTest::newRow("after an insertion") << 2 << 3;
    QTest::newRow("removed line") << 3 << 4;
    QTest::newRow("after a removal") << 4 << 4;
    QTest::newRow("last") << 5 << 5;
}

void tst_Formatter::mapLine()
{
    QFETCH(int, line);
    QFETCH(int, mapped);
    const QList<LineDiff::Hunk> diff =
        LineDiff::compute({"a", "b", "c", "d", "e", "f"}, {"a", "X", "Y", "c", "e", "f"});
    QCOMPARE(LineDiff::mapLine(diff, line), mapped);
}

void tst_Formatter::mapLineFollowsAReindentedStatement()
{
    const QStringList before{"import os", "def f( a ):", "  return a", "x=[1,", "  2]"};
    const QStringList after{"import os", "", "", "def f(a):", "    return a", "", "", "x = [1, 2]"};
    const QList<LineDiff::Hunk> diff = LineDiff::compute(before, after);
    QCOMPARE(LineDiff::mapLine(diff, 2, before.at(2)), 4);
    QCOMPARE(LineDiff::mapLine(diff, 1, before.at(1)), 3);
    // A line that changed more than its spacing keeps its offset in the hunk.
    QCOMPARE(LineDiff::mapLine(diff, 3, before.at(3)), 3);
}

QTEST_GUILESS_MAIN(tst_Formatter)
#include "tst_formatter.moc"
