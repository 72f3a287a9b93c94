#include "WindowLayout.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFontMetrics>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTabBar>

#include <algorithm>

namespace {

// Version 2: the layout sized to content. A state saved by version 1 (fixed
// sizes that hid names) is not restored.
constexpr int StateVersion = 2;

QString geometryKey() { return QStringLiteral("window/geometry"); }
QString stateKey() { return QStringLiteral("window/state"); }

} // namespace

WindowLayout::WindowLayout(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_window->installEventFilter(this);
}

QDockWidget *WindowLayout::dock(const QString &objectName) const
{
    return m_window->findChild<QDockWidget *>(objectName, Qt::FindDirectChildrenOnly);
}

void WindowLayout::restore()
{
    m_defaultState = m_window->saveState(StateVersion);
    QSettings settings;
    if (m_window->restoreGeometry(settings.value(geometryKey()).toByteArray())) {
        // restoreGeometry() already keeps a window saved on a bigger screen
        // inside this one.
        if (!m_window->restoreState(settings.value(stateKey()).toByteArray(), StateVersion))
            m_sizeOnShow = true;
        return;
    }
    fitToScreen();
    m_sizeOnShow = true;
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(geometryKey(), m_window->saveGeometry());
    settings.setValue(stateKey(), m_window->saveState(StateVersion));
}

void WindowLayout::fitToScreen()
{
    QScreen *screen = m_window->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    m_window->setGeometry(available);
    // With a window manager, the frame is taken out of the available area too.
    m_window->setWindowState(m_window->windowState() | Qt::WindowMaximized);
}

void WindowLayout::reset()
{
    m_window->restoreState(m_defaultState, StateVersion);
    const auto docks = m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks) {
        // restoreState() keeps a floating dock where the user left it.
        if (dock->isFloating())
            dock->setFloating(false);
    }
    if (m_window->isVisible())
        applySizes();
    else
        m_sizeOnShow = true;
}

QList<QDockWidget *> WindowLayout::tabGroup(QDockWidget *dock) const
{
    QList<QDockWidget *> group{dock};
    group += m_window->tabifiedDockWidgets(dock);
    return group;
}

int WindowLayout::tabsWidth(QDockWidget *dock) const
{
    if (!dock)
        return 0;
    const QFontMetrics metrics(m_window->font());
    const int space = m_window->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, m_window);
    int width = 0;
    for (QDockWidget *member : tabGroup(dock)) {
        if (!member->isHidden() || member == dock)
            width += metrics.horizontalAdvance(member->windowTitle()) + space + metrics.averageCharWidth() * 2;
    }
    return width;
}

WindowLayout::Sizes WindowLayout::defaultSizes() const
{
    const QFontMetrics metrics(m_window->font());
    QStyle *style = m_window->style();
    const int indent = style->pixelMetric(QStyle::PM_TreeViewIndentation, nullptr, m_window);
    const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_window) + 4;
    const int scrollBar = style->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_window);
    const int frame = 2 * style->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_window) + 8;
    const int cellPadding = 2 * metrics.averageCharWidth();
    auto text = [&metrics](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)); };

    // The project tree: a file name of some length, two folders deep.
    const int project = text("session_manager_test.py") + 3 * indent + icon + scrollBar + frame;
    // The namespace view: a class name two packages deep, where it is
    // defined, and its instance count.
    const int namespaces = (text("NetworkServiceHandler") + 3 * indent + icon) + text("networking.py:120")
                           + text("Instances") + 3 * cellPadding + scrollBar + frame;
    // The reload log: time, file, duration, and room for the outcome.
    const int log = (text("00:00:00") + icon) + text("networking.py") + text("999.9 ms")
                    + text("2 changed, 1 added") + 4 * cellPadding + scrollBar + frame;
    const int right = std::max({namespaces, log, tabsWidth(dock(QStringLiteral("namespaceDock"))),
                                tabsWidth(dock(QStringLiteral("reloadLogDock")))});

    // On a small screen the editor keeps at least 40% of the width; the
    // panels share the rest in proportion.
    const QSize area = m_window->size();
    Sizes sizes;
    sizes.project = project;
    sizes.right = right;
    const int room = area.width() * 60 / 100;
    if (sizes.project + sizes.right > room) {
        sizes.project = room * project / (project + right);
        sizes.right = room - sizes.project;
    }
    const int lines = QFontMetrics(QApplication::font("QPlainTextEdit")).lineSpacing();
    sizes.bottom = std::clamp(area.height() * 30 / 100, std::min(10 * lines, area.height() * 40 / 100),
                              area.height() * 40 / 100);
    return sizes;
}

void WindowLayout::applySizes()
{
    auto shown = [this](const QString &name) -> QDockWidget * {
        QDockWidget *first = dock(name);
        if (!first)
            return nullptr;
        for (QDockWidget *member : tabGroup(first)) {
            if (member->isVisible() && !member->isFloating())
                return member;
        }
        return nullptr;
    };
    const Sizes sizes = defaultSizes();
    QDockWidget *project = shown(QStringLiteral("projectDock"));
    QDockWidget *top = shown(QStringLiteral("namespaceDock"));
    QDockWidget *bottomRight = shown(QStringLiteral("reloadLogDock"));
    QDockWidget *console = shown(QStringLiteral("consoleDock"));
    QList<QDockWidget *> docks;
    QList<int> widths;
    if (project) {
        docks << project;
        widths << sizes.project;
    }
    if (top || bottomRight) {
        docks << (top ? top : bottomRight);
        widths << sizes.right;
    }
    if (!docks.isEmpty())
        m_window->resizeDocks(docks, widths, Qt::Horizontal);
    if (top && bottomRight) {
        const int height = m_window->height();
        m_window->resizeDocks({top, bottomRight}, {height * 55 / 100, height * 45 / 100}, Qt::Vertical);
    }
    if (console)
        m_window->resizeDocks({console}, {sizes.bottom}, Qt::Vertical);
}

void WindowLayout::addViewEntries(QMenu *view)
{
    QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    std::sort(docks.begin(), docks.end(), [](const QDockWidget *a, const QDockWidget *b) {
        return a->windowTitle().localeAwareCompare(b->windowTitle()) < 0;
    });
    QAction *before = view->actions().value(0);
    for (QDockWidget *dock : std::as_const(docks)) {
        view->insertAction(before, dock->toggleViewAction());
    }
    auto *reset = new QAction(tr("Reset &Layout"), view);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(reset, &QAction::triggered, this, &WindowLayout::reset);
    view->insertAction(before, reset);
    if (before)
        view->insertSeparator(before);
}

bool WindowLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        // The tab bars of docks tabbed together: whole titles, scrolled when
        // they do not fit, never "Reload …". Those made before this filter
        // was installed are found when the window shows.
        const auto wholeTitles = [](QTabBar *tabs) {
            tabs->setElideMode(Qt::ElideNone);
            tabs->setUsesScrollButtons(true);
        };
        if (event->type() == QEvent::Show) {
            for (QTabBar *tabs : m_window->findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
                wholeTitles(tabs);
            if (m_sizeOnShow) {
                m_sizeOnShow = false;
                applySizes();
            }
        } else if (event->type() == QEvent::ChildPolished) {
            if (auto *tabs = qobject_cast<QTabBar *>(static_cast<QChildEvent *>(event)->child()))
                wholeTitles(tabs);
        }
    }
    return QObject::eventFilter(watched, event);
}
