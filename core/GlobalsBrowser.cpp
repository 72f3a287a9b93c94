#include "GlobalsBrowser.h"

#include "EvaluationDeadline_p.h"
#include "InspectorValues_p.h"
#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QMetaObject>
#include <QScopeGuard>
#include <QHash>
#include <QSet>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

QString cut(const QString &text) { return cutText(text, GlobalsBrowser::MaximumLength); }

py::module_ helpers()
{
    // relive_variables imports relive_inspector by name: loaded first.
    inspectorModule();
    return importResourceModule("relive_variables", QStringLiteral("relive_variables.py"));
}

// Bounds each item of a batch in time with one watching thread for the
// whole batch (an EvaluationDeadline per item would start ten thousand
// threads for ten thousand globals): past the limit, TimeoutError is raised
// asynchronously in the item that runs (again every 100 ms, in case it is
// caught). begin() and end() are called with the GIL held, and the watcher
// takes the GIL before it raises, so an exception is only ever raised into
// the item it was meant for; end() drops one not yet delivered.
class ItemDeadline
{
public:
    explicit ItemDeadline(double seconds)
        : m_threadId(PyThread_get_thread_ident())
        , m_limit(std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds)))
        , m_thread([this] { watch(); })
    {
    }
    ~ItemDeadline() { finish(); }
    ItemDeadline(const ItemDeadline &) = delete;
    ItemDeadline &operator=(const ItemDeadline &) = delete;

    void begin()
    {
        m_started.store(std::chrono::steady_clock::now().time_since_epoch().count());
        ++m_serial;
        m_active = true;
    }

    // Whether the item ran out of time.
    bool end()
    {
        m_active = false;
        const bool fired = m_firedSerial.load() == m_serial.load();
        // Only then: on 3.11 the call flags every thread's eval loop even
        // when it clears nothing (see EvaluationDeadline).
        if (fired)
            PyThreadState_SetAsyncExc(m_threadId, nullptr);
        return fired;
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_active = false;
        // The watcher may wait for the GIL this thread holds.
        py::gil_scoped_release release;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    void watch()
    {
        using clock = std::chrono::steady_clock;
        std::unique_lock<std::mutex> lock(m_mutex);
        clock::time_point lastFired;
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(20), [this] { return m_done; })) {
            if (!m_active)
                continue;
            const quint64 serial = m_serial.load();
            const clock::time_point started{clock::duration(m_started.load())};
            const clock::time_point now = clock::now();
            if (now - started < m_limit || (m_firedSerial.load() == serial && now - lastFired < std::chrono::milliseconds(100)))
                continue;
            lock.unlock();
            PyGILState_STATE state = PyGILState_Ensure();
            if (m_active && m_serial.load() == serial) {
                m_firedSerial = serial;
                lastFired = clock::now();
                PyThreadState_SetAsyncExc(m_threadId, PyExc_TimeoutError);
            }
            PyGILState_Release(state);
            lock.lock();
        }
    }

    unsigned long m_threadId;
    std::chrono::steady_clock::duration m_limit;
    std::atomic<std::chrono::steady_clock::rep> m_started{0};
    std::atomic<quint64> m_serial{0};
    std::atomic<quint64> m_firedSerial{0};
    std::atomic<bool> m_active{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    bool m_finished = false;
    std::thread m_thread;
};

// The objects one browser's rows name, by handle: the values of its last
// listing and of the children opened since. A new listing starts a new
// generation, so the handles of the last one resolve to nothing. A global is
// held by its name and looked up in __main__ when asked for: showing a value
// must not keep it alive (the instance counts, finalizers and weak caches of
// the program would see it). The children of a row that was opened are held
// until the next listing (lists and dicts allow no weak references). Guarded
// by the GIL; never freed, as it holds Python objects.
struct Table
{
    quint32 generation = 0;
    // A child's object, or a global's name (a str) with `global` set.
    struct Entry
    {
        py::object object;
        bool global = false;
    };
    std::vector<Entry> objects;
    // The listing whose reprs are still to come: the rows in the order they
    // are wanted, and the next one.
    py::list values;
    std::vector<int> order;

    void reset()
    {
        ++generation;
        // Dropping the references may run finalizers: the table is consistent first.
        std::vector<Entry> dropped;
        dropped.swap(objects);
        values = py::list();
        order.clear();
    }

    quint64 add(py::handle object, bool global = false)
    {
        objects.push_back({py::reinterpret_borrow<py::object>(object), global});
        return (quint64(generation) << 32) | quint64(objects.size());
    }
    quint64 addGlobal(py::handle name) { return add(name, true); }

    // Null if the handle is of an older listing or the global is gone.
    py::object resolve(quint64 handle) const
    {
        if (quint32(handle >> 32) != generation)
            return py::object();
        const quint64 index = handle & 0xffffffffu;
        if (index == 0 || index > objects.size())
            return py::object();
        const Entry &entry = objects[index - 1];
        if (!entry.global)
            return entry.object;
        PyObject *main = PyImport_AddModule("__main__");   // borrowed
        PyObject *value = main ? PyDict_GetItemWithError(PyModule_GetDict(main), entry.object.ptr()) : nullptr;
        if (!value) {
            PyErr_Clear();
            return py::object();
        }
        return py::reinterpret_borrow<py::object>(value);
    }
};

Table &tableOf(quint64 serial)
{
    static auto *tables = new std::unordered_map<quint64, Table>;
    return (*tables)[serial];
}

void dropTable(quint64 serial)
{
    Table dropped = std::move(tableOf(serial));
    tableOf(serial).generation = dropped.generation;
}

// A bounded repr of `value`: reprlib for built-in containers and texts (it
// never builds a long text whole), the object's own __repr__ cut after it
// returns otherwise; one that raises or runs out of time says so, and the
// rest of its type is skipped.
QString reprOf(py::handle value, bool *failed, SlowTypes &slow, ItemDeadline &deadline)
{
    PyObject *object = value.ptr();
    PyTypeObject *type = Py_TYPE(object);
    // Exact built-in numbers and short texts: their repr runs no user code.
    if (PyLong_CheckExact(object) || PyFloat_CheckExact(object) || PyBool_Check(object) || object == Py_None
        || (PyUnicode_CheckExact(object) && PyUnicode_GET_LENGTH(object) <= GlobalsBrowser::MaximumLength)) {
        if (PyObject *text = PyObject_Repr(object)) {
            const QString result = pythonText(text);
            Py_DECREF(text);
            return result;
        }
        // A huge int beyond the digit limit: ValueError, told below.
        PyErr_Clear();
    }
    if (slow.contains(type)) {
        *failed = true;
        return QStringLiteral("<repr skipped: another %1 took longer than %2 s>")
            .arg(QString::fromUtf8(type->tp_name)).arg(GlobalsBrowser::ReprTimeLimit);
    }
    static auto *shortRepr = new py::object([] {
        py::object r = py::module_::import("reprlib").attr("Repr")();
        r.attr("maxstring") = GlobalsBrowser::MaximumLength;
        r.attr("maxother") = GlobalsBrowser::MaximumLength;
        r.attr("maxlevel") = 2;
        return r;
    }());
    const bool builtin = PyList_CheckExact(object) || PyTuple_CheckExact(object) || PyDict_CheckExact(object)
                         || PyAnySet_CheckExact(object) || PyUnicode_CheckExact(object) || PyBytes_CheckExact(object)
                         || PyLong_CheckExact(object);
    deadline.begin();
    try {
        py::object text = builtin ? shortRepr->attr("repr")(value) : py::repr(value);
        const bool expired = deadline.end();
        if (!expired)
            return cut(pythonText(text));
    } catch (py::error_already_set &e) {
        if (!deadline.end()) {
            *failed = true;
            return QStringLiteral("<repr raised %1>").arg(cut(pythonErrorText(e)));
        }
    }
    slow.insert(type);
    *failed = true;
    return QStringLiteral("<repr took longer than %1 s>").arg(GlobalsBrowser::ReprTimeLimit);
}

// Type, size, children, kind and live class of `value` into `item`, from
// relive_variables.describe() or its tuple from list_globals().
void fillFrom(VariableItem &item, py::handle description)
{
    py::tuple d = py::reinterpret_borrow<py::tuple>(description);
    item.type = pythonText(d[0]);
    item.size = pythonText(d[1]);
    item.childCount = d[2].cast<int>();
    item.kind = VariableItem::Kind(d[3].cast<int>());
    if (!d[4].is_none())
        item.liveClass = pythonText(d[4]);
}

template <typename F>
void deliver(const QPointer<GlobalsBrowser> &self, F &&emitter)
{
    if (GlobalsBrowser *target = self.data())
        QMetaObject::invokeMethod(target, std::forward<F>(emitter), Qt::QueuedConnection);
}

// Describes the rows order[start .. start+ValueChunk) of the listing
// `generation` and posts the next chunk; stops when a newer listing came.
void describeChunk(PythonRuntime *runtime, QPointer<GlobalsBrowser> self, quint64 serial, int requestId,
                   quint32 generation, int start)
{
    Table &table = tableOf(serial);
    if (table.generation != generation || !self)
        return;
    const int end = std::min(int(table.order.size()), start + GlobalsBrowser::ValueChunk);
    QList<VariableValue> values;
    values.reserve(end - start);
    {
        SlowTypes slow;
        ItemDeadline deadline(GlobalsBrowser::ReprTimeLimit);
        for (int k = start; k < end; ++k) {
            VariableValue v;
            v.row = table.order[size_t(k)];
            v.value = reprOf(table.values[size_t(v.row)], &v.reprFailed, slow, deadline);
            values.append(v);
        }
    }
    deliver(self, [self, requestId, values] {
        if (self)
            Q_EMIT self->valuesDescribed(requestId, values);
    });
    if (tableOf(serial).generation != generation)
        return;  // a repr ran a listing (relive code in a __repr__): this one is gone
    if (end < int(table.order.size())) {
        postLive(runtime, [runtime, self, serial, requestId, generation, end] {
            describeChunk(runtime, self, serial, requestId, generation, end);
        });
    } else {
        table.values = py::list();
        table.order.clear();
    }
}

VariableItem::Slot slotOf(int kind)
{
    switch (kind) {
    case 0:
        return VariableItem::Slot::Attribute;
    case 1:
        return VariableItem::Slot::Index;
    case 2:
        return VariableItem::Slot::Key;
    default:
        return VariableItem::Slot::Element;
    }
}

// The child `item` names in `parent`, as the program reads it now.
py::object readSlot(const Table &table, py::handle parent, const VariableItem &item)
{
    py::object object = py::reinterpret_borrow<py::object>(parent);
    switch (item.slot) {
    case VariableItem::Slot::Attribute:
        return object.attr(item.attribute.toStdString().c_str());
    case VariableItem::Slot::Index:
        return object[py::int_(item.index)];
    case VariableItem::Slot::Key: {
        py::object key = table.resolve(item.key);
        if (!key)
            throw py::key_error("the key is no longer there");
        return object[key];
    }
    default:
        throw py::type_error("this element cannot be assigned");
    }
}

std::atomic<quint64> s_serials{0};

} // namespace

GlobalsBrowser::GlobalsBrowser(PythonRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_serial(++s_serials)
{
    qRegisterMetaType<VariableItem>();
    qRegisterMetaType<QList<VariableItem>>();
    qRegisterMetaType<VariableValue>();
    qRegisterMetaType<QList<VariableValue>>();
}

GlobalsBrowser::~GlobalsBrowser()
{
    // The references go with the interpreter if it is gone already.
    if (m_runtime && m_runtime->isRunning()) {
        const quint64 serial = m_serial;
        postLive(m_runtime, [serial] { dropTable(serial); });
    }
}

int GlobalsBrowser::refresh()
{
    const int id = nextId();
    if (!m_runtime || !m_runtime->isRunning())
        return 0;
    PythonRuntime *runtime = m_runtime;
    QPointer<GlobalsBrowser> self(this);
    const quint64 serial = m_serial;
    postLive(runtime, [runtime, self, serial, id] {
        Table &table = tableOf(serial);
        table.reset();
        const quint32 generation = table.generation;
        QList<VariableItem> items;
        QString error;
        {
            // Every listing ends with its answer, whatever user code did.
            const auto answer = qScopeGuard([&] {
                deliver(self, [self, id, items, error] {
                    if (self)
                        Q_EMIT self->listed(id, items, error);
                });
            });
            py::module_ h = helpers();
            py::tuple listing;
            {
                // Sizes and child counts may run user code (a list subclass's __len__).
                EvaluationDeadline deadline(2.0);
                try {
                    listing = h.attr("list_globals")(h.attr("current_namespaces")());
                    deadline.finish();
                } catch (py::error_already_set &e) {
                    deadline.finish();
                    error = deadline.expired() ? QStringLiteral("listing the globals took longer than 2 s")
                                               : QStringLiteral("listing the globals raised %1").arg(cut(pythonErrorText(e)));
                    return;
                }
            }
            // Plain CPython calls: ten thousand rows through pybind11's
            // accessors cost more than the listing itself.
            PyObject *names = PyTuple_GET_ITEM(listing.ptr(), 0);
            PyObject *values = PyTuple_GET_ITEM(listing.ptr(), 1);
            PyObject *typeNames = PyTuple_GET_ITEM(listing.ptr(), 2);
            PyObject *sizes = PyTuple_GET_ITEM(listing.ptr(), 3);
            PyObject *counts = PyTuple_GET_ITEM(listing.ptr(), 4);
            PyObject *kinds = PyTuple_GET_ITEM(listing.ptr(), 5);
            PyObject *lives = PyTuple_GET_ITEM(listing.ptr(), 6);
            const int count = int(PyList_GET_SIZE(names));
            items.reserve(count);
            // A type's name is one str object for all its values: converted once.
            QHash<PyObject *, QString> texts;
            const auto shared = [&texts](PyObject *text) {
                auto it = texts.constFind(text);
                if (it == texts.constEnd())
                    it = texts.insert(text, pythonText(text));
                return *it;
            };
            std::vector<int> wanted, later;
            table.objects.reserve(size_t(count));
            for (int i = 0; i < count; ++i) {
                VariableItem item;
                item.name = pythonText(PyList_GET_ITEM(names, i));
                item.type = shared(PyList_GET_ITEM(typeNames, i));
                PyObject *size = PyList_GET_ITEM(sizes, i);
                if (PyUnicode_GET_LENGTH(size) > 0)
                    item.size = pythonText(size);
                item.childCount = int(PyLong_AsLong(PyList_GET_ITEM(counts, i)));
                item.kind = VariableItem::Kind(PyLong_AsLong(PyList_GET_ITEM(kinds, i)));
                PyObject *live = PyList_GET_ITEM(lives, i);
                if (live != Py_None)
                    item.liveClass = shared(live);
                item.handle = table.addGlobal(PyList_GET_ITEM(names, i));
                item.editable = true;
                item.valuePending = true;
                // The rows the panel shows by default get their reprs first.
                (item.kind == VariableItem::Kind::Data && !item.isDunder() ? wanted : later).push_back(i);
                items.append(std::move(item));
            }
            PyErr_Clear();  // an overflowing child count: shown as -1, nothing raised
            wanted.insert(wanted.end(), later.begin(), later.end());
            const int first = std::min(int(wanted.size()), FirstValues);
            SlowTypes slow;
            ItemDeadline deadline(ReprTimeLimit);
            for (int k = 0; k < first; ++k) {
                VariableItem &item = items[wanted[size_t(k)]];
                item.value = reprOf(PyList_GET_ITEM(values, wanted[size_t(k)]), &item.reprFailed, slow, deadline);
                item.valuePending = false;
            }
            if (tableOf(serial).generation != generation)
                return;
            // Held only while reprs are still to come.
            table.order.assign(wanted.begin() + first, wanted.end());
            if (!table.order.empty())
                table.values = py::reinterpret_borrow<py::list>(values);
        }
        // After listed() is queued, so that the values follow it.
        if (!table.order.empty() && table.generation == generation) {
            postLive(runtime, [runtime, self, serial, id, generation] {
                describeChunk(runtime, self, serial, id, generation, 0);
            });
        }
    });
    return id;
}

int GlobalsBrowser::listChildren(quint64 handle, int offset, int limit)
{
    const int id = nextId();
    if (!m_runtime || !m_runtime->isRunning())
        return 0;
    QPointer<GlobalsBrowser> self(this);
    const quint64 serial = m_serial;
    postLive(m_runtime, [self, serial, id, handle, offset, limit] {
        QList<VariableItem> items;
        int total = 0;
        bool gone = false;
        const auto answer = qScopeGuard([&] {
            deliver(self, [self, id, items, total, gone] {
                if (self)
                    Q_EMIT self->childrenListed(id, items, total, gone);
            });
        });
        Table &table = tableOf(serial);
        py::object object = table.resolve(handle);
        if (!object) {
            gone = true;
            return;
        }
        py::module_ h = helpers();
        QString why;
        const py::tuple page = boundedChildren(object, offset, limit, ReprTimeLimit * 4, &why);
        if (!why.isEmpty()) {
            VariableItem failure;
            failure.slot = VariableItem::Slot::Element;
            failure.reprFailed = true;
            failure.value = cut(why);
            items.append(failure);
            total = 1;
            return;
        }
        total = page[0].cast<int>();
        py::object namespaces = h.attr("current_namespaces")();
        py::module_ inspector = inspectorModule();
        SlowTypes slow;
        ItemDeadline deadline(ReprTimeLimit);
        for (py::handle entry : page[1]) {
            py::tuple t = py::reinterpret_borrow<py::tuple>(entry);
            const int kind = t[0].cast<int>();
            VariableItem item;
            item.name = pythonText(t[1]);
            item.slot = slotOf(kind);
            if (item.slot == VariableItem::Slot::Attribute)
                item.attribute = pythonText(t[2]);
            else if (item.slot == VariableItem::Slot::Index)
                item.index = t[2].cast<qint64>();
            else if (item.slot == VariableItem::Slot::Key)
                item.key = table.add(t[2]);
            py::handle value = t[3];
            deadline.begin();
            try {
                py::object description = h.attr("describe")(value, namespaces);
                if (!deadline.end())
                    fillFrom(item, description);
            } catch (py::error_already_set &) {
                // The type still shows; the repr below says what went wrong.
                deadline.end();
                item.type = QString::fromUtf8(Py_TYPE(value.ptr())->tp_name);
            }
            item.value = reprOf(value, &item.reprFailed, slow, deadline);
            item.handle = table.add(value);
            item.editable = inspector.attr("assignable")(object, kind).cast<bool>();
            items.append(item);
        }
    });
    return id;
}

int GlobalsBrowser::assign(const VariableItem &item, quint64 parent, const QString &expression)
{
    const int id = nextId();
    if (!m_runtime || !m_runtime->isRunning())
        return 0;
    QPointer<GlobalsBrowser> self(this);
    const quint64 serial = m_serial;
    postLive(m_runtime, [self, serial, id, item, parent, expression] {
        VariableItem result = item;
        bool ok = false;
        QString error;
        const auto answer = qScopeGuard([&] {
            deliver(self, [self, id, ok, error, result] {
                if (self)
                    Q_EMIT self->assigned(id, ok, error, result);
            });
        });
        Table &table = tableOf(serial);
        py::module_ inspector = inspectorModule();
        py::module_ h = helpers();
        py::object container;
        if (item.slot != VariableItem::Slot::Global) {
            container = table.resolve(parent);
            if (!container) {
                error = QStringLiteral("the object is no longer shown; refresh and try again");
                return;
            }
        }
        try {
            py::object value;
            {
                // The expression is the user's: a loop in it must not hold the live worker.
                EvaluationDeadline deadline(2.0);
                try {
                    value = item.slot == VariableItem::Slot::Global
                        ? h.attr("set_global")(item.name.toStdString(), expression.toStdString())
                        : h.attr("evaluate")(expression.toStdString(), item.name.toStdString());
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
            if (item.slot != VariableItem::Slot::Global) {
                const int kind = item.slot == VariableItem::Slot::Attribute ? 0
                                 : item.slot == VariableItem::Slot::Index   ? 1
                                 : item.slot == VariableItem::Slot::Key     ? 2
                                                                            : 3;
                py::object key;
                if (kind == 0)
                    key = py::str(item.attribute.toStdString());
                else if (kind == 1)
                    key = py::int_(item.index);
                else if (kind == 2)
                    key = table.resolve(item.key);
                if (kind == 2 && !key)
                    throw py::key_error("the key is no longer there");
                inspector.attr("assign")(container, kind, key, value);
                // What the program now reads there (a property may have changed it).
                value = readSlot(table, container, item);
            }
            ok = true;
            SlowTypes slow;
            ItemDeadline deadline(ReprTimeLimit);
            result.liveClass.clear();
            result.reprFailed = false;
            result.valuePending = false;
            fillFrom(result, h.attr("describe")(value, h.attr("current_namespaces")()));
            result.value = reprOf(value, &result.reprFailed, slow, deadline);
            result.handle = item.slot == VariableItem::Slot::Global ? table.addGlobal(py::str(item.name.toStdString()))
                                                                    : table.add(value);
        } catch (py::error_already_set &e) {
            error = pythonErrorText(e);
        }
    });
    return id;
}

void GlobalsBrowser::openInInspector(quint64 handle)
{
    if (!m_runtime || !m_runtime->isRunning())
        return;
    const quint64 serial = m_serial;
    postLive(m_runtime, [serial, handle] {
        py::object object = tableOf(serial).resolve(handle);
        if (!object)
            return;
        try {
            py::module_::import("relive").attr("inspect")(object);
        } catch (py::error_already_set &e) {
            // Nothing to undo: the inspector opened nothing; say why on stderr.
            printPythonException(e);
        }
    });
}
