#include "RunConfigurationsDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

RunConfigurationsDialog::RunConfigurationsDialog(const QList<RunConfiguration> &configurations,
                                                 const QString &folder, const QString &current,
                                                 const QString &newTarget, QWidget *parent)
    : QDialog(parent)
    , m_configurations(configurations)
    , m_folder(folder)
    , m_newTarget(newTarget)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_target(new QLineEdit(this))
    , m_arguments(new QLineEdit(this))
    , m_directory(new QLineEdit(this))
    , m_environment(new QPlainTextEdit(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_form(new QWidget(this))
{
    setWindowTitle(tr("Run Configurations"));
    m_list->setObjectName(QStringLiteral("configurationList"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_target->setObjectName(QStringLiteral("targetEdit"));
    m_arguments->setObjectName(QStringLiteral("argumentsEdit"));
    m_directory->setObjectName(QStringLiteral("directoryEdit"));
    m_environment->setObjectName(QStringLiteral("environmentEdit"));
    m_remove->setObjectName(QStringLiteral("removeButton"));

    m_target->setPlaceholderText(tr("main.py, -m package.module or package.module:function"));
    m_arguments->setPlaceholderText(tr("sys.argv[1:]: put \"double quotes\" around an argument with spaces"));
    m_directory->setPlaceholderText(tr("unchanged"));
    m_environment->setPlaceholderText(tr("One NAME=VALUE a line"));
    m_environment->setTabChangesFocus(true);

    auto withButton = [this](QLineEdit *edit, void (RunConfigurationsDialog::*browse)()) {
        auto *row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(edit);
        auto *button = new QToolButton(row);
        button->setText(tr("…"));
        connect(button, &QToolButton::clicked, this, browse);
        layout->addWidget(button);
        return row;
    };
    auto *form = new QFormLayout(m_form);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Target:"), withButton(m_target, &RunConfigurationsDialog::browseTarget));
    form->addRow(tr("&Arguments:"), m_arguments);
    form->addRow(tr("&Working directory:"), withButton(m_directory, &RunConfigurationsDialog::browseDirectory));
    form->addRow(tr("&Environment:"), m_environment);
    auto *hint = new QLabel(tr("Paths are relative to %1.").arg(QDir::toNativeSeparators(folder)), this);
    hint->setWordWrap(true);
    form->addRow(hint);

    auto *add = new QPushButton(tr("A&dd"), this);
    add->setObjectName(QStringLiteral("addButton"));
    connect(add, &QPushButton::clicked, this, &RunConfigurationsDialog::addConfiguration);
    connect(m_remove, &QPushButton::clicked, this, &RunConfigurationsDialog::removeCurrent);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_form, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RunConfigurationsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunConfigurationsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    for (const RunConfiguration &configuration : std::as_const(m_configurations))
        m_list->addItem(configuration.name);
    connect(m_list, &QListWidget::currentRowChanged, this, &RunConfigurationsDialog::showConfiguration);
    // Every edit goes to the configuration at once, so the list is always what the form shows.
    for (QLineEdit *edit : {m_name, m_target, m_arguments, m_directory})
        connect(edit, &QLineEdit::textChanged, this, &RunConfigurationsDialog::storeCurrent);
    connect(m_environment, &QPlainTextEdit::textChanged, this, &RunConfigurationsDialog::storeCurrent);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_list->item(m_row))
            item->setText(text);
    });
    int row = 0;
    for (int i = 0; i < m_configurations.size(); ++i) {
        if (m_configurations.at(i).name == current)
            row = i;
    }
    if (m_configurations.isEmpty())
        addConfiguration();
    else
        m_list->setCurrentRow(row);
    resize(720, 420);
}

QList<RunConfiguration> RunConfigurationsDialog::configurations() const
{
    return m_configurations;
}

QString RunConfigurationsDialog::currentName() const
{
    return m_row >= 0 && m_row < m_configurations.size() ? m_configurations.at(m_row).name : QString();
}

void RunConfigurationsDialog::addConfiguration()
{
    QSet<QString> names;
    for (const RunConfiguration &configuration : std::as_const(m_configurations))
        names.insert(configuration.name);
    RunConfiguration configuration;
    int number = m_configurations.size() + 1;
    do
        configuration.name = tr("Configuration %1").arg(number++);
    while (names.contains(configuration.name));
    configuration.target = m_newTarget;
    m_configurations.append(configuration);
    m_list->addItem(configuration.name);
    m_list->setCurrentRow(m_configurations.size() - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void RunConfigurationsDialog::removeCurrent()
{
    if (m_row < 0 || m_row >= m_configurations.size())
        return;
    const int row = m_row;
    m_configurations.removeAt(row);
    m_row = -1;
    {
        const QSignalBlocker block(m_list);
        delete m_list->takeItem(row);
    }
    showConfiguration(m_list->currentRow());
}

void RunConfigurationsDialog::showConfiguration(int row)
{
    m_row = row >= 0 && row < m_configurations.size() ? row : -1;
    const RunConfiguration configuration = m_row >= 0 ? m_configurations.at(m_row) : RunConfiguration();
    // Filled quietly: filling the form is not an edit of the configuration.
    const QSignalBlocker name(m_name), target(m_target), arguments(m_arguments), directory(m_directory),
        environment(m_environment);
    m_name->setText(configuration.name);
    m_target->setText(configuration.target);
    m_arguments->setText(configuration.arguments);
    m_directory->setText(configuration.workingDirectory);
    m_environment->setPlainText(configuration.environment);
    updateButtons();
}

void RunConfigurationsDialog::storeCurrent()
{
    if (m_row < 0 || m_row >= m_configurations.size())
        return;
    RunConfiguration &configuration = m_configurations[m_row];
    configuration.name = m_name->text().trimmed();
    configuration.target = m_target->text().trimmed();
    configuration.arguments = m_arguments->text().trimmed();
    configuration.workingDirectory = m_directory->text().trimmed();
    configuration.environment = m_environment->toPlainText();
}

void RunConfigurationsDialog::updateButtons()
{
    m_remove->setEnabled(m_row >= 0);
    m_form->setEnabled(m_row >= 0);
}

void RunConfigurationsDialog::browseTarget()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Program to Run"), m_folder,
                                                      tr("Python files (*.py);;All files (*)"));
    if (!file.isEmpty())
        m_target->setText(QDir(m_folder).relativeFilePath(file));
}

void RunConfigurationsDialog::browseDirectory()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Working Directory"), m_folder);
    if (!directory.isEmpty())
        m_directory->setText(QDir(m_folder).relativeFilePath(directory));
}

void RunConfigurationsDialog::accept()
{
    QSet<QString> names;
    for (int i = 0; i < m_configurations.size(); ++i) {
        const RunConfiguration &configuration = m_configurations.at(i);
        QString environmentProblem;
        RunConfiguration::parseEnvironment(configuration.environment, &environmentProblem);
        QString problem;
        if (configuration.name.isEmpty())
            problem = tr("Configuration %1 has no name.").arg(i + 1);
        else if (names.contains(configuration.name))
            problem = tr("Two configurations are named \"%1\".").arg(configuration.name);
        else if (!environmentProblem.isEmpty())
            problem = tr("The run configuration \"%1\": %2").arg(configuration.name, environmentProblem);
        if (!problem.isEmpty()) {
            m_list->setCurrentRow(i);
            QMessageBox::warning(this, windowTitle(), problem);
            return;
        }
        names.insert(configuration.name);
    }
    QDialog::accept();
}
