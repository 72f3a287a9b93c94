#include "Importer_p.h"

#include "PythonResource_p.h"
#include "ReloaderMadeFunctions_p.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>

// The import protocol of the namespaces: Importer as the sys.meta_path finder
// and loader (PEP 451). A merged folder is a package whose module is the
// namespace facade; a regular package is its __init__.py, run like any file
// with the folder as its __path__; a file is an ordinary module, compiled as
// importlib compiles one (or taken from the code cache) and indexed by the
// token scanner.

namespace {

// The code cache (core/python/relive_codecache.py), in Relive's cache directory.
py::object codeCache()
{
    static bool loaded = false;
    py::module_ cache = importResourceModule("relive_codecache", QStringLiteral("relive_codecache.py"));
    if (!loaded) {
        loaded = true;
        const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
        if (!base.isEmpty())
            cache.attr("directory") = (base + QStringLiteral("/relive/pycache")).toStdString();
    }
    return py::object(std::move(cache));
}

// The text of a source file that compiled, as importlib.util.decode_source
// gives it (decoded by its coding, universal newlines), without its Python
// cost in the common case of UTF-8.
QString sourceText(const QByteArray &bytes, const py::bytes &data)
{
    if (!ExportScanner::isUtf8(bytes))
        return QString::fromStdString(
            py::module_::import("importlib.util").attr("decode_source")(data).cast<std::string>());
    QString text = QString::fromUtf8(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
    if (text.contains(QLatin1Char('\r')))
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

} // namespace

py::object Importer::findSpec(const std::string &fullname)
{
    const QString name = QString::fromStdString(fullname);
    Namespace *ns = namespaceOf(name);
    if (!ns)
        return py::none();
    rescanIfNew(name);
    // Paths copied before any Python runs: it may rescan, which replaces the map.
    const NamespaceMap::Directory *dir = ns->map.directory(name);
    const FileRegistry::File *file = dir && !dir->isPackage() ? nullptr : m_registry.file(name);
    if (!dir && !file)
        return py::none();
    const std::string path = (dir ? dir->path : file->path).toStdString();
    py::object ModuleSpec = py::module_::import("importlib.machinery").attr("ModuleSpec");
    if (dir && file) {
        // A regular package: its __init__.py, with the folder as its __path__
        // (a list, as Python's own packages have it).
        py::object spec = ModuleSpec(fullname, m_finder, py::arg("origin") = file->path.toStdString(),
                                     py::arg("is_package") = true);
        spec.attr("has_location") = true;
        py::list locations;
        locations.append(path);
        spec.attr("submodule_search_locations") = locations;
        return spec;
    }
    if (dir) {
        py::object spec = ModuleSpec(fullname, m_finder, py::arg("is_package") = true);
        spec.attr("submodule_search_locations") = py::make_tuple(path);
        return spec;
    }
    py::object spec = ModuleSpec(fullname, m_finder, py::arg("origin") = path);
    spec.attr("has_location") = true;
    return spec;
}

py::object Importer::createModule(py::object spec)
{
    const QString name = toQString(spec.attr("name"));
    Namespace *ns = namespaceOf(name);
    const NamespaceMap::Directory *dir = ns ? ns->map.directory(name) : nullptr;
    if (dir && !dir->isPackage())
        return m_facadeType(spec.attr("name"));
    return py::none();  // an ordinary module, or a package's __init__
}

void Importer::execModule(py::object module)
{
    const QString name = toQString(module.attr("__spec__").attr("name"));
    Namespace *ns = namespaceOf(name);
    if (!ns)
        throw py::import_error("relive: " + name.toStdString() + " is not in a registered namespace");
    const NamespaceMap::Directory *dir = ns->map.directory(name);
    if (dir && !dir->isPackage()) {
        // A directory namespace loads every file of its directory, so that all
        // their names are there.
        // A copy: the files' bodies may rescan, which replaces the map.
        const QStringList files = dir->files;
        py::object importModule = py::module_::import("importlib").attr("import_module");
        for (const QString &file : files)
            importModule((name + QLatin1Char('.') + QFileInfo(file).completeBaseName()).toStdString());
        rebuildExports(name);
        if (m_reloadDepth == 0)
            reportConflicts(nullptr);
        return;
    }
    const FileRegistry::File *found = m_registry.file(name);
    if (!found)
        throw py::import_error("relive: no file for " + name.toStdString());
    const QString filePath = found->path;
    const bool wasLoaded = found->loaded;
    const bool merged = found->merged;
    const QString directory = found->directory;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        throw py::import_error(QStringLiteral("relive: cannot read %1: %2").arg(filePath, file.errorString()).toStdString());
    const QByteArray bytes = file.readAll();
    const py::bytes data(bytes.constData(), bytes.size());
    // Compiled as importlib compiles a module, or taken from the code cache
    // when it holds this very source; no syntax tree is built.
    py::object code = codeCache().attr("compile_file")(filePath.toStdString(), data);
    py::dict globals = module.attr("__dict__");
    reloading::MadeFunctions::watchModule(globals);  // closures it makes are reached by later saves
    if (!globals.contains("__builtins__"))
        globals["__builtins__"] = PyEval_GetBuiltins();  // exec() would add it; PyEval_EvalCode does not
    PyObject *result = PyEval_EvalCode(code.ptr(), globals.ptr(), globals.ptr());
    if (!result)
        throw py::error_already_set();
    Py_DECREF(result);
    const QString source = sourceText(bytes, data);
    recordExports(name, source, hashOf(bytes), boundNames(bytes, filePath), module, py::object());
    // A first import only adds names (an earlier file keeps a name it has), so
    // the directory's names grow by this file's; loading a directory of
    // thousands of files stays linear.
    // A package's modules keep their names to themselves.
    if (merged && wasLoaded)
        rebuildExports(directory);
    else if (merged)
        m_registry.addExports(name);
    if (m_reloadDepth == 0)
        reportConflicts(nullptr);
}

void Importer::rescanIfNew(const QString &dottedName)
{
    Namespace *ns = namespaceOf(dottedName);
    if (!ns || m_rescanningForImport || ns->map.directory(dottedName) || m_registry.file(dottedName))
        return;
    QString relative = dottedName.mid(ns->name.size() + 1);
    relative.replace(QLatin1Char('.'), QLatin1Char('/'));
    const QString path = ns->root + QLatin1Char('/') + relative;
    if (!QFileInfo(path).isDir() && !QFileInfo(path + QStringLiteral(".py")).isFile())
        return;
    // Imported before the watcher's event arrived: without a scan now, a new
    // directory would become one of Python's implicit namespace packages (the
    // parent's __path__ finds it) and never see its files' names.
    m_rescanningForImport = true;
    const auto done = qScopeGuard([this] { m_rescanningForImport = false; });
    rescan(ns->root);
}
