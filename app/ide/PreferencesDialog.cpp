#include "PreferencesDialog.h"

#include "CodeEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QSpinBox>

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
    , m_initial(current)
    , m_font(new QFontComboBox(this))
    , m_size(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_formatOnSave(new QCheckBox(tr("Format Python files when saving (with ruff or black)"), this))
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(480);
    const QFont font = current.baseFont();
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_font->setCurrentFont(font);
    m_size->setRange(Preferences::MinimumPointSize, Preferences::MaximumPointSize);
    m_size->setSuffix(tr(" pt"));
    m_size->setValue(font.pointSize());

    m_theme->addItem(tr("Follow the desktop (light or dark)"), QString());
    const QStringList themes = CodeEditor::availableThemes();
    for (const QString &theme : themes)
        m_theme->addItem(theme, theme);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(current.theme)));

    // Each language by its own name, as language pickers do.
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(current.language)));

    auto *restartNote = new QLabel(tr("The language changes when Relive is started again."), this);
    restartNote->setWordWrap(true);
    QFont small = restartNote->font();
    small.setItalic(true);
    restartNote->setFont(small);
    auto *zoomNote = new QLabel(tr("View ▸ Zoom In / Zoom Out (%1 / %2) enlarge or shrink the "
                                   "editors and the console; %3 returns to this size.")
                                    .arg(QKeySequence(QKeySequence::ZoomIn).toString(QKeySequence::NativeText),
                                         QKeySequence(QKeySequence::ZoomOut).toString(QKeySequence::NativeText),
                                         QKeySequence(Qt::CTRL | Qt::Key_0).toString(QKeySequence::NativeText)),
                                this);
    zoomNote->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = m_form = new QFormLayout(this);
    form->addRow(tr("Editor &font:"), m_font);
    form->addRow(tr("Font &size:"), m_size);
    form->addRow(QString(), zoomNote);
    form->addRow(tr("Colour &theme:"), m_theme);
    m_formatOnSave->setChecked(current.formatOnSave);
    form->addRow(tr("F&ormat on save:"), m_formatOnSave);
    form->addRow(tr("Interface &language:"), m_language);
    form->addRow(QString(), restartNote);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::addRow(const QString &label, QWidget *field)
{
    m_form->insertRow(m_form->rowCount() - 1, label, field);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences result = m_initial;
    result.fontFamily = m_font->currentFont().family();
    result.fontSize = m_size->value();
    result.theme = m_theme->currentData().toString();
    result.language = m_language->currentData().toString();
    result.formatOnSave = m_formatOnSave->isChecked();
    return result;
}
