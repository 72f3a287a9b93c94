#include "DebugConsole.h"

#include "Debugger.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

QString sourceLine(const QString &file, int line)
{
    QFile f(file);
    if (line <= 0 || !f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return line <= lines.size() ? lines[line - 1].trimmed() : QString();
}

} // namespace

DebugConsole::DebugConsole(Debugger *debugger, const QString &baseDirectory, bool interactive, Writer writer,
                           QObject *parent)
    : QObject(parent), m_debugger(debugger), m_base(baseDirectory), m_interactive(interactive),
      m_write(std::move(writer))
{
    connect(m_debugger, &Debugger::paused, this, &DebugConsole::onPaused);
    connect(m_debugger, &Debugger::message, this, [this](const QString &text) {
        m_write(QStringLiteral("relive: %1\n").arg(text), true);
    });
    connect(m_debugger, &Debugger::evaluated, this, [this](int, const QString &text, bool failed) {
        if (!text.isEmpty())
            m_write(text + QLatin1Char('\n'), failed);
        prompt();
    });
}

bool DebugConsole::isPaused() const
{
    return m_debugger->currentThread() != 0;
}

QString DebugConsole::resolveFile(const QString &file) const
{
    if (QFileInfo(file).isAbsolute() || QFileInfo::exists(file))
        return QFileInfo(file).absoluteFilePath();
    return QDir(m_base).absoluteFilePath(file);
}

bool DebugConsole::addBreakpoint(const QString &spec)
{
    static const QRegularExpression form(QStringLiteral("^(.+):(\\d+)(?:\\s+(.*))?$"));
    const QRegularExpressionMatch m = form.match(spec.trimmed());
    if (!m.hasMatch()) {
        m_write(QStringLiteral("relive: a breakpoint is FILE:LINE [CONDITION], not \"%1\"\n").arg(spec), true);
        return false;
    }
    const QString file = resolveFile(m.captured(1));
    if (!QFileInfo::exists(file)) {
        m_write(QStringLiteral("relive: no such file: %1\n").arg(file), true);
        return false;
    }
    m_debugger->setEnabled(true);
    const int id = m_debugger->addBreakpoint(file, m.captured(2).toInt(), m.captured(3).trimmed());
    m_write(QStringLiteral("Breakpoint %1 at %2:%3\n").arg(id).arg(file, m.captured(2)), false);
    return true;
}

bool DebugConsole::handle(const QString &input)
{
    const QString line = input.trimmed();
    const QString command = line.section(QLatin1Char(' '), 0, 0);
    const QString rest = line.section(QLatin1Char(' '), 1).trimmed();
    static const QRegularExpression breakCommand(QStringLiteral("^(b|break)\\s+\\S+:\\d+"));
    if (breakCommand.match(line).hasMatch()) {
        addBreakpoint(rest);
        if (isPaused())
            prompt();
        return true;
    }
    if (command == QLatin1String("cl") || command == QLatin1String("clear")) {
        if (rest.isEmpty())
            m_debugger->clearBreakpoints();
        else if (!m_debugger->removeBreakpoint(rest.toInt()))
            m_write(QStringLiteral("relive: no breakpoint %1\n").arg(rest), true);
        if (isPaused())
            prompt();
        return true;
    }
    if (!isPaused()) {
        if (!m_queueWhileRunning)
            return false;
        m_queued.append(input);
        return true;
    }

    if (line.isEmpty()) {
        prompt();
    } else if (command == QLatin1String("c") || command == QLatin1String("continue")) {
        resume(int(Debugger::Action::Continue));
    } else if (command == QLatin1String("n") || command == QLatin1String("next")) {
        resume(int(Debugger::Action::StepOver));
    } else if (command == QLatin1String("s") || command == QLatin1String("step")) {
        resume(int(Debugger::Action::StepInto));
    } else if (command == QLatin1String("r") || command == QLatin1String("return")) {
        resume(int(Debugger::Action::StepOut));
    } else if (command == QLatin1String("q") || command == QLatin1String("quit") || command == QLatin1String("stop")) {
        resume(int(Debugger::Action::Stop));
    } else if (command == QLatin1String("restart")) {
        resume(int(Debugger::Action::Restart), rest.isEmpty() ? m_frame : rest.toInt());
    } else if (command == QLatin1String("retry")) {
        if (m_pause.reason != DebugPause::Reason::Exception) {
            m_write(QStringLiteral("relive: retry is for a pause on an exception; use restart\n"), true);
            prompt();
        } else {
            resume(int(Debugger::Action::Restart), 0);
        }
    } else if (command == QLatin1String("w") || command == QLatin1String("where") || command == QLatin1String("bt")) {
        for (int i = m_pause.frames.size() - 1; i >= 0; --i) {
            const DebugFrame &f = m_pause.frames[i];
            m_write(QStringLiteral("%1 %2(%3)%4()%5\n")
                        .arg(i == m_frame ? QStringLiteral(">") : QStringLiteral(" "), f.file)
                        .arg(f.line)
                        .arg(f.function, f.library ? QStringLiteral("  [library]") : QString()),
                    false);
        }
        prompt();
    } else if (command == QLatin1String("u") || command == QLatin1String("up")) {
        if (m_frame + 1 < m_pause.frames.size())
            ++m_frame;
        showFrame();
    } else if (command == QLatin1String("d") || command == QLatin1String("down")) {
        if (m_frame > 0)
            --m_frame;
        showFrame();
    } else if (command == QLatin1String("p")) {
        m_debugger->evaluate(rest, m_frame);
    } else {
        m_debugger->evaluate(line.startsWith(QLatin1Char('!')) ? line.mid(1) : line, m_frame);
    }
    return true;
}

void DebugConsole::resume(int action, int frame)
{
    QString error;
    if (!m_debugger->resume(Debugger::Action(action), m_pause.threadId, frame, &error)) {
        m_write(QStringLiteral("relive: %1\n").arg(error), true);
        prompt();
    }
}

void DebugConsole::onPaused(const DebugPause &pause)
{
    m_pause = pause;
    m_frame = 0;
    if (pause.reason == DebugPause::Reason::Exception)
        m_write(QStringLiteral("Exception: %1 (retry runs the saved code again)\n").arg(pause.exception), false);
    if (!pause.note.isEmpty())
        m_write(QStringLiteral("relive: %1\n").arg(pause.note), true);
    showFrame();
    // Each queued line may resume the thread; the rest wait for the next pause.
    while (!m_queued.isEmpty() && isPaused() && m_debugger->currentThread() == pause.threadId) {
        const QString line = m_queued.takeFirst();
        handle(line);
        const QString command = line.trimmed().section(QLatin1Char(' '), 0, 0);
        static const QStringList resuming = {QStringLiteral("c"), QStringLiteral("continue"), QStringLiteral("n"),
                                             QStringLiteral("next"), QStringLiteral("s"), QStringLiteral("step"),
                                             QStringLiteral("r"), QStringLiteral("return"), QStringLiteral("q"),
                                             QStringLiteral("quit"), QStringLiteral("stop"), QStringLiteral("restart"),
                                             QStringLiteral("retry")};
        if (resuming.contains(command))
            break;
    }
}

void DebugConsole::showFrame()
{
    if (m_frame >= m_pause.frames.size())
        return;
    const DebugFrame &f = m_pause.frames[m_frame];
    m_write(QStringLiteral("> %1(%2)%3()\n-> %4\n").arg(f.file).arg(f.line).arg(f.function, sourceLine(f.file, f.line)),
            false);
    prompt();
}

void DebugConsole::prompt()
{
    if (m_interactive && isPaused())
        m_write(QStringLiteral("(relive-dbg) "), false);
}
