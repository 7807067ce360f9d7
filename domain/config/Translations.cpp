#include "Translations.h"

#include "ConfigLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Translations {

QStringList known()
{
    return {QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")};
}

namespace {

QString appFile(const QString &directory, const QString &language)
{
    return QStringLiteral("%1/webinargeek-connect_%2.qm").arg(directory, language);
}

} // namespace

QString preferenceIn(const QSettings &settings)
{
    const QString language = settings.value(settingsKey()).toString();
    return known().contains(language) ? language : QString();
}

QStringList available(const QString &directory)
{
    QStringList languages = {QStringLiteral("en")};
    for (const QString &language : known()) {
        if (language != languages.first() && QFile::exists(appFile(directory, language)))
            languages << language;
    }
    return languages;
}

QString nativeName(const QString &language)
{
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    QString name = QLocale(language).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name.isEmpty() ? language : name;
}

QString choose(const QString &preference, const QLocale &system, const QStringList &offered)
{
    const QString source = QStringLiteral("en");
    if (!preference.isEmpty())
        return offered.contains(preference) ? preference : source;
    // uiLanguages() lists the person's languages in order ("de-CH", "nl-NL", "en-US", …).
    for (const QString &name : system.uiLanguages()) {
        const QString language = QLocale::languageToCode(QLocale(name).language());
        if (offered.contains(language))
            return language;
    }
    return source;
}

Installed install(QCoreApplication *app, const QString &preference, const QLocale &system, const QString &directory)
{
    Installed installed;
    installed.language = choose(preference, system, available(directory));
    if (!preference.isEmpty())
        QLocale::setDefault(QLocale(installed.language));
    if (installed.language == QLatin1String("en"))
        return installed; // the texts are written in English; nothing to load
    auto *appTranslator = new QTranslator(app);
    installed.app = appTranslator->load(appFile(directory, installed.language));
    if (!installed.app) {
        delete appTranslator;
        return installed;
    }
    QCoreApplication::installTranslator(appTranslator);
    auto *qtTranslator = new QTranslator(app);
    installed.qt = qtTranslator->load(QStringLiteral("qtbase_%1").arg(installed.language),
                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (installed.qt)
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    qCInfo(lcConfig) << "Language" << installed.language << "app texts:" << installed.app
                     << "Qt's texts:" << installed.qt;
    return installed;
}

} // namespace Translations
