#pragma once

#include "PlotSink.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QScrollArea;
class QStackedWidget;

// The figures user code showed with matplotlib: a strip of thumbnails to
// browse, the current figure large (fitted to the pane, or at 100%), and Save
// As, Remove and Clear All. A figure shown again under its number replaces its
// image. Without figures the pane says how to make one, or, when matplotlib is
// missing, how to get it.
class PlotsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlotsPanel(QWidget *parent = nullptr);

    // Adds the figure, or replaces the image of the one with its number; it
    // becomes the current figure.
    void showFigure(const PlotFigure &figure);
    // Drops a figure's image; figureRemoved() follows.
    void removeFigure(int number);
    void removeCurrent();
    // Drops every image; cleared() follows.
    void clear();

    int count() const;
    // The numbers in the strip's order.
    QList<int> numbers() const;
    // The current figure's number, -1 without figures.
    int currentNumber() const;
    void setCurrentNumber(int number);
    QByteArray png(int number) const { return m_figures.value(number).png; }
    QString title(int number) const { return m_figures.value(number).title; }

    // Fit to the pane (the default), else 100%.
    bool isFitToPane() const { return m_fit; }
    void setFitToPane(bool fit);
    // The scale the current figure is shown at (1 = 100%).
    double scale() const { return m_scale; }

    // Whether the interpreter has matplotlib (asked each time the pane shows).
    void setMatplotlibAvailable(bool available);
    // The text shown while there is no figure.
    QString messageText() const;
    bool isShowingMessage() const;

    QListWidget *strip() const { return m_strip; }

Q_SIGNALS:
    void saveRequested(int number);
    void figureRemoved(int number);
    void cleared();
    // The pane was shown: a good time to ask whether matplotlib is there.
    void availabilityWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Figure
    {
        QString title;
        QByteArray png;
        QPixmap pixmap;
    };

    QListWidgetItem *itemFor(int number) const;
    void showCurrent();
    void updateMessage();
    void updateActions();

    QHash<int, Figure> m_figures;
    bool m_available = true;
    bool m_fit = true;
    double m_scale = 1.0;
    QStackedWidget *m_pages;
    QLabel *m_message;
    QScrollArea *m_scroll;
    QLabel *m_image;
    QListWidget *m_strip;
    QAction *m_fitAction;
    QAction *m_actualSizeAction;
    QAction *m_saveAction;
    QAction *m_removeAction;
    QAction *m_clearAction;
};
