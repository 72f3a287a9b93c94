#include "Importer_p.h"

#include <QSet>

// The namespace facade: the module of a directory namespace, a live view of
// the names its files export. Reading a name reads it in the file that
// defines it, assigning assigns there; the import system's own bindings of
// child modules are kept out of it.

py::object Importer::makeFacadeType()
{
    py::object moduleType = py::module_::import("types").attr("ModuleType");
    py::dict attrs;
    attrs["__module__"] = "relive";
    attrs["__doc__"] = "A directory of a relive namespace: a live view of the public names of its files.";
    py::object facadeType = py::module_::import("builtins").attr("type")("NamespaceModule", py::make_tuple(moduleType), attrs);
    py::handle type = facadeType;
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
    return facadeType;
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

py::object Importer::facadeGetattr(py::handle facade, const std::string &name)
{
    const QString directory = facadeName(facade);
    const QString key = QString::fromStdString(name);
    if (key == QLatin1String("__all__")) {
        py::list all;
        for (const QString &n : m_registry.names(directory))
            all.append(n.toStdString());
        return py::object(std::move(all));
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
