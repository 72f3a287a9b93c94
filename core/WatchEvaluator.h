#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class PythonRuntime;

// The value of one watch expression, as text.
struct WatchResult
{
    QString expression;
    QString value;       // a bounded repr, or "<error: …>"
    bool error = false;
};
Q_DECLARE_METATYPE(WatchResult)

// Evaluates watch expressions in the running program's context (the
// __main__ namespace or a chosen module) on the live worker, each one bounded
// in time and in the length of its repr, so a watch never stops the program
// and never blocks the GUI. An expression that raises gives "<error: …>".
class WatchEvaluator : public QObject
{
    Q_OBJECT
public:
    explicit WatchEvaluator(PythonRuntime *runtime, QObject *parent = nullptr);

    // Queues one evaluation of `expressions` in `module` (empty: __main__);
    // evaluated() follows. Returns false, doing nothing, while the previous
    // one has not finished (a timer must not pile up work behind a busy worker).
    bool evaluate(const QStringList &expressions, const QString &module = QString());
    bool isBusy() const { return m_busy->load(); }

    void setTimeLimit(double seconds) { m_timeLimit = seconds; }
    // Longest value text, in characters; longer ones end with "…".
    static constexpr int MaximumLength = 500;

Q_SIGNALS:
    void evaluated(const QList<WatchResult> &results);

private:
    PythonRuntime *m_runtime;
    double m_timeLimit = 0.5;
    std::shared_ptr<std::atomic<bool>> m_busy = std::make_shared<std::atomic<bool>>(false);
};
