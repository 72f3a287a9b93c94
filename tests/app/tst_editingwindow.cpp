#include "CodeEditor.h"
#include "EditingController.h"
#include "EditorTabs.h"
#include "Formatter.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

namespace {

const QString Messy = QStringLiteral("import os\ndef f( a ):\n  return a\nx=[1,\n  2]\n");
const QString Formatted = QStringLiteral("import os\n\n\ndef f(a):\n    return a\n\n\nx = [1, 2]\n");
const QString Broken = QStringLiteral("x = 1\n\ndef f(:\n    pass\n");

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.toUtf8());
    return true;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool haveFormatter()
{
    return !QStandardPaths::findExecutable(QStringLiteral("black")).isEmpty() ||
           !QStandardPaths::findExecutable(QStringLiteral("ruff")).isEmpty();
}

QAction *menuAction(QMenu *menu, const QKeySequence &key)
{
    for (QAction *action : menu->actions()) {
        if (action->shortcut() == key)
            return action;
    }
    return nullptr;
}

} // namespace

// Source ▸ Toggle Comment and Format File, and format-on-save, through the
// real main window on files in a temporary project.
class tst_EditingWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    EditingController *editing() const { return m_window->editingController(); }
    CodeEditor *open(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        if (!writeFile(path, text))
            return nullptr;
        return m_window->editors()->openFile(path);
    }
    // Runs `action` and waits until the formatting it started has ended.
    bool formatWith(CodeEditor *editor, const std::function<void()> &action)
    {
        QSignalSpy spy(editing(), &EditingController::formatFinished);
        action();
        return spy.wait(20000) && spy.last().first().value<CodeEditor *>() == editor;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_editingwindow"));
        QSettings().clear();
        qRegisterMetaType<CodeEditor *>();
        // A project that asks for black, as most do.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("pyproject.toml")), QStringLiteral("[tool.black]\n")));
        m_window = new MainWindow;
        m_window->show();
    }

    void init()
    {
        Preferences preferences = m_window->preferences();
        preferences.formatOnSave = false;
        m_window->setPreferences(preferences);
        editing()->formatter()->setSearchPaths({});
    }

    void cleanup()
    {
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        m_window->editors()->closeAll();
    }

    void cleanupTestCase() { delete m_window; }

    void sourceMenuSitsBetweenEditAndRun()
    {
        QStringList menus;
        for (QAction *action : m_window->menuBar()->actions()) {
            if (action->menu())
                menus << action->menu()->objectName();
        }
        const qsizetype source = menus.indexOf(QStringLiteral("sourceMenu"));
        QVERIFY(source > 0);
        QCOMPARE(menus.at(source - 1), QStringLiteral("editMenu"));
        QCOMPARE(menus.at(source + 1), QStringLiteral("runMenu"));
    }

    void toggleCommentFromTheMenuAndTheKey()
    {
        CodeEditor *editor = open(QStringLiteral("comment.py"), QStringLiteral("a = 1\nb = 2\n"));
        QVERIFY(editor);
        editor->selectAll();
        auto *source = m_window->findChild<QMenu *>(QStringLiteral("sourceMenu"));
        QAction *toggle = menuAction(source, QKeySequence(Qt::CTRL | Qt::Key_Slash));
        QVERIFY(toggle);
        toggle->trigger();
        QCOMPARE(editor->toPlainText(), QStringLiteral("# a = 1\n# b = 2\n"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor->toPlainText(), QStringLiteral("a = 1\nb = 2\n"));
    }

    void formatFileIsOneUndoStepAndDoesNotSave()
    {
        if (!haveFormatter())
            QSKIP("neither black nor ruff is installed (the Debian package black)");
        CodeEditor *editor = open(QStringLiteral("messy.py"), Messy);
        QVERIFY(editor);
        editor->goToLine(3);
        QVERIFY(formatWith(editor, [this] { editing()->formatAction()->trigger(); }));
        QCOMPARE(editor->toPlainText(), Formatted);
        QVERIFY(editor->document()->isModified());
        QCOMPARE(readFile(editor->filePath()), Messy);
        // The cursor stays on its statement: `return a` moved from line 3 to 5.
        QCOMPARE(editor->currentLine(), 5);
        QCOMPARE(editor->textCursor().positionInBlock(), 0);
        QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("messy.py")));
        editor->undo();
        QCOMPARE(editor->toPlainText(), Messy);
        editor->redo();
        QCOMPARE(editor->toPlainText(), Formatted);
    }

    void syntaxErrorLeavesTheBuffer()
    {
        if (!haveFormatter())
            QSKIP("neither black nor ruff is installed (the Debian package black)");
        CodeEditor *editor = open(QStringLiteral("broken.py"), Broken);
        QVERIFY(editor);
        QVERIFY(formatWith(editor, [this] { editing()->formatCurrent(); }));
        QCOMPARE(editor->toPlainText(), Broken);
        QVERIFY(!editor->document()->isModified());
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("broken.py")) && message.contains(QLatin1String("3:")),
                 qPrintable(message));
    }

    void noFormatterNamesThePackages()
    {
        QTemporaryDir empty;
        editing()->formatter()->setSearchPaths({empty.path()});
        CodeEditor *editor = open(QStringLiteral("plain.py"), Messy);
        QVERIFY(editor);
        QVERIFY(formatWith(editor, [this] { editing()->formatCurrent(); }));
        QCOMPARE(editor->toPlainText(), Messy);
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("apt install black")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("ruff")), qPrintable(message));
    }

    void editWhileFormattingIsNotOverwritten()
    {
        QTemporaryDir bin;
        // The answer cannot come before the event loop turns, so the typing
        // below always lands while the formatter runs.
        QVERIFY(writeFile(bin.filePath(QStringLiteral("black")), QStringLiteral("#!/bin/sh\ntr a-z A-Z\n")));
        QFile::setPermissions(bin.filePath(QStringLiteral("black")), QFileDevice::ExeOwner | QFileDevice::ReadOwner);
        editing()->formatter()->setSearchPaths({bin.path()});
        CodeEditor *editor = open(QStringLiteral("typing.py"), QStringLiteral("x = 1\n"));
        QVERIFY(editor);
        QVERIFY(formatWith(editor, [this, editor] {
            editing()->formatCurrent();
            editor->textCursor().insertText(QStringLiteral("y = 2\n"));
        }));
        QCOMPARE(editor->toPlainText(), QStringLiteral("y = 2\nx = 1\n"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("typing.py")));
    }

    void missingConfiguredToolIsNamed()
    {
        QTemporaryDir bin;
        QVERIFY(writeFile(bin.filePath(QStringLiteral("black")), QStringLiteral("#!/bin/sh\ntr a-z A-Z\n")));
        QFile::setPermissions(bin.filePath(QStringLiteral("black")), QFileDevice::ExeOwner | QFileDevice::ReadOwner);
        editing()->formatter()->setSearchPaths({bin.path()});
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ruffproject/pyproject.toml")), QStringLiteral("[tool.ruff]\n")));
        CodeEditor *editor = open(QStringLiteral("ruffproject/mod.py"), QStringLiteral("x = 1\n"));
        QVERIFY(editor);
        QVERIFY(formatWith(editor, [this] { editing()->formatCurrent(); }));
        QCOMPARE(editor->toPlainText(), QStringLiteral("X = 1\n"));
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("black")) && message.contains(QLatin1String("pyproject.toml asks for ruff")),
                 qPrintable(message));
    }

    void formatOnSaveFormatsThenSaves()
    {
        if (!haveFormatter())
            QSKIP("neither black nor ruff is installed (the Debian package black)");
        Preferences preferences = m_window->preferences();
        preferences.formatOnSave = true;
        m_window->setPreferences(preferences);
        QVERIFY(editing()->formatOnSave());
        CodeEditor *editor = open(QStringLiteral("onsave.py"), QStringLiteral("x = 1\n"));
        QVERIFY(editor);
        editor->selectAll();
        editor->insertPlainText(Messy);
        auto *file = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QAction *save = menuAction(file, QKeySequence(QKeySequence::Save));
        QVERIFY(save);
        QVERIFY(formatWith(editor, [save] { save->trigger(); }));
        QCOMPARE(readFile(editor->filePath()), Formatted);
        QCOMPARE(editor->toPlainText(), Formatted);
        QVERIFY(!editor->document()->isModified());
    }

    void formatOnSaveSavesUnformattedAndSaysWhy()
    {
        Preferences preferences = m_window->preferences();
        preferences.formatOnSave = true;
        m_window->setPreferences(preferences);
        QTemporaryDir empty;
        editing()->formatter()->setSearchPaths({empty.path()});
        CodeEditor *editor = open(QStringLiteral("unformatted.py"), QStringLiteral("x = 1\n"));
        QVERIFY(editor);
        editor->selectAll();
        editor->insertPlainText(Messy);
        QVERIFY(formatWith(editor, [this] { editing()->saveCurrent(); }));
        QCOMPARE(readFile(editor->filePath()), Messy);
        QVERIFY(!editor->document()->isModified());
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("unformatted")) && message.contains(QLatin1String("apt install black")),
                 qPrintable(message));
    }

    void formatOnSaveIsAPreference()
    {
        QVERIFY(!Preferences().formatOnSave);
        Preferences preferences = m_window->preferences();
        preferences.formatOnSave = true;
        m_window->setPreferences(preferences);
        QVERIFY(Preferences::load().formatOnSave);
        PreferencesDialog dialog(m_window->preferences());
        QVERIFY(dialog.formatOnSaveBox()->isChecked());
        dialog.formatOnSaveBox()->setChecked(false);
        m_window->setPreferences(dialog.preferences());
        QVERIFY(!editing()->formatOnSave());
        QVERIFY(!Preferences::load().formatOnSave);
    }

    void saveWithoutFormatOnSaveIsImmediate()
    {
        CodeEditor *editor = open(QStringLiteral("direct.py"), QStringLiteral("x = 1\n"));
        QVERIFY(editor);
        editor->selectAll();
        editor->insertPlainText(Messy);
        editing()->saveCurrent();
        QCOMPARE(readFile(editor->filePath()), Messy);
        QVERIFY(!editing()->isFormatting(editor));
    }
};

QTEST_MAIN(tst_EditingWindow)
#include "tst_editingwindow.moc"
