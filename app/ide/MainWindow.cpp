#include "MainWindow.h"

#include "CodeEditor.h"
#include "CodeManager.h"
#include "Completer.h"
#include "DebugController.h"
#include "TestsController.h"
#include "PlotsController.h"
#include "EditingController.h"
#include "FindInFilesController.h"
#include "VariablesController.h"
#include "RunController.h"
#include "Debugger.h"
#include "ConsoleWidget.h"
#include "DocumentationViewer.h"
#include "EnvironmentController.h"
#include "EditorAssistant.h"
#include "EditorIntelligence.h"
#include "EditorTabs.h"
#include "InspectorView.h"
#include "NamespaceModel.h"
#include "NamespaceView.h"
#include "ObjectInspector.h"
#include "OpenFolderDialog.h"
#include "ProgramExit.h"
#include "PreferencesDialog.h"
#include "ProblemsPanel.h"
#include "Overrides.h"
#include "OverridesView.h"
#include "ProjectTree.h"
#include "PythonRuntime.h"
#include "PythonVersion.h"
#include "RecoveryJournal.h"
#include "ReloadLogView.h"
#include "ReloadReport.h"
#include "ShortcutsDialog.h"
#include "Translations.h"
#include "WelcomePage.h"
#include "WindowLayout.h"
#include "UsagesPanel.h"
#include "WatchEvaluator.h"
#include "WatchesView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <utility>
#include <memory>

namespace {

constexpr int MaxRecentFolders = 8;

QString recentFoldersKey() { return QStringLiteral("recentFolders"); }
QString recentNamesKey() { return QStringLiteral("recentNamespaces"); }
QString runTargetsKey() { return QStringLiteral("runTargets"); }
QString runArgumentsKey() { return QStringLiteral("runArguments"); }
QString openFilesKey() { return QStringLiteral("openFiles"); }

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_runtime(new PythonRuntime(this))
    , m_completer(new Completer(m_runtime, this))
    , m_editors(new EditorTabs(this))
    , m_projectTree(new ProjectTree(this))
    , m_namespaceView(new NamespaceView(this))
    , m_reloadLog(new ReloadLogView(this))
    , m_console(new ConsoleWidget(m_runtime, m_completer, this))
    , m_journal(new RecoveryJournal(m_editors, RecoveryJournal::defaultDirectory(), this))
    , m_engineStatus(new QLabel(this))
    , m_cursorPosition(new QLabel(this))
{
    qRegisterMetaType<ReloadReport>();
    qRegisterMetaType<NamespaceNode>();
    qRegisterMetaType<QList<NamespaceNode>>();

    initReliveResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/relive.svg")));
    setCentralWidget(m_editors);
    createDocks();
    createLiveObjectDocks();
    m_debug = new DebugController(this, m_editors, m_console);
    connect(m_debug, &DebugController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_variables = new VariablesController(this, m_debug->variablesPanel());
    m_tests = new TestsController(this, m_editors);
    m_editing = new EditingController(this, m_editors);
    m_findInFiles = new FindInFilesController(this, m_editors, [this] { return m_projectTree->rootPaths(); });
    m_runs = new RunController(this, m_runtime, m_editors, m_console);
    connect(m_runs, &RunController::chosenChanged, this, &MainWindow::updateRunActions);
    m_environment = new EnvironmentController(this);
    m_plots = new PlotsController(this);
    connect(m_plots, &PlotsController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_environment, &EnvironmentController::message, m_console, &ConsoleWidget::appendNotice);
    connect(m_tests, &TestsController::runningChanged, this, &MainWindow::updateRunActions);
    connect(m_tests, &TestsController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    createActions();
    m_preferences = Preferences::load();
    applyPreferences();
    createEditorIntelligence();
    statusBar()->addPermanentWidget(m_cursorPosition);
    statusBar()->addPermanentWidget(m_engineStatus);
    updateTitle();

    connect(m_projectTree, &ProjectTree::fileActivated, this,
            [this](const QString &path) { openLocation(path, 0); });
    connect(m_editors, &EditorTabs::fileSaved, this, &MainWindow::onFileSaved);
    connect(m_editors, &EditorTabs::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 4000); });
    connect(m_editors, &EditorTabs::modificationChanged, this, &MainWindow::updateTitle);
    connect(m_editors, &EditorTabs::currentEditorChanged, this, [this](CodeEditor *editor) {
        updateTitle();
        if (m_cursorConnection)
            disconnect(m_cursorConnection);
        if (editor)
            m_cursorConnection = connect(editor, &QPlainTextEdit::cursorPositionChanged, this,
                                         &MainWindow::updateCursorPosition);
        updateCursorPosition();
    });
    connect(m_namespaceView, &NamespaceView::definitionRequested, this, &MainWindow::openLocation);
    connect(m_namespaceView, &NamespaceView::instanceCountsRequested, this, [this] {
        if (m_codeManager)
            m_codeManager->requestInstanceCounts();
    });
    connect(m_reloadLog, &ReloadLogView::locationActivated, this, &MainWindow::openLocation);
    connect(m_console, &ConsoleWidget::fileLinkActivated, this, &MainWindow::openLocation);

    connectRunNotices();

    m_layout = new WindowLayout(this);
    m_layout->addViewEntries(findChild<QMenu *>(QStringLiteral("viewMenu")));
    m_layout->restore();
}

MainWindow::~MainWindow()
{
    // The code manager and the completer post to the runtime's workers: they
    // go first, then the interpreter.
    m_journal->clear();
    // The debugger's wiring goes before the editors it listens to; then the
    // debugger, which lets a paused thread go before the interpreter stops.
    Debugger *debugger = m_debug->debugger();
    delete std::exchange(m_debug, nullptr);
    delete debugger;
    delete std::exchange(m_tests, nullptr);
    delete m_codeManager;
    delete m_completer;
    delete m_runtime;
}

void MainWindow::connectCodeManager()
{
    connect(m_codeManager, &CodeManager::reloaded, this, &MainWindow::onReloaded);
    connectReloadProblems();
    connect(m_codeManager, &CodeManager::reloaded, m_watches, &WatchesView::evaluateNow);
    connect(m_codeManager, &CodeManager::reloaded, m_inspector, &InspectorView::refresh);
    connect(m_codeManager, &CodeManager::snapshotReady, m_namespaceView, &NamespaceView::setRoots);
    connect(m_codeManager, &CodeManager::instanceCountsReady, m_namespaceView->namespaceModel(),
            &NamespaceModel::setInstanceCounts);
    // Counting is cheap (no heap walk): after each command the counts are current.
    connect(m_runtime, &PythonRuntime::commandFinished, m_codeManager, &CodeManager::requestInstanceCounts);
    connect(m_runtime, &PythonRuntime::programFinished, m_codeManager, &CodeManager::requestInstanceCounts);
    // A running program makes and drops objects with no command ending; the
    // counts are read from the classes' trackers, not the heap, so a slow
    // timer keeps them current at a cost that does not grow with the heap.
    auto *countTimer = new QTimer(this);
    countTimer->setInterval(2000);
    connect(countTimer, &QTimer::timeout, m_codeManager, &CodeManager::requestInstanceCounts);
    connect(m_runtime, &PythonRuntime::programStarted, countTimer, qOverload<>(&QTimer::start));
    connect(m_runtime, &PythonRuntime::programFinished, countTimer, &QTimer::stop);
    connect(m_codeManager, &CodeManager::namespaceChanged, m_codeManager,
            &CodeManager::requestSnapshot);
    connect(m_codeManager, &CodeManager::warning, this, [this](const QString &message) {
        m_console->appendNotice(message);
        statusBar()->showMessage(message, 5000);
    });
}

void MainWindow::createDocks()
{
    auto addDock = [this](const QString &title, const QString &name, QWidget *widget,
                          Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(area, dock);
        return dock;
    };
    addDock(tr("Project"), QStringLiteral("projectDock"), m_projectTree, Qt::LeftDockWidgetArea);
    QDockWidget *namespaces = addDock(tr("Namespace"), QStringLiteral("namespaceDock"),
                                      m_namespaceView, Qt::RightDockWidgetArea);
    QDockWidget *log = addDock(tr("Reload Log"), QStringLiteral("reloadLogDock"), m_reloadLog,
                               Qt::RightDockWidgetArea);
    addDock(tr("Console"), QStringLiteral("consoleDock"), m_console, Qt::BottomDockWidgetArea);
    splitDockWidget(namespaces, log, Qt::Vertical);
    // Left and right docks take the full height; the console sits under the editors.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

// Panels about the running program's objects, tabbed with the console.
void MainWindow::createLiveObjectDocks()
{
    auto *console = findChild<QDockWidget *>(QStringLiteral("consoleDock"));
    auto *overrides = new QDockWidget(tr("Overrides"), this);
    overrides->setObjectName(QStringLiteral("overridesDock"));
    auto *overridesView = new OverridesView(OverrideRegistry::instance(), overrides);
    overrides->setWidget(overridesView);
    connectWriteToFile(overridesView);
    addDockWidget(Qt::BottomDockWidgetArea, overrides);
    tabifyDockWidget(console, overrides);

    m_watches = new WatchesView(new WatchEvaluator(m_runtime, this), this);
    auto *watches = new QDockWidget(tr("Watches"), this);
    watches->setObjectName(QStringLiteral("watchesDock"));
    watches->setWidget(m_watches);
    addDockWidget(Qt::BottomDockWidgetArea, watches);
    tabifyDockWidget(console, watches);
    connect(m_watches, &WatchesView::settingsChanged, this, &MainWindow::saveWatches);
    createInspectorDock();
    console->raise();
}

// The Inspector, tabbed with the namespace view on the right: instances of a class asked for in
// the namespace view, objects opened with relive.inspect(); shown anew after
// every reload and console command (the same objects, as they are now).
void MainWindow::createInspectorDock()
{
    m_inspector = new InspectorView(ObjectInspector::instance(), this);
    auto *dock = new QDockWidget(tr("Inspector"), this);
    dock->setObjectName(QStringLiteral("inspectorDock"));
    dock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("namespaceDock")), dock);
    connect(m_inspector, &InspectorView::shown, dock, [dock] {
        dock->show();
        dock->raise();
    });
    connect(m_namespaceView, &NamespaceView::instancesRequested, m_inspector, &InspectorView::showInstances);
    connect(m_runtime, &PythonRuntime::commandFinished, m_inspector, &InspectorView::refresh);
}

// "Write to File": the override's text replaces its method in the file's
// buffer (opened if needed), as one undoable edit, left unsaved for review.
void MainWindow::connectWriteToFile(OverridesView *view)
{
    auto pending = std::make_shared<QHash<int, QString>>();   // id -> buffer sent
    connect(view, &OverridesView::writeToFileRequested, this, [this, pending](int id, const QString &file) {
        QString error;
        CodeEditor *editor = m_editors->openFile(file, 0, &error);
        if (!editor) {
            m_console->appendNotice(tr("Could not open %1: %2").arg(file, error));
            return;
        }
        pending->insert(id, editor->toPlainText());
        OverrideRegistry::instance()->writeToSource(id, file, editor->toPlainText());
    });
    connect(OverrideRegistry::instance(), &OverrideRegistry::sourceEditReady, this,
            [this, pending](int id, const QString &path, int first, int last, const QString &text, const QString &error) {
                const QString sent = pending->take(id);
                CodeEditor *editor = m_editors->editorFor(path);
                QString problem = error;
                if (problem.isEmpty() && (!editor || editor->toPlainText() != sent))
                    problem = tr("the file's text changed meanwhile; try again");
                if (!problem.isEmpty()) {
                    const QString message = tr("Could not write the override to the file: %1").arg(problem);
                    m_console->appendNotice(message);
                    statusBar()->showMessage(message, 5000);
                    return;
                }
                QTextDocument *document = editor->document();
                const QTextBlock from = document->findBlockByNumber(first - 1);
                const QTextBlock to = document->findBlockByNumber(last - 1);
                QTextCursor cursor(document);
                cursor.setPosition(from.position());
                cursor.setPosition(to.position() + to.length() - 1, QTextCursor::KeepAnchor);
                cursor.insertText(text);
                cursor.setPosition(from.position());
                editor->setTextCursor(cursor);
                editor->setFocus();
                statusBar()->showMessage(tr("The override is in %1, not saved: review it and save").arg(path), 8000);
            });
}

// "Override in Running Program": the function or method at the cursor, as
// the buffer has it (saved or not), replaces the live one until reverted.
void MainWindow::addOverrideAction(QMenu *menu)
{
    menu->addSeparator();
    QAction *action = menu->addAction(tr("&Override in Running Program"), this, [this] {
        CodeEditor *editor = m_editors->currentEditor();
        if (!editor || editor->filePath().isEmpty())
            return;
        OverrideRegistry::instance()->overrideFromSource(editor->filePath(), editor->toPlainText(),
                                                         editor->textCursor().blockNumber() + 1);
    });
    action->setObjectName(QStringLiteral("overrideAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    connect(OverrideRegistry::instance(), &OverrideRegistry::sourceOverridden, this,
            [this](bool ok, const QString &targetOrError) {
                const QString text = ok ? tr("%1 is overridden in the running program").arg(targetOrError)
                                        : tr("Could not override: %1").arg(targetOrError);
                m_console->appendNotice(text);
                statusBar()->showMessage(text, 5000);
            });
}

// The watches belong to the folder's session, like its open files.
void MainWindow::saveWatches()
{
    if (m_currentFolder.isEmpty())
        return;
    QSettings settings;
    QVariantMap sessions = settings.value(QStringLiteral("watches")).toMap();
    QVariantMap session;
    session.insert(QStringLiteral("expressions"), m_watches->expressions());
    session.insert(QStringLiteral("module"), m_watches->module());
    session.insert(QStringLiteral("interval"), m_watches->interval());
    session.insert(QStringLiteral("paused"), m_watches->isPaused());
    sessions.insert(m_currentFolder, session);
    settings.setValue(QStringLiteral("watches"), sessions);
}

void MainWindow::restoreWatches(const QString &folder)
{
    const QVariantMap session = QSettings().value(QStringLiteral("watches")).toMap().value(folder).toMap();
    QSignalBlocker block(m_watches);
    m_watches->setModule(session.value(QStringLiteral("module")).toString());
    m_watches->setInterval(session.value(QStringLiteral("interval"), 1000).toInt());
    m_watches->setPaused(session.value(QStringLiteral("paused")).toBool());
    m_watches->setExpressions(session.value(QStringLiteral("expressions")).toStringList());
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *openFolder = file->addAction(tr("Open &Folder as Namespace…"), this,
                                          &MainWindow::openFolderDialog);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    m_recentMenu = file->addMenu(tr("&Recent Folders"));
    updateRecentMenu();
    file->addSeparator();
    QAction *newAction = file->addAction(tr("&New File"), this, &MainWindow::newFile);
    newAction->setObjectName(QStringLiteral("newFileAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open File…"), this, &MainWindow::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    m_saveAction = file->addAction(tr("&Save"), m_editing, &EditingController::saveCurrent);
    m_saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save &As…"), m_editors, &EditorTabs::saveCurrentAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    m_saveAllAction = file->addAction(tr("Save A&ll"), m_editing, &EditingController::saveAll);
    m_saveAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    QAction *close = file->addAction(tr("&Close File"), this,
                                     [this] { m_editors->closeEditor(m_editors->currentEditor()); });
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    auto editorAction = [this, edit](const QString &text, const QKeySequence &key,
                                     void (QPlainTextEdit::*slot)()) {
        QAction *action = edit->addAction(text, this, [this, slot] {
            if (CodeEditor *editor = m_editors->currentEditor())
                (editor->*slot)();
        });
        action->setShortcut(key);
        // The editor handles its own shortcuts; the menu entry is for discovery.
        action->setShortcutContext(Qt::WidgetShortcut);
        return action;
    };
    editorAction(tr("&Undo"), QKeySequence::Undo, &QPlainTextEdit::undo);
    editorAction(tr("&Redo"), QKeySequence::Redo, &QPlainTextEdit::redo)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addSeparator();
    editorAction(tr("Cu&t"), QKeySequence::Cut, &QPlainTextEdit::cut);
    editorAction(tr("&Copy"), QKeySequence::Copy, &QPlainTextEdit::copy);
    editorAction(tr("&Paste"), QKeySequence::Paste, &QPlainTextEdit::paste);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find…"), m_editors, &EditorTabs::showFind);
    find->setShortcut(QKeySequence::Find);
    QAction *replace = edit->addAction(tr("R&eplace…"), m_editors, &EditorTabs::showReplace);
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QAction *goToLine = edit->addAction(tr("&Go to Line…"), m_editors, &EditorTabs::goToLine);
    goToLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    m_runFileAction = run->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run File"), this,
                                     [this] { if (!m_runs->runChosen()) runCurrentFile(false); });
    m_runFileAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runFileAction->setObjectName(QStringLiteral("runFileAction"));
    m_runWithArgumentsAction = run->addAction(tr("Run File with &Arguments…"), this,
                                              [this] { runCurrentFile(true); });
    m_runWithArgumentsAction->setObjectName(QStringLiteral("runWithArgumentsAction"));
    run->addSeparator();
    m_runAction = run->addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Run &Callable"), this,
                                 [this] { runProgram(false); });
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAsAction = run->addAction(tr("Run &Target…"), this, [this] { runProgram(true); });
    // One Stop: the console stops whatever runs, program or command, and says what.
    m_stopAction = run->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this, [this] {
        m_tests->stop();
        if (m_console->canStop())
            m_console->stop();
    });
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    run->addSeparator();
    QAction *interrupt = run->addAction(tr("&Interrupt Console"), m_console,
                                        &ConsoleWidget::interrupt);
    interrupt->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *restart = run->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("R&estart Interpreter"),
                                      m_console, &ConsoleWidget::restartInterpreter);
    restart->setObjectName(QStringLiteral("restartInterpreterAction"));
    connect(m_console, &ConsoleWidget::runningChanged, this, &MainWindow::updateRunActions);
    addOverrideAction(run);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(tr("Refresh &Namespace"), this, [this] {
        if (m_codeManager)
            m_codeManager->requestSnapshot();
    });
    view->addAction(tr("Refresh &Instance Counts"), m_namespaceView, &NamespaceView::instanceCountsRequested);
    view->addAction(tr("&Clear Console"), m_console, &ConsoleWidget::clear);
    createPreferenceActions(edit, view);
    createHelpMenu();

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setIconSize(QSize(18, 18));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    openFolder->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    toolBar->addAction(openFolder);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addAction(m_runFileAction);
    toolBar->addAction(m_runAction);
    toolBar->addAction(m_stopAction);
    m_runs->createActions(toolBar, m_runFileAction, run, m_stopAction);
    m_debug->createActions(m_runFileAction, m_stopAction);
    m_tests->createActions();
    m_editing->createActions();
    m_findInFiles->createActions();
    connect(m_editors, &EditorTabs::currentEditorChanged, this, &MainWindow::updateRunActions);
    updateRunActions();
}

bool MainWindow::startEngine(QString *error)
{
    if (m_codeManager)
        return true;
    QString message;
    const bool ok = m_runtime->start(&message);
    if (ok) {
        // CodeManager talks to the live worker from its constructor: it can
        // only exist once the interpreter runs.
        m_codeManager = new CodeManager(m_runtime, this);
        connectCodeManager();
        m_debug->setDebugger(new Debugger(m_runtime, m_codeManager, this));
        m_tests->setEngine(m_runtime, m_codeManager);
        m_variables->setEngine(m_runtime, m_codeManager);
        m_environment->setRuntime(m_runtime);
        m_plots->setEngine(m_runtime);
    }
    m_engineStatus->setText(ok ? tr("Python ready") : tr("Python failed to start"));
    if (ok)
        watchEngineStatus();
    m_console->inputLine()->setEnabled(ok);
    if (!ok) {
        m_console->appendNotice(tr("Python could not start: %1").arg(message));
        if (error)
            *error = message;
    }
    updateRunActions();
    return ok;
}

bool MainWindow::openFolder(const QString &folder, const QString &name, QString *error,
                            bool interactive)
{
    const QString path = QFileInfo(folder).absoluteFilePath();
    QString message;
    if (!m_codeManager) {
        if (error)
            *error = tr("Python is not running.");
        return false;
    }
    // No name: a project folder, its packages registered under their own names.
    QString shown = name;
    bool ok = false;
    if (name.isEmpty()) {
        const QStringList packages = m_codeManager->addProject(path, &message);
        ok = !packages.isEmpty();
        shown = packages.join(QStringLiteral(", "));
        if (ok && !message.isEmpty())
            m_console->appendNotice(message);
    } else {
        ok = m_codeManager->addDirectory(path, name, &message);
    }
    if (!ok && interactive && !name.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Open Folder as Namespace"),
                        tr("%1 could not be opened as %2: %3").arg(QDir::toNativeSeparators(path), name, message),
                        QMessageBox::Cancel, this);
        box.setInformativeText(tr("Open it as %1 all the same? Code that imports %1 will then get this "
                                  "folder. Cancel to choose another name.").arg(name));
        QPushButton *force = box.addButton(tr("Open as %1").arg(name), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == force)
            ok = m_codeManager->addDirectory(path, name, &message, true);
    }
    if (!ok) {
        if (error)
            *error = message;
        if (interactive)
            m_console->appendNotice(name.isEmpty() ? tr("Could not open %1: %2").arg(path, message)
                                                   : tr("Could not open %1 as %2: %3").arg(path, name, message));
        return false;
    }
    saveOpenFiles();
    m_currentFolder = path;
    m_currentNamespace = shown;
    m_projectTree->addRoot(path, shown);
    m_editors->setSaveDirectory(path);
    addRecentFolder(path, name);
    m_codeManager->requestSnapshot();
    m_console->appendNotice(name.isEmpty()
                                ? tr("%1 is open as a project: import %2").arg(QDir::toNativeSeparators(path), shown)
                                : tr("%1 is now the namespace %2").arg(QDir::toNativeSeparators(path), name));
    restoreOpenFiles(path);
    restoreWatches(path);
    m_debug->openSession(path);
    m_tests->setProjectFolder(path);
    m_runs->setFolder(path);
    m_environment->setProjectFolder(path);
    updateTitle();
    updateRunActions();
    return true;
}

void MainWindow::offerRecovery()
{
    const QList<RecoveryJournal::Entry> entries = RecoveryJournal::entries(m_journal->directory());
    if (entries.isEmpty())
        return;
    QStringList files;
    for (const auto &entry : entries)
        files.append(QStringLiteral("%1 (%2)").arg(QDir::toNativeSeparators(entry.file),
                                                   QLocale().toString(entry.time, QLocale::ShortFormat)));
    const auto answer = QMessageBox::question(
        this, tr("Restore Unsaved Changes"),
        tr("Relive did not exit cleanly last time. Unsaved changes to these files were kept:\n\n%1\n\n"
           "Restore them?")
            .arg(files.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        for (const auto &entry : entries) {
            CodeEditor *editor = QFileInfo::exists(entry.file) ? m_editors->openFile(entry.file)
                                                               : nullptr;
            if (!editor) {
                m_console->appendNotice(tr("Could not restore %1: the file no longer exists")
                                            .arg(entry.file));
                continue;
            }
            // Through a cursor, so the restore can be undone back to the file's content.
            QTextCursor cursor(editor->document());
            cursor.select(QTextCursor::Document);
            cursor.insertText(entry.text);
        }
    }
    RecoveryJournal::discard(entries);
    m_journal->writeNow();
}

void MainWindow::openFolderDialog()
{
    QSettings settings;
    QStringList recent = settings.value(recentFoldersKey()).toStringList();
    recent.removeAll(m_currentFolder);
    OpenFolderDialog dialog(recent, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openFolder(dialog.folder(), dialog.namespaceName());
}

void MainWindow::openFileDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open File"), m_currentFolder, tr("Python files (*.py);;All files (*)"));
    for (const QString &file : files)
        openLocation(file, 0);
}

// As in most editors: an untitled buffer at once, named on its first save.
void MainWindow::newFile()
{
    m_editors->newUntitled();
}

void MainWindow::openLocation(const QString &file, int line)
{
    if (!QFileInfo(file).isFile()) {
        statusBar()->showMessage(tr("%1 is not a file").arg(file), 4000);
        return;
    }
    QString error;
    if (!m_editors->openFile(file, line, &error))
        QMessageBox::warning(this, tr("Open File"), tr("Could not open %1:\n%2").arg(file, error));
}

void MainWindow::onFileSaved(const QString &path)
{
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 3000);
    if (!m_codeManager || !m_codeManager->ownsFile(path))
        return;
    m_codeManager->reloadFile(path);
}

void MainWindow::onReloaded(const ReloadReport &report)
{
    m_reloadLog->addReport(report);
    if (report.ok()) {
        m_editors->clearErrorMarker(report.file);
        statusBar()->showMessage(report.summary(), 5000);
    } else {
        m_editors->setErrorMarker(report.file, errorLineOf(report), report.error);
        statusBar()->showMessage((report.kind == ReloadReport::Kind::Check ? tr("%1 does not compile: %2")
                                                                           : tr("Reload of %1 failed: %2"))
                                     .arg(QFileInfo(report.file).fileName(), report.error),
                                 8000);
    }
    m_codeManager->requestSnapshot();
}

void MainWindow::createEditorIntelligence()
{
    m_intelligence = new EditorIntelligence(m_runtime, this);
    m_problems = new ProblemsPanel(this);
    m_usages = new UsagesPanel(this);
    QDockWidget *console = findChild<QDockWidget *>(QStringLiteral("consoleDock"));
    auto addBottomDock = [this, console](const QString &title, const QString &name, QWidget *widget) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        tabifyDockWidget(console, dock);
        return dock;
    };
    QDockWidget *problems = addBottomDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems);
    addBottomDock(tr("Usages"), QStringLiteral("usagesDock"), m_usages);
    console->raise();
    connect(m_problems, &ProblemsPanel::countsChanged, this, [problems](int, int count) {
        problems->setWindowTitle(count ? tr("Problems (%1)").arg(count) : tr("Problems"));
    });
    connect(m_problems, &ProblemsPanel::locationActivated, this, &MainWindow::openLocation);
    connect(m_usages, &UsagesPanel::locationActivated, this, &MainWindow::openLocation);
    connect(m_intelligence, &EditorIntelligence::requestFailed, this, [this](const QString &message) {
        m_console->appendNotice(tr("Editor intelligence failed: %1").arg(message.trimmed()));
    });
    // Said once in the console, and kept at the head of the Problems dock for
    // the checker; the editor's status line says it again when an answer the
    // user asked for is empty.
    connect(m_intelligence, &EditorIntelligence::missingPackageChanged, this,
            [this](EditorIntelligence::Feature feature, const QString &package) {
                const QString text = package.isEmpty() ? QString() : EditorAssistant::unavailableText(feature, package);
                if (!text.isEmpty())
                    m_console->appendNotice(text);
                if (feature == EditorIntelligence::Feature::Checker)
                    m_problems->setNotice(text);
            });
    connect(m_editors, &EditorTabs::currentEditorChanged, this, &MainWindow::attachEditorAssistant);
}

void MainWindow::attachEditorAssistant(CodeEditor *editor)
{
    if (!editor || EditorAssistant::of(editor))
        return;
    auto *assistant = new EditorAssistant(editor, m_intelligence);
    connect(assistant, &EditorAssistant::locationRequested, this, &MainWindow::openDefinition);
    connect(assistant, &EditorAssistant::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 4000); });
    connect(assistant, &EditorAssistant::diagnosticsChanged, this,
            [this](const QString &file, const QList<Diagnostic> &diagnostics) {
                m_problems->setProblems(file, ProblemsPanel::Origin::Check, diagnostics);
            });
    connect(assistant, &EditorAssistant::usagesFound, this,
            [this](const QString &name, const QList<Definition> &sites) {
                m_usages->showUsages(name, sites);
                if (auto *dock = findChild<QDockWidget *>(QStringLiteral("usagesDock"))) {
                    dock->setWindowTitle(tr("Usages of %1 (%2)").arg(name).arg(sites.size()));
                    dock->show();
                    dock->raise();
                }
            });
}

void MainWindow::connectReloadProblems()
{
    // The reload's own errors keep their marker in the editor and are also
    // listed with the checker's findings.
    connect(m_codeManager, &CodeManager::reloaded, this, [this](const ReloadReport &report) {
        QList<Diagnostic> problems;
        if (!report.ok()) {
            Diagnostic problem;
            problem.line = errorLineOf(report);
            problem.column = qMax(0, report.errorColumn - 1);
            problem.message = report.error;
            problem.severity = Diagnostic::Severity::Error;
            problems << problem;
        }
        m_problems->setProblems(report.file, ProblemsPanel::Origin::Reload, problems);
    });
}

void MainWindow::openDefinition(const QString &file, int line, int column, bool readOnly)
{
    QString error;
    CodeEditor *editor = m_editors->openFile(file, line, &error);
    if (!editor) {
        statusBar()->showMessage(tr("Could not open %1: %2").arg(file, error), 5000);
        return;
    }
    if (readOnly && !editor->document()->isModified()) {
        editor->setReadOnly(true);
        statusBar()->showMessage(tr("%1 is opened read-only (library source)").arg(file), 5000);
    }
    // A definition's column counts from 0, goToLine()'s from 1: the cursor
    // lands on the name, not on the space after `class` or `def`.
    editor->goToLine(line, column + 1);
    editor->setFocus();
}

int MainWindow::errorLineOf(const ReloadReport &report)
{
    if (report.errorLine > 0)
        return report.errorLine;
    // An error raised while executing: the innermost frame in the file itself.
    const QString file = EditorTabs::normalizedPath(report.file);
    static const QRegularExpression frame(QStringLiteral("File \"([^\"]+)\", line (\\d+)"));
    int line = 1;
    auto it = frame.globalMatch(report.traceback);
    while (it.hasNext()) {
        const auto match = it.next();
        if (EditorTabs::normalizedPath(match.captured(1)) == file)
            line = match.captured(2).toInt();
    }
    return line;
}

void MainWindow::restoreOpenFiles(const QString &folder)
{
    QSettings settings;
    const QVariantMap session = settings.value(openFilesKey()).toMap().value(folder).toMap();
    const QStringList files = session.value(QStringLiteral("files")).toStringList();
    for (const QString &file : files) {
        if (QFileInfo(file).isFile())
            m_editors->openFile(file);
    }
    const QString current = session.value(QStringLiteral("current")).toString();
    if (m_editors->editorFor(current))
        m_editors->openFile(current);
    // Another folder's files may be open: a folder with none of its own shows its main.py.
    const QString prefix = EditorTabs::normalizedPath(folder) + QLatin1Char('/');
    const auto editors = m_editors->editors();
    const bool ownFileOpen = std::any_of(editors.begin(), editors.end(), [&prefix](CodeEditor *e) {
        return e->filePath().startsWith(prefix);
    });
    if (!ownFileOpen) {
        const QString main = QDir(folder).filePath(QStringLiteral("main.py"));
        if (QFileInfo::exists(main))
            m_editors->openFile(main);
    }
}

void MainWindow::saveOpenFiles()
{
    if (m_currentFolder.isEmpty())
        return;
    QStringList files;
    const QString prefix = m_currentFolder + QLatin1Char('/');
    for (CodeEditor *editor : m_editors->editors()) {
        if (editor->filePath().startsWith(prefix))
            files.append(editor->filePath());
    }
    QVariantMap session;
    session.insert(QStringLiteral("files"), files);
    if (CodeEditor *current = m_editors->currentEditor())
        session.insert(QStringLiteral("current"), current->filePath());
    QSettings settings;
    QVariantMap sessions = settings.value(openFilesKey()).toMap();
    sessions.insert(m_currentFolder, session);
    settings.setValue(openFilesKey(), sessions);
}

QString MainWindow::runTarget() const
{
    QSettings settings;
    const QVariantMap targets = settings.value(runTargetsKey()).toMap();
    const QString target = targets.value(m_currentFolder).toString();
    if (!target.isEmpty())
        return target;
    // The folder's main.py, when the folder itself is the namespace (not a project's root).
    if (m_codeManager && QDir::cleanPath(m_codeManager->directoryOf(m_currentNamespace)) == QDir::cleanPath(m_currentFolder)
        && QFileInfo::exists(QDir(m_currentFolder).filePath(QStringLiteral("main.py"))))
        return m_currentNamespace + QStringLiteral(".main:run");
    return {};
}

void MainWindow::runProgram(bool askForTarget)
{
    if (m_runtime->isProgramRunning())
        return;
    QString target = runTarget();
    if (askForTarget || target.isEmpty()) {
        bool ok = false;
        target = QInputDialog::getText(this, tr("Run"),
                                       tr("Callable to run in a program thread "
                                          "(package.module:function):"),
                                       QLineEdit::Normal, target, &ok)
                     .trimmed();
        if (!ok || target.isEmpty())
            return;
        QSettings settings;
        QVariantMap targets = settings.value(runTargetsKey()).toMap();
        targets.insert(m_currentFolder, target);
        settings.setValue(runTargetsKey(), targets);
    }
    m_runtime->runProgram(target);
    updateRunActions();
}

QString MainWindow::runArguments(const QString &file) const
{
    QSettings settings;
    return settings.value(runArgumentsKey()).toMap().value(file).toString();
}

void MainWindow::runCurrentFile(bool askForArguments)
{
    CodeEditor *editor = m_editors->currentEditor();
    if (editor && editor->filePath().isEmpty()) {
        runUntitled(editor);
        return;
    }
    if (!editor) {
        runProgram(false);
        return;
    }
    if (m_runtime->isProgramRunning()) {
        statusBar()->showMessage(tr("A program is running: stop it first"), 5000);
        return;
    }
    const QString file = editor->filePath();
    QString arguments = runArguments(file);
    if (askForArguments) {
        bool ok = false;
        arguments = QInputDialog::getText(this, tr("Run with Arguments"),
                                          tr("Arguments for %1, as sys.argv[1:] (put \"double quotes\" around an argument with spaces):")
                                              .arg(QFileInfo(file).fileName()),
                                          QLineEdit::Normal, arguments, &ok)
                        .trimmed();
        if (!ok)
            return;
        QSettings settings;
        QVariantMap all = settings.value(runArgumentsKey()).toMap();
        if (arguments.isEmpty())
            all.remove(file);
        else
            all.insert(file, arguments);
        settings.setValue(runArgumentsKey(), all);
    }
    // As PyCharm does: every modified file is saved first, so the run, the
    // namespace and the editors all see the same code. Untitled buffers are
    // not files the run could import, so they are not asked about.
    if (!m_editors->saveFiles())
        return;
    m_runtime->runFile(file, QProcess::splitCommand(arguments));
    updateRunActions();
}

// An untitled buffer has no file to run: its text runs in the console's
// __main__, as if pasted there, so what it defines stays at hand.
void MainWindow::runUntitled(CodeEditor *editor)
{
    if (m_runtime->isConsoleBusy()) {
        statusBar()->showMessage(tr("The console is busy: interrupt it or wait, then run again"), 5000);
        return;
    }
    const QString name = EditorTabs::displayName(editor);
    m_console->appendNotice(tr("Running %1 in the console").arg(name));
    m_runtime->runSource(editor->toPlainText(), QStringLiteral("<%1>").arg(name));
}

// The permanent status text says what the engine does now. There is no
// signal for "the console started a command", so a light timer reads the
// runtime's flags; the signals make the common changes show at once.
void MainWindow::watchEngineStatus()
{
    auto *timer = new QTimer(this);
    timer->setInterval(250);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateEngineStatus);
    timer->start();
    connect(m_runtime, &PythonRuntime::programStarted, this, [this](const QString &spec) {
        m_runningProgram = spec;
        updateEngineStatus();
    });
    connect(m_runtime, &PythonRuntime::programFinished, this, &MainWindow::updateEngineStatus);
    connect(m_runtime, &PythonRuntime::commandFinished, this, &MainWindow::updateEngineStatus);
    connect(m_runtime, &PythonRuntime::consoleReady, this, &MainWindow::updateEngineStatus);
    if (Debugger *debugger = m_debug->debugger()) {
        connect(debugger, &Debugger::paused, this, &MainWindow::updateEngineStatus);
        connect(debugger, &Debugger::resumed, this, &MainWindow::updateEngineStatus);
    }
}

QString MainWindow::engineStatus() const
{
    return m_engineStatus->text();
}

void MainWindow::updateEngineStatus()
{
    if (!m_runtime->isRunning())
        return;
    QString text;
    Debugger *debugger = m_debug ? m_debug->debugger() : nullptr;
    const QList<DebugPause> paused = debugger ? debugger->pausedThreads() : QList<DebugPause>();
    if (!paused.isEmpty()) {
        const DebugPause &pause = paused.last();
        text = pause.frames.isEmpty() ? tr("Paused")
                                      : tr("Paused at %1:%2")
                                            .arg(QFileInfo(pause.frames.first().file).fileName())
                                            .arg(pause.frames.first().line);
    } else if (m_runtime->isProgramRunning()) {
        text = tr("Running %1…").arg(programName(m_runningProgram));
    } else if (m_runtime->isConsoleBusy()) {
        text = tr("Running…");
    } else {
        text = tr("Python ready");
    }
    if (text == m_engineStatus->text())
        return;
    // A "Paused at" message of the pause that ended is no longer true.
    if (m_engineStatus->text() != tr("Python ready") && paused.isEmpty()
        && statusBar()->currentMessage().startsWith(tr("Paused")))
        statusBar()->clearMessage();
    m_engineStatus->setText(text);
}

QString MainWindow::programName(const QString &spec)
{
    // A file runs under its path; a callable under "package.module:function".
    return QFileInfo(spec).isAbsolute() ? QFileInfo(spec).fileName() : spec;
}

void MainWindow::connectRunNotices()
{
    connect(m_runtime, &PythonRuntime::programStarted, this, [this](const QString &spec) {
        const QString arguments = m_runs->argumentsOf(spec).value_or(QFileInfo(spec).isAbsolute() ? runArguments(spec) : QString());
        m_console->appendNotice(arguments.isEmpty() ? tr("Running %1").arg(programName(spec))
                                                    : tr("Running %1 %2").arg(programName(spec), arguments));
        updateRunActions();
    });
    connect(m_runtime, &PythonRuntime::programEnded, this, [this](const QString &spec, const ProgramExit &exit) {
        const QString name = programName(spec);
        QString notice;
        switch (exit.reason) {
        case ProgramExit::Reason::Finished:
            notice = tr("%1 finished").arg(name);
            break;
        case ProgramExit::Reason::Stopped:
            notice = tr("%1 stopped by you").arg(name);
            break;
        case ProgramExit::Reason::Raised:
            notice = tr("%1 raised %2").arg(name, exit.exception);
            break;
        case ProgramExit::Reason::Exited:
            notice = tr("%1 ended with exit status %2").arg(name).arg(exit.status);
            break;
        }
        m_console->appendNotice(notice);
        if (QFileInfo(spec).isAbsolute())
            m_console->appendNotice(tr("The globals of %1 are now in the console").arg(name));
        updateRunActions();
    });
}

void MainWindow::updateRunActions()
{
    if (!m_runAction)
        return;
    const bool running = m_runtime->isRunning() && m_runtime->isProgramRunning();
    const bool canRun = m_runtime->isRunning() && !m_currentFolder.isEmpty() && !running;
    m_runAction->setEnabled(canRun);
    m_runAsAction->setEnabled(canRun);
    m_stopAction->setEnabled(running || m_console->canStop() || m_tests->isRunning());
    CodeEditor *editor = m_editors->currentEditor();
    const bool canRunFile = m_runtime->isRunning() && !running && editor;
    // F5 with no file open runs the callable, as before there was a file to run.
    m_runFileAction->setEnabled(canRunFile || canRun);
    m_runWithArgumentsAction->setEnabled(canRunFile && !editor->filePath().isEmpty());
    m_runFileAction->setToolTip(!m_runs->chosen().isEmpty() ? tr("Run the configuration %1").arg(m_runs->chosen())
                                : canRunFile ? tr("Run %1").arg(EditorTabs::displayName(editor))
                                             : tr("Run the current file"));
    const QString target = m_currentFolder.isEmpty() ? QString() : runTarget();
    m_runAction->setToolTip(target.isEmpty() ? tr("Run a callable of the namespace")
                                             : tr("Run %1").arg(target));
}

void MainWindow::addRecentFolder(const QString &folder, const QString &name)
{
    QSettings settings;
    QStringList folders = settings.value(recentFoldersKey()).toStringList();
    QVariantMap names = settings.value(recentNamesKey()).toMap();
    folders.removeAll(folder);
    folders.prepend(folder);
    while (folders.size() > MaxRecentFolders)
        names.remove(folders.takeLast());
    names.insert(folder, name);
    settings.setValue(recentFoldersKey(), folders);
    settings.setValue(recentNamesKey(), names);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    QSettings settings;
    const QStringList folders = settings.value(recentFoldersKey()).toStringList();
    const QVariantMap names = settings.value(recentNamesKey()).toMap();
    for (const QString &folder : folders) {
        const QString name = names.value(folder).toString();
        QAction *action = m_recentMenu->addAction(
            name.isEmpty() ? tr("%1 (project)").arg(QDir::toNativeSeparators(folder))
                           : tr("%1 as %2").arg(QDir::toNativeSeparators(folder), name));
        connect(action, &QAction::triggered, this, [this, folder, name] {
            if (m_codeManager && m_codeManager->namespaces().contains(name)) {
                m_currentFolder = folder;
                m_currentNamespace = name;
                m_runs->setFolder(folder);
                m_environment->setProjectFolder(folder);
                m_projectTree->addRoot(folder, name);
                updateTitle();
                updateRunActions();
                return;
            }
            openFolder(folder, name);
        });
    }
    m_recentMenu->setEnabled(!folders.isEmpty());
}

void MainWindow::updateCursorPosition()
{
    CodeEditor *editor = m_editors->currentEditor();
    m_cursorPosition->setText(editor ? tr("Line %1, Column %2")
                                           .arg(editor->currentLine())
                                           .arg(editor->textCursor().positionInBlock() + 1)
                                     : QString());
}

void MainWindow::updateTitle()
{
    QString title;
    if (CodeEditor *editor = m_editors->currentEditor())
        title = (editor->filePath().isEmpty() ? EditorTabs::displayName(editor) : titleFileName(editor->filePath()))
                + QStringLiteral("[*] \u2014 ");
    if (!m_currentNamespace.isEmpty())
        title += m_currentNamespace + QStringLiteral(" \u2014 ");
    title += tr("Relive");
    setWindowTitle(title);
    CodeEditor *editor = m_editors->currentEditor();
    setWindowModified(editor && editor->document()->isModified());
}

QString MainWindow::titleFileName(const QString &path) const
{
    const QFileInfo info(path);
    if (m_currentFolder.isEmpty()
        || path.startsWith(EditorTabs::normalizedPath(m_currentFolder) + QLatin1Char('/')))
        return info.fileName();
    // A file of another folder: say which, so it is not taken for one of this namespace.
    return tr("%1 (in %2)").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Relive"),
                       tr("<h3>Relive %1</h3><p>A live-coding IDE for Python: save a file and "
                          "the running objects pick up the new code at once, with their "
                          "state intact.</p>")
                               .arg(QStringLiteral(RELIVE_VERSION))
                           + QStringLiteral("<p>Python %1<br>Qt %2<br>%3</p>")
                                 .arg(pythonVersion(), QString::fromLatin1(qVersion()),
                                      CodeEditor::highlighterVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveOpenFiles();
    if (!m_editors->closeAll()) {
        event->ignore();
        return;
    }
    m_layout->save();
    m_journal->clear();
    if (m_runtime->isRunning() && m_runtime->isProgramRunning())
        m_runtime->stopProgram();
    event->accept();
}

void MainWindow::createPreferenceActions(QMenu *edit, QMenu *view)
{
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("Pre&ferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setObjectName(QStringLiteral("preferencesAction"));

    view->addSeparator();
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { zoom(1); });
    // Ctrl+= too: on most keyboards "+" needs Shift.
    zoomIn->setShortcuts({QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { zoom(-1); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    QAction *reset = view->addAction(tr("&Reset Zoom"), this, [this] { zoom(0); });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    reset->setObjectName(QStringLiteral("resetZoomAction"));
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&Welcome"), this, &MainWindow::showWelcome)
        ->setObjectName(QStringLiteral("welcomeAction"));
    QAction *documentation = help->addAction(tr("&Documentation"), this,
                                             &MainWindow::showDocumentation);
    documentation->setShortcut(QKeySequence::HelpContents);
    documentation->setObjectName(QStringLiteral("documentationAction"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setObjectName(QStringLiteral("shortcutsAction"));
    help->addSeparator();
    help->addAction(tr("&About Relive"), this, &MainWindow::about)
        ->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::showWelcome()
{
    if (!m_welcome) {
        auto keys = [](const QAction *action) {
            return action ? action->shortcut().toString(QKeySequence::NativeText) : QString();
        };
        m_welcome = new WelcomePage(
            keys(findChild<QAction *>(QStringLiteral("openFolderAction"))), keys(m_saveAction),
            keys(m_runFileAction), this);
        connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolderDialog);
        connect(m_welcome, &WelcomePage::documentationRequested, this,
                &MainWindow::showDocumentation);
        connect(m_welcome, &WelcomePage::shortcutsRequested, this, &MainWindow::showShortcuts);
        connect(m_welcome, &WelcomePage::openFileRequested, this, [this](const QString &path) {
            if (m_currentFolder.isEmpty())
                openFolderDialog();
            else
                openLocation(QDir(m_currentFolder).filePath(path), 0);
        });
    }
    m_editors->showPage(m_welcome, tr("Welcome"));
}

void MainWindow::showWelcomeOnFirstStart()
{
    QSettings settings;
    if (settings.value(QStringLiteral("welcome/shown"), false).toBool())
        return;
    settings.setValue(QStringLiteral("welcome/shown"), true);
    showWelcome();
}

void MainWindow::showDocumentation()
{
    if (!m_documentation) {
        const QString root = DocumentationViewer::documentationRoot();
        if (root.isEmpty()) {
            QMessageBox::information(this, tr("Documentation"),
                                     tr("The documentation was not found beside the program. "
                                        "It is the docs folder of Relive's source code."));
            return;
        }
        m_documentation = new DocumentationViewer(root, this);
        m_documentation->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_documentation->show();
    m_documentation->raise();
    m_documentation->activateWindow();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(menuBar(), this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    QComboBox *venv = m_environment->makeEditor(&dialog);
    dialog.addRow(tr("&Virtual environment:"), venv);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_environment->acceptEditor(venv);
    const Preferences chosen = dialog.preferences();
    if (chosen.language != m_preferences.language)
        statusBar()->showMessage(tr("The language changes when Relive is started again."), 8000);
    setPreferences(chosen);
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_preferences.save();
    applyPreferences();
}

void MainWindow::zoom(int steps)
{
    if (steps == 0)
        m_preferences.zoom = 0;
    else
        m_preferences.zoomBy(steps);
    m_preferences.save();
    applyPreferences();
}

void MainWindow::applyPreferences()
{
    const QFont font = m_preferences.zoomedFont();
    m_editors->setEditorAppearance(font, m_preferences.theme);
    m_editing->setFormatOnSave(m_preferences.formatOnSave);
    // The console's text parts: output, input, and the prompt label beside the input.
    m_console->outputView()->setFont(font);
    m_console->inputLine()->setFont(font);
    const auto labels = m_console->findChildren<QLabel *>();
    for (QLabel *label : labels)
        label->setFont(font);
}
