#include "LineNumberArea.h"

#include "CodeEditor.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

LineNumberArea::LineNumberArea(CodeEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
}

QSize LineNumberArea::sizeHint() const
{
    return QSize(m_editor->lineNumberAreaWidth(), 0);
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_editor->paintLineNumberArea(event);
}

bool LineNumberArea::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = m_editor->lineAt(help->pos().y());
        if (line > 0 && line == m_editor->errorLine()) {
            QToolTip::showText(help->globalPos(), m_editor->errorMessage(), this);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void LineNumberArea::mousePressEvent(QMouseEvent *event)
{
    const int line = m_editor->lineAt(qRound(event->position().y()));
    if (event->button() == Qt::LeftButton && line > 0) {
        Q_EMIT m_editor->marginClicked(line);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void LineNumberArea::contextMenuEvent(QContextMenuEvent *event)
{
    const int line = m_editor->lineAt(event->pos().y());
    if (line > 0)
        Q_EMIT m_editor->marginMenuRequested(line, event->globalPos());
    event->accept();
}
