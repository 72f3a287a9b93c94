#include "CodeEditor.h"
#include "CodeManager.h"
#include "ConsoleWidget.h"
#include "DebugController.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "PythonRuntime.h"
#include "VariablesController.h"
#include "VariablesModel.h"
#include "VariablesPanel.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The Variables dock through the real main window: a variable typed in the
// console appears and an edit in the dock is what the console then reads;
// a save's reload and a run's end refresh it without being asked.
class tst_VariablesWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    VariablesPanel *panel() const { return m_window->variablesController()->panel(); }
    VariablesModel *model() const { return panel()->globalsModel(); }

    // Whether `name` shows `expected` after the listings that follow: each
    // listing is awaited as an event (the wait bounds a hang only), and a few
    // are allowed, as one that was already on its way may come first.
    bool listedAs(const QString &name, const QString &expected)
    {
        QSignalSpy refreshed(model(), &VariablesModel::refreshed);
        for (int listing = 0; listing < 4 && valueOf(name) != expected; ++listing) {
            if (refreshed.isEmpty() && !refreshed.wait(60000))
                break;
            refreshed.clear();
        }
        if (valueOf(name) != expected)
            qWarning("%s shows %s, not %s", qPrintable(name), qPrintable(valueOf(name)), qPrintable(expected));
        return valueOf(name) == expected;
    }

    QString valueOf(const QString &name) const
    {
        return model()->indexOfGlobal(name, VariablesModel::ValueColumn).data().toString();
    }

    bool writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    static QByteArray shopSource(const QByteArray &version)
    {
        return "class Cart:\n"
               "    def __init__(self):\n"
               "        self.items = 2\n"
               "    def __repr__(self):\n"
               "        return 'Cart " + version + " with %d items' % self.items\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_variableswindow"));
        QSettings().clear();
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("shop.py")), shopSource("v1")));
        m_window = new MainWindow;
        m_window->resize(1200, 800);
        m_window->show();
        QString error;
        QVERIFY2(m_window->startEngine(&error), qPrintable(error));
        QVERIFY2(m_window->openFolder(m_dir.path(), QStringLiteral("varshop"), &error, false), qPrintable(error));
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("variablesDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY(panel()->isVisible());
    }

    void cleanupTestCase()
    {
        if (!m_window)
            return;
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        delete m_window;
    }

    void consoleVariableAppearsAndIsEdited()
    {
        m_window->console()->submitLine(QStringLiteral("x = 41"));
        QVERIFY(listedAs(QStringLiteral("x"), QStringLiteral("41")));

        // Double-click's editor: type the expression, press Enter.
        const QModelIndex value = model()->indexOfGlobal(QStringLiteral("x"), VariablesModel::ValueColumn);
        panel()->globalsView()->scrollTo(value);
        panel()->globalsView()->edit(value);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = panel()->globalsView()->viewport()->findChild<QLineEdit *>()));
        QCOMPARE(editor->text(), QStringLiteral("41"));
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("42"));
        QSignalSpy edited(model(), &VariablesModel::edited);
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(edited.wait(20000));
        QCOMPARE(valueOf(QStringLiteral("x")), QStringLiteral("42"));

        // The console reads what the dock assigned.
        QSignalSpy finished(m_window->runtime(), &PythonRuntime::commandFinished);
        m_window->console()->submitLine(QStringLiteral("print('x is', x)"));
        QVERIFY(finished.wait(20000));
        m_window->console()->flushOutput();
        QTRY_VERIFY2(m_window->console()->outputText().contains(QStringLiteral("x is 42")),
                     qPrintable(m_window->console()->outputText().right(300)));
    }

    void aSaveRefreshesTheLiveValue()
    {
        m_window->console()->submitLine(QStringLiteral("from varshop import Cart; cart = Cart()"));
        QVERIFY(listedAs(QStringLiteral("cart"), QStringLiteral("Cart v1 with 2 items")));
        QVERIFY(model()->indexOfGlobal(QStringLiteral("cart")).data(VariablesModel::LiveRole).toBool());

        // The file saved: the reload alone refreshes the dock, and the same
        // object shows the new code's repr.
        const QString path = m_dir.filePath(QStringLiteral("shop.py"));
        QVERIFY(writeFile(path, shopSource("v2")));
        m_window->codeManager()->reloadFile(path);
        QVERIFY(listedAs(QStringLiteral("cart"), QStringLiteral("Cart v2 with 2 items")));
    }

    void aRunsEndRefreshes()
    {
        const QString script = m_dir.filePath(QStringLiteral("script_run.py"));
        QVERIFY(writeFile(script, "made_by_the_run = 99\n"));
        m_window->runtime()->runFile(script);
        QVERIFY(listedAs(QStringLiteral("made_by_the_run"), QStringLiteral("99")));
    }
};

QTEST_MAIN(tst_VariablesWindow)
#include "tst_variableswindow.moc"
