#include "CodeEditor.h"
#include "EditorTabs.h"
#include "FindInFilesController.h"
#include "FindInFilesModel.h"
#include "FindInFilesPanel.h"
#include "MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Two project folders, "server" and "client", in a window of their own with
// Find in Files wired as the main window wires it.
struct Fixture
{
    QTemporaryDir dir;
    QMainWindow window;
    EditorTabs *editors = new EditorTabs(&window);
    QStringList roots;
    FindInFilesController *controller = nullptr;

    Fixture()
    {
        window.setCentralWidget(editors);
        roots = {dir.filePath(QStringLiteral("server")), dir.filePath(QStringLiteral("client"))};
        QDir().mkpath(roots.at(0));
        QDir().mkpath(roots.at(1));
        controller = new FindInFilesController(&window, editors, [this] { return roots; });
        editors->setQuestionFunction([](const QString &, const QString &, QMessageBox::StandardButtons,
                                        QMessageBox::StandardButton) { return QMessageBox::Discard; });
    }
    ~Fixture()
    {
        for (CodeEditor *editor : editors->editors())
            editor->document()->setModified(false);
    }

    QString path(const QString &relative) const { return dir.filePath(relative); }
    FindInFilesPanel *panel() const { return controller->panel(); }
    FindInFilesModel *model() const { return panel()->resultsModel(); }
    // The match rows of the file row called `name` ("server/net.py (1)").
    QModelIndex fileRow(const QString &name) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->index(row, 0).data().toString() == name)
                return model()->index(row, 0);
        }
        return {};
    }

    // Searches for `pattern` as the panel's Enter does, to the end.
    bool search(const QString &pattern)
    {
        QSignalSpy finished(controller->engine(), &FileSearch::finished);
        panel()->searchField()->setText(pattern);
        QTest::keyClick(panel()->searchField(), Qt::Key_Return);
        if (!controller->engine()->isRunning())
            return false;
        return finished.wait(10000);
    }

    QStringList files() const
    {
        QStringList names;
        for (int row = 0; row < model()->rowCount(); ++row)
            names.append(model()->index(row, 0).data().toString());
        names.sort();
        return names;
    }
};

} // namespace

class tst_FindInFilesWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsAcrossTwoFolders();
    void options_data();
    void options();
    void searchesUnsavedBufferText();
    void selectionPrefillsTheQuery();
    void activatingAMatchOpensItsLineAndColumn();
    void replaceAcrossTwoFoldersWithPreview();
    void cancelledPreviewChangesNothing();
    void fileChangedSinceTheSearchIsSkipped();
    void invalidRegexIsAClearMessage();
    void binaryFilesAreSkipped();
    void stopCancelsTheSearch();
    void mainWindowFindInFiles();
};

void tst_FindInFilesWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_findinfileswindow"));
    QSettings().clear();
}

void tst_FindInFilesWindow::findsAcrossTwoFolders()
{
    Fixture f;
    writeFile(f.path(QStringLiteral("server/net.py")), "def handle():\n    return ping()\n");
    writeFile(f.path(QStringLiteral("server/sub/util.py")), "def ping():\n    pass\n");
    writeFile(f.path(QStringLiteral("client/app.py")), "ping()\nping()\n");
    QVERIFY(f.search(QStringLiteral("ping")));
    QCOMPARE(f.files(), QStringList({QStringLiteral("client/app.py (2)"), QStringLiteral("server/net.py (1)"),
                                     QStringLiteral("server/sub/util.py (1)")}));
    QVERIFY2(f.panel()->message().contains(QLatin1String("4 match")), qPrintable(f.panel()->message()));
    const QModelIndex net = f.fileRow(QStringLiteral("server/net.py (1)"));
    QVERIFY(net.isValid());
    QCOMPARE(f.model()->rowCount(net), 1);
    const QModelIndex match = f.model()->index(0, 0, net);
    QCOMPARE(match.data(FindInFilesModel::LineRole).toInt(), 2);
    QCOMPARE(match.data(FindInFilesModel::ColumnRole).toInt(), 11);
    QCOMPARE(match.data(FindInFilesModel::LineTextRole).toString(), QStringLiteral("    return ping()"));
    QCOMPARE(match.data().toString(), QStringLiteral("2: return ping()"));
}

void tst_FindInFilesWindow::options_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<int>("matches");
    // server/a.py: "Total total totals = total_of(TOTAL)"
    QTest::newRow("plain") << "total" << false << false << false << 5;
    QTest::newRow("match case") << "total" << false << true << false << 3;
    QTest::newRow("whole word") << "total" << false << false << true << 3;
    QTest::newRow("regex") << "total(s|_of)" << true << false << false << 2;
    QTest::newRow("regex, case, word") << "[a-z]+" << true << true << true << 2;
}

void tst_FindInFilesWindow::options()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWord);
    QFETCH(int, matches);
    Fixture f;
    writeFile(f.path(QStringLiteral("server/a.py")), "Total total totals = total_of(TOTAL)\n");
    f.panel()->regexBox()->setChecked(regex);
    f.panel()->caseBox()->setChecked(matchCase);
    f.panel()->wordBox()->setChecked(wholeWord);
    QVERIFY(f.search(pattern));
    QCOMPARE(f.model()->rowCount(), 1);
    QCOMPARE(f.model()->rowCount(f.model()->index(0, 0)), matches);
}

void tst_FindInFilesWindow::searchesUnsavedBufferText()
{
    Fixture f;
    const QString file = f.path(QStringLiteral("server/a.py"));
    writeFile(file, "x = 1\n");
    CodeEditor *editor = f.editors->openFile(file);
    QVERIFY(editor);
    editor->appendPlainText(QStringLiteral("unsaved_name = 2"));
    QVERIFY(f.search(QStringLiteral("unsaved_name")));
    QCOMPARE(f.files(), QStringList{QStringLiteral("server/a.py (1)")});
    // "x = 1\n" and the appended line after its empty last line.
    QCOMPARE(f.model()->index(0, 0, f.model()->index(0, 0)).data(FindInFilesModel::LineRole).toInt(), 3);
}

void tst_FindInFilesWindow::selectionPrefillsTheQuery()
{
    Fixture f;
    const QString file = f.path(QStringLiteral("server/a.py"));
    writeFile(file, "value = compute()\n");
    CodeEditor *editor = f.editors->openFile(file);
    QTextCursor cursor(editor->document());
    cursor.setPosition(8);
    cursor.setPosition(15, QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    f.controller->showPanel();
    QCOMPARE(f.panel()->searchField()->text(), QStringLiteral("compute"));
    QVERIFY(f.controller->dock()->isVisible() || !f.window.isVisible());
}

void tst_FindInFilesWindow::activatingAMatchOpensItsLineAndColumn()
{
    Fixture f;
    const QString file = f.path(QStringLiteral("client/app.py"));
    writeFile(file, "import os\n\n    result = target(1)\n");
    QVERIFY(f.search(QStringLiteral("target")));
    const QModelIndex match = f.model()->index(0, 0, f.model()->index(0, 0));
    QVERIFY(match.isValid());
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    f.panel()->resultsView()->setCurrentIndex(match);
    f.panel()->resultsView()->setFocus();
    QTest::keyClick(f.panel()->resultsView(), Qt::Key_Return);
    CodeEditor *editor = f.editors->currentEditor();
    QVERIFY(editor);
    QCOMPARE(editor->filePath(), EditorTabs::normalizedPath(file));
    QCOMPARE(editor->textCursor().blockNumber() + 1, 3);
    QCOMPARE(editor->textCursor().positionInBlock(), 13);
}

void tst_FindInFilesWindow::replaceAcrossTwoFoldersWithPreview()
{
    Fixture f;
    const QString server = f.path(QStringLiteral("server/net.py"));
    const QString client = f.path(QStringLiteral("client/app.py"));
    writeFile(server, "def old_name():\n    pass\n");
    writeFile(client, "old_name()\nold_name()\nkeep = 'old_name'\n");
    // The server's file is open with an unsaved edit that uses the name too.
    CodeEditor *editor = f.editors->openFile(server);
    QVERIFY(editor);
    editor->appendPlainText(QStringLiteral("old_name()  # unsaved"));
    const QString unsaved = editor->toPlainText();
    QVERIFY(editor->document()->isModified());

    QVERIFY(f.search(QStringLiteral("old_name")));
    QCOMPARE(f.files(), QStringList({QStringLiteral("client/app.py (3)"), QStringLiteral("server/net.py (2)")}));
    f.panel()->replaceField()->setText(QStringLiteral("new_name"));
    QList<ReplacementPreview> shown;
    f.controller->setPreviewFunction([&](QList<ReplacementPreview> &changes) {
        shown = changes;
        // Leave the string literal alone.
        for (ReplacementPreview &change : changes)
            change.included = !change.before.contains(QLatin1String("keep"));
        return true;
    });
    QSignalSpy replaced(f.controller, &FindInFilesController::replaced);
    f.panel()->replaceAllButton()->click();
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(shown.size(), 5);
    bool previewed = false;
    for (const ReplacementPreview &change : std::as_const(shown)) {
        if (change.displayPath == QLatin1String("server/net.py") && change.line == 1) {
            QCOMPARE(change.before, QStringLiteral("def old_name():"));
            QCOMPARE(change.after, QStringLiteral("def new_name():"));
            previewed = true;
        }
    }
    QVERIFY(previewed);
    QCOMPARE(replaced.first().at(0).toInt(), 4);
    QCOMPARE(replaced.first().at(1).toInt(), 2);
    QVERIFY(replaced.first().at(2).toStringList().isEmpty());

    // On disk where no editor has the file; the excluded change stays.
    QCOMPARE(readFile(client), QByteArray("new_name()\nnew_name()\nkeep = 'old_name'\n"));
    // In the buffer where one has it, unsaved text included, the file untouched.
    QCOMPARE(editor->toPlainText(), QStringLiteral("def new_name():\n    pass\n\nnew_name()  # unsaved"));
    QCOMPARE(readFile(server), QByteArray("def old_name():\n    pass\n"));
    QVERIFY(editor->document()->isModified());
    // One undo takes the whole replacement back, and only it.
    editor->undo();
    QCOMPARE(editor->toPlainText(), unsaved);
}

void tst_FindInFilesWindow::cancelledPreviewChangesNothing()
{
    Fixture f;
    const QString file = f.path(QStringLiteral("server/a.py"));
    writeFile(file, "alpha = 1\n");
    QVERIFY(f.search(QStringLiteral("alpha")));
    f.panel()->replaceField()->setText(QStringLiteral("beta"));
    f.controller->setPreviewFunction([](QList<ReplacementPreview> &) { return false; });
    QSignalSpy replaced(f.controller, &FindInFilesController::replaced);
    f.controller->replaceAll();
    QCOMPARE(replaced.size(), 0);
    QCOMPARE(readFile(file), QByteArray("alpha = 1\n"));
}

void tst_FindInFilesWindow::fileChangedSinceTheSearchIsSkipped()
{
    Fixture f;
    const QString changed = f.path(QStringLiteral("server/a.py"));
    const QString other = f.path(QStringLiteral("client/b.py"));
    writeFile(changed, "alpha = 1\n");
    writeFile(other, "alpha = 2\n");
    QVERIFY(f.search(QStringLiteral("alpha")));
    writeFile(changed, "alpha = 10  # edited elsewhere\n");
    f.panel()->replaceField()->setText(QStringLiteral("beta"));
    f.controller->setPreviewFunction([](QList<ReplacementPreview> &) { return true; });
    QSignalSpy replaced(f.controller, &FindInFilesController::replaced);
    f.controller->replaceAll();
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced.first().at(1).toInt(), 1);
    QCOMPARE(readFile(changed), QByteArray("alpha = 10  # edited elsewhere\n"));
    QCOMPARE(readFile(other), QByteArray("beta = 2\n"));
    QVERIFY2(f.panel()->message().contains(QLatin1String("a.py changed since the search")),
             qPrintable(f.panel()->message()));
}

void tst_FindInFilesWindow::invalidRegexIsAClearMessage()
{
    Fixture f;
    writeFile(f.path(QStringLiteral("server/a.py")), "x = (1)\n");
    QVERIFY(f.search(QStringLiteral("x")));
    QCOMPARE(f.model()->rowCount(), 1);
    f.panel()->regexBox()->setChecked(true);
    QVERIFY(!f.search(QStringLiteral("x = (1")));
    QVERIFY(!f.panel()->replaceAllButton()->isEnabled());
    QVERIFY2(f.panel()->message().contains(QLatin1String("Invalid regular expression")),
             qPrintable(f.panel()->message()));
    QCOMPARE(f.model()->rowCount(), 0);
}

void tst_FindInFilesWindow::binaryFilesAreSkipped()
{
    Fixture f;
    writeFile(f.path(QStringLiteral("server/a.py")), "needle\n");
    writeFile(f.path(QStringLiteral("server/blob.bin")), QByteArray("needle\0\0\1", 9));
    writeFile(f.path(QStringLiteral("client/.git/HEAD")), "needle\n");
    writeFile(f.path(QStringLiteral("client/__pycache__/a.pyc")), "needle\n");
    QVERIFY(f.search(QStringLiteral("needle")));
    QCOMPARE(f.files(), QStringList{QStringLiteral("server/a.py (1)")});
    QVERIFY2(f.panel()->message().contains(QLatin1String("1 binary file")), qPrintable(f.panel()->message()));
}

void tst_FindInFilesWindow::stopCancelsTheSearch()
{
    Fixture f;
    for (int i = 0; i < 300; ++i)
        writeFile(f.path(QStringLiteral("server/m%1.py").arg(i)), "needle = 1\n");
    QSignalSpy finished(f.controller->engine(), &FileSearch::finished);
    f.panel()->searchField()->setText(QStringLiteral("needle"));
    f.controller->search();
    QVERIFY(f.controller->engine()->isRunning());
    Q_EMIT f.panel()->stopRequested();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).value<FileSearchSummary>().cancelled);
    QVERIFY2(f.panel()->message().contains(QLatin1String("stopped")), qPrintable(f.panel()->message()));
    // A new search after the stop runs to the end.
    QVERIFY(f.search(QStringLiteral("needle")));
    QCOMPARE(f.model()->rowCount(), 300);
}

// Edit ▸ Find in Files… in the real window, with two folders open.
void tst_FindInFilesWindow::mainWindowFindInFiles()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("server/net.py")), "def serve():\n    return 'marker'\n");
    writeFile(dir.filePath(QStringLiteral("client/app.py")), "MARK = 'marker'\n");
    MainWindow window;
    window.show();
    QString error;
    QVERIFY2(window.startEngine(&error), qPrintable(error));
    QVERIFY2(window.openFolder(dir.filePath(QStringLiteral("server")), QStringLiteral("fifserver"), &error, false),
             qPrintable(error));
    QVERIFY2(window.openFolder(dir.filePath(QStringLiteral("client")), QStringLiteral("fifclient"), &error, false),
             qPrintable(error));
    auto *edit = window.menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"));
    QVERIFY(edit);
    auto *action = window.findChild<QAction *>(QStringLiteral("findInFilesAction"));
    QVERIFY(action);
    QVERIFY(edit->actions().contains(action));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    action->trigger();
    FindInFilesController *controller = window.findInFilesController();
    QVERIFY(controller->dock()->isVisible());
    QSignalSpy finished(controller->engine(), &FileSearch::finished);
    controller->panel()->searchField()->setText(QStringLiteral("marker"));
    controller->search();
    QVERIFY(finished.wait(10000));
    FindInFilesModel *model = controller->panel()->resultsModel();
    QCOMPARE(model->rowCount(), 2);
    QStringList names = {model->index(0, 0).data().toString(), model->index(1, 0).data().toString()};
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("client/app.py (1)"), QStringLiteral("server/net.py (1)")}));
    for (CodeEditor *editor : window.editors()->editors())
        editor->document()->setModified(false);
}

QTEST_MAIN(tst_FindInFilesWindow)
#include "tst_findinfileswindow.moc"
