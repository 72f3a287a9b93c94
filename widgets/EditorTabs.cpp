#include "EditorTabs.h"

#include "CodeEditor.h"
#include "DiskChangeBar.h"
#include "FindReplaceBar.h"

#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QInputDialog>
#include <QMessageBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

EditorTabs::EditorTabs(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_findBar(new FindReplaceBar(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_diskChangeBar(new DiskChangeBar(this))
    , m_editorFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_diskChangeBar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *editor = qobject_cast<CodeEditor *>(m_tabs->widget(index)))
            closeEditor(editor);
        else
            m_tabs->removeTab(index); // a page: its owner keeps it for next time
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        CodeEditor *editor = currentEditor();
        m_findBar->setEditor(editor);
        updateDiskChangeBar();
        Q_EMIT currentEditorChanged(editor);
    });
    connect(m_diskChangeBar, &DiskChangeBar::reloadRequested, this, [this](const QString &path) {
        if (CodeEditor *editor = editorFor(path))
            editor->reloadFromDisk();
        m_divergent.remove(path);
        updateDiskChangeBar();
    });
    connect(m_diskChangeBar, &DiskChangeBar::keepRequested, this, [this](const QString &path) {
        m_divergent.remove(path);
        m_keptOverDisk.insert(path);
        updateDiskChangeBar();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTabs::onFileChangedOnDisk);
}

QString EditorTabs::normalizedPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

CodeEditor *EditorTabs::openFile(const QString &path, int line, QString *error)
{
    const QString file = normalizedPath(path);
    CodeEditor *editor = editorFor(file);
    if (!editor) {
        editor = new CodeEditor;
        editor->setFont(m_editorFont);
        editor->setThemeName(m_editorTheme);
        if (!editor->load(file, error)) {
            delete editor;
            return nullptr;
        }
        addEditorTab(editor);
        watch(file);
        const auto mark = m_errors.constFind(file);
        if (mark != m_errors.constEnd())
            editor->setErrorMarker(mark->line, mark->message);
    }
    m_tabs->setCurrentWidget(editor);
    if (line > 0)
        editor->goToLine(line);
    editor->setFocus();
    return editor;
}

void EditorTabs::addEditorTab(CodeEditor *editor)
{
    const int index = m_tabs->addTab(editor, displayName(editor));
    m_tabs->setTabToolTip(index, editor->filePath());
    connect(editor->document(), &QTextDocument::modificationChanged, this, [this, editor] {
        updateTabTitle(editor);
        Q_EMIT modificationChanged();
    });
}

CodeEditor *EditorTabs::newUntitled()
{
    auto *editor = new CodeEditor;
    editor->setFont(m_editorFont);
    editor->setThemeName(m_editorTheme);
    editor->setProperty("untitledName", tr("Untitled %1").arg(++m_untitledCount));
    addEditorTab(editor);
    m_tabs->setCurrentWidget(editor);
    editor->setFocus();
    return editor;
}

QString EditorTabs::displayName(const CodeEditor *editor)
{
    if (!editor)
        return {};
    if (editor->filePath().isEmpty())
        return editor->property("untitledName").toString();
    return QFileInfo(editor->filePath()).fileName();
}

CodeEditor *EditorTabs::currentEditor() const
{
    return qobject_cast<CodeEditor *>(m_tabs->currentWidget());
}

CodeEditor *EditorTabs::editorFor(const QString &path) const
{
    const QString file = normalizedPath(path);
    if (file.isEmpty())
        return nullptr;
    for (CodeEditor *editor : editors()) {
        if (editor->filePath() == file)
            return editor;
    }
    return nullptr;
}

QList<CodeEditor *> EditorTabs::editors() const
{
    QList<CodeEditor *> result;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *editor = qobject_cast<CodeEditor *>(m_tabs->widget(i)))
            result.append(editor);
    }
    return result;
}

int EditorTabs::count() const
{
    return int(editors().size());
}

void EditorTabs::setEditorAppearance(const QFont &font, const QString &theme)
{
    m_editorFont = font;
    m_editorTheme = theme;
    for (CodeEditor *editor : editors()) {
        editor->setFont(font);
        editor->setThemeName(theme);
    }
}

void EditorTabs::showPage(QWidget *page, const QString &title)
{
    if (m_tabs->indexOf(page) < 0)
        m_tabs->insertTab(0, page, title);
    m_tabs->setCurrentWidget(page);
}

QMessageBox::StandardButton EditorTabs::ask(const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton)
{
    if (m_question)
        return m_question(title, text, buttons, defaultButton);
    return QMessageBox::question(this, title, text, buttons, defaultButton);
}

bool EditorTabs::changedOnDisk(const CodeEditor *editor)
{
    const QFileInfo info(editor->filePath());
    return info.exists() && info.lastModified() != editor->lastKnownModification();
}

bool EditorTabs::confirmOverwrite(CodeEditor *editor)
{
    if (m_keptOverDisk.contains(editor->filePath()) || !changedOnDisk(editor))
        return true;
    m_tabs->setCurrentWidget(editor);
    const auto answer = ask(tr("File Changed on Disk"),
                            tr("%1 has been changed on disk since it was loaded or saved.\n"
                               "Overwrite it with the text of this editor?")
                                .arg(QFileInfo(editor->filePath()).fileName()),
                            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Save;
}

void EditorTabs::updateDiskChangeBar()
{
    CodeEditor *editor = currentEditor();
    if (editor && m_divergent.contains(editor->filePath()))
        m_diskChangeBar->showFor(editor->filePath());
    else
        m_diskChangeBar->hide();
}

void EditorTabs::updateTabTitle(CodeEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    const QString name = displayName(editor);
    m_tabs->setTabText(index, editor->document()->isModified() ? name + QStringLiteral(" \u25CF")
                                                                : name);
}

bool EditorTabs::save(CodeEditor *editor)
{
    if (editor && editor->filePath().isEmpty())
        return saveAs(editor);
    if (!editor || !confirmOverwrite(editor))
        return false;
    QString error;
    if (!editor->save(&error)) {
        QMessageBox::warning(this, tr("Save Failed"),
                             tr("Could not save %1:\n%2").arg(editor->filePath(), error));
        return false;
    }
    m_divergent.remove(editor->filePath());
    m_keptOverDisk.remove(editor->filePath());
    updateDiskChangeBar();
    Q_EMIT fileSaved(editor->filePath());
    return true;
}

bool EditorTabs::saveCurrent()
{
    return save(currentEditor());
}

bool EditorTabs::saveCurrentAs()
{
    return saveAs(currentEditor());
}

bool EditorTabs::saveAs(CodeEditor *editor)
{
    if (!editor)
        return false;
    m_tabs->setCurrentWidget(editor);
    const QString suggested = editor->filePath().isEmpty()
                                  ? QDir(m_saveDirectory).filePath(displayName(editor).remove(QLatin1Char(' ')).toLower()
                                                                   + QStringLiteral(".py"))
                                  : editor->filePath();
    const QString path = m_savePath ? m_savePath(suggested)
                                    : QFileDialog::getSaveFileName(this, tr("Save As"), suggested,
                                                                   tr("Python files (*.py);;All files (*)"));
    if (path.isEmpty())
        return false;
    const QString previous = editor->filePath();
    QString error;
    if (!editor->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Save Failed"),
                             tr("Could not save %1:\n%2").arg(path, error));
        return false;
    }
    if (!previous.isEmpty() && previous != editor->filePath())
        m_watcher->removePath(previous);
    m_tabs->setTabToolTip(m_tabs->indexOf(editor), editor->filePath());
    updateTabTitle(editor);
    watch(editor->filePath());
    Q_EMIT fileSaved(editor->filePath());
    Q_EMIT currentEditorChanged(currentEditor());
    return true;
}

bool EditorTabs::saveAll()
{
    bool ok = true;
    for (CodeEditor *editor : editors()) {
        if (editor->document()->isModified())
            ok = save(editor) && ok;
    }
    return ok;
}

bool EditorTabs::saveFiles()
{
    bool ok = true;
    for (CodeEditor *editor : editors()) {
        if (editor->document()->isModified() && !editor->filePath().isEmpty())
            ok = save(editor) && ok;
    }
    return ok;
}

bool EditorTabs::hasUnsavedChanges() const
{
    for (CodeEditor *editor : editors()) {
        if (editor->document()->isModified())
            return true;
    }
    return false;
}

bool EditorTabs::closeEditor(CodeEditor *editor)
{
    if (!editor)
        return false;
    if (editor->document()->isModified()) {
        m_tabs->setCurrentWidget(editor);
        const auto answer = ask(
            tr("Unsaved Changes"),
            tr("%1 has unsaved changes. Save them before closing?").arg(displayName(editor)),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(editor))
            return false;
    }
    if (!editor->filePath().isEmpty())
        m_watcher->removePath(editor->filePath());
    m_divergent.remove(editor->filePath());
    m_keptOverDisk.remove(editor->filePath());
    m_tabs->removeTab(m_tabs->indexOf(editor));
    editor->deleteLater();
    Q_EMIT modificationChanged();
    return true;
}

bool EditorTabs::closeAll()
{
    QStringList unsaved;
    for (CodeEditor *editor : editors()) {
        if (editor->document()->isModified())
            unsaved.append(displayName(editor));
    }
    if (!unsaved.isEmpty()) {
        const auto answer = ask(
            tr("Unsaved Changes"),
            tr("These files have unsaved changes:\n%1\n\nSave them?").arg(unsaved.join(QLatin1Char('\n'))),
            QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::SaveAll);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::SaveAll && !saveAll())
            return false;
    }
    for (CodeEditor *editor : editors()) {
        editor->document()->setModified(false);
        closeEditor(editor);
    }
    return true;
}

void EditorTabs::showFind()
{
    m_findBar->setEditor(currentEditor());
    m_findBar->showFind();
}

void EditorTabs::showReplace()
{
    m_findBar->setEditor(currentEditor());
    m_findBar->showReplace();
}

void EditorTabs::goToLine()
{
    CodeEditor *editor = currentEditor();
    if (!editor)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"),
                                          tr("Line (1 - %1):").arg(editor->blockCount()),
                                          editor->currentLine(), 1, editor->blockCount(), 1, &ok);
    if (ok)
        editor->goToLine(line);
}

void EditorTabs::setErrorMarker(const QString &file, int line, const QString &message)
{
    const QString path = normalizedPath(file);
    m_errors.insert(path, {line, message});
    if (CodeEditor *editor = editorFor(path))
        editor->setErrorMarker(line, message);
}

void EditorTabs::clearErrorMarker(const QString &file)
{
    const QString path = normalizedPath(file);
    m_errors.remove(path);
    if (CodeEditor *editor = editorFor(path))
        editor->clearErrorMarker();
}

bool EditorTabs::hasErrorMarker(const QString &file) const
{
    return m_errors.contains(normalizedPath(file));
}

void EditorTabs::watch(const QString &path)
{
    if (!m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void EditorTabs::onFileChangedOnDisk(const QString &path)
{
    // An atomic save by another program replaces the file: the watch is lost
    // with the old inode and must be added again for the new one.
    if (QFileInfo::exists(path))
        watch(path);
    m_changedOnDisk.insert(path);
    // Coalesce the burst of notifications one save produces.
    QTimer::singleShot(100, this, &EditorTabs::handleExternalChanges);
}

void EditorTabs::handleExternalChanges()
{
    if (m_askingAboutChanges)
        return;
    const QSet<QString> changed = m_changedOnDisk;
    m_changedOnDisk.clear();
    for (const QString &path : changed) {
        CodeEditor *editor = editorFor(path);
        if (!editor || !QFileInfo::exists(path))
            continue;
        watch(path);
        if (QFileInfo(path).lastModified() == editor->lastKnownModification())
            continue; // our own save
        // A newer disk version supersedes an earlier choice to keep the buffer.
        m_keptOverDisk.remove(path);
        if (!editor->document()->isModified()) {
            editor->reloadFromDisk();
            m_divergent.remove(path);
            updateDiskChangeBar();
            Q_EMIT message(tr("Reloaded %1 from disk").arg(QFileInfo(path).fileName()));
            continue;
        }
        m_askingAboutChanges = true;
        m_tabs->setCurrentWidget(editor);
        const auto answer = ask(
            tr("File Changed on Disk"),
            tr("%1 was changed by another program, and this buffer has unsaved changes.\n"
               "Reload it from disk and lose your changes?")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        m_askingAboutChanges = false;
        if (answer == QMessageBox::Yes) {
            editor->reloadFromDisk();
            m_divergent.remove(path);
        } else {
            m_divergent.insert(path);
        }
        updateDiskChangeBar();
    }
    if (!m_changedOnDisk.isEmpty())
        QTimer::singleShot(0, this, &EditorTabs::handleExternalChanges);
}
