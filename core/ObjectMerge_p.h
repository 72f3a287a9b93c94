#pragma once

// Private to core: includes pybind11.
#include "LineShifter_p.h"
#include "ReloadTransaction_p.h"
#include "Reloader_p.h"
#include "StatementPlan_p.h"

#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace reloading {

// The merge of one reload: each name a changed statement bound is merged into
// the object that was live before, by one dispatch (mergeValue, for module
// and class level alike), which hands functions to the function merge
// (FunctionMerge.cpp) and classes to the class merge (ClassMerge.cpp). Every
// mutation goes into the transaction given, so that a failed reload undoes
// all of them. It remembers which new object each kept object stands for.
class ObjectMerge
{
public:
    ObjectMerge(const QString &path, ReloadReport &report, const SourceText *oldText, const SourceText *newText);
    void setAdoption(std::function<std::optional<Reloader::Adoption>(const QString &)> adopt)
    {
        m_adopt = std::move(adopt);
    }
    // Once every changed statement is merged: moves the line numbers of the
    // unchanged definitions that moved, except functions that took new code.
    void shiftMovedLines(Transaction &tx);
    LineShifter &lines() { return m_lines; }
    void action(const QString &object, const QString &what)
    {
        m_report.actions.append({object, what});
    }
    // The old function object keeps living and takes the new one's code, so
    // every reference to it (a bound method kept as a callback, an entry in a
    // list) runs the new code.
    void updateFunction(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass,
                        const QString &name, bool twin = false);
    // The function a decorator received, found in what it returned (`decorated`):
    // that object itself, or reached through `__wrapped__`, the cells of a
    // closure, a method's `__func__` or the attributes of a callable object
    // (a registered command's callback), a few steps deep. It is the function
    // of the def `qualName` of the module whose namespace is `globals`.
    // Null when none is found.
    static py::object receivedFunction(py::handle decorated, const QString &qualName, py::handle globals);
    // A decorated def whose body alone changed: `received` (the function
    // the decorators received when the def last ran) takes the code of
    // `bare`, the def run without its decorators; what they returned
    // (`decorated`) stays bound, and a result cache in it is cleared.
    void updateDecorated(Transaction &tx, py::handle decorated, py::handle received, py::handle bare,
                         const QString &name);
    // Once every changed statement is merged: the functions made at run time
    // from the nested code of the functions that took new code (wrappers a
    // decorator made, views made inside a factory) take the nested code of the
    // new version at the same place (by qualified name, in order), where their
    // free variables allow; the others are reported as keeping the old code.
    void updateMadeFunctions(Transaction &tx);
    // A callable object wrapping a function: functools.lru_cache / cache
    // (`__wrapped__`), functools.cached_property (`func`). The wrapper is kept,
    // the function inside it takes the new code, and a result cache is
    // cleared, since it holds what the old code computed.
    bool updateWrapper(Transaction &tx, py::handle oldValue, py::handle newValue, py::handle ownerClass,
                       const QString &name);
    // A wrapper made by a changed statement may escape too (a list of
    // handlers rebuilt in the same save holds the new lru_cache): the
    // function inside it is a twin (below), and its cache, which holds what
    // the old code computed, is cleared with the kept wrapper's.
    static void clearTwinCaches(py::handle oldWrapper, py::handle newWrapper);
    // Running a changed statement creates new function objects, and some
    // escape before the merge: a decorator registers them, a changed list
    // holds them. They stay twins of the kept function (by weak reference),
    // and every later reload updates them together with it, so no copy is
    // left running old code.
    void updateTwins(Transaction &tx, py::handle oldFn, py::handle newFn, py::handle ownerClass);
    // The object that stays alive for `object`, an object of the new version.
    py::object keptObject(PyObject *object);
    static void setCodeAndClosure(py::handle fn, py::handle code, py::handle closure, py::handle globals);
    // Through type.__setattr__ itself: a metaclass's __setattr__ (Enum's
    // refuses to rebind members) must not see the reloader's own writes.
    static void typeSetAttr(py::handle cls, const std::string &key, py::handle value);
    static void setAttr(Transaction &tx, py::handle cls, const QString &name, py::handle value);
    static void delAttr(Transaction &tx, py::handle cls, const QString &name);
    // Enum members keep their identity: a member that stays is the old
    // object (its value updated if it changed), a new member is re-classed
    // to the kept class, and the lookup tables are rebuilt from those.
    // Returns the names the generic merge must leave alone.
    QSet<QString> mergeEnumMembers(Transaction &tx, py::handle oldCls, py::handle newCls, const QString &qualName);
    // Updates class `oldCls` in place from `newCls`. Returns false, with a
    // warning and nothing changed, when that cannot be done.
    bool updateClass(Transaction &outer, py::handle oldCls, py::handle newCls, py::handle oldNode,
                     py::handle newNode, const QString &qualName, const QSet<QString> &outerDirty,
                     bool adopted = false);
    void warn(const QString &object, const QString &text)
    {
        m_report.warnings << QStringLiteral("%1: %2").arg(object, text);
    }
    const QString &path() const { return m_path; }
    const std::vector<py::object> &updatedClasses() const { return m_updated; }
    // The one merge rule for a name that a changed statement bound, at module
    // level (`ownerClass` null) and in a class body alike. Where the old and
    // the new value are of a kind that updates in place (class, function,
    // classmethod/staticmethod, property, lru_cache/cached_property wrapper,
    // a class adopted from another file), the old object takes the new
    // definition and is returned: the owner binds it. Otherwise the new
    // value is returned, and the owner binds that.
    py::object mergeValue(Transaction &tx, const py::object &oldValue, const py::object &newValue,
                          py::handle ownerClass, const QString &name, const QString &qualName,
                          const StatementPlan &plan, bool quiet = false);
    // A class that is new in this version but derives from a class just
    // merged into a kept one (`class B(A)` added in the save that edited
    // `A`) was created on the throw-away version of that base: it takes the
    // kept one, so that issubclass, super() and later edits of the base hold.
    void rebase(Transaction &tx, py::handle cls, const QString &qualName);

private:
    // Functions compiled in the new class body share one `__class__` cell
    // (zero-argument super()); it must name the class that stays alive. The
    // cell is also reached inside what decorators made of those functions:
    // a functools.wraps wrapper's closure, `__wrapped__`, an lru_cache, a
    // classmethod or property, so those are followed too.
    void retargetClassCell(Transaction &tx, py::handle newCls, py::handle oldCls);
    // A class-body name: merged, or the new value bound on the kept class.
    void bindMember(Transaction &tx, py::handle cls, const QString &name, const py::object &oldValue,
                    const py::object &newValue, const StatementPlan &plan, const QString &qualName, bool quiet);

    QString m_path;
    ReloadReport &m_report;
    const SourceText *m_oldText;
    const SourceText *m_newText;
    std::unordered_map<PyObject *, py::object> m_classes;    // new class -> the old one kept alive
    std::unordered_map<PyObject *, py::object> m_functions;  // new function -> the old one kept alive
    std::unordered_map<PyObject *, py::object> m_objects;    // new enum member -> the one kept
    py::list m_keepAlive;  // the new objects above, so that their addresses stay theirs
    QSet<QString> m_dirty; // names changed in the enclosing scopes of the class being merged
    std::vector<py::object> m_updated;  // classes updated in place
    struct ReplacedCode
    {
        py::object oldCode;
        py::object newCode;
        py::object globals;
    };
    std::vector<ReplacedCode> m_replacedCode;  // the functions updated: their code before and after
    bool m_adopting = false;            // merging a class adopted from another file, or one nested in it
    LineShifter m_lines;                // unchanged definitions that moved, shifted once the merge is done
    std::function<std::optional<Reloader::Adoption>(const QString &)> m_adopt;
};

} // namespace reloading
