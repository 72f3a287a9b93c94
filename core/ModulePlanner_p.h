#pragma once

// Private to core: includes pybind11.
#include "Reloader_p.h"
#include "StatementPlan_p.h"
#include "StatementScanner_p.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <vector>

namespace reloading {

// The plan for a module body, found without parsing what did not change:
// the new source is split into its top-level statements by a scan
// (StatementScanner), each compared to the old ones by its text; only the
// statements whose text changed, and the old ones they replace, are parsed.
// An unchanged statement runs again only when it binds a name a changed one
// binds, or (a def or class) reads one when it runs: the statements that
// mention such a name at all are found by a text search, and only those are
// parsed to decide.
struct ModulePlan
{
    StatementPlan statements;    // what runs, and the class nodes of both versions
    QStringList removedNames;    // bound by the old version only
    std::vector<Reloader::LineMove> kept;  // every statement that does not run: old lines -> new lines
    QList<QPair<QString, int>> ranNames;   // names (imports aside) that what runs binds, with their lines
    py::list future;             // `from __future__` imports, compiled with what runs
    py::object wholeTree;        // the new module's syntax tree, when every statement was parsed
};

class ModulePlanner
{
public:
    ModulePlanner(const QByteArray &oldBytes, const QByteArray &newBytes, const QString &path)
        : m_old(oldBytes), m_new(newBytes), m_file(path.toStdString()),
          m_oldStatements(StatementScanner::scan(oldBytes)), m_newStatements(StatementScanner::scan(newBytes)),
          m_oldNodes(m_oldStatements.size()), m_newNodes(m_newStatements.size()),
          m_newNames(m_newStatements.size()), m_newNamesKnown(m_newStatements.size(), false)
    {
    }

    // Raises SyntaxError (with the file's line) when a changed statement does not parse.
    ModulePlan plan();

private:
    py::object parse(const QByteArray &source, const StatementScanner::Statement &s)
    {
        const std::string_view text = StatementScanner::text(source, s);
        return statements().attr("parse_statements")(py::str(text.data(), text.size()), m_file, s.firstLine);
    }
    const py::object &newNodes(size_t j)
    {
        if (!m_newNodes[j])
            m_newNodes[j] = parse(m_new, m_newStatements[j]);
        return m_newNodes[j];
    }
    const py::object &oldNodes(size_t i)
    {
        if (!m_oldNodes[i]) {
            try {
                m_oldNodes[i] = parse(m_old, m_oldStatements[i]);
            } catch (py::error_already_set &) {
                // The old source was applied, so it parsed; a piece of it
                // that does not parse alone binds nothing to remove.
                m_oldNodes[i] = py::list();
            }
        }
        return m_oldNodes[i];
    }
    const QStringList &newNames(size_t j)
    {
        if (!m_newNamesKnown[j]) {
            for (py::handle stmt : newNodes(j))
                m_newNames[j] << Reloader::boundNames(stmt, true);
            m_newNamesKnown[j] = true;
        }
        return m_newNames[j];
    }

    // The unchanged statements not yet running whose text has one of
    // `names` as a word, in file order.
    std::vector<size_t> mentioning(const QSet<QString> &names, const std::vector<int> &matchOf,
                                   const std::vector<bool> &runs) const;

    const QByteArray &m_old;
    const QByteArray &m_new;
    py::str m_file;
    std::vector<StatementScanner::Statement> m_oldStatements;
    std::vector<StatementScanner::Statement> m_newStatements;
    std::vector<py::object> m_oldNodes;
    std::vector<py::object> m_newNodes;
    std::vector<QStringList> m_newNames;
    std::vector<bool> m_newNamesKnown;
};

} // namespace reloading
