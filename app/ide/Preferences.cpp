#include "Preferences.h"

#include <QFontDatabase>
#include <QSettings>

namespace {

QString fontFamilyKey() { return QStringLiteral("editor/fontFamily"); }
QString fontSizeKey() { return QStringLiteral("editor/fontSize"); }
QString zoomKey() { return QStringLiteral("editor/zoom"); }
QString themeKey() { return QStringLiteral("editor/theme"); }
QString languageKey() { return QStringLiteral("ui/language"); }
QString formatOnSaveKey() { return QStringLiteral("editor/formatOnSave"); }

} // namespace

Preferences Preferences::load()
{
    QSettings settings;
    Preferences preferences;
    preferences.fontFamily = settings.value(fontFamilyKey()).toString();
    preferences.fontSize = settings.value(fontSizeKey(), 0).toInt();
    preferences.zoom = settings.value(zoomKey(), 0).toInt();
    preferences.theme = settings.value(themeKey()).toString();
    preferences.language = settings.value(languageKey()).toString();
    preferences.formatOnSave = settings.value(formatOnSaveKey(), false).toBool();
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(fontFamilyKey(), fontFamily);
    settings.setValue(fontSizeKey(), fontSize);
    settings.setValue(zoomKey(), zoom);
    settings.setValue(themeKey(), theme);
    settings.setValue(languageKey(), language);
    settings.setValue(formatOnSaveKey(), formatOnSave);
}

QFont Preferences::baseFont() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!fontFamily.isEmpty())
        font.setFamily(fontFamily);
    if (fontSize > 0)
        font.setPointSize(fontSize);
    else if (font.pointSize() <= 0)
        font.setPointSize(10); // a pixel-sized system font: zooming needs points
    return font;
}

QFont Preferences::zoomedFont() const
{
    QFont font = baseFont();
    font.setPointSize(qBound(MinimumPointSize, font.pointSize() + zoom, MaximumPointSize));
    return font;
}

void Preferences::zoomBy(int steps)
{
    const int base = baseFont().pointSize();
    zoom = qBound(MinimumPointSize, base + zoom + steps, MaximumPointSize) - base;
}
