#include "ModulePlanner_p.h"

#include "ReloadValues_p.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace reloading {

ModulePlan ModulePlanner::plan()
{
    const size_t oldCount = m_oldStatements.size();
    const size_t newCount = m_newStatements.size();
    std::vector<int> matchOf(newCount, -1);
    std::vector<bool> oldMatched(oldCount, false);
    // An edit leaves most statements where they were: those before the
    // first and after the last difference match in place, by a compare;
    // only the ones between are looked up by their text.
    auto same = [&](size_t j, size_t i) {
        return StatementScanner::text(m_new, m_newStatements[j]) == StatementScanner::text(m_old, m_oldStatements[i]);
    };
    size_t head = 0;
    while (head < newCount && head < oldCount && same(head, head)) {
        matchOf[head] = int(head);
        oldMatched[head] = true;
        ++head;
    }
    size_t tail = 0;
    while (head + tail < newCount && head + tail < oldCount && same(newCount - 1 - tail, oldCount - 1 - tail)) {
        matchOf[newCount - 1 - tail] = int(oldCount - 1 - tail);
        oldMatched[oldCount - 1 - tail] = true;
        ++tail;
    }
    {
        struct Queue
        {
            std::vector<int> ids;
            size_t next = 0;
        };
        std::unordered_map<std::string_view, Queue> oldByText;
        for (size_t i = head; i + tail < oldCount; ++i)
            oldByText[StatementScanner::text(m_old, m_oldStatements[i])].ids.push_back(int(i));
        for (size_t j = head; j + tail < newCount; ++j) {
            auto found = oldByText.find(StatementScanner::text(m_new, m_newStatements[j]));
            if (found != oldByText.end() && found->second.next < found->second.ids.size()) {
                matchOf[j] = found->second.ids[found->second.next++];
                oldMatched[size_t(matchOf[j])] = true;
            }
        }
    }
    // Changed text: parsed, which reports a syntax error before anything runs.
    std::vector<size_t> changed;
    for (size_t j = 0; j < newCount; ++j) {
        if (matchOf[j] < 0) {
            newNodes(j);
            changed.push_back(j);
        }
    }
    // Reformatted, or only a comment changed: the same syntax tree as an old statement.
    if (!changed.empty()) {
        py::object key = statements().attr("key");
        std::unordered_map<std::string, std::vector<int>> oldByTree;
        for (size_t i = 0; i < oldCount; ++i) {
            if (!oldMatched[i])
                oldByTree[key(oldNodes(i)).cast<std::string>()].push_back(int(i));
        }
        std::vector<size_t> stillChanged;
        for (size_t j : changed) {
            auto found = oldByTree.find(key(newNodes(j)).cast<std::string>());
            if (found != oldByTree.end() && !found->second.empty()) {
                matchOf[j] = found->second.front();
                oldMatched[size_t(matchOf[j])] = true;
                found->second.erase(found->second.begin());
            } else {
                stillChanged.push_back(j);
            }
        }
        changed.swap(stillChanged);
    }

    // A def whose decorator lines are those of the old def of its name (or
    // which has none, like it): only its body changed. The function object
    // stays (the merge gives it the new code), so a def that reads its name
    // in a decorator or a default need not run again; a decorated one runs
    // without its decorators.
    std::unordered_map<size_t, std::string> bodyOnlyCandidates;  // new statement -> def name
    QSet<QString> inPlace;
    {
        py::object decoratorsKey = statements().attr("decorators_key");
        auto defKey = [&](py::handle stmt) -> std::optional<std::pair<std::string, std::string>> {
            if (!statements().attr("is_function")(stmt).cast<bool>())
                return std::nullopt;
            py::object k = decoratorsKey(stmt);
            return std::make_pair(stmt.attr("name").cast<std::string>() + ' '
                                      + py::type::of(stmt).attr("__name__").cast<std::string>(),
                                  k.is_none() ? std::string() : k.cast<std::string>());
        };
        std::unordered_map<std::string, std::string> oldDefs;  // name and kind -> decorators key
        for (size_t i = 0; i < oldCount; ++i) {
            if (oldMatched[i] || py::len(oldNodes(i)) != 1)
                continue;
            if (auto k = defKey(oldNodes(i)[py::int_(0)]))
                oldDefs[k->first] = k->second;
        }
        for (size_t j : changed) {
            if (py::len(newNodes(j)) != 1)
                continue;
            py::handle stmt = newNodes(j)[py::int_(0)];
            auto k = defKey(stmt);
            if (!k)
                continue;
            auto found = oldDefs.find(k->first);
            if (found == oldDefs.end() || found->second != k->second)
                continue;
            const std::string name = stmt.attr("name").cast<std::string>();
            inPlace.insert(QString::fromStdString(name));
            if (!k->second.empty())
                bodyOnlyCandidates[j] = name;
        }
    }

    ModulePlan result;
    StatementPlan &plan = result.statements;
    std::vector<bool> runs(newCount, false);
    QSet<QString> dirty;
    for (size_t j : changed) {
        runs[j] = true;
        for (const QString &n : newNames(j))
            dirty.insert(n);
    }
    QStringList removedCandidates;  // in the order of the old file
    QSet<QString> removedSeen;
    for (size_t i = 0; i < oldCount; ++i) {
        if (oldMatched[i])
            continue;
        for (py::handle stmt : oldNodes(i)) {
            for (const QString &n : Reloader::boundNames(stmt, true)) {
                if (!removedSeen.contains(n)) {
                    removedSeen.insert(n);
                    removedCandidates << n;
                }
                dirty.insert(n);
            }
            collectClassNodes(stmt, plan.oldClassNodes);
        }
    }
    // Unchanged statements that bind or read a changed name run again,
    // and what they bind counts as changed in turn.
    py::object reads = definitionReads();
    QSet<QString> frontier = dirty;
    while (!frontier.isEmpty()) {
        QSet<QString> next;
        for (size_t j : mentioning(frontier, matchOf, runs)) {
            bool affected = false;
            for (const QString &n : newNames(j))
                affected = affected || dirty.contains(n);
            for (py::handle stmt : newNodes(j)) {
                if (affected)
                    break;
                // A def reading a function edited in place (its decorator,
                // `@login_required`) is not run again: its decorators would
                // be called again, and the wrappers they made take the new
                // code of the function that made them anyway.
                const bool function = statements().attr("is_function")(stmt).cast<bool>();
                for (py::handle n : reads(stmt)) {
                    const QString read = toQString(n);
                    if (dirty.contains(read) && !(function && inPlace.contains(read))) {
                        affected = true;
                        break;
                    }
                }
            }
            if (!affected)
                continue;
            runs[j] = true;
            for (const QString &n : newNames(j)) {
                if (!dirty.contains(n)) {
                    dirty.insert(n);
                    next.insert(n);
                }
            }
        }
        frontier.swap(next);
    }

    py::object isFuture = statements().attr("is_future_import");
    QSet<QString> ran;
    bool everything = true;
    py::list all;
    for (size_t j = 0; j < newCount; ++j) {
        const StatementScanner::Statement &s = m_newStatements[j];
        if (!runs[j]) {
            everything = false;
            const StatementScanner::Statement &o = m_oldStatements[size_t(matchOf[j])];
            result.kept.push_back({o.firstLine, o.lastLine, s.firstLine - o.firstLine});
            if (StatementScanner::text(m_new, s).substr(0, 15) == "from __future__") {
                for (py::handle stmt : newNodes(j)) {
                    if (isFuture(stmt).cast<bool>())
                        result.future.append(stmt);
                }
            }
            continue;
        }
        auto bodyOnly = bodyOnlyCandidates.find(j);
        if (bodyOnly != bodyOnlyCandidates.end()) {
            // Its decorators read nothing this save changed but its own name.
            py::handle stmt = newNodes(j)[py::int_(0)];
            for (py::handle n : statements().attr("decorator_reads")(stmt)) {
                const QString read = toQString(n);
                if (read != QString::fromStdString(bodyOnly->second) && dirty.contains(read) && !inPlace.contains(read)) {
                    bodyOnly = bodyOnlyCandidates.end();
                    break;
                }
            }
            if (bodyOnly != bodyOnlyCandidates.end())
                plan.bodyOnly[bodyOnly->second] = {size_t(py::len(plan.changed)), py::reinterpret_borrow<py::object>(stmt)};
        }
        for (py::handle stmt : newNodes(j)) {
            if (bodyOnly != bodyOnlyCandidates.end())
                plan.changed.append(statements().attr("without_decorators")(stmt));
            else
                plan.changed.append(stmt);
            all.append(stmt);
            for (const QString &n : Reloader::boundNames(stmt, true)) {
                if (!ran.contains(n)) {
                    ran.insert(n);
                    plan.changedNames << n;
                }
            }
            const int line = stmt.attr("lineno").cast<int>();
            for (const QString &n : Reloader::boundNames(stmt, false))
                result.ranNames.append({n, line});
            collectClassNodes(stmt, plan.newClassNodes);
        }
        if (matchOf[j] >= 0) {
            for (py::handle stmt : oldNodes(size_t(matchOf[j])))
                collectClassNodes(stmt, plan.oldClassNodes);
        }
    }
    std::sort(result.kept.begin(), result.kept.end(),
              [](const Reloader::LineMove &a, const Reloader::LineMove &b) { return a.first < b.first; });
    if (everything)
        result.wholeTree = statements().attr("module_of")(all);
    for (const QString &n : removedCandidates) {
        if (!ran.contains(n))
            result.removedNames << n;
    }
    plan.dirtyNames = dirty;
    return result;
}

std::vector<size_t> ModulePlanner::mentioning(const QSet<QString> &names, const std::vector<int> &matchOf,
                               const std::vector<bool> &runs) const
{
    if (m_newStatements.empty())
        return {};
    std::vector<std::string> owned;
    for (const QString &n : names)
        owned.push_back(n.toStdString());
    const std::unordered_set<std::string_view> words(owned.begin(), owned.end());
    std::vector<bool> hit(m_newStatements.size(), false);
    const char *s = m_new.constData();
    const int n = m_new.size();
    auto identifierByte = [](unsigned char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    };
    size_t statement = 0;
    for (int i = 0; i < n;) {
        if (!identifierByte(static_cast<unsigned char>(s[i])) || (s[i] >= '0' && s[i] <= '9')) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < n && identifierByte(static_cast<unsigned char>(s[i])))
            ++i;
        if (!words.count(std::string_view(s + start, size_t(i - start))))
            continue;
        while (statement + 1 < m_newStatements.size() && m_newStatements[statement + 1].begin <= start)
            ++statement;
        const StatementScanner::Statement &st = m_newStatements[statement];
        if (start >= st.begin && start < st.end)
            hit[statement] = true;
    }
    std::vector<size_t> out;
    for (size_t j = 0; j < hit.size(); ++j) {
        if (hit[j] && matchOf[j] >= 0 && !runs[j])
            out.push_back(j);
    }
    return out;
}

} // namespace reloading
