#include "Formatter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace {

// The tool a pyproject.toml asks for, from its section headers alone: what a
// table holds does not matter, only that the project configures the tool.
Formatter::Tool toolOfPyproject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Formatter::Tool::None;
    static const QRegularExpression header(
        QStringLiteral(R"(^\s*\[\[?\s*tool\s*\.\s*("?)(ruff|black)\1\s*[\].])"));
    bool black = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        const QRegularExpressionMatch match = header.match(line);
        if (!match.hasMatch())
            continue;
        if (match.captured(2) == QLatin1String("ruff"))
            return Formatter::Tool::Ruff;
        black = true;
    }
    return black ? Formatter::Tool::Black : Formatter::Tool::None;
}

// The first lines of what the tool said on stderr, without its progress chatter.
QString toolMessage(const QByteArray &stderrBytes)
{
    QStringList lines;
    const QStringList all = QString::fromUtf8(stderrBytes).split(QLatin1Char('\n'));
    for (const QString &line : all) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("Oh no!")) ||
            trimmed.contains(QLatin1String("file failed to reformat")))
            continue;
        lines.append(trimmed);
        if (lines.size() == 6)
            break;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Formatter::Formatter(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Formatter::Result>();
}

Formatter::~Formatter()
{
    for (QProcess *process : std::as_const(m_running)) {
        if (!process)
            continue;  // an answer about a missing tool, not sent yet
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000);
    }
}

QString Formatter::toolName(Tool tool)
{
    switch (tool) {
    case Tool::Ruff:
        return QStringLiteral("ruff");
    case Tool::Black:
        return QStringLiteral("black");
    case Tool::None:
        break;
    }
    return QString();
}

Formatter::Tool Formatter::configuredTool(const QString &filePath, QString *configFile)
{
    if (filePath.isEmpty())
        return Tool::None;
    QDir dir = QFileInfo(filePath).absoluteDir();
    while (true) {
        for (const QString &name : {QStringLiteral("ruff.toml"), QStringLiteral(".ruff.toml")}) {
            if (QFileInfo::exists(dir.filePath(name))) {
                if (configFile)
                    *configFile = dir.filePath(name);
                return Tool::Ruff;
            }
        }
        const QString pyproject = dir.filePath(QStringLiteral("pyproject.toml"));
        if (QFileInfo::exists(pyproject)) {
            const Tool tool = toolOfPyproject(pyproject);
            if (configFile && tool != Tool::None)
                *configFile = pyproject;
            return tool;
        }
        if (!dir.cdUp())
            return Tool::None;
    }
}

QString Formatter::findProgram(const QString &name) const
{
    return m_searchPaths.isEmpty() ? QStandardPaths::findExecutable(name)
                                   : QStandardPaths::findExecutable(name, m_searchPaths);
}

Formatter::Choice Formatter::choose(const QString &filePath) const
{
    Choice choice;
    choice.configured = configuredTool(filePath, &choice.configFile);
    // The configured tool first; else ruff, then black. A project that asks
    // for one that is missing is formatted by the other (ruff's style is
    // black's), and the caller says so.
    QList<Tool> order{Tool::Ruff, Tool::Black};
    if (choice.configured == Tool::Black)
        std::swap(order[0], order[1]);
    for (Tool tool : order) {
        const QString program = findProgram(toolName(tool));
        if (!program.isEmpty()) {
            choice.tool = tool;
            choice.program = program;
            break;
        }
    }
    return choice;
}

int Formatter::format(const QString &filePath, const QString &text)
{
    const int request = m_nextRequest++;
    Result result;
    result.request = request;
    result.choice = choose(filePath);
    if (result.choice.tool == Tool::None) {
        result.status = Result::Status::NotInstalled;
        // Answered later, like every request, so callers have one path.
        m_running.insert(request, nullptr);
        QTimer::singleShot(0, this, [this, request, result] {
            if (m_running.contains(request))
                finish(request, result);
        });
        return request;
    }

    // The tools find their configuration from the file's name and folder.
    const QString name = filePath.isEmpty() ? QStringLiteral("untitled.py") : filePath;
    QStringList arguments;
    if (result.choice.tool == Tool::Ruff)
        arguments << QStringLiteral("format") << QStringLiteral("--stdin-filename") << name << QStringLiteral("-");
    else
        arguments << QStringLiteral("-q") << QStringLiteral("--stdin-filename") << name << QStringLiteral("-");

    auto *process = new QProcess(this);
    process->setProgram(result.choice.program);
    process->setArguments(arguments);
    if (!filePath.isEmpty())
        process->setWorkingDirectory(QFileInfo(filePath).absolutePath());
    m_running.insert(request, process);

    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, request, process, result]() mutable {
        process->disconnect(this);
        process->kill();
        result.status = Result::Status::TimedOut;
        finish(request, result);
    });
    connect(process, &QProcess::errorOccurred, this, [this, request, process, result](QProcess::ProcessError error) mutable {
        if (error != QProcess::FailedToStart)
            return;  // a crash also ends in finished(), which reports it
        process->disconnect(this);
        result.status = Result::Status::NotStarted;
        result.message = process->errorString();
        finish(request, result);
    });
    connect(process, &QProcess::finished, this,
            [this, request, process, result, sentBlank = text.trimmed().isEmpty()](int exitCode, QProcess::ExitStatus status) mutable {
                process->disconnect(this);
                const QByteArray out = process->readAllStandardOutput();
                const QString message = toolMessage(process->readAllStandardError());
                if (status != QProcess::NormalExit) {
                    result.status = Result::Status::Crashed;
                } else if (exitCode != 0) {
                    result.status = Result::Status::Refused;
                    result.message = message.isEmpty()
                                         ? QStringLiteral("exit code %1").arg(exitCode)
                                         : message;
                } else if (out.trimmed().isEmpty() && !sentBlank) {
                    result.status = Result::Status::NoOutput;
                } else {
                    result.status = Result::Status::Formatted;
                    result.text = QString::fromUtf8(out);
                    result.message = message;
                }
                finish(request, result);
            });
    process->start();
    process->write(text.toUtf8());
    process->closeWriteChannel();
    timer->start(TimeoutMs);
    return request;
}

void Formatter::cancel(int request)
{
    QProcess *process = m_running.take(request);
    if (!process)
        return;
    process->disconnect(this);
    process->kill();
    // Reaped once it has ended; deleting it now would wait for that.
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
}

void Formatter::finish(int request, Result result)
{
    if (QProcess *process = m_running.take(request))
        process->deleteLater();
    Q_EMIT finished(result);
}
