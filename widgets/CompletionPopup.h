#pragma once

#include "EditorIntelligence.h"

#include <QCompleter>

class QAbstractItemView;
class QPlainTextEdit;
class QStandardItemModel;

// The editor's completion list: a QCompleter popup under the cursor, filled
// with EditorIntelligence's completions and filtered locally as the user
// keeps typing. Choosing an entry emits completionChosen(name); replacing the
// typed prefix is the caller's business.
class CompletionPopup : public QCompleter
{
    Q_OBJECT
public:
    explicit CompletionPopup(QPlainTextEdit *editor);

    // Shows `completions` for the identifier `prefix` typed before the cursor;
    // hides the popup when none matches.
    void showCompletions(const QList<Completion> &completions, const QString &prefix);
    // Narrows the list to `prefix` (the user typed or erased a character).
    void updatePrefix(const QString &prefix);
    bool isShown() const;
    void dismiss();
    // The entries offered, in order (for tests and the status bar).
    QStringList entries() const;

Q_SIGNALS:
    void completionChosen(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QPlainTextEdit *m_editor;
    QStandardItemModel *m_model;
    QAbstractItemView *m_view = nullptr;
};
