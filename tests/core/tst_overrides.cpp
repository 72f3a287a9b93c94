#include "Overrides.h"
#include "PythonRuntime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Overrides with the real interpreter: relive.override installs code on live
// functions, relive.original() reaches the replaced code, a revert installs
// exactly what the file defines, and reloads apply the file underneath.
class tst_Overrides : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stderr;
    int m_namespaces = 0;

    // Runs `code` in __main__; its asserts fail the test.
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

    // A namespace of its own for each test: `svc.py` in a fresh directory,
    // imported as `svc` in __main__, with `path` its file and `fresh(...)`
    // the code object a fresh compile of the file gives for a qualified name.
    void makeFixture(const QTemporaryDir &dir, const QByteArray &source)
    {
        write(dir.filePath(QStringLiteral("svc.py")), source);
        const QString ns = QStringLiteral("ovr%1").arg(++m_namespaces);
        run(QStringLiteral("import relive, types, importlib\n"
                           "relive.add_directory(%1, '%2')\n"
                           "svc = importlib.import_module('%2.svc')\n"
                           "path = svc.__file__\n"
                           "def fresh(*qual):\n"
                           "    with open(path) as f:\n"
                           "        code = compile(f.read(), path, 'exec')\n"
                           "    for name in qual:\n"
                           "        code = next(c for c in code.co_consts\n"
                           "                    if isinstance(c, types.CodeType) and c.co_name == name)\n"
                           "    return code\n")
                .arg(QLatin1Char('\'') + dir.path() + QLatin1Char('\''), ns));
    }

    static QByteArray serviceSource(const char *reply = "'file ' + m")
    {
        return QByteArray("class Service:\n"
                          "    def handle(self, m):\n"
                          "        return ") + reply + "\n"
               "    def other(self):\n"
               "        return 'other'\n"
               "    @classmethod\n"
               "    def make(cls):\n"
               "        return 'made'\n"
               "    @staticmethod\n"
               "    def tool(x):\n"
               "        return x + 1\n"
               "\n"
               "def helper(x):\n"
               "    return x * 2\n"
               "\n"
               "class Sub(Service):\n"
               "    pass\n";
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

    // Each way of naming a target: the override runs through every
    // reference (held bound methods included), and revert() brings back the
    // file's code exactly.
    void installAndRevert_data()
    {
        QTest::addColumn<QString>("install");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("overridden");
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("qualName");
        QTest::newRow("decorator on class")
            << "@relive.override(svc.Service)\ndef handle(self, m):\n    return 'override ' + m\n"
            << "held('x')" << "'override x'" << "'file x'" << "('Service', 'handle')";
        QTest::newRow("class and name")
            << "def replacement(self, m):\n    return 'named ' + m\nhandle = relive.override(svc.Service, 'handle')(replacement)\n"
            << "held('x')" << "'named x'" << "'file x'" << "('Service', 'handle')";
        QTest::newRow("function given directly")
            << "handle = relive.override(svc.Service, 'handle', lambda self, m: 'lambda ' + m)\n"
            << "held('x')" << "'lambda x'" << "'file x'" << "('Service', 'handle')";
        QTest::newRow("module function")
            << "@relive.override(svc.helper)\ndef helper(x):\n    return x * 3\n"
            << "held_helper(5)" << "15" << "10" << "('helper',)";
        QTest::newRow("method through the class")
            << "@relive.override(svc.Service.other)\ndef other(self):\n    return 'new other'\n"
            << "svc.Service().other()" << "'new other'" << "'other'" << "('Service', 'other')";
        QTest::newRow("bound method")
            << "@relive.override(s.other)\ndef other(self):\n    return 'bound other'\n"
            << "s.other()" << "'bound other'" << "'other'" << "('Service', 'other')";
        QTest::newRow("classmethod")
            << "@relive.override(svc.Service)\ndef make(cls):\n    return 'remade ' + cls.__name__\n"
            << "svc.Sub.make()" << "'remade Sub'" << "'made'" << "('Service', 'make')";
        QTest::newRow("staticmethod")
            << "@relive.override(svc.Service)\ndef tool(x):\n    return x + 100\n"
            << "s.tool(1)" << "101" << "2" << "('Service', 'tool')";
    }
    void installAndRevert()
    {
        QFETCH(QString, install);
        QFETCH(QString, call);
        QFETCH(QString, overridden);
        QFETCH(QString, original);
        QFETCH(QString, qualName);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral("s = svc.Sub()\nheld = s.handle\nheld_helper = svc.helper\n"
                           "before = len(relive.overrides())\n")
            + install
            + QStringLiteral("assert isinstance(handle := [h for h in relive.overrides()][-1], relive.Override)\n"
                             "assert len(relive.overrides()) == before + 1\n"
                             "assert handle.active and handle.target.endswith('.'.join(%4)), handle.target\n"
                             "assert (%1) == (%2), %1\n"
                             "assert handle.revert() is True\n"
                             "assert not handle.active and handle.revert() is False\n"
                             "assert (%1) == (%3), %1\n"
                             "target = svc\n"
                             "for part in %4:\n"
                             "    target = getattr(target, part)\n"
                             "assert getattr(target, '__func__', target).__code__ == fresh(*%4)\n"
                             "assert len(relive.overrides()) == before\n")
                  .arg(call, overridden, original, qualName));
    }

    void wrapsTheOriginal()
    {
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral(
            "s = svc.Service()\n"
            "@relive.override(svc.Service)\n"
            "def handle(self, m):\n"
            "    inner = [relive.original()(x) for x in (m,)]\n"
            "    return '<' + inner[0] + '>'\n"
            "assert s.handle('a') == '<file a>', s.handle('a')\n"
            "@relive.override(svc.helper)\n"
            "def helper_wrapper(x):\n"
            "    return relive.original()(x) + 1\n"
            "assert svc.helper(5) == 11\n"
            "try:\n"
            "    relive.original()\n"
            "    raise AssertionError('original() outside an override')\n"
            "except ValueError as e:\n"
            "    assert 'outside an override' in str(e)\n"
            "handle.revert(); helper_wrapper.revert()\n"
            "assert s.handle('a') == 'file a' and svc.helper(5) == 10\n"));
    }

    // A save of the overridden method: the override stays on top, marked, the
    // report says so, and a revert installs the saved version exactly.
    void reloadUnderneath()
    {
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        QSignalSpy changed(OverrideRegistry::instance(), &OverrideRegistry::changed);
        run(QStringLiteral("s = svc.Service()\nheld = s.handle\n"
                           "@relive.override(svc.Service)\n"
                           "def handle(self, m):\n"
                           "    return 'override ' + relive.original()(m)\n"
                           "assert not handle.file_changed\n"));
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        const auto listed = OverrideRegistry::instance()->overrides();
        QVERIFY(!listed.isEmpty());
        QVERIFY2(listed.last().target.endsWith(QLatin1String(".svc.Service.handle")), qPrintable(listed.last().target));
        QCOMPARE(listed.last().origin, QStringLiteral("<test>:3"));  // the decorator line
        QVERIFY(!listed.last().fileChanged);

        write(dir.filePath(QStringLiteral("svc.py")), serviceSource("'saved ' + m + '!'"));
        run(QStringLiteral(
            "report = relive.reload(path)\n"
            "assert not report['error'], report\n"
            "assert any('override kept on top' in str(a) for a in report['actions']), report['actions']\n"
            "assert held('x') == 'override saved x!', held('x')\n"
            "assert handle.file_changed and 'file changed underneath' in repr(handle)\n"
            "assert handle.revert()\n"
            "assert held('x') == 'saved x!' and s.handle('y') == 'saved y!'\n"
            "assert svc.Service.handle.__code__ == fresh('Service', 'handle')\n"));
        QVERIFY(OverrideRegistry::instance()->overrides().isEmpty()
                || OverrideRegistry::instance()->overrides().last().id != listed.last().id);
    }

    // A save that changes other code leaves the override alone and unmarked;
    // the report says it stays on top, and a revert installs the saved
    // version, at its new lines where the save moved it.
    void reloadElsewhere_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::newRow("method below") << QByteArray("return 'other'") << QByteArray("return 'edited other'");
        QTest::newRow("method added above")
            << QByteArray("class Service:\n")
            << QByteArray("class Service:\n    def first(self):\n\n        return 'first'\n");
        QTest::newRow("function below") << QByteArray("return x * 2") << QByteArray("return x * 3");
    }

    void reloadElsewhere()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral("s = svc.Service()\n"
                           "handle = relive.override(svc.Service, 'handle', lambda self, m: 'override')\n"));
        QByteArray source = serviceSource();
        QVERIFY(source.contains(before));
        source.replace(before, after);
        write(dir.filePath(QStringLiteral("svc.py")), source);
        run(QStringLiteral("report = relive.reload(path)\n"
                           "assert not report['error'], report\n"
                           "kept = ('Service.handle', 'override kept on top; revert restores the saved version')\n"
                           "assert kept in report['actions'], report['actions']\n"
                           "assert s.handle('x') == 'override'\n"
                           "assert not handle.file_changed\n"
                           "handle.revert()\n"
                           "assert s.handle('x') == 'file x'\n"
                           "assert svc.Service.handle.__code__ == fresh('Service', 'handle')\n"
                           "report = relive.reload(path)\n"
                           "assert not any('override' in action for _, action in report['actions']), report\n"));
    }

    // A save that fails applies nothing, and does not mark the override.
    void failedReloadLeavesOverride()
    {
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral("s = svc.Service()\n"
                           "handle = relive.override(svc.Service, 'handle', lambda self, m: 'override')\n"));
        write(dir.filePath(QStringLiteral("svc.py")), serviceSource("'broken'") + "raise RuntimeError('boom')\n");
        run(QStringLiteral("report = relive.reload(path)\n"
                           "assert 'boom' in report['error'], report\n"
                           "assert s.handle('x') == 'override' and not handle.file_changed\n"
                           "handle.revert()\n"
                           "assert s.handle('x') == 'file x'\n"));
    }

    // A second override of one function replaces the first; the file's
    // version stays under both.
    void secondOverrideReplacesFirst()
    {
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral(
            "s = svc.Service()\n"
            "first = relive.override(svc.Service, 'handle', lambda self, m: 'first')\n"
            "second = relive.override(svc.Service, 'handle', lambda self, m: 'second ' + relive.original()(m))\n"
            "assert not first.active and second.active\n"
            "assert s.handle('x') == 'second file x', s.handle('x')\n"
            "assert second.revert() and s.handle('x') == 'file x'\n"
            "assert svc.Service.handle.__code__ == fresh('Service', 'handle')\n"));
    }

    // The editor's action: the def around the cursor in the (unsaved) buffer
    // overrides the live object it names, compiled with the file's line
    // numbers; zero-argument super() names the live class.
    void fromEditorBuffer_data()
    {
        QTest::addColumn<QByteArray>("edit");     // replaces "return 'file ' + m" in the buffer
        QTest::addColumn<int>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("check");
        QTest::newRow("method") << QByteArray("return 'buffer ' + m") << 3 << true << ".svc.Service.handle"
                                << "s.handle('x') == 'buffer x' and svc.Service.handle.__code__.co_filename == path";
        QTest::newRow("cursor on the def line") << QByteArray("return 'buffer ' + m") << 2 << true
                                                << ".svc.Service.handle" << "s.handle('x') == 'buffer x'";
        QTest::newRow("module function") << QByteArray("return 'file ' + m") << 14 << true << ".svc.helper"
                                         << "svc.helper(2) == 4 and handle.origin == path + ':13'";
        QTest::newRow("zero-argument super") << QByteArray("return 'sub ' + super().__repr__()[:1]") << 3 << true
                                             << ".svc.Service.handle" << "s.handle('x') == 'sub <'";
        QTest::newRow("outside any def") << QByteArray("return 'file ' + m") << 12 << false
                                         << "the cursor is not in a function or a method" << "True";
        QTest::newRow("syntax error") << QByteArray("return 'file ' + (") << 3 << false << "SyntaxError" << "True";
    }
    void fromEditorBuffer()
    {
        QFETCH(QByteArray, edit);
        QFETCH(int, line);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        QFETCH(QString, check);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral("s = svc.Service()\nbefore = len(relive.overrides())\n"));
        QByteArray buffer = serviceSource();
        buffer.replace("return 'file ' + m", edit);
        QSignalSpy done(OverrideRegistry::instance(), &OverrideRegistry::sourceOverridden);
        OverrideRegistry::instance()->overrideFromSource(dir.filePath(QStringLiteral("svc.py")),
                                                         QString::fromUtf8(buffer), line);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), ok);
        QVERIFY2(ok ? done.first().at(1).toString().endsWith(message) : done.first().at(1).toString().contains(message),
                 qPrintable(done.first().at(1).toString()));
        run(QStringLiteral("handle = relive.overrides()[-1] if len(relive.overrides()) > before else None\n"
                           "assert (handle is not None) == %1\n"
                           "assert %2\n"
                           "if handle:\n"
                           "    handle.revert()\n"
                           "assert s.handle('x') == 'file x' and svc.helper(2) == 4\n")
                .arg(ok ? QStringLiteral("True") : QStringLiteral("False"), check));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("error");
        QTest::newRow("inherited method") << "relive.override(svc.Sub, 'handle', lambda self, m: m)"
                                          << "Sub.handle is defined by Service: override Service.handle";
        QTest::newRow("missing method") << "relive.override(svc.Service, 'nothing', lambda self: 1)"
                                        << "Service has no method nothing";
        QTest::newRow("not a function") << "relive.override(42, func=lambda: 1)" << "cannot override 42";
        QTest::newRow("name with a function") << "relive.override(svc.helper, 'x', lambda: 1)"
                                              << "target must be a class";
        QTest::newRow("replacement not a function") << "relive.override(svc.helper, func=3)"
                                                    << "an override must be a function";
        QTest::newRow("class attribute") << "relive.override(svc.Service, '__module__', lambda: 1)"
                                         << "Service.__module__ is a str, not a function";
    }
    void refused()
    {
        QFETCH(QString, call);
        QFETCH(QString, error);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        run(QStringLiteral("before = len(relive.overrides())\n"
                           "try:\n"
                           "    %1\n"
                           "    raise AssertionError('accepted')\n"
                           "except (TypeError, AttributeError, ValueError) as e:\n"
                           "    assert %2 in str(e), str(e)\n"
                           "assert len(relive.overrides()) == before\n"
                           "assert svc.Service().handle('x') == 'file x' and svc.helper(1) == 2\n")
                .arg(call, QLatin1Char('\'') + error + QLatin1Char('\'')));
    }

    static QByteArray familySource(const char *baseReply = "'base'")
    {
        return QByteArray("class Base:\n"
                          "    def greet(self):\n"
                          "        return ") + baseReply + "\n"
               "\n"
               "class Derived(Base):\n"
               "    def greet(self):\n"
               "        return 'derived'\n"
               "\n"
               "    @classmethod\n"
               "    def kind(cls):\n"
               "        return 'file kind'\n";
    }

    // Zero-argument super() in a def typed at the console's top level
    // (which Python gives no __class__ cell): the override is compiled again
    // as a method, and super() names the live class, before and after a
    // reload of the file underneath.
    void superInConsoleOverride_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("class") << "svc.Derived";
        QTest::newRow("function of the class") << "svc.Derived.greet";
        QTest::newRow("bound method") << "d.greet";
    }
    void superInConsoleOverride()
    {
        QFETCH(QString, target);
        QTemporaryDir dir;
        makeFixture(dir, familySource());
        run(QStringLiteral("d = svc.Derived()\nheld = d.greet\n"
                           "@relive.override(%1)\n"
                           "def greet(self):\n"
                           "    return 'override+' + super().greet()\n"
                           "assert held() == 'override+base', held()\n"
                           "assert handle_source(greet) == \"def greet(self):\\n    return 'override+' + super().greet()\\n\"\n")
                .arg(target)
                .prepend(QStringLiteral("def handle_source(h):\n    return h.source\n")));
        write(dir.filePath(QStringLiteral("svc.py")), familySource("'saved base'"));
        run(QStringLiteral("report = relive.reload(path)\nassert not report['error'], report\n"
                           "assert held() == 'override+saved base', held()\n"
                           "assert greet.revert() and held() == 'derived'\n"));
    }

    void superInConsoleClassMethod()
    {
        QTemporaryDir dir;
        makeFixture(dir, familySource());
        run(QStringLiteral("@relive.override(svc.Derived)\n"
                           "def kind(cls):\n"
                           "    return 'override ' + cls.__name__ + ' ' + str(super().__thisclass__.__name__)\n"
                           "assert svc.Derived.kind() == 'override Derived Derived', svc.Derived.kind()\n"
                           "kind.revert()\n"));
    }

    // "Write to File": the override's text (as typed, without its
    // relive.override decorator, named as the method it replaces) indented
    // to take the place of the method in the file's buffer.
    void writeToSource_data()
    {
        QTest::addColumn<QString>("install");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        QTest::addColumn<QString>("text");
        QTest::newRow("method")
            << "@relive.override(svc.Service)\ndef handle(self, m):\n    # typed\n    return 'new ' + m\n"
            << 2 << 3 << "    def handle(self, m):\n        # typed\n        return 'new ' + m";
        QTest::newRow("renamed")
            << "def better(self, m):\n    return m * 2\nrelive.override(svc.Service, 'handle')(better)\n"
            << 2 << 3 << "    def handle(self, m):\n        return m * 2";
        QTest::newRow("classmethod keeps the file's decorator")
            << "@relive.override(svc.Service)\ndef make(cls):\n    return 'remade'\n"
            << 7 << 8 << "    def make(cls):\n        return 'remade'";
        QTest::newRow("module function")
            << "@relive.override(svc.helper)\ndef helper(x):\n    return x * 3\n"
            << 13 << 14 << "def helper(x):\n    return x * 3";
    }
    void writeToSource()
    {
        QFETCH(QString, install);
        QFETCH(int, first);
        QFETCH(int, last);
        QFETCH(QString, text);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        QSignalSpy changed(OverrideRegistry::instance(), &OverrideRegistry::changed);
        run(install);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        const OverrideInfo info = OverrideRegistry::instance()->overrides().last();
        QCOMPARE(QFileInfo(info.file).fileName(), QStringLiteral("svc.py"));
        QSignalSpy ready(OverrideRegistry::instance(), &OverrideRegistry::sourceEditReady);
        OverrideRegistry::instance()->writeToSource(info.id, info.file, QString::fromUtf8(serviceSource()));
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().at(5).toString(), QString());
        QCOMPARE(ready.first().at(2).toInt(), first);
        QCOMPARE(ready.first().at(3).toInt(), last);
        QCOMPARE(ready.first().at(4).toString(), text);
        run(QStringLiteral("for h in relive.overrides():\n    h.revert()\n"));
    }

    void writeToSourceRefused_data()
    {
        QTest::addColumn<QString>("install");
        QTest::addColumn<QByteArray>("buffer");
        QTest::addColumn<QString>("error");
        QTest::newRow("method gone from the buffer")
            << "@relive.override(svc.Service)\ndef handle(self, m):\n    return m\n"
            << QByteArray("class Service:\n    pass\n") << "Service.handle is not defined in the file any more";
        QTest::newRow("text unknown")
            << "relive.override(svc.Service, 'handle', lambda self, m: m)\n"
            << serviceSource() << "the text of the override is not known";
    }
    void writeToSourceRefused()
    {
        QFETCH(QString, install);
        QFETCH(QByteArray, buffer);
        QFETCH(QString, error);
        QTemporaryDir dir;
        makeFixture(dir, serviceSource());
        QSignalSpy changed(OverrideRegistry::instance(), &OverrideRegistry::changed);
        run(install);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        const OverrideInfo info = OverrideRegistry::instance()->overrides().last();
        QSignalSpy ready(OverrideRegistry::instance(), &OverrideRegistry::sourceEditReady);
        OverrideRegistry::instance()->writeToSource(info.id, info.file, QString::fromUtf8(buffer));
        QVERIFY(!ready.isEmpty() || ready.wait(10000));
        QVERIFY2(ready.first().at(5).toString().contains(error), qPrintable(ready.first().at(5).toString()));
        run(QStringLiteral("for h in relive.overrides():\n    h.revert()\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Overrides)
#include "tst_overrides.moc"
