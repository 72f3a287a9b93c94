#include "ChangeWatcher.h"
#include "CodeManager.h"
#include "PythonRuntime.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_ChangeWatcher : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void addEventColumn()
    {
        QTest::addColumn<ChangeWatcher::Events>("events");
    }
    // Every row once with the kernel's completion events, once with the
    // quiet time only (the fallback where inotify is missing).
    static QString both(const char *name, ChangeWatcher::Events events)
    {
        return QString::fromLatin1(name)
               + (events == ChangeWatcher::Events::Native ? QLatin1String(", completion events")
                                                          : QLatin1String(", quiet time"));
    }
    static const QList<ChangeWatcher::Events> &allEvents()
    {
        static const QList<ChangeWatcher::Events> all{ChangeWatcher::Events::Native, ChangeWatcher::Events::QuietTime};
        return all;
    }

    // A module of ping(), returning `value`, and `count` other functions.
    static QByteArray module(int count, const QByteArray &value)
    {
        QByteArray text = "def ping():\n    return " + value + "\n\n";
        for (int i = 0; i < count; ++i)
            text += "def f" + QByteArray::number(i) + "():\n    return " + QByteArray::number(i) + "\n\n";
        return text;
    }

private Q_SLOTS:
    void saveStyles_data()
    {
        QTest::addColumn<QString>("style");
        addEventColumn();
        for (ChangeWatcher::Events events : allEvents()) {
            QTest::newRow(qPrintable(both("in place", events))) << "in place" << events;
            QTest::newRow(qPrintable(both("temp then rename", events))) << "rename" << events;
            QTest::newRow(qPrintable(both("delete and recreate", events))) << "recreate" << events;
            QTest::newRow(qPrintable(both("burst of writes", events))) << "burst" << events;
        }
    }
    void saveStyles()
    {
        QFETCH(QString, style);
        QFETCH(ChangeWatcher::Events, events);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, "X = 1\n");
        ChangeWatcher watcher(events);
        watcher.addTree(dir.path());
        QSignalSpy changed(&watcher, &ChangeWatcher::fileChanged);
        QSignalSpy removed(&watcher, &ChangeWatcher::fileRemoved);

        for (int round = 2; round <= 3; ++round) {
            const QByteArray content = "X = " + QByteArray::number(round) + "\n";
            if (style == QLatin1String("in place")) {
                write(file, content);
            } else if (style == QLatin1String("rename")) {
                const QString temp = dir.filePath(QStringLiteral(".mod.py.tmp"));
                write(temp, content);
                QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(file).constData()) == 0);
            } else if (style == QLatin1String("recreate")) {
                QVERIFY(QFile::remove(file));
                write(file, content);
            } else {
                for (int i = 0; i < 5; ++i)
                    write(file, content + "# " + QByteArray::number(i) + "\n");
            }
            // Each save is reported once, the second one too (the watch
            // survives a rename over the file).
            QVERIFY(changed.wait(30000));
            QTest::qWait(150);
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.takeFirst().first().toString(), file);
            QCOMPARE(removed.size(), 0);
        }
    }

    void notReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("editorSave");
        QTest::newRow("same content written again") << QByteArray("X = 1\n") << false;
        QTest::newRow("the editor's own save") << QByteArray("X = 2\n") << true;
    }
    void notReported()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, editorSave);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, "X = 1\n");
        ChangeWatcher watcher;
        watcher.addTree(dir.path());
        QSignalSpy changed(&watcher, &ChangeWatcher::fileChanged);
        write(file, content);
        if (editorSave)
            watcher.notifySaved(file);
        QTest::qWait(300);
        QCOMPARE(changed.size(), 0);
    }

    void filesAddedAndRemoved()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.py")), "A = 1\n");
        ChangeWatcher watcher;
        watcher.addTree(dir.path());
        QSignalSpy added(&watcher, &ChangeWatcher::fileAdded);
        QSignalSpy removed(&watcher, &ChangeWatcher::fileRemoved);
        QSignalSpy tree(&watcher, &ChangeWatcher::treeChanged);

        write(dir.filePath(QStringLiteral("b.py")), "B = 1\n");
        QVERIFY(added.wait(30000));
        QCOMPARE(added.takeFirst().first().toString(), dir.filePath(QStringLiteral("b.py")));

        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("a.py"))));
        QVERIFY(removed.wait(30000));
        QCOMPARE(removed.takeFirst().first().toString(), dir.filePath(QStringLiteral("a.py")));

        // A new subdirectory with a file: both are picked up, and a file
        // written in it later is reported too.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
        QVERIFY(tree.wait(30000));
        write(dir.filePath(QStringLiteral("sub/c.py")), "C = 1\n");
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 30000);
        QCOMPARE(added.takeFirst().first().toString(), dir.filePath(QStringLiteral("sub/c.py")));

        // The subdirectory deleted while watched.
        tree.clear();
        QVERIFY(QDir(dir.filePath(QStringLiteral("sub"))).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 30000);
        QCOMPARE(removed.takeFirst().first().toString(), dir.filePath(QStringLiteral("sub/c.py")));
        QTRY_VERIFY_WITH_TIMEOUT(tree.size() >= 1, 30000);
    }

    // A writer opens the file for writing (truncating it), pauses, then
    // writes the whole text: either in one open, or closing the emptied file
    // first. Only the complete text is reported, once.
    void saveInTwoSteps_data()
    {
        QTest::addColumn<bool>("closeBetween");
        addEventColumn();
        for (ChangeWatcher::Events events : allEvents()) {
            QTest::newRow(qPrintable(both("one open", events))) << false << events;
            QTest::newRow(qPrintable(both("closed between", events))) << true << events;
        }
    }
    void saveInTwoSteps()
    {
        QFETCH(bool, closeBetween);
        QFETCH(ChangeWatcher::Events, events);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, module(20, "1"));
        ChangeWatcher watcher(events);
        watcher.addTree(dir.path());
        QSignalSpy changed(&watcher, &ChangeWatcher::fileChanged);
        QList<QByteArray> seen;
        connect(&watcher, &ChangeWatcher::fileChanged, this, [&](const QString &path) { seen << read(path); });

        const QByteArray full = module(20, "2");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            if (closeBetween) {
                f.close();
            } else {
                // Half a statement, flushed: a write in progress.
                f.write("def pi");
                QVERIFY(f.flush());
            }
            QTest::qWait(150);
            if (closeBetween)
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            else
                f.write(full.mid(6));
            if (closeBetween)
                f.write(full);
        }
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 30000);
        QTest::qWait(ChangeWatcher::HoldLimitMs + 200);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first(), full);
    }

    // A file the user empties (or cuts to a few lines) on purpose is held
    // back only for a while, then reported.
    void emptiedOnPurpose_data()
    {
        QTest::addColumn<QByteArray>("content");
        addEventColumn();
        for (ChangeWatcher::Events events : allEvents()) {
            QTest::newRow(qPrintable(both("empty", events))) << QByteArray() << events;
            QTest::newRow(qPrintable(both("most names gone", events))) << module(2, "3") << events;
        }
    }
    void emptiedOnPurpose()
    {
        QFETCH(QByteArray, content);
        QFETCH(ChangeWatcher::Events, events);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, module(20, "1"));
        ChangeWatcher watcher(events);
        watcher.addTree(dir.path());
        QSignalSpy changed(&watcher, &ChangeWatcher::fileChanged);
        write(file, content);
        QTest::qWait(100);
        QCOMPARE(changed.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 30000);
        QCOMPARE(changed.first().first().toString(), file);
    }

    // 300 saves by rename in about 1.5 s: the last version is the last one
    // reported.
    void storm_data()
    {
        addEventColumn();
        for (ChangeWatcher::Events events : allEvents())
            QTest::newRow(qPrintable(both("storm", events))) << events;
    }
    void storm()
    {
        QFETCH(ChangeWatcher::Events, events);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, "X = 0\n");
        ChangeWatcher watcher(events);
        watcher.addTree(dir.path());
        QByteArray last;
        int reports = 0;
        connect(&watcher, &ChangeWatcher::fileChanged, this, [&](const QString &path) {
            last = read(path);
            ++reports;
        });
        const QString temp = dir.filePath(QStringLiteral(".mod.py.tmp"));
        QByteArray content;
        for (int i = 1; i <= 300; ++i) {
            content = "X = " + QByteArray::number(i) + "\n";
            write(temp, content);
            QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(file).constData()) == 0);
            QTest::qWait(5);
        }
        QTRY_COMPARE_WITH_TIMEOUT(last, content, 30000);
        QVERIFY(reports >= 1);
    }

    void usesCompletionEventsOnLinux()
    {
#ifdef Q_OS_LINUX
        if (qEnvironmentVariableIsSet("RELIVE_NO_INOTIFY"))
            QSKIP("inotify turned off by RELIVE_NO_INOTIFY");
        QVERIFY(ChangeWatcher().usesCompletionEvents());
#endif
        QVERIFY(!ChangeWatcher(ChangeWatcher::Events::QuietTime).usesCompletionEvents());
    }

    // The whole chain: a thread of the running program calls ns.ping() in a
    // loop while another program writes the module in place in two steps
    // with a pause between them. No call fails, and the reload log shows one
    // reload that changed ping's code and removed nothing.
    void partialSaveNeverReachesTheProgram()
    {
        PythonRuntime runtime;
        QString error;
        QVERIFY2(runtime.start(&error), qPrintable(error));
        QString output;
        connect(&runtime, &PythonRuntime::output, this, [&](const QString &text, PythonRuntime::Stream) {
            output += text;
        });
        CodeManager manager(&runtime);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, module(40, "1"));
        QVERIFY2(manager.addDirectory(dir.path(), QStringLiteral("twostep_ns"), &error), qPrintable(error));
        QSignalSpy reloaded(&manager, &CodeManager::reloaded);
        auto run = [&](const QString &code) {
            QSignalSpy finished(&runtime, &PythonRuntime::commandFinished);
            runtime.runSource(code, QStringLiteral("<test>"));
            QVERIFY(finished.wait(30000));
            runtime.flushOutput();
            QVERIFY2(finished.first().first().toInt() == 0, qPrintable(output));
        };
        run(QStringLiteral(
            "import threading, twostep_ns as ns\n"
            "calls = [0]; failures = []; stop = threading.Event()\n"
            "def loop():\n"
            "    while not stop.is_set():\n"
            "        try:\n"
            "            ns.ping()\n"
            "            calls[0] += 1\n"
            "        except Exception as e:\n"
            "            failures.append(repr(e))\n"
            "caller = threading.Thread(target=loop, daemon=True)\n"
            "caller.start()\n"));

        const QByteArray full = module(40, "2");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QTest::qWait(150);
            f.write(full);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
        QTest::qWait(ChangeWatcher::HoldLimitMs + 200);
        run(QStringLiteral("stop.set(); caller.join()\n"
                           "assert not failures, failures[:3]\n"
                           "assert calls[0] > 0\n"
                           "assert ns.ping() == 2\n"));
        QCOMPARE(reloaded.size(), 1);
        const ReloadReport report = reloaded.first().first().value<ReloadReport>();
        QVERIFY2(report.ok(), qPrintable(report.error));
        QVERIFY2(report.summary().contains(QLatin1String("ping: code replaced")), qPrintable(report.summary()));
        QVERIFY2(!report.summary().contains(QLatin1String("removed")), qPrintable(report.summary()));
        QCOMPARE(report.path, ReloadReport::Path::EditedStatements);
    }
};

QTEST_GUILESS_MAIN(tst_ChangeWatcher)
#include "tst_changewatcher.moc"
