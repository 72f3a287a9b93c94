#include "MainWindow.h"
#include "PlotsController.h"
#include "PlotsPanel.h"
#include "PythonRuntime.h"

#include "pythonpackage.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// matplotlib in the real main window: a figure shown in the console appears
// in the Plots dock (tabbed on the right, listed in View), showing it again
// replaces its image, Clear All empties the pane, and Save As writes a valid
// PNG and SVG.
class tst_PlotsWindow : public QObject
{
    Q_OBJECT

    MainWindow *m_window = nullptr;
    bool m_hasMatplotlib = false;

    PlotsController *plots() const { return m_window->plotsController(); }
    PlotsPanel *panel() const { return plots()->panel(); }

    // Runs a console line and waits until the console is ready for the next.
    void console(const QString &line)
    {
        QSignalSpy ready(m_window->runtime(), &PythonRuntime::consoleReady);
        m_window->runtime()->pushConsoleLine(line);
        QVERIFY(ready.wait(30000));
    }

    // Shows figure 1 with a line in the console, the pane holding only it.
    void showFigure()
    {
        panel()->clear();
        console(QStringLiteral("import matplotlib.pyplot as plt; plt.close('all'); plt.plot([1, 2, 3]); plt.show()"));
        QTRY_COMPARE(panel()->count(), 1);
    }

    QString save(const QString &path)
    {
        QSignalSpy saved(plots(), &PlotsController::saved);
        plots()->saveFigure(panel()->currentNumber(), path);
        // A PNG is written at once, an SVG once Python has rendered it.
        if (saved.isEmpty() && !saved.wait(30000))
            return QStringLiteral("not saved");
        return saved.first().at(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_plotswindow"));
        QSettings().clear();
        qunsetenv("MPLBACKEND");
        m_window = new MainWindow;
        m_window->show();
        QString error;
        QVERIFY2(m_window->startEngine(&error), qPrintable(error));
        m_hasMatplotlib = hasPythonPackage(*m_window->runtime(), QStringLiteral("matplotlib"));
    }

    void cleanupTestCase() { delete m_window; }

    void dockIsTabbedOnTheRightAndListedInView()
    {
        QDockWidget *dock = plots()->dock();
        QCOMPARE(dock->objectName(), QStringLiteral("plotsDock"));
        QCOMPARE(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
        auto *namespaces = m_window->findChild<QDockWidget *>(QStringLiteral("namespaceDock"));
        QVERIFY(namespaces);
        QVERIFY(m_window->tabifiedDockWidgets(namespaces).contains(dock));
        bool listed = false;
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            if (menu->actions().contains(dock->toggleViewAction()))
                listed = true;
        }
        QVERIFY(listed);
    }

    void consoleFigureAppears()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        showFigure();
        QCOMPARE(panel()->currentNumber(), 1);
        QVERIFY(!panel()->isShowingMessage());
        QVERIFY(plots()->dock()->isVisible());
        QImage image;
        QVERIFY(image.loadFromData(panel()->png(1), "PNG"));
        QCOMPARE(image.size(), QSize(640, 480));
    }

    void showingAgainReplaces()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        showFigure();
        const QByteArray before = panel()->png(1);
        console(QStringLiteral("plt.plot([3, 2, 1]); plt.show()"));
        QTRY_VERIFY(panel()->png(1) != before);
        QCOMPARE(panel()->count(), 1);
    }

    void clearAllEmpties()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        showFigure();
        auto *clearAll = panel()->findChild<QAction *>(QStringLiteral("plotsClearAction"));
        QVERIFY(clearAll);
        clearAll->trigger();
        QCOMPARE(panel()->count(), 0);
        QVERIFY(panel()->isShowingMessage());
        // The figure is still open in matplotlib: shown again, it comes back.
        console(QStringLiteral("plt.show()"));
        QTRY_COMPARE(panel()->count(), 1);
    }

    void saveWritesPngAndSvg()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        showFigure();
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("figure.png"));
        QCOMPARE(save(png), QString());
        QFile pngFile(png);
        QVERIFY(pngFile.open(QIODevice::ReadOnly));
        QImage image;
        QVERIFY(image.loadFromData(pngFile.readAll(), "PNG"));
        QCOMPARE(image.size(), QSize(640, 480));

        const QString svg = dir.filePath(QStringLiteral("figure.svg"));
        QCOMPARE(save(svg), QString());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray text = svgFile.readAll();
        QVERIFY(text.startsWith("<?xml"));
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.trimmed().endsWith("</svg>"));

        // A folder that does not exist: a clear message, no file.
        const QString nowhere = dir.filePath(QStringLiteral("missing/figure.png"));
        QVERIFY(!save(nowhere).isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }
    void missingMatplotlibIsExplained()
    {
        panel()->clear();
        QDockWidget *dock = plots()->dock();
        dock->show();
        dock->raise();
        QTRY_VERIFY(panel()->isVisible());
        {
            HiddenPythonPackages hidden(*m_window->runtime(), {QStringLiteral("matplotlib")});
            QVERIFY(hidden.isHidden());
            // Asked each time the pane comes into sight.
            dock->hide();
            dock->show();
            QTRY_VERIFY(panel()->messageText().contains(QLatin1String("sudo apt install python3-matplotlib")));
            QVERIFY(panel()->isShowingMessage());
        }
        if (m_hasMatplotlib) {
            dock->hide();
            dock->show();
            QTRY_VERIFY(!panel()->messageText().contains(QLatin1String("python3-matplotlib")));
        }
    }
};

QTEST_MAIN(tst_PlotsWindow)
#include "tst_plotswindow.moc"
