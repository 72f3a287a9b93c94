#include "Importer_p.h"

#include <QFile>

// Class adoption between files: a class cut from one file of a namespace and
// pasted into another keeps its identity (and its instances), whichever file
// is saved first.

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
            if (py::isinstance(stmt, py::module_::import("ast").attr("ClassDef"))
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
    forgetAdoptedClasses(ns->name, fileModule);
    return true;
}

void Importer::forgetAdoptedClasses(const QString &nsName, py::handle module)
{
    QHash<QString, RemovedClass> &removed = m_removedClasses[nsName];
    for (auto it = removed.begin(); it != removed.end();) {
        py::object cls = it->ref();
        if (cls.is_none() || module.attr("__dict__").attr("get")(it.key().toStdString()).is(cls))
            it = removed.erase(it);
        else
            ++it;
    }
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
                if (py::isinstance(stmt, py::module_::import("ast").attr("ClassDef"))
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
        // A class that cannot be weakly referenced (a metaclass without
        // __weakref__) is not kept for adoption: a file defining it next
        // creates a new class, as a first import would.
    }
}
