#pragma once

#include <QJsonObject>
#include <QString>

#include "BenchStats.h"

// The "variables" section of relive-bench: the Variables panel's refresh
// with 10,000 globals in __main__ (request → rows shown) and the longest
// time the GUI thread could not run meanwhile, until every value is in.
QJsonObject sectionVariables(bool quick);

// Its rows of the table, each with its target.
void variablesRows(const QJsonObject &all,
                   const BenchRow &row);
