#pragma once

#include "RunConfigurations.h"

#include <QObject>

#include <optional>

class ConsoleWidget;
class EditorTabs;
class PythonRuntime;
class QAction;
class QComboBox;
class QMainWindow;
class QMenu;
class QToolBar;

// The folder's run configurations in the window: the combo beside the run
// buttons ("Current File", the configurations, "Edit Configurations…"),
// Run ▸ Edit Configurations…, and F5 running the chosen one. The choice and
// the configurations are kept with the folder's session.
class RunController : public QObject
{
    Q_OBJECT
public:
    RunController(QMainWindow *window, PythonRuntime *runtime, EditorTabs *editors, ConsoleWidget *console);

    // The combo goes before `runFile` in `toolBar`; the menu entry before `before` in `runMenu`.
    void createActions(QToolBar *toolBar, QAction *runFile, QMenu *runMenu, QAction *before);
    // The folder opened: its configurations and choice are loaded.
    void setFolder(const QString &folder);

    // F5: runs the chosen configuration and returns true, or returns false
    // when "Current File" is chosen, for the window to run it as before.
    bool runChosen();
    // Runs the configuration `name`. A configuration that cannot run (its
    // file or working directory missing) is named in a message and nothing runs.
    void run(const QString &name);
    void editConfigurations();

    const RunConfigurations &configurations() const { return m_configurations; }
    // Replaces the folder's configurations (keeping the choice when it still
    // exists) and saves them with the folder's session.
    void setConfigurations(const QList<RunConfiguration> &configurations);
    // Empty: "Current File".
    void choose(const QString &name);
    QString chosen() const { return m_configurations.chosen; }
    QComboBox *comboBox() const { return m_combo; }

    // The arguments a configuration gave the run of `spec` that starts now,
    // for the "Running …" notice; nothing when no configuration started it.
    std::optional<QString> argumentsOf(const QString &spec) const;

Q_SIGNALS:
    // The configuration F5 runs changed (chosen, or another folder's).
    void chosenChanged();

private:
    void fillCombo();
    void say(const QString &text);

    QMainWindow *m_window;
    PythonRuntime *m_runtime;
    EditorTabs *m_editors;
    ConsoleWidget *m_console;
    QComboBox *m_combo = nullptr;
    QAction *m_editAction = nullptr;
    QString m_folder;
    RunConfigurations m_configurations;
    QString m_startedSpec;
    QString m_startedArguments;
};
