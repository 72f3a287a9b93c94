#pragma once

#include <QColor>
#include <QDateTime>
#include <QPlainTextEdit>
#include <QString>
#include <QTextCursor>

class LineNumberArea;
class QPainter;
class QSyntaxHighlighter;

// A Python source editor: line numbers, current-line highlight, syntax
// highlighting, Python-aware indentation, atomic save and an error marker for
// the line a failed reload points at.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    QString filePath() const { return m_filePath; }
    // Loads `path` into the editor; the document is unmodified afterwards.
    bool load(const QString &path, QString *error = nullptr);
    // Writes the buffer with QSaveFile, so a crash never leaves half a file.
    bool save(QString *error = nullptr);
    bool saveAs(const QString &path, QString *error = nullptr);
    // Replaces the buffer with the file's content, keeping the cursor line.
    bool reloadFromDisk(QString *error = nullptr);
    // Modification time of the file when it was last loaded or saved.
    QDateTime lastKnownModification() const { return m_lastModified; }

    void goToLine(int line, int column = 0);
    int currentLine() const;

    // Ctrl+/: comments the cursor's line or the selected lines with "# " at
    // their common indent, or uncomments them when every one is a comment.
    // Blank lines are left alone; one undo step; the selection keeps its lines.
    void toggleComment();
    // Ctrl+] and Ctrl+[ (Tab and Shift+Tab on a selection): the cursor's line
    // or the selected lines move by one indent unit, as one undo step.
    void indentLines();
    void dedentLines();
    // Replaces the buffer with `text` as one undo step, changing only the
    // lines that differ, so the cursor, breakpoints and scroll position stay
    // with their lines (what Format does). Unchanged text changes nothing.
    void replaceText(const QString &text);
    static constexpr int IndentWidth = 4;

    void setErrorMarker(int line, const QString &message);
    void clearErrorMarker();
    int errorLine() const { return m_errorLine; }
    QString errorMessage() const { return m_errorMessage; }
    // The margin's error mark: an amber warning triangle, so it is never taken
    // for a breakpoint's red dot.
    static QColor errorMarkColor();
    static QColor breakpointColor();
    // Extra selections drawn on top of the editor's own (current line, error
    // line): the squiggles of EditorAssistant's diagnostics.
    void setAnnotationSelections(const QList<QTextEdit::ExtraSelection> &selections);
    QList<QTextEdit::ExtraSelection> annotationSelections() const { return m_annotations; }

    QSyntaxHighlighter *highlighter() const { return m_highlighter; }
    // The colour theme by name (one of availableThemes()); empty follows the
    // desktop's light or dark palette.
    void setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }
    static QStringList availableThemes();
    // The highlighting in use, for Help ▸ About: "KSyntaxHighlighting 6.13.0",
    // or the built-in highlighter where KSyntaxHighlighting is not available.
    static QString highlighterVersion();
    int lineNumberAreaWidth() const;
    // The 1-based line shown at viewport height `y`, or 0.
    int lineAt(int y) const;
    void paintLineNumberArea(QPaintEvent *event);

    // Breakpoint dots in the side bar, by id. Each is anchored to its line's
    // text, so it moves with lines inserted or removed above it.
    void setBreakpointMark(int id, int line, bool conditional = false);
    void removeBreakpointMark(int id);
    QList<int> breakpointMarks() const;
    int breakpointMarkLine(int id) const;  // 0: no such mark
    int breakpointMarkAt(int line) const;  // the mark's id, or 0
    // The line a paused thread stands on: an arrow and a highlight, red for
    // an exception; follows edits like the marks. 0 clears it.
    void setExecutionLine(int line, bool exception = false);
    int executionLine() const;

Q_SIGNALS:
    void filePathChanged(const QString &path);
    void saved(const QString &path);
    // The side bar was clicked on `line` (left button), or asked for a menu.
    void marginClicked(int line);
    void marginMenuRequested(int line, const QPoint &globalPos);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupHighlighter();
    void applyTheme();
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateExtraSelections();
    void insertNewLineWithIndent();
    // One edit of one line: `remove` characters at `column` replaced by `insert`.
    struct LineEdit
    {
        int line;  // 0-based block number
        int column;
        int remove;
        QString insert;
    };
    // Applies `edits` as one undo step; the cursor and selection stay on
    // their lines, and a selection that started at an edit's column keeps
    // what was inserted there.
    void editLines(const QList<LineEdit> &edits);
    // 0-based first and last line the cursor or selection covers; a selection
    // that ends at the start of a line does not cover that line.
    std::pair<int, int> selectedLines() const;
    void shiftLines(bool indent);
    bool removeIndentBeforeCursor();
    void moveToLineStart(bool select);
    void rememberModification();
    int markIndex(int line) const;
    void paintBreakpointDot(QPainter &painter, const QRect &cell, bool conditional) const;
    void paintExecutionArrow(QPainter &painter, const QRect &cell) const;
    void paintErrorMark(QPainter &painter, const QRect &cell) const;

    LineNumberArea *m_lineNumberArea;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QString m_filePath;
    QDateTime m_lastModified;
    int m_errorLine = 0;
    QString m_errorMessage;
    QString m_themeName;
    QList<QTextEdit::ExtraSelection> m_annotations;
    struct BreakpointMark
    {
        int id;
        QTextCursor anchor;
        bool conditional;
    };
    QList<BreakpointMark> m_breakpointMarks;
    QTextCursor m_executionAnchor;  // null: no paused thread here
    bool m_executionException = false;

    QColor m_currentLineColor;
    QColor m_errorLineColor;
    QColor m_lineNumberColor;
    QColor m_currentLineNumberColor;
    QColor m_sideBarColor;
    QColor m_errorMarkColor;
};
