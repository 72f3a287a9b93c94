#include "Overrides.h"
#include "OverridesView.h"
#include "PythonRuntime.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

// The Overrides panel: what it shows of each override, and that its Revert
// reverts the override in the running program.
class tst_OverridesView : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stderr;

    void run(const QString &code)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<console>"));
        QVERIFY(finished.wait(10000));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            if (s == PythonRuntime::Stream::Stderr)
                m_stderr += text;
        });
    }

    void showsEachOverride_data()
    {
        QTest::addColumn<bool>("fileChanged");
        QTest::addColumn<QString>("state");
        QTest::newRow("active") << false << "active";
        QTest::newRow("file changed") << true << "file changed underneath";
    }
    void showsEachOverride()
    {
        QFETCH(bool, fileChanged);
        QFETCH(QString, state);
        OverrideRegistry registry;
        OverrideInfo info;
        info.id = 7;
        info.target = QStringLiteral("applib.services.networking.NetworkService.handle");
        info.origin = QStringLiteral("<console>:1");
        info.installed = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5));
        info.fileChanged = fileChanged;
        OverridesView view(&registry);
        QSignalSpy changed(&registry, &OverrideRegistry::changed);
        registry.publish({info});
        QVERIFY(changed.wait(10000));
        QCOMPARE(view.list()->topLevelItemCount(), 1);
        QTreeWidgetItem *row = view.list()->topLevelItem(0);
        QCOMPARE(row->text(OverridesView::TargetColumn), info.target);
        QCOMPARE(row->text(OverridesView::OriginColumn), info.origin);
        QCOMPARE(row->text(OverridesView::InstalledColumn), QStringLiteral("03:04:05"));
        QCOMPARE(row->text(OverridesView::StateColumn), state);
        auto *revert = view.findChild<QPushButton *>(QStringLiteral("revertOverride"));
        QVERIFY(!revert->isEnabled());
        row->setSelected(true);
        QVERIFY(revert->isEnabled());
    }

    void revertButtonReverts()
    {
        OverridesView view(OverrideRegistry::instance());
        run(QStringLiteral("import relive\n"
                           "def greet():\n    return 'file'\n"
                           "held = greet\n"
                           "@relive.override(greet)\n"
                           "def greet_override():\n    return 'override'\n"
                           "assert held() == 'override'\n"));
        QTRY_COMPARE_WITH_TIMEOUT(view.list()->topLevelItemCount(), 1, 10000);
        QTreeWidgetItem *row = view.list()->topLevelItem(0);
        QCOMPARE(row->text(OverridesView::TargetColumn), QStringLiteral("__main__.greet"));
        QCOMPARE(row->text(OverridesView::OriginColumn), QStringLiteral("<console>:5"));
        row->setSelected(true);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("revertOverride")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.list()->topLevelItemCount(), 0, 10000);
        run(QStringLiteral("assert held() == 'file' and not relive.overrides()\n"));
    }
};

QTEST_MAIN(tst_OverridesView)
#include "tst_overridesview.moc"
