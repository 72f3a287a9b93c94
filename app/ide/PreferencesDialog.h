#pragma once

#include "Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
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
    // A field kept elsewhere (a folder's choice), shown above the buttons;
    // its owner reads it once the dialog is accepted.
    void addRow(const QString &label, QWidget *field);

    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *sizeBox() const { return m_size; }
    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *formatOnSaveBox() const { return m_formatOnSave; }

private:
    Preferences m_initial;
    QFormLayout *m_form;
    QFontComboBox *m_font;
    QSpinBox *m_size;
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_formatOnSave;
};
