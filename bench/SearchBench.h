#pragma once

#include <QJsonObject>
#include <QString>

#include "BenchStats.h"

// The "search" section of relive-bench: Find in Files over 1,000 generated
// Python files of 100 lines, through the real panel and controller — the time
// until every result shows, and the longest the GUI thread stalled meanwhile.
QJsonObject sectionSearch(const QString &workDirectory, bool quick);

// Its row of the table.
void searchRows(const QJsonObject &all,
                const BenchRow &row);
