#include "ReloadReport.h"

#include <QFileInfo>

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
    for (const ReloadAction &a : actions)
        parts << QStringLiteral("%1: %2").arg(a.object, a.action);
    if (parts.isEmpty())
        parts << QStringLiteral("no change");
    return QStringLiteral("%1: %2 (%3 ms)").arg(name, parts.join(QStringLiteral("; ")), duration);
}
