#include "OpenFolderDialog.h"

#include <QDialogButtonBox>
#include <QDir>
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

QTEST_MAIN(tst_OpenFolderDialog)
#include "tst_openfolderdialog.moc"
