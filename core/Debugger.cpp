#include "Debugger.h"

#include "CodeManager.h"
#include "DebuggerEngine_p.h"
#include "PythonRuntime_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QSemaphore>

#include <memory>

#include <frameobject.h>
#include "frames/InterpreterFrame_p.h"

namespace {

QString cleanFile(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
}

QStringList readLines(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
}

// Where line `line` (1-based) of `before` went in `after`: lines above and
// below the edited block shift with it; a line inside it is found by its text,
// the nearest occurrence to where it was.
int mapLine(const QStringList &before, const QStringList &after, int line)
{
    int prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    if (line <= prefix)
        return line;
    if (line > before.size() - suffix)
        return line + int(after.size() - before.size());
    const QString text = line - 1 < before.size() ? before[line - 1].trimmed() : QString();
    int best = 0;
    for (int i = prefix; i < after.size() - suffix; ++i) {
        if (!text.isEmpty() && after[i].trimmed() == text
            && (best == 0 || std::abs(i + 1 - line) < std::abs(best - line)))
            best = i + 1;
    }
    return best ? best : qMin(line, int(after.size()));
}

} // namespace

class Debugger::Private
{
public:
    PythonRuntime *runtime = nullptr;
    bool enabled = false;
    int nextRequest = 1;
    QHash<QString, QStringList> texts;  // file -> lines, as its breakpoints were last placed
};

Debugger::Debugger(PythonRuntime *runtime, CodeManager *manager, QObject *parent)
    : QObject(parent), d(new Private)
{
    qRegisterMetaType<Breakpoint>();
    qRegisterMetaType<DebugFrame>();
    qRegisterMetaType<DebugVariable>();
    qRegisterMetaType<DebugPause>();
    qRegisterMetaType<QList<DebugVariable>>();
    d->runtime = runtime;
    QPointer<Debugger> self(this);
    DebuggerEngine::instance().setSinks({
        [self](const DebugPause &pause) {
            QMetaObject::invokeMethod(self, [self, pause] {
                if (self)
                    Q_EMIT self->paused(pause);
            }, Qt::QueuedConnection);
        },
        [self](quint64 threadId) {
            QMetaObject::invokeMethod(self, [self, threadId] {
                if (self)
                    Q_EMIT self->resumed(threadId);
            }, Qt::QueuedConnection);
        },
    });
    if (manager) {
        connect(manager, &CodeManager::reloaded, this, [this](const ReloadReport &report) {
            if (report.ok())
                onReloaded(cleanFile(report.file));
        });
    }
}

Debugger::~Debugger()
{
    DebuggerEngine::instance().setSinks({});
    DebuggerEngine::instance().clearBreakpoints();
    // Paused threads would wait forever for a window that is gone.
    for (const DebugPause &pause : DebuggerEngine::instance().pausedThreads())
        DebuggerEngine::instance().post(pause.threadId, {DebugCommand::Kind::Continue, 0, {}});
    delete d;
}

void Debugger::setEnabled(bool enabled)
{
    if (d->enabled == enabled)
        return;
    d->enabled = enabled;
    const unsigned long live = liveThreadId(d->runtime);
    // Waits, so that code started next already runs under the hook.
    auto done = std::make_shared<QSemaphore>();
    postLive(d->runtime, [enabled, live, done] {
        debugThreadState().excluded = true;
        DebuggerEngine::instance().setEnabled(enabled, live);
        done->release();
    });
    done->acquire();
}

bool Debugger::isEnabled() const
{
    return d->enabled;
}

int Debugger::addBreakpoint(const QString &file, int line, const QString &condition, int hitTarget, bool temporary)
{
    Breakpoint bp;
    bp.file = cleanFile(file);
    bp.line = bp.requestedLine = line;
    bp.condition = condition;
    bp.hitTarget = hitTarget;
    bp.temporary = temporary;
    const int id = DebuggerEngine::instance().addBreakpoint(bp);
    d->texts.insert(bp.file, readLines(bp.file));
    resolveBreakpoint(id);
    Q_EMIT breakpointsChanged();
    return id;
}

void Debugger::resolveBreakpoint(int id)
{
    QPointer<Debugger> self(this);
    postLive(d->runtime, [self, id] {
        DebuggerEngine &engine = DebuggerEngine::instance();
        std::optional<Breakpoint> bp = engine.breakpoint(id);
        if (!bp)
            return;
        QString error;
        const int resolved = engine.resolveLine(bp->file, bp->line, &error);
        const int before = bp->line;
        // Only the line changes here: a condition set meanwhile on the GUI
        // thread must not be overwritten with this older copy.
        if (resolved > 0)
            engine.setResolvedLine(id, resolved);
        engine.traceRunningFrames();
        const Breakpoint result = engine.breakpoint(id).value_or(*bp);
        QMetaObject::invokeMethod(self, [self, result, before, resolved, error] {
            if (!self)
                return;
            if (!error.isEmpty())
                Q_EMIT self->message(tr("Breakpoint %1:%2 is not checked yet: %3")
                                         .arg(QFileInfo(result.file).fileName()).arg(before).arg(error));
            else if (resolved == 0)
                Q_EMIT self->message(tr("Breakpoint %1:%2: no code on or after this line")
                                         .arg(QFileInfo(result.file).fileName()).arg(before));
            else if (resolved != before)
                Q_EMIT self->message(tr("Breakpoint moved from line %1 to line %2 of %3, the next line with code")
                                         .arg(before).arg(resolved).arg(QFileInfo(result.file).fileName()));
            Q_EMIT self->breakpointsChanged();
        }, Qt::QueuedConnection);
    });
}

void Debugger::onReloaded(const QString &file)
{
    auto it = d->texts.find(file);
    if (it == d->texts.end())
        return;
    const QStringList after = readLines(file);
    bool changed = false;
    for (Breakpoint bp : DebuggerEngine::instance().breakpoints()) {
        if (bp.file != file)
            continue;
        const int line = mapLine(*it, after, bp.line);
        if (line != bp.line) {
            bp.line = line;
            DebuggerEngine::instance().updateBreakpoint(bp);
            resolveBreakpoint(bp.id);
            changed = true;
        }
    }
    *it = after;
    DebuggerEngine::instance().invalidate();
    if (changed)
        Q_EMIT breakpointsChanged();
}

bool Debugger::removeBreakpoint(int id)
{
    const bool removed = DebuggerEngine::instance().removeBreakpoint(id);
    if (removed)
        Q_EMIT breakpointsChanged();
    return removed;
}

void Debugger::clearBreakpoints()
{
    DebuggerEngine::instance().clearBreakpoints();
    Q_EMIT breakpointsChanged();
}

bool Debugger::setCondition(int id, const QString &condition)
{
    std::optional<Breakpoint> bp = DebuggerEngine::instance().breakpoint(id);
    if (!bp)
        return false;
    bp->condition = condition;
    DebuggerEngine::instance().updateBreakpoint(*bp);
    Q_EMIT breakpointsChanged();
    return true;
}

QList<Breakpoint> Debugger::breakpoints() const
{
    return DebuggerEngine::instance().breakpoints();
}

void Debugger::setExceptionMode(ExceptionMode mode)
{
    DebuggerEngine::instance().setExceptionMode(int(mode));
    if (d->enabled)
        postLive(d->runtime, [] { DebuggerEngine::instance().traceRunningFrames(); });
}

Debugger::ExceptionMode Debugger::exceptionMode() const
{
    return ExceptionMode(DebuggerEngine::instance().exceptionMode());
}

QList<DebugPause> Debugger::pausedThreads() const
{
    return DebuggerEngine::instance().pausedThreads();
}

quint64 Debugger::currentThread() const
{
    return DebuggerEngine::instance().currentThread();
}

bool Debugger::resume(Action action, quint64 threadId, int frame, QString *error)
{
    if (threadId == 0)
        threadId = currentThread();
    DebugPause pause;
    bool found = false;
    for (const DebugPause &p : pausedThreads()) {
        if (p.threadId == threadId) {
            pause = p;
            found = true;
        }
    }
    if (!found) {
        if (error)
            *error = tr("No thread is paused.");
        return false;
    }
    DebugCommand command;
    switch (action) {
    case Action::Continue: command.kind = DebugCommand::Kind::Continue; break;
    case Action::StepOver: command.kind = DebugCommand::Kind::StepOver; break;
    case Action::StepInto: command.kind = DebugCommand::Kind::StepInto; break;
    case Action::StepOut: command.kind = DebugCommand::Kind::StepOut; break;
    case Action::Stop: command.kind = DebugCommand::Kind::Stop; break;
    case Action::Restart:
        if (frame < 0 || frame >= pause.frames.size()) {
            if (error)
                *error = tr("There is no frame %1.").arg(frame);
            return false;
        }
        if (!pause.frames[frame].restartRefusal.isEmpty()) {
            if (error)
                *error = tr("Cannot restart %1: %2").arg(pause.frames[frame].function,
                                                         pause.frames[frame].restartRefusal);
            return false;
        }
        command.kind = DebugCommand::Kind::Restart;
        command.frame = frame;
        break;
    }
    return DebuggerEngine::instance().post(threadId, std::move(command));
}

bool Debugger::runToLine(const QString &file, int line, quint64 threadId)
{
    addBreakpoint(file, line, {}, 0, true);
    return resume(Action::Continue, threadId);
}

int Debugger::evaluate(const QString &source, int frame, quint64 threadId)
{
    if (threadId == 0)
        threadId = currentThread();
    const int request = d->nextRequest++;
    QPointer<Debugger> self(this);
    DebugCommand command;
    command.kind = DebugCommand::Kind::Job;
    command.job = [self, request, source, frame](const std::vector<PyFrameObject *> &frames) {
        QString text;
        bool failed = true;
        if (frame < 0 || size_t(frame) >= frames.size()) {
            text = tr("There is no frame %1.").arg(frame);
        } else {
            PyFrameObject *f = frames[size_t(frame)];
            try {
                py::object globals = py::reinterpret_steal<py::object>(PyFrame_GetGlobals(f));
                py::object locals = py::reinterpret_steal<py::object>(PyFrame_GetLocals(f));
                py::tuple result = DebuggerEngine::instance().helper().attr("run_in_frame")(
                    source.toStdString(), globals, locals);
                // Assignments to locals reach the frame when it continues.
                frames::writeBackLocals(f);
                text = QString::fromStdString(result[0].cast<std::string>());
                failed = result[1].cast<bool>();
            } catch (py::error_already_set &e) {
                text = QString::fromStdString(e.what());
            }
        }
        QMetaObject::invokeMethod(self, [self, request, text, failed] {
            if (self)
                Q_EMIT self->evaluated(request, text, failed);
        }, Qt::QueuedConnection);
    };
    return DebuggerEngine::instance().post(threadId, std::move(command)) ? request : 0;
}

int Debugger::requestVariables(int frame, const QString &expression, int start, int count, quint64 threadId)
{
    if (threadId == 0)
        threadId = currentThread();
    const int request = d->nextRequest++;
    QPointer<Debugger> self(this);
    DebugCommand command;
    command.kind = DebugCommand::Kind::Job;
    command.job = [self, request, expression, frame, start, count](const std::vector<PyFrameObject *> &frames) {
        QList<DebugVariable> variables;
        int total = 0;
        if (frame >= 0 && size_t(frame) < frames.size()) {
            PyFrameObject *f = frames[size_t(frame)];
            try {
                py::object helper = DebuggerEngine::instance().helper();
                py::object globals = py::reinterpret_steal<py::object>(PyFrame_GetGlobals(f));
                py::object locals = py::reinterpret_steal<py::object>(PyFrame_GetLocals(f));
                py::tuple page;
                if (expression.isEmpty())
                    page = helper.attr("scope_children")(locals, start, count);
                else if (expression == QLatin1String("<globals>"))
                    page = helper.attr("scope_children")(globals, start, count);
                else
                    page = helper.attr("value_children")(expression.toStdString(), globals, locals, start, count);
                total = page[1].cast<int>();
                for (py::handle row : page[0]) {
                    py::tuple t = py::reinterpret_borrow<py::tuple>(row);
                    DebugVariable v;
                    v.name = QString::fromStdString(t[0].cast<std::string>());
                    v.expression = QString::fromStdString(t[1].cast<std::string>());
                    v.type = QString::fromStdString(t[2].cast<std::string>());
                    v.value = QString::fromStdString(t[3].cast<std::string>());
                    v.hasChildren = t[4].cast<bool>() && !v.expression.isEmpty();
                    variables.append(v);
                }
            } catch (py::error_already_set &e) {
                DebugVariable v;
                v.name = expression;
                v.value = QString::fromStdString(e.what());
                variables.append(v);
            }
        }
        QMetaObject::invokeMethod(self, [self, request, variables, total] {
            if (self)
                Q_EMIT self->variablesReady(request, variables, total);
        }, Qt::QueuedConnection);
    };
    return DebuggerEngine::instance().post(threadId, std::move(command)) ? request : 0;
}
