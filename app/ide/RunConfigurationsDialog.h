#pragma once

#include "RunConfigurations.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// Run ▸ Edit Configurations…: the folder's run configurations, a list on the
// left and the chosen one's fields on the right. OK keeps them only when
// every one has a name of its own and well-formed environment lines.
class RunConfigurationsDialog : public QDialog
{
    Q_OBJECT
public:
    // `newTarget`: what a configuration added here runs at first (the
    // current file, relative to the folder).
    RunConfigurationsDialog(const QList<RunConfiguration> &configurations, const QString &folder,
                            const QString &current, const QString &newTarget, QWidget *parent = nullptr);

    QList<RunConfiguration> configurations() const;
    // The configuration selected when the dialog closed.
    QString currentName() const;

    // Adds a configuration and selects it (the Add button).
    void addConfiguration();
    void removeCurrent();

    void accept() override;

private:
    void showConfiguration(int row);
    void storeCurrent();
    void updateButtons();
    void browseTarget();
    void browseDirectory();

    QList<RunConfiguration> m_configurations;
    QString m_folder;
    QString m_newTarget;
    int m_row = -1;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_target;
    QLineEdit *m_arguments;
    QLineEdit *m_directory;
    QPlainTextEdit *m_environment;
    QPushButton *m_remove;
    QWidget *m_form;
};
