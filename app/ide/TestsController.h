#pragma once

#include "TestRunner.h"

#include <QObject>

class CodeManager;
class EditorTabs;
class PythonRuntime;
class QAction;
class QDockWidget;
class QMainWindow;
class TestsPanel;

// The project's tests in the window: Run ▸ Run Tests and its neighbours, the
// Tests panel (tabbed with the console), watch mode after saves, and the
// failing line opened in the editor. Owns the wiring so that the main window
// only composes.
class TestsController : public QObject
{
    Q_OBJECT
public:
    TestsController(QMainWindow *window, EditorTabs *editors);
    ~TestsController() override;

    // The dock is made at once (so the window's saved state places it), the
    // runner once the interpreter runs.
    void setEngine(PythonRuntime *runtime, CodeManager *codeManager);
    // The folder opened: the tests' working directory and rootdir.
    void setProjectFolder(const QString &folder);
    // Run ▸ Run Tests (Ctrl+Shift+F10), Run Failed Tests, Watch Tests.
    void createActions();

    void runAll();
    void runFailed();
    void setWatching(bool watching);
    // Part of the window's one Stop: the run ends after its current test.
    void stop();
    bool isRunning() const;

    TestsPanel *panel() const { return m_panel; }
    TestRunner *runner() const { return m_runner; }
    QAction *runTestsAction() const { return m_runTests; }

Q_SIGNALS:
    void message(const QString &text);
    void runningChanged();

private:
    void run(TestRunner::Selection selection);
    void updateActions();

    QMainWindow *m_window;
    EditorTabs *m_editors;
    TestsPanel *m_panel;
    QDockWidget *m_dock = nullptr;
    TestRunner *m_runner = nullptr;
    CodeManager *m_codeManager = nullptr;
    QString m_folder;
    TestRunner::Selection m_selection = TestRunner::Selection::All;
    QAction *m_runTests = nullptr;
    QAction *m_runFailed = nullptr;
    QAction *m_watch = nullptr;
};
