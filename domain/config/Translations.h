#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;
class QSettings;

// The language of the app's texts, chosen at start-up (a change applies at the next start).
namespace Translations {

// The settings file's key for the language a person chose; absent: follow the system.
inline QString settingsKey()
{
    return QStringLiteral("language");
}

// The language chosen in `settings`: one of known(), or "" (follow the system) when none is
// chosen or the file names one the app does not know.
QString preferenceIn(const QSettings &settings);

// The languages the app speaks: English (the one its texts are written in) first, then each
// language whose webinargeek-connect_<lang>.qm is in `directory` (the resources by default).
QStringList available(const QString &directory = QStringLiteral(":/i18n"));
// The languages that may be installed, translated or not.
QStringList known();
// Each language in its own words ("Nederlands"), so a person who cannot read the current one
// finds theirs.
QString nativeName(const QString &language);

// The language to use: `preference` ("en", "nl", "de") when it is one of `offered`; for ""
// (follow the system), the first of the system's preferred languages that is offered;
// otherwise the source language, English.
QString choose(const QString &preference, const QLocale &system, const QStringList &offered = available());

struct Installed
{
    QString language;
    bool app = false; // :/i18n/webinargeek-connect_<lang>.qm was found and installed
    bool qt = false; // Qt's own qtbase_<lang>.qm was found and installed
};

// Installs the translators (owned by `app`) for `preference`, or the system's language. Qt's own
// texts only with the app's (a window half in one language and half in another reads worse
// than one in English). A chosen language also becomes QLocale's default, so dates follow it.
Installed install(QCoreApplication *app, const QString &preference, const QLocale &system = QLocale::system(),
                  const QString &directory = QStringLiteral(":/i18n"));

} // namespace Translations
