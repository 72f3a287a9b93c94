#include "ChangeWatcher.h"

#include <QDir>
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

private Q_SLOTS:
    void saveStyles_data()
    {
        QTest::addColumn<QString>("style");
        QTest::newRow("in place") << "in place";
        QTest::newRow("temp then rename") << "rename";
        QTest::newRow("delete and recreate") << "recreate";
        QTest::newRow("burst of writes") << "burst";
    }
    void saveStyles()
    {
        QFETCH(QString, style);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mod.py"));
        write(file, "X = 1\n");
        ChangeWatcher watcher;
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
};

QTEST_GUILESS_MAIN(tst_ChangeWatcher)
#include "tst_changewatcher.moc"
