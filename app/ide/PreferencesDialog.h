#pragma once

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QSpinBox;

// Edit ▸ Preferences: editor font and size, colour theme, interface language.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);

    // The current choices, with the zoom carried over unchanged.
    Preferences preferences() const;

    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *sizeBox() const { return m_size; }
    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }

private:
    Preferences m_initial;
    QFontComboBox *m_font;
    QSpinBox *m_size;
    QComboBox *m_theme;
    QComboBox *m_language;
};
