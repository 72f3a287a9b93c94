#pragma once

#include "PythonRuntime.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>

class Completer;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStandardItemModel;
class QTimer;
class QToolButton;

// A Python shell against the runtime's __main__: multi-line blocks, pastes
// run statement by statement, history, interrupt, Tab completion, input() of
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
    void interrupt();
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

    QLineEdit *inputLine() const { return m_input; }
    QPlainTextEdit *outputView() const { return m_output; }
    QCompleter *completionPopup() const { return m_completer; }

Q_SIGNALS:
    // A `File "x", line N` link in the output was clicked.
    void fileLinkActivated(const QString &file, int line);
    // The console is idle and waiting for the next line.
    void inputReady(bool continuation);

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
    void insertChunk(const QString &text, Kind kind);
    void onConsoleReady(bool continuation);
    void remember(const QString &line);
    void pushNext();
    bool pasteContinuesBlock() const;
    void onInputRequested(const QString &prompt, bool password);
    void answerInput(const QString &line);
    void endInput(bool interrupted);
    void leaveInputMode();
    void requestCompletion();
    void onCompleted(int requestId, const QStringList &completions, int prefixLength);
    void showHistory(int index);
    void loadHistory();
    void saveHistory();
    void updatePrompt();
    bool handleLinkClick(const QPoint &pos);

    PythonRuntime *m_runtime;
    Completer *m_completionSource;
    QPlainTextEdit *m_output;
    QLabel *m_prompt;
    QLineEdit *m_input;
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
};
