#include "PlotsPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr int NumberRole = Qt::UserRole;
const QSize ThumbnailSize(72, 54);

} // namespace

PlotsPanel::PlotsPanel(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_strip(new QListWidget(this))
{
    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *zoom = new QActionGroup(this);
    m_fitAction = toolBar->addAction(tr("Fit"));
    m_fitAction->setToolTip(tr("Fit the figure to the pane"));
    m_actualSizeAction = toolBar->addAction(tr("100%"));
    m_actualSizeAction->setToolTip(tr("Show the figure at its own size"));
    m_fitAction->setObjectName(QStringLiteral("plotsFitAction"));
    m_actualSizeAction->setObjectName(QStringLiteral("plotsActualSizeAction"));
    for (QAction *action : {m_fitAction, m_actualSizeAction}) {
        action->setCheckable(true);
        zoom->addAction(action);
    }
    m_fitAction->setChecked(true);
    connect(m_fitAction, &QAction::triggered, this, [this] { setFitToPane(true); });
    connect(m_actualSizeAction, &QAction::triggered, this, [this] { setFitToPane(false); });
    toolBar->addSeparator();
    m_saveAction = toolBar->addAction(tr("Save As…"));
    m_saveAction->setObjectName(QStringLiteral("plotsSaveAction"));
    m_saveAction->setToolTip(tr("Save the figure as PNG or SVG"));
    connect(m_saveAction, &QAction::triggered, this, [this] {
        if (currentNumber() >= 0)
            Q_EMIT saveRequested(currentNumber());
    });
    m_removeAction = toolBar->addAction(tr("Remove"));
    m_removeAction->setObjectName(QStringLiteral("plotsRemoveAction"));
    m_removeAction->setToolTip(tr("Remove this figure from the pane"));
    connect(m_removeAction, &QAction::triggered, this, &PlotsPanel::removeCurrent);
    m_clearAction = toolBar->addAction(tr("Clear All"));
    m_clearAction->setObjectName(QStringLiteral("plotsClearAction"));
    m_clearAction->setToolTip(tr("Remove every figure from the pane"));
    connect(m_clearAction, &QAction::triggered, this, &PlotsPanel::clear);

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(12);

    m_image->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_image);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->viewport()->installEventFilter(this);

    // The strip: one row of thumbnails under the figure.
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setMovement(QListView::Static);
    m_strip->setResizeMode(QListView::Adjust);
    m_strip->setIconSize(ThumbnailSize);
    m_strip->setSpacing(2);
    m_strip->setUniformItemSizes(true);
    m_strip->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_strip->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_strip->setFixedHeight(ThumbnailSize.height() + fontMetrics().height() + 4 * 4
                            + m_strip->horizontalScrollBar()->sizeHint().height());
    connect(m_strip, &QListWidget::currentItemChanged, this, [this] {
        showCurrent();
        updateActions();
    });

    auto *figures = new QWidget(this);
    auto *figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->setSpacing(0);
    figuresLayout->addWidget(m_scroll, 1);
    figuresLayout->addWidget(m_strip);
    m_pages->addWidget(m_message);
    m_pages->addWidget(figures);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_pages, 1);
    updateMessage();
    updateActions();
}

QListWidgetItem *PlotsPanel::itemFor(int number) const
{
    for (int row = 0; row < m_strip->count(); ++row) {
        if (m_strip->item(row)->data(NumberRole).toInt() == number)
            return m_strip->item(row);
    }
    return nullptr;
}

void PlotsPanel::showFigure(const PlotFigure &figure)
{
    Figure entry;
    entry.title = figure.title;
    entry.png = figure.png;
    if (!entry.pixmap.loadFromData(figure.png, "PNG"))
        return;
    m_figures.insert(figure.number, entry);
    const QPixmap thumbnail = entry.pixmap.scaled(ThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QListWidgetItem *item = itemFor(figure.number);
    if (!item) {
        item = new QListWidgetItem(m_strip);
        item->setData(NumberRole, figure.number);
    }
    item->setIcon(QIcon(thumbnail));
    item->setText(figure.title);
    item->setToolTip(figure.title);
    if (m_strip->currentItem() == item)
        showCurrent();
    else
        m_strip->setCurrentItem(item);
    m_strip->scrollToItem(item);
    updateMessage();
    updateActions();
}

void PlotsPanel::removeFigure(int number)
{
    QListWidgetItem *item = itemFor(number);
    if (!item)
        return;
    m_figures.remove(number);
    delete item;
    showCurrent();
    updateMessage();
    updateActions();
    Q_EMIT figureRemoved(number);
}

void PlotsPanel::removeCurrent()
{
    if (currentNumber() >= 0)
        removeFigure(currentNumber());
}

void PlotsPanel::clear()
{
    if (m_figures.isEmpty())
        return;
    m_figures.clear();
    m_strip->clear();
    showCurrent();
    updateMessage();
    updateActions();
    Q_EMIT cleared();
}

int PlotsPanel::count() const
{
    return m_strip->count();
}

QList<int> PlotsPanel::numbers() const
{
    QList<int> result;
    for (int row = 0; row < m_strip->count(); ++row)
        result.append(m_strip->item(row)->data(NumberRole).toInt());
    return result;
}

int PlotsPanel::currentNumber() const
{
    const QListWidgetItem *item = m_strip->currentItem();
    return item ? item->data(NumberRole).toInt() : -1;
}

void PlotsPanel::setCurrentNumber(int number)
{
    if (QListWidgetItem *item = itemFor(number))
        m_strip->setCurrentItem(item);
}

void PlotsPanel::setFitToPane(bool fit)
{
    m_fit = fit;
    (fit ? m_fitAction : m_actualSizeAction)->setChecked(true);
    showCurrent();
}

void PlotsPanel::showCurrent()
{
    const int number = currentNumber();
    if (number < 0) {
        m_image->clear();
        m_scale = 1.0;
        return;
    }
    const QPixmap &pixmap = m_figures[number].pixmap;
    m_scale = 1.0;
    if (m_fit && !pixmap.isNull()) {
        const QSize room = m_scroll->viewport()->size();
        if (room.width() > 0 && room.height() > 0)
            m_scale = std::min(double(room.width()) / pixmap.width(), double(room.height()) / pixmap.height());
    }
    m_scroll->setHorizontalScrollBarPolicy(m_fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    m_scroll->setVerticalScrollBarPolicy(m_fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    if (qFuzzyCompare(m_scale, 1.0))
        m_image->setPixmap(pixmap);
    else
        m_image->setPixmap(pixmap.scaled(pixmap.size() * m_scale, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_image->setToolTip(m_figures[number].title);
}

void PlotsPanel::setMatplotlibAvailable(bool available)
{
    m_available = available;
    updateMessage();
}

QString PlotsPanel::messageText() const
{
    return m_message->text();
}

bool PlotsPanel::isShowingMessage() const
{
    return m_pages->currentWidget() == m_message;
}

void PlotsPanel::updateMessage()
{
    if (m_available) {
        m_message->setText(tr("Figures that your code shows with matplotlib appear here, for example:\n\n"
                              "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()"));
    } else {
        m_message->setText(tr("matplotlib is not installed for Relive's Python.\n\n"
                              "Install it with:\nsudo apt install python3-matplotlib\n\n"
                              "or, in the project's virtual environment:\npip install matplotlib"));
    }
    m_pages->setCurrentWidget(m_figures.isEmpty() ? static_cast<QWidget *>(m_message) : m_pages->widget(1));
}

void PlotsPanel::updateActions()
{
    const bool current = currentNumber() >= 0;
    m_saveAction->setEnabled(current);
    m_removeAction->setEnabled(current);
    m_clearAction->setEnabled(!m_figures.isEmpty());
}

bool PlotsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fit)
        showCurrent();
    return QWidget::eventFilter(watched, event);
}

void PlotsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT availabilityWanted();
}
