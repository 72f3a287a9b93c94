#include "Importer_p.h"

#include "InstanceTracker_p.h"
#include "Reloader_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>

namespace {

QString toQString(py::handle h)
{
    return QString::fromStdString(py::str(h).cast<std::string>());
}

QString cleanPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
}

py::object sysModules()
{
    return py::module_::import("sys").attr("modules");
}

constexpr int MaxReports = 200;

} // namespace

Importer &Importer::instance()
{
    // Deliberately never destroyed: it holds Python objects, and the
    // interpreter may already be gone when static destructors run.
    static Importer *importer = new Importer;
    return *importer;
}

Importer::Importer()
{
    py::module_ relive = py::module_::import("relive");
    m_finder = relive.attr("_Finder")();
    py::object moduleType = py::module_::import("types").attr("ModuleType");
    py::dict attrs;
    attrs["__module__"] = "relive";
    attrs["__doc__"] = "A directory of a relive namespace: a live view of the public names of its files.";
    m_facadeType = py::module_::import("builtins").attr("type")("NamespaceModule", py::make_tuple(moduleType), attrs);
    py::handle type = m_facadeType;
    py::setattr(type, "__getattr__", py::cpp_function([](py::handle self, const std::string &name) {
        return Importer::instance().facadeGetattr(self, name);
    }, py::name("__getattr__"), py::is_method(type)));
    py::setattr(type, "__setattr__", py::cpp_function([](py::handle self, py::handle name, py::handle value) {
        Importer::instance().facadeSetattr(self, name, value);
    }, py::name("__setattr__"), py::is_method(type)));
    py::setattr(type, "__delattr__", py::cpp_function([](py::handle self, py::handle name) {
        Importer::instance().facadeSetattr(self, name, py::handle());
    }, py::name("__delattr__"), py::is_method(type)));
    py::setattr(type, "__dir__", py::cpp_function([](py::handle self) {
        return Importer::instance().facadeDir(self);
    }, py::name("__dir__"), py::is_method(type)));
    InstanceTracker::install([](const QString &module) { return Importer::instance().namespaceOf(module) != nullptr; });
}

void Importer::setSinks(Sinks sinks)
{
    m_sinks = std::move(sinks);
}

QString Importer::addDirectory(const QString &path, const QString &name, bool force)
{
    if (!NamespaceMap::isIdentifier(name))
        return QStringLiteral("\"%1\" is not a valid namespace name (a Python identifier)").arg(name);
    const QFileInfo info(path);
    if (!info.isDir())
        return QStringLiteral("%1: not a directory").arg(path);
    const QString root = cleanPath(path);
    for (const Namespace &ns : m_namespaces) {
        if (ns.name == name)
            return QStringLiteral("the namespace \"%1\" is already registered (for %2)").arg(name, ns.root);
        if (ns.root == root)
            return QStringLiteral("%1 is already registered as \"%2\"").arg(root, ns.name);
    }
    if (!force) {
        py::object spec = py::none();
        try {
            spec = py::module_::import("importlib.util").attr("find_spec")(name.toStdString());
        } catch (py::error_already_set &) {
        }
        if (!spec.is_none() || sysModules().contains(name.toStdString())) {
            QString where;
            if (!spec.is_none() && !spec.attr("origin").is_none())
                where = QStringLiteral(" (%1)").arg(toQString(spec.attr("origin")));
            return QStringLiteral("the namespace \"%1\" would shadow the existing module %1%2; "
                                  "choose another name").arg(name, where);
        }
    }

    Namespace ns{name, root, NamespaceMap::scan(root, name)};
    for (const QString &w : ns.map.warnings())
        warn(w);
    py::list metaPath = py::module_::import("sys").attr("meta_path");
    if (!metaPath.contains(m_finder))
        metaPath.attr("insert")(0, m_finder);
    m_namespaces.push_back(ns);
    indexNamespace(m_namespaces.back());
    py::module_::import("importlib").attr("invalidate_caches")();
    if (m_sinks.directoryAdded)
        m_sinks.directoryAdded(name, root);
    return QString();
}

QMap<QString, QString> Importer::namespaces() const
{
    QMap<QString, QString> result;
    for (const Namespace &ns : m_namespaces)
        result.insert(ns.name, ns.root);
    return result;
}

void Importer::indexNamespace(Namespace &ns)
{
    m_registry.sync(ns.map);
}

Importer::Namespace *Importer::namespaceOf(const QString &dottedName)
{
    for (Namespace &ns : m_namespaces) {
        if (dottedName == ns.name || dottedName.startsWith(ns.name + QLatin1Char('.')))
            return &ns;
    }
    return nullptr;
}

Importer::Namespace *Importer::namespaceOfPath(const QString &path)
{
    const QString clean = cleanPath(path);
    for (Namespace &ns : m_namespaces) {
        if (clean == ns.root || clean.startsWith(ns.root + QLatin1Char('/')))
            return &ns;
    }
    return nullptr;
}

// ------------------------------------------------------------------ finder

py::object Importer::findSpec(const std::string &fullname)
{
    const QString name = QString::fromStdString(fullname);
    Namespace *ns = namespaceOf(name);
    if (!ns)
        return py::none();
    rescanIfNew(name);
    // Paths copied before any Python runs: it may rescan, which replaces the map.
    const NamespaceMap::Directory *dir = ns->map.directory(name);
    const FileRegistry::File *file = dir ? nullptr : m_registry.file(name);
    if (!dir && !file)
        return py::none();
    const std::string path = (dir ? dir->path : file->path).toStdString();
    py::object ModuleSpec = py::module_::import("importlib.machinery").attr("ModuleSpec");
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
    if (ns && ns->map.directory(name))
        return m_facadeType(spec.attr("name"));
    return py::none();  // an ordinary module
}

void Importer::execModule(py::object module)
{
    const QString name = toQString(module.attr("__spec__").attr("name"));
    Namespace *ns = namespaceOf(name);
    if (!ns)
        throw py::import_error("relive: " + name.toStdString() + " is not in a registered namespace");
    if (const NamespaceMap::Directory *dir = ns->map.directory(name)) {
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
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        throw py::import_error(QStringLiteral("relive: cannot read %1: %2").arg(filePath, file.errorString()).toStdString());
    const QByteArray bytes = file.readAll();
    py::object source = py::module_::import("importlib.util").attr("decode_source")(py::bytes(bytes.constData(), bytes.size()));
    const std::string path = filePath.toStdString();
    py::object tree = py::module_::import("ast").attr("parse")(source, path);
    py::object code = py::module_::import("builtins").attr("compile")(tree, path, "exec", py::arg("dont_inherit") = true);
    py::dict globals = module.attr("__dict__");
    if (!globals.contains("__builtins__"))
        globals["__builtins__"] = PyEval_GetBuiltins();  // exec() would add it; PyEval_EvalCode does not
    PyObject *result = PyEval_EvalCode(code.ptr(), globals.ptr(), globals.ptr());
    if (!result)
        throw py::error_already_set();
    Py_DECREF(result);
    markApplied(name, toQString(source), hashOf(bytes), tree, module, py::object());
    const QString directory = NamespaceMap::parentName(name);
    // A first import only adds names (an earlier file keeps a name it has), so
    // the directory's names grow by this file's; loading a directory of
    // thousands of files stays linear.
    if (wasLoaded)
        rebuildExports(directory);
    else
        m_registry.addExports(name);
    if (m_reloadDepth == 0)
        reportConflicts(nullptr);
}

// What a file exports: the names in its __all__, else the public names it
// binds at top level; and the line that first binds each name. Raises (with
// `exports` holding the public names) when __all__ is not a list of names.
static void exportsOf(py::handle tree, py::handle module, QStringList &exports, QHash<QString, int> &lines)
{
    QSet<QString> exported(exports.begin(), exports.end());
    for (py::handle stmt : tree.attr("body")) {
        const int line = stmt.attr("lineno").cast<int>();
        for (const QString &n : Reloader::boundNames(stmt, false)) {
            if (!lines.contains(n))
                lines.insert(n, line);
            if (!n.startsWith(QLatin1Char('_')) && !exported.contains(n)) {
                exported.insert(n);
                exports << n;
            }
        }
    }
    py::dict globals = module.attr("__dict__");
    if (!globals.contains("__all__"))
        return;
    // A copy: str() of an element is user code.
    const py::list names(globals["__all__"]);
    QStringList result;
    for (py::handle n : names)
        result << toQString(n);
    exports = result;
}

void Importer::markApplied(const QString &moduleName, const QString &source, const QByteArray &hash,
                           py::object tree, py::handle module, py::object keptTree)
{
    QStringList exports;
    QHash<QString, int> lines;
    try {
        exportsOf(tree, module, exports, lines);
    } catch (py::error_already_set &e) {
        warn(QStringLiteral("%1: __all__ is not a list of names (%2); exporting the public names instead")
                 .arg(moduleName, QString::fromUtf8(e.what())));
    }
    m_registry.markApplied(moduleName, source, hash, std::move(keptTree), exports, lines);
}

// After a reload that parsed only what changed: the names of the statements
// that did not run again are those the last version had, at their new lines.
void Importer::markReloaded(const QString &moduleName, const QString &source, const QByteArray &hash,
                            const FileRegistry::File &before, const Reloader::Context &context, py::handle module)
{
    // The usual save changes a few names' lines at most: the table is
    // copied (shared) and only what differs is written. A name whose first
    // binding did not run again and went is bound, if at all, by a statement
    // that ran (it bound a changed name, so it ran too).
    QHash<QString, int> lines = before.lines;
    for (auto it = before.lines.cbegin(); it != before.lines.cend(); ++it) {
        const int line = it.value();
        auto move = std::upper_bound(context.kept.begin(), context.kept.end(), line,
                                     [](int l, const Reloader::LineMove &m) { return l < m.first; });
        if (move != context.kept.begin() && (--move)->last >= line) {
            if (move->delta != 0)
                lines[it.key()] = line + move->delta;
        } else {
            lines.remove(it.key());
        }
    }
    for (const auto &[name, line] : context.ranNames) {
        auto known = lines.find(name);
        if (known == lines.end())
            lines.insert(name, line);
        else if (line < *known)
            *known = line;
    }
    bool changed = lines.size() != before.lines.size();
    for (auto it = lines.cbegin(); !changed && it != lines.cend(); ++it) {
        auto was = before.lines.constFind(it.key());
        changed = was == before.lines.cend() || *was != it.value();
    }
    QStringList exports = before.exports;
    if (changed) {
        QList<QPair<int, QString>> byLine;
        for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
            if (!it.key().startsWith(QLatin1Char('_')))
                byLine.append({it.value(), it.key()});
        }
        std::sort(byLine.begin(), byLine.end());
        exports.clear();
        for (const auto &entry : byLine)
            exports << entry.second;
    }
    py::dict globals = module.attr("__dict__");
    if (globals.contains("__all__")) {
        try {
            // A copy: str() of an element is user code.
            const py::list names(globals["__all__"]);
            QStringList all;
            for (py::handle n : names)
                all << toQString(n);
            exports = all;
        } catch (py::error_already_set &e) {
            warn(QStringLiteral("%1: __all__ is not a list of names (%2); exporting the public names instead")
                     .arg(moduleName, QString::fromUtf8(e.what())));
        }
    }
    m_registry.markApplied(moduleName, source, hash, py::object(), exports, lines);
}

const Importer::StaticExports &Importer::staticExports(const QString &path)
{
    const QDateTime modified = QFileInfo(path).lastModified();
    auto found = m_staticExports.find(path);
    if (found != m_staticExports.end() && found->modified == modified)
        return *found;
    StaticExports result;
    result.modified = modified;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        try {
            const QByteArray bytes = file.readAll();
            py::object ast = py::module_::import("ast");
            py::object tree = ast.attr("parse")(py::bytes(bytes.constData(), bytes.size()), path.toStdString());
            // The same rule as exportsOf() on import, with __all__ read from the
            // syntax tree since the module has not run.
            py::object all = py::none();
            for (py::handle stmt : tree.attr("body")) {
                if (Reloader::boundNames(stmt, false).contains(QStringLiteral("__all__"))
                    && py::hasattr(stmt, "value"))
                    all = stmt.attr("value");
            }
            py::dict globals;
            if (!all.is_none())
                globals["__all__"] = ast.attr("literal_eval")(all);
            py::object module = py::module_::import("types").attr("SimpleNamespace")(**globals);
            exportsOf(tree, module, result.exports, result.lines);
        } catch (py::error_already_set &) {
            // A file that does not parse exports nothing until it is fixed;
            // its error is the reload's and the diagnostics' to report.
        }
    }
    return *m_staticExports.insert(path, result);
}

py::dict Importer::editorIndex()
{
    py::dict roots, dirs, modules, loaded;
    for (const Namespace &ns : m_namespaces) {
        roots[py::str(ns.name.toStdString())] = ns.root.toStdString();
        for (const NamespaceMap::Directory &dir : ns.map.directories()) {
            py::list subs;
            for (const NamespaceMap::Directory &other : ns.map.directories()) {
                if (NamespaceMap::parentName(other.dottedName) == dir.dottedName)
                    subs.append(other.dottedName.toStdString());
            }
            py::dict files, names;
            for (const QString &path : dir.files) {
                const QString module = m_registry.moduleOf(path);
                const FileRegistry::File *found = module.isEmpty() ? nullptr : m_registry.file(module);
                const FileRegistry::File record = found ? *found : FileRegistry::File();
                files[py::str(module.toStdString())] = path.toStdString();
                modules[py::str(module.toStdString())] = path.toStdString();
                if (record.loaded)
                    loaded[py::str(path.toStdString())] = module.toStdString();
                const StaticExports fromDisk = record.loaded ? StaticExports() : staticExports(path);
                const QStringList &exports = record.loaded ? record.exports : fromDisk.exports;
                const QHash<QString, int> &lines = record.loaded ? record.lines : fromDisk.lines;
                for (const QString &n : exports) {
                    // The facade's owner wins a conflict; otherwise the first file.
                    const QString owner = m_registry.ownerOf(dir.dottedName, n);
                    if ((!owner.isEmpty() && owner != module) || (owner.isEmpty() && names.contains(n.toStdString())))
                        continue;
                    names[py::str(n.toStdString())] = py::make_tuple(module.toStdString(), path.toStdString(),
                                                                     lines.value(n));
                }
            }
            py::dict info;
            info["path"] = dir.path.toStdString();
            info["subs"] = subs;
            info["files"] = files;
            info["names"] = names;
            dirs[py::str(dir.dottedName.toStdString())] = info;
        }
    }
    py::dict index;
    index["roots"] = roots;
    index["dirs"] = dirs;
    index["modules"] = modules;
    index["loaded"] = loaded;
    return index;
}

void Importer::rebuildExports(const QString &directory)
{
    Namespace *ns = namespaceOf(directory);
    const NamespaceMap::Directory *dir = ns ? ns->map.directory(directory) : nullptr;
    m_registry.rebuildExports(directory, dir ? dir->files : QStringList());
}

void Importer::reportConflicts(ReloadReport *report, bool newFile)
{
    for (const FileRegistry::Conflict &c : m_registry.takeNewConflicts()) {
        if (!ownerStillDefines(c)) {
            m_registry.forgetConflict(c);
            continue;
        }
        if (!report || c.otherModule != report->module) {
            warn(c.message());
            continue;
        }
        report->warnings << c.message();
        if (!newFile)
            continue;  // the reloader's actions describe the module, where they are true
        // A new file's actions are the names it adds to the namespace, and
        // this one is not among them.
        report->actions.erase(std::remove_if(report->actions.begin(), report->actions.end(),
                                             [&](const ReloadAction &a) {
                                                 return a.object == c.name && a.action == QLatin1String("added");
                                             }),
                              report->actions.end());
    }
}

bool Importer::ownerStillDefines(const FileRegistry::Conflict &conflict)
{
    // A class moved between files and saved paste first: the file it was cut
    // from is already saved without it, only its reload is still to come.
    // That is one step of a move, not two files defining one name.
    QFile file(conflict.ownerPath);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const QByteArray bytes = file.readAll();
    const FileRegistry::File *owner = m_registry.file(m_registry.moduleOf(conflict.ownerPath));
    if (!owner || owner->hash == hashOf(bytes))
        return true;
    try {
        py::object tree = py::module_::import("ast").attr("parse")(py::bytes(bytes.toStdString()));
        for (py::handle stmt : tree.attr("body")) {
            const QStringList names = Reloader::boundNames(stmt, false);
            // __all__ decides the exports: without evaluating it, assume the name stays.
            if (names.contains(conflict.name) || names.contains(QStringLiteral("__all__")))
                return true;
        }
    } catch (py::error_already_set &) {
        return true;  // not readable as Python: its reload reports that
    }
    return false;
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

QString Importer::facadeName(py::handle facade)
{
    py::dict d = facade.attr("__dict__");
    return d.contains("__name__") ? toQString(d["__name__"]) : QString();
}

py::object Importer::ownerModule(const QString &directory, const QString &name)
{
    const QString owner = m_registry.ownerOf(directory, name);
    if (owner.isEmpty())
        return py::none();
    return sysModules().attr("get")(owner.toStdString());
}

// ------------------------------------------------------------------ facade

py::object Importer::facadeGetattr(py::handle facade, const std::string &name)
{
    const QString directory = facadeName(facade);
    const QString key = QString::fromStdString(name);
    if (key == QLatin1String("__all__")) {
        py::list all;
        for (const QString &n : m_registry.names(directory))
            all.append(n.toStdString());
        return std::move(all);
    }
    py::object owner = ownerModule(directory, key);
    if (!owner.is_none())
        return owner.attr(name.c_str());
    if (!key.startsWith(QLatin1String("__"))) {
        Namespace *ns = namespaceOf(directory);
        const QString sub = directory + QLatin1Char('.') + key;
        if (ns && ns->map.directory(sub))
            return py::module_::import("importlib").attr("import_module")(sub.toStdString());
    }
    throw py::attribute_error("namespace '" + directory.toStdString() + "' has no name '" + name + "'");
}

void Importer::facadeSetattr(py::handle facade, py::handle name, py::handle value)
{
    const QString directory = facadeName(facade);
    const QString key = toQString(name);
    // The import system binds every module it loads on its parent package
    // (setattr(parent, child, module) in importlib._bootstrap). A file or
    // subdirectory is not a name of its directory's namespace: that binding is
    // dropped, so it never hides an export of the same name (main.py defining
    // main()) nor, forwarded below, overwrites it in the defining file. The
    // module stays in sys.modules, and a subdirectory is found by __getattr__.
    if (value && PyModule_Check(value.ptr())) {
        const py::object spec = py::getattr(value, "__spec__", py::none());
        const py::object specName = spec.is_none() ? py::object(py::none()) : py::getattr(spec, "name", py::none());
        if (!specName.is_none() && toQString(specName) == directory + QLatin1Char('.') + key
            && py::getattr(spec, "loader", py::none()).is(m_finder))
            return;
    }
    // The live view: assigning (or deleting) through the namespace does it in
    // the file that defines the name.
    py::object owner = ownerModule(directory, key);
    if (!owner.is_none()) {
        if (value)
            py::setattr(owner, name, value);
        else
            py::delattr(owner, name);
        return;
    }
    if (PyObject_GenericSetAttr(facade.ptr(), name.ptr(), value.ptr()) != 0)
        throw py::error_already_set();
}

py::list Importer::facadeDir(py::handle facade)
{
    py::dict d = facade.attr("__dict__");
    const QString directory = facadeName(facade);
    QSet<QString> names;
    for (auto item : d)
        names.insert(toQString(item.first));
    for (const QString &n : m_registry.names(directory))
        names.insert(n);
    if (Namespace *ns = namespaceOf(directory)) {
        for (const NamespaceMap::Directory &dir : ns->map.directories()) {
            if (NamespaceMap::parentName(dir.dottedName) == directory)
                names.insert(dir.dottedName.section(QLatin1Char('.'), -1));
        }
    }
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    py::list result;
    for (const QString &n : sorted)
        result.append(n.toStdString());
    return result;
}

// ------------------------------------------------------------------ reload

std::unique_lock<std::recursive_mutex> Importer::lockReloads()
{
    std::unique_lock<std::recursive_mutex> lock(m_reloadMutex, std::defer_lock);
    // Another thread may hold the lock and need the GIL to finish.
    py::gil_scoped_release release;
    lock.lock();
    return lock;
}

std::optional<ReloadReport> Importer::reloadFile(const QString &filePath, bool force)
{
    std::unique_lock<std::recursive_mutex> lock = lockReloads();
    ++m_reloadDepth;
    auto depth = qScopeGuard([this] { --m_reloadDepth; });
    QElapsedTimer timer;
    timer.start();
    const QString path = cleanPath(filePath);
    if (!namespaceOfPath(path))
        return std::nullopt;
    QFile file(path);
    QString moduleName = m_registry.moduleOf(path);
    if (!file.exists() || moduleName.isEmpty()) {
        rescan(path);
        // A new file whose namespace is not imported yet is checked below.
        moduleName = m_registry.moduleOf(path);
        const FileRegistry::File *record = moduleName.isEmpty() ? nullptr : m_registry.file(moduleName);
        if (!file.exists() || !record || record->loaded)
            return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;  // gone or unreadable since: the watcher's next event says which
    const QByteArray bytes = file.readAll();
    const QByteArray hash = hashOf(bytes);
    // A copy: the reload runs Python code, which may change the registry.
    const FileRegistry::File *record = m_registry.file(moduleName);
    if (!record)
        return std::nullopt;  // dropped by a rescan meanwhile
    const FileRegistry::File current = *record;
    py::object module = sysModules().attr("get")(moduleName.toStdString());
    if (!current.loaded || module.is_none())
        return checkFile(path, moduleName, bytes, force, timer);
    // Saving the applied version again after a rejected one is reported, so
    // the editor clears the error it marked.
    if (!force && hash == current.hash && !current.lastFailed)
        return std::nullopt;

    ReloadReport report;
    report.file = path;
    report.module = moduleName;
    report.time = QDateTime::currentDateTime();

    QString source;
    const int nul = bytes.indexOf('\0');
    if (nul >= 0) {
        report.error = QStringLiteral("SyntaxError: the file contains a NUL byte");
        report.errorLine = bytes.left(nul).count('\n') + 1;
        report.errorColumn = nul - bytes.lastIndexOf('\n', nul);
    } else {
        try {
            source = toQString(py::module_::import("importlib.util").attr("decode_source")(
                py::bytes(bytes.constData(), bytes.size())));
        } catch (py::error_already_set &e) {
            Reloader::describeError(e, path, report);
            if (e.matches(PyExc_UnicodeDecodeError)) {
                const int start = e.value().attr("start").cast<int>();
                report.errorLine = bytes.left(start).count('\n') + 1;
                report.errorColumn = start - bytes.lastIndexOf('\n', start);
                report.error = QStringLiteral("the file is not valid UTF-8 (%1)").arg(report.error);
            }
        }
    }
    const QString nsName = namespaceOfPath(path)->name;
    Reloader::Context context;
    context.adopt = [&](const QString &name) { return adoptableClass(nsName, name); };
    context.adoptElsewhere = [&](const QString &name, py::handle cls, py::handle node) {
        return adoptInOtherFile(nsName, moduleName, name, cls, node, report);
    };
    if (report.error.isEmpty())
        Reloader::reload(py::reinterpret_borrow<py::module_>(module), path, QString(current.source), source, report, &context);
    m_registry.markFailed(moduleName, !report.ok());
    if (report.ok()) {
        QHash<QString, RemovedClass> &removed = m_removedClasses[nsName];
        for (auto it = removed.begin(); it != removed.end();) {
            py::object cls = it->ref();
            if (cls.is_none() || module.attr("__dict__").attr("get")(it.key().toStdString()).is(cls))
                it = removed.erase(it);
            else
                ++it;
        }
        for (const auto &[name, cls, node] : context.removedClasses) {
            if (!adoptInOtherFile(nsName, moduleName, name, cls, node, report))
                rememberRemovedClass(nsName, moduleName, name, cls, node);
        }
        try {
            if (context.newTree)
                markApplied(moduleName, source, hash, context.newTree, module, py::object());
            else
                markReloaded(moduleName, source, hash, current, context, module);
        } catch (py::error_already_set &e) {
            // The source compiled for the reload, so this does not happen; if
            // it did, the names stay those of the version before.
            report.warnings << QStringLiteral("the names of the new version could not be read: %1")
                                   .arg(QString::fromUtf8(e.what()));
        }
        rebuildExports(current.directory);
        reportConflicts(&report);
        py::module_::import("linecache").attr("checkcache")(path.toStdString());
        const FileRegistry::File *applied = m_registry.file(moduleName);
        if (!applied || applied->exports != current.exports)
            emitNamespaceChanged(current.directory);
    }
    report.ms = timer.nsecsElapsed() / 1e6;
    lock.unlock();
    publish(report);
    return report;
}

std::optional<ReloadReport> Importer::checkFile(const QString &path, const QString &moduleName,
                                                const QByteArray &bytes, bool force, const QElapsedTimer &timer)
{
    // Nothing has imported the file yet, so there is nothing to apply; still,
    // a save deserves an answer. Compiling finds syntax and encoding errors
    // without running any of the file's code.
    const QByteArray hash = hashOf(bytes);
    const auto last = m_checked.constFind(path);
    if (!force && last != m_checked.constEnd() && last->first == hash && last->second)
        return std::nullopt;
    ReloadReport report;
    report.kind = ReloadReport::Kind::Check;
    report.file = path;
    report.module = moduleName;
    report.time = QDateTime::currentDateTime();
    try {
        py::module_::import("builtins").attr("compile")(py::bytes(bytes.constData(), bytes.size()),
                                                        path.toStdString(), "exec", py::arg("dont_inherit") = true);
    } catch (py::error_already_set &e) {
        Reloader::describeError(e, path, report);
        if (report.errorLine == 0 && bytes.contains('\0'))
            report.errorLine = bytes.left(bytes.indexOf('\0')).count('\n') + 1;
    }
    m_checked.insert(path, {hash, report.ok()});
    report.ms = timer.nsecsElapsed() / 1e6;
    publish(report);
    return report;
}

QList<ReloadReport> Importer::rescan(const QString &path)
{
    // Recursive: a reload finding its file gone rescans, and an on_reload
    // callback may reload.
    std::unique_lock<std::recursive_mutex> lock = lockReloads();
    ++m_reloadDepth;
    auto depth = qScopeGuard([this] { --m_reloadDepth; });
    QList<ReloadReport> reports;
    Namespace *ns = namespaceOfPath(path);
    if (!ns)
        return reports;
    // Copies, and the namespace's name rather than `ns`: the Python code run
    // below (imports, on_reload callbacks) may rescan again.
    const QString nsName = ns->name;
    const NamespaceMap before = ns->map;
    ns->map = NamespaceMap::scan(ns->root, ns->name);
    const NamespaceMap after = ns->map;
    const QList<FileRegistry::File> dropped = m_registry.sync(after);
    QSet<QString> oldFiles;
    QSet<QString> newFiles;
    for (const auto &dir : before.directories())
        oldFiles.unite(QSet<QString>(dir.files.begin(), dir.files.end()));
    for (const auto &dir : after.directories())
        newFiles.unite(QSet<QString>(dir.files.begin(), dir.files.end()));
    py::object modules = sysModules();
    QSet<QString> touched;

    for (const FileRegistry::File &record : dropped) {
        const QString &module = record.module;
        touched.insert(record.directory);
        ReloadReport report;
        report.file = record.path;
        report.module = module;
        report.time = QDateTime::currentDateTime();
        for (const QString &n : record.exports)
            report.actions.append({n, QStringLiteral("removed")});
        if (modules.contains(module.toStdString())) {
            py::object gone = modules.attr("pop")(module.toStdString());
            try {
                py::object tree = py::module_::import("ast").attr("parse")(record.source.toStdString());
                for (py::handle stmt : tree.attr("body")) {
                    if (py::type::of(stmt).attr("__name__").cast<std::string>() != "ClassDef")
                        continue;
                    const QString name = toQString(stmt.attr("name"));
                    py::object cls = gone.attr("__dict__").attr("get")(name.toStdString());
                    if (PyType_Check(cls.ptr()) && toQString(cls.attr("__module__")) == module
                        && !adoptInOtherFile(nsName, module, name, cls, stmt, report))
                        rememberRemovedClass(nsName, module, name, cls, stmt);
                }
            } catch (py::error_already_set &) {
                // Its classes are not kept for adoption; the file is gone all the same.
            }
        }
        if (record.loaded) {
            reports.append(report);
            publish(report);
        }
    }
    for (const auto &dir : before.directories()) {
        if (!after.directory(dir.dottedName)) {
            m_registry.forgetDirectory(dir.dottedName);
            touched.insert(NamespaceMap::parentName(dir.dottedName));
            if (modules.contains(dir.dottedName.toStdString()))
                modules.attr("pop")(dir.dottedName.toStdString());
        }
    }
    QStringList added(newFiles.begin(), newFiles.end());
    added.sort();
    for (const QString &file : added) {
        if (oldFiles.contains(file))
            continue;
        const QString module = m_registry.moduleOf(file);
        if (module.isEmpty())
            continue;  // dropped again by a rescan that ran in between
        const QString directory = NamespaceMap::parentName(module);
        touched.insert(directory);
        if (!modules.contains(directory.toStdString()))
            continue;  // its namespace is not imported yet: it will load then
        ReloadReport report;
        report.file = file;
        report.module = module;
        report.time = QDateTime::currentDateTime();
        QElapsedTimer timer;
        timer.start();
        if (loadAdoptingClasses(file, module, report)) {
            rebuildExports(directory);
            reportConflicts(&report, true);
            report.ms = timer.nsecsElapsed() / 1e6;
            reports.append(report);
            publish(report);
            continue;
        }
        try {
            py::module_::import("importlib").attr("import_module")(module.toStdString());
            rebuildExports(directory);
            if (const FileRegistry::File *loaded = m_registry.file(module)) {
                for (const QString &n : loaded->exports) {
                    if (m_registry.ownerOf(directory, n) == module)
                        report.actions.append({n, QStringLiteral("added")});
                }
            }
        } catch (py::error_already_set &e) {
            Reloader::describeError(e, file, report);
            modules.attr("pop")(module.toStdString(), py::none());
        }
        reportConflicts(&report, true);
        report.ms = timer.nsecsElapsed() / 1e6;
        reports.append(report);
        publish(report);
    }
    for (const QString &directory : touched)
        rebuildExports(directory);
    reportConflicts(nullptr);
    emitNamespaceChanged(nsName);
    return reports;
}

bool Importer::loadAdoptingClasses(const QString &file, const QString &module, ReloadReport &report)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    const Namespace *ns = namespaceOfPath(file);
    QString source;
    try {
        source = toQString(py::module_::import("importlib.util").attr("decode_source")(
            py::bytes(bytes.constData(), bytes.size())));
        py::object tree = py::module_::import("ast").attr("parse")(source.toStdString(), file.toStdString());
        bool adopts = false;
        for (py::handle stmt : tree.attr("body")) {
            if (py::type::of(stmt).attr("__name__").cast<std::string>() == "ClassDef"
                && adoptableClass(ns->name, toQString(stmt.attr("name"))))
                adopts = true;
        }
        if (!adopts)
            return false;
    } catch (py::error_already_set &) {
        return false;  // the import reports it
    }
    // A class cut from another file and pasted into this new one: the file
    // starts as an empty module and its whole source is applied as a reload,
    // which adopts the class object instead of creating another.
    py::object spec = findSpec(module.toStdString());
    py::object fileModule = py::module_::import("importlib.util").attr("module_from_spec")(spec);
    fileModule.attr("__dict__")["__builtins__"] = py::handle(PyEval_GetBuiltins());
    sysModules()[py::str(module.toStdString())] = fileModule;
    Reloader::Context context;
    context.adopt = [&](const QString &name) { return adoptableClass(ns->name, name); };
    Reloader::reload(py::reinterpret_borrow<py::module_>(fileModule), file, QString(), source, report, &context);
    if (!report.ok()) {
        sysModules().attr("pop")(module.toStdString(), py::none());
        return true;
    }
    markApplied(module, source, hashOf(bytes), context.newTree, fileModule, context.newTree);
    QHash<QString, RemovedClass> &removed = m_removedClasses[ns->name];
    for (auto it = removed.begin(); it != removed.end();) {
        py::object cls = it->ref();
        if (cls.is_none() || fileModule.attr("__dict__").attr("get")(it.key().toStdString()).is(cls))
            it = removed.erase(it);
        else
            ++it;
    }
    return true;
}

std::optional<Reloader::Adoption> Importer::adoptableClass(const QString &nsName, const QString &name)
{
    const QHash<QString, RemovedClass> classes = m_removedClasses.value(nsName);
    auto removed = classes.constFind(name);
    if (removed != classes.constEnd()) {
        py::object cls = removed->ref();
        if (!cls.is_none())
            return Reloader::Adoption{cls, removed->node, removed->from};
    }
    return std::nullopt;
}

bool Importer::adoptInOtherFile(const QString &nsName, const QString &fromModule, const QString &name,
                                py::handle cls, py::handle oldNode, ReloadReport &report)
{
    // Pasted before it was cut: another file of the namespace defines a class
    // of that name, a distinct class until now (two files defining one name
    // conflict, and the first keeps it). Cut, the class that has the existing
    // instances takes that file's definition and the file binds it.
    // Module names first: the loop runs Python code, which may change the registry.
    for (const QString &other : m_registry.modulesOf(nsName)) {
        const FileRegistry::File *record = m_registry.file(other);
        if (other == fromModule || !record || !record->loaded)
            continue;
        const FileRegistry::File it = *record;
        py::object module = sysModules().attr("get")(other.toStdString());
        if (module.is_none())
            continue;
        py::object newCls = module.attr("__dict__").attr("get")(name.toStdString());
        if (!PyType_Check(newCls.ptr()) || newCls.is(cls) || toQString(newCls.attr("__module__")) != other
            || toQString(newCls.attr("__qualname__")) != name)
            continue;
        py::object node;
        try {
            py::object tree = py::module_::import("ast").attr("parse")(it.source.toStdString());
            for (py::handle stmt : tree.attr("body")) {
                if (py::type::of(stmt).attr("__name__").cast<std::string>() == "ClassDef"
                    && toQString(stmt.attr("name")) == name)
                    node = py::reinterpret_borrow<py::object>(stmt);
            }
        } catch (py::error_already_set &) {
            // The other file's source has no such class: nothing to adopt there.
        }
        if (!node)
            continue;
        const QString path = it.path;
        const QString directory = it.directory;
        if (Reloader::adoptClass(py::reinterpret_borrow<py::module_>(module), path, name, cls, oldNode, newCls, node,
                                 report)) {
            rebuildExports(directory);
            return true;
        }
        return false;
    }
    return false;
}

void Importer::rememberRemovedClass(const QString &nsName, const QString &moduleName, const QString &name,
                                    py::handle cls, py::handle node)
{
    try {
        py::object ref = py::module_::import("weakref").attr("ref")(cls);
        m_removedClasses[nsName].insert(name, RemovedClass{ref, py::reinterpret_borrow<py::object>(node), moduleName});
    } catch (py::error_already_set &) {
    }
}

void Importer::publish(ReloadReport report)
{
    m_reports.push_back(report);
    while (m_reports.size() > MaxReports)
        m_reports.pop_front();
    if (m_sinks.reloaded)
        m_sinks.reloaded(report);
    if (py::len(m_callbacks) == 0)
        return;
    py::dict d = toDict(report);
    for (py::handle callback : py::list(m_callbacks)) {
        try {
            callback(d);
        } catch (py::error_already_set &e) {
            py::module_::import("traceback").attr("print_exception")(e.value());
        }
    }
}

void Importer::warn(const QString &message)
{
    if (m_sinks.warning)
        m_sinks.warning(message);
    else
        PySys_FormatStderr("relive: %U\n", py::str(message.toStdString()).ptr());
}

void Importer::emitNamespaceChanged(const QString &dottedName)
{
    if (!m_sinks.namespaceChanged)
        return;
    const Namespace *ns = namespaceOf(dottedName);
    m_sinks.namespaceChanged(ns ? ns->name : dottedName);
}

QList<ReloadReport> Importer::lastReports() const
{
    return QList<ReloadReport>(m_reports.begin(), m_reports.end());
}

void Importer::addReloadCallback(py::object callback)
{
    m_callbacks.append(callback);
}

py::dict Importer::toDict(const ReloadReport &report)
{
    py::dict d;
    d["kind"] = report.kind == ReloadReport::Kind::Check ? "check" : "reload";
    d["file"] = report.file.toStdString();
    d["module"] = report.module.toStdString();
    d["ms"] = report.ms;
    py::list actions;
    for (const ReloadAction &a : report.actions)
        actions.append(py::make_tuple(a.object.toStdString(), a.action.toStdString()));
    d["actions"] = actions;
    py::list warnings;
    for (const QString &w : report.warnings)
        warnings.append(w.toStdString());
    d["warnings"] = warnings;
    d["error"] = report.ok() ? py::object(py::none()) : py::object(py::str(report.error.toStdString()));
    d["traceback"] = report.traceback.toStdString();
    d["line"] = report.errorLine;
    return d;
}

// ------------------------------------------------------------------ snapshot

NamespaceNode Importer::directoryNode(const Namespace &ns, const NamespaceMap::Directory &dir)
{
    NamespaceNode node;
    node.name = dir.dottedName.section(QLatin1Char('.'), -1);
    node.qualifiedName = dir.dottedName;
    node.kind = NamespaceNode::Kind::Namespace;
    node.file = dir.path;
    for (const NamespaceMap::Directory &sub : ns.map.directories()) {
        if (NamespaceMap::parentName(sub.dottedName) == dir.dottedName)
            node.children.append(directoryNode(ns, sub));
    }
    py::object modules = sysModules();
    py::object property = py::module_::import("builtins").attr("property");
    QSet<QString> seen;
    for (const QString &path : dir.files) {
        const QString moduleName = m_registry.moduleOf(path);
        const FileRegistry::File *record = m_registry.file(moduleName);
        // A copy: reading values below runs user code (properties, __repr__).
        const FileRegistry::File file = record ? *record : FileRegistry::File();
        py::object module = modules.attr("get")(moduleName.toStdString());
        QStringList names = file.exports;
        QHash<QString, int> lines = file.lines;
        QHash<QString, NamespaceNode::Kind> staticKinds;
        if (!file.loaded || module.is_none()) {
            // Not imported yet: read the names from the source, without running it.
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            try {
                py::object tree = py::module_::import("ast").attr("parse")(py::bytes(f.readAll().toStdString()));
                for (py::handle stmt : tree.attr("body")) {
                    const std::string kind = py::type::of(stmt).attr("__name__").cast<std::string>();
                    for (const QString &n : Reloader::boundNames(stmt, false)) {
                        if (n.startsWith(QLatin1Char('_')) || names.contains(n))
                            continue;
                        names << n;
                        lines.insert(n, stmt.attr("lineno").cast<int>());
                        staticKinds.insert(n, kind == "ClassDef" ? NamespaceNode::Kind::Class
                                              : (kind == "FunctionDef" || kind == "AsyncFunctionDef")
                                                  ? NamespaceNode::Kind::Function
                                                  : NamespaceNode::Kind::Value);
                    }
                }
            } catch (py::error_already_set &) {
                continue;
            }
        }
        for (const QString &n : names) {
            if (seen.contains(n))
                continue;
            seen.insert(n);
            NamespaceNode child;
            child.name = n;
            child.qualifiedName = dir.dottedName + QLatin1Char('.') + n;
            child.file = path;
            child.line = lines.value(n);
            child.kind = staticKinds.value(n, NamespaceNode::Kind::Value);
            try {
                describeValue(module, child, property);
            } catch (py::error_already_set &e) {
                // One value that cannot be described (a __repr__ that raises)
                // must not cost the whole view its update.
                child.summary = QStringLiteral("<%1>").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
            }
            node.children.append(child);
        }
    }
    return node;
}

void Importer::describeValue(py::handle module, NamespaceNode &child, py::handle property)
{
    const std::string name = child.name.toStdString();
    if (module.is_none() || !py::hasattr(module, name.c_str()))
        return;
    py::object value = module.attr(name.c_str());
    if (PyType_Check(value.ptr())) {
        child.kind = NamespaceNode::Kind::Class;
        const long long count = InstanceTracker::countOf(value);
        child.instances = count < 0 ? int(NamespaceNode::Uncounted) : int(count);
        // A copy of the class dict: the checks below may run user code.
        for (auto item : py::reinterpret_borrow<py::dict>(value.attr("__dict__").attr("copy")())) {
            py::handle v = item.second;
            py::object fn;
            if (PyFunction_Check(v.ptr()))
                fn = py::reinterpret_borrow<py::object>(v);
            else if (py::isinstance(v, property) && PyFunction_Check(v.attr("fget").ptr()))
                fn = v.attr("fget");
            else if (py::hasattr(v, "__func__") && PyFunction_Check(v.attr("__func__").ptr()))
                fn = v.attr("__func__");
            if (!fn && !PyType_Check(v.ptr()))
                continue;
            NamespaceNode member;
            member.name = toQString(item.first);
            member.qualifiedName = child.qualifiedName + QLatin1Char('.') + member.name;
            member.kind = fn ? NamespaceNode::Kind::Function : NamespaceNode::Kind::Class;
            member.file = child.file;
            if (fn)
                member.line = fn.attr("__code__").attr("co_firstlineno").cast<int>();
            child.children.append(member);
        }
    } else if (PyFunction_Check(value.ptr())) {
        child.kind = NamespaceNode::Kind::Function;
        child.line = value.attr("__code__").attr("co_firstlineno").cast<int>();
        try {
            child.summary = child.name + toQString(py::module_::import("inspect").attr("signature")(value));
        } catch (py::error_already_set &) {
            // No signature (a decorated or odd callable): the name alone is shown.
        }
    } else {
        child.kind = NamespaceNode::Kind::Value;
        std::string text = py::repr(value).cast<std::string>();
        if (text.size() > 80)
            text = text.substr(0, 77) + "...";
        child.summary = QString::fromStdString(text);
    }
}

QList<NamespaceNode> Importer::snapshot()
{
    QList<NamespaceNode> roots;
    // A copy: describing values runs user code, which may register or rescan.
    const std::deque<Namespace> namespaces = m_namespaces;
    for (const Namespace &ns : namespaces) {
        if (const NamespaceMap::Directory *root = ns.map.directory(ns.name))
            roots.append(directoryNode(ns, *root));
    }
    return roots;
}

int Importer::instanceCount(const QString &qualifiedName)
{
    py::object target;
    try {
        const QStringList parts = qualifiedName.split(QLatin1Char('.'));
        target = py::module_::import("importlib").attr("import_module")(parts.first().toStdString());
        for (int i = 1; i < parts.size(); ++i)
            target = target.attr(parts.at(i).toStdString().c_str());
    } catch (py::error_already_set &) {
        return -1;
    }
    return int(InstanceTracker::countOf(target));
}

QHash<QString, int> Importer::instanceCounts()
{
    QHash<QString, int> counts;
    py::object modules = sysModules();
    for (const Namespace &ns : m_namespaces) {
        for (const QString &moduleName : m_registry.modulesOf(ns.name)) {
            // A copy: reading the module's values below may run Python code.
            const FileRegistry::File *record = m_registry.file(moduleName);
            if (!record || !record->loaded)
                continue;
            const QString directory = record->directory;
            const QStringList exports = record->exports;
            py::object module = modules.attr("get")(moduleName.toStdString());
            if (module.is_none())
                continue;
            py::dict globals = module.attr("__dict__");
            for (const QString &name : exports) {
                py::object value = globals.attr("get")(name.toStdString());
                if (PyType_Check(value.ptr())) {
                    const long long count = InstanceTracker::countOf(value);
                    counts.insert(directory + QLatin1Char('.') + name,
                                  count < 0 ? int(NamespaceNode::Uncounted) : int(count));
                }
            }
        }
    }
    return counts;
}
