#include "Preferences.h"

#include "ConfigLog.h"
#include "config/SettingsFile.h"
#include "config/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

namespace {

const SettingNames &namesOf(Setting setting)
{
    for (const SettingNames &names : allSettings()) {
        if (names.setting == setting)
            return names;
    }
    Q_UNREACHABLE();
}

} // namespace

Preferences::Preferences(const QString &fileName, const QProcessEnvironment &env)
    : m_fileName(fileName)
    , m_env(env)
{
    SettingsFile::Opened opened = SettingsFile::open(fileName);
    m_settings = std::move(opened.settings);
    m_problem = opened.problem; // the command line and the window report it
}

Preferences::~Preferences() = default;

QString Preferences::fileName() const
{
    return m_fileName;
}

void Preferences::setOptions(const QHash<Setting, QString> &options)
{
    m_options = options;
    m_options.remove(Setting::ClientSecret); // never an option; ignored should one appear
}

QString Preferences::effectiveText(Setting setting) const
{
    if (setting == Setting::ClientSecret)
        return QString();
    if (m_options.contains(setting))
        return m_options.value(setting).trimmed();
    const QString fromEnv = m_env.value(QString::fromLatin1(namesOf(setting).envVar)).trimmed();
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString fromFile = connectionValue(setting).trimmed();
    if (!fromFile.isEmpty())
        return fromFile;
    // With an issuer, its metadata names the endpoints that are not set. (The issuer's own default
    // does not depend on it: asking would not end.)
    return settingDefault(setting, setting != Setting::Issuer && !effectiveText(Setting::Issuer).isEmpty());
}

QString Preferences::connectionValue(Setting setting) const
{
    if (setting == Setting::ClientSecret)
        return QString();
    const QVariant value = m_settings->value(QString::fromLatin1(namesOf(setting).settingsKey));
    // QSettings reads an unquoted "a,b" as a list, as Configuration does.
    return value.userType() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(',')) : value.toString();
}

void Preferences::setConnectionValue(Setting setting, const QString &value)
{
    if (setting == Setting::ClientSecret)
        return;
    const QString key = QString::fromLatin1(namesOf(setting).settingsKey);
    if (value.trimmed().isEmpty())
        m_settings->remove(key); // the default applies, including a future version's
    else
        m_settings->setValue(key, value.trimmed());
}

QString Preferences::defaultValue(Setting setting)
{
    return settingDefault(setting, false);
}

QString Preferences::overriddenBy(Setting setting) const
{
    const SettingNames &names = namesOf(setting);
    if (m_options.contains(setting)) {
        //: %1 is a command-line option such as --token-url.
        return tr("Set by %1 on the command line").arg(QLatin1String("--") + QLatin1String(names.option));
    }
    if (!m_env.value(QString::fromLatin1(names.envVar)).isEmpty()) {
        //: %1 is an environment variable such as WEBINARGEEK_TOKEN_URL.
        return tr("Set by %1 in the environment").arg(QLatin1String(names.envVar));
    }
    return QString();
}

bool Preferences::startAtLogin() const
{
    return m_settings->value(startAtLoginKey(), false).toBool();
}

void Preferences::setStartAtLogin(bool enabled)
{
    m_settings->setValue(startAtLoginKey(), enabled);
}

bool Preferences::startHidden() const
{
    return m_settings->value(startHiddenKey(), false).toBool();
}

void Preferences::setStartHidden(bool hidden)
{
    m_settings->setValue(startHiddenKey(), hidden);
}

QString Preferences::language() const
{
    return Translations::preferenceIn(*m_settings);
}

void Preferences::setLanguage(const QString &language)
{
    if (languages().contains(language))
        m_settings->setValue(languageKey(), language);
    else
        m_settings->remove(languageKey());
}

QStringList Preferences::languages()
{
    return Translations::known();
}

bool Preferences::clientSecretStored() const
{
    return m_settings->value(clientSecretStoredKey(), false).toBool();
}

void Preferences::setClientSecretStored(bool stored)
{
    if (stored)
        m_settings->setValue(clientSecretStoredKey(), true);
    else
        m_settings->remove(clientSecretStoredKey());
}

Configuration Preferences::configuration() const
{
    ConfigurationLoader loader(m_env, m_settings.get());
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
        loader.setOption(it.key(), it.value());
    return loader.load();
}

bool Preferences::save()
{
    if (!m_problem.isEmpty()) {
        // Writing would replace what the person has there with what could be read of it.
        m_error = m_problem;
        return false;
    }
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        m_error.clear();
        return true;
    case QSettings::AccessError:
        m_error = tr("The settings file %1 cannot be written.").arg(QDir::toNativeSeparators(fileName()));
        break;
    case QSettings::FormatError:
        m_error = tr("The settings file %1 is damaged and cannot be read.").arg(QDir::toNativeSeparators(fileName()));
        break;
    }
    qCWarning(lcConfig) << "Saving the preferences failed:" << m_error;
    return false;
}
