#include "DebugController.h"

#include "BreakpointsPanel.h"
#include "CallStackPanel.h"
#include "CodeEditor.h"
#include "ConsoleWidget.h"
#include "Debugger.h"
#include "EditorTabs.h"
#include "VariablesPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace {

QString sessionsKey() { return QStringLiteral("breakpoints"); }
QString exceptionModeKey() { return QStringLiteral("debug/exceptionMode"); }
QString consoleExceptionsKey() { return QStringLiteral("debug/pauseOnConsoleExceptions"); }

QString shortFunctionName(const QString &qualified)
{
    return qualified.section(QLatin1Char('.'), -1);
}

} // namespace

DebugController::DebugController(QMainWindow *window, EditorTabs *editors, ConsoleWidget *console)
    : QObject(window)
    , m_window(window)
    , m_editors(editors)
    , m_console(console)
    , m_breakpoints(new BreakpointsPanel(window))
    , m_callStack(new CallStackPanel(window))
    , m_variables(new VariablesPanel(nullptr, window))
{
    createDocks();
    connect(m_editors, &EditorTabs::currentEditorChanged, this, [this](CodeEditor *editor) {
        attachEditor(editor);
        updateActions();
    });
    connect(m_editors, &EditorTabs::fileSaved, this, [this](const QString &path) {
        if (isPaused() && !m_pause.frames.isEmpty() && samePath(path) == samePath(m_pause.frames.first().file))
            m_savedSincePause = true;
        updateActions();
    });
    connect(m_editors, &EditorTabs::modificationChanged, this, &DebugController::updateActions);
    connect(m_callStack, &CallStackPanel::frameSelected, this, &DebugController::selectFrame);
    connect(m_variables, &VariablesPanel::inspectRequested, this, &DebugController::openInInspector);
    connect(m_breakpoints, &BreakpointsPanel::locationActivated, this,
            [this](const QString &file, int line) { m_editors->openFile(file, line); });
    connect(m_breakpoints, &BreakpointsPanel::removeRequested, this, [this](int id) {
        if (m_debugger)
            m_debugger->removeBreakpoint(id);
    });
    connect(m_breakpoints, &BreakpointsPanel::removeAllRequested, this, [this] {
        if (!m_debugger)
            return;
        for (const Breakpoint &bp : m_debugger->breakpoints()) {
            if (!bp.temporary)
                m_debugger->removeBreakpoint(bp.id);
        }
    });
    connect(m_breakpoints, &BreakpointsPanel::editRequested, this, &DebugController::editBreakpoint);
}

DebugController::~DebugController() = default;

void DebugController::createDocks()
{
    auto makeDock = [this](const QString &title, const QString &name, QWidget *widget) {
        auto *dock = new QDockWidget(title, m_window);
        dock->setObjectName(name);
        dock->setWidget(widget);
        m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
        return dock;
    };
    m_variablesDock = makeDock(tr("Variables"), QStringLiteral("variablesDock"), m_variables);
    m_callStackDock = makeDock(tr("Call Stack"), QStringLiteral("callStackDock"), m_callStack);
    QDockWidget *breakpoints = makeDock(tr("Breakpoints"), QStringLiteral("breakpointsDock"), m_breakpoints);
    // On the right, so that while paused the editor, the console, the
    // variables and the call stack are all in sight.
    auto *namespaces = m_window->findChild<QDockWidget *>(QStringLiteral("namespaceDock"));
    auto *log = m_window->findChild<QDockWidget *>(QStringLiteral("reloadLogDock"));
    if (namespaces && log) {
        m_window->tabifyDockWidget(namespaces, m_variablesDock);
        m_window->tabifyDockWidget(log, m_callStackDock);
        m_window->tabifyDockWidget(log, breakpoints);
        namespaces->raise();
        log->raise();
    }
}

void DebugController::setDebugger(Debugger *debugger)
{
    m_debugger = debugger;
    m_variables->setDebugger(debugger);
    connect(m_debugger, &Debugger::breakpointsChanged, this, &DebugController::refreshBreakpoints);
    connect(m_debugger, &Debugger::paused, this, &DebugController::onPaused);
    connect(m_debugger, &Debugger::resumed, this, &DebugController::onResumed);
    connect(m_debugger, &Debugger::message, this, &DebugController::message);
    connect(m_debugger, &Debugger::evaluated, this, [this](int id, const QString &text, bool failed) {
        // An "Open in Inspector" answers in the Inspector; only its failure here.
        if (!m_inspectRequests.remove(id) || failed)
            m_console->appendEvaluation(text, failed);
    });
    const int mode = QSettings().value(exceptionModeKey(), int(Debugger::ExceptionMode::Uncaught)).toInt();
    setExceptionMode(qBound(0, mode, 2));
    refreshBreakpoints();
}

QAction *DebugController::action(const QString &name) const
{
    return m_actions.value(name);
}

void DebugController::createActions(QAction *runFile, QAction *stop)
{
    m_runFile = runFile;
    auto *menu = new QMenu(tr("&Debug"), m_window->menuBar());
    menu->setObjectName(QStringLiteral("debugMenu"));
    // Between Run and View, where other IDEs have it.
    auto *view = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    m_window->menuBar()->insertMenu(view ? view->menuAction() : nullptr, menu);
    QToolBar *toolBar = m_window->addToolBar(tr("Debug"));
    toolBar->setObjectName(QStringLiteral("debugToolBar"));
    toolBar->setIconSize(QSize(18, 18));
    QStyle *style = m_window->style();
    auto add = [&](const QString &name, const QString &text, QStyle::StandardPixmap icon,
                   const QKeySequence &key, auto slot) {
        QAction *action = menu->addAction(text, this, slot);
        action->setObjectName(name);
        if (icon != QStyle::SP_CustomBase) {
            action->setIcon(style->standardIcon(icon));
            toolBar->addAction(action);
        }
        if (!key.isEmpty())
            action->setShortcut(key);
        m_actions.insert(name, action);
        return action;
    };
    add(QStringLiteral("continueAction"), tr("&Continue"), QStyle::SP_MediaPlay, {},
        [this] { resume(int(Debugger::Action::Continue)); });
    add(QStringLiteral("stepOverAction"), tr("Step &Over"), QStyle::SP_ArrowRight, QKeySequence(Qt::Key_F10),
        [this] { resume(int(Debugger::Action::StepOver)); });
    add(QStringLiteral("stepIntoAction"), tr("Step &Into"), QStyle::SP_ArrowDown, QKeySequence(Qt::Key_F11),
        [this] { resume(int(Debugger::Action::StepInto)); });
    add(QStringLiteral("stepOutAction"), tr("Step O&ut"), QStyle::SP_ArrowUp,
        QKeySequence(Qt::SHIFT | Qt::Key_F11), [this] { resume(int(Debugger::Action::StepOut)); });
    add(QStringLiteral("runToCursorAction"), tr("Run to &Cursor"), QStyle::SP_CustomBase,
        QKeySequence(Qt::CTRL | Qt::Key_F10), [this] { runToCursor(); });
    menu->addSeparator();
    add(QStringLiteral("restartFrameAction"), tr("&Restart Frame"), QStyle::SP_BrowserReload,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), [this] { restartFrame(); });
    add(QStringLiteral("retryAction"), tr("Re&try"), QStyle::SP_DialogRetryButton, {}, [this] {
        QString error;
        if (!m_debugger->resume(Debugger::Action::Restart, m_pause.threadId, 0, &error))
            Q_EMIT message(error);
    });
    menu->addSeparator();
    add(QStringLiteral("toggleBreakpointAction"), tr("Toggle &Breakpoint"), QStyle::SP_CustomBase,
        QKeySequence(Qt::Key_F9), [this] {
            if (CodeEditor *editor = m_editors->currentEditor())
                toggleBreakpoint(editor->filePath(), editor->currentLine());
        });
    QMenu *modes = menu->addMenu(tr("Pause on &Exceptions"));
    m_exceptionModes = new QActionGroup(this);
    const QStringList names = {tr("&Never"), tr("&Uncaught"), tr("&Raised in My Code")};
    for (int mode = 0; mode < names.size(); ++mode) {
        QAction *choice = modes->addAction(names.at(mode), this, [this, mode] { setExceptionMode(mode); });
        choice->setCheckable(true);
        choice->setData(mode);
        choice->setObjectName(QStringLiteral("exceptionMode%1").arg(mode));
        m_exceptionModes->addAction(choice);
    }
    modes->addSeparator();
    QAction *inConsole = modes->addAction(tr("Also in &Console Commands"));
    inConsole->setObjectName(QStringLiteral("exceptionsInConsoleAction"));
    inConsole->setToolTip(tr("Off, an exception from a console command prints its traceback, as in every Python shell"));
    inConsole->setCheckable(true);
    inConsole->setChecked(QSettings().value(consoleExceptionsKey(), false).toBool());
    connect(inConsole, &QAction::toggled, this, [](bool on) { QSettings().setValue(consoleExceptionsKey(), on); });
    m_actions.insert(inConsole->objectName(), inConsole);
    auto *modeButton = new QToolButton(toolBar);
    modeButton->setMenu(modes);
    modeButton->setPopupMode(QToolButton::InstantPopup);
    modeButton->setText(tr("Exceptions"));
    modeButton->setToolTip(tr("When an exception pauses the program"));
    modeButton->setIcon(style->standardIcon(QStyle::SP_MessageBoxWarning));
    modeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addWidget(modeButton);
    Q_UNUSED(stop);
    // One Stop (Run ▸ Stop, the console's button and Ctrl+C) goes through the
    // console. A thread parked in the debugger, where the usual interrupt
    // cannot reach it, is stopped with a debugger command.
    connect(m_console, &ConsoleWidget::stopRequested, this, [this](QList<quint64> *stopped) {
        if (isPaused() && m_debugger->resume(Debugger::Action::Stop, m_pause.threadId))
            stopped->append(m_pause.threadId);
    });
    const int mode = QSettings().value(exceptionModeKey(), int(Debugger::ExceptionMode::Uncaught)).toInt();
    if (QAction *checked = m_exceptionModes->actions().value(qBound(0, mode, 2)))
        checked->setChecked(true);
    updateActions();
}

void DebugController::setExceptionMode(int mode)
{
    QSettings().setValue(exceptionModeKey(), mode);
    if (m_exceptionModes) {
        if (QAction *choice = m_exceptionModes->actions().value(mode))
            choice->setChecked(true);
    }
    if (!m_debugger)
        return;
    m_debugger->setExceptionMode(Debugger::ExceptionMode(mode));
    updateEnabled();
}

bool DebugController::wantsDebugger() const
{
    if (!m_debugger)
        return false;
    if (m_debugger->exceptionMode() != Debugger::ExceptionMode::Never)
        return true;
    const QList<Breakpoint> all = m_debugger->breakpoints();
    return std::any_of(all.begin(), all.end(), [](const Breakpoint &bp) { return !bp.temporary; });
}

void DebugController::updateEnabled()
{
    if (!m_debugger)
        return;
    const bool wanted = wantsDebugger();
    // A paused thread stays under the debugger until it goes on.
    if (wanted || !isPaused())
        m_debugger->setEnabled(wanted || isPaused());
}

QString DebugController::samePath(const QString &path)
{
    return EditorTabs::normalizedPath(path);
}

void DebugController::openSession(const QString &folder)
{
    m_folder = samePath(folder);
    m_breakpoints->setBaseFolder(m_folder);
    if (!m_debugger)
        return;
    m_restoring = true;
    for (const Breakpoint &bp : m_debugger->breakpoints())
        m_debugger->removeBreakpoint(bp.id);
    const QVariantList saved = QSettings().value(sessionsKey()).toMap().value(m_folder).toList();
    for (const QVariant &entry : saved) {
        const QVariantMap map = entry.toMap();
        const QString file = map.value(QStringLiteral("file")).toString();
        if (QFileInfo(file).isFile())
            m_debugger->addBreakpoint(file, map.value(QStringLiteral("line")).toInt(),
                                      map.value(QStringLiteral("condition")).toString(),
                                      map.value(QStringLiteral("hitTarget")).toInt());
    }
    m_restoring = false;
    refreshBreakpoints();
}

void DebugController::saveSession()
{
    if (m_folder.isEmpty() || m_restoring || !m_debugger)
        return;
    QVariantList list;
    for (const Breakpoint &bp : m_debugger->breakpoints()) {
        if (bp.temporary)
            continue;
        QVariantMap map;
        map.insert(QStringLiteral("file"), bp.file);
        map.insert(QStringLiteral("line"), bp.line);
        map.insert(QStringLiteral("condition"), bp.condition);
        map.insert(QStringLiteral("hitTarget"), bp.hitTarget);
        list.append(map);
    }
    QSettings settings;
    QVariantMap sessions = settings.value(sessionsKey()).toMap();
    sessions.insert(m_folder, list);
    settings.setValue(sessionsKey(), sessions);
}

void DebugController::refreshBreakpoints()
{
    if (!m_debugger || m_restoring)
        return;
    const QList<Breakpoint> all = m_debugger->breakpoints();
    m_breakpoints->setBreakpoints(all);
    for (CodeEditor *editor : m_editors->editors()) {
        attachEditor(editor);
        applyMarks(editor);
    }
    m_engineLines.clear();
    for (const Breakpoint &bp : all)
        m_engineLines.insert(bp.id, bp.line);
    saveSession();
    updateEnabled();
    updateActions();
}

void DebugController::applyMarks(CodeEditor *editor)
{
    if (!m_debugger || editor->filePath().isEmpty())
        return;
    const QString file = samePath(editor->filePath());
    QSet<int> wanted;
    for (const Breakpoint &bp : m_debugger->breakpoints()) {
        if (bp.temporary || samePath(bp.file) != file)
            continue;
        wanted.insert(bp.id);
        const bool conditional = !bp.condition.isEmpty() || bp.hitTarget > 1;
        const int shown = editor->breakpointMarkLine(bp.id);
        if (!shown || !editor->document()->isModified()) {
            // The buffer is the file: the engine's line is where it pauses.
            editor->setBreakpointMark(bp.id, bp.line, conditional);
            continue;
        }
        // The mark follows unsaved edits; it moves only by what the engine
        // changed since (a line without code moved to the next statement).
        const int delta = bp.line - m_engineLines.value(bp.id, bp.line);
        editor->setBreakpointMark(bp.id, shown + delta, conditional);
    }
    for (int id : editor->breakpointMarks()) {
        if (!wanted.contains(id))
            editor->removeBreakpointMark(id);
    }
}

void DebugController::attachEditor(CodeEditor *editor)
{
    if (!editor || editor->property("relive.debugAttached").toBool())
        return;
    editor->setProperty("relive.debugAttached", true);
    connect(editor, &CodeEditor::marginClicked, this,
            [this, editor](int line) { toggleBreakpoint(editor->filePath(), line); });
    connect(editor, &CodeEditor::marginMenuRequested, this,
            [this, editor](int line, const QPoint &pos) { showMarginMenu(editor, line, pos); });
    applyMarks(editor);
    if (isPaused() && m_frame < m_pause.frames.size()) {
        const DebugFrame &frame = m_pause.frames.at(m_frame);
        if (samePath(frame.file) == samePath(editor->filePath()))
            editor->setExecutionLine(frame.line, m_pause.reason == DebugPause::Reason::Exception && m_frame == 0);
    }
}

void DebugController::toggleBreakpoint(const QString &file, int line)
{
    if (!m_debugger || file.isEmpty() || line <= 0)
        return;
    CodeEditor *editor = m_editors->editorFor(file);
    int id = editor ? editor->breakpointMarkAt(line) : 0;
    if (!id) {
        for (const Breakpoint &bp : m_debugger->breakpoints()) {
            if (!bp.temporary && samePath(bp.file) == samePath(file) && bp.line == line)
                id = bp.id;
        }
    }
    if (id)
        m_debugger->removeBreakpoint(id);
    else
        m_debugger->addBreakpoint(file, line);
}

void DebugController::setBreakpointCondition(int id, const QString &condition, int hitTarget)
{
    if (!m_debugger)
        return;
    for (const Breakpoint &bp : m_debugger->breakpoints()) {
        if (bp.id != id)
            continue;
        if (bp.hitTarget == hitTarget) {
            m_debugger->setCondition(id, condition);
        } else {
            // The engine takes a hit count when a breakpoint is made: make it again.
            m_debugger->removeBreakpoint(id);
            m_debugger->addBreakpoint(bp.file, bp.line, condition, hitTarget);
        }
        return;
    }
}

void DebugController::editBreakpoint(int id)
{
    if (!m_debugger)
        return;
    for (const Breakpoint &bp : m_debugger->breakpoints()) {
        if (bp.id != id)
            continue;
        bool ok = false;
        const QString condition = QInputDialog::getText(
            m_window, tr("Breakpoint Condition"),
            tr("Pause at %1:%2 only when this Python expression is true (empty: always):")
                .arg(QFileInfo(bp.file).fileName()).arg(bp.line),
            QLineEdit::Normal, bp.condition, &ok);
        if (!ok)
            return;
        const int hitTarget = QInputDialog::getInt(
            m_window, tr("Breakpoint Hit Count"),
            tr("Pause from this hit on (1: every hit):"), qMax(1, bp.hitTarget), 1, 1000000, 1, &ok);
        if (!ok)
            return;
        setBreakpointCondition(id, condition.trimmed(), hitTarget > 1 ? hitTarget : 0);
        return;
    }
}

void DebugController::showMarginMenu(CodeEditor *editor, int line, const QPoint &globalPos)
{
    QMenu menu(editor);
    const int id = editor->breakpointMarkAt(line);
    const QString file = editor->filePath();
    if (id) {
        menu.addAction(tr("Edit Condition and Hit Count…"), this, [this, id] { editBreakpoint(id); });
        menu.addAction(tr("Remove Breakpoint"), this, [this, id] { m_debugger->removeBreakpoint(id); });
    } else {
        menu.addAction(tr("Add Breakpoint"), this, [this, file, line] { toggleBreakpoint(file, line); });
    }
    if (isPaused())
        menu.addAction(tr("Run to Line %1").arg(line), this,
                       [this, file, line] { m_debugger->runToLine(file, line, m_pause.threadId); });
    menu.exec(globalPos);
}

void DebugController::onPaused(const DebugPause &pause)
{
    // A typo in a console line raises in the line itself: there is no
    // function to fix or retry, and a REPL user expects the traceback, so it
    // goes on at once. An exception from a function the line called pauses.
    if (pause.reason == DebugPause::Reason::Exception && !pause.frames.isEmpty()
        && pause.frames.first().file.startsWith(QLatin1Char('<'))) {
        m_debugger->resume(Debugger::Action::Continue, pause.threadId);
        return;
    }
    // Every Python shell prints the traceback of a command's exception;
    // pausing there is the user's choice.
    if (pause.reason == DebugPause::Reason::Exception && pause.threadId == m_console->runtime()->consoleThreadId()
        && !QSettings().value(consoleExceptionsKey(), false).toBool()) {
        m_debugger->resume(Debugger::Action::Continue, pause.threadId);
        return;
    }
    showPause(pause);
    // Hits counted while it ran.
    refreshBreakpoints();
    if (m_variablesDock)
        m_variablesDock->raise();
    if (m_callStackDock)
        m_callStackDock->raise();
    // The console evaluates in the paused frame: the keys go there, not into
    // the file just opened at the pause.
    m_console->activate();
}

void DebugController::onResumed(quint64 threadId)
{
    if (threadId != m_pause.threadId)
        return;
    clearPause();
    // Another thread may still wait: show it.
    if (m_debugger) {
        const QList<DebugPause> still = m_debugger->pausedThreads();
        for (const DebugPause &pause : still) {
            if (pause.threadId != threadId) {
                showPause(still.last().threadId != threadId ? still.last() : pause);
                break;
            }
        }
    }
}

void DebugController::showPause(const DebugPause &pause)
{
    m_pause = pause;
    m_savedSincePause = false;
    m_callStack->setPause(pause);
    if (m_runFile)
        m_runFile->setShortcut(QKeySequence());
    if (QAction *next = action(QStringLiteral("continueAction")))
        next->setShortcut(QKeySequence(Qt::Key_F5));
    selectFrame(0);
    if (!pause.frames.isEmpty()) {
        const DebugFrame &top = pause.frames.first();
        Q_EMIT message(pause.reason == DebugPause::Reason::Exception
                           ? tr("Paused on %1 at %2:%3").arg(pause.exception, QFileInfo(top.file).fileName()).arg(top.line)
                           : tr("Paused at %1:%2").arg(QFileInfo(top.file).fileName()).arg(top.line));
    }
}

void DebugController::clearPause()
{
    m_pause = DebugPause();
    m_frame = 0;
    for (CodeEditor *editor : m_editors->editors())
        editor->setExecutionLine(0);
    m_callStack->clear();
    m_variables->clear();
    m_console->setFrameEvaluator(QString(), {});
    if (QAction *next = action(QStringLiteral("continueAction")))
        next->setShortcut(QKeySequence());
    if (m_runFile)
        m_runFile->setShortcut(QKeySequence(Qt::Key_F5));
    updateEnabled();
    updateActions();
}

void DebugController::selectFrame(int frame)
{
    if (!isPaused() || frame < 0 || frame >= m_pause.frames.size())
        return;
    m_frame = frame;
    {
        QSignalBlocker block(m_callStack);
        m_callStack->setCurrentFrame(frame);
    }
    for (CodeEditor *editor : m_editors->editors())
        editor->setExecutionLine(0);
    const DebugFrame &shown = m_pause.frames.at(frame);
    if (QFileInfo(shown.file).isFile()) {
        if (CodeEditor *editor = m_editors->openFile(shown.file, shown.line))
            editor->setExecutionLine(shown.line, m_pause.reason == DebugPause::Reason::Exception && frame == 0);
    }
    m_variables->showFrame(m_pause.threadId, frame);
    const quint64 thread = m_pause.threadId;
    m_console->setFrameEvaluator(shortFunctionName(shown.function), [this, thread](const QString &line) {
        if (m_debugger && !line.trimmed().isEmpty())
            m_debugger->evaluate(line, m_frame, thread);
    });
    updateActions();
}

// relive.inspect, called on the paused thread in the selected frame, opens
// the value in the Inspector panel (and raises it) as from the console: its
// handle table is guarded by the GIL, which the paused thread holds while it
// evaluates.
void DebugController::openInInspector(const QString &expression)
{
    if (!m_debugger || !isPaused())
        return;
    const int id = m_debugger->evaluate(QStringLiteral("__import__('relive').inspect(%1)").arg(expression), m_frame,
                                        m_pause.threadId);
    if (id)
        m_inspectRequests.insert(id);
}

void DebugController::resume(int action)
{
    if (!m_debugger || !isPaused())
        return;
    QString error;
    if (!m_debugger->resume(Debugger::Action(action), m_pause.threadId, 0, &error))
        Q_EMIT message(error);
}

void DebugController::restartFrame()
{
    if (!m_debugger || !isPaused())
        return;
    QString error;
    if (!m_debugger->resume(Debugger::Action::Restart, m_pause.threadId, m_frame, &error))
        Q_EMIT message(error);
}

void DebugController::runToCursor()
{
    CodeEditor *editor = m_editors->currentEditor();
    if (!m_debugger || !isPaused() || !editor || editor->filePath().isEmpty())
        return;
    m_debugger->runToLine(editor->filePath(), editor->currentLine(), m_pause.threadId);
}

bool DebugController::retryAvailable(QString *why) const
{
    if (!isPaused() || m_pause.reason != DebugPause::Reason::Exception || m_pause.frames.isEmpty()) {
        *why = tr("Retry is for a program paused on an exception.");
        return false;
    }
    const DebugFrame &top = m_pause.frames.first();
    if (!top.restartRefusal.isEmpty()) {
        *why = top.restartRefusal;
        return false;
    }
    CodeEditor *editor = m_editors->editorFor(top.file);
    if (editor && editor->document()->isModified()) {
        *why = tr("Save %1 first: Retry runs the saved code.").arg(QFileInfo(top.file).fileName());
        return false;
    }
    if (!m_savedSincePause) {
        *why = tr("Fix %1 and save it: Retry then calls %2 again with the new code.")
                   .arg(QFileInfo(top.file).fileName(), top.function);
        return false;
    }
    *why = tr("Call %1 again with the saved code and the same arguments").arg(top.function);
    return true;
}

void DebugController::updateActions()
{
    if (m_actions.isEmpty())
        return;
    const bool paused = isPaused();
    for (const char *name : {"continueAction", "stepOverAction", "stepIntoAction", "stepOutAction"})
        m_actions.value(QLatin1String(name))->setEnabled(paused);
    CodeEditor *editor = m_editors->currentEditor();
    const bool inFile = editor && !editor->filePath().isEmpty();
    m_actions.value(QStringLiteral("runToCursorAction"))->setEnabled(paused && inFile);
    m_actions.value(QStringLiteral("toggleBreakpointAction"))->setEnabled(inFile && m_debugger);
    QAction *restart = m_actions.value(QStringLiteral("restartFrameAction"));
    if (paused && m_frame < m_pause.frames.size()) {
        const DebugFrame &frame = m_pause.frames.at(m_frame);
        restart->setEnabled(frame.restartRefusal.isEmpty());
        restart->setToolTip(frame.restartRefusal.isEmpty()
                                ? tr("Call %1 again with the same arguments, running its saved code").arg(frame.function)
                                : tr("Cannot restart %1: %2").arg(frame.function, frame.restartRefusal));
    } else {
        restart->setEnabled(false);
        restart->setToolTip(tr("Restart Frame: call the selected frame's function again (while paused)"));
    }
    QAction *retry = m_actions.value(QStringLiteral("retryAction"));
    QString why;
    retry->setEnabled(retryAvailable(&why));
    retry->setToolTip(why);
    retry->setVisible(paused && m_pause.reason == DebugPause::Reason::Exception);
}
