#include "PythonResource_p.h"

#include <QFile>

static void initPythonResources()
{
    // The library is static: without this its resources are not linked in.
    Q_INIT_RESOURCE(relive_python);
}

py::module_ importResourceModule(const char *name, const QString &fileName)
{
    py::object modules = py::module_::import("sys").attr("modules");
    if (modules.contains(name))
        return modules[name].cast<py::module_>();
    initPythonResources();
    const QString path = QStringLiteral(":/relive/python/") + fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("relive: missing resource " + path.toStdString());
    const QByteArray bytes = file.readAll();
    const std::string filename = path.toStdString();
    py::str source(bytes.constData(), bytes.size());

    // A linecache entry with no modification time is never invalidated:
    // tracebacks through this module show its lines.
    py::list lines = source.attr("splitlines")(true);
    py::module_::import("linecache").attr("cache")[py::str(filename)] =
        py::make_tuple(bytes.size(), py::none(), lines, filename);

    py::module_ module = py::module_::import("types").attr("ModuleType")(name);
    module.attr("__file__") = filename;
    py::object code = py::module_::import("builtins").attr("compile")(source, filename, "exec");
    // Registered before running, like an import, so the module can import itself.
    modules[name] = module;
    try {
        py::module_::import("builtins").attr("exec")(code, module.attr("__dict__"));
    } catch (...) {
        PyDict_DelItemString(modules.ptr(), name);
        throw;
    }
    return module;
}
