#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

// What Find in Files looks for, and where.
struct FileSearchQuery
{
    QString pattern;
    bool regex = false;
    bool caseSensitive = false;
    bool wholeWord = false;
    // Wildcards on the file name ("*.py", "test_*"); empty: every text file.
    QStringList fileFilters;
    QStringList roots;
    // Unsaved editor text by absolute path, searched instead of the file.
    QHash<QString, QString> openBuffers;

    // The pattern as a line-wise expression; none, with `error` set, when the
    // pattern is empty or not a valid regular expression.
    std::optional<QRegularExpression> expression(QString *error = nullptr) const;
    // "*.py, *.txt" or "*.py *.txt" as a list of wildcards.
    static QStringList parseFilters(const QString &text);
};

struct SearchMatch
{
    int line = 0;   // 1-based
    int column = 0; // 0-based, in lineText
    int length = 0;
    int offset = 0; // in the searched text of the file
    QString lineText;
};

// The matches of one file, and a fingerprint of the text they were found in,
// so a replace can tell whether the file changed since.
struct FileSearchResult
{
    QString path;
    QString displayPath;
    QByteArray fingerprint;
    bool fromBuffer = false;
    QList<SearchMatch> matches;
};

struct FileSearchSummary
{
    int filesSearched = 0;
    int filesMatched = 0;
    int matches = 0;
    int binarySkipped = 0;
    bool cancelled = false;
    QString error;
};

// One replacement in a file's text.
struct TextEdit
{
    int offset = 0;
    int length = 0;
    QString text;
};

// Find in Files: walks the roots on a thread of its own (skipping binary files,
// version control, caches, virtual environments and build folders) and
// streams the matches back in batches. A new search cancels the running one;
// results of a cancelled search never arrive.
class FileSearch : public QObject
{
    Q_OBJECT
public:
    explicit FileSearch(QObject *parent = nullptr);
    ~FileSearch() override;

    // Starts searching; false with `error` set when the pattern is invalid.
    bool start(const FileSearchQuery &query, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }

    // The text `match` (found by `query`) becomes: `replace` itself, or for a
    // regular expression with \1…\9, \g<name> and \0 expanded.
    static QString replacement(const FileSearchQuery &query, const SearchMatch &match, const QString &replace);
    // `text` with `edits` applied (they must not overlap).
    static QString applyEdits(QString text, QList<TextEdit> edits);
    static QByteArray fingerprint(const QString &text);
    // Reads `path` as UTF-8 text; false for binary or undecodable files.
    static bool readText(const QString &path, QString *text, bool *binary = nullptr);
    // Applies `edits` to the file on disk, atomically, if its text still has
    // `fingerprint`; otherwise (or on a write error) false with `error` set.
    static bool replaceInFile(const QString &path, const QByteArray &fingerprint, const QList<TextEdit> &edits,
                              QString *error);
    // Folder names never searched: .git, __pycache__, venvs, build output.
    static bool isSkippedDirectory(const QString &path);

Q_SIGNALS:
    void resultsFound(const QList<FileSearchResult> &results);
    void finished(const FileSearchSummary &summary);

private:
    void deliver(quint64 id, const QList<FileSearchResult> &results);
    void finish(quint64 id, const FileSearchSummary &summary);

    QList<QThread *> m_threads;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_id = 0;
    bool m_running = false;
};

Q_DECLARE_METATYPE(FileSearchResult)
Q_DECLARE_METATYPE(FileSearchSummary)
