#include "ConsoleWidget.h"

#include "Completer.h"
#include "PythonHighlighter.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {

constexpr int DefaultScrollback = 20000;
constexpr int MaxHistory = 500;
// One insertion into the document, and how long appending may go on before
// the event loop gets a turn.
constexpr int BatchChars = 8 * 1024;
constexpr qint64 SliceMs = 12;
// The first output of a burst waits this long, to gather what follows it.
constexpr int GatherMs = 15;
// Output waiting beyond this would scroll out of the scrollback anyway.
constexpr qsizetype MaxPendingChars = 4 * 1024 * 1024;
constexpr int CompletionTextRole = Qt::UserRole + 1;

const QRegularExpression &fileLinkPattern()
{
    // "<console>" and "<string>" are not files one could open.
    static const QRegularExpression pattern(QStringLiteral("File \"([^\"<][^\"]*)\", line (\\d+)"));
    return pattern;
}

QString settingsKey()
{
    return QStringLiteral("console/history");
}

bool isBlankOrComment(const QString &line)
{
    const QString text = line.trimmed();
    return text.isEmpty() || text.startsWith(QLatin1Char('#'));
}

// A clause that goes on with the statement above it at the same indentation.
bool continuesStatement(const QString &line)
{
    static const QRegularExpression clause(QStringLiteral("^(else|elif|except|finally)\\b"));
    return clause.match(line).hasMatch();
}

// A pasted line that begins a new top-level statement: the block before it
// is over, as an empty line would have said in the shell.
bool startsStatement(const QString &line)
{
    return !line.isEmpty() && !line.at(0).isSpace() && !isBlankOrComment(line) && !continuesStatement(line);
}

// The last statement of a body: the next line is less indented.
bool endsBody(const QString &line)
{
    static const QRegularExpression jump(QStringLiteral("^\\s*(return|pass|break|continue|raise)\\b"));
    return jump.match(line).hasMatch();
}

} // namespace

ConsoleWidget::ConsoleWidget(PythonRuntime *runtime, Completer *completer, QWidget *parent)
    : QWidget(parent)
    , m_runtime(runtime)
    , m_completionSource(completer)
    , m_output(new QPlainTextEdit(this))
    , m_prompt(new QLabel(this))
    , m_input(new QLineEdit(this))
    , m_blockInput(new QPlainTextEdit(this))
    , m_stopButton(new QToolButton(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStandardItemModel(this))
    , m_flushTimer(new QTimer(this))
    , m_highlightDocument(new QTextDocument(this))
    , m_highlighter(new PythonHighlighter(m_highlightDocument))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(DefaultScrollback);
    m_output->setUndoRedoEnabled(false);
    m_output->setWordWrapMode(QTextOption::WrapAnywhere);
    m_output->viewport()->installEventFilter(this);
    m_output->viewport()->setMouseTracking(true);
    m_output->setFocusProxy(m_input);

    m_prompt->setFont(fixed);
    m_input->setFont(fixed);
    m_input->setFrame(false);
    m_input->installEventFilter(this);
    setFocusProxy(m_input);
    static_cast<PythonHighlighter *>(m_highlighter)->setDarkTheme(palette().color(QPalette::Base).lightness() < 128);
    connect(m_input, &QLineEdit::textChanged, this, &ConsoleWidget::highlightInput);
    connect(m_input, &QLineEdit::cursorPositionChanged, this, &ConsoleWidget::highlightInput);

    m_blockInput->setObjectName(QStringLiteral("blockInput"));
    m_blockInput->setFont(fixed);
    m_blockInput->setFrameShape(QFrame::NoFrame);
    m_blockInput->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_blockInput->setTabChangesFocus(false);
    m_blockInput->installEventFilter(this);
    m_blockInput->hide();
    auto *blockHighlighter = new PythonHighlighter(m_blockInput->document());
    blockHighlighter->setDarkTheme(palette().color(QPalette::Base).lightness() < 128);
    connect(m_blockInput, &QPlainTextEdit::textChanged, this, &ConsoleWidget::fitBlockInput);

    m_stopButton->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stopButton->setToolTip(tr("Stop what runs: the console command or the program (Ctrl+C)"));
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setEnabled(false);
    m_stopButton->setAutoRaise(true);
    connect(m_stopButton, &QToolButton::clicked, this, &ConsoleWidget::stop);

    auto *restartButton = new QToolButton(this);
    restartButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    restartButton->setToolTip(tr("Restart the interpreter: a fresh console, breakpoints and watches kept"));
    restartButton->setObjectName(QStringLiteral("restartButton"));
    restartButton->setAutoRaise(true);
    connect(restartButton, &QToolButton::clicked, this, &ConsoleWidget::restartInterpreter);

    auto *clearButton = new QToolButton(this);
    clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    clearButton->setToolTip(tr("Clear the console"));
    clearButton->setAutoRaise(true);
    connect(clearButton, &QToolButton::clicked, this, &ConsoleWidget::clear);

    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(4, 0, 0, 0);
    inputRow->setSpacing(2);
    inputRow->addWidget(m_prompt);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_blockInput, 1);
    // At the top of a block of several lines, level with the line's text.
    inputRow->setAlignment(m_prompt, Qt::AlignTop);
    m_prompt->setMinimumHeight(m_input->sizeHint().height());
    inputRow->addWidget(m_stopButton);
    inputRow->addWidget(restartButton);
    inputRow->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_output, 1);
    layout->addLayout(inputRow);

    // The model holds whole input lines as the completion text and the bare
    // names for display, so QLineEdit's own completer machinery can insert
    // them (and keeps Return in the popup from submitting the line).
    m_completer->setModel(m_completionModel);
    m_completer->setCompletionRole(CompletionTextRole);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setMaxVisibleItems(12);
    m_input->setCompleter(m_completer);
    m_completer->popup()->installEventFilter(this);

    // Following the output stops when the user scrolls up, and resumes
    // when they scroll back to the end or run a command.
    QScrollBar *bar = m_output->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_inserting)
            m_follow = value >= bar->maximum() - 2;
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_follow)
            scrollToEnd();
    });

    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &ConsoleWidget::flushSome);

    connect(m_runtime, &PythonRuntime::output, this,
            [this](const QString &text, PythonRuntime::Stream stream) {
                append(text, stream == PythonRuntime::Stream::Stderr ? Kind::Stderr : Kind::Stdout);
            });
    connect(m_runtime, &PythonRuntime::consoleReady, this, &ConsoleWidget::onConsoleReady);
    connect(m_runtime, &PythonRuntime::inputRequested, this, &ConsoleWidget::onInputRequested);
    connect(m_runtime, &PythonRuntime::inputCancelled, this, [this] {
        if (m_inputPending) {
            append(QStringLiteral("\n"), Kind::Echo);   // the prompt line ends there
            leaveInputMode();
        }
    });
    // A program started with F5 shows its output here, and the keys typed
    // while it runs go to it, not into the file it came from.
    connect(m_runtime, &PythonRuntime::programStarted, this, [this] {
        updateStopButton();
        activate();
    });
    connect(m_runtime, &PythonRuntime::programEnded, this, [this] {
        updateStopButton();
        activate();
    });
    m_runtime->setConsoleInputEnabled(true);
    if (m_completionSource) {
        connect(m_completionSource, &Completer::completed, this, &ConsoleWidget::onCompleted);
        connect(m_completionSource, &Completer::packageMissing, this, [this](const QString &package) {
            appendNotice(tr("Completion needs the Python package %1 (python3-%1), which this interpreter lacks")
                             .arg(package));
        });
    }

    loadHistory();
    updatePrompt();
}

ConsoleWidget::~ConsoleWidget()
{
    // Nobody is left to answer the read.
    if (m_inputPending)
        m_runtime->closeInput();
}

void ConsoleWidget::remember(const QString &line)
{
    // Answers to input() are the program's data, not commands to recall.
    if (m_inputPending || line.trimmed().isEmpty())
        return;
    if (m_history.isEmpty() || m_history.constLast() != line)
        m_history.append(line);
    while (m_history.size() > MaxHistory)
        m_history.removeFirst();
    saveHistory();
}

void ConsoleWidget::submitLine(const QString &line)
{
    // A line typed inside a block goes into the block's history entry, so
    // that Up recalls the whole block.
    const bool insideTypedBlock = m_continuation && !m_waiting && m_queue.isEmpty() && !m_inputPending
                                  && !m_frameEvaluator && !m_block.isEmpty() && !m_history.isEmpty()
                                  && m_history.constLast().section(QLatin1Char('\n'), -1) == m_block.constLast();
    if (insideTypedBlock && !line.trimmed().isEmpty()) {
        m_history.last() += QLatin1Char('\n') + line;
        saveHistory();
    } else {
        remember(line);
    }
    m_queue.append({line});
    startQueued();
}

void ConsoleWidget::startQueued()
{
    m_historyIndex = int(m_history.size());
    m_draft.clear();
    m_follow = true;
    scrollToEnd();
    pushNext();
}

void ConsoleWidget::queuePaste(const QStringList &lines)
{
    for (qsizetype i = 0; i < lines.size(); ++i)
        m_queue.append({lines.at(i), true, i == lines.size() - 1});
    startQueued();
}

void ConsoleWidget::runBlock()
{
    const QString text = m_blockInput->toPlainText();
    setInputText(QString(), false);
    if (text.trimmed().isEmpty())
        return;
    if (m_inputPending || m_frameEvaluator || text.count(QLatin1Char('\n')) == 0) {
        submitLines(text);
        return;
    }
    // One history entry, run as a paste: statement by statement, the block
    // still open at its end run.
    m_history.removeAll(text);
    m_history.append(text);
    while (m_history.size() > MaxHistory)
        m_history.removeFirst();
    saveHistory();
    queuePaste(text.split(QLatin1Char('\n')));
}

bool ConsoleWidget::isEditingBlock() const
{
    return !m_blockInput->isHidden();
}

QString ConsoleWidget::inputText() const
{
    return isEditingBlock() ? m_blockInput->toPlainText() : m_input->text();
}

void ConsoleWidget::setInputText(const QString &text, bool block)
{
    const bool hadFocus = m_input->hasFocus() || m_blockInput->hasFocus();
    if (block) {
        m_blockInput->setPlainText(text);
        m_blockInput->moveCursor(QTextCursor::End);
        m_input->clear();
        m_input->hide();
        m_blockInput->show();
        setFocusProxy(m_blockInput);
        m_output->setFocusProxy(m_blockInput);
        fitBlockInput();
        if (hadFocus)
            m_blockInput->setFocus(Qt::OtherFocusReason);
    } else {
        m_blockInput->hide();
        m_blockInput->clear();
        m_input->show();
        m_input->setText(text);
        setFocusProxy(m_input);
        m_output->setFocusProxy(m_input);
        if (hadFocus)
            m_input->setFocus(Qt::OtherFocusReason);
    }
}

void ConsoleWidget::fitBlockInput()
{
    // As tall as its lines, up to a dozen; then it scrolls.
    const int lines = qBound(1, m_blockInput->document()->blockCount(), 12);
    const QMargins margins = m_blockInput->contentsMargins();
    const int height = lines * m_blockInput->fontMetrics().lineSpacing()
                       + 2 * int(m_blockInput->document()->documentMargin()) + margins.top() + margins.bottom() + 2;
    m_blockInput->setFixedHeight(height);
}

bool ConsoleWidget::handleBlockKey(QKeyEvent *key)
{
    QTextCursor cursor = m_blockInput->textCursor();
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (key->modifiers() & Qt::ShiftModifier) {
            // A new line, indented as the editor would.
            const QString line = cursor.block().text().left(cursor.positionInBlock());
            int indent = 0;
            while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
                ++indent;
            if (line.trimmed().endsWith(QLatin1Char(':')))
                indent += 4;
            cursor.insertText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
            m_blockInput->setTextCursor(cursor);
            return true;
        }
        runBlock();
        return true;
    case Qt::Key_Up:
        if (cursor.blockNumber() == 0 && key->modifiers() == Qt::NoModifier) {
            showHistory(m_historyIndex - 1);
            return true;
        }
        return false;
    case Qt::Key_Down:
        if (cursor.blockNumber() == m_blockInput->document()->blockCount() - 1 && key->modifiers() == Qt::NoModifier) {
            showHistory(m_historyIndex + 1);
            return true;
        }
        return false;
    case Qt::Key_Tab:
        if (key->modifiers() == Qt::NoModifier) {
            const int column = cursor.positionInBlock();
            cursor.insertText(QString(4 - column % 4, QLatin1Char(' ')));
            return true;
        }
        return false;
    case Qt::Key_Escape:
        setInputText(QString(), false);
        return true;
    case Qt::Key_C:
        if (key->modifiers() == Qt::ControlModifier && !cursor.hasSelection()) {
            setInputText(QString(), false);
            interrupt();
            return true;
        }
        return false;
    case Qt::Key_L:
        if (key->modifiers() == Qt::ControlModifier) {
            clear();
            return true;
        }
        return false;
    default:
        return false;
    }
}

void ConsoleWidget::submitLines(const QString &code)
{
    QString text = code;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast();
    for (const QString &line : std::as_const(lines))
        remember(line);
    queuePaste(lines);
}

bool ConsoleWidget::pasteContinuesBlock() const
{
    // Blank lines inside a pasted body do not end it when the body goes on
    // below them (the shell, fed line by line, would stop there).
    for (const QueuedLine &line : m_queue) {
        if (!line.pasted)
            return false;
        if (!isBlankOrComment(line.text))
            return line.text.at(0).isSpace() || continuesStatement(line.text);
        if (line.endsPaste)
            return false;
    }
    return false;
}

void ConsoleWidget::pushNext()
{
    while (!m_queue.isEmpty()) {
        // The next line goes to whoever reads first, as with a terminal.
        if (m_inputPending) {
            answerInput(m_queue.takeFirst().text);
            continue;
        }
        if (m_frameEvaluator) {
            const QString text = m_queue.takeFirst().text;
            append(promptText() + QLatin1Char(' ') + text + QLatin1Char('\n'), Kind::Echo);
            m_frameEvaluator(text);
            continue;
        }
        if (m_waiting)
            return;
        QueuedLine next = m_queue.takeFirst();
        if (next.pasted && m_continuation && m_blockOpen) {
            if (isBlankOrComment(next.text) && !next.endsPaste && pasteContinuesBlock()) {
                append(QStringLiteral("... ") + next.text + QLatin1Char('\n'), Kind::Echo);
                continue;
            }
            // A decorator is followed by what it decorates, at its own indentation.
            const bool afterDecorator = !m_block.isEmpty() && m_block.constLast().trimmed().startsWith(QLatin1Char('@'));
            if (startsStatement(next.text) && !afterDecorator) {
                m_queue.prepend(next);
                next = QueuedLine{QString(), true, false};
            }
        }
        if (!m_continuation && runConsoleCommand(next.text))
            continue;
        if (!m_continuation && next.text.trimmed() == QLatin1String("help")) {
            // As the 3.13 shell: the interactive help, without parentheses.
            append(QStringLiteral(">>> ") + next.text + QLatin1Char('\n'), Kind::Echo);
            m_block.append(next.text);
            m_waiting = true;
            updateStopButton();
            m_runtime->pushConsoleLine(QStringLiteral("help()"));
            return;
        }
        m_closePastedBlock = next.endsPaste;
        // Echoed when it runs, so it appears after the output of the line before.
        append((m_continuation ? QStringLiteral("... ") : QStringLiteral(">>> ")) + next.text
                   + QLatin1Char('\n'),
               Kind::Echo);
        m_block.append(next.text);
        m_waiting = true;
        updateStopButton();
        m_runtime->pushConsoleLine(next.text);
        return;
    }
}

void ConsoleWidget::onConsoleReady(bool continuation)
{
    m_waiting = false;
    m_continuation = continuation;
    m_blockOpen = continuation && m_runtime->isConsoleBlockOpen();
    if (!continuation)
        m_block.clear();
    // A paste that ends inside a block runs it, as if its last line were empty.
    if (std::exchange(m_closePastedBlock, false) && m_blockOpen)
        m_queue.prepend({QString(), true, false});
    updateStopButton();
    if (!m_queue.isEmpty()) {
        pushNext();
        return;
    }
    updatePrompt();
    if (m_blockOpen && m_input->text().isEmpty() && !m_block.isEmpty()) {
        // Indent the next line of a block as the editor would.
        const QString last = m_block.constLast();
        int indent = 0;
        while (indent < last.size() && last.at(indent) == QLatin1Char(' '))
            ++indent;
        if (last.trimmed().endsWith(QLatin1Char(':')))
            indent += 4;
        else if (endsBody(last))
            indent = qMax(0, indent - 4);
        m_input->setText(QString(indent, QLatin1Char(' ')));
    }
    Q_EMIT inputReady(continuation);
}

void ConsoleWidget::onInputRequested(const QString &prompt, bool password)
{
    m_inputPending = true;
    m_inputPassword = password;
    m_inputPrompt = prompt;
    updateStopButton();
    // The program (or the command) waits for the user: the keys go here.
    activate();
    if (password)
        m_input->setEchoMode(QLineEdit::Password);
    updatePrompt();
    // Lines typed or pasted ahead answer it, as they would at a terminal.
    pushNext();
}

void ConsoleWidget::answerInput(const QString &line)
{
    append((m_inputPassword ? QString() : line) + QLatin1Char('\n'), Kind::Echo);
    leaveInputMode();
    m_runtime->provideInput(line);
}

void ConsoleWidget::endInput(bool interrupted)
{
    m_queue.clear();
    m_input->clear();
    append(QStringLiteral("\n"), Kind::Echo);
    leaveInputMode();
    if (interrupted)
        m_runtime->interruptInput();
    else
        m_runtime->closeInput();
}

void ConsoleWidget::leaveInputMode()
{
    m_inputPending = false;
    if (m_inputPassword) {
        m_input->clear();
        m_input->setEchoMode(QLineEdit::Normal);
        m_inputPassword = false;
    }
    updateStopButton();
    updatePrompt();
}

bool ConsoleWidget::canStop() const
{
    return m_waiting || m_inputPending || m_runtime->isProgramRunning();
}

void ConsoleWidget::updateStopButton()
{
    const bool running = canStop();
    if (m_stopButton->isEnabled() == running)
        return;
    m_stopButton->setEnabled(running);
    Q_EMIT runningChanged();
}

void ConsoleWidget::stop()
{
    QStringList stopped;
    m_queue.clear();
    // A thread paused in the debugger cannot see the interrupt until it goes
    // on: the debugger stops it, and it is not interrupted a second time.
    const bool programRunning = m_runtime->isProgramRunning();
    if (programRunning)
        m_runtime->expectProgramStop();
    QList<quint64> stoppedPaused;
    Q_EMIT stopRequested(&stoppedPaused);
    const quint64 consoleThread = m_runtime->consoleThreadId();
    const bool consolePaused = stoppedPaused.contains(consoleThread);
    const bool programPaused = stoppedPaused.size() > (consolePaused ? 1 : 0);
    if (programRunning) {
        stopped.append(tr("the program"));
        // Also ends a read of the program's thread.
        if (!programPaused)
            m_runtime->stopProgram();
    }
    if (m_waiting) {
        stopped.append(tr("the console command"));
        if (m_inputPending)
            endInput(true);
        else if (!consolePaused)
            m_runtime->interrupt();
    } else if (m_inputPending && !programRunning) {
        // Another thread of the console's reads.
        endInput(true);
    }
    if (!stopped.isEmpty())
        appendNotice(tr("Stopping %1").arg(stopped.join(tr(" and "))));
}

void ConsoleWidget::activate()
{
    if (!m_input->isEnabled())
        return;
    for (QWidget *widget = parentWidget(); widget; widget = widget->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(widget)) {
            dock->show();
            // Selects its tab when other docks are tabbed with it.
            dock->raise();
            break;
        }
    }
    if (isEditingBlock())
        m_blockInput->setFocus(Qt::OtherFocusReason);
    else
        m_input->setFocus(Qt::OtherFocusReason);
}

bool ConsoleWidget::runConsoleCommand(const QString &line)
{
    if (m_frameEvaluator || m_inputPending || !m_block.isEmpty())
        return false;
    const QString word = line.trimmed();
    static const QStringList leave = {QStringLiteral("exit"), QStringLiteral("quit"), QStringLiteral("exit()"),
                                      QStringLiteral("quit()")};
    if (leave.contains(word)) {
        append(QStringLiteral(">>> ") + line + QLatin1Char('\n'), Kind::Echo);
        // Asked once the current key press is over.
        QMetaObject::invokeMethod(this, &ConsoleWidget::offerRestart, Qt::QueuedConnection);
        return true;
    }
    if (word == QLatin1String("clear")) {
        clear();
        return true;
    }
    return false;
}

void ConsoleWidget::offerRestart()
{
    if (findChild<QMessageBox *>(QStringLiteral("restartQuestion")))
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Restart Interpreter"),
                                tr("The console runs inside Relive, so it cannot exit. Restart the interpreter "
                                   "instead? The program is stopped and the console's variables are cleared; "
                                   "breakpoints and watches are kept."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("restartQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *restart = box->addButton(tr("&Restart"), QMessageBox::AcceptRole);
    restart->setObjectName(QStringLiteral("restartConfirm"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(restart);
    connect(box, &QMessageBox::finished, this, [this, box, restart] {
        if (box->clickedButton() == restart)
            restartInterpreter();
        activate();
    });
    box->open();
}

void ConsoleWidget::restartInterpreter()
{
    stop();
    m_block.clear();
    m_continuation = false;
    m_blockOpen = false;
    m_closePastedBlock = false;
    setInputText(QString(), false);
    m_runtime->restartConsole();
    appendNotice(tr("Interpreter restarted: a fresh __main__, and the namespaces' modules run afresh when imported"));
    updatePrompt();
    Q_EMIT interpreterRestarted();
}

void ConsoleWidget::interrupt()
{
    if (canStop()) {
        stop();
        return;
    }
    m_queue.clear();
    // Nothing runs: drop the partly entered block, as Ctrl+C does in the shell.
    m_input->clear();
    if (m_continuation || !m_block.isEmpty())
        m_runtime->resetConsoleInput();
    m_block.clear();
    m_continuation = false;
    append(QStringLiteral("KeyboardInterrupt\n"), Kind::Notice);
    updatePrompt();
}

void ConsoleWidget::clear()
{
    m_pending.clear();
    m_pendingSize = 0;
    m_output->clear();
}

void ConsoleWidget::appendNotice(const QString &text)
{
    append(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'), Kind::Notice);
}

void ConsoleWidget::setScrollbackLines(int lines)
{
    m_output->setMaximumBlockCount(lines);
}

QString ConsoleWidget::outputText() const
{
    const_cast<ConsoleWidget *>(this)->flushOutput();
    return m_output->toPlainText();
}

void ConsoleWidget::updatePrompt()
{
    if (m_inputPending) {
        // The program's own prompt (input()'s argument), its end if long.
        constexpr qsizetype MaxShown = 40;
        QString shown = m_inputPrompt.trimmed();
        if (shown.size() > MaxShown)
            shown = QStringLiteral("…") + shown.right(MaxShown - 1);
        m_prompt->setText(shown);
        m_input->setPlaceholderText(m_inputPassword ? tr("Password for the program (not shown)")
                                                    : tr("Input for the program"));
        return;
    }
    if (m_frameEvaluator) {
        m_prompt->setText(QStringLiteral("(%1) >>>").arg(m_frameName));
        m_input->setPlaceholderText(tr("Python in the paused frame"));
        return;
    }
    m_prompt->setText(m_continuation ? QStringLiteral("...") : QStringLiteral(">>>"));
    m_input->setPlaceholderText(tr("Python command"));
}

QString ConsoleWidget::promptText() const
{
    return m_prompt->text();
}

void ConsoleWidget::setFrameEvaluator(const QString &frameName, FrameEvaluator evaluator)
{
    m_frameName = frameName;
    m_frameEvaluator = std::move(evaluator);
    updatePrompt();
}

void ConsoleWidget::appendEvaluation(const QString &text, bool failed)
{
    if (text.isEmpty())
        return;
    append(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'),
           failed ? Kind::Stderr : Kind::Stdout);
}

void ConsoleWidget::append(const QString &text, Kind kind)
{
    if (text.isEmpty())
        return;
    if (!m_pending.isEmpty() && m_pending.last().kind == kind)
        m_pending.last().text += text;
    else
        m_pending.append({text, kind});
    m_pendingSize += text.size();
    while (m_pendingSize > MaxPendingChars) {
        Chunk &oldest = m_pending.first();
        const qsizetype excess = m_pendingSize - MaxPendingChars;
        if (m_pending.size() > 1 && oldest.text.size() <= excess) {
            m_pendingSize -= oldest.text.size();
            m_pending.removeFirst();
            continue;
        }
        // Drop whole lines from the front of the oldest chunk.
        qsizetype cut = oldest.text.indexOf(QLatin1Char('\n'), excess);
        cut = cut < 0 ? excess : cut + 1;
        oldest.text.remove(0, cut);
        m_pendingSize -= cut;
        break;
    }
    if (!m_flushTimer->isActive())
        m_flushTimer->start(GatherMs);
}

void ConsoleWidget::flushOutput()
{
    m_flushTimer->stop();
    while (!m_pending.isEmpty()) {
        const Chunk chunk = m_pending.takeFirst();
        insertChunk(chunk.text, chunk.kind);
    }
    m_pendingSize = 0;
    if (m_follow)
        scrollToEnd();
}

void ConsoleWidget::highlightInput()
{
    // Sending the formats moves no text, but guards against a cursor signal
    // coming back here.
    static bool active = false;
    if (active)
        return;
    active = true;
    const auto done = qScopeGuard([] { active = false; });
    QList<QTextLayout::FormatRange> formats;
    // Answers to input() are the program's data, not Python.
    if (!m_inputPending && !m_input->text().isEmpty()) {
        m_highlightDocument->setPlainText(m_input->text());
        // Now, not on the highlighter's own delayed first pass.
        m_highlighter->rehighlight();
        formats = m_highlightDocument->firstBlock().layout()->formats();
    }
    if (formats == m_inputFormats && formats.isEmpty())
        return;
    m_inputFormats = formats;
    // QLineEdit draws preedit attributes over its text: their starts are
    // relative to the cursor.
    QList<QInputMethodEvent::Attribute> attributes;
    const int cursor = m_input->cursorPosition();
    for (const QTextLayout::FormatRange &range : std::as_const(formats))
        attributes.append({QInputMethodEvent::TextFormat, range.start - cursor, range.length, range.format});
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(m_input, &event);
}

void ConsoleWidget::scrollToEnd()
{
    m_inserting = true;
    QScrollBar *bar = m_output->verticalScrollBar();
    bar->setValue(bar->maximum());
    m_inserting = false;
}

void ConsoleWidget::flushSome()
{
    // Append batch after batch for one short slice of time, then let the
    // event loop run: a flood is shown as fast as the widget can take it
    // without stalling input and painting.
    QElapsedTimer slice;
    slice.start();
    dropScrolledOutLines();
    while (!m_pending.isEmpty() && slice.elapsed() < SliceMs) {
        Chunk &chunk = m_pending.first();
        if (chunk.text.size() <= BatchChars) {
            m_pendingSize -= chunk.text.size();
            const Chunk taken = m_pending.takeFirst();
            insertChunk(taken.text, taken.kind);
        } else {
            // Split at a line end so links are never cut in two.
            int cut = int(chunk.text.lastIndexOf(QLatin1Char('\n'), BatchChars));
            cut = cut > 0 ? cut + 1 : BatchChars;
            insertChunk(chunk.text.left(cut), chunk.kind);
            chunk.text.remove(0, cut);
            m_pendingSize -= cut;
        }
    }
    if (m_follow)
        scrollToEnd();
    if (!m_pending.isEmpty())
        m_flushTimer->start(0);
}

void ConsoleWidget::dropScrolledOutLines()
{
    // Counted from the newest output back, so a flood costs only as much
    // counting as the scrollback holds.
    const int keep = m_output->maximumBlockCount();
    if (keep <= 0)
        return;
    qsizetype lines = 0;
    for (qsizetype i = m_pending.size() - 1; i >= 0; --i) {
        QString &text = m_pending[i].text;
        qsizetype at = text.size();
        while (at > 0 && (at = text.lastIndexOf(QLatin1Char('\n'), at - 1)) >= 0) {
            if (++lines < keep)
                continue;
            // Everything up to this line end would be scrolled out by what follows.
            for (qsizetype j = 0; j < i; ++j)
                m_pendingSize -= m_pending.at(j).text.size();
            m_pending.remove(0, i);
            m_pending.first().text.remove(0, at + 1);
            m_pendingSize -= at + 1;
            return;
        }
    }
}

void ConsoleWidget::insertChunk(const QString &text, Kind kind)
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    switch (kind) {
    case Kind::Stdout:
        break;
    case Kind::Stderr:
        format.setForeground(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x1c, 0x1c));
        break;
    case Kind::Echo:
        format.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4d, 0x9c));
        break;
    case Kind::Notice:
        format.setForeground(pal.color(QPalette::Disabled, QPalette::Text));
        format.setFontItalic(true);
        break;
    }

    // Lines dropped at the top of a full scrollback move the bar: not the user.
    m_inserting = true;
    const auto inserted = qScopeGuard([this] { m_inserting = false; });
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (kind == Kind::Stderr) {
        QTextCharFormat link = format;
        link.setFontUnderline(true);
        int pos = 0;
        auto it = fileLinkPattern().globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            cursor.insertText(text.mid(pos, match.capturedStart() - pos), format);
            cursor.insertText(match.captured(), link);
            pos = int(match.capturedEnd());
        }
        cursor.insertText(text.mid(pos), format);
    } else {
        cursor.insertText(text, format);
    }
    cursor.endEditBlock();
}

bool ConsoleWidget::handleLinkClick(const QPoint &pos)
{
    const QTextCursor cursor = m_output->cursorForPosition(pos);
    const QString line = cursor.block().text();
    const int column = cursor.positionInBlock();
    auto it = fileLinkPattern().globalMatch(line);
    while (it.hasNext()) {
        const auto match = it.next();
        if (column >= match.capturedStart() && column <= match.capturedEnd()) {
            Q_EMIT fileLinkActivated(match.captured(1), match.captured(2).toInt());
            return true;
        }
    }
    return false;
}

bool ConsoleWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_output->viewport()) {
        if (event->type() == QEvent::MouseButtonRelease) {
            auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton && !m_output->textCursor().hasSelection())
                handleLinkClick(mouse->pos());
        } else if (event->type() == QEvent::MouseMove) {
            auto *mouse = static_cast<QMouseEvent *>(event);
            const QTextCursor cursor = m_output->cursorForPosition(mouse->pos());
            const auto match = fileLinkPattern().match(cursor.block().text());
            const bool overLink = match.hasMatch() && cursor.positionInBlock() >= match.capturedStart()
                                  && cursor.positionInBlock() <= match.capturedEnd();
            m_output->viewport()->setCursor(overLink ? Qt::PointingHandCursor : Qt::IBeamCursor);
        }
        return false;
    }
    if (watched == m_completer->popup()) {
        if (event->type() == QEvent::Hide)
            QTimer::singleShot(0, m_completionModel, &QStandardItemModel::clear);
        return false;
    }
    if (watched == m_blockInput) {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_L || key->key() == Qt::Key_C)) {
                event->accept();
                return true;
            }
        } else if (event->type() == QEvent::KeyPress) {
            return handleBlockKey(static_cast<QKeyEvent *>(event));
        }
        return QWidget::eventFilter(watched, event);
    }
    if (watched == m_input && event->type() == QEvent::ShortcutOverride) {
        // Keys the console handles itself win over the window's shortcuts
        // (Ctrl+L is also "Go to Line" in the editor).
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::ControlModifier
            && (key->key() == Qt::Key_L || key->key() == Qt::Key_C
                || (key->key() == Qt::Key_D && (m_inputPending || m_input->text().isEmpty())))) {
            event->accept();
            return true;
        }
        return false;
    }
    if (watched != m_input || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);

    auto *key = static_cast<QKeyEvent *>(event);
    if (key->matches(QKeySequence::Paste)) {
        const QString text = QApplication::clipboard()->text();
        if (text.contains(QLatin1Char('\n'))) {
            const int cursor = m_input->cursorPosition();
            const QString current = m_input->text();
            m_input->clear();
            submitLines(current.left(cursor) + text + current.mid(cursor));
            return true;
        }
        return false;
    }
    if (key->key() == Qt::Key_C && key->modifiers() == Qt::ControlModifier
        && !m_input->hasSelectedText()) {
        // Text selected in the output is copied, as in a terminal.
        if (m_output->textCursor().hasSelection())
            m_output->copy();
        else
            interrupt();
        return true;
    }
    if (key->key() == Qt::Key_D && key->modifiers() == Qt::ControlModifier && m_inputPending) {
        // End of input for the waiting read, as at a terminal.
        endInput(false);
        return true;
    }
    if (key->key() == Qt::Key_D && key->modifiers() == Qt::ControlModifier && m_input->text().isEmpty()) {
        // End of input for the console itself: the shell would exit.
        offerRestart();
        return true;
    }
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        if ((key->modifiers() & Qt::ShiftModifier) && !m_inputPending && !m_continuation) {
            // Shift+Enter begins a block of several lines, edited as one.
            setInputText(m_input->text(), true);
            QKeyEvent newline(QEvent::KeyPress, key->key(), key->modifiers());
            handleBlockKey(&newline);
            return true;
        }
        const QString line = m_input->text();
        m_input->clear();
        submitLine(line);
        return true;
    }
    case Qt::Key_Up:
        showHistory(m_historyIndex - 1);
        return true;
    case Qt::Key_Down:
        showHistory(m_historyIndex + 1);
        return true;
    case Qt::Key_Tab:
        if (key->modifiers() == Qt::NoModifier) {
            const QString before = m_input->text().left(m_input->cursorPosition());
            if (before.trimmed().isEmpty())
                m_input->insert(QString(4 - before.size() % 4, QLatin1Char(' ')));
            else
                requestCompletion();
            return true;
        }
        break;
    case Qt::Key_L:
        if (key->modifiers() == Qt::ControlModifier) {
            clear();
            return true;
        }
        break;
    default:
        break;
    }
    return false;
}

void ConsoleWidget::showHistory(int index)
{
    if (index < 0 || index > m_history.size())
        return;
    if (m_historyIndex == m_history.size())
        m_draft = inputText();
    m_historyIndex = index;
    const QString text = index == m_history.size() ? m_draft : m_history.at(index);
    // A block is recalled whole, into the block editor; while a block is
    // being typed line by line, only its lines go into the line.
    setInputText(text, text.contains(QLatin1Char('\n')) && !m_continuation && !m_inputPending);
}

void ConsoleWidget::requestCompletion()
{
    if (!m_completionSource)
        return;
    QStringList source = m_continuation ? m_block : QStringList();
    source.append(m_input->text().left(m_input->cursorPosition()));
    m_completionText = m_input->text();
    m_completionSource->request(++m_completionRequest, source.join(QLatin1Char('\n')));
}

void ConsoleWidget::onCompleted(int requestId, const QStringList &completions, int prefixLength)
{
    // An answer to input that has changed since would complete the wrong text.
    if (requestId != m_completionRequest || completions.isEmpty()
        || m_input->text() != m_completionText)
        return;
    const int cursor = m_input->cursorPosition();
    const QString text = m_input->text();
    const QString head = text.left(qMax(0, cursor - prefixLength));
    const QString tail = text.mid(cursor);
    if (completions.size() == 1) {
        m_input->setText(head + completions.first() + tail);
        m_input->setCursorPosition(int(head.size() + completions.first().size()));
        return;
    }
    m_completionModel->clear();
    for (const QString &completion : completions) {
        auto *item = new QStandardItem(completion);
        item->setData(head + completion + tail, CompletionTextRole);
        m_completionModel->appendRow(item);
    }
    m_completer->setCompletionPrefix(head);
    m_completer->complete();
}

void ConsoleWidget::loadHistory()
{
    QSettings settings;
    m_history = settings.value(settingsKey()).toStringList();
    m_historyIndex = int(m_history.size());
}

void ConsoleWidget::saveHistory()
{
    QSettings settings;
    settings.setValue(settingsKey(), m_history);
}
