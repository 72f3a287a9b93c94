#include "MainWindow.h"
#include "Translations.h"

#include <QDockWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>

class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void menuTitles_data();
    void menuTitles();
    void dockTitles();
};

void tst_Translation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QVERIFY(installTranslators(qApp, QLocale(QLocale::German, QLocale::Germany)));
}

void tst_Translation::menuTitles_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QString>("title");
    QTest::newRow("file") << QStringLiteral("fileMenu") << QStringLiteral("&Datei");
    QTest::newRow("edit") << QStringLiteral("editMenu") << QStringLiteral("&Bearbeiten");
    QTest::newRow("source") << QStringLiteral("sourceMenu") << QStringLiteral("&Quelltext");
    QTest::newRow("run") << QStringLiteral("runMenu") << QStringLiteral("&Ausführen");
    QTest::newRow("view") << QStringLiteral("viewMenu") << QStringLiteral("&Ansicht");
    QTest::newRow("help") << QStringLiteral("helpMenu") << QStringLiteral("&Hilfe");
}

void tst_Translation::menuTitles()
{
    QFETCH(QString, menu);
    QFETCH(QString, title);
    MainWindow window;
    auto *found = window.menuBar()->findChild<QMenu *>(menu);
    QVERIFY(found);
    QCOMPARE(found->title(), title);
}

void tst_Translation::dockTitles()
{
    MainWindow window;
    QStringList titles;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        titles.append(dock->windowTitle());
    titles.sort();
    QCOMPARE(titles, (QStringList{QStringLiteral("Aufrufstapel"), QStringLiteral("Diagramme"),
                                  QStringLiteral("Haltepunkte"), QStringLiteral("Inspektor"), QStringLiteral("Konsole"),
                                  QStringLiteral("Namensraum"), QStringLiteral("Neuladeprotokoll"),
                                  QStringLiteral("Probleme"), QStringLiteral("Projekt"),
                                  QStringLiteral("Suche in Dateien"), QStringLiteral("Tests"),
                                  QStringLiteral("Variablen"), QStringLiteral("Verwendungen"),
                                  QStringLiteral("Überschreibungen"), QStringLiteral("Überwachungen")}));
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
