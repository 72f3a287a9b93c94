#pragma once

#include <QStringList>
#include <QWidget>

#include "WatchEvaluator.h"

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QTimer;
class QTreeWidget;

// Watch expressions and their values in the running program, evaluated on a
// timer (pausable), after each reload and whenever evaluateNow() is called
// (a debugger pause, say). A value that changed since the last evaluation is
// highlighted; one that raised shows "<error: …>".
class WatchesView : public QWidget
{
    Q_OBJECT
public:
    enum Column { ExpressionColumn, ValueColumn, ColumnCount };
    enum Role { ChangedRole = Qt::UserRole + 1 };

    explicit WatchesView(WatchEvaluator *evaluator, QWidget *parent = nullptr);

    QStringList expressions() const;
    void setExpressions(const QStringList &expressions);
    void addExpression(const QString &expression);
    // The module the expressions are evaluated in; empty for __main__.
    QString module() const;
    void setModule(const QString &module);
    int interval() const;  // ms
    void setInterval(int ms);
    bool isPaused() const;
    void setPaused(bool paused);

    QTreeWidget *list() const { return m_list; }

public Q_SLOTS:
    // Evaluates every watch now (after a reload, at a debugger pause).
    void evaluateNow();

Q_SIGNALS:
    // The list, the module, the interval or the pause changed (to save with the session).
    void settingsChanged();

private:
    void showResults(const QList<WatchResult> &results);
    void removeSelected();

    WatchEvaluator *m_evaluator;
    QTreeWidget *m_list;
    QLineEdit *m_input;
    QLineEdit *m_module;
    QDoubleSpinBox *m_interval;
    QCheckBox *m_paused;
    QTimer *m_timer;
    bool m_pending = false;  // an evaluation was asked for while one was running
};
