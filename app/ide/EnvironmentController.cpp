#include "EnvironmentController.h"

#include "PythonVersion.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>

namespace {

const char *const SettingsKey = "python/virtualEnvironments";   // folder → choice

QVariantMap savedChoices()
{
    return QSettings().value(QLatin1String(SettingsKey)).toMap();
}

} // namespace

EnvironmentController::EnvironmentController(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_status(new QToolButton(window))
{
    m_status->setObjectName(QStringLiteral("interpreterStatus"));
    m_status->setAutoRaise(true);
    m_status->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_status);
    m_automaticAction = menu->addAction(tr("Find in the Project Folder"), this, [this] { choose(automaticChoice()); });
    m_chosenAction = menu->addAction(tr("Choose a Virtual Environment…"), this, [this] {
        const QString folder = askForFolder(m_window);
        choose(folder.isEmpty() ? m_choice : folder);
    });
    m_noneAction = menu->addAction(tr("No Virtual Environment"), this, [this] { choose(noneChoice()); });
    auto *group = new QActionGroup(menu);
    for (QAction *action : {m_automaticAction, m_chosenAction, m_noneAction}) {
        action->setCheckable(true);
        group->addAction(action);
    }
    m_status->setMenu(menu);
    window->statusBar()->addPermanentWidget(m_status);
    updateStatus();
}

void EnvironmentController::setRuntime(PythonRuntime *runtime)
{
    m_runtime = runtime;
    apply();
}

void EnvironmentController::setProjectFolder(const QString &folder)
{
    m_folder = folder;
    m_choice = savedChoices().value(folder).toString();
    apply();
}

void EnvironmentController::choose(const QString &choice)
{
    m_choice = choice;
    if (!m_folder.isEmpty()) {
        QVariantMap choices = savedChoices();
        if (choice == automaticChoice())
            choices.remove(m_folder);
        else
            choices.insert(m_folder, choice);
        QSettings().setValue(QLatin1String(SettingsKey), choices);
    }
    apply();
}

void EnvironmentController::apply()
{
    VirtualEnvironment wanted;
    m_problem.clear();
    QString path;
    if (m_choice == noneChoice())
        path.clear();
    else if (m_choice == automaticChoice())
        path = m_folder.isEmpty() ? QString() : VirtualEnvironment::find(m_folder);
    else
        path = m_choice;
    if (!path.isEmpty()) {
        wanted = VirtualEnvironment::read(path, &m_problem);
        if (wanted.isValid())
            m_problem = wanted.mismatch(pythonVersion());
        if (!m_problem.isEmpty())
            wanted = VirtualEnvironment();
    }
    // A folder without a usable venv of its own leaves the one another folder put in use.
    const bool keep = !wanted.isValid() && m_choice == automaticChoice() && m_active.isValid();
    if (m_runtime && !keep && wanted.path != m_active.path) {
        useVirtualEnvironment(m_runtime, wanted);
        m_active = wanted;
        if (m_active.isValid())
            Q_EMIT message(tr("Using the virtual environment %1 (Python %2): its packages come before the system's.")
                               .arg(QDir::toNativeSeparators(m_active.path), m_active.version));
        else if (m_problem.isEmpty())
            Q_EMIT message(tr("No virtual environment: the system's packages are used."));
    }
    if (m_runtime && !m_problem.isEmpty())
        Q_EMIT message(m_problem);
    updateStatus();
}

void EnvironmentController::updateStatus()
{
    QString text = tr("Python %1").arg(pythonVersion());
    QString tip = tr("The interpreter Relive embeds: Python %1.").arg(pythonVersion());
    if (m_active.isValid()) {
        text += QStringLiteral(" · ") + QFileInfo(m_active.path).fileName();
        tip += QLatin1Char('\n') + tr("Virtual environment: %1").arg(QDir::toNativeSeparators(m_active.path));
    } else if (!m_problem.isEmpty()) {
        text += QStringLiteral(" · ") + tr("venv not used");
    } else {
        tip += QLatin1Char('\n') + tr("No virtual environment.");
    }
    if (!m_problem.isEmpty())
        tip += QLatin1Char('\n') + m_problem;
    tip += QLatin1Char('\n') + tr("Click to choose a virtual environment.");
    m_automaticAction->setChecked(m_choice == automaticChoice());
    m_noneAction->setChecked(m_choice == noneChoice());
    m_chosenAction->setChecked(m_choice != automaticChoice() && m_choice != noneChoice());
    m_status->setText(text);
    m_status->setToolTip(tip);
    m_status->setIcon(m_problem.isEmpty() ? QIcon() : m_status->style()->standardIcon(QStyle::SP_MessageBoxWarning));
}

QString EnvironmentController::askForFolder(QWidget *parent)
{
    for (;;) {
        const QString folder = QFileDialog::getExistingDirectory(
            parent, tr("Choose a Virtual Environment"), m_folder.isEmpty() ? QDir::homePath() : m_folder);
        if (folder.isEmpty())
            return {};
        QString error;
        const VirtualEnvironment venv = VirtualEnvironment::read(folder, &error);
        if (venv.isValid() && venv.fits(pythonVersion()))
            return venv.path;
        QMessageBox::warning(parent, tr("Choose a Virtual Environment"),
                             venv.isValid() ? venv.mismatch(pythonVersion()) : error);
    }
}

QComboBox *EnvironmentController::makeEditor(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QStringLiteral("virtualEnvironmentBox"));
    const QString found = m_folder.isEmpty() ? QString() : VirtualEnvironment::find(m_folder);
    box->addItem(found.isEmpty() ? tr("Find in the project folder (none there)")
                                 : tr("Find in the project folder (%1)").arg(QDir::toNativeSeparators(found)),
                 automaticChoice());
    box->addItem(tr("None: the system's packages only"), noneChoice());
    if (m_choice != automaticChoice() && m_choice != noneChoice())
        box->addItem(QDir::toNativeSeparators(m_choice), m_choice);
    box->addItem(tr("Choose…"), QStringLiteral("choose"));
    box->setCurrentIndex(qMax(0, box->findData(m_choice)));
    int previous = box->currentIndex();
    connect(box, &QComboBox::activated, box, [this, box, previous](int index) mutable {
        if (box->itemData(index).toString() != QStringLiteral("choose")) {
            previous = index;
            return;
        }
        const QString folder = askForFolder(box->window());
        if (folder.isEmpty()) {
            box->setCurrentIndex(previous);
            return;
        }
        int at = box->findData(folder);
        if (at < 0) {
            at = box->count() - 1;
            box->insertItem(at, QDir::toNativeSeparators(folder), folder);
        }
        box->setCurrentIndex(at);
        previous = at;
    });
    box->setEnabled(!m_folder.isEmpty());
    if (m_folder.isEmpty())
        box->setToolTip(tr("Open a folder first: the choice is kept per folder."));
    return box;
}

void EnvironmentController::acceptEditor(QComboBox *editor)
{
    const QString chosen = editor->currentData().toString();
    if (!m_folder.isEmpty() && chosen != QStringLiteral("choose") && chosen != m_choice)
        choose(chosen);
}
