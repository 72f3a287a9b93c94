#include "TestsController.h"

#include "CodeManager.h"
#include "EditorTabs.h"
#include "TestsPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>
#include <QStyle>

TestsController::TestsController(QMainWindow *window, EditorTabs *editors)
    : QObject(window)
    , m_window(window)
    , m_editors(editors)
    , m_panel(new TestsPanel(window))
{
    m_dock = new QDockWidget(tr("Tests"), window);
    m_dock->setObjectName(QStringLiteral("testsDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (auto *console = window->findChild<QDockWidget *>(QStringLiteral("consoleDock"))) {
        window->tabifyDockWidget(console, m_dock);
        console->raise();
    }
    connect(m_panel, &TestsPanel::runAllRequested, this, &TestsController::runAll);
    connect(m_panel, &TestsPanel::runFailedRequested, this, &TestsController::runFailed);
    connect(m_panel, &TestsPanel::watchToggled, this, &TestsController::setWatching);
    connect(m_panel, &TestsPanel::stopRequested, this, &TestsController::stop);
    connect(m_panel, &TestsPanel::locationActivated, this,
            [this](const QString &file, int line) { m_editors->openFile(file, line); });
    // A save of a namespace file reruns through the runner's watch (after the
    // reload); a test file outside the namespaces is not reloaded, so its
    // save reruns from here.
    connect(m_editors, &EditorTabs::fileSaved, this, [this](const QString &path) {
        if (!m_runner || !m_runner->isWatching() || m_folder.isEmpty() || !path.endsWith(QLatin1String(".py")))
            return;
        if (!path.startsWith(m_folder + QLatin1Char('/')) || (m_codeManager && m_codeManager->ownsFile(path)))
            return;
        m_runner->run(TestRunner::Selection::FailedFirst);
    });
    updateActions();
}

TestsController::~TestsController() = default;

void TestsController::setEngine(PythonRuntime *runtime, CodeManager *codeManager)
{
    m_codeManager = codeManager;
    m_runner = new TestRunner(runtime, this);
    m_runner->setProjectDirectory(m_folder);
    connect(m_runner, &TestRunner::started, this, [this](TestRunner::Selection selection) {
        m_selection = selection;
        m_panel->beginRun();
        Q_EMIT runningChanged();
    });
    connect(m_runner, &TestRunner::testFinished, m_panel, &TestsPanel::addResult);
    connect(m_runner, &TestRunner::finished, this, [this](const TestRunSummary &summary) {
        m_panel->finishRun(summary, m_selection != TestRunner::Selection::Failed);
        const QString text = summary.error.isEmpty()
            ? tr("Tests: %1").arg(m_panel->countsText())
            : tr("The tests could not run; the Tests panel says why.");
        Q_EMIT message(text);
        updateActions();
        Q_EMIT runningChanged();
    });
    updateActions();
}

bool TestsController::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void TestsController::stop()
{
    if (!isRunning())
        return;
    m_runner->stop();
    Q_EMIT message(tr("Stopping the tests after the one that runs now"));
}

void TestsController::setProjectFolder(const QString &folder)
{
    if (folder == m_folder)
        return;
    m_folder = folder;
    m_panel->setBaseFolder(folder);
    m_panel->clear();
    if (m_runner)
        m_runner->setProjectDirectory(folder);
    updateActions();
}

void TestsController::createActions()
{
    auto *menu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("runMenu"));
    if (!menu)
        return;
    menu->addSeparator();
    m_runTests = menu->addAction(m_window->style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Run &Tests"),
                                 this, &TestsController::runAll);
    m_runTests->setObjectName(QStringLiteral("runTestsAction"));
    m_runTests->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F10));
    m_runFailed = menu->addAction(tr("Run &Failed Tests"), this, &TestsController::runFailed);
    m_runFailed->setObjectName(QStringLiteral("runFailedTestsAction"));
    m_watch = menu->addAction(tr("&Watch Tests"));
    m_watch->setObjectName(QStringLiteral("watchTestsAction"));
    m_watch->setCheckable(true);
    m_watch->setToolTip(tr("After every save, run the tests that failed, then the others"));
    connect(m_watch, &QAction::toggled, this, &TestsController::setWatching);
    updateActions();
}

void TestsController::runAll()
{
    run(TestRunner::Selection::All);
}

void TestsController::runFailed()
{
    run(TestRunner::Selection::Failed);
}

void TestsController::run(TestRunner::Selection selection)
{
    if (!m_runner || m_folder.isEmpty()) {
        Q_EMIT message(tr("Open a project folder to run its tests."));
        return;
    }
    m_dock->show();
    m_dock->raise();
    m_runner->run(selection);
}

void TestsController::setWatching(bool watching)
{
    if (m_runner)
        m_runner->setWatching(m_codeManager, watching);
    const QSignalBlocker blockPanel(m_panel);
    m_panel->setWatching(watching);
    if (m_watch) {
        const QSignalBlocker blockAction(m_watch);
        m_watch->setChecked(watching);
    }
    // Watching starts from the suite's present state.
    if (watching && m_runner && m_runner->lastSummary().results.isEmpty() && !m_runner->isRunning())
        run(TestRunner::Selection::All);
}

void TestsController::updateActions()
{
    const bool can = m_runner && !m_folder.isEmpty();
    m_panel->setRunEnabled(can);
    for (QAction *action : {m_runTests, m_runFailed, m_watch}) {
        if (action)
            action->setEnabled(can);
    }
}
