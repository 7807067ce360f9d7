#include "Translations.h"

#include "DesktopLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Translations {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")};
}

QString choose(const QString &preference, const QLocale &system, const QStringList &available)
{
    const QString source = QStringLiteral("en");
    if (!preference.isEmpty())
        return available.contains(preference) ? preference : source;
    // uiLanguages() lists the person's languages in order ("de-CH", "nl-NL", "en-US", …).
    for (const QString &name : system.uiLanguages()) {
        const QString language = QLocale::languageToCode(QLocale(name).language());
        if (available.contains(language))
            return language;
    }
    return source;
}

Installed install(QCoreApplication *app, const QString &preference, const QLocale &system)
{
    Installed installed;
    installed.language = choose(preference, system);
    if (installed.language == QLatin1String("en"))
        return installed; // the texts are written in English; nothing to load
    auto *appTranslator = new QTranslator(app);
    installed.app = appTranslator->load(QStringLiteral(":/i18n/webinargeek-connect_%1.qm").arg(installed.language));
    if (installed.app)
        QCoreApplication::installTranslator(appTranslator);
    else
        delete appTranslator;
    auto *qtTranslator = new QTranslator(app);
    installed.qt = qtTranslator->load(QStringLiteral("qtbase_%1").arg(installed.language),
                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (installed.qt)
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    qCInfo(lcDesktop) << "Language" << installed.language << "app texts:" << installed.app
                      << "Qt's texts:" << installed.qt;
    return installed;
}

} // namespace Translations
