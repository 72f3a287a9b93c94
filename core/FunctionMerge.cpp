#include "ObjectMerge_p.h"

#include "ReloadValues_p.h"
#include "Overrides_p.h"
#include "ReloaderMadeFunctions_p.h"

#include <unordered_set>
#include <vector>

// The function merge: the old function object stays and takes the new code.

namespace reloading {

void ObjectMerge::updateFunction(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass,
                    const QString &name, bool twin)
{
    // An overridden function keeps running its override: the file's new
    // version goes to the function under it, which a revert installs.
    if (py::object under = twin ? py::object() : Overrides::underlyingFor(oldFn)) {
        py::object live = py::reinterpret_borrow<py::object>(oldFn);
        const bool was = Overrides::setFileChanged(live, true);
        tx.undo.push_back([live, was] { Overrides::setFileChanged(live, was); });
        updateFunction(tx, under, newFn, ownerClass, name);
        m_lines.skip(under);  // it carries the new lines already
        m_functions[newFn.ptr()] = live;
        action(name, QStringLiteral("override kept on top; the file's new version is under it"));
        return;
    }
    py::object oldWrapped = py::getattr(oldFn, "__wrapped__", py::none());
    py::object newWrapped = py::getattr(newFn, "__wrapped__", py::none());
    if (isFunction(oldWrapped) && isFunction(newWrapped) && !oldWrapped.is(newWrapped))
        updateFunction(tx, oldWrapped, newWrapped, ownerClass, name, twin);

    auto *f = reinterpret_cast<PyFunctionObject *>(oldFn.ptr());
    py::object oldCode = py::reinterpret_borrow<py::object>(f->func_code);
    // A generator or coroutine already started runs on its own frame,
    // which holds the old code object; CPython cannot move a suspended
    // frame to new code. Finding such frames would need a heap walk.
    const int suspendable = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    if ((reinterpret_cast<PyCodeObject *>(oldCode.ptr())->co_flags & suspendable) && !twin)
        warn(name, QStringLiteral("generators and coroutines of it that already started keep running the "
                                  "old code until they finish; new calls run the new code"));
    py::object oldClosure = py::reinterpret_borrow<py::object>(f->func_closure ? f->func_closure : Py_None);
    py::object oldGlobals = py::reinterpret_borrow<py::object>(f->func_globals);
    py::object newCode = newFn.attr("__code__");
    py::tuple oldFree = oldCode.attr("co_freevars");
    py::tuple newFree = newCode.attr("co_freevars");
    py::object newClosure = newFn.attr("__closure__");
    if (!twin)
        m_functions[newFn.ptr()] = py::reinterpret_borrow<py::object>(oldFn);
    m_keepAlive.append(py::reinterpret_borrow<py::object>(newFn));

    // The closure must match the new code's free variables, which may be
    // more or fewer than before (set here, from C++, since Python refuses
    // it). The new cells carry what the new version computed; where that
    // is an object just merged into an older one (a class, a wrapped
    // function), the cell names the old one, which stays alive. The
    // zero-argument super() cell `__class__` names the class kept.
    py::object closure = py::none();
    if (py::len(newFree) > 0) {
        py::list cells;
        for (size_t i = 0; i < py::len(newFree); ++i) {
            const std::string name = newFree[i].cast<std::string>();
            py::object cell = newClosure[py::int_(i)];
            if (name == "__class__" && ownerClass) {
                py::object previous;
                for (size_t j = 0; j < py::len(oldFree); ++j) {
                    if (oldFree[j].cast<std::string>() == name && !oldClosure.is_none())
                        previous = oldClosure[py::int_(j)];
                }
                if (previous && PyCell_GET(previous.ptr()) == ownerClass.ptr())
                    cell = previous;
                else
                    cell = py::reinterpret_steal<py::object>(PyCell_New(ownerClass.ptr()));
            } else if (PyObject *content = PyCell_GET(cell.ptr())) {
                py::object kept = keptObject(content);
                if (kept.ptr() != content)
                    cell = py::reinterpret_steal<py::object>(PyCell_New(kept.ptr()));
            }
            cells.append(cell);
        }
        closure = py::tuple(cells);
    }
    py::object newGlobals = newFn.attr("__globals__");

    py::tuple fields = py::make_tuple(py::getattr(oldFn, "__defaults__"), py::getattr(oldFn, "__kwdefaults__"),
                                       py::getattr(oldFn, "__annotations__"), py::getattr(oldFn, "__doc__"),
                                       oldFn.attr("__name__"), oldFn.attr("__qualname__"),
                                       oldFn.attr("__module__"));
    py::dict oldDict = py::getattr(oldFn, "__dict__").attr("copy")();
    py::object fn = py::reinterpret_borrow<py::object>(oldFn);
    tx.undo.push_back([fn, oldCode, oldClosure, oldGlobals, fields, oldDict] {
        setCodeAndClosure(fn, oldCode, oldClosure, oldGlobals);
        fn.attr("__defaults__") = fields[0];
        fn.attr("__kwdefaults__") = fields[1];
        fn.attr("__annotations__") = fields[2];
        fn.attr("__doc__") = fields[3];
        fn.attr("__name__") = fields[4];
        fn.attr("__qualname__") = fields[5];
        fn.attr("__module__") = fields[6];
        py::dict d = fn.attr("__dict__");
        d.clear();
        for (auto item : oldDict)
            d[item.first] = item.second;
    });

    if (!twin)
        m_replacedCode.push_back({oldCode, newCode, newGlobals});
    setCodeAndClosure(oldFn, newCode, closure, newGlobals);
    // A function that now runs a decorator's nested code (it gained a
    // wrapper, or its wrapper was made again) is found by the next edit of
    // that decorator like the wrappers made from it.
    if (reinterpret_cast<PyCodeObject *>(newCode.ptr())->co_flags & CO_NESTED)
        MadeFunctions::record(newCode, oldFn);
    // A default that is a function or class just merged names the kept one.
    py::object defaults = newFn.attr("__defaults__");
    if (!defaults.is_none()) {
        py::list kept;
        for (py::handle value : defaults)
            kept.append(keptObject(value.ptr()));
        defaults = py::tuple(kept);
    }
    py::object kwdefaults = newFn.attr("__kwdefaults__");
    if (!kwdefaults.is_none()) {
        py::dict kept;
        for (auto item : py::reinterpret_borrow<py::dict>(kwdefaults))
            kept[item.first] = keptObject(item.second.ptr());
        kwdefaults = kept;
    }
    oldFn.attr("__defaults__") = defaults;
    oldFn.attr("__kwdefaults__") = kwdefaults;
    oldFn.attr("__annotations__") = newFn.attr("__annotations__");
    oldFn.attr("__doc__") = newFn.attr("__doc__");
    // functools.wraps copies the name of the function it wraps: a
    // function that gains or loses a decorator changes these too.
    for (const char *attr : {"__name__", "__qualname__", "__module__"}) {
        if (!oldFn.attr(attr).equal(newFn.attr(attr)))
            oldFn.attr(attr) = newFn.attr(attr);
    }
    // The new version's attributes are copied over (a snapshot: a value
    // replaced here may run a __del__); `__wrapped__` names the kept
    // wrapped function, and goes when the new version has none (the
    // decorator was removed). Other attributes set at run time stay.
    py::dict d = oldFn.attr("__dict__");
    py::dict newAttributes = py::dict(newFn.attr("__dict__")).attr("copy")();
    if (!newAttributes.contains("__wrapped__") && d.contains("__wrapped__"))
        d.attr("pop")("__wrapped__");
    for (auto item : newAttributes) {
        if (item.first.cast<std::string>() == "__wrapped__")
            d[item.first] = keptObject(item.second.ptr());
        else
            d[item.first] = item.second;
    }
    if (!twin)
        updateTwins(tx, oldFn, newFn, ownerClass);
}

py::object ObjectMerge::receivedFunction(py::handle decorated, const QString &qualName, py::handle globals)
{
    const std::string wanted = qualName.toStdString();
    const std::string name = qualName.section(QLatin1Char('.'), -1).toStdString();
    std::vector<py::object> level{py::reinterpret_borrow<py::object>(decorated)};
    std::unordered_set<PyObject *> seen;
    for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
        std::vector<py::object> next;
        auto follow = [&](py::handle h) {
            if (h && !h.is_none() && !isClass(h) && !PyModule_Check(h.ptr()) && seen.insert(h.ptr()).second)
                next.push_back(py::reinterpret_borrow<py::object>(h));
        };
        for (const py::object &object : level) {
            if (isFunction(object)) {
                auto *f = reinterpret_cast<PyFunctionObject *>(object.ptr());
                auto *code = reinterpret_cast<PyCodeObject *>(f->func_code);
                if (f->func_globals == globals.ptr() && py::str(code->co_name).cast<std::string>() == name
                    && py::str(code->co_qualname).cast<std::string>() == wanted)
                    return object;
                if (f->func_closure) {
                    for (py::handle cell : py::reinterpret_borrow<py::tuple>(f->func_closure))
                        follow(PyCell_GET(cell.ptr()));
                }
            } else if (PyMethod_Check(object.ptr())) {
                follow(PyMethod_GET_FUNCTION(object.ptr()));
                continue;
            } else if (py::isinstance(object, py::module_::import("builtins").attr("classmethod"))
                       || py::isinstance(object, py::module_::import("builtins").attr("staticmethod"))) {
                follow(object.attr("__func__"));
            }
            // Only the instance's own attributes are read: a property of an
            // arbitrary object could run code.
            if (Py_TYPE(object.ptr())->tp_dictoffset == 0)
                continue;
            py::object dict = py::reinterpret_steal<py::object>(PyObject_GenericGetDict(object.ptr(), nullptr));
            if (!dict) {
                PyErr_Clear();  // no instance dict after all: nothing of it to follow
                continue;
            }
            if (PyDict_Check(dict.ptr())) {
                PyObject *key = nullptr;
                PyObject *value = nullptr;
                Py_ssize_t pos = 0;
                while (PyDict_Next(dict.ptr(), &pos, &key, &value)) {
                    if (isFunction(value) || PyMethod_Check(value) || PyUnicode_CompareWithASCIIString(key, "__wrapped__") == 0)
                        follow(value);
                }
            }
        }
        level.swap(next);
    }
    return py::object();
}

void ObjectMerge::updateDecorated(Transaction &tx, py::handle decorated, py::handle received, py::handle bare,
                                  const QString &name)
{
    // functools.wraps copied the received function's name, doc and
    // annotations onto the wrappers between: those that still hold the old
    // values take the new ones, as running the decorator again would give.
    static const char *const assigned[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    std::vector<std::pair<const char *, py::object>> before;
    for (const char *attr : assigned)
        before.emplace_back(attr, py::getattr(received, attr, py::none()));
    updateFunction(tx, received, bare, py::handle(), name);
    py::object wrapper = py::reinterpret_borrow<py::object>(decorated);
    for (int depth = 0; depth < 8 && !wrapper.is(received) && isFunction(wrapper); ++depth) {
        for (const auto &[attr, old] : before) {
            py::object now = py::getattr(wrapper, attr, py::none());
            py::object fresh = py::getattr(received, attr, py::none());
            if (now.is(old) && !fresh.is(old)) {
                wrapper.attr(attr) = fresh;
                tx.undo.push_back([wrapper, attr = attr, old = old] { wrapper.attr(attr) = old; });
            }
        }
        wrapper = py::getattr(wrapper, "__wrapped__", py::none());
    }
    if (!isFunction(decorated) && py::hasattr(decorated, "cache_clear"))
        decorated.attr("cache_clear")();
    action(name, QStringLiteral("code replaced; decorators not called again"));
}

namespace {

// The code objects nested in `oldCode` and `newCode` at the same place: by
// qualified name, the n-th of a name with the n-th (two lambdas of one
// function), at every depth.
void pairNestedCode(py::handle oldCode, py::handle newCode, std::vector<std::pair<py::object, py::object>> &out)
{
    auto children = [](py::handle code) {
        std::vector<std::pair<std::string, py::object>> kids;
        for (py::handle constant : code.attr("co_consts")) {
            if (PyCode_Check(constant.ptr()))
                kids.emplace_back(constant.attr("co_qualname").cast<std::string>(),
                                  py::reinterpret_borrow<py::object>(constant));
        }
        return kids;
    };
    const auto oldKids = children(oldCode);
    auto newKids = children(newCode);
    std::vector<bool> taken(newKids.size(), false);
    for (const auto &[name, code] : oldKids) {
        for (size_t i = 0; i < newKids.size(); ++i) {
            if (!taken[i] && newKids[i].first == name) {
                taken[i] = true;
                out.emplace_back(code, newKids[i].second);
                pairNestedCode(code, newKids[i].second, out);
                break;
            }
        }
    }
}

QString joined(py::handle names)
{
    QStringList out;
    for (py::handle n : names)
        out << toQString(n);
    return QLatin1Char('(') + out.join(QLatin1String(", ")) + QLatin1Char(')');
}

} // namespace

void ObjectMerge::updateMadeFunctions(Transaction &tx)
{
    if (m_replacedCode.empty())
        return;
    MadeFunctions::catchUp();
    std::vector<std::pair<py::object, py::object>> pairs;
    std::vector<py::object> pairGlobals;  // the globals of the function whose code held them
    for (const ReplacedCode &replaced : m_replacedCode) {
        pairNestedCode(replaced.oldCode, replaced.newCode, pairs);
        pairGlobals.resize(pairs.size(), replaced.globals);
    }
    m_replacedCode.clear();
    for (size_t p = 0; p < pairs.size(); ++p) {
        const py::object &oldCode = pairs[p].first;
        const py::object &newCode = pairs[p].second;
        if (oldCode.is(newCode))
            continue;
        int swapped = 0;
        int kept = 0;
        for (const py::object &fn : MadeFunctions::madeFrom(oldCode)) {
            const py::object currentCode = py::reinterpret_borrow<py::object>(reinterpret_cast<PyFunctionObject *>(fn.ptr())->func_code);
            PyObject *current = currentCode.ptr();
            if (current == newCode.ptr()) {
                MadeFunctions::record(newCode, fn);  // given the new code by the merge itself
                m_lines.skip(fn);
                continue;
            }
            // Made from the old code, or from a copy of it that moved in the
            // file (same bytecode, other lines); not from another place of
            // the same name.
            // Functions made by the same module's code: a file's name is not
            // enough (a class adopted from another file).
            if (reinterpret_cast<PyFunctionObject *>(fn.ptr())->func_globals != pairGlobals[p].ptr())
                continue;
            if (current != oldCode.ptr()
                && !(py::handle(current).attr("co_code").equal(oldCode.attr("co_code"))
                     && py::handle(current).attr("co_freevars").equal(oldCode.attr("co_freevars"))))
                continue;
            // The closure keeps the cells it has, with the values they hold:
            // the new code must need no variable the old one did not have.
            py::tuple oldFree = py::handle(current).attr("co_freevars");
            py::tuple newFree = newCode.attr("co_freevars");
            py::object closure = fn.attr("__closure__");
            py::list cells;
            for (py::handle name : newFree) {
                for (size_t i = 0; i < py::len(oldFree); ++i) {
                    if (py::reinterpret_borrow<py::object>(oldFree[i]).equal(name)) {
                        cells.append(closure[py::int_(i)]);
                        break;
                    }
                }
            }
            if (py::len(cells) != py::len(newFree)) {
                ++kept;
                continue;
            }
            py::object globals = fn.attr("__globals__");
            py::object previous = py::reinterpret_borrow<py::object>(current);  // before the function drops it
            setCodeAndClosure(fn, newCode, py::len(cells) ? py::object(py::tuple(cells)) : py::object(py::none()), globals);
            tx.undo.push_back([fn, previous, closure, globals] { setCodeAndClosure(fn, previous, closure, globals); });
            MadeFunctions::record(newCode, fn);
            m_lines.skip(fn);  // the new code has the new lines already
            ++swapped;
        }
        const QString name = toQString(newCode.attr("co_qualname"));
        if (swapped > 0)
            action(name, QStringLiteral("%1 function(s) made before this save run the new code").arg(swapped));
        if (kept > 0)
            warn(name, QStringLiteral("%1 function(s) made before this save keep the old code: its free variables "
                                      "changed from %2 to %3")
                           .arg(kept)
                           .arg(joined(oldCode.attr("co_freevars")), joined(newCode.attr("co_freevars"))));
    }
}

bool ObjectMerge::updateWrapper(Transaction &tx, py::handle oldValue, py::handle newValue, py::handle ownerClass,
                   const QString &name)
{
    if (!oldValue || isFunction(oldValue) || isClass(oldValue) || !py::type::of(oldValue).is(py::type::of(newValue)))
        return false;
    const char *field = nullptr;
    if (py::isinstance(oldValue, py::module_::import("functools").attr("cached_property")))
        field = "func";
    else if (isFunction(py::getattr(oldValue, "__wrapped__", py::none()))
             && isFunction(py::getattr(newValue, "__wrapped__", py::none())))
        field = "__wrapped__";
    if (!field || !isFunction(oldValue.attr(field)) || !isFunction(newValue.attr(field)))
        return false;
    updateFunction(tx, oldValue.attr(field), newValue.attr(field), ownerClass, name);
    m_objects[newValue.ptr()] = py::reinterpret_borrow<py::object>(oldValue);
    m_keepAlive.append(py::reinterpret_borrow<py::object>(newValue));
    if (py::hasattr(oldValue, "cache_clear"))
        oldValue.attr("cache_clear")();
    clearTwinCaches(oldValue, newValue);
    return true;
}

void ObjectMerge::clearTwinCaches(py::handle oldWrapper, py::handle newWrapper)
{
    if (!py::hasattr(oldWrapper, "cache_clear"))
        return;
    static py::object *registry = new py::object(py::module_::import("weakref").attr("WeakKeyDictionary")());
    py::object ref = py::module_::import("weakref").attr("ref");
    py::list alive;
    try {
        for (py::handle r : registry->attr("get")(oldWrapper, py::tuple())) {
            py::object twin = r();
            if (twin.is_none() || twin.is(oldWrapper) || twin.is(newWrapper))
                continue;
            twin.attr("cache_clear")();
            alive.append(r);
        }
        alive.append(ref(newWrapper));
        (*registry)[oldWrapper] = py::tuple(alive);
    } catch (py::error_already_set &) {
        // A wrapper type without weak references: none of its copies can
        // be followed, and the kept wrapper was cleared above.
    }
}

void ObjectMerge::updateTwins(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass)
{
    static py::object *registry = new py::object(py::module_::import("weakref").attr("WeakKeyDictionary")());
    py::object ref = py::module_::import("weakref").attr("ref");
    py::list alive;
    for (py::handle r : registry->attr("get")(oldFn, py::tuple())) {
        py::object t = r();
        if (t.is_none() || t.is(oldFn) || t.is(newFn))
            continue;
        updateFunction(tx, t, newFn, ownerClass, QString(), /*twin=*/true);
        alive.append(r);
    }
    alive.append(ref(newFn));
    (*registry)[oldFn] = py::tuple(alive);
}

void ObjectMerge::setCodeAndClosure(py::handle fn, py::handle code, py::handle closure, py::handle globals)
{
    auto *f = reinterpret_cast<PyFunctionObject *>(fn.ptr());
    // CPython has no setter for __globals__ (read-only from Python): a
    // class adopted by another file runs in that file's globals, so the
    // field is written here, before the code, whose setter below
    // invalidates what the specialising interpreter cached for it.
    if (globals.ptr() != f->func_globals) {
        Py_INCREF(globals.ptr());
        Py_SETREF(f->func_globals, globals.ptr());
    }
    // Assigning __code__ refuses a code object whose number of free
    // variables differs from the current closure, and __closure__ is
    // read-only from Python: the closure goes first, through the C API
    // (which does not check it), then the code through its setter.
    if (PyFunction_SetClosure(fn.ptr(), closure.ptr()) != 0)
        throw py::error_already_set();
    if (PyObject_SetAttrString(fn.ptr(), "__code__", code.ptr()) != 0)
        throw py::error_already_set();
}

} // namespace reloading
