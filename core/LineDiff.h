#pragma once

#include <QList>
#include <QStringList>

// The lines that differ between two versions of a text, as hunks to apply to
// the old one. Formatting changes a few scattered lines; replacing only those
// keeps the cursor, the breakpoints and the scroll position with their lines.
namespace LineDiff {

struct Hunk
{
    int start = 0;          // first old line replaced (0-based)
    int removed = 0;        // old lines replaced, from `start` on
    QStringList inserted;   // the new lines in their place
    bool operator==(const Hunk &other) const
    {
        return start == other.start && removed == other.removed && inserted == other.inserted;
    }
};

// Hunks in ascending order, none overlapping; applying them from the last to
// the first turns `before` into `after`. The differences are minimal (Myers);
// past MaxEdits differing lines the whole changed middle is one hunk.
QList<Hunk> compute(const QStringList &before, const QStringList &after);
QStringList apply(const QStringList &before, const QList<Hunk> &hunks);
// The line of the new text where old line `line` (0-based) went. Inside a
// changed hunk, the new line that differs from `text` (the old line) only in
// whitespace, as a formatter changes it; else the same offset in the hunk.
int mapLine(const QList<Hunk> &hunks, int line, const QString &text = QString());

constexpr int MaxEdits = 2000;

} // namespace LineDiff
