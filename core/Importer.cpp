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

constexpr int MaxReports = 200;

} // namespace

QString Importer::toQString(py::handle h)
{
    return QString::fromStdString(py::str(h).cast<std::string>());
}

QString Importer::cleanPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QByteArray Importer::hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
}

py::object Importer::sysModules()
{
    return py::module_::import("sys").attr("modules");
}

namespace {
// Deliberately never destroyed: it holds Python objects, and the interpreter
// may already be gone when static destructors run. Made and read with the GIL.
Importer *theImporter = nullptr;
} // namespace

Importer &Importer::instance()
{
    if (!theImporter)
        theImporter = new Importer;
    return *theImporter;
}

Importer *Importer::existing()
{
    return theImporter;
}

Importer::Importer()
{
    py::module_ relive = py::module_::import("relive");
    m_finder = relive.attr("_Finder")();
    m_facadeType = makeFacadeType();
    InstanceTracker::install([](const QString &module) { return Importer::instance().namespaceOf(module) != nullptr; });
}

void Importer::setSinks(Sinks sinks)
{
    m_sinks = std::move(sinks);
}

bool Importer::addDirectory(const QString &path, const QString &name, bool force, QString *error)
{
    return addNamespace(path, name, force ? Shadowing::Allow : Shadowing::Refuse, error);
}

bool Importer::addNamespace(const QString &path, const QString &name, Shadowing shadowing, QString *error)
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!NamespaceMap::isIdentifier(name))
        return refuse(QStringLiteral("\"%1\" is not a valid namespace name (a Python identifier)").arg(name));
    const QFileInfo info(path);
    if (!info.isDir())
        return refuse(QStringLiteral("%1: not a directory").arg(path));
    const QString root = cleanPath(path);
    for (const Namespace &ns : m_namespaces) {
        if (ns.name == name)
            return refuse(QStringLiteral("the namespace \"%1\" is already registered (for %2)").arg(name, ns.root));
        if (ns.root == root)
            return refuse(QStringLiteral("%1 is already registered as \"%2\"").arg(root, ns.name));
    }
    QStringList setAside;
    if (shadowing != Shadowing::Allow) {
        py::object spec = py::none();
        try {
            spec = py::module_::import("importlib.util").attr("find_spec")(name.toStdString());
        } catch (py::error_already_set &) {
            // A module of that name that fails to import is still no module the namespace shadows.
        }
        const bool imported = sysModules().contains(name.toStdString());
        if (!spec.is_none() || imported) {
            QString origin;
            if (!spec.is_none() && !spec.attr("origin").is_none())
                origin = toQString(spec.attr("origin"));
            else if (!spec.is_none() && !spec.attr("submodule_search_locations").is_none())
                origin = toQString(py::str(", ").attr("join")(spec.attr("submodule_search_locations")));
            const QString where = origin.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(origin);
            const py::object stdlib = py::module_::import("sys").attr("stdlib_module_names");
            if (shadowing == Shadowing::Refuse)
                return refuse(QStringLiteral("the namespace \"%1\" would shadow the existing module %1%2; "
                                             "choose another name").arg(name, where));
            if (stdlib.contains(py::str(name.toStdString())))
                return refuse(QStringLiteral("%1: the package \"%2\" would shadow the standard-library module "
                                             "%2%3; it is not mapped (rename the package)").arg(root, name, where));
            // The project's own package wins over a copy installed on the
            // system, as it does for `python3 -m pytest` in the checkout: the
            // copy is set aside, and modules imported from it are forgotten.
            setAside << name;
            if (origin.isEmpty() || !cleanPath(origin).startsWith(root + QLatin1Char('/')))
                warn(QStringLiteral("%1: the installed copy of %2%3 is set aside; the project's own package is "
                                    "used").arg(root, name, where));
        }
    }
    py::dict modules = sysModules();
    for (const QString &prefix : setAside) {
        const std::string exact = prefix.toStdString();
        const std::string dotted = exact + '.';
        py::list keys;
        for (auto item : modules) {
            const std::string key = py::str(item.first).cast<std::string>();
            if (key == exact || key.rfind(dotted, 0) == 0)
                keys.append(item.first);
        }
        for (py::handle key : keys)
            modules.attr("pop")(key, py::none());
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
    return true;
}

QStringList Importer::addProject(const QString &folder, QString *error)
{
    const NamespaceMap::Project project = NamespaceMap::project(folder);
    for (const QString &w : project.warnings)
        warn(w);
    if (!project.isProject()) {
        if (error)
            *error = QStringLiteral("%1: no Python package (a folder with an __init__.py) in it or in its src folder")
                         .arg(project.root);
        return {};
    }
    QStringList added;
    QStringList refused;
    for (const NamespaceMap::Project::Package &package : project.packages) {
        QString why;
        if (addNamespace(package.path, package.name, Shadowing::SetAsideInstalled, &why))
            added << package.name;
        else
            refused << why;
    }
    if (added.isEmpty()) {
        if (error)
            *error = refused.join(QLatin1Char('\n'));
        return {};
    }
    for (const QString &why : refused)
        warn(why);
    // The project's root on sys.path, as `python3 -m pytest` run in it has
    // it: its tests, conftest.py and top-level modules import as there. It
    // goes before the installed packages but after the standard library,
    // which it never shadows. A package folder opened by itself is only its
    // own namespace.
    if (project.packages.size() != 1 || project.packages.first().path != project.root) {
        if (!m_projectRoots.contains(project.root))
            m_projectRoots << project.root;
        py::list path = py::module_::import("sys").attr("path");
        const py::str root(project.root.toStdString());
        if (!path.contains(root)) {
            size_t at = 0;
            const std::string prefix = toQString(py::module_::import("sys").attr("base_prefix")).toStdString();
            for (py::handle entry : path) {
                const std::string text = py::str(entry).cast<std::string>();
                if (text.find("-packages") != std::string::npos || text.rfind(prefix + "/lib/python", 0) != 0)
                    break;
                ++at;
            }
            path.insert(at, root);
        }
        py::module_::import("importlib").attr("invalidate_caches")();
    }
    return added;
}

QMap<QString, QString> Importer::namespaces() const
{
    QMap<QString, QString> result;
    for (const Namespace &ns : m_namespaces)
        result.insert(ns.name, ns.root);
    return result;
}

void Importer::restart()
{
    std::unique_lock<std::recursive_mutex> lock = lockReloads();
    QStringList folders = m_projectRoots;
    for (const Namespace &ns : m_namespaces)
        folders << ns.root;
    const auto inFolders = [&folders](const QString &file) {
        // An environment inside the project is the interpreter's, not the project's.
        if (file.contains(QLatin1String("/site-packages/")) || file.contains(QLatin1String("/dist-packages/")))
            return false;
        return std::any_of(folders.cbegin(), folders.cend(),
                           [&file](const QString &folder) { return file.startsWith(folder + QLatin1Char('/')); });
    };
    py::dict modules = sysModules();
    py::list dropped;
    for (auto item : modules) {
        if (!py::isinstance<py::str>(item.first))
            continue;
        bool drop = namespaceOf(toQString(item.first)) != nullptr;
        if (!drop) {
            const py::object file = py::getattr(item.second, "__file__", py::none());
            drop = py::isinstance<py::str>(file) && inFolders(cleanPath(toQString(file)));
        }
        if (drop)
            dropped.append(item.first);
    }
    for (py::handle name : dropped)
        modules.attr("pop")(name, py::none());

    m_registry = FileRegistry();
    m_removedClasses.clear();
    m_checked.clear();
    for (Namespace &ns : m_namespaces) {
        ns.map = NamespaceMap::scan(ns.root, ns.name);
        indexNamespace(ns);
    }
    py::module_::import("importlib").attr("invalidate_caches")();
    for (const Namespace &ns : m_namespaces)
        emitNamespaceChanged(ns.name);
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
        forgetAdoptedClasses(nsName, module);
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
    // Folders that gained or lost their __init__.py and are imported: their
    // module is made again, as the other kind, once the files are in place.
    QStringList changedKind;
    for (const auto &dir : after.directories()) {
        const NamespaceMap::Directory *was = before.directory(dir.dottedName);
        if (was && was->isPackage() != dir.isPackage()) {
            touched.insert(dir.dottedName);
            if (modules.contains(dir.dottedName.toStdString()))
                changedKind << dir.dottedName;
        }
    }

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
    for (const QString &name : changedKind)
        remakeDirectoryModule(name);
    QStringList added(newFiles.begin(), newFiles.end());
    added.sort();
    for (const QString &file : added) {
        if (oldFiles.contains(file))
            continue;
        const QString module = m_registry.moduleOf(file);
        if (module.isEmpty())
            continue;  // dropped again by a rescan that ran in between
        const FileRegistry::File *record = m_registry.file(module);
        if (!record || !record->merged)
            continue;  // a package's new module loads when imported, as in Python
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

void Importer::remakeDirectoryModule(const QString &dottedName)
{
    Namespace *ns = namespaceOf(dottedName);
    const NamespaceMap::Directory *dir = ns ? ns->map.directory(dottedName) : nullptr;
    if (!dir)
        return;
    const bool package = dir->isPackage();
    const QString path = dir->path;
    QStringList children;
    for (const QString &file : dir->files)
        children << QFileInfo(file).completeBaseName();
    py::object modules = sysModules();
    py::object old = modules.attr("pop")(dottedName.toStdString(), py::none());
    try {
        py::object fresh = py::module_::import("importlib").attr("import_module")(dottedName.toStdString());
        // Submodules loaded before stay what they are, bound on the new module
        // as the import system would have bound them.
        for (const QString &child : children) {
            py::object loaded = modules.attr("get")((dottedName + QLatin1Char('.') + child).toStdString());
            if (!loaded.is_none() && package)
                py::setattr(fresh, child.toStdString().c_str(), loaded);
        }
        warn(package ? QStringLiteral("%1 has an __init__.py now: %2 is a regular package").arg(path, dottedName)
                     : QStringLiteral("%1 has no __init__.py any more: %2 merges its files' names").arg(path, dottedName));
    } catch (py::error_already_set &e) {
        if (!old.is_none())
            modules[py::str(dottedName.toStdString())] = old;
        warn(QStringLiteral("%1: %2 could not be made again as a %3: %4")
                 .arg(path, dottedName, package ? QStringLiteral("package") : QStringLiteral("merged folder"),
                      QString::fromUtf8(e.what())));
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
