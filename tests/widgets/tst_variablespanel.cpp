#include "GlobalsBrowser.h"
#include "ObjectInspector.h"
#include "PythonRuntime.h"
#include "VariablesModel.h"
#include "VariablesPanel.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

// The Variables panel's globals with the real interpreter: a global made in
// the console appears, an edit assigns in __main__ (a bad expression changes
// nothing), the filter and the hidden kinds, a live class's instance marked,
// a reload's effect shown after a refresh, children loaded when expanded,
// many globals whose values come in chunks, and a hanging __repr__ bounded.
class tst_VariablesPanel : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    QString m_stderr;
    QString m_stdout;
    int m_namespaces = 0;

    void run(const QString &code)
    {
        m_stderr.clear();
        m_stdout.clear();
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(code, QStringLiteral("<test>"));
        QVERIFY(finished.wait(10000));
        m_runtime.flushOutput();
        QVERIFY2(finished.first().first().toInt() == 0, qPrintable(m_stderr));
    }

    // A shown panel with its own browser, listing once.
    struct Panel
    {
        std::unique_ptr<GlobalsBrowser> browser;
        std::unique_ptr<VariablesPanel> panel;
        VariablesModel *model() const { return panel->globalsModel(); }
    };

    Panel makePanel()
    {
        Panel p;
        p.browser = std::make_unique<GlobalsBrowser>(&m_runtime);
        p.panel = std::make_unique<VariablesPanel>();
        p.panel->resize(600, 400);
        p.panel->show();
        p.panel->setGlobalsBrowser(p.browser.get());
        return p;
    }

    // Refreshes and waits for the listing.
    static bool refreshed(VariablesModel *model)
    {
        QSignalSpy spy(model, &VariablesModel::refreshed);
        model->refresh();
        return spy.wait(10000);
    }

    static QString valueOf(VariablesModel *model, const QString &name)
    {
        return model->indexOfGlobal(name, VariablesModel::ValueColumn).data().toString();
    }

    // Whether `name` shows `expected` once the values still to come are in:
    // each chunk is awaited as an event (the wait bounds a hang only).
    static bool valueArrives(const Panel &p, const QString &name, const QString &expected)
    {
        QSignalSpy chunks(p.browser.get(), &GlobalsBrowser::valuesDescribed);
        while (valueOf(p.model(), name) != expected) {
            if (chunks.isEmpty() && !chunks.wait(60000))
                return false;
            chunks.clear();
        }
        return true;
    }

    static QModelIndex childNamed(VariablesModel *model, const QModelIndex &parent, const QString &name)
    {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, VariablesModel::NameColumn, parent);
            if (index.data().toString() == name)
                return index;
        }
        return {};
    }

    // `mod.py` of `source` in a namespace of its own, imported as `mod`; returns its path.
    QString makeFixture(const QTemporaryDir &dir, const QByteArray &source)
    {
        const QString path = dir.filePath(QStringLiteral("mod.py"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(source);
        f.close();
        const QString ns = QStringLiteral("vars%1").arg(++m_namespaces);
        run(QStringLiteral("import relive, importlib\n"
                           "relive.add_directory('%1', '%2')\n"
                           "mod = importlib.import_module('%2.mod')\n")
                .arg(dir.path(), ns));
        return path;
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

    void globalMadeInTheConsoleAppears()
    {
        Panel p = makePanel();
        run(QStringLiteral("appearing = 41\nappearing_text = 'hello'\n"));
        QVERIFY(refreshed(p.model()));
        QCOMPARE(valueOf(p.model(), QStringLiteral("appearing")), QStringLiteral("41"));
        QCOMPARE(p.model()->indexOfGlobal(QStringLiteral("appearing"), VariablesModel::TypeColumn).data().toString(),
                 QStringLiteral("int"));
        QCOMPARE(valueOf(p.model(), QStringLiteral("appearing_text")), QStringLiteral("'hello'"));
        QCOMPARE(p.model()->indexOfGlobal(QStringLiteral("appearing_text"), VariablesModel::SizeColumn).data().toString(),
                 QStringLiteral("5"));
        // Deleted in the console: gone at the next refresh.
        run(QStringLiteral("del appearing\n"));
        QVERIFY(refreshed(p.model()));
        QVERIFY(!p.model()->indexOfGlobal(QStringLiteral("appearing")).isValid());
    }

    // Showing a value never keeps it alive: deleted in the console, the
    // object is gone at once (instance counts and finalizers see that), with
    // no refresh in between, also when more rows wait for their values.
    void aShownValueIsNotKeptAlive_data()
    {
        QTest::addColumn<int>("others");
        QTest::newRow("a few globals") << 0;
        QTest::newRow("values still to come") << 2 * GlobalsBrowser::FirstValues;
    }
    void aShownValueIsNotKeptAlive()
    {
        QFETCH(int, others);
        Panel p = makePanel();
        run(QStringLiteral("import weakref as _weakref\n"
                           "class Held:\n    pass\n"
                           "held = Held()\n_held_ref = _weakref.ref(held)\n"
                           "for _i in range(%1):\n    globals()['other_%04d' % _i] = _i\n").arg(others));
        QVERIFY(refreshed(p.model()));
        QVERIFY(p.model()->indexOfGlobal(QStringLiteral("held")).isValid());
        if (others > 0) {   // the last row's value is among the last to come
            const QString last = QStringLiteral("other_%1").arg(others - 1, 4, 10, QLatin1Char('0'));
            p.panel->filterEdit()->setText(last);
            QVERIFY(valueArrives(p, last, QString::number(others - 1)));
        }
        run(QStringLiteral("del held\nassert _held_ref() is None, 'the shown value was kept alive'\n"
                           "for _i in range(%1):\n    del globals()['other_%04d' % _i]\n").arg(others));
    }

    void editingAssignsInTheInterpreter_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("check");
        QTest::newRow("number") << QStringLiteral("42") << QStringLiteral("42") << QStringLiteral("edited == 42");
        QTest::newRow("expression in __main__") << QStringLiteral("helper * 2") << QStringLiteral("20")
                                                << QStringLiteral("edited == 20");
        QTest::newRow("container") << QStringLiteral("[1, 2, 3]") << QStringLiteral("[1, 2, 3]")
                                   << QStringLiteral("edited == [1, 2, 3]");
    }

    void editingAssignsInTheInterpreter()
    {
        QFETCH(QString, expression);
        QFETCH(QString, shown);
        QFETCH(QString, check);
        Panel p = makePanel();
        run(QStringLiteral("edited = 41\nhelper = 10\n"));
        QVERIFY(refreshed(p.model()));
        const QModelIndex value = p.model()->indexOfGlobal(QStringLiteral("edited"), VariablesModel::ValueColumn);
        QVERIFY(value.flags() & Qt::ItemIsEditable);
        QCOMPARE(value.data(Qt::EditRole).toString(), QStringLiteral("41"));
        QSignalSpy edited(p.model(), &VariablesModel::edited);
        p.model()->setData(value, expression);
        QVERIFY(edited.wait(10000));
        QCOMPARE(edited.first().first().toString(), QStringLiteral("edited"));
        QCOMPARE(valueOf(p.model(), QStringLiteral("edited")), shown);
        run(QStringLiteral("assert %1, edited\n").arg(check));
    }

    void aBadExpressionChangesNothing_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("error");
        QTest::newRow("raises") << QStringLiteral("1 / 0") << QStringLiteral("ZeroDivisionError");
        QTest::newRow("unknown name") << QStringLiteral("no_such_name + 1") << QStringLiteral("NameError");
        QTest::newRow("syntax") << QStringLiteral("1 +") << QStringLiteral("SyntaxError: invalid syntax (<new value of kept>");
        QTest::newRow("statement") << QStringLiteral("kept = 3") << QStringLiteral("SyntaxError");
    }

    void aBadExpressionChangesNothing()
    {
        QFETCH(QString, expression);
        QFETCH(QString, error);
        Panel p = makePanel();
        run(QStringLiteral("kept = 7\n"));
        QVERIFY(refreshed(p.model()));
        QSignalSpy failed(p.model(), &VariablesModel::editFailed);
        QSignalSpy edited(p.model(), &VariablesModel::edited);
        p.model()->setData(p.model()->indexOfGlobal(QStringLiteral("kept"), VariablesModel::ValueColumn), expression);
        QVERIFY(failed.wait(10000));
        QCOMPARE(edited.count(), 0);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("kept"));
        QVERIFY2(failed.first().at(1).toString().startsWith(error), qPrintable(failed.first().at(1).toString()));
        // Said in the panel, in words that name the variable and the error.
        QVERIFY2(p.panel->message().contains(QStringLiteral("kept")) && p.panel->message().contains(error),
                 qPrintable(p.panel->message()));
        QCOMPARE(valueOf(p.model(), QStringLiteral("kept")), QStringLiteral("7"));
        run(QStringLiteral("assert kept == 7, kept\n"));
    }

    void filterAndHiddenKinds()
    {
        Panel p = makePanel();
        run(QStringLiteral("import json as flt_module\n"
                           "def flt_function(): pass\n"
                           "class FltClass: pass\n"
                           "flt_alpha = 1\nflt_beta = 2\nother_flt_gamma = 3\nunrelated = 4\n"));
        QVERIFY(refreshed(p.model()));
        VariablesModel *model = p.model();
        // By default the user's data only: no modules, functions, classes or __dunder__ names.
        QVERIFY(model->indexOfGlobal(QStringLiteral("flt_alpha")).isValid());
        QVERIFY(!model->indexOfGlobal(QStringLiteral("flt_module")).isValid());
        QVERIFY(!model->indexOfGlobal(QStringLiteral("flt_function")).isValid());
        QVERIFY(!model->indexOfGlobal(QStringLiteral("FltClass")).isValid());
        QVERIFY(!model->indexOfGlobal(QStringLiteral("__name__")).isValid());

        p.panel->filterEdit()->setText(QStringLiteral("FLT_"));
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, 0).data().toString();
        QCOMPARE(names, (QStringList{QStringLiteral("flt_alpha"), QStringLiteral("flt_beta"),
                                     QStringLiteral("other_flt_gamma")}));
        auto *count = p.panel->findChild<QLabel *>(QStringLiteral("variablesCount"));
        QVERIFY(count);
        QVERIFY2(count->text().startsWith(QStringLiteral("3 of ")), qPrintable(count->text()));

        p.panel->showAllButton()->setChecked(true);
        QVERIFY(model->indexOfGlobal(QStringLiteral("flt_module")).isValid());
        QVERIFY(model->indexOfGlobal(QStringLiteral("flt_function")).isValid());
        QVERIFY(!model->indexOfGlobal(QStringLiteral("FltClass")).isValid());
        QCOMPARE(model->indexOfGlobal(QStringLiteral("flt_module"), VariablesModel::TypeColumn).data().toString(),
                 QStringLiteral("module"));

        p.panel->filterEdit()->clear();
        QVERIFY(model->indexOfGlobal(QStringLiteral("FltClass")).isValid());
        QVERIFY(model->indexOfGlobal(QStringLiteral("__name__")).isValid());
        QVERIFY(model->indexOfGlobal(QStringLiteral("unrelated")).isValid());
    }

    void aLiveClassInstanceIsMarked()
    {
        QTemporaryDir dir;
        makeFixture(dir, "class Service:\n    def __init__(self):\n        self.port = 80\n");
        Panel p = makePanel();
        run(QStringLiteral("live_service = mod.Service()\n"
                           "class Plain:\n    pass\n"
                           "plain_object = Plain()\n"));
        QVERIFY(refreshed(p.model()));
        const QModelIndex live = p.model()->indexOfGlobal(QStringLiteral("live_service"));
        QVERIFY(live.isValid());
        QVERIFY(live.data(VariablesModel::LiveRole).toBool());
        QVERIFY(!live.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY2(live.data(Qt::ToolTipRole).toString().contains(QStringLiteral(".mod.Service")),
                 qPrintable(live.data(Qt::ToolTipRole).toString()));
        const QModelIndex plain = p.model()->indexOfGlobal(QStringLiteral("plain_object"));
        QVERIFY(plain.isValid());
        QVERIFY(!plain.data(VariablesModel::LiveRole).toBool());
        QVERIFY(plain.data(Qt::DecorationRole).isNull());
    }

    void refreshAfterAReloadShowsTheNewValue()
    {
        QTemporaryDir dir;
        const QString path = makeFixture(dir, "class Counter:\n"
                                              "    def __init__(self):\n        self.n = 1\n"
                                              "    def __repr__(self):\n        return 'Counter v1 n=%d' % self.n\n");
        Panel p = makePanel();
        run(QStringLiteral("reloaded_counter = mod.Counter()\n"));
        QVERIFY(refreshed(p.model()));
        QCOMPARE(valueOf(p.model(), QStringLiteral("reloaded_counter")), QStringLiteral("Counter v1 n=1"));

        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("class Counter:\n"
                "    def __init__(self):\n        self.n = 1\n"
                "    def __repr__(self):\n        return 'Counter v2 n=%d' % self.n\n");
        f.close();
        run(QStringLiteral("relive.reload(%1)\n").arg(QStringLiteral("'") + path + QStringLiteral("'")));
        QVERIFY(refreshed(p.model()));
        // The same object, running the saved code.
        QCOMPARE(valueOf(p.model(), QStringLiteral("reloaded_counter")), QStringLiteral("Counter v2 n=1"));
    }

    void childrenLoadWhenExpandedAndCanBeEdited()
    {
        Panel p = makePanel();
        run(QStringLiteral("nested = {'a': [1, 2, 3], 'b': 'text'}\n"));
        QVERIFY(refreshed(p.model()));
        VariablesModel *model = p.model();
        const QModelIndex nested = model->indexOfGlobal(QStringLiteral("nested"));
        QVERIFY(model->hasChildren(nested));
        QCOMPARE(model->rowCount(nested), 0);
        p.panel->globalsView()->expand(nested);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(nested), 2, 10000);
        const QModelIndex a = childNamed(model, nested, QStringLiteral("['a']"));
        QVERIFY(a.isValid());
        QCOMPARE(a.siblingAtColumn(VariablesModel::SizeColumn).data().toString(), QStringLiteral("3"));
        p.panel->globalsView()->expand(a);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(a), 3, 10000);
        const QModelIndex second = childNamed(model, a, QStringLiteral("[1]"));
        QSignalSpy edited(model, &VariablesModel::edited);
        model->setData(second.siblingAtColumn(VariablesModel::ValueColumn), QStringLiteral("20"));
        QVERIFY(edited.wait(10000));
        QCOMPARE(second.siblingAtColumn(VariablesModel::ValueColumn).data().toString(), QStringLiteral("20"));
        run(QStringLiteral("assert nested['a'] == [1, 20, 3], nested\n"));

        // An expanded row opens again after a refresh.
        QVERIFY(refreshed(model));
        const QModelIndex again = model->indexOfGlobal(QStringLiteral("nested"));
        QVERIFY(p.panel->globalsView()->isExpanded(again));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(again), 2, 10000);
    }

    void openInInspector()
    {
        Panel p = makePanel();
        run(QStringLiteral("inspected = [4, 5, 6]\n"));
        QVERIFY(refreshed(p.model()));
        ObjectInspector::instance()->setAttached(true);
        QSignalSpy opened(ObjectInspector::instance(), &ObjectInspector::objectOpened);
        std::unique_ptr<QMenu> menu(p.panel->globalsMenuFor(p.model()->indexOfGlobal(QStringLiteral("inspected"))));
        QVERIFY(menu);
        auto *action = menu->findChild<QAction *>(QStringLiteral("openInInspectorAction"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.first().first().value<InspectorItem>().value, QStringLiteral("[4, 5, 6]"));
        ObjectInspector::instance()->setAttached(false);
    }

    void manyGlobalsGetEveryValue()
    {
        Panel p = makePanel();
        run(QStringLiteral("for _i in range(1500):\n    globals()['many_%04d' % _i] = [_i, str(_i)]\n"));
        QVERIFY(refreshed(p.model()));
        p.panel->filterEdit()->setText(QStringLiteral("many_"));
        QCOMPARE(p.model()->shownCount(), 1500);
        // Rows come a page at a time as the view scrolls to the end.
        QCOMPARE(p.model()->rowCount(), int(VariablesModel::RowPage));
        QVERIFY(p.model()->canFetchMore(QModelIndex()));
        p.panel->globalsView()->scrollToBottom();
        QTRY_VERIFY(p.model()->rowCount() > VariablesModel::RowPage);
        // The first rows' values come with the listing, the others in chunks after it.
        QCOMPARE(valueOf(p.model(), QStringLiteral("many_0000")), QStringLiteral("[0, '0']"));
        p.panel->filterEdit()->setText(QStringLiteral("many_1499"));
        QVERIFY(valueArrives(p, QStringLiteral("many_1499"), QStringLiteral("[1499, '1499']")));
        run(QStringLiteral("for _i in range(1500):\n    del globals()['many_%04d' % _i]\n"));
    }

    void aPausedFrameGivesWayToTheGlobals()
    {
        Panel p = makePanel();
        QTRY_VERIFY_WITH_TIMEOUT(!p.model()->isRefreshing(), 10000);  // the first listing
        // While a thread is paused the frame's locals are shown (no debugger
        // here: an empty frame), and nothing asks for the globals.
        p.panel->showFrame(1, 0);
        QVERIFY(p.panel->isShowingFrame());
        QVERIFY(p.panel->view()->isVisible());
        QVERIFY(!p.panel->globalsView()->isVisible());
        run(QStringLiteral("made_while_paused = 3\n"));
        p.panel->refreshGlobals();
        QVERIFY(!p.model()->isRefreshing());
        // Resumed: the globals again, asked for at once.
        QSignalSpy refreshed(p.model(), &VariablesModel::refreshed);
        p.panel->clear();
        QVERIFY(!p.panel->isShowingFrame());
        QVERIFY(p.panel->globalsView()->isVisible());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(valueOf(p.model(), QStringLiteral("made_while_paused")), QStringLiteral("3"));
    }

    void aListingIsAnsweredWhileTheConsoleRuns()
    {
        Panel p = makePanel();
        QTRY_VERIFY_WITH_TIMEOUT(!p.model()->isRefreshing(), 10000);
        QSignalSpy finished(&m_runtime, &PythonRuntime::commandFinished);
        m_runtime.runSource(QStringLiteral("import time as _t\n"
                                           "busy_stage = 'running'\n"
                                           "_end = _t.monotonic() + 3\n"
                                           "while _t.monotonic() < _end and busy_stage == 'running':\n"
                                           "    pass\n"
                                           "busy_stage = 'done'\n"),
                            QStringLiteral("<busy>"));
        // Listed on the live worker while the command holds the console.
        bool seen = false;
        for (int attempt = 0; attempt < 40 && !seen; ++attempt) {
            QVERIFY(refreshed(p.model()));
            seen = valueOf(p.model(), QStringLiteral("busy_stage")) == QLatin1String("'running'");
        }
        QVERIFY(seen);
        QCOMPARE(finished.count(), 0);
        // An edit reaches the running command too: it ends its loop.
        QSignalSpy edited(p.model(), &VariablesModel::edited);
        p.model()->setData(p.model()->indexOfGlobal(QStringLiteral("busy_stage"), VariablesModel::ValueColumn),
                           QStringLiteral("'stop'"));
        QVERIFY(edited.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(refreshed(p.model()));
        QCOMPARE(valueOf(p.model(), QStringLiteral("busy_stage")), QStringLiteral("'done'"));
    }

    void aHangingReprIsBounded()
    {
        Panel p = makePanel();
        run(QStringLiteral("import time as _time\n"
                           "class Slow:\n"
                           "    def __repr__(self):\n"
                           "        end = _time.monotonic() + 30\n"
                           "        while _time.monotonic() < end:\n"
                           "            pass\n"
                           "        return 'never'\n"
                           "slow_one = Slow()\nslow_two = Slow()\nafter_slow = 5\n"));
        QVERIFY(refreshed(p.model()));
        QVERIFY2(valueOf(p.model(), QStringLiteral("slow_one")).contains(QStringLiteral("longer than")),
                 qPrintable(valueOf(p.model(), QStringLiteral("slow_one"))));
        // The second of its type is not asked again.
        QVERIFY2(valueOf(p.model(), QStringLiteral("slow_two")).contains(QStringLiteral("skipped")),
                 qPrintable(valueOf(p.model(), QStringLiteral("slow_two"))));
        QCOMPARE(valueOf(p.model(), QStringLiteral("after_slow")), QStringLiteral("5"));
        run(QStringLiteral("del slow_one, slow_two\n"));
    }
};

QTEST_MAIN(tst_VariablesPanel)
#include "tst_variablespanel.moc"
