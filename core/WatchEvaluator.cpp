#include "WatchEvaluator.h"

#include "EvaluationDeadline_p.h"
#include "PythonRuntime_p.h"

#include <pybind11/embed.h>

#include <QPointer>

#include <memory>

namespace py = pybind11;

namespace {

QString errorText(py::error_already_set &e)
{
    QString message = QString::fromStdString(py::str(e.value()).cast<std::string>());
    const QString type = QString::fromStdString(e.type().attr("__name__").cast<std::string>());
    return message.isEmpty() ? type : type + QStringLiteral(": ") + message;
}

QString bounded(QString text)
{
    if (text.size() > WatchEvaluator::MaximumLength)
        text = text.left(WatchEvaluator::MaximumLength - 1) + QChar(0x2026);
    return text;
}

WatchResult evaluateOne(const QString &expression, py::handle globals, double limit)
{
    WatchResult result{expression, QString(), false};
    // reprlib bounds containers and strings without building their whole
    // repr; other objects are cut after their own __repr__ (bounded in time).
    static auto *shortRepr = new py::object([] {
        py::object r = py::module_::import("reprlib").attr("Repr")();
        r.attr("maxstring") = WatchEvaluator::MaximumLength;
        r.attr("maxother") = WatchEvaluator::MaximumLength;
        r.attr("maxlevel") = 3;
        return r;
    }());
    EvaluationDeadline deadline(limit);
    try {
        py::object code = py::module_::import("builtins").attr("compile")(expression.toStdString(), "<watch>", "eval");
        py::object value = py::module_::import("builtins").attr("eval")(code, globals);
        // reprlib hides an exception raised by an object's own __repr__:
        // only built-in types it knows go through it.
        py::object type = py::type::of(value);
        const std::string method = "repr_" + type.attr("__name__").cast<std::string>();
        const bool builtin = type.attr("__module__").cast<std::string>() == "builtins"
                             && py::hasattr(*shortRepr, method.c_str());
        py::object text = builtin ? shortRepr->attr("repr")(value) : py::repr(value);
        result.value = bounded(QString::fromStdString(text.cast<std::string>()));
        deadline.finish();
    } catch (py::error_already_set &e) {
        deadline.finish();
        result.error = true;
        result.value = deadline.expired()
            ? QStringLiteral("<error: took longer than %1 s>").arg(limit)
            : QStringLiteral("<error: %1>").arg(bounded(errorText(e)));
    }
    return result;
}

} // namespace

WatchEvaluator::WatchEvaluator(PythonRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
{
    qRegisterMetaType<WatchResult>();
    qRegisterMetaType<QList<WatchResult>>();
}

bool WatchEvaluator::evaluate(const QStringList &expressions, const QString &module)
{
    if (m_busy->exchange(true))
        return false;
    QPointer<WatchEvaluator> self(this);
    auto busy = m_busy;
    const double limit = m_timeLimit;
    postLive(m_runtime, [self, busy, expressions, module, limit] {
        QList<WatchResult> results;
        // Every evaluation ends with evaluated(), whatever the expressions did.
        struct Finish
        {
            QPointer<WatchEvaluator> self;
            std::shared_ptr<std::atomic<bool>> busy;
            QList<WatchResult> *results;
            ~Finish()
            {
                busy->store(false);
                QList<WatchResult> copy = *results;
                QPointer<WatchEvaluator> target = self;
                if (target)
                    QMetaObject::invokeMethod(target, [target, copy] {
                        if (target)
                            Q_EMIT target->evaluated(copy);
                    }, Qt::QueuedConnection);
            }
        } finish{self, busy, &results};

        py::object modules = py::module_::import("sys").attr("modules");
        const std::string name = module.isEmpty() ? std::string("__main__") : module.toStdString();
        py::object target = modules.attr("get")(name);
        if (target.is_none()) {
            for (const QString &e : expressions)
                results.append({e, QStringLiteral("<error: no module %1 is loaded>").arg(QString::fromStdString(name)), true});
            return;
        }
        py::object globals = target.attr("__dict__");
        for (const QString &e : expressions)
            results.append(evaluateOne(e, globals, limit));
    });
    return true;
}
