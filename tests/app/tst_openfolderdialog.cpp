#include "OpenFolderDialog.h"

#include <QDialogButtonBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

class tst_OpenFolderDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposesNamespaceName_data();
    void proposesNamespaceName();
    void openNeedsAnExistingFolder();
    void labelsHaveWorkingMnemonics();
    void startsEmptyWithRecentFoldersOffered();
    void projectFolderNeedsNoName();
};

void tst_OpenFolderDialog::proposesNamespaceName_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("name");
    QTest::newRow("identifier") << QStringLiteral("server") << QStringLiteral("server");
    QTest::newRow("dash") << QStringLiteral("my-app") << QStringLiteral("my_app");
    QTest::newRow("leading digit") << QStringLiteral("2d-game") << QStringLiteral("_2d_game");
}

void tst_OpenFolderDialog::proposesNamespaceName()
{
    QFETCH(QString, folder);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(folder);
    QVERIFY(QDir().mkpath(path));
    OpenFolderDialog dialog({});
    dialog.setFolder(path);
    QCOMPARE(dialog.namespaceName(), name);
    QCOMPARE(dialog.folder(), QDir::cleanPath(path));
}

void tst_OpenFolderDialog::openNeedsAnExistingFolder()
{
    OpenFolderDialog dialog({});
    auto *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    dialog.setFolder(QStringLiteral("/does/not/exist"));
    QVERIFY(!open->isEnabled());
    QTemporaryDir dir;
    dialog.setFolder(dir.path());
    QVERIFY(open->isEnabled());
}

void tst_OpenFolderDialog::labelsHaveWorkingMnemonics()
{
    OpenFolderDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto labels = dialog.findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels) {
        texts.append(label->text());
        // A label with a mnemonic needs a buddy, or it shows a literal '&'.
        if (label->text().contains(QLatin1Char('&')))
            QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QVERIFY2(texts.contains(QStringLiteral("&Folder:")), qPrintable(texts.join(QLatin1Char('|'))));
    for (const QLabel *label : labels) {
        if (label->text() == QStringLiteral("&Folder:"))
            QCOMPARE(label->buddy(), dialog.findChild<QComboBox *>());
    }
    // Alt+N goes to the namespace field, Alt+F to the folder.
    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly));
    QTest::keyClick(&dialog, Qt::Key_F, Qt::AltModifier);
    QTRY_VERIFY(dialog.findChild<QComboBox *>()->isAncestorOf(QApplication::focusWidget()) ||
                QApplication::focusWidget() == dialog.findChild<QComboBox *>());
}

void tst_OpenFolderDialog::startsEmptyWithRecentFoldersOffered()
{
    QTemporaryDir first;
    QTemporaryDir second;
    OpenFolderDialog dialog({first.path(), second.path()});
    QVERIFY(dialog.folder().isEmpty() || dialog.folder() == QStringLiteral("."));
    auto *combo = dialog.findChild<QComboBox *>();
    QVERIFY(combo->currentText().isEmpty());
    QVERIFY(!combo->lineEdit()->placeholderText().isEmpty());
    QCOMPARE(combo->count(), 2);
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->isEnabled());
    combo->setCurrentIndex(1);
    QCOMPARE(dialog.folder(), QDir::cleanPath(second.path()));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open)->isEnabled());
}


// A folder holding packages opens as a project: no name is asked, the dialog
// names the packages that will be imported under their own names.
void tst_OpenFolderDialog::projectFolderNeedsNoName()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("shop/shop"))));
    QFile init(dir.filePath(QStringLiteral("shop/shop/__init__.py")));
    QVERIFY(init.open(QIODevice::WriteOnly));
    init.close();
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("plain"))));

    OpenFolderDialog dialog({});
    auto *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    dialog.setFolder(dir.filePath(QStringLiteral("shop")));
    QCOMPARE(dialog.projectPackages(), QStringList{QStringLiteral("shop")});
    QCOMPARE(dialog.namespaceName(), QString());
    QVERIFY(open->isEnabled());

    dialog.setFolder(dir.filePath(QStringLiteral("plain")));
    QVERIFY(dialog.projectPackages().isEmpty());
    QCOMPARE(dialog.namespaceName(), QStringLiteral("plain"));
}

QTEST_MAIN(tst_OpenFolderDialog)
#include "tst_openfolderdialog.moc"
