#include "PlotsController.h"

#include "PlotSink.h"
#include "PlotsPanel.h"

#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QSaveFile>

PlotsController::PlotsController(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_panel(new PlotsPanel(window))
    , m_dock(new QDockWidget(tr("Plots"), window))
{
    m_dock->setObjectName(QStringLiteral("plotsDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    if (auto *namespaces = window->findChild<QDockWidget *>(QStringLiteral("namespaceDock"))) {
        window->tabifyDockWidget(namespaces, m_dock);
        namespaces->raise();
    }
    connect(m_panel, &PlotsPanel::saveRequested, this, &PlotsController::askSaveFileName);
    connect(m_panel, &PlotsPanel::availabilityWanted, this, [this] {
        if (m_sink)
            m_sink->checkAvailable();
    });
    connect(m_panel, &PlotsPanel::figureRemoved, this, [this](int number) {
        if (m_sink)
            m_sink->forget(number);
    });
    connect(m_panel, &PlotsPanel::cleared, this, [this] {
        if (m_sink)
            m_sink->forgetAll();
    });
}

PlotsController::~PlotsController() = default;

void PlotsController::setEngine(PythonRuntime *runtime)
{
    m_sink = new PlotSink(runtime, this);
    connect(m_sink, &PlotSink::availabilityChecked, m_panel, &PlotsPanel::setMatplotlibAvailable);
    connect(m_sink, &PlotSink::figureShown, this, [this](const PlotFigure &figure) {
        const bool added = !m_panel->numbers().contains(figure.number);
        m_panel->showFigure(figure);
        // plt.show() asks to see the figure; a figure drawn again (an
        // animation, a program's loop) does not pull the pane forward each time.
        if (added) {
            m_dock->show();
            m_dock->raise();
        }
    });
    m_sink->install();
    if (m_panel->isVisible())
        m_sink->checkAvailable();
}

void PlotsController::askSaveFileName(int number)
{
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG image (*.svg)");
    QString filter = png;
    const QString suggested = QDir::home().filePath(QStringLiteral("figure-%1.png").arg(number));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Figure"), suggested, png + QStringLiteral(";;") + svg,
                                                &filter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        path += filter == svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    saveFigure(number, path);
}

void PlotsController::saveFigure(int number, const QString &path)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0) {
        const QByteArray png = m_panel->png(number);
        finishSave(path, png, png.isEmpty() ? tr("Figure %1 is no longer in the Plots pane").arg(number) : QString());
        return;
    }
    if (!m_sink) {
        finishSave(path, {}, tr("Python is not running"));
        return;
    }
    m_sink->requestSvg(number, this, [this, path](const QByteArray &svg, const QString &error) {
        finishSave(path, svg, error);
    });
}

void PlotsController::finishSave(const QString &path, const QByteArray &bytes, const QString &error)
{
    QString why = error;
    if (why.isEmpty()) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            why = file.errorString();
    }
    if (why.isEmpty())
        Q_EMIT message(tr("Figure saved to %1").arg(QDir::toNativeSeparators(path)));
    else
        Q_EMIT message(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), why));
    Q_EMIT saved(path, why);
}
