#include "ObjectInspector.h"
#include "PythonRuntime.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The inspector's engine with the real interpreter: instances of a namespace
// class (subclasses marked) listed from the tracker, children paged, values
// assigned from expressions, hostile reprs bounded, collected objects named so.
class tst_ObjectInspector : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stdout;
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

    static void write(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    static QByteArray source(const char *extra = "")
    {
        return QByteArray("class Service:\n"
                          "    def __init__(self, name):\n"
                          "        self.name = name\n"
                          "        self.port = 80\n"
                          "        self.items = list(range(100000))\n"
                          "        self.config = {'mode': 'fast'}\n"
                          "\n"
                          "class Special(Service):\n"
                          "    pass\n"
                          "\n"
                          "class Other:\n"
                          "    pass\n"
                          "\n"
                          "class Raising:\n"
                          "    def __repr__(self):\n"
                          "        raise ValueError('no repr today')\n"
                          "\n"
                          "class Hanging:\n"
                          "    def __repr__(self):\n"
                          "        while True:\n"
                          "            pass\n"
                          "\n"
                          "class Huge:\n"
                          "    def __repr__(self):\n"
                          "        return 'x' * 1000000\n")
               + extra;
    }

    // A namespace of its own: `mod.py` imported as `mod` in __main__; returns its name.
    QString makeFixture(const QTemporaryDir &dir, const QByteArray &content = source())
    {
        write(dir.filePath(QStringLiteral("mod.py")), content);
        const QString ns = QStringLiteral("insp%1").arg(++m_namespaces);
        run(QStringLiteral("import relive, importlib, gc\n"
                           "relive.add_directory(%1, '%2')\n"
                           "mod = importlib.import_module('%2.mod')\n")
                .arg(QLatin1Char('\'') + dir.path() + QLatin1Char('\''), ns));
        return ns;
    }

    QList<InspectorItem> listInstances(const QString &className, int *total = nullptr, QString *error = nullptr)
    {
        QSignalSpy listed(ObjectInspector::instance(), &ObjectInspector::instancesListed);
        ObjectInspector::instance()->listInstances(className);
        if (!listed.wait(10000))
            return {};
        if (total)
            *total = listed.first().at(2).toInt();
        if (error)
            *error = listed.first().at(3).toString();
        return listed.first().at(1).value<QList<InspectorItem>>();
    }

    // Children of `handle`; *collected says whether the object is gone.
    QList<InspectorItem> children(quint64 handle, int offset = 0, int *total = nullptr, bool *collected = nullptr)
    {
        QSignalSpy listed(ObjectInspector::instance(), &ObjectInspector::childrenListed);
        ObjectInspector::instance()->listChildren(handle, offset, ObjectInspector::PageSize);
        if (!listed.wait(10000))
            return {};
        if (total)
            *total = listed.first().at(3).toInt();
        if (collected)
            *collected = listed.first().at(4).toBool();
        return listed.first().at(2).value<QList<InspectorItem>>();
    }

    static InspectorItem named(const QList<InspectorItem> &items, const QString &name)
    {
        for (const InspectorItem &item : items)
            if (item.name == name)
                return item;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        connect(&m_runtime, &PythonRuntime::output, this, [this](const QString &text, PythonRuntime::Stream s) {
            (s == PythonRuntime::Stream::Stderr ? m_stderr : m_stdout) += text;
        });
    }

    void listsInstancesWithSubclassesMarked()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('first')\nb = mod.Special('second')\nc = mod.Service('third')\n"
                           "unrelated = [mod.Other() for _ in range(50)]\n"));
        int total = 0;
        const QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"), &total);
        QCOMPARE(total, 3);
        QCOMPARE(items.size(), 3);
        // Oldest first; the subclass's instance is marked.
        QCOMPARE(items.at(0).subclass, false);
        QCOMPARE(items.at(1).subclass, true);
        QCOMPARE(items.at(1).type, ns + QStringLiteral(".mod.Special"));
        QCOMPARE(items.at(2).subclass, false);
        for (const InspectorItem &item : items) {
            QVERIFY(item.handle != 0);
            QVERIFY(item.expandable);
            QCOMPARE(item.childCount, 4);
        }
        QCOMPARE(named(children(items.at(1).handle), QStringLiteral("name")).value, QStringLiteral("'second'"));
        // The subclass alone lists only its own.
        QCOMPARE(listInstances(ns + QStringLiteral(".Special")).size(), 1);
    }

    void refusesWhatIsNotATrackedClass_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a class") << ".Service.__init__" << "is not a class";
        QTest::newRow("not tracked") << "int" << "are not tracked";
        QTest::newRow("missing") << ".Missing" << "AttributeError";
    }
    void refusesWhatIsNotATrackedClass()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        QString message;
        const QList<InspectorItem> items
            = listInstances(name.startsWith(QLatin1Char('.')) ? ns + name : QStringLiteral("builtins.") + name,
                            nullptr, &message);
        QVERIFY(items.isEmpty());
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void collectedObjectsLeaveAndSaySo()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('kept')\nb = mod.Service('dropped')\n"));
        const QList<InspectorItem> before = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(before.size(), 2);
        run(QStringLiteral("del b\ngc.collect()\n"));
        const QList<InspectorItem> after = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().handle, before.first().handle);

        bool collected = false;
        QVERIFY(children(before.at(1).handle, 0, nullptr, &collected).isEmpty());
        QVERIFY(collected);
        QSignalSpy described(ObjectInspector::instance(), &ObjectInspector::described);
        ObjectInspector::instance()->describe({before.at(0).handle, before.at(1).handle});
        QVERIFY(described.wait(10000));
        const auto items = described.first().first().value<QList<InspectorItem>>();
        QCOMPARE(items.size(), 2);
        QVERIFY(!items.at(0).collected);
        QVERIFY(items.at(1).collected);
    }

    // An instance given another counted class by `obj.__class__ = X` leaves
    // the tracker when it is freed; so does (never having entered it) one of
    // a subclass made by type(), which inherits the tracker's slots uncounted.
    void instanceWithAssignedClassLeaves()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("Made = type('Made', (mod.Service,), {})\n"
                           "a = mod.Service('reassigned')\na.__class__ = mod.Special\n"
                           "b = Made('made by type')\n"));
        QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        QVERIFY(items.first().subclass);
        QCOMPARE(items.first().type, ns + QStringLiteral(".mod.Special"));
        run(QStringLiteral("del a, b\ngc.collect()\n"
                           "fill = [mod.Other() for _ in range(1000)]\n"));
        QVERIFY(listInstances(ns + QStringLiteral(".Service")).isEmpty());
        run(QStringLiteral("c = mod.Service('after')\n"));
        items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        QVERIFY(!items.first().subclass);
    }

    // A reload updates the class in place: the same objects are listed, with
    // the new code (here a __repr__ the file gains).
    void sameObjectsAfterReload()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('live')\n"));
        const QList<InspectorItem> before = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(before.size(), 1);
        QVERIFY(before.first().value.startsWith(QLatin1Char('<')));
        write(dir.filePath(QStringLiteral("mod.py")),
              QByteArray(source()).replace("class Special", "Service.__repr__ = lambda self: 'Service ' + self.name\n\nclass Special"));
        run(QStringLiteral("r = relive.reload(mod.__file__)\nassert not r['error'], r\n"));
        const QList<InspectorItem> after = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().handle, before.first().handle);
        QCOMPARE(after.first().value, QStringLiteral("Service live"));
    }

    void pagesALargeList()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('big')\n"));
        const QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        const InspectorItem list = named(children(items.first().handle), QStringLiteral("items"));
        QCOMPARE(list.childCount, 100000);
        QVERIFY(list.value.size() <= ObjectInspector::MaximumLength + 30);
        int total = 0;
        QList<InspectorItem> page = children(list.handle, 0, &total);
        QCOMPARE(total, 100000);
        QCOMPARE(page.size(), ObjectInspector::PageSize);
        QCOMPARE(page.first().name, QStringLiteral("[0]"));
        QVERIFY(page.first().editable);
        page = children(list.handle, 99990, &total);
        QCOMPARE(page.size(), 10);
        QCOMPARE(page.last().name, QStringLiteral("[99999]"));
        QCOMPARE(page.last().value, QStringLiteral("99999"));
    }

    void boundsHostileReprs_data()
    {
        QTest::addColumn<QString>("className");
        QTest::addColumn<QString>("expected");
        QTest::newRow("raises") << "Raising" << "<repr raised ValueError: no repr today>";
        QTest::newRow("hangs") << "Hanging" << "<repr took longer than 0.25 s>";
        QTest::newRow("a megabyte") << "Huge" << "(1000000 characters)";
    }
    void boundsHostileReprs()
    {
        QFETCH(QString, className);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("x = mod.%1()\ny = mod.%1()\n").arg(className));
        const QList<InspectorItem> items = listInstances(ns + QLatin1Char('.') + className);
        QCOMPARE(items.size(), 2);
        QVERIFY2(items.first().value.contains(expected), qPrintable(items.first().value));
        QVERIFY(items.first().value.size() <= ObjectInspector::MaximumLength + 30);
        // The live worker is free again: a program read still answers.
        run(QStringLiteral("assert isinstance(x, mod.%1)\n").arg(className));
    }

    void editsAScalarWithAnExpression()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('edited')\nbase = 8000\n"));
        const QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        const QList<InspectorItem> attributes = children(items.first().handle);
        const InspectorItem port = named(attributes, QStringLiteral("port"));
        QVERIFY(port.editable);
        QVERIFY(!named(attributes, QStringLiteral("items")).editable);

        QSignalSpy set(ObjectInspector::instance(), &ObjectInspector::valueSet);
        ObjectInspector::instance()->setValue(items.first().handle, port, QStringLiteral("base + 1"));
        QVERIFY(set.wait(10000));
        QCOMPARE(set.first().at(2).toBool(), true);
        QCOMPARE(set.first().at(1).value<InspectorItem>().value, QStringLiteral("8001"));
        run(QStringLiteral("assert a.port == 8001, a.port\n"));

        // A dict value, through its key.
        const InspectorItem config = named(attributes, QStringLiteral("config"));
        const InspectorItem mode = named(children(config.handle), QStringLiteral("['mode']"));
        QVERIFY(mode.editable);
        set.clear();
        ObjectInspector::instance()->setValue(config.handle, mode, QStringLiteral("'slow'"));
        QVERIFY(set.wait(10000));
        QVERIFY(set.first().at(2).toBool());
        run(QStringLiteral("assert a.config == {'mode': 'slow'}, a.config\n"));
    }

    void editErrorsAreShown_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("error");
        QTest::newRow("raises") << "1 / 0" << "ZeroDivisionError: division by zero";
        QTest::newRow("syntax") << "1 +" << "SyntaxError";
        QTest::newRow("unknown name") << "nowhere" << "NameError: name 'nowhere' is not defined";
        QTest::newRow("endless") << "sum(1 for _ in iter(int, 1))" << "took longer than 2 s";
    }
    void editErrorsAreShown()
    {
        QFETCH(QString, expression);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('kept')\n"));
        const QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        const InspectorItem port = named(children(items.first().handle), QStringLiteral("port"));
        QSignalSpy set(ObjectInspector::instance(), &ObjectInspector::valueSet);
        ObjectInspector::instance()->setValue(items.first().handle, port, expression);
        QVERIFY(set.wait(10000));
        QCOMPARE(set.first().at(2).toBool(), false);
        QVERIFY2(set.first().at(3).toString().contains(error), qPrintable(set.first().at(3).toString()));
        run(QStringLiteral("assert a.port == 80\n"));
    }

    void editOfACollectedObjectSaysSo()
    {
        QTemporaryDir dir;
        const QString ns = makeFixture(dir);
        run(QStringLiteral("a = mod.Service('short-lived')\n"));
        const QList<InspectorItem> items = listInstances(ns + QStringLiteral(".Service"));
        QCOMPARE(items.size(), 1);
        const InspectorItem port = named(children(items.first().handle), QStringLiteral("port"));
        run(QStringLiteral("del a\ngc.collect()\n"));
        QSignalSpy set(ObjectInspector::instance(), &ObjectInspector::valueSet);
        ObjectInspector::instance()->setValue(items.first().handle, port, QStringLiteral("1"));
        QVERIFY(set.wait(10000));
        QCOMPARE(set.first().at(2).toBool(), false);
        QVERIFY(set.first().at(3).toString().contains(QStringLiteral("collected")));
    }

    void inspectFromPython()
    {
        QTemporaryDir dir;
        makeFixture(dir);
        // Without a window: a listing on stdout.
        ObjectInspector::instance()->setAttached(false);
        m_stdout.clear();
        run(QStringLiteral("relive.inspect(mod.Service('printed'))\n"));
        QVERIFY2(m_stdout.contains(QStringLiteral("name: str = 'printed'")), qPrintable(m_stdout));
        QVERIFY2(m_stdout.contains(QStringLiteral("port: int = 80")), qPrintable(m_stdout));
        // With one: the object is opened there.
        ObjectInspector::instance()->setAttached(true);
        QSignalSpy opened(ObjectInspector::instance(), &ObjectInspector::objectOpened);
        run(QStringLiteral("shown = mod.Service('shown')\nrelive.inspect(shown)\n"));
        // Queued: perhaps delivered already while run() waited.
        QVERIFY(!opened.isEmpty() || opened.wait(10000));
        ObjectInspector::instance()->setAttached(false);
        const InspectorItem item = opened.first().first().value<InspectorItem>();
        QVERIFY(item.handle != 0);
        QCOMPARE(named(children(item.handle), QStringLiteral("name")).value, QStringLiteral("'shown'"));
    }
};

QTEST_GUILESS_MAIN(tst_ObjectInspector)
#include "tst_objectinspector.moc"
