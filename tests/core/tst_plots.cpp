#include "CodeManager.h"
#include "PlotSink.h"
#include "PythonRuntime.h"
#include "ReloadReport.h"

#include "pythonpackage.h"

#include <QFile>
#include <QtEndian>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// matplotlib figures of user code reach the Plots pane as PNG values: Relive's
// backend is the default one once the sink is installed, a figure shown from
// the console or a program's thread arrives rendered, one shown again under
// its number comes again under that number, savefig is left alone, SVG is
// rendered on request, and a missing matplotlib is reported, not imported.
class tst_Plots : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    PlotSink *m_sink = nullptr;
    bool m_hasMatplotlib = false;

    bool run(const QString &code) { return runPackageCode(m_runtime, code); }

    // Runs `code` (after closing every figure) and waits for it.
    bool runFresh(const QString &code)
    {
        return run(QStringLiteral("import matplotlib.pyplot as plt\nplt.close('all')\nimport relive_plots\n"
                                  "relive_plots.forget_all()\n")
                   + code);
    }

    // Everything the console and live workers have queued has been answered.
    void settle()
    {
        bool done = false;
        m_runtime.whenConsoleCaughtUp(this, [&done] { done = true; });
        QTRY_VERIFY(done);
        QCoreApplication::processEvents();
    }

    // A PNG file's signature and the size in its header.
    static bool isPng(const QByteArray &bytes, QSize *size = nullptr)
    {
        if (!bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR" || !bytes.endsWith("IEND\xae\x42\x60\x82"))
            return false;
        if (size) {
            const auto *header = reinterpret_cast<const uchar *>(bytes.constData() + 16);
            *size = QSize(int(qFromBigEndian<quint32>(header)), int(qFromBigEndian<quint32>(header + 4)));
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The environment's choice would win over Relive's backend.
        qunsetenv("MPLBACKEND");
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_sink = new PlotSink(&m_runtime, this);
        m_sink->install();
        m_hasMatplotlib = hasPythonPackage(m_runtime, QStringLiteral("matplotlib"));
        // matplotlib is slow to import: only the user's import brings it in.
        QVERIFY(run(QStringLiteral("import sys\nassert 'relive_plots' in sys.modules\n"
                                   "assert 'matplotlib' not in sys.modules\n")));
    }

    void backendIsRelives()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QVERIFY(run(QStringLiteral("import matplotlib\n"
                                   "assert matplotlib.get_backend() == 'module://relive_plots', matplotlib.get_backend()\n")));
    }

    void consoleFigureArrives()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("plt.figure(4, figsize=(4, 3), dpi=50)\nplt.plot([1, 2, 3])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 1);
        const PlotFigure figure = shown.first().first().value<PlotFigure>();
        QCOMPARE(figure.number, 4);
        QCOMPARE(figure.title, QStringLiteral("Figure 4"));
        QSize size;
        QVERIFY(isPng(figure.png, &size));
        QCOMPARE(size, QSize(200, 150));
    }

    void labelNamesTheFigure()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("plt.figure('Prices')\nplt.plot([1, 2])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.first().first().value<PlotFigure>().title, QStringLiteral("Prices"));
    }

    void showingAgainRedrawsUnderTheSameNumber()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("plt.figure(2)\nplt.plot([1, 2, 3])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 1);
        // Unchanged since it was delivered: not rendered again.
        QVERIFY(run(QStringLiteral("plt.show()\n")));
        settle();
        QCOMPARE(shown.count(), 1);
        QVERIFY(run(QStringLiteral("plt.plot([3, 2, 1])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 2);
        const PlotFigure first = shown.at(0).first().value<PlotFigure>();
        const PlotFigure second = shown.at(1).first().value<PlotFigure>();
        QCOMPARE(second.number, first.number);
        QVERIFY(second.png != first.png);
        // A new figure under a number already shown (a rerun after a reload).
        QVERIFY(run(QStringLiteral("plt.close(2)\nplt.figure(2)\nplt.bar([1], [2])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 3);
        QCOMPARE(shown.at(2).first().value<PlotFigure>().number, 2);
    }

    void figureOfAReloadedFunctionComesUnderItsNumber()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("drawing.py"));
        auto write = [&file](const QByteArray &content) {
            QFile f(file);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
        };
        const QByteArray draw = "import matplotlib.pyplot as plt\n\n"
                                "def draw():\n"
                                "    plt.close(1)\n"
                                "    plt.figure(1)\n"
                                "    plt.plot(%1)\n"
                                "    plt.show()\n";
        QVERIFY(write(QString::fromUtf8(draw).arg(QStringLiteral("[1, 2, 3]")).toUtf8()));
        CodeManager manager(&m_runtime);
        QString error;
        QVERIFY2(manager.addDirectory(dir.path(), QStringLiteral("plotsreload"), &error), qPrintable(error));
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("from plotsreload import draw\ndraw()\n")));
        QTRY_COMPARE(shown.count(), 1);

        QVERIFY(write(QString::fromUtf8(draw).arg(QStringLiteral("[3, 1, 2]")).toUtf8()));
        QSignalSpy reloaded(&manager, &CodeManager::reloaded);
        manager.reloadFile(file);
        QVERIFY(reloaded.wait(10000));
        QVERIFY2(reloaded.first().first().value<ReloadReport>().ok(),
                 qPrintable(reloaded.first().first().value<ReloadReport>().traceback));
        QVERIFY(run(QStringLiteral("draw()\n")));
        QTRY_COMPARE(shown.count(), 2);
        const PlotFigure before = shown.at(0).first().value<PlotFigure>();
        const PlotFigure after = shown.at(1).first().value<PlotFigure>();
        QCOMPARE(after.number, before.number);
        QVERIFY(after.png != before.png);
    }

    void programThreadFigureArrives()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("import threading\n"
                                        "def draw():\n"
                                        "    plt.figure(7)\n"
                                        "    plt.plot([5, 1, 5])\n"
                                        "    plt.show()\n"
                                        "t = threading.Thread(target=draw)\nt.start()\nt.join()\n")));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.first().first().value<PlotFigure>().number, 7);
        QVERIFY(isPng(shown.first().first().value<PlotFigure>().png));
    }

    void runFileFigureArrives()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QVERIFY(runFresh(QString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import matplotlib.pyplot as plt\n"
                   "if __name__ == '__main__':\n"
                   "    plt.figure(9)\n"
                   "    plt.plot([2, 4, 8])\n"
                   "    plt.show()\n");
        file.close();
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QSignalSpy finished(&m_runtime, &PythonRuntime::programFinished);
        m_runtime.runFile(path);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.first().first().value<PlotFigure>().number, 9);
    }

    void savefigIsUntouched()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.png"));
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("fig = plt.figure()\nplt.plot([1, 2])\nfig.savefig(%1)\n")
                             .arg(QString::fromUtf8(QByteArray("'") + path.toUtf8() + "'"))));
        settle();
        QCOMPARE(shown.count(), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(isPng(file.readAll()));
    }

    void svgOnRequest()
    {
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasMatplotlib, "matplotlib");
        QSignalSpy shown(m_sink, &PlotSink::figureShown);
        QVERIFY(runFresh(QStringLiteral("plt.figure(3)\nplt.plot([1, 2, 3])\nplt.show()\n")));
        QTRY_COMPARE(shown.count(), 1);
        QByteArray svg;
        QString error;
        bool answered = false;
        m_sink->requestSvg(3, this, [&](const QByteArray &bytes, const QString &why) {
            svg = bytes;
            error = why;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));

        // Forgotten (removed from the pane): a clear reason, no bytes.
        m_sink->forget(3);
        answered = false;
        m_sink->requestSvg(3, this, [&](const QByteArray &bytes, const QString &why) {
            svg = bytes;
            error = why;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(svg.isEmpty());
        QVERIFY2(error.contains(QLatin1String("Figure 3")), qPrintable(error));
    }

    void availability()
    {
        QSignalSpy checked(m_sink, &PlotSink::availabilityChecked);
        m_sink->checkAvailable();
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.first().first().toBool(), m_hasMatplotlib);
    }

    void missingMatplotlibIsReported()
    {
        HiddenPythonPackages hidden(m_runtime, {QStringLiteral("matplotlib")});
        QVERIFY(hidden.isHidden());
        QSignalSpy checked(m_sink, &PlotSink::availabilityChecked);
        m_sink->checkAvailable();
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.first().first().toBool(), false);
    }
};

QTEST_GUILESS_MAIN(tst_Plots)
#include "tst_plots.moc"
