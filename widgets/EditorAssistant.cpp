#include "EditorAssistant.h"

#include "CodeEditor.h"
#include "CompletionPopup.h"

#include <QAbstractItemView>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Documentation in a tool tip: the first paragraphs, as plain text.
QString tipText(const QString &title, const QString &text)
{
    QString body = text.left(1200).toHtmlEscaped();
    if (text.size() > 1200)
        body += QStringLiteral("…");
    return QStringLiteral("<b>%1</b><pre style=\"white-space: pre-wrap\">%2</pre>").arg(title.toHtmlEscaped(), body);
}

} // namespace

EditorAssistant::EditorAssistant(CodeEditor *editor, EditorIntelligence *intelligence)
    : QObject(editor)
    , m_editor(editor)
    , m_intelligence(intelligence)
    , m_popup(new CompletionPopup(editor))
    , m_diagnosticsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("editorAssistant"));
    m_diagnosticsTimer->setSingleShot(true);
    m_diagnosticsTimer->setInterval(DiagnosticsDelayMs);
    connect(m_diagnosticsTimer, &QTimer::timeout, this, &EditorAssistant::checkNow);
    connect(editor->document(), &QTextDocument::contentsChange, this, &EditorAssistant::onContentsChange);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (!m_popup->isShown())
            return;
        // Still inside the identifier being completed: narrow the list; typed
        // past it (`(`, a space) or moved before it: close.
        const QString typed = identifierBeforeCursor();
        if (m_editor->textCursor().position() - typed.size() != m_completionStart)
            m_popup->dismiss();
        else
            m_popup->updatePrefix(typed);
    });
    connect(m_popup, &CompletionPopup::completionChosen, this, &EditorAssistant::insertCompletion);

    connect(intelligence, &EditorIntelligence::completionsReady, this, &EditorAssistant::onCompletions);
    connect(intelligence, &EditorIntelligence::callTipsReady, this, &EditorAssistant::onCallTips);
    connect(intelligence, &EditorIntelligence::helpReady, this, &EditorAssistant::onHelp);
    connect(intelligence, &EditorIntelligence::definitionsReady, this, &EditorAssistant::onDefinitions);
    connect(intelligence, &EditorIntelligence::usagesReady, this, &EditorAssistant::onUsages);
    connect(intelligence, &EditorIntelligence::diagnosticsReady, this, &EditorAssistant::onDiagnostics);

    editor->installEventFilter(this);
    editor->viewport()->installEventFilter(this);
    m_diagnosticsTimer->start();
}

EditorAssistant *EditorAssistant::of(CodeEditor *editor)
{
    return editor ? editor->findChild<EditorAssistant *>(QStringLiteral("editorAssistant"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

QString EditorAssistant::unavailableText(EditorIntelligence::Feature feature, const QString &package)
{
    switch (feature) {
    case EditorIntelligence::Feature::Completion:
        return tr("Completion, call tips and go to definition need the Python package %1 (python3-%1), "
                  "which this interpreter lacks")
            .arg(package);
    case EditorIntelligence::Feature::Checker:
        return tr("Only syntax errors and namespace imports are checked: the checker needs the Python "
                  "package %1 (python3-%1), which this interpreter lacks")
            .arg(package);
    }
    return QString();
}

bool EditorAssistant::explainMissingPackage()
{
    const QString package = m_intelligence->missingPackage(EditorIntelligence::Feature::Completion);
    if (package.isEmpty())
        return false;
    Q_EMIT message(unavailableText(EditorIntelligence::Feature::Completion, package));
    return true;
}

void EditorAssistant::cursorPosition(int *line, int *column) const
{
    const QTextCursor cursor = m_editor->textCursor();
    *line = cursor.blockNumber() + 1;
    *column = cursor.positionInBlock();
}

QString EditorAssistant::identifierBeforeCursor() const
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = cursor.block().text().left(cursor.positionInBlock());
    int start = text.size();
    while (start > 0 && isIdentifierChar(text.at(start - 1)))
        --start;
    return text.mid(start);
}

QString EditorAssistant::wordUnderCursor() const
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.select(QTextCursor::WordUnderCursor);
    return cursor.selectedText();
}

void EditorAssistant::requestCompletion()
{
    int line, column;
    cursorPosition(&line, &column);
    m_completionStart = m_editor->textCursor().position() - identifierBeforeCursor().size();
    m_completionGeneration = m_intelligence->requestCompletions(m_editor->filePath(), m_editor->toPlainText(),
                                                                line, column);
}

void EditorAssistant::requestCallTip()
{
    int line, column;
    cursorPosition(&line, &column);
    m_callTipGeneration = m_intelligence->requestCallTips(m_editor->filePath(), m_editor->toPlainText(),
                                                          line, column);
}

void EditorAssistant::goToDefinition()
{
    int line, column;
    cursorPosition(&line, &column);
    m_definitionGeneration = m_intelligence->requestDefinitions(m_editor->filePath(), m_editor->toPlainText(),
                                                                line, column);
}

void EditorAssistant::findUsages()
{
    int line, column;
    cursorPosition(&line, &column);
    m_usagesName = wordUnderCursor();
    m_usagesGeneration = m_intelligence->requestUsages(m_editor->filePath(), m_editor->toPlainText(),
                                                       line, column);
}

void EditorAssistant::checkNow()
{
    m_diagnosticsTimer->stop();
    if (m_editor->isReadOnly()) {
        // A library's source opened by a jump: its problems are not the user's.
        m_diagnosticsGeneration = -1;
        m_diagnostics.clear();
        updateSquiggles();
        return;
    }
    m_diagnosticsRevision = m_editor->document()->revision();
    m_diagnosticsGeneration = m_intelligence->requestDiagnostics(m_editor->filePath(), m_editor->toPlainText());
}

void EditorAssistant::onContentsChange(int position, int removed, int added)
{
    m_diagnosticsTimer->start();
    // Only a single typed character triggers anything; pastes and
    // programmatic changes do not.
    if (added != 1 || removed > 1)
        return;
    const QChar typed = m_editor->document()->characterAt(position);
    if (typed == QLatin1Char('.')) {
        // After the editor has moved the cursor past the dot.
        QTimer::singleShot(0, this, [this] {
            if (m_editor)
                requestCompletion();
        });
    } else if (typed == QLatin1Char('(') || (typed == QLatin1Char(',') && QToolTip::isVisible())) {
        QTimer::singleShot(0, this, [this] {
            if (m_editor)
                requestCallTip();
        });
    } else if (typed == QLatin1Char(')')) {
        QToolTip::hideText();
    }
}

void EditorAssistant::onCompletions(int generation, const QList<Completion> &completions)
{
    if (generation != m_completionGeneration || !m_editor)
        return;
    // The user may have typed on within the name (the list narrows) or past
    // it or away from it (dropped).
    if (m_editor->textCursor().position() - identifierBeforeCursor().size() != m_completionStart) {
        m_popup->dismiss();
        return;
    }
    if (completions.isEmpty()) {
        m_popup->dismiss();
        if (!explainMissingPackage())
            Q_EMIT message(tr("No completions"));
        return;
    }
    m_popup->showCompletions(completions, identifierBeforeCursor());
}

void EditorAssistant::insertCompletion(const QString &name)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, identifierBeforeCursor().size());
    cursor.insertText(name);
    m_editor->setTextCursor(cursor);
}

void EditorAssistant::onCallTips(int generation, const QList<CallTip> &tips)
{
    if (generation != m_callTipGeneration || !m_editor || tips.isEmpty())
        return;
    const CallTip &tip = tips.first();
    QString text = tip.signature.toHtmlEscaped();
    // Bold the parameter the cursor is on: the index-th top-level comma
    // separates it from the previous one.
    const int open = tip.signature.indexOf(QLatin1Char('('));
    if (open >= 0 && tip.argumentIndex >= 0) {
        int depth = 0;
        int argument = 0;
        int start = open + 1;
        int end = -1;
        for (int i = open + 1; i < tip.signature.size() && end < 0; ++i) {
            const QChar c = tip.signature.at(i);
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if ((c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) && depth > 0)
                --depth;
            else if ((c == QLatin1Char(',') || c == QLatin1Char(')')) && depth == 0) {
                if (argument == tip.argumentIndex)
                    end = i;
                else {
                    ++argument;
                    start = i + 1;
                }
            }
        }
        if (end > start) {
            text = tip.signature.left(start).toHtmlEscaped() + QStringLiteral("<b>")
                   + tip.signature.mid(start, end - start).toHtmlEscaped() + QStringLiteral("</b>")
                   + tip.signature.mid(end).toHtmlEscaped();
        }
    }
    if (!tip.documentation.isEmpty())
        text += QStringLiteral("<br><i>%1</i>").arg(tip.documentation.section(QStringLiteral("\n\n"), 0, 0).toHtmlEscaped());
    const QRect rect = m_editor->cursorRect();
    QToolTip::showText(m_editor->viewport()->mapToGlobal(rect.bottomLeft() + QPoint(0, 4)), text,
                       m_editor->viewport());
}

void EditorAssistant::showHover(const QPoint &position, const QPoint &globalPosition)
{
    const QTextCursor cursor = m_editor->cursorForPosition(position);
    if (const Diagnostic *d = diagnosticAt(cursor.blockNumber() + 1, cursor.positionInBlock())) {
        QToolTip::showText(globalPosition, d->message.toHtmlEscaped(), m_editor->viewport());
        return;
    }
    QTextCursor word = cursor;
    word.select(QTextCursor::WordUnderCursor);
    if (word.selectedText().trimmed().isEmpty() || !isIdentifierChar(word.selectedText().at(0))) {
        QToolTip::hideText();
        return;
    }
    m_hoverPosition = globalPosition;
    m_helpGeneration = m_intelligence->requestHelp(m_editor->filePath(), m_editor->toPlainText(),
                                                   cursor.blockNumber() + 1, cursor.positionInBlock());
}

void EditorAssistant::onHelp(int generation, const QString &title, const QString &text)
{
    if (generation != m_helpGeneration || !m_editor || text.isEmpty())
        return;
    // Only while the mouse is still where it asked.
    if ((QCursor::pos() - m_hoverPosition).manhattanLength() > 24)
        return;
    QToolTip::showText(m_hoverPosition, tipText(title, text), m_editor->viewport());
}

void EditorAssistant::onDefinitions(int generation, const QList<Definition> &sites)
{
    if (generation != m_definitionGeneration || !m_editor)
        return;
    if (sites.isEmpty()) {
        if (!explainMissingPackage())
            Q_EMIT message(tr("No definition found for %1").arg(wordUnderCursor()));
        return;
    }
    const Definition &site = sites.first();
    Q_EMIT locationRequested(site.file, site.line, site.column, site.readOnly);
}

void EditorAssistant::onUsages(int generation, const QList<Definition> &sites)
{
    if (generation != m_usagesGeneration || !m_editor)
        return;
    if (sites.isEmpty() && explainMissingPackage())
        return;
    Q_EMIT usagesFound(m_usagesName, sites);
}

void EditorAssistant::onDiagnostics(int generation, const QString &file, const QList<Diagnostic> &diagnostics)
{
    Q_UNUSED(file)
    if (generation != m_diagnosticsGeneration || !m_editor)
        return;
    // Checked text that has changed since: its positions would be wrong, and
    // a newer check is already scheduled.
    if (m_editor->document()->revision() != m_diagnosticsRevision)
        return;
    m_diagnostics = diagnostics;
    updateSquiggles();
    Q_EMIT diagnosticsChanged(m_editor->filePath(), m_diagnostics);
}

void EditorAssistant::updateSquiggles()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(d.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        const bool error = d.severity == Diagnostic::Severity::Error;
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(error ? QColor(0xe0, 0x1b, 0x24) : QColor(0xe5, 0xa5, 0x0a));
        selection.format.setToolTip(d.message);
        // The identifier (or the one character) at the column; at least one
        // visible character, so a problem at the end of a line shows.
        const QString text = block.text();
        int start = qBound(0, d.column, qMax(0, text.size() - 1));
        int end = start;
        while (end < text.size() && isIdentifierChar(text.at(end)))
            ++end;
        if (end == start)
            end = qMin(start + 1, qMax(1, text.size()));
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + start);
        cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        selection.cursor = cursor;
        selections << selection;
    }
    m_editor->setAnnotationSelections(selections);
}

const Diagnostic *EditorAssistant::diagnosticAt(int line, int column) const
{
    for (const Diagnostic &d : m_diagnostics) {
        if (d.line != line)
            continue;
        const QString text = m_editor->document()->findBlockByNumber(line - 1).text();
        int end = d.column;
        while (end < text.size() && isIdentifierChar(text.at(end)))
            ++end;
        if (column >= d.column && column <= qMax(end, d.column + 1))
            return &d;
    }
    return nullptr;
}

void EditorAssistant::showContextMenu(const QPoint &position, const QPoint &globalPosition)
{
    if (!m_editor->textCursor().hasSelection())
        m_editor->setTextCursor(m_editor->cursorForPosition(position));
    QMenu *menu = m_editor->createStandardContextMenu(position);
    QAction *first = menu->actions().value(0);
    QAction *definition = new QAction(tr("Go to Definition"), menu);
    definition->setShortcut(QKeySequence(Qt::Key_F12));
    connect(definition, &QAction::triggered, this, &EditorAssistant::goToDefinition);
    QAction *usages = new QAction(tr("Find Usages"), menu);
    usages->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F12));
    connect(usages, &QAction::triggered, this, &EditorAssistant::findUsages);
    QAction *complete = new QAction(tr("Complete"), menu);
    complete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    connect(complete, &QAction::triggered, this, &EditorAssistant::requestCompletion);
    // The editing command most reached for with the mouse on a selection.
    QAction *comment = new QAction(tr("Toggle Comment"), menu);
    comment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(comment, &QAction::triggered, m_editor, &CodeEditor::toggleComment);
    menu->insertActions(first, {definition, usages, complete, comment});
    menu->insertSeparator(first);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPosition);
}

bool EditorAssistant::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_editor)
        return false;
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if (key->key() == Qt::Key_Space && modifiers == Qt::ControlModifier) {
            requestCompletion();
            return true;
        }
        if (key->key() == Qt::Key_F12 && modifiers == Qt::NoModifier) {
            goToDefinition();
            return true;
        }
        if (key->key() == Qt::Key_F12 && modifiers == Qt::ShiftModifier) {
            findUsages();
            return true;
        }
        if (key->key() == Qt::Key_Escape && QToolTip::isVisible())
            QToolTip::hideText();
        return false;
    }
    if (watched != m_editor->viewport())
        return false;
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        showHover(help->pos(), help->globalPos());
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ControlModifier)) {
            m_editor->setTextCursor(m_editor->cursorForPosition(mouse->pos()));
            goToDefinition();
            return true;
        }
        return false;
    }
    case QEvent::ContextMenu: {
        auto *menu = static_cast<QContextMenuEvent *>(event);
        showContextMenu(menu->pos(), menu->globalPos());
        return true;
    }
    default:
        return false;
    }
}
