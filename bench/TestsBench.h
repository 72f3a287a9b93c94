#pragma once

#include <QJsonObject>
#include <QString>

#include "BenchStats.h"

// The "tests" section of relive-bench: one watch-mode rerun of a project's
// pytest suite after a save (TestRunner, in the live interpreter), against a
// fresh `python3 -m pytest` of the same suite.
QJsonObject sectionTests(const QString &workDirectory, bool quick, const QString &python);

// Its row of the table.
void testsRows(const QJsonObject &all,
               const BenchRow &row);
