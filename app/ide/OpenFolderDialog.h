#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

// Asks for a folder and the namespace name it is imported as, proposing a
// valid identifier from the folder's name.
class OpenFolderDialog : public QDialog
{
    Q_OBJECT
public:
    OpenFolderDialog(const QStringList &recentFolders, QWidget *parent = nullptr);

    QString folder() const;
    QString namespaceName() const;
    void setFolder(const QString &folder);

private:
    void browse();
    void folderChanged(const QString &folder);
    void validate();

    QComboBox *m_folder;
    QLineEdit *m_name;
    QDialogButtonBox *m_buttons;
    bool m_nameEdited = false;
};
