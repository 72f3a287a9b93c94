#pragma once

#include "EditorIntelligence.h"

#include <QTreeWidget>

// Find Usages' results: one row per use (file, line, the line's text).
// Activating a row goes there.
class UsagesPanel : public QTreeWidget
{
    Q_OBJECT
public:
    explicit UsagesPanel(QWidget *parent = nullptr);

    void showUsages(const QString &name, const QList<Definition> &sites);
    QString name() const { return m_name; }

Q_SIGNALS:
    void locationActivated(const QString &file, int line);

private:
    QString m_name;
};
