#include "CompletionPopup.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardItemModel>

namespace {
constexpr int NameRole = Qt::UserRole + 1;
}

CompletionPopup::CompletionPopup(QPlainTextEdit *editor)
    : QCompleter(editor), m_editor(editor), m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setWidget(editor);
    setCompletionMode(QCompleter::PopupCompletion);
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionRole(NameRole);
    setMaxVisibleItems(12);
    m_view = popup();
    m_view->setObjectName(QStringLiteral("completionPopup"));
    connect(this, QOverload<const QModelIndex &>::of(&QCompleter::activated), this,
            [this](const QModelIndex &index) { Q_EMIT completionChosen(index.data(NameRole).toString()); });
}

void CompletionPopup::showCompletions(const QList<Completion> &completions, const QString &prefix)
{
    m_model->clear();
    for (const Completion &c : completions) {
        auto *item = new QStandardItem(c.name);
        item->setData(c.name, NameRole);
        item->setToolTip(c.kind);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    if (completions.isEmpty()) {
        dismiss();
        return;
    }
    updatePrefix(prefix);
}

void CompletionPopup::updatePrefix(const QString &prefix)
{
    setCompletionPrefix(prefix);
    if (completionCount() == 0) {
        dismiss();
        return;
    }
    popup()->setCurrentIndex(completionModel()->index(0, 0));
    place();
}

void CompletionPopup::place()
{
    QRect rect = m_editor->cursorRect();
    rect.translate(m_editor->viewport()->mapTo(m_editor, QPoint(0, 0)));
    rect.setWidth(popup()->sizeHintForColumn(0) + popup()->verticalScrollBar()->sizeHint().width() + 24);
    complete(rect);
}

// QCompleter filters its popup's events through this virtual. Its own
// version hands Return and Tab to the editor first, which would insert a
// newline instead of completing: here they choose the entry.
bool CompletionPopup::eventFilter(QObject *watched, QEvent *event)
{
    // Not popup(): that creates the popup, and the filter runs while it is created.
    if (m_view && watched == m_view && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab: {
            const QModelIndex current = m_view->currentIndex();
            dismiss();
            if (current.isValid())
                Q_EMIT completionChosen(current.data(NameRole).toString());
            return true;
        }
        case Qt::Key_Escape:
            dismiss();
            return true;
        default:
            break;
        }
    }
    return QCompleter::eventFilter(watched, event);
}

bool CompletionPopup::isShown() const
{
    return popup()->isVisible();
}

void CompletionPopup::dismiss()
{
    popup()->hide();
}

QStringList CompletionPopup::entries() const
{
    QStringList names;
    for (int row = 0; row < completionModel()->rowCount(); ++row)
        names << completionModel()->index(row, 0).data(NameRole).toString();
    return names;
}
