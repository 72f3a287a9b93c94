#include "InspectorModel.h"
#include "InspectorView.h"
#include "ObjectInspector.h"
#include "PythonRuntime.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The Inspector panel with the real interpreter: instances listed (subclass
// marked), attributes loaded when expanded, a long list paged, a scalar
// edited in place, collected objects and reloads after a refresh.
class tst_InspectorView : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stderr;
    int m_namespaces = 0;

    void run(const QString &code)
    {
        m_stderr.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(10000));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    static QByteArray source()
    {
        return "class Service:\n"
               "    def __init__(self, name):\n"
               "        self.name = name\n"
               "        self.port = 80\n"
               "        self.items = list(range(100000))\n"
               "\n"
               "class Special(Service):\n"
               "    pass\n";
    }

    // `mod.py` in a namespace of its own, imported as `mod`; returns the namespace.
    QString makeFixture(const QTemporaryDir &dir)
    {
        QFile f(dir.filePath(QStringLiteral("mod.py")));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(source());
        f.close();
        const QString ns = QStringLiteral("view%1").arg(++m_namespaces);
        run(QStringLiteral("import relive, importlib, gc\n"
                           "relive.add_directory('%1', '%2')\n"
                           "mod = importlib.import_module('%2.mod')\n")
                .arg(dir.path(), ns));
        return ns;
    }

    static QModelIndex childNamed(InspectorModel *model, const QModelIndex &parent, const QString &name)
    {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, InspectorModel::NameColumn, parent);
            if (index.data().toString() == name)
                return index;
        }
        return {};
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

    void listsInstancesAndExpandsLazily()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('alpha')\nb = mod.Special('beta')\n"));
        InspectorView view(ObjectInspector::instance());
        view.show();
        view.showInstances(ns + QStringLiteral(".Service"));
        InspectorModel *model = view.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QVERIFY2(view.statusText().contains(QStringLiteral("Instances of %1.Service: 2, of a subclass: 1").arg(ns)), qPrintable(view.statusText()));
        QCOMPARE(model->index(0, InspectorModel::NameColumn).data().toString(), QStringLiteral("Service"));
        QCOMPARE(model->index(1, InspectorModel::NameColumn).data().toString(), QStringLiteral("Special (subclass)"));
        QVERIFY(model->index(1, 0).data(InspectorModel::SubclassRole).toBool());

        // Nothing is loaded until a node is expanded.
        const QModelIndex first = model->index(0, 0);
        QVERIFY(model->hasChildren(first));
        QCOMPARE(model->rowCount(first), 0);
        view.tree()->expand(first);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(first), 3, 10000);
        const QModelIndex name = childNamed(model, first, QStringLiteral("name"));
        QVERIFY(name.isValid());
        QCOMPARE(name.siblingAtColumn(InspectorModel::ValueColumn).data().toString(), QStringLiteral("'alpha'"));
        QCOMPARE(name.siblingAtColumn(InspectorModel::TypeColumn).data().toString(), QStringLiteral("str"));
    }

    void pagesALongList()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('paged')\n"));
        InspectorView view(ObjectInspector::instance());
        view.show();
        view.showInstances(ns + QStringLiteral(".Service"));
        InspectorModel *model = view.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        view.tree()->expand(model->index(0, 0));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 3, 10000);
        const QModelIndex items = childNamed(model, model->index(0, 0), QStringLiteral("items"));
        QVERIFY(items.isValid());
        view.tree()->expand(items);
        // One page and a "more…" row.
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(items), ObjectInspector::PageSize + 1, 10000);
        const QModelIndex more = model->index(ObjectInspector::PageSize, 0, items);
        QVERIFY(more.data(InspectorModel::MoreRole).toBool());
        QVERIFY(more.data().toString().contains(QStringLiteral("100000")));
        // Activating it loads the next page.
        QSignalSpy listed(ObjectInspector::instance(), &ObjectInspector::childrenListed);
        Q_EMIT view.tree()->activated(more);
        QVERIFY(listed.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(items), 2 * ObjectInspector::PageSize + 1, 10000);
        QCOMPARE(model->index(2 * ObjectInspector::PageSize - 1, InspectorModel::ValueColumn, items).data().toString(),
                 QString::number(2 * ObjectInspector::PageSize - 1));
    }

    void editsAValueInPlace()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('edited')\nbase = 9000\n"));
        InspectorView view(ObjectInspector::instance());
        view.show();
        view.showInstances(ns + QStringLiteral(".Service"));
        InspectorModel *model = view.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        view.tree()->expand(model->index(0, 0));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 3, 10000);
        const QModelIndex port = childNamed(model, model->index(0, 0), QStringLiteral("port"))
                                     .siblingAtColumn(InspectorModel::ValueColumn);
        QVERIFY(model->flags(port) & Qt::ItemIsEditable);
        QVERIFY(!(model->flags(port.siblingAtColumn(InspectorModel::NameColumn)) & Qt::ItemIsEditable));
        QVERIFY(model->setData(port, QStringLiteral("base + 1")));
        QTRY_COMPARE_WITH_TIMEOUT(port.data().toString(), QStringLiteral("9001"), 10000);
        run(QStringLiteral("assert a.port == 9001, a.port\n"));

        // A failing expression is shown, nothing is assigned.
        QVERIFY(model->setData(port, QStringLiteral("undefined_name")));
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(QStringLiteral("NameError")), 10000);
        QCOMPARE(port.data().toString(), QStringLiteral("9001"));
    }

    void refreshShowsCollectedAndReloaded()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('stays')\n"));
        InspectorView view(ObjectInspector::instance());
        view.show();
        view.showInstances(ns + QStringLiteral(".Service"));
        InspectorModel *model = view.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        view.tree()->expand(model->index(0, 0));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 3, 10000);
        // Opened from Python: added at the top level, kept across a refresh.
        run(QStringLiteral("class Box:\n    pass\nbox = Box()\nbox.value = 1\nrelive.inspect(box)\n"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);

        // The program changes a value, makes another instance and gains a __repr__ by a reload.
        QFile f(dir.filePath(QStringLiteral("mod.py")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(source() + "\nService.__repr__ = lambda self: 'Service ' + self.name\n");
        f.close();
        run(QStringLiteral("a.name = 'renamed'\nnewer = mod.Service('newer')\n"
                           "r = relive.reload(mod.__file__)\nassert not r['error'], r\n"));
        view.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
        QCOMPARE(model->index(0, InspectorModel::ValueColumn).data().toString(), QStringLiteral("Service renamed"));
        QCOMPARE(model->index(1, InspectorModel::ValueColumn).data().toString(), QStringLiteral("Service newer"));
        QCOMPARE(model->index(2, InspectorModel::TypeColumn).data().toString(), QStringLiteral("__main__.Box"));
        const QModelIndex name = childNamed(model, model->index(0, 0), QStringLiteral("name"));
        QTRY_COMPARE_WITH_TIMEOUT(name.siblingAtColumn(InspectorModel::ValueColumn).data().toString(),
                                  QStringLiteral("'renamed'"), 10000);

        // Collected: the row stays and says so.
        run(QStringLiteral("del box\ngc.collect()\n"));
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(model->index(2, 0).data(InspectorModel::CollectedRole).toBool(), 10000);
        QCOMPARE(model->index(2, InspectorModel::ValueColumn).data().toString(), QStringLiteral("collected"));
        QVERIFY(!model->hasChildren(model->index(2, 0)));
    }
};

QTEST_MAIN(tst_InspectorView)
#include "tst_inspectorview.moc"
