#include "ObjectMerge_p.h"

#include "ReloadValues_p.h"

// The one merge dispatch and the writes it makes on classes.

namespace reloading {

ObjectMerge::ObjectMerge(const QString &path, ReloadReport &report, const SourceText *oldText, const SourceText *newText)
    : m_path(path), m_report(report), m_oldText(oldText), m_newText(newText), m_lines(path)
{
}

void ObjectMerge::shiftMovedLines(Transaction &tx)
{
    for (auto &[newFn, oldFn] : m_functions) {
        m_lines.skip(oldFn);
        m_lines.skip(py::handle(newFn));
    }
    for (py::handle fresh : m_keepAlive)
        m_lines.skip(fresh);
    m_lines.apply(tx);
}

py::object ObjectMerge::keptObject(PyObject *object)
{
    auto fn = m_functions.find(object);
    if (fn != m_functions.end())
        return fn->second;
    auto cls = m_classes.find(object);
    if (cls != m_classes.end())
        return cls->second;
    auto other = m_objects.find(object);
    if (other != m_objects.end())
        return other->second;
    return py::reinterpret_borrow<py::object>(object);
}

void ObjectMerge::typeSetAttr(py::handle cls, const std::string &key, py::handle value)
{
    py::str name(key);
    if (PyType_Type.tp_setattro(cls.ptr(), name.ptr(), value ? value.ptr() : nullptr) != 0)
        throw py::error_already_set();
}

void ObjectMerge::setAttr(Transaction &tx, py::handle cls, const QString &name, py::handle value)
{
    py::object proxy = cls.attr("__dict__");
    const std::string key = name.toStdString();
    const bool had = proxy.contains(py::str(key));
    py::object previous = had ? py::object(proxy[py::str(key)]) : py::none();
    typeSetAttr(cls, key, value);
    py::object c = py::reinterpret_borrow<py::object>(cls);
    tx.undo.push_back([c, key, had, previous] {
        typeSetAttr(c, key, had ? py::handle(previous) : py::handle());
    });
}

void ObjectMerge::delAttr(Transaction &tx, py::handle cls, const QString &name)
{
    const std::string key = name.toStdString();
    py::object previous = cls.attr("__dict__")[py::str(key)];
    typeSetAttr(cls, key, py::handle());
    py::object c = py::reinterpret_borrow<py::object>(cls);
    tx.undo.push_back([c, key, previous] { typeSetAttr(c, key, previous); });
}

py::object ObjectMerge::mergeValue(Transaction &tx, const py::object &oldValue, const py::object &newValue,
                      py::handle ownerClass, const QString &name, const QString &qualName,
                      const StatementPlan &plan, bool quiet)
{
    if (oldValue && oldValue.is(newValue))
        return oldValue;
    const QString &shown = qualName;
    auto replaced = [&] {
        if (!quiet)
            action(shown, QStringLiteral("code replaced"));
    };
    const std::string key = name.toStdString();
    auto oldNode = plan.oldClassNodes.find(key);
    auto newNode = plan.newClassNodes.find(key);
    const bool classHere = oldNode != plan.oldClassNodes.end() && newNode != plan.newClassNodes.end();
    if (oldValue && isClass(oldValue) && isClass(newValue) && classHere
        && (!ownerClass
            || toQString(oldValue.attr("__qualname__"))
                   == toQString(ownerClass.attr("__qualname__")) + QLatin1Char('.') + name)) {
        const int actions = m_report.actions.size();
        const int warnings = m_report.warnings.size();
        const QSet<QString> dirty = m_dirty;
        updateClass(tx, oldValue, newValue, oldNode->second, newNode->second, qualName,
                    ownerClass ? m_dirty : plan.dirtyNames, m_adopting);
        m_dirty = dirty;
        if (!ownerClass && m_report.actions.size() == actions && m_report.warnings.size() == warnings)
            action(shown, QStringLiteral("class unchanged"));
        return oldValue;  // updated, or kept with its old definition (warned)
    }
    if (oldValue && isFunction(oldValue) && isFunction(newValue)) {
        updateFunction(tx, oldValue, newValue, ownerClass, qualName);
        replaced();
        return oldValue;
    }
    static py::object *descriptors = [] {
        py::object builtins = py::module_::import("builtins");
        return new py::object(py::make_tuple(builtins.attr("classmethod"), builtins.attr("staticmethod"),
                                             builtins.attr("property")));
    }();
    py::handle classmethod = descriptors->cast<py::tuple>()[0];
    py::handle staticmethod = descriptors->cast<py::tuple>()[1];
    py::handle property = descriptors->cast<py::tuple>()[2];
    for (py::handle wrapper : {classmethod, staticmethod}) {
        if (oldValue && py::type::of(oldValue).is(wrapper) && py::type::of(newValue).is(wrapper)
            && isFunction(oldValue.attr("__func__")) && isFunction(newValue.attr("__func__"))) {
            updateFunction(tx, oldValue.attr("__func__"), newValue.attr("__func__"), ownerClass, qualName);
            m_objects[newValue.ptr()] = oldValue;
            m_keepAlive.append(newValue);
            replaced();
            return oldValue;
        }
    }
    if (oldValue && py::type::of(oldValue).is(property) && py::type::of(newValue).is(property)) {
        bool sameShape = true;
        for (const char *part : {"fget", "fset", "fdel"}) {
            const bool a = isFunction(oldValue.attr(part));
            const bool b = isFunction(newValue.attr(part));
            if (a != b || (!a && !(oldValue.attr(part).is_none() && newValue.attr(part).is_none())))
                sameShape = false;
        }
        if (sameShape) {
            for (const char *part : {"fget", "fset", "fdel"}) {
                if (isFunction(oldValue.attr(part)))
                    updateFunction(tx, oldValue.attr(part), newValue.attr(part), ownerClass, qualName);
            }
            m_objects[newValue.ptr()] = oldValue;
            m_keepAlive.append(newValue);
            if (!quiet)
                action(shown, QStringLiteral("property updated"));
            return oldValue;
        }
    }
    if (updateWrapper(tx, oldValue, newValue, ownerClass, qualName)) {
        replaced();
        return oldValue;
    }
    // A class cut from another file of the namespace and pasted here,
    // also where this file used to import it (`from .mod import Base`
    // replaced by the class itself): the class object lives on, with
    // this file's code.
    if (!ownerClass && isClass(newValue) && m_adopt && newNode != plan.newClassNodes.end()
        && (!oldValue || (isClass(oldValue) && oldNode == plan.oldClassNodes.end()))) {
        std::optional<Reloader::Adoption> adoption = m_adopt(name);
        if (adoption && isClass(adoption->cls) && !adoption->cls.is(newValue)) {
            const int warnings = m_report.warnings.size();
            if (updateClass(tx, adoption->cls, newValue, adoption->node, newNode->second, qualName,
                            plan.dirtyNames, /*adopted=*/true)) {
                action(shown, QStringLiteral("class adopted from %1").arg(adoption->from));
                return adoption->cls;
            }
            m_report.warnings.erase(m_report.warnings.begin() + warnings, m_report.warnings.end());
            warn(shown, QStringLiteral("cannot adopt the class of the same name from %1; existing "
                                       "instances keep the old class").arg(adoption->from));
        }
    }
    if (isClass(newValue))
        rebase(tx, newValue, qualName);
    // A function that became a callable object of another kind (an
    // lru_cache wrapper), or the reverse: one object cannot turn into
    // the other, so what held the old one keeps running its code.
    if (oldValue && !quiet && isFunction(oldValue) != isFunction(newValue)
        && (isFunction(oldValue) || isFunction(py::getattr(oldValue, "__wrapped__", py::none())))
        && (isFunction(newValue) || isFunction(py::getattr(newValue, "__wrapped__", py::none()))))
        warn(shown, QStringLiteral("changed from %1 to %2, another kind of object: references stored "
                                   "before this reload (a bound method, a callback, an entry in a list) keep "
                                   "the old object and its code")
                        .arg(typeLabel(oldValue), typeLabel(newValue)));
    if (!quiet || !oldValue) {
        if (ownerClass)
            action(shown, oldValue ? QStringLiteral("replaced") : QStringLiteral("added"));
        else
            action(shown, oldValue ? QStringLiteral("rebound") : QStringLiteral("added"));
    }
    return newValue;
}

void ObjectMerge::rebase(Transaction &tx, py::handle cls, const QString &qualName)
{
    bool changed = false;
    py::list bases;
    for (py::handle base : cls.attr("__bases__")) {
        auto known = m_classes.find(base.ptr());
        changed = changed || known != m_classes.end();
        bases.append(known != m_classes.end() ? known->second : py::reinterpret_borrow<py::object>(base));
    }
    if (!changed)
        return;
    try {
        setAttr(tx, cls, QStringLiteral("__bases__"), py::tuple(bases));
    } catch (py::error_already_set &e) {
        warn(qualName, QStringLiteral("derives from the new version of a class that was updated in place, "
                                      "and cannot take the kept class as its base (%1)")
                           .arg(QString::fromUtf8(e.what())));
    }
}

void ObjectMerge::bindMember(Transaction &tx, py::handle cls, const QString &name, const py::object &oldValue,
                const py::object &newValue, const StatementPlan &plan, const QString &qualName, bool quiet)
{
    py::object kept = mergeValue(tx, oldValue, newValue, cls, name, qualName + QLatin1Char('.') + name, plan,
                                 quiet);
    if (oldValue && kept.is(oldValue))
        return;
    setAttr(tx, cls, name, kept);
    if (py::hasattr(kept, "__set_name__") && !isClass(kept))
        kept.attr("__set_name__")(cls, name.toStdString());
}

} // namespace reloading
