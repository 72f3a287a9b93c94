#pragma once

#include "Preferences.h"

#include <QMainWindow>
#include <QPointer>

class CodeEditor;
class CodeManager;
class DebugController;
class Completer;
class ConsoleWidget;
class DocumentationViewer;
class EditorIntelligence;
class EditorTabs;
class NamespaceView;
class ProblemsPanel;
class ProjectTree;
class PythonRuntime;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class RecoveryJournal;
class UsagesPanel;
class ReloadLogView;
class WelcomePage;
class TestsController;
class EditingController;
class FindInFilesController;
class VariablesController;
class RunController;
class EnvironmentController;
class PlotsController;
class WindowLayout;
class WatchesView;
class InspectorView;
class OverridesView;
struct ReloadReport;

// The IDE window: project tree (left), editors (centre), namespace view and
// reload log (right), console (bottom), wired to the running engine.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the embedded interpreter; the console works from then on.
    bool startEngine(QString *error = nullptr);
    // Registers `folder` as the namespace `name` and shows it. With `interactive`,
    // errors are reported in a message box and a refused name may be forced.
    bool openFolder(const QString &folder, const QString &name, QString *error = nullptr,
                    bool interactive = true);
    // Offers to restore buffers journaled by a session that did not end cleanly.
    void offerRecovery();

    PythonRuntime *runtime() const { return m_runtime; }
    CodeManager *codeManager() const { return m_codeManager; }
    ConsoleWidget *console() const { return m_console; }
    EditorTabs *editors() const { return m_editors; }
    NamespaceView *namespaceView() const { return m_namespaceView; }
    ReloadLogView *reloadLog() const { return m_reloadLog; }
    WatchesView *watches() const { return m_watches; }
    InspectorView *inspector() const { return m_inspector; }
    ProjectTree *projectTree() const { return m_projectTree; }
    DebugController *debugController() const { return m_debug; }
    TestsController *testsController() const { return m_tests; }
    EditingController *editingController() const { return m_editing; }
    FindInFilesController *findInFilesController() const { return m_findInFiles; }
    VariablesController *variablesController() const { return m_variables; }
    RunController *runController() const { return m_runs; }
    PlotsController *plotsController() const { return m_plots; }
    WindowLayout *windowLayout() const { return m_layout; }
    // The permanent status text: ready, running, paused.
    QString engineStatus() const;
    QString currentFolder() const { return m_currentFolder; }

    // Help ▸ Welcome; shown by itself once, on the first start.
    void showWelcome();
    void showWelcomeOnFirstStart();
    WelcomePage *welcomePage() const { return m_welcome; }
    void showDocumentation();
    void showShortcuts();
    // Edit ▸ Preferences; saved in QSettings and applied at once.
    void showPreferences();
    Preferences preferences() const { return m_preferences; }
    void setPreferences(const Preferences &preferences);
    // View ▸ Zoom: `steps` points more (or fewer) for editors and console; 0 resets.
    void zoom(int steps);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectCodeManager();
    void createDocks();
    void createLiveObjectDocks();
    void createInspectorDock();
    void connectWriteToFile(OverridesView *view);
    void addOverrideAction(QMenu *menu);
    void saveWatches();
    void restoreWatches(const QString &folder);
    void createActions();
    void openFolderDialog();
    void openFileDialog();
    void newFile();
    void openLocation(const QString &file, int line);
    void onFileSaved(const QString &path);
    void onReloaded(const ReloadReport &report);
    void runProgram(bool askForTarget);
    // Runs the current editor's file as __main__ (the callable when no file is open).
    void runCurrentFile(bool askForArguments);
    void runUntitled(CodeEditor *editor);
    void watchEngineStatus();
    void updateEngineStatus();
    QString runArguments(const QString &file) const;
    void connectRunNotices();
    static QString programName(const QString &spec);
    void updateRunActions();
    void updateRecentMenu();
    void addRecentFolder(const QString &folder, const QString &name);
    void updateTitle();
    void updateCursorPosition();
    void about();
    void createHelpMenu();
    void createPreferenceActions(QMenu *edit, QMenu *view);
    void applyPreferences();
    QString titleFileName(const QString &path) const;
    QString runTarget() const;
    static int errorLineOf(const ReloadReport &report);
    void restoreOpenFiles(const QString &folder);
    void saveOpenFiles();
    // Completion, definitions, usages and diagnostics in the editors.
    void createEditorIntelligence();
    void attachEditorAssistant(CodeEditor *editor);
    void connectReloadProblems();
    void openDefinition(const QString &file, int line, int column, bool readOnly);

    PythonRuntime *m_runtime;
    CodeManager *m_codeManager = nullptr;
    Completer *m_completer;
    EditorTabs *m_editors;
    ProjectTree *m_projectTree;
    NamespaceView *m_namespaceView;
    ReloadLogView *m_reloadLog;
    ConsoleWidget *m_console;
    RecoveryJournal *m_journal;
    WatchesView *m_watches = nullptr;
    InspectorView *m_inspector = nullptr;
    QLabel *m_engineStatus;
    QLabel *m_cursorPosition;
    QMetaObject::Connection m_cursorConnection;
    QString m_currentFolder;
    QString m_currentNamespace;
    QString m_runningProgram;

    EditorIntelligence *m_intelligence = nullptr;
    ProblemsPanel *m_problems = nullptr;
    UsagesPanel *m_usages = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_runFileAction = nullptr;
    QAction *m_runWithArgumentsAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runAsAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;

    Preferences m_preferences;
    WelcomePage *m_welcome = nullptr;
    QPointer<DocumentationViewer> m_documentation;
    DebugController *m_debug = nullptr;
    TestsController *m_tests = nullptr;
    EditingController *m_editing = nullptr;
    FindInFilesController *m_findInFiles = nullptr;
    VariablesController *m_variables = nullptr;
    RunController *m_runs = nullptr;
    EnvironmentController *m_environment = nullptr;
    PlotsController *m_plots = nullptr;
    WindowLayout *m_layout = nullptr;
};
