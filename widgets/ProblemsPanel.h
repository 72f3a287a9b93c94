#pragma once

#include "EditorIntelligence.h"

#include <QMap>
#include <QPair>
#include <QTreeWidget>

// The Problems dock: per file, what the checker found in the buffer
// (pyflakes, the namespace map) and what the last reload reported (syntax
// error, module body raised), errors first. Activating a row goes there.
// A notice (what the checker cannot do here) heads the list.
class ProblemsPanel : public QTreeWidget
{
    Q_OBJECT
public:
    enum class Origin { Check, Reload };

    explicit ProblemsPanel(QWidget *parent = nullptr);

    // Replaces what `origin` reported for `file`; an empty list clears it.
    void setProblems(const QString &file, Origin origin, const QList<Diagnostic> &problems);
    // Shown above the problems, not counted among them; empty removes it.
    void setNotice(const QString &text);
    int problemCount() const;
    int errorCount() const;

Q_SIGNALS:
    void locationActivated(const QString &file, int line);
    // The numbers changed, for a dock title or a status line.
    void countsChanged(int errors, int problems);

private:
    void rebuild();

    QMap<QPair<QString, int>, QList<Diagnostic>> m_problems;  // (file, Origin) -> problems
    QString m_notice;
};
