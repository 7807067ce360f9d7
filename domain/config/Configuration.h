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

    // The keychain entries of a session belong to one client at one server, so a sandbox
    // session is never sent to WebinarGeek or the other way round.
    QString storageKey() const;

    // One setting's value as text (a URL as written), as the settings file and the dialog hold it.
    QString value(Setting setting) const;
};

// The settings a person can set, with their names on the command line, in the environment and
// in the settings file. Outside scripts rely on these names.
enum class Setting { AuthorizeUrl, TokenUrl, RevokeUrl, ApiUrl, ClientId, ClientSecret, Scope };

struct SettingNames
{
    Setting setting;
    const char *option; // nullptr: not accepted on the command line
    const char *envVar;
    const char *settingsKey;
};

const QList<SettingNames> &allSettings();

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
    QString value(const SettingNames &names) const;

    QProcessEnvironment m_env;
    const QSettings *m_settings;
    QHash<Setting, QString> m_options;
};

// True for 127.0.0.0/8, ::1 and "localhost": the only hosts reachable without TLS.
bool isLoopbackHost(const QString &host);
