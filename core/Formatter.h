#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

// Formats Python source with the formatter the project asks for, `ruff format`
// or `black`, run as a process that reads the buffer on stdin and writes the
// result on stdout. Nothing runs in the embedded interpreter and nothing waits:
// format() returns at once and finished() brings the answer.
class Formatter : public QObject
{
    Q_OBJECT
public:
    enum class Tool { None, Ruff, Black };
    Q_ENUM(Tool)

    // Which formatter formats a file, and why.
    struct Choice
    {
        Tool tool = Tool::None;       // the one that runs; None: neither is installed
        QString program;              // its executable
        Tool configured = Tool::None; // what the project's configuration asks for
        QString configFile;           // the file that asks for it
    };

    struct Result
    {
        enum class Status {
            Formatted,    // `text` is the formatted source (maybe the same as before)
            NotInstalled, // neither ruff nor black was found
            Refused,      // the formatter refused the source: `message` is what it said
            NotStarted,   // the program could not be started: `message` is why
            Crashed,      // the program ended abnormally
            TimedOut,     // it ran past TimeoutMs and was stopped
            NoOutput,     // it succeeded but gave nothing back (the file is excluded)
        };
        int request = 0;
        Status status = Status::Refused;
        Choice choice;
        QString text;
        QString message;
    };

    explicit Formatter(QObject *parent = nullptr);
    ~Formatter() override;

    // Where the executables are looked for; empty (the default) is PATH.
    void setSearchPaths(const QStringList &paths) { m_searchPaths = paths; }
    Choice choose(const QString &filePath) const;

    // The formatter the configuration nearest to `filePath` names: a ruff.toml
    // or .ruff.toml, or a pyproject.toml with [tool.ruff…] or [tool.black]
    // sections. The nearest pyproject.toml ends the search, as it does for
    // the tools themselves.
    static Tool configuredTool(const QString &filePath, QString *configFile = nullptr);
    static QString toolName(Tool tool);

    // Starts formatting `text`, the buffer of `filePath` (empty for an
    // untitled one); finished() with the returned request id follows.
    int format(const QString &filePath, const QString &text);
    // Forgets a request: its process is stopped and no finished() comes.
    void cancel(int request);
    bool isRunning(int request) const { return m_running.contains(request); }

    static constexpr int TimeoutMs = 30000;

Q_SIGNALS:
    void finished(const Formatter::Result &result);

private:
    void finish(int request, Result result);
    QString findProgram(const QString &name) const;

    QStringList m_searchPaths;
    QHash<int, QProcess *> m_running;
    int m_nextRequest = 1;
};

Q_DECLARE_METATYPE(Formatter::Result)
