#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

// Asks for a folder and the namespace name it is imported as, proposing a
// valid identifier from the folder's name. A project folder (one holding
// packages) needs no name: its packages are imported under their own, and the
// dialog shows them instead of the name field.
class OpenFolderDialog : public QDialog
{
    Q_OBJECT
public:
    OpenFolderDialog(const QStringList &recentFolders, QWidget *parent = nullptr);

    QString folder() const;
    // Empty for a project folder: it is opened with its packages' own names.
    QString namespaceName() const;
    QStringList projectPackages() const { return m_packages; }
    void setFolder(const QString &folder);

private:
    void browse();
    void folderChanged(const QString &folder);
    void validate();

    QComboBox *m_folder;
    QLineEdit *m_name;
    QLabel *m_packagesLabel;
    QFormLayout *m_form = nullptr;
    QStringList m_packages;
    QDialogButtonBox *m_buttons;
    bool m_nameEdited = false;
};
