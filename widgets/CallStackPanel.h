#pragma once

#include "DebugTypes.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

// The frames of the paused thread, innermost first, with what made it pause
// (and the exception, on an exception pause). Frames outside the mapped
// namespaces are greyed. Selecting a frame says so; the editor and the
// Variables panel follow it.
class CallStackPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallStackPanel(QWidget *parent = nullptr);

    // Shows `pause` and selects its innermost frame.
    void setPause(const DebugPause &pause);
    void clear();
    int currentFrame() const;
    void setCurrentFrame(int frame);
    QTreeWidget *view() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void frameSelected(int frame);

private:
    QLabel *m_status;
    QTreeWidget *m_view;
};
