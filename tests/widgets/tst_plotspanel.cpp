#include "PlotsPanel.h"

#include <QBuffer>
#include <QImage>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

// The Plots pane: figures added and browsed, one shown again under its number
// replaced, removed and cleared, fitted or at 100%, and its message without
// figures and without matplotlib.
class tst_PlotsPanel : public QObject
{
    Q_OBJECT

    static PlotFigure figure(int number, const QColor &colour, const QSize &size = QSize(320, 240))
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(colour);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        PlotFigure f;
        f.number = number;
        f.title = QStringLiteral("Figure %1").arg(number);
        f.png = png;
        return f;
    }

private Q_SLOTS:
    void figuresAreAddedAndBecomeCurrent()
    {
        PlotsPanel panel;
        QVERIFY(panel.isShowingMessage());
        panel.showFigure(figure(1, Qt::red));
        panel.showFigure(figure(2, Qt::blue));
        QCOMPARE(panel.count(), 2);
        QCOMPARE(panel.numbers(), QList<int>({1, 2}));
        QCOMPARE(panel.currentNumber(), 2);
        QVERIFY(!panel.isShowingMessage());
        QCOMPARE(panel.strip()->item(0)->text(), QStringLiteral("Figure 1"));
        panel.setCurrentNumber(1);
        QCOMPARE(panel.currentNumber(), 1);
    }

    void sameNumberReplacesItsImage()
    {
        PlotsPanel panel;
        panel.showFigure(figure(1, Qt::red));
        panel.showFigure(figure(2, Qt::blue));
        const PlotFigure again = figure(1, Qt::green);
        panel.showFigure(again);
        QCOMPARE(panel.count(), 2);
        QCOMPARE(panel.numbers(), QList<int>({1, 2}));
        QCOMPARE(panel.png(1), again.png);
        QCOMPARE(panel.currentNumber(), 1);
    }

    void notAPngIsIgnored()
    {
        PlotsPanel panel;
        PlotFigure broken = figure(1, Qt::red);
        broken.png = "not a png";
        panel.showFigure(broken);
        QCOMPARE(panel.count(), 0);
    }

    void removeDropsTheCurrentFigure()
    {
        PlotsPanel panel;
        panel.showFigure(figure(1, Qt::red));
        panel.showFigure(figure(2, Qt::blue));
        QSignalSpy removed(&panel, &PlotsPanel::figureRemoved);
        panel.removeCurrent();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toInt(), 2);
        QCOMPARE(panel.numbers(), QList<int>({1}));
        QVERIFY(panel.png(2).isEmpty());
    }

    void clearEmptiesThePane()
    {
        PlotsPanel panel;
        panel.showFigure(figure(1, Qt::red));
        panel.showFigure(figure(2, Qt::blue));
        QSignalSpy cleared(&panel, &PlotsPanel::cleared);
        panel.clear();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(panel.count(), 0);
        QCOMPARE(panel.currentNumber(), -1);
        QVERIFY(panel.isShowingMessage());
    }

    void fitsOrShowsActualSize()
    {
        PlotsPanel panel;
        panel.resize(400, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showFigure(figure(1, Qt::red, QSize(1600, 1200)));
        QVERIFY(panel.isFitToPane());
        QVERIFY2(panel.scale() < 0.5, qPrintable(QString::number(panel.scale())));
        panel.setFitToPane(false);
        QCOMPARE(panel.scale(), 1.0);
        panel.setFitToPane(true);
        QVERIFY(panel.scale() < 0.5);
    }

    void saveAsAsksForTheCurrentFigure()
    {
        PlotsPanel panel;
        panel.showFigure(figure(3, Qt::red));
        QSignalSpy save(&panel, &PlotsPanel::saveRequested);
        auto *saveAs = panel.findChild<QAction *>(QStringLiteral("plotsSaveAction"));
        QVERIFY(saveAs);
        QVERIFY(saveAs->isEnabled());
        saveAs->trigger();
        QCOMPARE(save.count(), 1);
        QCOMPARE(save.first().first().toInt(), 3);
    }

    void messageSaysHowToGetMatplotlib()
    {
        PlotsPanel panel;
        QVERIFY(panel.messageText().contains(QLatin1String("plt.show()")));
        panel.setMatplotlibAvailable(false);
        QVERIFY(panel.isShowingMessage());
        QVERIFY(panel.messageText().contains(QLatin1String("sudo apt install python3-matplotlib")));
        QVERIFY(panel.messageText().contains(QLatin1String("pip install matplotlib")));
        panel.setMatplotlibAvailable(true);
        QVERIFY(!panel.messageText().contains(QLatin1String("python3-matplotlib")));
    }

    void showingAsksForAvailability()
    {
        PlotsPanel panel;
        QSignalSpy wanted(&panel, &PlotsPanel::availabilityWanted);
        panel.show();
        QCOMPARE(wanted.count(), 1);
    }
};

QTEST_MAIN(tst_PlotsPanel)
#include "tst_plotspanel.moc"
