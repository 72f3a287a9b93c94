#include "FindInFilesController.h"

#include "CodeEditor.h"
#include "EditorTabs.h"
#include "FindInFilesPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

FindInFilesController::FindInFilesController(QMainWindow *window, EditorTabs *editors, RootsFunction roots)
    : QObject(window)
    , m_window(window)
    , m_editors(editors)
    , m_roots(std::move(roots))
    , m_panel(new FindInFilesPanel(window))
    , m_dock(new QDockWidget(tr("Find in Files"), window))
    , m_search(new FileSearch(this))
{
    m_dock->setObjectName(QStringLiteral("findInFilesDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (auto *console = window->findChild<QDockWidget *>(QStringLiteral("consoleDock"))) {
        window->tabifyDockWidget(console, m_dock);
        console->raise();
    }
    connect(m_panel, &FindInFilesPanel::searchRequested, this, &FindInFilesController::search);
    connect(m_panel, &FindInFilesPanel::stopRequested, m_search, &FileSearch::cancel);
    connect(m_panel, &FindInFilesPanel::replaceAllRequested, this, &FindInFilesController::replaceAll);
    connect(m_panel, &FindInFilesPanel::matchActivated, this, &FindInFilesController::openMatch);
    connect(m_search, &FileSearch::resultsFound, this, [this](const QList<FileSearchResult> &results) {
        m_results += results;
        m_panel->addResults(results);
    });
    connect(m_search, &FileSearch::finished, m_panel, &FindInFilesPanel::finishSearch);
}

FindInFilesController::~FindInFilesController() = default;

void FindInFilesController::createActions()
{
    auto *menu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"));
    if (!menu)
        return;
    // A child of the menu, as the window's own actions are, so the shortcut
    // list (Help ▸ Keyboard Shortcuts) finds it among the menu bar's.
    m_action = new QAction(tr("Find in F&iles…"), menu);
    m_action->setObjectName(QStringLiteral("findInFilesAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_action->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_action, &QAction::triggered, this, &FindInFilesController::showPanel);
    // After Go to Line, the last of the editor's own find actions.
    const QList<QAction *> actions = menu->actions();
    QAction *before = nullptr;
    for (int i = 0; i < actions.size(); ++i) {
        if (actions.at(i)->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_L)) {
            before = actions.value(i + 1);
            break;
        }
    }
    menu->insertAction(before, m_action);
}

void FindInFilesController::showPanel()
{
    if (CodeEditor *editor = m_editors->currentEditor()) {
        const QString selected = editor->textCursor().selectedText();
        // A selection of several lines is not a query.
        if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
            m_panel->setSearchText(selected);
    }
    m_dock->show();
    m_dock->raise();
    m_panel->focusSearch();
}

void FindInFilesController::search()
{
    FileSearchQuery query = m_panel->query();
    query.roots = m_roots ? m_roots() : QStringList();
    if (query.roots.isEmpty()) {
        m_panel->showMessage(tr("Open a folder first: Find in Files searches the open folders."), true);
        return;
    }
    // What the editors show is what is searched, saved or not.
    for (CodeEditor *editor : m_editors->editors()) {
        if (!editor->filePath().isEmpty())
            query.openBuffers.insert(EditorTabs::normalizedPath(editor->filePath()), editor->toPlainText());
    }
    QString error;
    if (!m_search->start(query, &error)) {
        // The results shown belong to another query: Replace All must not
        // take them for this one.
        m_search->cancel();
        m_results.clear();
        m_panel->clearResults();
        m_panel->showMessage(error, true);
        return;
    }
    m_query = query;
    m_results.clear();
    m_panel->beginSearch();
}

bool FindInFilesController::previewChanges(QList<ReplacementPreview> &changes)
{
    if (m_preview)
        return m_preview(changes);
    ReplacePreviewDialog dialog(changes, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    changes = dialog.changes();
    return true;
}

void FindInFilesController::replaceAll()
{
    if (m_search->isRunning()) {
        m_panel->showMessage(tr("Wait for the search to finish, or stop it, before replacing."), true);
        return;
    }
    if (m_results.isEmpty()) {
        m_panel->showMessage(tr("Nothing to replace: search first."), true);
        return;
    }
    const QString replace = m_panel->replaceText();
    QList<ReplacementPreview> changes;
    QList<QString> replacements;
    for (const FileSearchResult &result : std::as_const(m_results)) {
        for (const SearchMatch &match : result.matches) {
            const QString text = FileSearch::replacement(m_query, match, replace);
            ReplacementPreview change;
            change.path = result.path;
            change.displayPath = result.displayPath;
            change.line = match.line;
            change.before = match.lineText;
            change.after = QString(match.lineText).replace(match.column, match.length, text);
            changes.append(change);
            replacements.append(text);
        }
    }
    if (!previewChanges(changes))
        return;

    int changed = 0;
    int files = 0;
    QStringList skipped;
    int index = 0;
    for (const FileSearchResult &result : std::as_const(m_results)) {
        QList<TextEdit> edits;
        for (const SearchMatch &match : result.matches) {
            if (index < changes.size() && changes.at(index).included)
                edits.append({match.offset, match.length, replacements.at(index)});
            ++index;
        }
        if (edits.isEmpty())
            continue;
        if (CodeEditor *editor = m_editors->editorFor(result.path)) {
            // The buffer, not the file: its unsaved text stays, and one undo
            // takes the whole replacement back.
            if (FileSearch::fingerprint(editor->toPlainText()) != result.fingerprint) {
                skipped.append(tr("%1 changed since the search; search again to replace in it.")
                                   .arg(result.displayPath));
                continue;
            }
            std::sort(edits.begin(), edits.end(),
                      [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
            QTextCursor cursor(editor->document());
            cursor.beginEditBlock();
            for (const TextEdit &edit : std::as_const(edits)) {
                cursor.setPosition(edit.offset);
                cursor.setPosition(edit.offset + edit.length, QTextCursor::KeepAnchor);
                cursor.insertText(edit.text);
            }
            cursor.endEditBlock();
        } else {
            QString error;
            if (!FileSearch::replaceInFile(result.path, result.fingerprint, edits, &error)) {
                skipped.append(error);
                continue;
            }
        }
        changed += int(edits.size());
        ++files;
    }
    // The offsets found are stale now.
    m_results.clear();
    m_panel->clearResults();
    QString text = tr("Replaced %1 in %2.")
                       .arg(tr("%n match(es)", nullptr, changed), tr("%n file(s)", nullptr, files));
    if (!skipped.isEmpty())
        text += QLatin1Char(' ') + tr("Skipped: %1").arg(skipped.join(QLatin1Char(' ')));
    m_panel->showMessage(text, !skipped.isEmpty());
    Q_EMIT message(text);
    Q_EMIT replaced(changed, files, skipped);
}

void FindInFilesController::openMatch(const QString &path, int line, int column)
{
    QString error;
    CodeEditor *editor = m_editors->openFile(path, line, &error);
    if (!editor) {
        m_panel->showMessage(tr("Could not open %1: %2").arg(path, error), true);
        return;
    }
    editor->goToLine(line, column + 1);
    editor->setFocus();
}
