#include "Importer_p.h"

#include "InstanceTracker_p.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

// The namespace snapshot for the namespace view: value structs describing
// every directory, file name, class and member, and the classes' live
// instance counts (from InstanceTracker, never a walk of the heap).

NamespaceNode Importer::directoryNode(const Namespace &ns, const NamespaceMap::Directory &dir)
{
    NamespaceNode node;
    node.name = dir.dottedName.section(QLatin1Char('.'), -1);
    node.qualifiedName = dir.dottedName;
    node.kind = NamespaceNode::Kind::Namespace;
    node.package = dir.isPackage();
    node.file = dir.path;
    for (const NamespaceMap::Directory &sub : ns.map.directories()) {
        if (NamespaceMap::parentName(sub.dottedName) == dir.dottedName)
            node.children.append(directoryNode(ns, sub));
    }
    if (!dir.isPackage()) {
        // A merged folder shows its files' names, the first file's where two have one.
        QSet<QString> seen;
        for (const QString &path : dir.files)
            node.children.append(fileNames(path, dir.dottedName, seen));
        return node;
    }
    // A package shows what Python puts in it: its submodules (each with its
    // own names) and the names of its __init__.
    for (const QString &path : dir.files) {
        NamespaceNode module;
        module.name = QFileInfo(path).completeBaseName();
        module.qualifiedName = dir.dottedName + QLatin1Char('.') + module.name;
        module.kind = NamespaceNode::Kind::Module;
        module.file = path;
        QSet<QString> seen;
        module.children = fileNames(path, module.qualifiedName, seen);
        node.children.append(module);
    }
    QSet<QString> seen;
    node.children.append(fileNames(dir.initFile, dir.dottedName, seen));
    return node;
}

QList<NamespaceNode> Importer::fileNames(const QString &path, const QString &qualifier, QSet<QString> &seen)
{
    QList<NamespaceNode> result;
    const QString moduleName = m_registry.moduleOf(path);
    const FileRegistry::File *record = m_registry.file(moduleName);
    // A copy: reading values below runs user code (properties, __repr__).
    const FileRegistry::File file = record ? *record : FileRegistry::File();
    py::object module = sysModules().attr("get")(moduleName.toStdString());
    py::object property = py::module_::import("builtins").attr("property");
    QStringList names = file.exports;
    QHash<QString, int> lines = file.lines;
    QHash<QString, NamespaceNode::Kind> staticKinds;
    if (!file.loaded || module.is_none()) {
        // Not imported yet: read the names from the source, without running it.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return result;
        try {
            for (const ExportScanner::Name &n : boundNames(f.readAll(), path).bound) {
                if (n.name.startsWith(QLatin1Char('_')) || names.contains(n.name))
                    continue;
                names << n.name;
                lines.insert(n.name, n.line);
                staticKinds.insert(n.name, n.kind == ExportScanner::Kind::Class      ? NamespaceNode::Kind::Class
                                           : n.kind == ExportScanner::Kind::Function ? NamespaceNode::Kind::Function
                                                                                     : NamespaceNode::Kind::Value);
            }
        } catch (py::error_already_set &) {
            return result;
        }
    }
    for (const QString &n : names) {
        if (seen.contains(n))
            continue;
        seen.insert(n);
        NamespaceNode child;
        child.name = n;
        child.qualifiedName = qualifier + QLatin1Char('.') + n;
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
        result.append(child);
    }
    return result;
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
