#pragma once

#include <QMainWindow>
#include <QPointer>

class CodeManager;
class Completer;
class ConsoleWidget;
class EditorTabs;
class NamespaceView;
class ProjectTree;
class PythonRuntime;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class RecoveryJournal;
class ReloadLogView;
class WatchesView;
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
    ProjectTree *projectTree() const { return m_projectTree; }
    QString currentFolder() const { return m_currentFolder; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectCodeManager();
    void createDocks();
    void createLiveObjectDocks();
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
    void updateRunActions();
    void updateRecentMenu();
    void addRecentFolder(const QString &folder, const QString &name);
    void updateTitle();
    void updateCursorPosition();
    void about();
    QString runTarget() const;
    static int errorLineOf(const ReloadReport &report);
    void restoreOpenFiles(const QString &folder);
    void saveOpenFiles();

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
    QLabel *m_engineStatus;
    QLabel *m_cursorPosition;
    QMetaObject::Connection m_cursorConnection;
    QString m_currentFolder;
    QString m_currentNamespace;

    QMenu *m_recentMenu = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runAsAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;
};
