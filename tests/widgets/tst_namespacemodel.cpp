#include "CodeManager.h"
#include "NamespaceModel.h"
#include "NamespaceView.h"
#include "PythonRuntime.h"
#include "namespacenodes.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool copyTree(const QString &from, const QString &to)
{
    QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target) : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(model.index(row, 0, parent).data().toString());
    names.sort();
    return names;
}

} // namespace

class tst_NamespaceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelIsConsistent();
    void columns_data();
    void columns();
    void instanceCount();
    void viewKeepsExpansionAcrossRefresh();
    void rowsMatchFixtureFolder();
    void updatesAfterFileAdded();
    void updatesAfterReload();

private:
    QList<NamespaceNode> snapshot();

    PythonRuntime *m_runtime = nullptr;
    CodeManager *m_manager = nullptr;
    QTemporaryDir m_dir;
    QString m_root;
};

void tst_NamespaceModel::initTestCase()
{
    qRegisterMetaType<QList<NamespaceNode>>();
    qRegisterMetaType<ReloadReport>();
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("shapes"));
    QVERIFY(copyTree(QStringLiteral(RELIVE_FIXTURES "/widgets/shapes"), m_root));
    m_runtime = new PythonRuntime(this);
    QString error;
    QVERIFY2(m_runtime->start(&error), qPrintable(error));
    m_manager = new CodeManager(m_runtime, this);
    QVERIFY2(m_manager->addDirectory(m_root, QStringLiteral("shapesns"), &error), qPrintable(error));
}

void tst_NamespaceModel::cleanupTestCase()
{
    // The manager posts to the runtime's workers; it goes first.
    delete m_manager;
    delete m_runtime;
}

QList<NamespaceNode> tst_NamespaceModel::snapshot()
{
    QSignalSpy spy(m_manager, &CodeManager::snapshotReady);
    m_manager->requestSnapshot();
    if (!spy.wait(10000))
        return {};
    return spy.takeFirst().at(0).value<QList<NamespaceNode>>();
}

void tst_NamespaceModel::modelIsConsistent()
{
    NamespaceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString file = QStringLiteral("/x/a.py");
    model.setRoots({node(QStringLiteral("app"), NamespaceNode::Kind::Namespace, {}, 0,
                         {node(QStringLiteral("app.A"), NamespaceNode::Kind::Class, file, 3,
                               {node(QStringLiteral("app.A.f"), NamespaceNode::Kind::Function, file, 4)}),
                          node(QStringLiteral("app.x"), NamespaceNode::Kind::Value, file, 1)})});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex app = model.index(0, 0);
    QCOMPARE(model.rowCount(app), 2);
    const QModelIndex a = model.index(0, 0, app);
    QCOMPARE(a.data().toString(), QStringLiteral("A"));
    QCOMPARE(model.parent(a), app);
    QCOMPARE(model.rowCount(a), 1);
    QCOMPARE(model.indexOf(QStringLiteral("app.A.f")), model.index(0, 0, a));
    model.setRoots({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_NamespaceModel::columns_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("location");
    QTest::newRow("class") << int(NamespaceNode::Kind::Class) << QStringLiteral("/p/net.py") << 5
                           << QStringLiteral("net.py:5");
    QTest::newRow("no line") << int(NamespaceNode::Kind::Value) << QStringLiteral("/p/v.py") << 0
                             << QStringLiteral("v.py");
    QTest::newRow("no file") << int(NamespaceNode::Kind::Value) << QString() << 0 << QString();
}

void tst_NamespaceModel::columns()
{
    QFETCH(int, kind);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, location);
    NamespaceModel model;
    model.setRoots({node(QStringLiteral("ns.Thing"), NamespaceNode::Kind(kind), file, line)});
    const QModelIndex name = model.index(0, NamespaceModel::NameColumn);
    QCOMPARE(name.data().toString(), QStringLiteral("Thing"));
    QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(name.data(NamespaceModel::KindRole).toInt(), kind);
    QCOMPARE(name.data(NamespaceModel::FileRole).toString(), file);
    QCOMPARE(name.data(NamespaceModel::LineRole).toInt(), line);
    QCOMPARE(model.index(0, NamespaceModel::LocationColumn).data().toString(), location);
}

void tst_NamespaceModel::instanceCount()
{
    NamespaceModel model;
    model.setRoots({node(QStringLiteral("ns.Thing"), NamespaceNode::Kind::Class)});
    const QModelIndex cell = model.index(0, NamespaceModel::InstancesColumn);
    QVERIFY(!cell.data().isValid());
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    model.setInstanceCount(QStringLiteral("ns.Thing"), 3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(cell.data().toInt(), 3);
}

void tst_NamespaceModel::viewKeepsExpansionAcrossRefresh()
{
    NamespaceView view;
    const QList<NamespaceNode> roots = {node(
        QStringLiteral("app"), NamespaceNode::Kind::Namespace, {}, 0,
        {node(QStringLiteral("app.sub"), NamespaceNode::Kind::Namespace, {}, 0,
              {node(QStringLiteral("app.sub.C"), NamespaceNode::Kind::Class, QStringLiteral("/c.py"), 1,
                    {node(QStringLiteral("app.sub.C.m"), NamespaceNode::Kind::Function)})})})};
    view.setRoots(roots);
    NamespaceModel *model = view.namespaceModel();
    const QModelIndex c = model->indexOf(QStringLiteral("app.sub.C"));
    view.expand(c);
    view.setRoots(roots);
    QVERIFY(view.isExpanded(model->indexOf(QStringLiteral("app.sub.C"))));

    QSignalSpy spy(&view, &NamespaceView::definitionRequested);
    Q_EMIT view.doubleClicked(model->indexOf(QStringLiteral("app.sub.C")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("/c.py"));
    QCOMPARE(spy.at(0).at(1).toInt(), 1);
}

void tst_NamespaceModel::rowsMatchFixtureFolder()
{
    NamespaceModel model;
    model.setRoots(snapshot());
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), QStringLiteral("shapesns"));
    QCOMPARE(childNames(model, root),
             (QStringList{QStringLiteral("VERSION"), QStringLiteral("geometry"), QStringLiteral("helper")}));
    const QModelIndex geometry = model.indexOf(QStringLiteral("shapesns.geometry"));
    QVERIFY(geometry.isValid());
    QCOMPARE(childNames(model, geometry),
             (QStringList{QStringLiteral("Circle"), QStringLiteral("Square"), QStringLiteral("unit_circle")}));
    const QModelIndex circle = model.indexOf(QStringLiteral("shapesns.geometry.Circle"));
    QCOMPARE(circle.data(NamespaceModel::KindRole).toInt(), int(NamespaceNode::Kind::Class));
    QCOMPARE(circle.data(NamespaceModel::LineRole).toInt(), 4);
    QVERIFY(circle.data(NamespaceModel::FileRole).toString().endsWith(QStringLiteral("geometry/shapes.py")));
}

void tst_NamespaceModel::updatesAfterFileAdded()
{
    QSignalSpy changed(m_manager, &CodeManager::namespaceChanged);
    {
        QFile file(m_root + QStringLiteral("/geometry/lines.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("class Line:\n    pass\n");
    }
    QVERIFY(changed.wait(10000));
    NamespaceModel model;
    model.setRoots(snapshot());
    QVERIFY(model.indexOf(QStringLiteral("shapesns.geometry.Line")).isValid());
}

void tst_NamespaceModel::updatesAfterReload()
{
    QSignalSpy imported(m_runtime, &PythonRuntime::consoleReady);
    m_runtime->pushConsoleLine(QStringLiteral("from shapesns.geometry import Circle"));
    QVERIFY(imported.wait(10000));

    const QString path = m_root + QStringLiteral("/geometry/shapes.py");
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\n\ndef perimeter(shape):\n    return 0\n");
    file.close();

    QSignalSpy reloaded(m_manager, &CodeManager::reloaded);
    m_manager->reloadFile(path);
    QVERIFY(reloaded.wait(10000) || !reloaded.isEmpty());
    const ReloadReport report = reloaded.first().at(0).value<ReloadReport>();
    QVERIFY2(report.ok(), qPrintable(report.error));

    NamespaceModel model;
    model.setRoots(snapshot());
    const QModelIndex perimeter = model.indexOf(QStringLiteral("shapesns.geometry.perimeter"));
    QVERIFY(perimeter.isValid());
    QCOMPARE(perimeter.data(NamespaceModel::KindRole).toInt(), int(NamespaceNode::Kind::Function));
    // The class, now imported, shows its methods.
    QVERIFY(model.indexOf(QStringLiteral("shapesns.geometry.Circle.area")).isValid());
}

QTEST_MAIN(tst_NamespaceModel)
#include "tst_namespacemodel.moc"
