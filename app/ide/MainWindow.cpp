#include "MainWindow.h"

#include "CodeEditor.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeView>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editors(new QTabWidget(this))
{
    setWindowTitle(tr("Relive"));
    m_editors->setDocumentMode(true);
    m_editors->setTabsClosable(true);
    m_editors->addTab(new CodeEditor, tr("untitled"));
    setCentralWidget(m_editors);

    auto addDock = [this](const QString &title, const QString &name, QWidget *widget,
                          Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(area, dock);
        return dock;
    };
    addDock(tr("Project"), QStringLiteral("projectDock"), new QTreeView, Qt::LeftDockWidgetArea);
    addDock(tr("Namespace"), QStringLiteral("namespaceDock"), new QTreeView, Qt::RightDockWidgetArea);
    addDock(tr("Reload Log"), QStringLiteral("reloadLogDock"), new QTreeView, Qt::RightDockWidgetArea);
    addDock(tr("Console"), QStringLiteral("consoleDock"), new QPlainTextEdit, Qt::BottomDockWidgetArea);
    menuBar()->addMenu(tr("&File"));
}
