#pragma once

// Private to core: includes pybind11.
#include "Overrides_p.h"
#include "ReloadTransaction_p.h"
#include "ReloadValues_p.h"

#include <QString>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace reloading {

// Moves the line numbers of unchanged definitions that moved in the file, so
// tracebacks and inspect point at the right lines without running them again.
// A code object belongs to the statement whose old lines hold its first line:
// the wrapper a decorator returned belongs to the decorator's statement (it
// moves with the decorator, if at all), never to the function it wraps.
class LineShifter
{
public:
    explicit LineShifter(const QString &path) : m_file(path.toStdString()) {}

    void add(py::handle oldStmt, py::handle newStmt, py::handle value)
    {
        int first = oldStmt.attr("lineno").cast<int>();
        for (py::handle d : py::getattr(oldStmt, "decorator_list", py::list()))
            first = std::min(first, d.attr("lineno").cast<int>());
        const py::object end = oldStmt.attr("end_lineno");
        const int last = end.is_none() ? first : end.cast<int>();
        const int delta = newStmt.attr("lineno").cast<int>() - oldStmt.attr("lineno").cast<int>();
        addRange(first, last, delta);
        m_roots.push_back(py::reinterpret_borrow<py::object>(value));
    }
    // Code whose first line is in old lines first..last moves by delta.
    void addRange(int first, int last, int delta)
    {
        if (delta != 0) {
            m_ranges.push_back({first, last, delta});
            m_sorted = false;
        }
    }
    size_t size() const { return m_ranges.size(); }
    void truncate(size_t ranges, size_t roots)
    {
        m_sorted = false;
        m_ranges.resize(std::min(ranges, m_ranges.size()));
        m_roots.resize(std::min(roots, m_roots.size()));
    }
    size_t rootCount() const { return m_roots.size(); }
    // Functions that took new code in this reload already carry new lines.
    void skip(py::handle fn) { m_seen.insert(fn.ptr()); m_alive.append(fn); }
    // And those another pass already shifted.
    // They are still followed: what they wrap may have moved on its own.
    void skipShifted(const LineShifter &other)
    {
        for (py::handle o : other.m_shifted) {
            m_fixed.insert(o.ptr());
            m_alive.append(o);
        }
    }
    // Every definition of the module is a root: a wrapper that a decorator
    // which moved made is held by whatever it decorated, moved or not.
    void addRoot(py::handle value) { m_roots.push_back(py::reinterpret_borrow<py::object>(value)); }

    void apply(Transaction &tx)
    {
        if (m_ranges.empty())
            return;
        sortRanges();
        for (const py::object &root : m_roots)
            visit(tx, root, 0);
    }

private:
    struct Range
    {
        int first;
        int last;
        int delta;
    };

    // Statement ranges are nested or disjoint: sorted by first line, the
    // innermost range holding a line is the last one that starts at or
    // before it and still reaches it; m_reach (the furthest line any range
    // up to there reaches) says when no earlier one can.
    void sortRanges()
    {
        if (m_sorted)
            return;
        std::stable_sort(m_ranges.begin(), m_ranges.end(),
                         [](const Range &a, const Range &b) { return a.first < b.first; });
        m_reach.resize(m_ranges.size());
        int reach = 0;
        for (size_t k = 0; k < m_ranges.size(); ++k) {
            reach = std::max(reach, m_ranges[k].last);
            m_reach[k] = reach;
        }
        m_sorted = true;
    }

    const Range *rangeOf(int line) const
    {
        auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), line,
                                   [](int l, const Range &r) { return l < r.first; });
        for (size_t k = size_t(it - m_ranges.begin()); k-- > 0 && m_reach[k] >= line;) {
            if (m_ranges[k].last >= line)
                return &m_ranges[k];
        }
        return nullptr;
    }

    static py::object shiftedCode(py::handle code, int delta)
    {
        py::list consts;
        for (py::handle c : code.attr("co_consts"))
            consts.append(PyCode_Check(c.ptr()) ? shiftedCode(c, delta) : py::reinterpret_borrow<py::object>(c));
        return code.attr("replace")(py::arg("co_firstlineno") = code.attr("co_firstlineno").cast<int>() + delta,
                                    py::arg("co_consts") = py::tuple(consts));
    }

    // Only objects whose attributes are plain data are followed (functions,
    // classes, the builtin descriptors and functools wrappers): reading an
    // attribute of an arbitrary object could run its __getattr__.
    void visit(Transaction &tx, py::handle value, int depth)
    {
        if (depth > 8 || !value || value.is_none() || m_seen.count(value.ptr()))
            return;
        m_seen.insert(value.ptr());
        m_alive.append(value);
        static py::object *types = [] {
            py::object builtins = py::module_::import("builtins");
            py::object functools = py::module_::import("functools");
            return new py::object(py::make_tuple(builtins.attr("property"), builtins.attr("classmethod"),
                                                 builtins.attr("staticmethod"), functools.attr("_lru_cache_wrapper"),
                                                 functools.attr("cached_property")));
        }();
        if (isFunction(value)) {
            // An overridden function runs the override's code, whose lines
            // are its own; the file's lines are in the function under it,
            // which a revert installs.
            if (py::object under = Overrides::underlyingFor(value)) {
                visit(tx, under, depth);
                return;
            }
            py::object code = value.attr("__code__");
            if (!m_fixed.count(value.ptr()) && py::object(code.attr("co_filename")).equal(py::object(m_file))) {
                if (const Range *r = rangeOf(code.attr("co_firstlineno").cast<int>())) {
                    py::object fn = py::reinterpret_borrow<py::object>(value);
                    fn.attr("__code__") = shiftedCode(code, r->delta);
                    tx.undo.push_back([fn, code] { fn.attr("__code__") = code; });
                    m_shifted.append(fn);
                }
            }
            visit(tx, py::dict(value.attr("__dict__")).attr("get")("__wrapped__"), depth + 1);
            PyObject *closure = PyFunction_GetClosure(value.ptr());
            if (closure) {
                for (py::handle cell : py::reinterpret_borrow<py::tuple>(closure)) {
                    PyObject *content = PyCell_GET(cell.ptr());
                    if (content && (PyFunction_Check(content) || PyObject_TypeCheck(content, &PyProperty_Type)
                                    || PyObject_IsInstance(content, types->ptr()) == 1))
                        visit(tx, content, depth + 1);
                }
            }
        } else if (isClass(value)) {
            for (auto item : py::dict(value.attr("__dict__")))
                visit(tx, item.second, depth + 1);
        } else if (PyObject_IsInstance(value.ptr(), types->ptr()) == 1) {
            for (const char *part : {"fget", "fset", "fdel", "__func__", "__wrapped__", "func"}) {
                if (py::hasattr(value, part))
                    visit(tx, value.attr(part), depth + 1);
            }
        }
    }

    py::str m_file;
    std::vector<Range> m_ranges;
    std::vector<int> m_reach;
    bool m_sorted = true;
    std::vector<py::object> m_roots;
    std::unordered_set<PyObject *> m_seen;
    std::unordered_set<PyObject *> m_fixed;  // already at their new lines
    py::list m_alive;  // keeps every visited object, so that no address is reused during the walk
    py::list m_shifted;
};

} // namespace reloading
