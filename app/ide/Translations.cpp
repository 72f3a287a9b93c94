#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <optional>

namespace {
// Set by installTranslators(): the language stays the one Relive started in
// until it is started again, whatever the settings say meanwhile.
std::optional<QLocale> &installedLocale()
{
    static std::optional<QLocale> locale;
    return locale;
}
} // namespace

void initReliveResources()
{
    // Resources linked from a static library need an explicit initialisation.
    Q_INIT_RESOURCE(relive_ide);
}

bool installTranslators(QCoreApplication *app, const QLocale &locale)
{
    initReliveResources();
    installedLocale() = locale;
    auto *relive = new QTranslator(app);
    const bool found = relive->load(locale, QStringLiteral("relive"), QStringLiteral("_"),
                                    QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(relive);
    else
        delete relive;

    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtTranslations))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found;
}

QLocale interfaceLocale()
{
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    return language.isEmpty() ? QLocale() : QLocale(language);
}

QLocale translationLocale()
{
    return installedLocale().value_or(interfaceLocale());
}
