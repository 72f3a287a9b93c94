#include "Completer.h"

#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

Completer::Completer(PythonRuntime *runtime, QObject *parent)
    : QObject(parent), m_runtime(runtime)
{
}

void Completer::request(int requestId, const QString &source)
{
    postLive(m_runtime, [this, requestId, source] {
        QStringList names;
        int prefixLength = 0;
        bool missing = false;
        try {
            missing = !hasPythonPackage("jedi");
            if (!missing) {
                // jedi's Interpreter completes against live objects: the names
                // the console's __main__ holds now, with their real attributes.
                py::object jedi = py::module_::import("jedi");
                py::dict globals = py::module_::import("__main__").attr("__dict__");
                py::object script = jedi.attr("Interpreter")(source.toStdString(), py::make_tuple(globals));
                const QStringList lines = source.split(QLatin1Char('\n'));
                py::list completions = script.attr("complete")(lines.size(), lines.last().size());
                constexpr size_t MaxCompletions = 300;
                for (py::handle c : completions) {
                    if (static_cast<size_t>(names.size()) >= MaxCompletions)
                        break;
                    names << QString::fromStdString(c.attr("name").cast<std::string>());
                    prefixLength = c.attr("get_completion_prefix_length")().cast<int>();
                }
            }
        } catch (py::error_already_set &) {
            // jedi failed on what was typed: no completions is the answer.
        }
        QMetaObject::invokeMethod(this, [this, requestId, names, prefixLength, missing] {
            if (missing != m_packageMissing) {
                m_packageMissing = missing;
                if (missing)
                    Q_EMIT packageMissing(QStringLiteral("jedi"));
            }
            Q_EMIT completed(requestId, names, prefixLength);
        }, Qt::QueuedConnection);
    });
}
