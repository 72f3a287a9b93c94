#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>

class PythonRuntime;

// A matplotlib figure as user code showed it, rendered to PNG on the thread
// that showed it.
struct PlotFigure
{
    int number = 0;  // matplotlib's figure number: a figure shown again under it replaces its image
    QString title;   // the figure's label, else "Figure N" in the interface's language
    QByteArray png;
};
Q_DECLARE_METATYPE(PlotFigure)

// Where the figures of user code go inside the window. install() makes
// Relive's matplotlib backend (core/python/relive_plots.py) the default one
// for user code: when the user's code first imports matplotlib, the backend is
// selected; plt.show() and fig.show() then render with Agg on the calling
// thread (the console, a run, a program thread) and the PNG arrives here as
// figureShown(), a value. The GUI thread never touches a figure. matplotlib is
// not imported before the user imports it.
class PlotSink : public QObject
{
    Q_OBJECT
public:
    explicit PlotSink(PythonRuntime *runtime, QObject *parent = nullptr);
    ~PlotSink() override;

    // Call once the runtime has started. Runs on the console worker, so the
    // console commands and runs queued after it see the backend.
    void install();

    // Whether the interpreter can import matplotlib, asked without importing
    // it (importlib.util.find_spec); answered by availabilityChecked().
    void checkAvailable();

    // Renders the figure shown last under `number` as SVG, from the figure as
    // it is now, on the live worker; `callback` gets the bytes, or an empty
    // array and the reason, in `context`'s thread.
    void requestSvg(int number, QObject *context,
                    std::function<void(const QByteArray &svg, const QString &error)> callback);

    // The pane dropped the figure's image: its figure need not be kept for SVG.
    void forget(int number);
    void forgetAll();

Q_SIGNALS:
    void figureShown(const PlotFigure &figure);
    void availabilityChecked(bool available);

private:
    void forgetOnBothWorkers(const std::function<void()> &forgetting);

    PythonRuntime *m_runtime;
};
