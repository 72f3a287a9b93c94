#include "ObjectMerge_p.h"

#include "ReloadValues_p.h"

#include <functional>
#include <unordered_set>

// The class merge: the old class object stays and takes the new definition.

namespace reloading {

QSet<QString> ObjectMerge::mergeEnumMembers(Transaction &tx, py::handle oldCls, py::handle newCls, const QString &qualName)
{
    QSet<QString> handled = {QStringLiteral("_member_map_"), QStringLiteral("_member_names_"),
                             QStringLiteral("_value2member_map_"), QStringLiteral("_unhashable_values_")};
    // Snapshots: re-classing a member and rebinding the tables below may
    // run Python code (a __del__ of a replaced value).
    py::dict oldMap = oldCls.attr("_member_map_").attr("copy")();
    py::dict newMap = newCls.attr("_member_map_").attr("copy")();
    py::dict map;
    for (auto item : newMap) {
        const QString name = toQString(item.first);
        handled.insert(name);
        py::object newMember = py::reinterpret_borrow<py::object>(item.second);
        py::object member;
        auto known = m_objects.find(newMember.ptr());
        if (known != m_objects.end()) {
            member = known->second;  // an alias of a member seen already
        } else if (oldMap.contains(item.first) && py::type::of(oldMap[item.first]).is(oldCls)) {
            member = oldMap[item.first];
            py::object oldValue = member.attr("_value_");
            py::object newValue = newMember.attr("_value_");
            if (!oldValue.equal(newValue)) {
                member.attr("_value_") = newValue;
                tx.undo.push_back([member, oldValue] { member.attr("_value_") = oldValue; });
                action(qualName + QLatin1Char('.') + name, QStringLiteral("value changed"));
            }
        } else {
            member = newMember;
            member.attr("__class__") = oldCls;
            if (!oldMap.contains(item.first))
                action(qualName + QLatin1Char('.') + name, QStringLiteral("member added"));
        }
        m_objects[newMember.ptr()] = member;
        m_keepAlive.append(newMember);
        map[item.first] = member;
    }
    for (auto item : oldMap) {
        handled.insert(toQString(item.first));
        if (!newMap.contains(item.first))
            action(qualName + QLatin1Char('.') + toQString(item.first), QStringLiteral("member removed"));
    }
    py::dict values;
    for (auto item : py::dict(newCls.attr("_value2member_map_").attr("copy")()))
        values[item.first] = keptObject(item.second.ptr());
    setAttr(tx, oldCls, QStringLiteral("_member_map_"), map);
    setAttr(tx, oldCls, QStringLiteral("_member_names_"), newCls.attr("_member_names_"));
    setAttr(tx, oldCls, QStringLiteral("_value2member_map_"), values);
    if (py::hasattr(newCls, "_unhashable_values_"))
        setAttr(tx, oldCls, QStringLiteral("_unhashable_values_"), newCls.attr("_unhashable_values_"));
    py::object oldDict = oldCls.attr("__dict__");
    for (auto item : map) {
        if (!oldDict.contains(item.first) || oldDict[item.first].ptr() != item.second.ptr())
            setAttr(tx, oldCls, toQString(item.first), item.second);
    }
    for (auto item : oldMap) {
        if (!map.contains(item.first) && oldDict.contains(item.first))
            delAttr(tx, oldCls, toQString(item.first));
    }
    return handled;
}

bool ObjectMerge::updateClass(Transaction &outer, py::handle oldCls, py::handle newCls, py::handle oldNode,
                 py::handle newNode, const QString &qualName, const QSet<QString> &outerDirty,
                 bool adopted)
{
    m_keepAlive.append(py::reinterpret_borrow<py::object>(newCls));
    Transaction tx;
    // Nested classes of an adopted class come from the other file too.
    const bool wasAdopting = m_adopting;
    m_adopting = m_adopting || adopted;
    adopted = m_adopting;
    const size_t lineRanges = m_lines.size();
    const size_t lineRoots = m_lines.rootCount();
    struct Restore
    {
        bool &flag;
        bool value;
        ~Restore() { flag = value; }
    } restore{m_adopting, wasAdopting};
    try {
        if (!py::type::of(oldCls).is(py::type::of(newCls))) {
            warn(qualName, QStringLiteral("metaclass changed from %1 to %2; this cannot be applied "
                                          "in place, the class keeps its old definition")
                               .arg(toQString(py::type::of(oldCls).attr("__name__")),
                                    toQString(py::type::of(newCls).attr("__name__"))));
            return false;
        }
        py::object oldDict = oldCls.attr("__dict__");
        py::object newDict = newCls.attr("__dict__");
        py::object oldSlots = oldDict.attr("get")("__slots__");
        py::object newSlots = newDict.attr("get")("__slots__");
        if (!oldSlots.equal(newSlots)) {
            warn(qualName, QStringLiteral("__slots__ changed; the instance layout cannot change in "
                                          "place, the class keeps its old definition"));
            return false;
        }
        py::list bases;
        for (py::handle base : newCls.attr("__bases__")) {
            auto known = m_classes.find(base.ptr());
            bases.append(known != m_classes.end() ? known->second : py::reinterpret_borrow<py::object>(base));
        }
        py::tuple newBases(bases);
        py::object oldBases = oldCls.attr("__bases__");
        if (!newBases.equal(oldBases)) {
            try {
                setAttr(tx, oldCls, QStringLiteral("__bases__"), newBases);
                action(qualName, QStringLiteral("bases changed"));
            } catch (py::error_already_set &e) {
                warn(qualName, QStringLiteral("bases cannot change in place (%1); the class keeps "
                                              "its old definition").arg(QString::fromUtf8(e.what())));
                tx.rollback();
                return false;
            }
        }
        m_classes[newCls.ptr()] = py::reinterpret_borrow<py::object>(oldCls);
        if (adopted)
            setAttr(tx, oldCls, QStringLiteral("__module__"), newCls.attr("__module__"));

        QSet<QString> handled;
        if (py::isinstance(oldCls, py::module_::import("enum").attr("EnumMeta")))
            handled = mergeEnumMembers(tx, oldCls, newCls, qualName);

        // An adopted class comes from another file: all of its code is new.
        StatementPlan plan = planStatements(oldNode.attr("body"), newNode.attr("body"), true, outerDirty, adopted,
                                            adopted ? nullptr : m_oldText, adopted ? nullptr : m_newText);
        m_dirty = plan.dirtyNames + outerDirty;
        for (const QString &name : plan.changedNames) {
            py::str key(name.toStdString());
            if (!newDict.contains(key) || handled.contains(name))
                continue;
            py::object oldValue = oldDict.contains(key) ? py::object(oldDict[key]) : py::object();
            bindMember(tx, oldCls, name, oldValue, newDict[key], plan, qualName, false);
        }
        for (const QString &name : plan.oldNames) {
            if (!plan.newNames.contains(name) && !handled.contains(name)
                && oldDict.contains(py::str(name.toStdString()))) {
                delAttr(tx, oldCls, name);
                action(qualName + QLatin1Char('.') + name, QStringLiteral("removed"));
            }
        }
        // Made by a decorator or metaclass rather than by a statement of
        // the body (a dataclass's __init__, __repr__, __eq__, fields).
        static const QSet<QString> internal = {
            QStringLiteral("__module__"), QStringLiteral("__qualname__"), QStringLiteral("__dict__"),
            QStringLiteral("__weakref__"), QStringLiteral("__doc__"), QStringLiteral("__classcell__"),
            QStringLiteral("__slots__"), QStringLiteral("__firstlineno__"),
            QStringLiteral("__static_attributes__"),
            // An ABC's registry of virtual subclasses (ABC.register) lives
            // there: the kept class keeps it, with its caches cleared below.
            QStringLiteral("_abc_impl")};
        for (auto item : py::reinterpret_borrow<py::dict>(newDict.attr("copy")())) {
            const QString name = toQString(item.first);
            if (plan.newNames.contains(name) || internal.contains(name) || handled.contains(name))
                continue;
            // The slot descriptors of the new class only apply to its own
            // instances; with the same __slots__ the old ones stay.
            if (Py_IS_TYPE(item.second.ptr(), &PyMemberDescr_Type)
                || Py_IS_TYPE(item.second.ptr(), &PyGetSetDescr_Type))
                continue;
            py::object oldValue = oldDict.contains(item.first) ? py::object(oldDict[item.first]) : py::object();
            if (oldValue && oldValue.is(item.second))
                continue;
            bindMember(tx, oldCls, name, oldValue, py::reinterpret_borrow<py::object>(item.second), plan,
                       qualName, /*quiet=*/true);
        }
        if (!oldCls.attr("__doc__").equal(newCls.attr("__doc__")))
            setAttr(tx, oldCls, QStringLiteral("__doc__"), newCls.attr("__doc__"));
        for (auto &[oldStmt, newStmt] : plan.moved) {
            py::str key = newStmt.attr("name");
            if (oldDict.contains(key))
                m_lines.add(oldStmt, newStmt, oldDict[key]);
        }
        retargetClassCell(tx, newCls, oldCls);
        // Classes made earlier on the version merged here (a class pasted
        // into a file before it was cut from the other, and a subclass
        // of it that the same file already ran again) derive from the
        // kept class from now on.
        for (py::handle sub : py::list(newCls.attr("__subclasses__")()))
            rebase(tx, sub, toQString(sub.attr("__qualname__")));
        if (oldDict.contains("_abc_impl") && py::hasattr(oldCls, "_abc_caches_clear"))
            oldCls.attr("_abc_caches_clear")();
        m_updated.push_back(py::reinterpret_borrow<py::object>(oldCls));
    } catch (py::error_already_set &e) {
        tx.rollback();
        m_lines.truncate(lineRanges, lineRoots);
        warn(qualName, QStringLiteral("could not be updated (%1); it keeps its old definition")
                           .arg(QString::fromUtf8(e.what())));
        return false;
    }
    tx.commitInto(outer);
    return true;
}

void ObjectMerge::retargetClassCell(Transaction &tx, py::handle newCls, py::handle oldCls)
{
    std::unordered_set<PyObject *> seen;
    std::function<void(py::handle, int)> visit = [&](py::handle v, int depth) {
        if (!v || v.is_none() || depth > 6 || !seen.insert(v.ptr()).second || isClass(v))
            return;
        if (isFunction(v)) {
            py::tuple free = v.attr("__code__").attr("co_freevars");
            PyObject *closure = PyFunction_GetClosure(v.ptr());
            for (size_t i = 0; closure && i < py::len(free); ++i) {
                py::object cell = py::reinterpret_borrow<py::object>(PyTuple_GET_ITEM(closure, i));
                PyObject *content = PyCell_GET(cell.ptr());
                if (free[i].cast<std::string>() == "__class__") {
                    if (content == newCls.ptr()) {
                        PyCell_Set(cell.ptr(), oldCls.ptr());
                        py::object n = py::reinterpret_borrow<py::object>(newCls);
                        tx.undo.push_back([cell, n] { PyCell_Set(cell.ptr(), n.ptr()); });
                    }
                } else if (content) {
                    visit(content, depth + 1);
                }
            }
            visit(py::dict(v.attr("__dict__")).attr("get")("__wrapped__"), depth + 1);
            return;
        }
        static py::object *types = [] {
            py::object builtins = py::module_::import("builtins");
            py::object functools = py::module_::import("functools");
            return new py::object(py::make_tuple(builtins.attr("property"), builtins.attr("classmethod"),
                                                 builtins.attr("staticmethod"),
                                                 functools.attr("_lru_cache_wrapper"),
                                                 functools.attr("cached_property")));
        }();
        if (PyObject_IsInstance(v.ptr(), types->ptr()) == 1) {
            for (const char *part : {"fget", "fset", "fdel", "__func__", "__wrapped__", "func"}) {
                if (py::hasattr(v, part))
                    visit(v.attr(part), depth + 1);
            }
        }
    };
    // The old class's dict too: it now holds some of the new objects.
    for (py::handle cls : {newCls, oldCls}) {
        for (auto item : py::dict(cls.attr("__dict__")))
            visit(item.second, 0);
    }
}

} // namespace reloading
