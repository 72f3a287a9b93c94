#pragma once

#include <QObject>

class CodeManager;
class GlobalsBrowser;
class PythonRuntime;
class QMainWindow;
class QTimer;
class VariablesPanel;

// The program's globals in the Variables dock at all times: the panel (made
// with the debugger's docks, which show a paused frame in it) gets a
// GlobalsBrowser once the interpreter runs, and asks it again after each
// console command, each run's end, each restart of the console and each
// reload. The listing runs on the live worker, as the inspector's requests
// do, so a running program is not stopped for it; triggers that come
// together make one listing. Owns the wiring so that the main window only
// composes.
class VariablesController : public QObject
{
    Q_OBJECT
public:
    VariablesController(QMainWindow *window, VariablesPanel *panel);

    void setEngine(PythonRuntime *runtime, CodeManager *codeManager);
    GlobalsBrowser *browser() const { return m_browser; }
    VariablesPanel *panel() const { return m_panel; }
    // Asks for the globals soon; several calls in a row make one listing.
    void scheduleRefresh();

private:
    VariablesPanel *m_panel;
    GlobalsBrowser *m_browser = nullptr;
    QTimer *m_refresh;
};
