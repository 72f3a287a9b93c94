#pragma once

#include "VirtualEnvironment.h"

#include <QObject>
#include <QString>

class PythonRuntime;
class QAction;
class QComboBox;
class QMainWindow;
class QToolButton;
class QWidget;

// The project's virtual environment in the window: found in the folder opened
// (or chosen, or none, per folder), its packages put in use when it is made
// for the Python Relive embeds, and said otherwise; the status bar names the
// interpreter and the venv, and a click on it, like Edit ▸ Preferences,
// chooses another.
class EnvironmentController : public QObject
{
    Q_OBJECT
public:
    explicit EnvironmentController(QMainWindow *window);

    // Once the interpreter runs.
    void setRuntime(PythonRuntime *runtime);
    // The folder opened: its venv (as chosen for it) is put in use.
    void setProjectFolder(const QString &folder);

    // A folder's choice: Automatic (the venv the folder holds), None, or the
    // venv at a path.
    static QString automaticChoice() { return QString(); }
    static QString noneChoice() { return QStringLiteral("none"); }
    QString choice() const { return m_choice; }
    // Chooses for the folder open now, remembers it and puts it in use.
    void choose(const QString &choice);

    // The venv in use; invalid if none.
    const VirtualEnvironment &active() const { return m_active; }
    QToolButton *statusButton() const { return m_status; }

    // Edit ▸ Preferences' field for the choice, made for `parent`; the
    // dialog's owner hands it back to acceptEditor() when it is accepted.
    QComboBox *makeEditor(QWidget *parent);
    void acceptEditor(QComboBox *editor);

Q_SIGNALS:
    // For the console: what is in use, or why a venv is not.
    void message(const QString &text);

private:
    void apply();
    void updateStatus();
    // Asks for a venv folder; empty if cancelled.
    QString askForFolder(QWidget *parent);

    QMainWindow *m_window;
    PythonRuntime *m_runtime = nullptr;
    QToolButton *m_status;
    QAction *m_automaticAction;
    QAction *m_chosenAction;
    QAction *m_noneAction;
    QString m_folder;
    QString m_choice;
    VirtualEnvironment m_active;
    QString m_problem;   // why the folder's venv is not in use
};
