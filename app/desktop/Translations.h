#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// The language of the app's texts, chosen at start-up (a change applies at the next start).
namespace Translations {

// The languages the app speaks; the first is the one its texts are written in.
QStringList available();

// The language to use: `preference` ("en", "nl", "de") when it is one of `available`; for ""
// (follow the system), the first of the system's preferred languages that is available;
// otherwise the source language, English.
QString choose(const QString &preference, const QLocale &system, const QStringList &available = available());

struct Installed
{
    QString language;
    bool app = false; // :/i18n/webinargeek-connect_<lang>.qm was found and installed
    bool qt = false; // Qt's own qtbase_<lang>.qm was found and installed
};

// Installs the translators (owned by `app`) for `preference`, or the system's language.
Installed install(QCoreApplication *app, const QString &preference, const QLocale &system = QLocale::system());

} // namespace Translations
