#pragma once

#include <QFont>
#include <QString>

// What the user chose in Edit ▸ Preferences (and with View ▸ Zoom), kept in
// QSettings under editor/ and ui/, and applied at start.
struct Preferences
{
    QString fontFamily; // empty: the system's fixed-pitch font
    int fontSize = 0;   // points; 0: the system font's size
    int zoom = 0;       // points added to fontSize by zooming, in editor and console
    QString theme;      // a CodeEditor::availableThemes() name; empty: follow the desktop
    QString language;   // empty: the system's; otherwise a locale name ("en", "de")
    bool formatOnSave = false; // File ▸ Save formats the buffer first (ruff or black)

    static Preferences load();
    void save() const;

    // The chosen font at its chosen size, without the zoom.
    QFont baseFont() const;
    // The font the editors and the console use: baseFont() zoomed.
    QFont zoomedFont() const;
    // Changes the zoom by `steps` points, keeping the font between 4 and 96 points.
    void zoomBy(int steps);

    static constexpr int MinimumPointSize = 4;
    static constexpr int MaximumPointSize = 96;
};
