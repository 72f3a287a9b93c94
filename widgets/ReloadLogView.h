#pragma once

#include "ReloadReport.h"

#include <QTreeWidget>

// One row per reload (time, file, duration, outcome, what changed), expandable
// to the full report. Activating an error or a traceback line emits its location.
class ReloadLogView : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { TimeColumn, FileColumn, DurationColumn, OutcomeColumn, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, LineRole };

    explicit ReloadLogView(QWidget *parent = nullptr);

    void addReport(const ReloadReport &report);
    void setMaximumReports(int count) { m_maximumReports = count; }

Q_SIGNALS:
    void locationActivated(const QString &file, int line);

protected:
    void updateGeometries() override;

private:
    void fitOutcome(QTreeWidgetItem *item);
    void refitOutcomes();

    int m_fittedWidth = -1;
    int m_maximumReports = 500;
};
