#pragma once

// What every benchmark section shares: percentiles of its samples, their
// summary for the JSON, and the shape of a row of the table.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>

// The p-th percentile (0..100) of `values`, interpolated between the two
// nearest samples; NaN without samples.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double k = double(values.size() - 1) * p / 100.0;
    const qsizetype lo = qsizetype(k);
    const qsizetype hi = std::min<qsizetype>(lo + 1, values.size() - 1);
    return values.at(lo) + (values.at(hi) - values.at(lo)) * (k - double(lo));
}

// p50, p95, p99, min, max and n of `values`, and the samples themselves.
inline QJsonObject stats(const QList<double> &values)
{
    QJsonObject o;
    o[QStringLiteral("p50")] = percentile(values, 50);
    o[QStringLiteral("p95")] = percentile(values, 95);
    o[QStringLiteral("p99")] = percentile(values, 99);
    o[QStringLiteral("n")] = int(values.size());
    if (!values.isEmpty()) {
        o[QStringLiteral("min")] = *std::min_element(values.begin(), values.end());
        o[QStringLiteral("max")] = *std::max_element(values.begin(), values.end());
    }
    QJsonArray all;
    for (double v : values)
        all.append(v);
    o[QStringLiteral("values")] = all;
    return o;
}

// A row of the table: number, measurement, Relive, peer, target, result.
using BenchRow = std::function<void(const QString &, const QString &, const QString &, const QString &,
                                    const QString &, const QString &)>;
