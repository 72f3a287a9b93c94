#include "CallStackPanel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

CallStackPanel::CallStackPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_view(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_view);
    m_view->setHeaderLabels({tr("Function"), tr("Location")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(m_view, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT frameSelected(m_view->indexOfTopLevelItem(item));
    });
    clear();
}

void CallStackPanel::setPause(const DebugPause &pause)
{
    QSignalBlocker block(m_view);
    m_view->clear();
    // A program thread is named after the file it runs: its name is enough.
    const QString thread = QFileInfo(pause.threadName).fileName().toHtmlEscaped();
    QString status;
    switch (pause.reason) {
    case DebugPause::Reason::Breakpoint:
        status = tr("Paused at a breakpoint in thread %1").arg(thread);
        break;
    case DebugPause::Reason::Step:
        status = tr("Paused after a step in thread %1").arg(thread);
        break;
    case DebugPause::Reason::Exception:
        status = tr("<b style=\"color:#c62828\">%1</b><br>raised in thread %2, paused before it unwinds")
                     .arg(pause.exception.toHtmlEscaped(), thread);
        break;
    }
    if (!pause.note.isEmpty())
        status += QStringLiteral("<br><i>%1</i>").arg(pause.note.toHtmlEscaped());
    m_status->setText(status);
    m_status->setToolTip(pause.exception);
    for (const DebugFrame &frame : pause.frames) {
        auto *item = new QTreeWidgetItem(m_view, {frame.function,
                                                  QStringLiteral("%1:%2").arg(QFileInfo(frame.file).fileName()).arg(frame.line)});
        item->setToolTip(1, QStringLiteral("%1:%2").arg(frame.file).arg(frame.line));
        if (frame.library) {
            // Library code: shown for orientation, greyed like other IDEs do.
            const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
            item->setForeground(0, grey);
            item->setForeground(1, grey);
            item->setToolTip(0, tr("Library code (outside the mapped namespaces)"));
        }
    }
    if (m_view->topLevelItemCount() > 0)
        m_view->setCurrentItem(m_view->topLevelItem(0));
}

void CallStackPanel::clear()
{
    QSignalBlocker block(m_view);
    m_view->clear();
    m_status->setText(tr("Not paused."));
    m_status->setToolTip(QString());
}

int CallStackPanel::currentFrame() const
{
    QTreeWidgetItem *item = m_view->currentItem();
    return item ? m_view->indexOfTopLevelItem(item) : -1;
}

void CallStackPanel::setCurrentFrame(int frame)
{
    if (QTreeWidgetItem *item = m_view->topLevelItem(frame))
        m_view->setCurrentItem(item);
}
