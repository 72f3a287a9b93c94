#pragma once

#include "PythonRuntime.h"

#include <QList>
#include <QStringList>
#include <QTextLayout>
#include <QWidget>

#include <functional>

class Completer;
class QCompleter;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStandardItemModel;
class QSyntaxHighlighter;
class QTextDocument;
class QTimer;
class QToolButton;

// A Python shell against the runtime's __main__: multi-line blocks, pastes
// run statement by statement, history (a block typed over several lines is
// one entry, recalled by Up as one editable block), interrupt, Tab completion, input() of
// any Python thread answered in the input line, and output appended in
// batches into a bounded scrollback so that a flood of prints never stalls
// the window.
class ConsoleWidget : public QWidget
{
    Q_OBJECT
public:
    ConsoleWidget(PythonRuntime *runtime, Completer *completer, QWidget *parent = nullptr);
    ~ConsoleWidget() override;

    // Behaves as if `line` had been typed and Return pressed.
    void submitLine(const QString &line);
    // Runs `code` as a paste: statement by statement, with blank lines inside
    // bodies kept in their block and a block still open at the end run.
    void submitLines(const QString &code);
    // Ctrl+C: stops whatever runs (see stop()); with nothing running it
    // drops the partly entered block, as in the shell.
    void interrupt();
    // One Stop for everything: the console command, the program thread (a
    // read of either included) and, through stopRequested, a thread paused in
    // the debugger. Says in the console what it stopped.
    void stop();
    // Something runs that stop() would stop.
    bool canStop() const;
    // Brings the console's dock to the front and gives the input line the
    // focus: the program or the console waits for the user.
    void activate();
    // exit, quit and Ctrl+D on an empty line: asks whether to restart.
    void offerRestart();
    // A fresh console: the program stopped, __main__ emptied, the block and the
    // queue dropped. Breakpoints, watches and history are kept.
    void restartInterpreter();
    // The view follows new output unless the user scrolled up to read.
    bool isFollowingOutput() const { return m_follow; }
    void clear();
    // A message from the IDE itself (not from user code), shown in italics.
    void appendNotice(const QString &text);
    // Appends everything still waiting for the next batch.
    void flushOutput();

    bool isWaiting() const { return m_waiting; }
    bool hasPendingOutput() const { return !m_pending.isEmpty(); }
    bool isContinuation() const { return m_continuation; }
    // A Python thread waits in input() (or getpass) for the next line.
    bool isInputPending() const { return m_inputPending; }
    QString outputText() const;
    QStringList history() const { return m_history; }
    void setScrollbackLines(int lines);

    // While the debugger has a thread paused, a line typed runs in its
    // selected frame through `evaluator` instead of the console's own
    // interpreter, and the prompt names the frame. No evaluator: back to normal.
    using FrameEvaluator = std::function<void(const QString &line)>;
    void setFrameEvaluator(const QString &frameName, FrameEvaluator evaluator);
    bool isEvaluatingInFrame() const { return bool(m_frameEvaluator); }
    QString promptText() const;
    // The answer of a frame evaluation, shown like output.
    void appendEvaluation(const QString &text, bool failed);

    PythonRuntime *runtime() const { return m_runtime; }
    QLineEdit *inputLine() const { return m_input; }
    // Shown instead of the input line while a block of several lines is
    // edited (recalled by Up, or Shift+Enter in the line): Enter runs it,
    // Shift+Enter inserts a line, Up/Down on its first/last line walk the
    // history, Escape goes back to the empty line.
    QPlainTextEdit *blockInput() const { return m_blockInput; }
    bool isEditingBlock() const;
    QPlainTextEdit *outputView() const { return m_output; }
    QCompleter *completionPopup() const { return m_completer; }
    // The syntax colours shown in the input line (none for answers to input()).
    QList<QTextLayout::FormatRange> inputFormats() const { return m_inputFormats; }

Q_SIGNALS:
    // A `File "x", line N` link in the output was clicked.
    void fileLinkActivated(const QString &file, int line);
    // The console is idle and waiting for the next line.
    void inputReady(bool continuation);
    // stop() was asked for: a thread paused in the debugger must be resumed
    // with "stop" by whoever owns the debugger, who adds its Python thread id
    // to `stopped` (the usual interrupt would then be a second one).
    void stopRequested(QList<quint64> *stopped);
    // canStop() may have changed.
    void runningChanged();
    // restartInterpreter() has reset the console's state.
    void interpreterRestarted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Kind { Stdout, Stderr, Echo, Notice };
    struct Chunk
    {
        QString text;
        Kind kind;
    };
    // A line typed or pasted, waiting for the console or for a read.
    struct QueuedLine
    {
        QString text;
        bool pasted = false;
        bool endsPaste = false;
    };

    void append(const QString &text, Kind kind);
    void flushSome();
    // Drops the waiting lines that the newer waiting ones would push out
    // of the scrollback before they could be seen.
    void dropScrolledOutLines();
    void insertChunk(const QString &text, Kind kind);
    void onConsoleReady(bool continuation);
    void remember(const QString &line);
    void pushNext();
    // After a command is queued: history position, draft and scrolling reset
    // for it, then the queue runs.
    void startQueued();
    // Queues `lines` as a paste runs them, the last one ending the block.
    void queuePaste(const QStringList &lines);
    bool pasteContinuesBlock() const;
    void onInputRequested(const QString &prompt, bool password);
    void answerInput(const QString &line);
    void endInput(bool interrupted);
    void leaveInputMode();
    void requestCompletion();
    void onCompleted(int requestId, const QStringList &completions, int prefixLength);
    void showHistory(int index);
    // Shows `text` in the block editor (true) or the input line (false).
    void setInputText(const QString &text, bool block);
    QString inputText() const;
    bool handleBlockKey(QKeyEvent *key);
    void runBlock();
    void fitBlockInput();
    void loadHistory();
    void saveHistory();
    void updatePrompt();
    bool handleLinkClick(const QPoint &pos);
    // A line the console answers itself (exit, quit, help, clear); true if handled.
    bool runConsoleCommand(const QString &line);
    void updateStopButton();
    void scrollToEnd();
    void highlightInput();

    PythonRuntime *m_runtime;
    Completer *m_completionSource;
    QPlainTextEdit *m_output;
    QLabel *m_prompt;
    QLineEdit *m_input;
    QPlainTextEdit *m_blockInput;
    QToolButton *m_stopButton;
    QCompleter *m_completer;
    QStandardItemModel *m_completionModel;
    QTimer *m_flushTimer;

    QList<Chunk> m_pending;
    qsizetype m_pendingSize = 0;
    QList<QueuedLine> m_queue; // lines entered while the runtime was busy
    QStringList m_block;      // lines of the statement being entered
    bool m_waiting = false;   // a line was pushed and consoleReady is due
    bool m_continuation = false;
    bool m_blockOpen = false;       // an empty line would end the block
    bool m_closePastedBlock = false; // the last line of a paste was pushed
    bool m_inputPending = false;
    bool m_inputPassword = false;
    QString m_inputPrompt;
    QStringList m_history;
    int m_historyIndex = 0;
    QString m_draft;
    int m_completionRequest = 0;
    QString m_completionText; // the input a completion was asked for
    FrameEvaluator m_frameEvaluator;
    QString m_frameName;
    // The input line's text run through the editors' highlighter, whose
    // formats the line edit shows as preedit attributes.
    QTextDocument *m_highlightDocument;
    QSyntaxHighlighter *m_highlighter;
    QList<QTextLayout::FormatRange> m_inputFormats;
    bool m_follow = true;      // the view stays at the end of the output
    bool m_inserting = false;  // the scroll bar moves because of output, not the user
};
