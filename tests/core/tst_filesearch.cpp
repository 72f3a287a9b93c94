#include "FileSearch.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs `query` to the end; the results in the order they came.
QList<FileSearchResult> runSearch(FileSearch &search, const FileSearchQuery &query, FileSearchSummary *summary = nullptr)
{
    QList<FileSearchResult> results;
    QObject::connect(&search, &FileSearch::resultsFound, &search,
                     [&](const QList<FileSearchResult> &batch) { results += batch; });
    QSignalSpy finished(&search, &FileSearch::finished);
    QString error;
    if (!search.start(query, &error))
        qWarning("search did not start: %s", qPrintable(error));
    else if (!finished.wait(10000))
        qWarning("search did not finish");
    if (summary && !finished.isEmpty())
        *summary = finished.last().at(0).value<FileSearchSummary>();
    QObject::disconnect(&search, &FileSearch::resultsFound, &search, nullptr);
    return results;
}

QStringList displayPaths(const QList<FileSearchResult> &results)
{
    QStringList paths;
    for (const FileSearchResult &result : results)
        paths.append(result.displayPath);
    paths.sort();
    return paths;
}

} // namespace

class tst_FileSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsAcrossTwoFolders();
    void options_data();
    void options();
    void skipsBinaryAndToolFolders();
    void fileFilter();
    void openBufferIsSearchedInsteadOfDisk();
    void invalidRegexIsRefused();
    void newSearchCancelsTheRunningOne();
    void cancelEndsWithoutResults();
    void destroyedWhileSearching();
    void replacement_data();
    void replacement();
    void replaceInFileKeepsLineEndings();
    void replaceInFileSkipsChangedFile();
};

void tst_FileSearch::findsAcrossTwoFolders()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("server/net.py")), "def handle():\n    return 'ping'\n");
    writeFile(dir.filePath(QStringLiteral("server/sub/util.py")), "x = 1\n# ping me\n");
    writeFile(dir.filePath(QStringLiteral("client/app.py")), "print('ping', 'ping')\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = QStringLiteral("ping");
    query.roots = {dir.filePath(QStringLiteral("server")), dir.filePath(QStringLiteral("client"))};
    FileSearchSummary summary;
    const QList<FileSearchResult> results = runSearch(search, query, &summary);
    QCOMPARE(displayPaths(results),
             QStringList({QStringLiteral("client/app.py"), QStringLiteral("server/net.py"),
                          QStringLiteral("server/sub/util.py")}));
    QCOMPARE(summary.matches, 4);
    QCOMPARE(summary.filesMatched, 3);
    for (const FileSearchResult &result : results) {
        if (result.displayPath == QLatin1String("server/net.py")) {
            QCOMPARE(result.matches.size(), 1);
            QCOMPARE(result.matches.first().line, 2);
            QCOMPARE(result.matches.first().column, 12);
            QCOMPARE(result.matches.first().lineText, QStringLiteral("    return 'ping'"));
            QCOMPARE(result.path, QFileInfo(dir.filePath(QStringLiteral("server/net.py"))).absoluteFilePath());
        }
    }
}

void tst_FileSearch::options_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<int>("matches");
    // The text: "Count count counter = count_of(COUNT)\n"
    QTest::newRow("plain, any case") << "count" << false << false << false << 5;
    QTest::newRow("plain, match case") << "count" << false << true << false << 3;
    QTest::newRow("whole word") << "count" << false << false << true << 3;
    QTest::newRow("whole word, match case") << "count" << false << true << true << 1;
    QTest::newRow("regex") << "count(er|_of)" << true << false << false << 2;
    QTest::newRow("regex, case") << "C[a-z]+" << true << true << false << 1;
    QTest::newRow("regex, whole word") << "c\\w+" << true << false << true << 5;
    QTest::newRow("dot is literal in plain") << "." << false << false << false << 0;
}

void tst_FileSearch::options()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWord);
    QFETCH(int, matches);
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.py")), "Count count counter = count_of(COUNT)\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = pattern;
    query.regex = regex;
    query.caseSensitive = caseSensitive;
    query.wholeWord = wholeWord;
    query.roots = {dir.path()};
    FileSearchSummary summary;
    runSearch(search, query, &summary);
    QCOMPARE(summary.matches, matches);
}

void tst_FileSearch::skipsBinaryAndToolFolders()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.py")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("image.png")), QByteArray("needle\0\x89PNG", 11));
    writeFile(dir.filePath(QStringLiteral(".git/config")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("__pycache__/a.cpython-311.pyc")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("myenv/pyvenv.cfg")), "home = /usr/bin\n");
    writeFile(dir.filePath(QStringLiteral("myenv/lib/x.py")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("build/out.py")), "needle\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = QStringLiteral("needle");
    query.roots = {dir.path()};
    FileSearchSummary summary;
    const QList<FileSearchResult> results = runSearch(search, query, &summary);
    QCOMPARE(displayPaths(results), QStringList{QStringLiteral("a.py")});
    QCOMPARE(summary.binarySkipped, 1);
}

void tst_FileSearch::fileFilter()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.py")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("notes.txt")), "needle\n");
    writeFile(dir.filePath(QStringLiteral("data.json")), "\"needle\"\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = QStringLiteral("needle");
    query.roots = {dir.path()};
    query.fileFilters = FileSearchQuery::parseFilters(QStringLiteral("*.py, *.txt"));
    QCOMPARE(query.fileFilters, QStringList({QStringLiteral("*.py"), QStringLiteral("*.txt")}));
    QCOMPARE(displayPaths(runSearch(search, query)), QStringList({QStringLiteral("a.py"), QStringLiteral("notes.txt")}));
}

void tst_FileSearch::openBufferIsSearchedInsteadOfDisk()
{
    QTemporaryDir dir;
    const QString path = QFileInfo(dir.filePath(QStringLiteral("a.py"))).absoluteFilePath();
    writeFile(path, "old = 1\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = QStringLiteral("new");
    query.roots = {dir.path()};
    query.openBuffers.insert(path, QStringLiteral("old = 1\nnew = 2\n"));
    const QList<FileSearchResult> results = runSearch(search, query);
    QCOMPARE(results.size(), 1);
    QVERIFY(results.first().fromBuffer);
    QCOMPARE(results.first().matches.first().line, 2);
    QCOMPARE(results.first().fingerprint, FileSearch::fingerprint(QStringLiteral("old = 1\nnew = 2\n")));
}

void tst_FileSearch::invalidRegexIsRefused()
{
    FileSearch search;
    QSignalSpy finished(&search, &FileSearch::finished);
    FileSearchQuery query;
    query.pattern = QStringLiteral("foo(");
    query.regex = true;
    QString error;
    QVERIFY(!search.start(query, &error));
    QVERIFY2(error.contains(QLatin1String("Invalid regular expression")), qPrintable(error));
    QVERIFY(!search.isRunning());
    QCOMPARE(finished.size(), 0);
}

void tst_FileSearch::newSearchCancelsTheRunningOne()
{
    QTemporaryDir dir;
    for (int i = 0; i < 200; ++i)
        writeFile(dir.filePath(QStringLiteral("m%1.py").arg(i)), "alpha = 1\nbeta = 2\n");
    FileSearch search;
    QList<FileSearchResult> results;
    connect(&search, &FileSearch::resultsFound, &search, [&](const QList<FileSearchResult> &batch) { results += batch; });
    QSignalSpy finished(&search, &FileSearch::finished);
    FileSearchQuery query;
    query.pattern = QStringLiteral("alpha");
    query.roots = {dir.path()};
    QVERIFY(search.start(query));
    query.pattern = QStringLiteral("beta");
    QVERIFY(search.start(query));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY(finished.at(0).at(0).value<FileSearchSummary>().cancelled);
    QVERIFY(!finished.at(1).at(0).value<FileSearchSummary>().cancelled);
    QCOMPARE(results.size(), 200);
    for (const FileSearchResult &result : std::as_const(results))
        QCOMPARE(result.matches.first().lineText, QStringLiteral("beta = 2"));
}

void tst_FileSearch::cancelEndsWithoutResults()
{
    QTemporaryDir dir;
    for (int i = 0; i < 200; ++i)
        writeFile(dir.filePath(QStringLiteral("m%1.py").arg(i)), "alpha = 1\n");
    FileSearch search;
    QSignalSpy results(&search, &FileSearch::resultsFound);
    QSignalSpy finished(&search, &FileSearch::finished);
    FileSearchQuery query;
    query.pattern = QStringLiteral("alpha");
    query.roots = {dir.path()};
    QVERIFY(search.start(query));
    search.cancel();
    QVERIFY(!search.isRunning());
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).value<FileSearchSummary>().cancelled);
    // Whatever the thread found before it stopped is dropped.
    QTest::qWait(200);
    QCOMPARE(results.size(), 0);
    QCOMPARE(finished.size(), 1);
}

void tst_FileSearch::destroyedWhileSearching()
{
    QTemporaryDir dir;
    for (int i = 0; i < 300; ++i)
        writeFile(dir.filePath(QStringLiteral("m%1.py").arg(i)), "alpha = 1\n");
    auto *search = new FileSearch;
    QObject receiver;
    int batches = 0;
    connect(search, &FileSearch::resultsFound, &receiver, [&batches] { ++batches; });
    FileSearchQuery query;
    query.pattern = QStringLiteral("alpha");
    query.roots = {dir.path()};
    QVERIFY(search->start(query));
    // The thread is stopped and waited for; nothing it posted arrives later.
    delete search;
    const int before = batches;
    QTest::qWait(100);
    QCOMPARE(batches, before);
}

void tst_FileSearch::replacement_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<QString>("expected");
    // In the line "value = compute(alpha, beta)", the first match.
    QTest::newRow("plain") << "compute" << false << "evaluate" << "evaluate";
    QTest::newRow("plain keeps backslashes") << "compute" << false << "a\\1" << "a\\1";
    QTest::newRow("groups") << "(\\w+)\\((\\w+), (\\w+)\\)" << true << "\\1(\\3, \\2)" << "compute(beta, alpha)";
    QTest::newRow("named group") << "(?<fn>comp\\w+)" << true << "\\g<fn>_v2" << "compute_v2";
    QTest::newRow("whole match") << "alp\\w+" << true << "[\\0]" << "[alpha]";
}

void tst_FileSearch::replacement()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(QString, replace);
    QFETCH(QString, expected);
    FileSearchQuery query;
    query.pattern = pattern;
    query.regex = regex;
    query.caseSensitive = true;
    SearchMatch match;
    match.lineText = QStringLiteral("value = compute(alpha, beta)");
    const QRegularExpressionMatch m = query.expression()->match(match.lineText);
    QVERIFY(m.hasMatch());
    match.column = int(m.capturedStart());
    match.length = int(m.capturedLength());
    QCOMPARE(FileSearch::replacement(query, match, replace), expected);
}

void tst_FileSearch::replaceInFileKeepsLineEndings()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.py"));
    writeFile(path, "a = 1\r\nb = a\r\n");
    FileSearch search;
    FileSearchQuery query;
    query.pattern = QStringLiteral("a");
    query.wholeWord = true;
    query.roots = {dir.path()};
    const QList<FileSearchResult> results = runSearch(search, query);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().matches.size(), 2);
    QCOMPARE(results.first().matches.at(1).lineText, QStringLiteral("b = a"));
    QList<TextEdit> edits;
    for (const SearchMatch &match : results.first().matches)
        edits.append({match.offset, match.length, QStringLiteral("alpha")});
    QString error;
    QVERIFY2(FileSearch::replaceInFile(results.first().path, results.first().fingerprint, edits, &error),
             qPrintable(error));
    QCOMPARE(readFile(path), QByteArray("alpha = 1\r\nb = alpha\r\n"));
}

void tst_FileSearch::replaceInFileSkipsChangedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.py"));
    writeFile(path, "a = 1\n");
    const QByteArray fingerprint = FileSearch::fingerprint(QStringLiteral("a = 1\n"));
    writeFile(path, "a = 2  # edited elsewhere\n");
    QString error;
    QVERIFY(!FileSearch::replaceInFile(path, fingerprint, {{0, 1, QStringLiteral("b")}}, &error));
    QVERIFY2(error.contains(QLatin1String("changed since the search")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("a.py")));
    QCOMPARE(readFile(path), QByteArray("a = 2  # edited elsewhere\n"));
}

QTEST_GUILESS_MAIN(tst_FileSearch)
#include "tst_filesearch.moc"
