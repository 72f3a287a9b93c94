#include "ReloadReport.h"

#include <QFileInfo>
#include <QLocale>

namespace {
// Longer lists are summarised, and so are runs of at least MinRun actions.
constexpr int MaxActions = 50;
constexpr int MinRun = 8;
// summary() names at most this many parts.
constexpr int MaxSummaryParts = 20;
}

QList<ReloadAction> ReloadReport::summarisedActions(const QList<ReloadAction> &actions)
{
    if (actions.size() <= MaxActions)
        return actions;
    QList<ReloadAction> out;
    for (qsizetype i = 0; i < actions.size();) {
        qsizetype end = i + 1;
        while (end < actions.size() && actions.at(end).action == actions.at(i).action)
            ++end;
        if (end - i >= MinRun) {
            out.append({QStringLiteral("%1 \u2026 %2").arg(actions.at(i).object, actions.at(end - 1).object),
                        QStringLiteral("%1 (%2 names)")
                            .arg(actions.at(i).action, QLocale(QLocale::English).toString(qlonglong(end - i)))});
        } else {
            for (qsizetype k = i; k < end; ++k)
                out.append(actions.at(k));
        }
        i = end;
    }
    return out;
}

QString ReloadReport::pathText() const
{
    QString text;
    switch (path) {
    case Path::Unknown:
        return QString();
    case Path::EditedStatements:
        text = QStringLiteral("edited statements only");
        break;
    case Path::WholeModule:
        text = QStringLiteral("whole module");
        break;
    }
    return pathReason.isEmpty() ? text : QStringLiteral("%1: %2").arg(text, pathReason);
}

QString ReloadReport::summary() const
{
    const QString name = QFileInfo(file).fileName();
    const QString duration = QString::number(ms, 'f', 1);
    if (!ok()) {
        const QString where = errorLine > 0 ? QStringLiteral(":%1").arg(errorLine) : QString();
        if (kind == Kind::Check)
            return QStringLiteral("%1%2: %3 (checked, not loaded yet, %4 ms)").arg(name, where, error, duration);
        return QStringLiteral("%1%2: %3 (nothing applied, %4 ms)").arg(name, where, error, duration);
    }
    if (kind == Kind::Check)
        return QStringLiteral("%1: checked, not loaded yet (%2 ms)").arg(name, duration);
    QStringList parts;
    const QList<ReloadAction> shown = summarisedActions(actions);
    for (const ReloadAction &a : shown) {
        if (parts.size() == MaxSummaryParts) {
            parts << QStringLiteral("%1 more").arg(shown.size() - MaxSummaryParts);
            break;
        }
        parts << QStringLiteral("%1: %2").arg(a.object, a.action);
    }
    if (parts.isEmpty())
        parts << QStringLiteral("no change");
    if (path == Path::Unknown)
        return QStringLiteral("%1: %2 (%3 ms)").arg(name, parts.join(QStringLiteral("; ")), duration);
    return QStringLiteral("%1: %2 (%3 ms, %4)").arg(name, parts.join(QStringLiteral("; ")), duration, pathText());
}
