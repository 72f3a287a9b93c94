#include "FileSearch.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QThread>

#include <algorithm>
#include <functional>

namespace {

// Larger files are data, not source.
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
// Results go to the GUI in batches: after this many matches or this long,
// whichever comes first, so that showing one batch stays well within a frame
// and the event loop never floods.
constexpr int BatchMatches = 200;
constexpr int BatchMilliseconds = 30;

QString tr(const char *text)
{
    return QCoreApplication::translate("FileSearch", text);
}

QList<QRegularExpression> filterExpressions(const QStringList &filters)
{
    QList<QRegularExpression> expressions;
    for (const QString &filter : filters)
        expressions.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(filter)));
    return expressions;
}

bool matchesFilters(const QString &fileName, const QList<QRegularExpression> &filters)
{
    if (filters.isEmpty())
        return true;
    return std::any_of(filters.cbegin(), filters.cend(),
                       [&](const QRegularExpression &filter) { return filter.match(fileName).hasMatch(); });
}

// The matches of `expression` in `text`, line by line; zero-length matches
// (of `^` or `x*`) are not results.
QList<SearchMatch> searchText(const QString &text, const QRegularExpression &expression)
{
    QList<SearchMatch> matches;
    int lineStart = 0;
    int lineNumber = 1;
    const int size = int(text.size());
    while (lineStart <= size) {
        int lineEnd = int(text.indexOf(QLatin1Char('\n'), lineStart));
        if (lineEnd < 0)
            lineEnd = size;
        int contentEnd = lineEnd;
        if (contentEnd > lineStart && text.at(contentEnd - 1) == QLatin1Char('\r'))
            --contentEnd;
        if (contentEnd > lineStart) {
            const QString line = text.mid(lineStart, contentEnd - lineStart);
            QRegularExpressionMatchIterator it = expression.globalMatch(line);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                if (m.capturedLength() == 0)
                    continue;
                SearchMatch match;
                match.line = lineNumber;
                match.column = int(m.capturedStart());
                match.length = int(m.capturedLength());
                match.offset = lineStart + match.column;
                match.lineText = line;
                matches.append(match);
            }
        }
        if (lineEnd >= size)
            break;
        lineStart = lineEnd + 1;
        ++lineNumber;
    }
    return matches;
}

bool decodeUtf8(const QByteArray &bytes, QString *text)
{
    // The byte-order mark stays in the text, so a replace writes it back.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    *text = decoder.decode(bytes);
    return !decoder.hasError();
}

struct Walk
{
    FileSearchQuery query;
    QRegularExpression expression;
    QList<QRegularExpression> filters;
    std::shared_ptr<std::atomic_bool> cancel;
    QSet<QString> seen;
    FileSearchSummary summary;
    QList<FileSearchResult> batch;
    int batchMatches = 0;
    QElapsedTimer sinceBatch;
    std::function<void(const QList<FileSearchResult> &)> deliver;

    bool cancelled() const { return cancel->load(std::memory_order_relaxed); }

    void flush()
    {
        if (!batch.isEmpty())
            deliver(std::exchange(batch, {}));
        batchMatches = 0;
        sinceBatch.restart();
    }

    void searchFile(const QString &path, const QString &displayPath)
    {
        if (seen.contains(path))
            return;
        seen.insert(path);
        QString text;
        bool fromBuffer = false;
        const auto buffer = query.openBuffers.constFind(path);
        if (buffer != query.openBuffers.cend()) {
            text = *buffer;
            fromBuffer = true;
        } else {
            bool binary = false;
            if (!FileSearch::readText(path, &text, &binary)) {
                if (binary)
                    ++summary.binarySkipped;
                return;
            }
        }
        ++summary.filesSearched;
        // A plain pattern absent from the whole text needs no line-wise look.
        if (!query.regex && !text.contains(query.pattern, query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive))
            return;
        FileSearchResult result;
        result.matches = searchText(text, expression);
        if (result.matches.isEmpty())
            return;
        result.path = path;
        result.displayPath = displayPath;
        result.fromBuffer = fromBuffer;
        result.fingerprint = FileSearch::fingerprint(text);
        ++summary.filesMatched;
        summary.matches += int(result.matches.size());
        batchMatches += int(result.matches.size());
        batch.append(result);
        if (batchMatches >= BatchMatches || sinceBatch.elapsed() >= BatchMilliseconds)
            flush();
    }

    void walk(const QString &directory, const QString &prefix)
    {
        if (cancelled())
            return;
        const QFileInfoList entries = QDir(directory).entryInfoList(
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsLast);
        for (const QFileInfo &entry : entries) {
            if (cancelled())
                return;
            const QString name = entry.fileName();
            if (entry.isDir()) {
                // Symbolic links to folders are not followed: no loops, no
                // file reached twice.
                if (entry.isSymLink() || FileSearch::isSkippedDirectory(entry.filePath()))
                    continue;
                walk(entry.filePath(), prefix + name + QLatin1Char('/'));
            } else if (matchesFilters(name, filters)) {
                searchFile(entry.absoluteFilePath(), prefix + name);
            }
        }
    }

    void run()
    {
        sinceBatch.start();
        QStringList roots;
        for (const QString &root : std::as_const(query.roots)) {
            // Canonical, as the editors name their files, so an open buffer
            // is found by its path.
            const QFileInfo info(root);
            const QString clean = info.canonicalFilePath().isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                                                                     : info.canonicalFilePath();
            if (!roots.contains(clean))
                roots.append(clean);
        }
        for (const QString &root : std::as_const(roots)) {
            // With several folders open a path names its folder first.
            const QString prefix = roots.size() > 1 ? QFileInfo(root).fileName() + QLatin1Char('/') : QString();
            walk(root, prefix);
        }
        // A buffer whose file is not on disk (yet) is searched all the same.
        for (auto it = query.openBuffers.cbegin(); it != query.openBuffers.cend() && !cancelled(); ++it) {
            for (const QString &root : std::as_const(roots)) {
                if (!it.key().startsWith(root + QLatin1Char('/')) || !matchesFilters(QFileInfo(it.key()).fileName(), filters))
                    continue;
                const QString prefix = roots.size() > 1 ? QFileInfo(root).fileName() + QLatin1Char('/') : QString();
                searchFile(it.key(), prefix + it.key().mid(root.size() + 1));
                break;
            }
        }
        summary.cancelled = cancelled();
        if (!summary.cancelled)
            flush();
    }
};

} // namespace

std::optional<QRegularExpression> FileSearchQuery::expression(QString *error) const
{
    if (pattern.isEmpty()) {
        if (error)
            *error = tr("Type what to find.");
        return std::nullopt;
    }
    QString source = regex ? pattern : QRegularExpression::escape(pattern);
    // Not \b: a pattern that begins or ends with punctuation is still a word
    // of its own when no word character touches it.
    if (wholeWord)
        source = QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(source);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression expression(source, options);
    if (!expression.isValid()) {
        if (error)
            *error = tr("Invalid regular expression at character %1: %2")
                         .arg(expression.patternErrorOffset() + 1 - (wholeWord ? 10 : 0))
                         .arg(expression.errorString());
        return std::nullopt;
    }
    expression.optimize();
    return expression;
}

QStringList FileSearchQuery::parseFilters(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

FileSearch::FileSearch(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<FileSearchResult>();
    qRegisterMetaType<FileSearchSummary>();
    qRegisterMetaType<QList<FileSearchResult>>();
}

FileSearch::~FileSearch()
{
    // No `finished` from a destructor: only the threads are stopped.
    if (m_cancel)
        m_cancel->store(true);
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

bool FileSearch::start(const FileSearchQuery &query, QString *error)
{
    QString message;
    const std::optional<QRegularExpression> expression = query.expression(&message);
    if (!expression) {
        if (error)
            *error = message;
        return false;
    }
    cancel();
    const quint64 id = ++m_id;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = true;
    auto walk = std::make_shared<Walk>();
    walk->query = query;
    walk->expression = *expression;
    walk->filters = filterExpressions(query.fileFilters);
    walk->cancel = m_cancel;
    walk->deliver = [this, id](const QList<FileSearchResult> &results) {
        QMetaObject::invokeMethod(this, [this, id, results] { deliver(id, results); }, Qt::QueuedConnection);
    };
    QThread *thread = QThread::create([this, id, walk] {
        walk->run();
        const FileSearchSummary summary = walk->summary;
        QMetaObject::invokeMethod(this, [this, id, summary] { finish(id, summary); }, Qt::QueuedConnection);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
    return true;
}

void FileSearch::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_running) {
        m_running = false;
        FileSearchSummary summary;
        summary.cancelled = true;
        ++m_id; // what the cancelled thread still sends is dropped
        Q_EMIT finished(summary);
    }
}

void FileSearch::deliver(quint64 id, const QList<FileSearchResult> &results)
{
    if (id == m_id)
        Q_EMIT resultsFound(results);
}

void FileSearch::finish(quint64 id, const FileSearchSummary &summary)
{
    if (id != m_id)
        return;
    m_running = false;
    Q_EMIT finished(summary);
}

QString FileSearch::replacement(const FileSearchQuery &query, const SearchMatch &match, const QString &replace)
{
    if (!query.regex)
        return replace;
    const std::optional<QRegularExpression> expression = query.expression();
    if (!expression)
        return replace;
    const QRegularExpressionMatch m = expression->match(match.lineText, match.column);
    if (!m.hasMatch() || m.capturedStart() != match.column)
        return replace;
    QString result;
    for (int i = 0; i < replace.size(); ++i) {
        const QChar c = replace.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= replace.size()) {
            result += c;
            continue;
        }
        const QChar next = replace.at(++i);
        if (next.isDigit()) {
            result += m.captured(next.digitValue());
        } else if (next == QLatin1Char('g') && i + 1 < replace.size() && replace.at(i + 1) == QLatin1Char('<')) {
            const int close = int(replace.indexOf(QLatin1Char('>'), i + 2));
            if (close < 0) {
                result += QStringLiteral("\\g");
                continue;
            }
            const QString name = replace.mid(i + 2, close - i - 2);
            bool isNumber = false;
            const int number = name.toInt(&isNumber);
            result += isNumber ? m.captured(number) : m.captured(name);
            i = close;
        } else if (next == QLatin1Char('n')) {
            result += QLatin1Char('\n');
        } else if (next == QLatin1Char('t')) {
            result += QLatin1Char('\t');
        } else {
            result += next;
        }
    }
    return result;
}

QString FileSearch::applyEdits(QString text, QList<TextEdit> edits)
{
    std::sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    for (const TextEdit &edit : std::as_const(edits))
        text.replace(edit.offset, edit.length, edit.text);
    return text;
}

QByteArray FileSearch::fingerprint(const QString &text)
{
    return QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(text.constData()),
                                                   text.size() * qsizetype(sizeof(QChar))),
                                    QCryptographicHash::Sha1);
}

bool FileSearch::readText(const QString &path, QString *text, bool *binary)
{
    if (binary)
        *binary = false;
    QFile file(path);
    if (file.size() > MaxFileSize || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    // A NUL byte near the start: an image, an archive, a compiled file.
    if (bytes.left(8192).contains('\0') || !decodeUtf8(bytes, text)) {
        if (binary)
            *binary = true;
        return false;
    }
    return true;
}

bool FileSearch::replaceInFile(const QString &path, const QByteArray &fingerprint, const QList<TextEdit> &edits,
                               QString *error)
{
    QString text;
    if (!readText(path, &text)) {
        *error = tr("%1 cannot be read any more.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (FileSearch::fingerprint(text) != fingerprint) {
        *error = tr("%1 changed since the search; search again to replace in it.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QStringEncoder encoder(QStringEncoder::Utf8);
    const QByteArray bytes = encoder.encode(applyEdits(text, edits));
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool FileSearch::isSkippedDirectory(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    static const QSet<QString> skipped = {QStringLiteral("__pycache__"), QStringLiteral("node_modules"),
                                          QStringLiteral("site-packages"), QStringLiteral("build"),
                                          QStringLiteral("dist")};
    if (name.startsWith(QLatin1Char('.')) || skipped.contains(name) || name.endsWith(QLatin1String(".egg-info")))
        return true;
    // A virtual environment or a CMake build folder by any name.
    const QDir dir(path);
    return dir.exists(QStringLiteral("pyvenv.cfg")) || dir.exists(QStringLiteral("CMakeCache.txt"));
}
