#include "OpenFolderDialog.h"

#include "CodeManager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

OpenFolderDialog::OpenFolderDialog(const QStringList &recentFolders, QWidget *parent)
    : QDialog(parent)
    , m_folder(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_packagesLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Folder as Namespace"));
    m_folder->setEditable(true);
    m_folder->addItems(recentFolders);
    m_folder->setMinimumContentsLength(40);
    m_folder->setInsertPolicy(QComboBox::NoInsert);
    // Recent folders are offered in the list; the field starts empty, so the
    // folder already open is not proposed again.
    m_folder->setCurrentIndex(-1);
    m_folder->setEditText(QString());
    m_folder->lineEdit()->setPlaceholderText(tr("Type a path, pick a recent folder, or browse"));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*")), m_name));
    m_name->setPlaceholderText(tr("e.g. applib"));

    auto *browseButton = new QPushButton(tr("Browse…"), this);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browseButton);

    m_packagesLabel->setWordWrap(true);
    auto *form = new QFormLayout(this);
    m_form = form;
    // A label for a layout has no buddy of its own: give it the combo box, so
    // the mnemonic works and is not shown as a literal '&'.
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Namespace:"), m_name);
    form->addRow(tr("Packages:"), m_packagesLabel);
    form->setRowVisible(m_packagesLabel, false);
    form->addRow(m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &OpenFolderDialog::browse);
    connect(m_folder, &QComboBox::currentTextChanged, this, &OpenFolderDialog::folderChanged);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = true;
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    folderChanged(m_folder->currentText());
}

QString OpenFolderDialog::folder() const
{
    return QDir::cleanPath(m_folder->currentText().trimmed());
}

QString OpenFolderDialog::namespaceName() const
{
    return m_packages.isEmpty() ? m_name->text() : QString();
}

void OpenFolderDialog::setFolder(const QString &folder)
{
    m_folder->setEditText(folder);
}

void OpenFolderDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"),
                                                             m_folder->currentText());
    if (!folder.isEmpty())
        setFolder(folder);
}

void OpenFolderDialog::folderChanged(const QString &folder)
{
    const QString path = folder.trimmed();
    m_packages = QFileInfo(path).isDir() ? CodeManager::projectPackages(path) : QStringList();
    m_packagesLabel->setText(tr("%1, imported under their own names, as Python imports them")
                                 .arg(m_packages.join(QStringLiteral(", "))));
    m_form->setRowVisible(m_name, m_packages.isEmpty());
    m_form->setRowVisible(m_packagesLabel, !m_packages.isEmpty());
    if (!m_nameEdited && !path.isEmpty())
        m_name->setText(CodeManager::proposeNamespaceName(QFileInfo(path).fileName()));
    validate();
}

void OpenFolderDialog::validate()
{
    const bool ok = QFileInfo(folder()).isDir() && (!m_packages.isEmpty() || m_name->hasAcceptableInput());
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(ok);
}
