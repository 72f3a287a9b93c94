#include "EditingController.h"

#include "CodeEditor.h"
#include "EditorTabs.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextDocument>

EditingController::EditingController(QMainWindow *window, EditorTabs *editors)
    : QObject(window)
    , m_window(window)
    , m_editors(editors)
    , m_formatter(new Formatter(this))
{
    connect(m_formatter, &Formatter::finished, this, &EditingController::onFormatted);
}

EditingController::~EditingController() = default;

void EditingController::createActions()
{
    QMenuBar *bar = m_window->menuBar();
    auto *source = new QMenu(tr("&Source"), bar);
    source->setObjectName(QStringLiteral("sourceMenu"));
    auto *run = m_window->findChild<QMenu *>(QStringLiteral("runMenu"));
    if (run)
        bar->insertMenu(run->menuAction(), source);
    else
        bar->addMenu(source);

    auto editorAction = [this, source](const QString &text, const QKeySequence &key, const QString &name,
                                       void (CodeEditor::*slot)()) {
        QAction *action = source->addAction(text, this, [this, slot] {
            if (CodeEditor *editor = m_editors->currentEditor())
                (editor->*slot)();
        });
        action->setObjectName(name);
        action->setShortcut(key);
        // The editor handles these keys itself; the entry is for discovery
        // and for the mouse, as in the Edit menu.
        action->setShortcutContext(Qt::WidgetShortcut);
        return action;
    };
    editorAction(tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
                 QStringLiteral("toggleCommentAction"), &CodeEditor::toggleComment);
    editorAction(tr("&Indent Lines"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight),
                 QStringLiteral("indentAction"), &CodeEditor::indentLines);
    editorAction(tr("&Dedent Lines"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft),
                 QStringLiteral("dedentAction"), &CodeEditor::dedentLines);
    source->addSeparator();
    m_formatAction = source->addAction(tr("&Format File"), this, &EditingController::formatCurrent);
    m_formatAction->setObjectName(QStringLiteral("formatAction"));
    m_formatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));

    auto update = [this, source] {
        const bool editor = m_editors->currentEditor() != nullptr;
        for (QAction *action : source->actions())
            action->setEnabled(editor);
    };
    connect(m_editors, &EditorTabs::currentEditorChanged, this, update);
    update();
}

void EditingController::formatCurrent()
{
    if (CodeEditor *editor = m_editors->currentEditor())
        format(editor);
}

void EditingController::format(CodeEditor *editor)
{
    startFormat(editor, false);
}

void EditingController::saveCurrent()
{
    CodeEditor *editor = m_editors->currentEditor();
    if (!m_formatOnSave || !editor) {
        m_editors->saveCurrent();
        return;
    }
    startFormat(editor, true);
}

void EditingController::saveAll()
{
    if (!m_formatOnSave) {
        m_editors->saveAll();
        return;
    }
    const QList<CodeEditor *> editors = m_editors->editors();
    for (CodeEditor *editor : editors) {
        if (editor->document()->isModified())
            startFormat(editor, true);
    }
}

bool EditingController::isFormatting(CodeEditor *editor) const
{
    for (const Pending &pending : m_pending) {
        if (pending.editor == editor)
            return true;
    }
    return false;
}

void EditingController::startFormat(CodeEditor *editor, bool thenSave)
{
    // A second request for the same buffer replaces the first; a save asked
    // for by either still happens.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->editor == editor) {
            thenSave = thenSave || it->thenSave;
            m_formatter->cancel(it.key());
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    const int request = m_formatter->format(editor->filePath(), editor->toPlainText());
    m_pending.insert(request, Pending{editor, editor->document()->revision(), thenSave});
    const Formatter::Choice choice = m_formatter->choose(editor->filePath());
    if (choice.tool != Formatter::Tool::None)
        showMessage(tr("Formatting %1 with %2…").arg(EditorTabs::displayName(editor), Formatter::toolName(choice.tool)));
}

void EditingController::onFormatted(const Formatter::Result &result)
{
    const Pending pending = m_pending.take(result.request);
    CodeEditor *editor = pending.editor;
    if (!editor)
        return;
    const QString name = EditorTabs::displayName(editor);
    const QString tool = Formatter::toolName(result.choice.tool);
    QString text;
    if (result.status != Formatter::Result::Status::Formatted) {
        text = failureText(result, name);
        if (pending.thenSave)
            text = tr("Saved %1 unformatted: %2").arg(name, text);
    } else if (editor->document()->revision() != pending.revision) {
        // Applying it would undo what was typed meanwhile.
        text = pending.thenSave ? tr("Saved %1 unformatted: it changed while %2 ran").arg(name, tool)
                                : tr("%1 changed while %2 ran; format it again").arg(name, tool);
    } else {
        const QString &formatted = result.text;
        const QString before = editor->toPlainText();
        const bool changed = formatted != before;
        if (changed)
            editor->replaceText(formatted);
        text = changed ? tr("Formatted %1 with %2").arg(name, tool) : tr("%1 is already formatted (%2)").arg(name, tool);
        if (result.choice.configured != Formatter::Tool::None && result.choice.configured != result.choice.tool)
            text += QLatin1String(" — ") + tr("%1 asks for %2, which is not installed")
                                                .arg(QFileInfo(result.choice.configFile).fileName(),
                                                     Formatter::toolName(result.choice.configured));
        if (pending.thenSave)
            text = changed ? tr("Formatted with %1 and saved %2").arg(tool, name) : QString();
    }
    if (pending.thenSave)
        m_editors->save(editor);
    if (!text.isEmpty())
        showMessage(text);
    else
        m_window->statusBar()->clearMessage();
    Q_EMIT formatFinished(editor);
}

QString EditingController::failureText(const Formatter::Result &result, const QString &name) const
{
    const QString tool = Formatter::toolName(result.choice.tool);
    switch (result.status) {
    case Formatter::Result::Status::NotInstalled:
        return tr("No formatter is installed: Relive formats with ruff or black. Install one with "
                  "“sudo apt install black” (or “sudo apt install ruff” where the distribution has it)");
    case Formatter::Result::Status::Refused: {
        QString message = result.message;
        if (message.startsWith(QLatin1String("error: ")))
            message = message.mid(7);
        return tr("%1 could not format %2: %3").arg(tool, name, message);
    }
    case Formatter::Result::Status::NotStarted:
        return tr("%1 could not be started: %2").arg(result.choice.program, result.message);
    case Formatter::Result::Status::Crashed:
        return tr("%1 stopped unexpectedly while formatting %2").arg(tool, name);
    case Formatter::Result::Status::TimedOut:
        return tr("%1 did not finish formatting %2 within %3 seconds")
            .arg(tool, name)
            .arg(Formatter::TimeoutMs / 1000);
    case Formatter::Result::Status::NoOutput:
        return tr("%1 gave nothing back for %2; the project's configuration may exclude the file")
            .arg(tool, name);
    case Formatter::Result::Status::Formatted:
        break;
    }
    return QString();
}

void EditingController::showMessage(const QString &text)
{
    m_window->statusBar()->showMessage(text, 10000);
}
