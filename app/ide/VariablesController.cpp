#include "VariablesController.h"

#include "CodeManager.h"
#include "GlobalsBrowser.h"
#include "PythonRuntime.h"
#include "VariablesPanel.h"

#include <QMainWindow>
#include <QTimer>

VariablesController::VariablesController(QMainWindow *window, VariablesPanel *panel)
    : QObject(window)
    , m_panel(panel)
    , m_refresh(new QTimer(this))
{
    // A command emits commandFinished and consoleReady, a run's end several
    // signals: one listing answers them all.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(30);
    connect(m_refresh, &QTimer::timeout, m_panel, &VariablesPanel::refreshGlobals);
}

void VariablesController::setEngine(PythonRuntime *runtime, CodeManager *codeManager)
{
    m_browser = new GlobalsBrowser(runtime, this);
    m_panel->setGlobalsBrowser(m_browser);
    connect(runtime, &PythonRuntime::commandFinished, this, &VariablesController::scheduleRefresh);
    connect(runtime, &PythonRuntime::programFinished, this, &VariablesController::scheduleRefresh);
    // After a restart of the console, __main__ is fresh.
    connect(runtime, &PythonRuntime::consoleReady, this, [this](bool continuation) {
        if (!continuation)
            scheduleRefresh();
    });
    connect(codeManager, &CodeManager::reloaded, this, &VariablesController::scheduleRefresh);
}

void VariablesController::scheduleRefresh()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}
