#pragma once

#include <QObject>
#include <QString>

class PlotSink;
class PlotsPanel;
class PythonRuntime;
class QDockWidget;
class QMainWindow;

// matplotlib in the window: the Plots dock (tabbed with the namespace and
// Variables on the right), Relive's backend installed once the interpreter
// runs, each figure user code shows delivered to the pane, and Save As (PNG as
// shown, SVG rendered by Python). Owns the wiring so that the main window only
// composes.
class PlotsController : public QObject
{
    Q_OBJECT
public:
    explicit PlotsController(QMainWindow *window);
    ~PlotsController() override;

    // The dock is made at once (so the window's saved state places it), the
    // sink once the interpreter runs.
    void setEngine(PythonRuntime *runtime);

    // Writes figure `number` to `path`: the PNG the pane shows for ".png",
    // an SVG rendered from the figure for ".svg". saved() follows.
    void saveFigure(int number, const QString &path);

    PlotsPanel *panel() const { return m_panel; }
    PlotSink *sink() const { return m_sink; }
    QDockWidget *dock() const { return m_dock; }

Q_SIGNALS:
    void message(const QString &text);
    // `error` is empty when the file was written.
    void saved(const QString &path, const QString &error);

private:
    void askSaveFileName(int number);
    void finishSave(const QString &path, const QByteArray &bytes, const QString &error);

    QMainWindow *m_window;
    PlotsPanel *m_panel;
    QDockWidget *m_dock;
    PlotSink *m_sink = nullptr;
};
