#include "StatementPlan_p.h"

#include "PythonResource_p.h"
#include "ReloadValues_p.h"
#include "Reloader_p.h"

namespace reloading {

py::module_ statements()
{
    return importResourceModule("relive_statements", QStringLiteral("relive_statements.py"));
}

bool isDefinition(py::handle stmt)
{
    return statements().attr("is_definition")(stmt).cast<bool>();
}

QStringList toStringList(py::handle names)
{
    QStringList out;
    for (py::handle n : names)
        out << toQString(n);
    return out;
}

py::object definitionReads()
{
    return statements().attr("definition_reads");
}

void collectClassNodes(py::handle stmt, std::unordered_map<std::string, py::object> &out)
{
    py::dict found;
    statements().attr("class_nodes")(stmt, found);
    for (auto item : found)
        out[item.first.cast<std::string>()] = py::reinterpret_borrow<py::object>(item.second);
}

StatementPlan planStatements(py::handle oldBody, py::handle newBody, bool includeImports,
                             const QSet<QString> &outerDirty, bool everything,
                             const SourceText *oldText, const SourceText *newText)
{
    py::object key = statements().attr("key");
    auto treeKey = [&](py::handle stmt) { return key(py::make_tuple(stmt)).cast<std::string>(); };
    StatementPlan plan;
    // Unchanged statements match by their text first; the rest compare by
    // their syntax tree, so that reformatting or a comment changes nothing.
    std::vector<py::object> oldStatements;
    std::unordered_multimap<std::string, size_t> oldByText;
    for (py::handle stmt : oldBody) {
        if (oldText && newText)
            oldByText.emplace(oldText->segment(stmt), oldStatements.size());
        oldStatements.push_back(py::reinterpret_borrow<py::object>(stmt));
        for (const QString &n : Reloader::boundNames(stmt, includeImports))
            plan.oldNames.insert(n);
        collectClassNodes(stmt, plan.oldClassNodes);
    }
    std::vector<bool> oldMatched(oldStatements.size(), false);
    struct Entry
    {
        py::object stmt;
        QStringList names;
        bool changed = false;
        py::object matched;
        py::object reads;  // names it reads when it runs, computed once
    };
    std::vector<Entry> entries;
    for (py::handle stmt : newBody) {
        Entry e{py::reinterpret_borrow<py::object>(stmt), Reloader::boundNames(stmt, includeImports), false,
                py::object(), py::object()};
        for (const QString &n : e.names)
            plan.newNames.insert(n);
        collectClassNodes(stmt, plan.newClassNodes);
        if (!everything && !oldByText.empty()) {
            auto found = oldByText.find(newText->segment(stmt));
            if (found != oldByText.end()) {
                e.matched = oldStatements[found->second];
                oldMatched[found->second] = true;
                oldByText.erase(found);
            }
        }
        entries.push_back(std::move(e));
    }
    std::unordered_multimap<std::string, size_t> oldByTree;
    bool treesKeyed = false;
    for (Entry &e : entries) {
        if (e.matched)
            continue;
        if (!everything && !treesKeyed) {
            for (size_t i = 0; i < oldStatements.size(); ++i) {
                if (!oldMatched[i])
                    oldByTree.emplace(treeKey(oldStatements[i]), i);
            }
            treesKeyed = true;
        }
        auto found = everything ? oldByTree.end() : oldByTree.find(treeKey(e.stmt));
        if (found != oldByTree.end()) {
            e.matched = oldStatements[found->second];
            oldMatched[found->second] = true;
            oldByTree.erase(found);
        } else {
            e.changed = true;
            for (const QString &n : e.names)
                plan.dirtyNames.insert(n);
        }
    }
    for (size_t i = 0; i < oldStatements.size(); ++i) {
        if (oldMatched[i])
            continue;
        for (const QString &n : Reloader::boundNames(oldStatements[i], includeImports))
            plan.dirtyNames.insert(n);
    }
    py::object reads = definitionReads();
    QSet<QString> dirty = plan.dirtyNames + outerDirty;
    for (bool grew = true; grew;) {
        grew = false;
        for (Entry &e : entries) {
            if (e.changed)
                continue;
            bool affected = false;
            for (const QString &n : e.names)
                affected = affected || plan.dirtyNames.contains(n);
            if (!affected && !dirty.isEmpty()) {
                if (!e.reads)
                    e.reads = reads(e.stmt);
                for (py::handle n : e.reads) {
                    if (dirty.contains(toQString(n))) {
                        affected = true;
                        break;
                    }
                }
            }
            if (affected) {
                e.changed = true;
                grew = true;
                for (const QString &n : e.names) {
                    plan.dirtyNames.insert(n);
                    dirty.insert(n);
                }
            }
        }
    }
    for (Entry &e : entries) {
        if (!e.changed) {
            const bool definition = isDefinition(e.stmt);
            if (definition && e.matched.attr("lineno").cast<int>() != e.stmt.attr("lineno").cast<int>())
                plan.moved.emplace_back(e.matched, e.stmt);
            continue;
        }
        plan.changed.append(e.stmt);
        for (const QString &n : e.names) {
            if (!plan.changedNames.contains(n))
                plan.changedNames << n;
        }
    }
    return plan;
}

} // namespace reloading
