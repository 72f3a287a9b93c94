#include "InspectorValues_p.h"

#include "EvaluationDeadline_p.h"
#include "PythonResource_p.h"

QString pythonText(py::handle text)
{
    if (PyUnicode_Check(text.ptr())) {
        Py_ssize_t size = 0;
        if (const char *utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size))
            return QString::fromUtf8(utf8, size);
        PyErr_Clear();
        return QStringLiteral("<text with surrogates>");
    }
    return pythonText(py::str(text));
}

QString pythonErrorText(py::error_already_set &e)
{
    const QString message = pythonText(e.value());
    const QString type = pythonText(e.type().attr("__name__"));
    return message.isEmpty() ? type : type + QStringLiteral(": ") + message;
}

QString cutText(QString text, int maximum)
{
    if (text.size() > maximum) {
        const qsizetype length = text.size();
        text = text.left(maximum - 1) + QChar(0x2026) + QStringLiteral(" (%1 characters)").arg(length);
    }
    return text;
}

py::module_ inspectorModule()
{
    return importResourceModule("relive_inspector", QStringLiteral("relive_inspector.py"));
}

py::tuple boundedChildren(py::handle object, int offset, int limit, double seconds, QString *failure)
{
    EvaluationDeadline deadline(seconds);
    try {
        py::tuple page = inspectorModule().attr("children")(object, offset, limit);
        deadline.finish();
        return page;
    } catch (py::error_already_set &e) {
        deadline.finish();
        *failure = deadline.expired() ? QStringLiteral("<listing took longer than %1 s>").arg(seconds)
                                      : QStringLiteral("<listing raised %1>").arg(pythonErrorText(e));
        return py::tuple();
    }
}
