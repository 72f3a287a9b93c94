#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace reloading {

// core/python/relive_statements.py: what a statement binds and reads, and
// the parsing of one top-level statement cut from a file.
py::module_ statements();
bool isDefinition(py::handle stmt);
QStringList toStringList(py::handle names);
// Names a def or class statement reads when it runs (decorators, defaults,
// and for a class the statements of its body), not those read by the bodies
// of functions, nor a class's bases: a base edited in place needs no rerun,
// and rerunning a subclass would repeat __init_subclass__ side effects.
py::object definitionReads();
// Adds the class statements of a block to `out` (name -> ClassDef), also
// inside if/try/with/for blocks, not inside functions.
void collectClassNodes(py::handle stmt, std::unordered_map<std::string, py::object> &out);

// Which statements of a block (module or class body) changed between two
// versions of the source. Statements compare by their syntax tree without
// positions, so moving a statement or reformatting a comment changes nothing.
//
// A statement also counts as changed when a name it binds is bound by a
// changed or removed statement (a property whose deleter was removed keeps
// its getter and setter statements, but the property object differs), and a
// def or class whose decorators or default values name something that
// changed runs again, since those are evaluated when the statement runs.
struct StatementPlan
{
    py::list changed;                 // new statements to execute, in order
    QStringList changedNames;         // names those statements bind, in order
    QSet<QString> dirtyNames;         // every name bound by a changed or removed statement
    QSet<QString> oldNames;
    QSet<QString> newNames;
    std::vector<std::pair<py::object, py::object>> moved;  // unchanged def/class, other line
    std::unordered_map<std::string, py::object> oldClassNodes;
    std::unordered_map<std::string, py::object> newClassNodes;
    // Decorated defs whose body changed and whose decorator lines did not:
    // `changed` holds them without their decorators (the decorators are not
    // called again; the merge gives the function they received the new
    // code). Name -> (index in `changed`, the def as written), so that the
    // reloader can run the whole def where no received function is found.
    std::unordered_map<std::string, std::pair<size_t, py::object>> bodyOnly;
};

// The text of a statement (with its decorators), to match unchanged
// statements without dumping their syntax trees: a 5 MB table is compared as
// a string. Positions are UTF-8 byte offsets, as the ast module gives them.
struct SourceText
{
    std::string bytes;
    std::vector<size_t> lineStarts;

    explicit SourceText(const QByteArray &source) : bytes(source.constData(), size_t(source.size()))
    {
        lineStarts.push_back(0);
        for (size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] == '\n')
                lineStarts.push_back(i + 1);
        }
    }
    std::string segment(py::handle stmt) const
    {
        int line = stmt.attr("lineno").cast<int>();
        int column = stmt.attr("col_offset").cast<int>();
        for (py::handle decorator : py::getattr(stmt, "decorator_list", py::list())) {
            const int l = decorator.attr("lineno").cast<int>();
            if (l < line) {
                line = l;
                column = decorator.attr("col_offset").cast<int>();
            }
        }
        const py::object endLine = stmt.attr("end_lineno");
        const py::object endColumn = stmt.attr("end_col_offset");
        if (endLine.is_none() || endColumn.is_none() || line < 1 || size_t(line) > lineStarts.size())
            return std::string();
        const size_t end = lineStarts[std::min(size_t(endLine.cast<int>()), lineStarts.size()) - 1]
                           + endColumn.cast<size_t>();
        // Decorators start with '@' one column left of their expression.
        size_t begin = lineStarts[line - 1] + column;
        while (begin > lineStarts[line - 1] && bytes[begin - 1] == '@')
            --begin;
        if (end > bytes.size() || begin > end)
            return std::string();
        return bytes.substr(begin, end - begin);
    }
};

// The plan of a class body (the module body has ModulePlanner, which does
// not parse what did not change): matches the statements of the old and the
// new body by their text, then by their syntax tree.
StatementPlan planStatements(py::handle oldBody, py::handle newBody, bool includeImports,
                             const QSet<QString> &outerDirty = {}, bool everything = false,
                             const SourceText *oldText = nullptr, const SourceText *newText = nullptr);

} // namespace reloading
