#pragma once

class QCoreApplication;
class QLocale;

// Registers the resources of the IDE library (icons, compiled translations).
void initReliveResources();
// Installs Relive's and Qt's own translation for `locale`; returns true when
// Relive's was found.
bool installTranslators(QCoreApplication *app, const QLocale &locale);
// The locale the interface is translated for: the one installTranslators()
// last installed, or interfaceLocale() when none was installed yet.
QLocale translationLocale();
// The interface language chosen in Edit ▸ Preferences (QSettings ui/language),
// or the system's when none was chosen.
QLocale interfaceLocale();
