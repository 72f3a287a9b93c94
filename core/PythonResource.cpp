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

    py::module_ module = py::module_::import("types").attr("ModuleType")(name);
    module.attr("__file__") = filename;
    // Tracebacks and inspect read the lines through linecache, which asks the
    // module's loader for the source of a file it cannot stat (lazycache).
    // Importing linecache here instead would cost every start its imports.
    py::dict loader;
    loader["get_source"] = py::cpp_function([source](py::object) { return source; });
    module.attr("__loader__") = py::module_::import("types").attr("SimpleNamespace")(**loader);
    if (modules.contains("linecache")) {
        // A linecache entry with no modification time is never invalidated.
        py::list lines = source.attr("splitlines")(true);
        modules["linecache"].attr("cache")[py::str(filename)] = py::make_tuple(bytes.size(), py::none(), lines, filename);
    }
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

bool hasPythonPackage(const char *name)
{
    return !py::module_::import("importlib.util").attr("find_spec")(name).is_none();
}
