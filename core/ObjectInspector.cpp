#include "ObjectInspector.h"
#include "ObjectInspector_p.h"
#include "InspectorValues_p.h"

#include "EvaluationDeadline_p.h"
#include "InstanceTracker_p.h"
#include "PythonCompat_p.h"
#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>

#include <unordered_map>

namespace {

// The objects the GUI may name, by handle. A weak reference where the object
// allows one, so that showing an object never keeps it alive (it then says
// "collected"); a strong one otherwise (lists, dicts, objects with
// __slots__ and no __weakref__), until the GUI releases the handle. Guarded
// by the GIL; never freed, as it holds Python objects.
struct HandleTable
{
    struct Entry
    {
        py::object ref;
        bool weak = false;
    };
    std::unordered_map<quint64, Entry> entries;
    QHash<PyObject *, quint64> byAddress;
    quint64 next = 1;

    py::object resolve(quint64 handle) const
    {
        const auto it = entries.find(handle);
        if (it == entries.end())
            return py::object();
        if (!it->second.weak)
            return it->second.ref;
        PyObject *target = nullptr;
        if (PyWeakref_GetRef(it->second.ref.ptr(), &target) <= 0) {
            PyErr_Clear();
            return py::object();
        }
        return py::reinterpret_steal<py::object>(target);
    }

    quint64 handleFor(py::handle object)
    {
        const quint64 known = byAddress.value(object.ptr());
        // The address may belong to an object collected since, with a new one there now.
        if (known && resolve(known).is(object))
            return known;
        Entry entry;
        PyObject *weak = PyWeakref_NewRef(object.ptr(), nullptr);
        if (weak) {
            entry.ref = py::reinterpret_steal<py::object>(weak);
            entry.weak = true;
        } else {
            // TypeError: cannot create weak reference to this object.
            PyErr_Clear();
            entry.ref = py::reinterpret_borrow<py::object>(object);
        }
        const quint64 handle = next++;
        entries[handle] = std::move(entry);
        byAddress.insert(object.ptr(), handle);
        return handle;
    }

    void release(quint64 handle)
    {
        const auto it = entries.find(handle);
        if (it == entries.end())
            return;
        for (auto a = byAddress.begin(); a != byAddress.end(); ++a) {
            if (a.value() == handle) {
                byAddress.erase(a);
                break;
            }
        }
        // Dropping a strong reference may run a finalizer: the entry is gone first.
        Entry dropped = std::move(it->second);
        entries.erase(it);
    }
};

HandleTable &table()
{
    static auto *t = new HandleTable;
    return *t;
}

QString cut(const QString &text) { return cutText(text, ObjectInspector::MaximumLength); }

// Fills type, value, handle and childCount of `item` for `value`, each step
// bounded in time: a repr or a len() that raises or hangs shows as such.
void describeInto(InspectorItem &item, py::handle value, SlowTypes &slow)
{
    py::module_ h = inspectorModule();
    item.type = pythonText(h.attr("type_name")(value));
    const bool scalar = h.attr("is_scalar")(value).cast<bool>();
    if (!scalar)
        item.handle = table().handleFor(value);
    PyTypeObject *type = Py_TYPE(value.ptr());
    if (slow.contains(type)) {
        item.value = QStringLiteral("<repr skipped: another %1 took longer than %2 s>")
                         .arg(item.type).arg(ObjectInspector::ReprTimeLimit);
        item.reprFailed = true;
        return;
    }
    // reprlib bounds built-in containers and strings without building their
    // whole text; other objects are cut after their own __repr__.
    static auto *shortRepr = new py::object([] {
        py::object r = py::module_::import("reprlib").attr("Repr")();
        r.attr("maxstring") = ObjectInspector::MaximumLength;
        r.attr("maxother") = ObjectInspector::MaximumLength;
        r.attr("maxlevel") = 2;
        return r;
    }());
    EvaluationDeadline deadline(ObjectInspector::ReprTimeLimit);
    try {
        const bool builtin = PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE) == 0
                             && (h.attr("is_container")(value).cast<bool>() || scalar);
        py::object text = builtin ? shortRepr->attr("repr")(value) : py::repr(value);
        item.value = cut(pythonText(text));
        if (!scalar)
            item.childCount = h.attr("child_count")(value).cast<int>();
        deadline.finish();
    } catch (py::error_already_set &e) {
        deadline.finish();
        item.reprFailed = true;
        if (deadline.expired()) {
            slow.insert(type);
            item.value = QStringLiteral("<repr took longer than %1 s>").arg(ObjectInspector::ReprTimeLimit);
        } else {
            item.value = QStringLiteral("<repr raised %1>").arg(cut(pythonErrorText(e)));
        }
    }
    item.expandable = item.childCount > 0;
}

py::object resolveQualified(const QString &qualifiedName)
{
    const QStringList parts = qualifiedName.split(QLatin1Char('.'));
    py::object target = py::module_::import("importlib").attr("import_module")(parts.first().toStdString());
    for (int i = 1; i < parts.size(); ++i)
        target = target.attr(parts.at(i).toStdString().c_str());
    return target;
}

InspectorItem childItem(py::handle parent, py::handle entry, SlowTypes &slow)
{
    py::module_ h = inspectorModule();
    py::tuple t = py::reinterpret_borrow<py::tuple>(entry);
    const int kind = t[0].cast<int>();
    InspectorItem item;
    item.name = pythonText(t[1]);
    switch (kind) {
    case 0:
        item.slot = InspectorItem::Slot::Attribute;
        item.attribute = pythonText(t[2]);
        break;
    case 1:
        item.slot = InspectorItem::Slot::Index;
        item.index = t[2].cast<qint64>();
        break;
    case 2:
        item.slot = InspectorItem::Slot::Key;
        item.key = table().handleFor(t[2]);
        break;
    default:
        item.slot = InspectorItem::Slot::Element;
        break;
    }
    describeInto(item, t[3], slow);
    item.editable = !item.reprFailed && h.attr("is_scalar")(t[3]).cast<bool>()
                    && h.attr("assignable")(parent, kind).cast<bool>();
    return item;
}

// The child a slot names, as it is now.
py::object readSlot(py::handle parent, const InspectorItem &child)
{
    switch (child.slot) {
    case InspectorItem::Slot::Attribute:
        return py::reinterpret_borrow<py::object>(parent).attr(child.attribute.toStdString().c_str());
    case InspectorItem::Slot::Index:
        return py::reinterpret_borrow<py::object>(parent)[py::int_(child.index)];
    case InspectorItem::Slot::Key: {
        py::object key = table().resolve(child.key);
        if (!key)
            throw py::key_error("the key is no longer there");
        return py::reinterpret_borrow<py::object>(parent)[key];
    }
    default:
        throw py::type_error("this element cannot be assigned");
    }
}

// Emits on the inspector's thread; the inspector lives as long as the process.
template <typename F>
void deliver(F &&emitter)
{
    ObjectInspector *inspector = ObjectInspector::instance();
    QMetaObject::invokeMethod(inspector, std::forward<F>(emitter), Qt::QueuedConnection);
}

void post(std::function<void()> job)
{
    if (PythonRuntime *runtime = startedRuntime())
        postLive(runtime, std::move(job));
}

// The text relive.inspect prints without a window.
QString listing(py::handle object)
{
    SlowTypes slow;
    InspectorItem root;
    describeInto(root, object, slow);
    QString text = QStringLiteral("%1  (%2)\n").arg(root.value, root.type);
    if (!root.expandable)
        return text;
    py::tuple page = inspectorModule().attr("children")(object, 0, 20);
    const int total = page[0].cast<int>();
    int shown = 0;
    for (py::handle entry : page[1]) {
        const InspectorItem child = childItem(object, entry, slow);
        text += QStringLiteral("  %1: %2 = %3\n").arg(child.name, child.type, child.value);
        ++shown;
    }
    if (total > shown)
        text += QStringLiteral("  \u2026 %1 more\n").arg(total - shown);
    return text;
}

} // namespace

ObjectInspector::ObjectInspector(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<InspectorItem>();
    qRegisterMetaType<QList<InspectorItem>>();
}

ObjectInspector *ObjectInspector::instance()
{
    static auto *inspector = [] {
        auto *i = new ObjectInspector;
        // Perhaps created by a Python worker, which has no event loop: its
        // signals are delivered in the application's.
        if (QCoreApplication *app = QCoreApplication::instance())
            i->moveToThread(app->thread());
        return i;
    }();
    return inspector;
}

void ObjectInspector::listInstances(const QString &qualifiedName)
{
    post([qualifiedName] {
        QList<InspectorItem> items;
        QString error;
        int total = 0;
        // Every request ends with its answer, whatever user code did.
        const auto answer = qScopeGuard([&] {
            deliver([qualifiedName, items, total, error] {
                Q_EMIT ObjectInspector::instance()->instancesListed(qualifiedName, items, total, error);
            });
        });
        try {
            py::object cls = resolveQualified(qualifiedName);
            if (!PyType_Check(cls.ptr())) {
                error = QStringLiteral("%1 is not a class").arg(qualifiedName);
                return;
            }
            if (InstanceTracker::countOf(cls) < 0) {
                error = QStringLiteral("the instances of %1 are not tracked (only classes defined by a "
                                       "class statement in a namespace file are)")
                            .arg(qualifiedName);
                return;
            }
            const std::vector<py::object> instances = InstanceTracker::instancesOf(cls);
            total = int(instances.size());
            SlowTypes slow;
            for (const py::object &object : instances) {
                if (items.size() == MaximumInstances)
                    break;
                InspectorItem item;
                describeInto(item, object, slow);
                item.subclass = !py::type::of(object).is(cls);
                items.append(item);
            }
        } catch (py::error_already_set &e) {
            error = pythonErrorText(e);
        }
    });
}

void ObjectInspector::listChildren(quint64 handle, int offset, int limit)
{
    post([handle, offset, limit] {
        QList<InspectorItem> items;
        int total = 0;
        bool collected = false;
        const auto answer = qScopeGuard([&] {
            deliver([handle, offset, items, total, collected] {
                Q_EMIT ObjectInspector::instance()->childrenListed(handle, offset, items, total, collected);
            });
        });
        py::object object = table().resolve(handle);
        if (!object) {
            collected = true;
            return;
        }
        SlowTypes slow;
        QString why;
        const py::tuple page = boundedChildren(object, offset, limit, ReprTimeLimit * 4, &why);
        if (!why.isEmpty()) {
            InspectorItem failure;
            failure.slot = InspectorItem::Slot::Element;
            failure.reprFailed = true;
            failure.value = cut(why);
            items.append(failure);
            total = 1;
            return;
        }
        total = page[0].cast<int>();
        for (py::handle entry : page[1])
            items.append(childItem(object, entry, slow));
    });
}

void ObjectInspector::describe(const QList<quint64> &handles)
{
    post([handles] {
        QList<InspectorItem> items;
        const auto answer = qScopeGuard([&] {
            deliver([items] { Q_EMIT ObjectInspector::instance()->described(items); });
        });
        SlowTypes slow;
        for (quint64 handle : handles) {
            InspectorItem item;
            item.handle = handle;
            py::object object = table().resolve(handle);
            if (!object) {
                item.collected = true;
                item.value = QStringLiteral("<collected>");
            } else {
                describeInto(item, object, slow);
                item.handle = handle;
            }
            items.append(item);
        }
    });
}

void ObjectInspector::setValue(quint64 parent, const InspectorItem &child, const QString &expression)
{
    post([parent, child, expression] {
        InspectorItem result = child;
        bool ok = false;
        QString error;
        const auto answer = qScopeGuard([&] {
            deliver([parent, result, ok, error] {
                Q_EMIT ObjectInspector::instance()->valueSet(parent, result, ok, error);
            });
        });
        py::object object = table().resolve(parent);
        if (!object) {
            error = QStringLiteral("the object has been collected");
            return;
        }
        py::module_ h = inspectorModule();
        try {
            py::object value;
            {
                // The expression is the user's: a loop in it must not hold the live worker.
                EvaluationDeadline deadline(2.0);
                try {
                    value = h.attr("evaluate")(expression.toStdString());
                    deadline.finish();
                } catch (py::error_already_set &) {
                    deadline.finish();
                    if (deadline.expired()) {
                        error = QStringLiteral("%1: took longer than 2 s").arg(expression);
                        return;
                    }
                    throw;
                }
            }
            const int kind = child.slot == InspectorItem::Slot::Attribute ? 0
                             : child.slot == InspectorItem::Slot::Index   ? 1
                             : child.slot == InspectorItem::Slot::Key     ? 2
                                                                          : 3;
            py::object key;
            if (kind == 0)
                key = py::str(child.attribute.toStdString());
            else if (kind == 1)
                key = py::int_(child.index);
            else if (kind == 2)
                key = table().resolve(child.key);
            if (kind == 2 && !key)
                throw py::key_error("the key is no longer there");
            h.attr("assign")(object, kind, key, value);
            ok = true;
            // What the program now reads there (a property may have changed it).
            SlowTypes slow;
            result.handle = 0;
            result.childCount = 0;
            result.reprFailed = false;
            describeInto(result, readSlot(object, child), slow);
            result.editable = h.attr("is_scalar")(readSlot(object, child)).cast<bool>();
        } catch (py::error_already_set &e) {
            error = pythonErrorText(e);
        }
    });
}

void ObjectInspector::release(const QList<quint64> &handles)
{
    post([handles] {
        for (quint64 handle : handles)
            table().release(handle);
    });
}

void registerInspectorApi(py::module_ &m)
{
    m.def("inspect", [](py::object object) {
        ObjectInspector *inspector = ObjectInspector::instance();
        if (!inspector->isAttached()) {
            py::print(listing(object).toStdString(), py::arg("end") = "");
            return;
        }
        SlowTypes slow;
        InspectorItem item;
        describeInto(item, object, slow);
        if (!item.handle)
            item.handle = table().handleFor(object);
        deliver([item] { Q_EMIT ObjectInspector::instance()->objectOpened(item); });
    }, py::arg("obj"),
       "Opens `obj` in the window's inspector (attributes, elements, editable values); "
       "without a window, prints its attributes.");
}
