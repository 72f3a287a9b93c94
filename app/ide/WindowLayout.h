#pragma once

#include <QByteArray>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QMenu;
class QScreen;

// The window's arrangement. On the first start the window takes its screen's
// available area and the docks are sized to what they show (file names,
// namespace names, tab titles); a later start restores the last session's
// arrangement. View ▸ Reset Layout goes back to the default at any time, and
// View lists every dock so a closed one can always come back.
class WindowLayout : public QObject
{
    Q_OBJECT
public:
    // The docks' sizes, in pixels, for a window of the given size.
    struct Sizes
    {
        int project = 0;   // left: the project tree's width
        int right = 0;     // right: namespace, reload log, debugger panels
        int bottom = 0;    // bottom: console and its neighbours
    };

    explicit WindowLayout(QMainWindow *window);

    // Call once every dock exists: remembers the arrangement as the default,
    // then restores the last session's, or fits the window to its screen.
    void restore();
    void save() const;
    // View ▸ Reset Layout: every dock back where it was on the first start,
    // the closed ones shown again, sized to their content.
    void reset();
    // One entry per dock, sorted by title, then Reset Layout; at the top of `view`.
    void addViewEntries(QMenu *view);

    Sizes defaultSizes() const;
    // The dock of `objectName` and the ones tabbed with it.
    QList<QDockWidget *> tabGroup(QDockWidget *dock) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySizes();
    void fitToScreen();
    int tabsWidth(QDockWidget *dock) const;
    QDockWidget *dock(const QString &objectName) const;

    QMainWindow *m_window;
    QByteArray m_defaultState;
    // The default sizes wait for the first show: before it the layout has no size.
    bool m_sizeOnShow = false;
};
