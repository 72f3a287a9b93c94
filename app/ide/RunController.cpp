#include "RunController.h"

#include "CodeEditor.h"
#include "ConsoleWidget.h"
#include "EditorTabs.h"
#include "PythonRuntime.h"
#include "RunConfigurationsDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>

namespace {

// The combo's last entry opens the dialog instead of choosing.
QString editEntry() { return QStringLiteral("\x01edit"); }

} // namespace

RunController::RunController(QMainWindow *window, PythonRuntime *runtime, EditorTabs *editors,
                             ConsoleWidget *console)
    : QObject(window)
    , m_window(window)
    , m_runtime(runtime)
    , m_editors(editors)
    , m_console(console)
{
    connect(m_runtime, &PythonRuntime::programEnded, this, [this] {
        m_startedSpec.clear();
        m_startedArguments.clear();
    });
}

void RunController::createActions(QToolBar *toolBar, QAction *runFile, QMenu *runMenu, QAction *before)
{
    m_combo = new QComboBox(toolBar);
    m_combo->setObjectName(QStringLiteral("runConfigurationCombo"));
    m_combo->setToolTip(tr("What F5 runs: the current file or a run configuration of the folder"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolBar->insertWidget(runFile, m_combo);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString data = m_combo->itemData(index).toString();
        if (data == editEntry()) {
            fillCombo();   // back to the choice the dialog may change
            editConfigurations();
            return;
        }
        choose(data);
    });

    m_editAction = new QAction(tr("Edit &Configurations…"), this);
    m_editAction->setObjectName(QStringLiteral("editRunConfigurationsAction"));
    connect(m_editAction, &QAction::triggered, this, &RunController::editConfigurations);
    runMenu->insertAction(before, m_editAction);
    runMenu->insertSeparator(before);
    fillCombo();
}

void RunController::setFolder(const QString &folder)
{
    m_folder = folder;
    m_configurations = RunConfigurations::load(folder);
    fillCombo();
    Q_EMIT chosenChanged();
}

bool RunController::runChosen()
{
    if (m_configurations.chosen.isEmpty() || m_folder.isEmpty())
        return false;
    run(m_configurations.chosen);
    return true;
}

void RunController::run(const QString &name)
{
    const RunConfiguration *configuration = m_configurations.find(name);
    if (!configuration || !m_runtime->isRunning())
        return;
    if (m_runtime->isProgramRunning()) {
        m_window->statusBar()->showMessage(tr("A program is running: stop it first"), 5000);
        return;
    }
    QString error;
    const ProgramSetup setup = configuration->setup(m_folder, &error);
    if (!error.isEmpty()) {
        say(error);
        return;
    }
    // As for the current file: the run sees the code the editors show.
    if (!m_editors->saveFiles())
        return;
    m_startedArguments = configuration->arguments;
    switch (configuration->kind()) {
    case RunConfiguration::Kind::File:
        m_startedSpec = configuration->filePath(m_folder);
        m_runtime->runFile(m_startedSpec, setup);
        break;
    case RunConfiguration::Kind::Module:
        m_startedSpec = QStringLiteral("-m ") + configuration->moduleName();
        m_runtime->runModule(configuration->moduleName(), setup);
        break;
    case RunConfiguration::Kind::Callable:
        m_startedSpec = configuration->target.trimmed();
        m_runtime->runProgram(m_startedSpec, setup);
        break;
    }
}

void RunController::editConfigurations()
{
    if (m_folder.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Open a folder first: run configurations belong to a folder"), 5000);
        return;
    }
    QString newTarget;
    if (CodeEditor *editor = m_editors->currentEditor(); editor && !editor->filePath().isEmpty())
        newTarget = QDir(m_folder).relativeFilePath(editor->filePath());
    const QString current = m_configurations.chosen;
    RunConfigurationsDialog dialog(m_configurations.configurations, m_folder, current, newTarget, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setConfigurations(dialog.configurations());
    // What the user was looking at last is what F5 runs next.
    choose(dialog.currentName());
}

void RunController::setConfigurations(const QList<RunConfiguration> &configurations)
{
    m_configurations.configurations = configurations;
    if (!m_configurations.find(m_configurations.chosen))
        m_configurations.chosen.clear();
    m_configurations.save(m_folder);
    fillCombo();
    Q_EMIT chosenChanged();
}

void RunController::choose(const QString &name)
{
    m_configurations.chosen = m_configurations.find(name) ? name : QString();
    m_configurations.save(m_folder);
    fillCombo();
    Q_EMIT chosenChanged();
}

std::optional<QString> RunController::argumentsOf(const QString &spec) const
{
    if (m_startedSpec.isEmpty() || spec != m_startedSpec)
        return std::nullopt;
    return m_startedArguments;
}

void RunController::fillCombo()
{
    if (!m_combo)
        return;
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Current File"), QString());
    for (const RunConfiguration &configuration : m_configurations.configurations)
        m_combo->addItem(configuration.name, configuration.name);
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Edit Configurations…"), editEntry());
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(m_configurations.chosen)));
    m_combo->setEnabled(!m_folder.isEmpty());
    m_editAction->setEnabled(!m_folder.isEmpty());
}

void RunController::say(const QString &text)
{
    m_console->appendNotice(text);
    m_window->statusBar()->showMessage(text, 8000);
}
