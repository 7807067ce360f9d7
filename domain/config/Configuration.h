#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

enum class Setting;

// Where the app signs in and which client it signs in as. Resolved once at start-up from, in
// order of precedence: command-line option, environment, settings file, built-in default.
struct Configuration
{
    // Set: the server's metadata (RFC 8414) names the endpoints that are not set one by one, and
    // resolveConfiguration() fills them in (IssuerMetadata). Empty: each endpoint is set or
    // defaults to WebinarGeek's.
    QUrl issuer;
    // Why the issuer's metadata could not be used (which address, which rule), as a sentence.
    // Set by resolveConfiguration(); problems() reports it in place of the missing endpoints.
    QString issuerProblem;
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl revokeUrl; // empty: the server offers no revocation
    QUrl apiUrl;
    QString clientId;
    QString clientSecret; // empty for public clients; never from argv
    // The settings file says a secret is stored in the keychain. When start-up could not read
    // it (locked, not up yet), clientSecret is empty and the session reads it before it is
    // needed: sending none would get invalid_client, which ends the session for good.
    bool clientSecretInKeychain = false;
    QString scope; // empty: no scope parameter is sent

    // How long a sign-in waits for the browser unless told otherwise.
    static constexpr int kSignInTimeoutSeconds = 300;

    // Problems that stop the app from talking to the server, as sentences for a person.
    QStringList problems() const;
    // The problems that matter to a personal API key, which needs the API's address only.
    QStringList apiKeyProblems() const;

    // An issuer is set and some endpoint is not set one by one, so its metadata has one to fill
    // in. False once every endpoint is set: the metadata would not be used at all.
    bool leavesEndpointsToIssuer() const
    {
        return !issuer.isEmpty() && (authorizeUrl.isEmpty() || tokenUrl.isEmpty() || revokeUrl.isEmpty());
    }

    // The keychain entries of a session belong to one client at one server, so a sandbox
    // session is never sent to WebinarGeek or the other way round. With an issuer, its origin
    // names the server: the key is known before (and without) reading the issuer's metadata.
    QString storageKey() const;

    // Why `url` cannot be used for `setting` (an address setting), as a sentence; empty when
    // it can. The https rule: plain http only for this computer (isLoopbackHost()).
    static QString problemWith(Setting setting, const QUrl &url);

    // One setting's value as text (a URL as written), as the settings file and the dialog hold it.
    QString value(Setting setting) const;
};

// The settings a person can set, with their names on the command line, in the environment and
// in the settings file. Outside scripts rely on these names.
enum class Setting { Issuer, AuthorizeUrl, TokenUrl, RevokeUrl, ApiUrl, ClientId, ClientSecret, Scope };

struct SettingNames
{
    Setting setting;
    const char *option; // nullptr: not accepted on the command line
    const char *envVar;
    const char *settingsKey;
};

// The first is Setting::Issuer: the others' defaults depend on it.
const QList<SettingNames> &allSettings();

// The endpoints an issuer's metadata names when they are not set one by one.
bool isIssuerEndpoint(Setting setting);
// The built-in value of `setting` when nothing sets it. With an issuer (`withIssuer`), WebinarGeek's
// endpoints are no default: the issuer's metadata names them, so they stay empty.
QString settingDefault(Setting setting, bool withIssuer);

class ConfigurationLoader
{
public:
    ConfigurationLoader(const QProcessEnvironment &env, const QSettings *settings);

    void setOption(Setting setting, const QString &value);
    // The options as given, before they are read as addresses.
    QHash<Setting, QString> options() const { return m_options; }
    Configuration load() const;

    // The settings file used when none is given: ~/.config/WebinarGeek/webinargeek-connect.conf.
    static QString defaultSettingsPath();

private:
    // Option > environment > file; empty when none of them sets it (load() adds the default).
    QString value(const SettingNames &names) const;

    QProcessEnvironment m_env;
    const QSettings *m_settings;
    QHash<Setting, QString> m_options;
};

// True for 127.0.0.0/8, ::1 and "localhost": the only hosts reachable without TLS.
bool isLoopbackHost(const QString &host);
