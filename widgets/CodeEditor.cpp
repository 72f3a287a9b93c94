#include "CodeEditor.h"

#include "LineDiff.h"
#include "LineNumberArea.h"

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <limits>

#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>
#else
#include "PythonHighlighter.h"
#endif

namespace {

constexpr int IndentWidth = CodeEditor::IndentWidth;

#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
KSyntaxHighlighting::Repository &repository()
{
    // Loading the definitions is costly; every editor shares one repository.
    static KSyntaxHighlighting::Repository repo;
    return repo;
}
#endif

// Decided from the application's palette: the editor's own palette is set
// from the theme and would otherwise keep the first choice forever.
bool isDarkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

int leadingSpaces(const QString &text)
{
    int n = 0;
    while (n < text.size() && (text.at(n) == QLatin1Char(' ') || text.at(n) == QLatin1Char('\t')))
        ++n;
    return n;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * IndentWidth);

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            &CodeEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this,
            &CodeEditor::updateExtraSelections);

    setupHighlighter();
    applyTheme();
    updateLineNumberAreaWidth();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setupHighlighter()
{
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    highlighter->setDefinition(repository().definitionForName(QStringLiteral("Python")));
    m_highlighter = highlighter;
#else
    m_highlighter = new PythonHighlighter(document());
#endif
}

QStringList CodeEditor::availableThemes()
{
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    QStringList names;
    const auto themes = repository().themes();
    for (const auto &theme : themes)
        names.append(theme.name());
    return names;
#else
    return PythonHighlighter::themeNames();
#endif
}

QString CodeEditor::highlighterVersion()
{
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting " KSYNTAXHIGHLIGHTING_VERSION_STRING);
#else
    return tr("built-in highlighter");
#endif
}

void CodeEditor::setThemeName(const QString &name)
{
    if (m_themeName == name)
        return;
    m_themeName = name;
    applyTheme();
}

void CodeEditor::applyTheme()
{
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    using KSyntaxHighlighting::Theme;
    Theme theme = repository().theme(m_themeName);
    if (m_themeName.isEmpty() || !theme.isValid())
        theme = repository().defaultTheme(isDarkPalette()
                                              ? KSyntaxHighlighting::Repository::DarkTheme
                                              : KSyntaxHighlighting::Repository::LightTheme);
    auto *highlighter = static_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter);
    if (highlighter->theme().name() != theme.name()) {
        highlighter->setTheme(theme);
        highlighter->rehighlight();
    }
    QPalette pal = palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(Theme::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(Theme::Normal)));
    pal.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(Theme::TextSelection)));
    // Setting the palette triggers changeEvent(PaletteChange); block the recursion.
    blockSignals(true);
    setPalette(pal);
    blockSignals(false);
    m_currentLineColor = QColor::fromRgba(theme.editorColor(Theme::CurrentLine));
    m_lineNumberColor = QColor::fromRgba(theme.editorColor(Theme::LineNumbers));
    m_currentLineNumberColor = QColor::fromRgba(theme.editorColor(Theme::CurrentLineNumber));
    m_sideBarColor = QColor::fromRgba(theme.editorColor(Theme::IconBorder));
    m_errorMarkColor = QColor::fromRgba(theme.editorColor(Theme::MarkError));
#else
    const bool dark = m_themeName.isEmpty() ? isDarkPalette()
                                            : PythonHighlighter::isDarkTheme(m_themeName);
    static_cast<PythonHighlighter *>(m_highlighter)->setDarkTheme(dark);
    // A chosen theme brings its own background; "follow the desktop" takes the
    // application's palette back (an empty palette resolves nothing).
    QPalette pal;
    if (!m_themeName.isEmpty()) {
        pal = QGuiApplication::palette();
        pal.setColor(QPalette::Base, PythonHighlighter::backgroundColor(dark));
        pal.setColor(QPalette::Text, PythonHighlighter::textColor(dark));
        pal.setColor(QPalette::Window, PythonHighlighter::backgroundColor(dark).darker(dark ? 80 : 104));
    }
    blockSignals(true);
    setPalette(pal);
    blockSignals(false);
    pal = palette();
    m_currentLineColor = pal.color(QPalette::Base).darker(dark ? 70 : 106);
    if (dark)
        m_currentLineColor = pal.color(QPalette::Base).lighter(130);
    m_lineNumberColor = pal.color(QPalette::Disabled, QPalette::Text);
    m_currentLineNumberColor = pal.color(QPalette::Text);
    m_sideBarColor = pal.color(QPalette::Window);
    m_errorMarkColor = QColor(0xe0, 0x30, 0x30);
#endif
    m_errorLineColor = m_errorMarkColor;
    m_errorLineColor.setAlpha(60);
    m_lineNumberArea->update();
    updateExtraSelections();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !signalsBlocked())
        applyTheme();
    if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * IndentWidth);
        updateLineNumberAreaWidth();
    }
}

bool CodeEditor::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    setPlainText(text);
    document()->setModified(false);
    const bool changed = m_filePath != path;
    m_filePath = path;
    rememberModification();
#ifdef RELIVE_HAVE_KSYNTAXHIGHLIGHTING
    const auto definition = repository().definitionForFileName(path);
    if (definition.isValid())
        static_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter)
            ->setDefinition(definition);
#endif
    if (changed)
        Q_EMIT filePathChanged(path);
    return true;
}

bool CodeEditor::save(QString *error)
{
    return saveAs(m_filePath, error);
}

bool CodeEditor::saveAs(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = tr("The buffer has no file name.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(toPlainText().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    document()->setModified(false);
    const bool changed = m_filePath != path;
    m_filePath = path;
    rememberModification();
    if (changed)
        Q_EMIT filePathChanged(path);
    Q_EMIT saved(path);
    return true;
}

bool CodeEditor::reloadFromDisk(QString *error)
{
    const int line = currentLine();
    const int scroll = verticalScrollBar()->value();
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // Replace through a cursor so the change can be undone.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(file.readAll()));
    document()->setModified(false);
    rememberModification();
    goToLine(line);
    verticalScrollBar()->setValue(scroll);
    return true;
}

void CodeEditor::rememberModification()
{
    m_lastModified = QFileInfo(m_filePath).lastModified();
}

void CodeEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        qBound(0, column > 0 ? column - 1 : 0, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

int CodeEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

void CodeEditor::setErrorMarker(int line, const QString &message)
{
    m_errorLine = line;
    m_errorMessage = message;
    updateExtraSelections();
    m_lineNumberArea->update();
}

void CodeEditor::clearErrorMarker()
{
    if (m_errorLine == 0 && m_errorMessage.isEmpty())
        return;
    m_errorLine = 0;
    m_errorMessage.clear();
    updateExtraSelections();
    m_lineNumberArea->update();
}

int CodeEditor::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    const int marker = fontMetrics().height();
    return 8 + marker + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

int CodeEditor::lineAt(int y) const
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (y >= top && y < bottom)
            return block.blockNumber() + 1;
        top = bottom;
        block = block.next();
    }
    return 0;
}

void CodeEditor::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), m_sideBarColor);

    const int current = textCursor().blockNumber();
    const int markerSize = fontMetrics().height();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber() + 1;
            if (breakpointMarkAt(number)) {
                paintBreakpointDot(painter, QRect(3, top, markerSize, markerSize),
                                   m_breakpointMarks.at(markIndex(number)).conditional);
            } else if (number == m_errorLine) {
                paintErrorMark(painter, QRect(3, top, markerSize, markerSize));
            }
            if (number == executionLine())
                paintExecutionArrow(painter, QRect(3, top, markerSize, markerSize));
            painter.setPen(block.blockNumber() == current ? m_currentLineNumberColor
                                                          : m_lineNumberColor);
            painter.drawText(0, top, m_lineNumberArea->width() - 4, fontMetrics().height(),
                             Qt::AlignRight, QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QColor CodeEditor::errorMarkColor()
{
    return QColor(0xf0, 0xa0, 0x1e);
}

QColor CodeEditor::breakpointColor()
{
    return QColor(0xe5, 0x2b, 0x2b);
}

void CodeEditor::paintErrorMark(QPainter &painter, const QRect &cell) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(cell).adjusted(1, 1, -1, -1);
    const QPolygonF triangle({QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()});
    painter.setPen(QPen(errorMarkColor().darker(170), 1));
    painter.setBrush(errorMarkColor());
    painter.drawPolygon(triangle);
    // The "!" inside.
    painter.setPen(QPen(QColor(0x30, 0x20, 0x00), qMax(1.5, box.width() / 9), Qt::SolidLine, Qt::RoundCap));
    const double x = box.center().x();
    painter.drawLine(QPointF(x, box.top() + box.height() * 0.38), QPointF(x, box.top() + box.height() * 0.68));
    painter.drawPoint(QPointF(x, box.top() + box.height() * 0.84));
    painter.restore();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection current;
        current.format.setBackground(m_currentLineColor);
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = textCursor();
        current.cursor.clearSelection();
        selections.append(current);
    }
    if (m_errorLine > 0) {
        const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection error;
            error.format.setBackground(m_errorLineColor);
            error.format.setProperty(QTextFormat::FullWidthSelection, true);
            error.format.setToolTip(m_errorMessage);
            error.cursor = QTextCursor(block);
            selections.append(error);
        }
    }
    if (!m_executionAnchor.isNull()) {
        QTextEdit::ExtraSelection paused;
        paused.format.setBackground(m_executionException ? m_errorLineColor : QColor(255, 214, 0, 90));
        paused.format.setProperty(QTextFormat::FullWidthSelection, true);
        paused.cursor = QTextCursor(m_executionAnchor.block());
        selections.append(paused);
    }
    selections += m_annotations;
    setExtraSelections(selections);
}

void CodeEditor::setAnnotationSelections(const QList<QTextEdit::ExtraSelection> &selections)
{
    m_annotations = selections;
    updateExtraSelections();
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    const auto modifiers = event->modifiers() & ~Qt::KeypadModifier;
    // Both common redo keys, whatever the platform's QKeySequence::Redo is.
    if ((event->key() == Qt::Key_Y && modifiers == Qt::ControlModifier) ||
        (event->key() == Qt::Key_Z && modifiers == (Qt::ControlModifier | Qt::ShiftModifier))) {
        redo();
        return;
    }
    // Ctrl+/ may need Shift on the keyboard's layout; the slash is what counts.
    if ((modifiers & ~Qt::ShiftModifier) == Qt::ControlModifier && event->key() == Qt::Key_Slash) {
        toggleComment();
        return;
    }
    if (modifiers == Qt::ControlModifier &&
        (event->key() == Qt::Key_BracketRight || event->key() == Qt::Key_BracketLeft)) {
        shiftLines(event->key() == Qt::Key_BracketRight);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Home:
        if (!(modifiers & ~Qt::ShiftModifier)) {
            moveToLineStart(modifiers & Qt::ShiftModifier);
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!(event->modifiers() & ~Qt::KeypadModifier)) {
            insertNewLineWithIndent();
            return;
        }
        break;
    case Qt::Key_Tab:
        if (event->modifiers() == Qt::NoModifier) {
            if (textCursor().hasSelection()) {
                indentLines();
            } else {
                const int column = textCursor().positionInBlock();
                textCursor().insertText(QString(IndentWidth - column % IndentWidth, QLatin1Char(' ')));
            }
            return;
        }
        break;
    case Qt::Key_Backtab:
        dedentLines();
        return;
    case Qt::Key_Backspace:
        if (event->modifiers() == Qt::NoModifier && removeIndentBeforeCursor())
            return;
        break;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
}

// Home goes to the first non-blank character, and from there to column 0.
void CodeEditor::moveToLineStart(bool select)
{
    QTextCursor cursor = textCursor();
    const int indent = leadingSpaces(cursor.block().text());
    const int target = cursor.positionInBlock() == indent ? 0 : indent;
    cursor.setPosition(cursor.block().position() + target,
                       select ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
    setTextCursor(cursor);
}

void CodeEditor::insertNewLineWithIndent()
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    int indent = leadingSpaces(before);
    QString code = before.trimmed();
    const int hash = code.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        code = code.left(hash).trimmed();
    if (code.endsWith(QLatin1Char(':')) || code.endsWith(QLatin1Char('(')) ||
        code.endsWith(QLatin1Char('[')) || code.endsWith(QLatin1Char('{'))) {
        indent += IndentWidth;
    } else {
        static const QStringList dedenters = {
            QStringLiteral("return"), QStringLiteral("pass"), QStringLiteral("raise"),
            QStringLiteral("break"), QStringLiteral("continue")};
        const QString first = code.section(QLatin1Char(' '), 0, 0);
        if (dedenters.contains(first))
            indent = qMax(0, indent - IndentWidth);
    }
    cursor.beginEditBlock();
    cursor.insertText(QStringLiteral("\n") + QString(indent, QLatin1Char(' ')));
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

std::pair<int, int> CodeEditor::selectedLines() const
{
    const QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    return {first.blockNumber(), last.blockNumber()};
}

void CodeEditor::editLines(const QList<LineEdit> &edits)
{
    if (edits.isEmpty())
        return;
    const QTextCursor current = textCursor();
    const QTextBlock anchorBlock = document()->findBlock(current.anchor());
    const QTextBlock positionBlock = document()->findBlock(current.position());
    const int anchorLine = anchorBlock.blockNumber();
    const int anchorColumn = current.anchor() - anchorBlock.position();
    const int positionLine = positionBlock.blockNumber();
    const int positionColumn = current.position() - positionBlock.position();

    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (const LineEdit &edit : edits) {
        const int start = document()->findBlockByNumber(edit.line).position() + edit.column;
        cursor.setPosition(start);
        cursor.setPosition(start + edit.remove, QTextCursor::KeepAnchor);
        cursor.insertText(edit.insert);
    }
    cursor.endEditBlock();

    // Where a column of an edited line went. The start of a selection stays
    // before text inserted at its column, so whole selected lines stay whole.
    auto mapped = [&edits, this](int line, int column, bool stayBefore) {
        for (const LineEdit &edit : edits) {
            if (edit.line != line)
                continue;
            if (column < edit.column || (column == edit.column && stayBefore))
                break;
            if (column < edit.column + edit.remove)
                column = edit.column + (stayBefore ? 0 : int(edit.insert.size()));
            else
                column += int(edit.insert.size()) - edit.remove;
            break;
        }
        return document()->findBlockByNumber(line).position() + column;
    };
    const bool selection = current.hasSelection();
    const bool anchorFirst = current.anchor() < current.position();
    QTextCursor restored(document());
    restored.setPosition(mapped(anchorLine, anchorColumn, selection && anchorFirst));
    restored.setPosition(mapped(positionLine, positionColumn, selection && !anchorFirst),
                         QTextCursor::KeepAnchor);
    setTextCursor(restored);
}

void CodeEditor::toggleComment()
{
    const auto [first, last] = selectedLines();
    QList<int> lines;
    int indent = std::numeric_limits<int>::max();
    bool allComments = true;
    for (QTextBlock block = document()->findBlockByNumber(first);
         block.isValid() && block.blockNumber() <= last; block = block.next()) {
        const QString text = block.text();
        if (text.trimmed().isEmpty())
            continue;
        lines.append(block.blockNumber());
        const int lead = leadingSpaces(text);
        indent = std::min(indent, lead);
        if (text.at(lead) != QLatin1Char('#'))
            allComments = false;
    }
    QList<LineEdit> edits;
    for (int line : std::as_const(lines)) {
        if (allComments) {
            const QString text = document()->findBlockByNumber(line).text();
            const int hash = leadingSpaces(text);
            const bool space = text.mid(hash + 1, 1) == QLatin1String(" ");
            edits.append({line, hash, space ? 2 : 1, QString()});
        } else {
            edits.append({line, indent, 0, QStringLiteral("# ")});
        }
    }
    editLines(edits);
}

void CodeEditor::indentLines()
{
    shiftLines(true);
}

void CodeEditor::dedentLines()
{
    shiftLines(false);
}

void CodeEditor::shiftLines(bool indent)
{
    const auto [first, last] = selectedLines();
    QList<LineEdit> edits;
    for (QTextBlock block = document()->findBlockByNumber(first);
         block.isValid() && block.blockNumber() <= last; block = block.next()) {
        const QString text = block.text();
        if (indent) {
            // A blank line stays empty: no trailing spaces.
            if (!text.trimmed().isEmpty())
                edits.append({block.blockNumber(), 0, 0, QString(IndentWidth, QLatin1Char(' '))});
            continue;
        }
        int remove = 0;
        if (text.startsWith(QLatin1Char('\t'))) {
            remove = 1;
        } else {
            while (remove < IndentWidth && remove < text.size() && text.at(remove) == QLatin1Char(' '))
                ++remove;
        }
        if (remove > 0)
            edits.append({block.blockNumber(), 0, remove, QString()});
    }
    editLines(edits);
}

void CodeEditor::replaceText(const QString &text)
{
    QStringList before;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        before.append(block.text());
    const QList<LineDiff::Hunk> hunks = LineDiff::compute(before, text.split(QLatin1Char('\n')));
    if (hunks.isEmpty())
        return;
    const int line = textCursor().blockNumber();
    const int column = textCursor().positionInBlock();
    const int indent = leadingSpaces(textCursor().block().text());
    const int scroll = verticalScrollBar()->value();

    QTextCursor cursor(document());
    cursor.beginEditBlock();
    // From the last hunk up, so that the line numbers of the others hold.
    for (auto it = hunks.crbegin(); it != hunks.crend(); ++it) {
        const LineDiff::Hunk &hunk = *it;
        const QString lines = hunk.inserted.join(QLatin1Char('\n'));
        if (hunk.removed == 0) {
            const QTextBlock at = document()->findBlockByNumber(hunk.start);
            if (at.isValid()) {
                cursor.setPosition(at.position());
                cursor.insertText(lines + QLatin1Char('\n'));
            } else {
                cursor.movePosition(QTextCursor::End);
                cursor.insertText(QLatin1Char('\n') + lines);
            }
            continue;
        }
        const QTextBlock first = document()->findBlockByNumber(hunk.start);
        const QTextBlock last = document()->findBlockByNumber(hunk.start + hunk.removed - 1);
        if (!hunk.inserted.isEmpty()) {
            cursor.setPosition(first.position());
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
            cursor.insertText(lines);
        } else if (last.next().isValid()) {
            cursor.setPosition(first.position());
            cursor.setPosition(last.next().position(), QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        } else {
            // The last lines go with the line break before them.
            const QTextBlock previous = first.previous();
            cursor.setPosition(previous.position() + previous.length() - 1);
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        }
    }
    cursor.endEditBlock();

    const QTextBlock block = document()->findBlockByNumber(LineDiff::mapLine(hunks, line, before.at(line)));
    // The same place in the statement, whatever its new indent.
    const int newIndent = leadingSpaces(block.text());
    const int newColumn = column >= indent ? column - indent + newIndent : qMin(column, newIndent);
    QTextCursor moved(block);
    moved.setPosition(block.position() + qMin(newColumn, block.length() - 1));
    setTextCursor(moved);
    verticalScrollBar()->setValue(scroll);
}

bool CodeEditor::removeIndentBeforeCursor()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const int column = cursor.positionInBlock();
    if (column == 0)
        return false;
    const QString before = cursor.block().text().left(column);
    if (before.trimmed().isEmpty() && !before.contains(QLatin1Char('\t'))) {
        const int remove = (column - 1) % IndentWidth + 1;
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, remove);
        cursor.removeSelectedText();
        return true;
    }
    return false;
}

void CodeEditor::setBreakpointMark(int id, int line, bool conditional)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    // Anchored at the start of the line: text typed before it (a new line
    // above) pushes the anchor down with the statement.
    BreakpointMark mark{id, QTextCursor(block), conditional};
    for (BreakpointMark &existing : m_breakpointMarks) {
        if (existing.id == id) {
            existing = mark;
            m_lineNumberArea->update();
            return;
        }
    }
    m_breakpointMarks.append(mark);
    m_lineNumberArea->update();
}

void CodeEditor::removeBreakpointMark(int id)
{
    m_breakpointMarks.erase(std::remove_if(m_breakpointMarks.begin(), m_breakpointMarks.end(),
                                           [id](const BreakpointMark &mark) { return mark.id == id; }),
                            m_breakpointMarks.end());
    m_lineNumberArea->update();
}

QList<int> CodeEditor::breakpointMarks() const
{
    QList<int> ids;
    for (const BreakpointMark &mark : m_breakpointMarks)
        ids.append(mark.id);
    return ids;
}

int CodeEditor::breakpointMarkLine(int id) const
{
    for (const BreakpointMark &mark : m_breakpointMarks) {
        if (mark.id == id)
            return mark.anchor.blockNumber() + 1;
    }
    return 0;
}

int CodeEditor::breakpointMarkAt(int line) const
{
    const int index = markIndex(line);
    return index < 0 ? 0 : m_breakpointMarks.at(index).id;
}

int CodeEditor::markIndex(int line) const
{
    for (int i = 0; i < m_breakpointMarks.size(); ++i) {
        if (m_breakpointMarks.at(i).anchor.blockNumber() + 1 == line)
            return i;
    }
    return -1;
}

void CodeEditor::setExecutionLine(int line, bool exception)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    m_executionAnchor = line > 0 && block.isValid() ? QTextCursor(block) : QTextCursor();
    m_executionException = exception;
    updateExtraSelections();
    m_lineNumberArea->update();
}

int CodeEditor::executionLine() const
{
    return m_executionAnchor.isNull() ? 0 : m_executionAnchor.blockNumber() + 1;
}

void CodeEditor::paintBreakpointDot(QPainter &painter, const QRect &cell, bool conditional) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const int d = cell.height() * 3 / 4;
    const QRect dot(cell.left() + (cell.width() - d) / 2, cell.top() + (cell.height() - d) / 2, d, d);
    painter.setPen(QPen(QColor(0x90, 0x10, 0x10), 1));
    painter.setBrush(breakpointColor());
    painter.drawEllipse(dot);
    if (conditional) {
        // A condition or hit count: a light centre, as most IDEs draw it.
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 200));
        painter.drawEllipse(dot.adjusted(d / 3, d / 3, -d / 3, -d / 3));
    }
    painter.restore();
}

void CodeEditor::paintExecutionArrow(QPainter &painter, const QRect &cell) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal h = cell.height();
    const QPointF o = cell.topLeft();
    const QPolygonF arrow({o + QPointF(h * 0.1, h * 0.35), o + QPointF(h * 0.5, h * 0.35),
                           o + QPointF(h * 0.5, h * 0.15), o + QPointF(h * 0.92, h * 0.5),
                           o + QPointF(h * 0.5, h * 0.85), o + QPointF(h * 0.5, h * 0.65),
                           o + QPointF(h * 0.1, h * 0.65)});
    painter.setPen(QPen(QColor(0x80, 0x60, 0x00), 1));
    painter.setBrush(m_executionException ? QColor(0xff, 0x8a, 0x00) : QColor(0xff, 0xd6, 0x00));
    painter.drawPolygon(arrow);
    painter.restore();
}
