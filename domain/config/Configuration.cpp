#include "Configuration.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace {

const char *defaultFor(Setting setting)
{
    switch (setting) {
    case Setting::AuthorizeUrl:
        return "https://app.webinargeek.com/oauth/authorize";
    case Setting::TokenUrl:
        return "https://app.webinargeek.com/oauth/token";
    case Setting::ApiUrl:
        return "https://app.webinargeek.com/api/v2";
    case Setting::Issuer:
    case Setting::RevokeUrl:
    case Setting::ClientId:
    case Setting::ClientSecret:
    case Setting::Scope:
        break;
    }
    return "";
}

// Whole sentences for each address, not one sentence with the address's name filled in: in
// German and Dutch the article and the word order depend on the name.
struct EndpointTexts
{
    const char *notSet;
    const char *invalid; // %1 the address
    const char *notHttps; // %1 the address
    const char *userInfo; // %1 the address without its password
};

const EndpointTexts kIssuerTexts = {
    nullptr, // may be empty: the endpoints are then set one by one
    QT_TRANSLATE_NOOP("Configuration", "The issuer URL \"%1\" is not a valid web address."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The issuer URL \"%1\" does not use https. Only addresses on this "
                      "computer (127.0.0.1, ::1) may use plain http."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The issuer URL \"%1\" contains a user name or password. Leave them out: the app "
                      "never sends credentials in an address."),
};
const EndpointTexts kAuthorizeUrlTexts = {
    QT_TRANSLATE_NOOP("Configuration", "The authorization URL is not set."),
    QT_TRANSLATE_NOOP("Configuration", "The authorization URL \"%1\" is not a valid web address."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The authorization URL \"%1\" does not use https. Only addresses on this "
                      "computer (127.0.0.1, ::1) may use plain http."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The authorization URL \"%1\" contains a user name or password. Leave them out: the app "
                      "never sends credentials in an address."),
};
const EndpointTexts kTokenUrlTexts = {
    QT_TRANSLATE_NOOP("Configuration", "The token URL is not set."),
    QT_TRANSLATE_NOOP("Configuration", "The token URL \"%1\" is not a valid web address."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The token URL \"%1\" does not use https. Only addresses on this "
                      "computer (127.0.0.1, ::1) may use plain http."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The token URL \"%1\" contains a user name or password. Leave them out: the app "
                      "never sends credentials in an address."),
};
const EndpointTexts kRevokeUrlTexts = {
    nullptr, // may be empty: signing out then revokes nothing
    QT_TRANSLATE_NOOP("Configuration", "The revocation URL \"%1\" is not a valid web address."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The revocation URL \"%1\" does not use https. Only addresses on this "
                      "computer (127.0.0.1, ::1) may use plain http."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The revocation URL \"%1\" contains a user name or password. Leave them out: the app "
                      "never sends credentials in an address."),
};
const EndpointTexts kApiUrlTexts = {
    QT_TRANSLATE_NOOP("Configuration", "The API URL is not set."),
    QT_TRANSLATE_NOOP("Configuration", "The API URL \"%1\" is not a valid web address."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The API URL \"%1\" does not use https. Only addresses on this "
                      "computer (127.0.0.1, ::1) may use plain http."),
    QT_TRANSLATE_NOOP("Configuration",
                      "The API URL \"%1\" contains a user name or password. Leave them out: the app "
                      "never sends credentials in an address."),
};

QString endpointProblem(const EndpointTexts &texts, const QUrl &url)
{
    const auto text = [](const char *source) { return QCoreApplication::translate("Configuration", source); };
    if (url.isEmpty())
        return texts.notSet ? text(texts.notSet) : QString();
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return text(texts.invalid).arg(url.toDisplayString());
    }
    // A password in an address ends up in logs, in `status --json` and in the settings dialog.
    if (!url.userInfo().isEmpty())
        return text(texts.userInfo).arg(url.toDisplayString(QUrl::RemoveUserInfo));
    if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
        return text(texts.notHttps).arg(url.toDisplayString());
    return QString();
}

} // namespace

bool isIssuerEndpoint(Setting setting)
{
    return setting == Setting::AuthorizeUrl || setting == Setting::TokenUrl || setting == Setting::RevokeUrl;
}

QString settingDefault(Setting setting, bool withIssuer)
{
    return withIssuer && isIssuerEndpoint(setting) ? QString() : QString::fromLatin1(defaultFor(setting));
}

const QList<SettingNames> &allSettings()
{
    static const QList<SettingNames> names = {
        {Setting::Issuer, "issuer", "WEBINARGEEK_ISSUER", "issuer"},
        {Setting::AuthorizeUrl, "authorize-url", "WEBINARGEEK_AUTHORIZE_URL", "authorize_url"},
        {Setting::TokenUrl, "token-url", "WEBINARGEEK_TOKEN_URL", "token_url"},
        {Setting::RevokeUrl, "revoke-url", "WEBINARGEEK_REVOKE_URL", "revoke_url"},
        {Setting::ApiUrl, "api-url", "WEBINARGEEK_API_URL", "api_url"},
        {Setting::ClientId, "client-id", "WEBINARGEEK_CLIENT_ID", "client_id"},
        // Never an option: other users can read a process's command line.
        {Setting::ClientSecret, nullptr, "WEBINARGEEK_CLIENT_SECRET", "client_secret"},
        {Setting::Scope, "scope", "WEBINARGEEK_SCOPE", "scope"},
    };
    return names;
}

// Parsed by hand so that reading the configuration needs Qt Core only: the fast `status` and
// `token` commands load nothing else.
bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QStringList octets = host.split(QLatin1Char('.'));
    if (octets.size() == 4) {
        for (const QString &octet : octets) {
            bool ok = false;
            const int value = octet.toInt(&ok);
            if (!ok || value < 0 || value > 255 || octet.isEmpty() || octet.size() > 3)
                return false;
        }
        return octets.first().toInt() == 127; // 127.0.0.0/8
    }
    // ::1, however it is written: every group zero but the last, which is 1.
    QString v6 = host;
    if (v6.startsWith(QLatin1Char('[')) && v6.endsWith(QLatin1Char(']')))
        v6 = v6.mid(1, v6.size() - 2);
    if (!v6.contains(QLatin1Char(':')))
        return false;
    QStringList groups = v6.split(QLatin1Char(':'));
    if (v6.contains(QLatin1String("::"))) {
        if (v6.count(QLatin1String("::")) != 1)
            return false;
        groups.removeAll(QString());
        while (groups.size() < 8)
            groups.prepend(QStringLiteral("0"));
    }
    if (groups.size() != 8)
        return false;
    for (int i = 0; i < 8; ++i) {
        bool ok = false;
        const uint value = groups.at(i).toUInt(&ok, 16);
        if (!ok || groups.at(i).size() > 4 || value != (i == 7 ? 1u : 0u))
            return false;
    }
    return true;
}

QStringList Configuration::problems() const
{
    QStringList result;
    const auto add = [&result](const QString &problem) {
        if (!problem.isEmpty())
            result << problem;
    };
    add(endpointProblem(kIssuerTexts, issuer));
    add(issuerProblem);
    // With an issuer, an endpoint left empty is the metadata's to name: when it could not be
    // read, issuerProblem says why, and "not set" would only send the person the wrong way.
    if (issuer.isEmpty() || !authorizeUrl.isEmpty())
        add(endpointProblem(kAuthorizeUrlTexts, authorizeUrl));
    if (issuer.isEmpty() || !tokenUrl.isEmpty())
        add(endpointProblem(kTokenUrlTexts, tokenUrl));
    add(endpointProblem(kRevokeUrlTexts, revokeUrl));
    add(endpointProblem(kApiUrlTexts, apiUrl));
    if (clientId.isEmpty()) {
        result << QCoreApplication::translate(
                      "Configuration",
                      "No client id is configured. Set WEBINARGEEK_CLIENT_ID, pass --client-id, or add "
                      "client_id to the settings file (%1).")
                      .arg(ConfigurationLoader::defaultSettingsPath());
    }
    return result;
}

QStringList Configuration::apiKeyProblems() const
{
    const QString problem = endpointProblem(kApiUrlTexts, apiUrl);
    return problem.isEmpty() ? QStringList() : QStringList(problem);
}

QString Configuration::storageKey() const
{
    return clientId + QLatin1Char('@')
        + (issuer.isEmpty() ? tokenUrl : issuer)
              .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
              .toString();
}

ConfigurationLoader::ConfigurationLoader(const QProcessEnvironment &env, const QSettings *settings)
    : m_env(env)
    , m_settings(settings)
{ }

void ConfigurationLoader::setOption(Setting setting, const QString &value)
{
    m_options.insert(setting, value);
}

QString ConfigurationLoader::value(const SettingNames &names) const
{
    if (m_options.contains(names.setting))
        return m_options.value(names.setting);
    const QString fromEnv = m_env.value(QString::fromLatin1(names.envVar));
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (m_settings && names.setting != Setting::ClientSecret) {
        // The secret is read from the keychain, never from a plain settings file.
        const QVariant fromFile = m_settings->value(QString::fromLatin1(names.settingsKey));
        // QSettings reads an unquoted "a,b" in an INI file as a list; the person meant the text.
        const QString text = fromFile.userType() == QMetaType::QStringList
            ? fromFile.toStringList().join(QLatin1Char(','))
            : fromFile.toString();
        if (!text.isEmpty())
            return text;
    }
    return QString();
}

QString Configuration::problemWith(Setting setting, const QUrl &url)
{
    switch (setting) {
    case Setting::Issuer:
        return endpointProblem(kIssuerTexts, url);
    case Setting::AuthorizeUrl:
        return endpointProblem(kAuthorizeUrlTexts, url);
    case Setting::TokenUrl:
        return endpointProblem(kTokenUrlTexts, url);
    case Setting::RevokeUrl:
        return endpointProblem(kRevokeUrlTexts, url);
    case Setting::ApiUrl:
        return endpointProblem(kApiUrlTexts, url);
    case Setting::ClientId:
    case Setting::ClientSecret:
    case Setting::Scope:
        break;
    }
    return QString();
}

Configuration ConfigurationLoader::load() const
{
    Configuration config;
    const bool withIssuer = !value(allSettings().constFirst()).trimmed().isEmpty();
    for (const SettingNames &names : allSettings()) {
        QString v = value(names).trimmed();
        if (v.isEmpty() && !m_options.contains(names.setting))
            v = settingDefault(names.setting, withIssuer);
        switch (names.setting) {
        case Setting::Issuer:
            config.issuer = QUrl(v, QUrl::StrictMode);
            break;
        case Setting::AuthorizeUrl:
            config.authorizeUrl = QUrl(v, QUrl::StrictMode);
            break;
        case Setting::TokenUrl:
            config.tokenUrl = QUrl(v, QUrl::StrictMode);
            break;
        case Setting::RevokeUrl:
            config.revokeUrl = QUrl(v, QUrl::StrictMode);
            break;
        case Setting::ApiUrl:
            config.apiUrl = QUrl(v, QUrl::StrictMode);
            break;
        case Setting::ClientId:
            config.clientId = v;
            break;
        case Setting::ClientSecret:
            config.clientSecret = v;
            break;
        case Setting::Scope:
            config.scope = v;
            break;
        }
    }
    return config;
}

QString ConfigurationLoader::defaultSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/WebinarGeek/webinargeek-connect.conf");
}

QString Configuration::value(Setting setting) const
{
    switch (setting) {
    case Setting::Issuer:
        return issuer.toString();
    case Setting::AuthorizeUrl:
        return authorizeUrl.toString();
    case Setting::TokenUrl:
        return tokenUrl.toString();
    case Setting::RevokeUrl:
        return revokeUrl.toString();
    case Setting::ApiUrl:
        return apiUrl.toString();
    case Setting::ClientId:
        return clientId;
    case Setting::ClientSecret:
        return clientSecret;
    case Setting::Scope:
        return scope;
    }
    return QString();
}
