#include "LineDiff.h"

#include <QHash>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace LineDiff {

namespace {

// The matched (old, new) line pairs of a shortest edit script between a and b,
// or false when it needs more than MaxEdits edits.
bool matchLines(const std::vector<int> &a, const std::vector<int> &b,
                std::vector<std::pair<int, int>> *matches)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = std::min(n + m, MaxEdits);
    const int offset = max + 1;
    std::vector<int> v(2 * max + 3, 0);
    // The furthest reaching x of each diagonal k before round d, for k in
    // [-d, d]: what the backtrack needs, without a full copy per round.
    std::vector<std::vector<int>> trace;
    for (int d = 0; d <= max; ++d) {
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                // Walk back from (n, m), collecting each snake's diagonal.
                int cx = n;
                int cy = m;
                for (int e = d; e > 0; --e) {
                    const std::vector<int> &prev = trace[e];
                    const int ck = cx - cy;
                    auto at = [&](int kk) { return prev[kk + e]; };
                    const bool down = ck == -e || (ck != e && at(ck - 1) < at(ck + 1));
                    const int pk = down ? ck + 1 : ck - 1;
                    const int px = at(pk);
                    const int py = px - pk;
                    const int sx = down ? px : px + 1;  // after the one edit
                    while (cx > sx && cy > (sx - ck)) {
                        --cx;
                        --cy;
                        matches->emplace_back(cx, cy);
                    }
                    cx = px;
                    cy = py;
                }
                while (cx > 0 && cy > 0) {
                    --cx;
                    --cy;
                    matches->emplace_back(cx, cy);
                }
                std::reverse(matches->begin(), matches->end());
                return true;
            }
        }
    }
    return false;
}

} // namespace

QList<Hunk> compute(const QStringList &before, const QStringList &after)
{
    int prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    const int oldCount = int(before.size()) - prefix - suffix;
    const int newCount = int(after.size()) - prefix - suffix;
    if (oldCount == 0 && newCount == 0)
        return {};

    // Lines compared as numbers: each distinct text gets one.
    QHash<QString, int> ids;
    auto idsOf = [&ids](const QStringList &lines, int from, int count) {
        std::vector<int> result;
        result.reserve(count);
        for (int i = from; i < from + count; ++i) {
            auto it = ids.constFind(lines.at(i));
            if (it == ids.constEnd())
                it = ids.insert(lines.at(i), int(ids.size()));
            result.push_back(it.value());
        }
        return result;
    };
    const std::vector<int> a = idsOf(before, prefix, oldCount);
    const std::vector<int> b = idsOf(after, prefix, newCount);

    std::vector<std::pair<int, int>> matches;
    if (!matchLines(a, b, &matches))
        return {Hunk{prefix, oldCount, after.mid(prefix, newCount)}};
    matches.emplace_back(oldCount, newCount);  // a sentinel closing the last gap

    QList<Hunk> hunks;
    int x = 0;
    int y = 0;
    for (const auto &[mx, my] : matches) {
        if (mx > x || my > y)
            hunks.append(Hunk{prefix + x, mx - x, after.mid(prefix + y, my - y)});
        x = mx + 1;
        y = my + 1;
    }
    return hunks;
}

QStringList apply(const QStringList &before, const QList<Hunk> &hunks)
{
    QStringList result = before;
    for (auto it = hunks.crbegin(); it != hunks.crend(); ++it) {
        result.remove(it->start, it->removed);
        for (int i = 0; i < it->inserted.size(); ++i)
            result.insert(it->start + i, it->inserted.at(i));
    }
    return result;
}

int mapLine(const QList<Hunk> &hunks, int line, const QString &text)
{
    auto squeezed = [](const QString &s) {
        QString result;
        for (QChar c : s) {
            if (!c.isSpace())
                result.append(c);
        }
        return result;
    };
    int shift = 0;
    for (const Hunk &hunk : hunks) {
        if (line < hunk.start)
            break;
        if (line < hunk.start + hunk.removed) {
            int inside = std::max(0, std::min(line - hunk.start, int(hunk.inserted.size()) - 1));
            const QString code = squeezed(text);
            if (!code.isEmpty()) {
                int best = -1;
                for (int i = 0; i < hunk.inserted.size(); ++i) {
                    if (squeezed(hunk.inserted.at(i)) == code &&
                        (best < 0 || std::abs(i - inside) < std::abs(best - inside)))
                        best = i;
                }
                if (best >= 0)
                    inside = best;
            }
            return hunk.start + shift + inside;
        }
        shift += int(hunk.inserted.size()) - hunk.removed;
    }
    return line + shift;
}

} // namespace LineDiff
