#pragma once

#include "TestRunner.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

// The results of the project's test suite: one row per test under its file,
// with an icon for its outcome and its duration; the counts; the message and
// report of the selected failure. Double-click goes to the failing line.
class TestsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TestsPanel(QWidget *parent = nullptr);

    // Locations are shown relative to this folder when they lie inside it.
    void setBaseFolder(const QString &folder);

    // A run started: the rows stay, marked as not yet run again.
    void beginRun();
    void addResult(const TestResult &result);
    // The run ended. A run of the whole suite drops the rows of tests it no
    // longer has; a run of some only updates theirs.
    void finishRun(const TestRunSummary &summary, bool wholeSuite);
    void clear();

    void setWatching(bool watching);
    bool isWatching() const;
    void setRunEnabled(bool enabled);

    QTreeWidget *view() const { return m_view; }
    QString countsText() const;
    QString detailsText() const;
    // The test's row, or null.
    QTreeWidgetItem *itemFor(const QString &nodeId) const;
    int testCount() const { return int(m_tests.size()); }

Q_SIGNALS:
    void runAllRequested();
    void runFailedRequested();
    void stopRequested();
    void watchToggled(bool watching);
    void locationActivated(const QString &file, int line);

private:
    QTreeWidgetItem *groupFor(const QString &nodeId);
    void setOutcome(QTreeWidgetItem *item, const TestResult &result);
    void updateCounts();
    void showSelected();
    QString relative(const QString &file) const;

    QToolButton *m_runAll;
    QToolButton *m_runFailed;
    QToolButton *m_watch;
    QToolButton *m_stop;
    QLabel *m_counts;
    QTreeWidget *m_view;
    QPlainTextEdit *m_details;
    QString m_baseFolder;
    QHash<QString, QTreeWidgetItem *> m_groups;
    QHash<QString, QTreeWidgetItem *> m_tests;
    QHash<QString, TestResult> m_results;
    bool m_running = false;
    QString m_runProblem;
};
