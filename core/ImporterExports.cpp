#include "Importer_p.h"

#include "Reloader_p.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

// What each file gives its directory's namespace (DESIGN.md, "Namespace
// mapping"): the rule for a file's exports, applied on import, on reload and
// to files not run yet (the editor's index), and the conflicts between files.

ExportScanner::Result Importer::boundNamesOfTree(py::handle tree)
{
    ExportScanner::Result result;
    result.ok = true;
    const py::module_ ast = py::module_::import("ast");
    const py::object classDef = ast.attr("ClassDef");
    const py::tuple functionDefs = py::make_tuple(ast.attr("FunctionDef"), ast.attr("AsyncFunctionDef"));
    for (py::handle stmt : tree.attr("body")) {
        const int line = stmt.attr("lineno").cast<int>();
        const ExportScanner::Kind kind = py::isinstance(stmt, classDef)       ? ExportScanner::Kind::Class
                                         : py::isinstance(stmt, functionDefs) ? ExportScanner::Kind::Function
                                                                              : ExportScanner::Kind::Value;
        const QStringList names = Reloader::boundNames(stmt, false);
        for (const QString &n : names)
            result.bound.append({n, line, kind});
        if (names.contains(QStringLiteral("__all__")) && py::hasattr(stmt, "value") && !stmt.attr("value").is_none()) {
            result.hasAll = true;
            result.allValue = QByteArray::fromStdString(ast.attr("unparse")(stmt.attr("value")).cast<std::string>());
        }
    }
    return result;
}

ExportScanner::Result Importer::boundNames(const QByteArray &bytes, const QString &path, bool fullTree)
{
    if (!fullTree) {
        ExportScanner::Result scanned = ExportScanner::scan(bytes);
        if (scanned.ok)
            return scanned;
    }
    return boundNamesOfTree(py::module_::import("ast").attr("parse")(py::bytes(bytes.constData(), bytes.size()),
                                                                    path.toStdString()));
}

// What a file exports: the names in its __all__ (`all`), else the public
// names it binds at top level; and the line that first binds each name.
static void exportsOf(const ExportScanner::Result &bound, const std::optional<QStringList> &all,
                      QStringList &exports, QHash<QString, int> &lines)
{
    QSet<QString> seen;
    for (const ExportScanner::Name &n : bound.bound) {
        if (!lines.contains(n.name))
            lines.insert(n.name, n.line);
        if (!n.name.startsWith(QLatin1Char('_')) && !seen.contains(n.name)) {
            seen.insert(n.name);
            exports << n.name;
        }
    }
    if (all)
        exports = *all;
}

void Importer::markApplied(const QString &moduleName, const QString &source, const QByteArray &hash,
                           py::object tree, py::handle module, py::object keptTree)
{
    recordExports(moduleName, source, hash, boundNamesOfTree(tree), module, std::move(keptTree));
}

std::optional<QStringList> Importer::allOf(const QString &moduleName, py::handle module)
{
    py::dict globals = module.attr("__dict__");
    if (!globals.contains("__all__"))
        return std::nullopt;
    try {
        // A copy: str() of an element is user code.
        const py::list names(globals["__all__"]);
        QStringList result;
        for (py::handle n : names)
            result << toQString(n);
        return result;
    } catch (py::error_already_set &e) {
        warn(QStringLiteral("%1: __all__ is not a list of names (%2); exporting the public names instead")
                 .arg(moduleName, QString::fromUtf8(e.what())));
        return std::nullopt;
    }
}

void Importer::recordExports(const QString &moduleName, const QString &source, const QByteArray &hash,
                             const ExportScanner::Result &bound, py::handle module, py::object keptTree)
{
    QStringList exports;
    QHash<QString, int> lines;
    exportsOf(bound, allOf(moduleName, module), exports, lines);
    m_registry.markApplied(moduleName, source, hash, std::move(keptTree), exports, lines);
}

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
    if (std::optional<QStringList> all = allOf(moduleName, module))
        exports = *all;
    m_registry.markApplied(moduleName, source, hash, py::object(), exports, lines);
}

Importer::StaticExports Importer::staticExportsOf(const QByteArray &bytes, const QString &path, bool fullTree)
{
    StaticExports result;
    // The same rule as on import, with __all__ read from the source since
    // the module has not run.
    const ExportScanner::Result bound = boundNames(bytes, path, fullTree);
    std::optional<QStringList> all;
    if (bound.hasAll) {
        const py::list names(py::module_::import("ast").attr("literal_eval")(
            py::str(bound.allValue.constData(), bound.allValue.size())));
        QStringList result;
        for (py::handle n : names)
            result << toQString(n);
        all = result;
    }
    exportsOf(bound, all, result.exports, result.lines);
    return result;
}

const Importer::StaticExports &Importer::staticExports(const QString &path)
{
    const QDateTime modified = QFileInfo(path).lastModified();
    auto found = m_staticExports.find(path);
    if (found != m_staticExports.end() && found->modified == modified)
        return *found;
    StaticExports result;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        try {
            result = staticExportsOf(file.readAll(), path);
        } catch (py::error_already_set &) {
            // A file whose __all__ is not a literal, or that needs its syntax
            // tree and does not parse, exports nothing until it is fixed; its
            // error is the reload's and the diagnostics' to report.
        }
    }
    result.modified = modified;
    return *m_staticExports.insert(path, result);
}

py::dict Importer::editorIndex()
{
    py::dict roots, dirs, modules, loaded;
    for (const Namespace &ns : m_namespaces) {
        roots[py::str(ns.name.toStdString())] = ns.root.toStdString();
        for (const NamespaceMap::Directory &dir : ns.map.directories()) {
            if (dir.isPackage()) {
                // A regular package is an ordinary module to the editor: its
                // __init__.py, and its submodules as modules of their own.
                QStringList paths = dir.files;
                paths.prepend(dir.initFile);
                for (const QString &path : paths) {
                    const QString module = m_registry.moduleOf(path);
                    const FileRegistry::File *found = module.isEmpty() ? nullptr : m_registry.file(module);
                    modules[py::str(module.toStdString())] = path.toStdString();
                    if (found && found->loaded)
                        loaded[py::str(path.toStdString())] = module.toStdString();
                }
                continue;
            }
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
    // A package's files keep their names to themselves.
    m_registry.rebuildExports(directory, dir && !dir->isPackage() ? dir->files : QStringList());
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
        for (const ExportScanner::Name &n : boundNames(bytes, conflict.ownerPath).bound) {
            // __all__ decides the exports: without evaluating it, assume the name stays.
            if (n.name == conflict.name || n.name == QLatin1String("__all__"))
                return true;
        }
    } catch (py::error_already_set &) {
        return true;  // not readable as Python: its reload reports that
    }
    return false;
}
