#include "CodeEditor.h"
#include "CodeManager.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "TestsController.h"
#include "TestsPanel.h"

#include "pythonpackage.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>

namespace {

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &info : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (info.fileName() == QLatin1String("__pycache__"))
            continue;
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target) : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

} // namespace

// Run ▸ Run Tests through the real main window on a copy of the fixture
// project: the Tests panel shows the suite's counts, double-click opens the
// failing line, and in watch mode a save runs the suite again.
class tst_TestsWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_folder;
    MainWindow *m_window = nullptr;

    TestsPanel *panel() const { return m_window->testsController()->panel(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_testswindow"));
        QSettings().clear();
        m_folder = m_dir.filePath(QStringLiteral("project"));
        QVERIFY(copyTree(QStringLiteral(RELIVE_FIXTURES "/tests-project"), m_folder));
        m_window = new MainWindow;
        m_window->show();
        QString error;
        QVERIFY2(m_window->startEngine(&error), qPrintable(error));
        if (!hasPythonPackage(*m_window->runtime(), QStringLiteral("pytest")))
            QSKIP("the embedded interpreter has no pytest (python3-pytest)");
        QVERIFY2(m_window->openFolder(m_folder, QStringLiteral("testsproject"), &error, false), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (!m_window)
            return;
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        delete m_window;
    }

    void runTestsShowsTheSuite()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("runTestsAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F10));
        QSignalSpy finished(m_window->testsController()->runner(), &TestRunner::finished);
        action->trigger();
        QVERIFY(finished.wait(60000));
        QVERIFY2(panel()->countsText().startsWith(QStringLiteral("2 failed, 4 passed, 1 skipped")),
                 qPrintable(panel()->countsText()));

        // Double-click on a failure opens its file at the failing line.
        QTreeWidgetItem *failure = panel()->itemFor(QStringLiteral("tests/test_arith.py::test_mul"));
        QVERIFY(failure);
        Q_EMIT panel()->view()->itemActivated(failure, 0);
        CodeEditor *editor = m_window->editors()->currentEditor();
        QVERIFY(editor);
        QCOMPARE(QFileInfo(editor->filePath()).fileName(), QStringLiteral("test_arith.py"));
        QCOMPARE(editor->textCursor().blockNumber() + 1, 11);
    }

    void watchRunsAgainAfterASave()
    {
        TestRunner *runner = m_window->testsController()->runner();
        if (runner->lastSummary().results.isEmpty()) {
            QSignalSpy first(runner, &TestRunner::finished);
            m_window->testsController()->runAll();
            QVERIFY(first.wait(60000));
        }
        auto *watch = m_window->findChild<QAction *>(QStringLiteral("watchTestsAction"));
        QVERIFY(watch);
        watch->trigger();
        QVERIFY(panel()->isWatching());

        CodeEditor *editor = m_window->editors()->openFile(m_folder + QStringLiteral("/calc/arith.py"));
        QVERIFY(editor);
        QTextCursor found = editor->document()->find(QStringLiteral("def mul(a, b):"));
        QVERIFY(!found.isNull());
        found.movePosition(QTextCursor::NextBlock);
        found.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QCOMPARE(found.selectedText(), QStringLiteral("    return a + b"));
        found.insertText(QStringLiteral("    return a * b"));
        QSignalSpy finished(runner, &TestRunner::finished);
        QVERIFY(m_window->editors()->save(editor));
        QVERIFY(finished.wait(60000));
        QVERIFY2(panel()->countsText().startsWith(QStringLiteral("1 failed, 5 passed, 1 skipped")),
                 qPrintable(panel()->countsText()));

        // A test file's save reruns too.
        CodeEditor *tests = m_window->editors()->openFile(m_folder + QStringLiteral("/tests/test_arith.py"));
        QVERIFY(tests);
        QTextCursor assertion = tests->document()->find(QStringLiteral("assert div(1, 0) == 0"));
        QVERIFY(!assertion.isNull());
        assertion.insertText(QStringLiteral("assert div(1, 1) == 1"));
        QVERIFY(m_window->editors()->save(tests));
        QTRY_VERIFY2_WITH_TIMEOUT(panel()->countsText().startsWith(QStringLiteral("6 passed, 1 skipped")),
                                  qPrintable(panel()->countsText()), 60000);
        watch->trigger();
        QVERIFY(!panel()->isWatching());
    }
};

QTEST_MAIN(tst_TestsWindow)
#include "tst_testswindow.moc"
