#include "EditorTabs.h"

#include "CodeEditor.h"
#include "FindReplaceBar.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
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
{
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        closeEditor(qobject_cast<CodeEditor *>(m_tabs->widget(index)));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        CodeEditor *editor = currentEditor();
        m_findBar->setEditor(editor);
        Q_EMIT currentEditorChanged(editor);
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
        if (!editor->load(file, error)) {
            delete editor;
            return nullptr;
        }
        const int index = m_tabs->addTab(editor, QFileInfo(file).fileName());
        m_tabs->setTabToolTip(index, file);
        connect(editor->document(), &QTextDocument::modificationChanged, this, [this, editor] {
            updateTabTitle(editor);
            Q_EMIT modificationChanged();
        });
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

CodeEditor *EditorTabs::currentEditor() const
{
    return qobject_cast<CodeEditor *>(m_tabs->currentWidget());
}

CodeEditor *EditorTabs::editorFor(const QString &path) const
{
    const QString file = normalizedPath(path);
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
    return m_tabs->count();
}

void EditorTabs::updateTabTitle(CodeEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    const QString name = QFileInfo(editor->filePath()).fileName();
    m_tabs->setTabText(index, editor->document()->isModified() ? name + QStringLiteral(" \u25CF")
                                                                : name);
}

bool EditorTabs::save(CodeEditor *editor)
{
    if (!editor)
        return false;
    QString error;
    if (!editor->save(&error)) {
        QMessageBox::warning(this, tr("Save Failed"),
                             tr("Could not save %1:\n%2").arg(editor->filePath(), error));
        return false;
    }
    Q_EMIT fileSaved(editor->filePath());
    return true;
}

bool EditorTabs::saveCurrent()
{
    return save(currentEditor());
}

bool EditorTabs::saveCurrentAs()
{
    CodeEditor *editor = currentEditor();
    if (!editor)
        return false;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), editor->filePath(),
                                                      tr("Python files (*.py);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!editor->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Save Failed"),
                             tr("Could not save %1:\n%2").arg(path, error));
        return false;
    }
    m_tabs->setTabToolTip(m_tabs->indexOf(editor), editor->filePath());
    updateTabTitle(editor);
    watch(editor->filePath());
    Q_EMIT fileSaved(editor->filePath());
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
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("%1 has unsaved changes. Save them before closing?")
                .arg(QFileInfo(editor->filePath()).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(editor))
            return false;
    }
    m_watcher->removePath(editor->filePath());
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
            unsaved.append(QFileInfo(editor->filePath()).fileName());
    }
    if (!unsaved.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
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
        if (!editor->document()->isModified()) {
            editor->reloadFromDisk();
            Q_EMIT message(tr("Reloaded %1 from disk").arg(QFileInfo(path).fileName()));
            continue;
        }
        m_askingAboutChanges = true;
        m_tabs->setCurrentWidget(editor);
        const auto answer = QMessageBox::question(
            this, tr("File Changed on Disk"),
            tr("%1 was changed by another program, and this buffer has unsaved changes.\n"
               "Reload it from disk and lose your changes?")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        m_askingAboutChanges = false;
        if (answer == QMessageBox::Yes)
            editor->reloadFromDisk();
    }
    if (!m_changedOnDisk.isEmpty())
        QTimer::singleShot(0, this, &EditorTabs::handleExternalChanges);
}
