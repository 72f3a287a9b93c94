#include "PlotSink.h"

#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

// Outside any namespace: Q_INIT_RESOURCE declares the resource's initialiser.
static void initPlotsResource()
{
    // The library is static: without this its resource is not linked in.
    Q_INIT_RESOURCE(plots);
}

namespace {

py::module_ plotsModule()
{
    static const bool registered = (initPlotsResource(), true);
    Q_UNUSED(registered);
    return importResourceModule("relive_plots", QStringLiteral("relive_plots.py"));
}

QString text(py::handle value) { return QString::fromStdString(py::str(value).cast<std::string>()); }

QString exceptionText(py::error_already_set &e)
{
    try {
        py::object lines = py::module_::import("traceback").attr("format_exception_only")(e.type(), e.value());
        return text(py::str("").attr("join")(lines)).trimmed();
    } catch (py::error_already_set &) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace

PlotSink::PlotSink(PythonRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
{
    qRegisterMetaType<PlotFigure>();
}

PlotSink::~PlotSink() = default;

void PlotSink::install()
{
    QPointer<PlotSink> self(this);
    postConsole(m_runtime, [self] {
        try {
            // Called with the GIL held by whichever thread showed the figure;
            // only the copied bytes leave it.
            auto sink = py::cpp_function([self](int number, py::str title, py::bytes png) {
                PlotFigure figure;
                figure.number = number;
                figure.title = text(title);
                if (figure.title.isEmpty())
                    figure.title = QCoreApplication::translate("PlotSink", "Figure %1").arg(number);
                const std::string_view bytes = png;
                figure.png = QByteArray(bytes.data(), qsizetype(bytes.size()));
                QPointer<PlotSink> target = self;
                QMetaObject::invokeMethod(target, [target, figure] {
                    if (target)
                        Q_EMIT target->figureShown(figure);
                }, Qt::QueuedConnection);
            });
            plotsModule().attr("install")(sink);
        } catch (py::error_already_set &e) {
            printPythonException(e);
        }
    });
}

void PlotSink::checkAvailable()
{
    QPointer<PlotSink> self(this);
    postLive(m_runtime, [self] {
        bool available = false;
        try {
            available = plotsModule().attr("available")().cast<bool>();
        } catch (py::error_already_set &) {
            // Unanswerable counts as missing: the pane then says how to get it.
        }
        QMetaObject::invokeMethod(self, [self, available] {
            if (self)
                Q_EMIT self->availabilityChecked(available);
        }, Qt::QueuedConnection);
    });
}

void PlotSink::requestSvg(int number, QObject *context,
                          std::function<void(const QByteArray &, const QString &)> callback)
{
    QPointer<QObject> target(context);
    postLive(m_runtime, [number, target, callback = std::move(callback)] {
        QByteArray svg;
        QString error;
        try {
            py::bytes bytes = plotsModule().attr("svg")(number);
            const std::string_view view = bytes;
            svg = QByteArray(view.data(), qsizetype(view.size()));
        } catch (py::error_already_set &e) {
            error = exceptionText(e);
        }
        // Always answered, so a Save As waiting for it ends.
        QMetaObject::invokeMethod(target, [target, callback, svg, error] {
            if (target)
                callback(svg, error);
        }, Qt::QueuedConnection);
    });
}

// The pane let go of figures: shown again, they are rendered again even if
// unchanged. Posted to the live worker, which answers at once, and to the
// console worker as well, so that a console command sent after it sees it.
void PlotSink::forget(int number)
{
    forgetOnBothWorkers([number] { plotsModule().attr("forget")(number); });
}

void PlotSink::forgetAll()
{
    forgetOnBothWorkers([] { plotsModule().attr("forget_all")(); });
}

void PlotSink::forgetOnBothWorkers(const std::function<void()> &forgetting)
{
    const auto job = [forgetting] {
        try {
            forgetting();
        } catch (py::error_already_set &e) {
            printPythonException(e);
        }
    };
    postLive(m_runtime, job);
    postConsole(m_runtime, job);
}
