#pragma once

#include "config/Configuration.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QUrl>

class Session;

// The local authorization server (tests/sandbox, npm oidc-provider) for one test: started on a
// free port of 127.0.0.1, stopped when the object goes.
class Sandbox
{
public:
    enum class Client { Public, Confidential };

    explicit Sandbox(const QProcessEnvironment &extraEnv = {});
    ~Sandbox();

    // Starts the server and waits for its ready line. False with errorString() on failure.
    bool start();
    QString errorString() const { return m_error; }
    QUrl baseUrl() const { return m_base; }

    Configuration configuration(Client client = Client::Public, bool withRevocation = true) const;
    // The same settings as environment variables, for running the executable.
    QProcessEnvironment environment(Client client = Client::Public, bool withRevocation = true) const;

    static QString clientSecret() { return QStringLiteral("sandbox-client-secret"); }

    struct BrowserResult
    {
        int exitCode = -1;
        int status = 0; // the HTTP status the app's listener answered with
        QString page; // the app's result page
        QString errorText; // browser.mjs's stderr
    };
    // Plays the person in the browser: logs in as `login`, consents (or denies), follows the
    // redirect to the app. Blocks while it spins the event loop, so the app under test runs.
    static BrowserResult runBrowser(const QUrl &authorizationUrl, const QStringList &extraArguments = {},
                                    const QString &login = QStringLiteral("jane"));

    // Revokes `refreshToken` of the public client at the server (its whole grant ends with it), as
    // a person does in the server's settings; returns the HTTP status (0: no answer).
    int revokeRefreshToken(const QString &refreshToken) const;

    // GET {api}/account with a bearer token; returns the HTTP status (0: no answer).
    int accountStatus(const QString &accessToken) const;

    // Everything the server has logged so far (stderr: requests and oidc-provider's events, such
    // as "grant.success: client=… grant_type=refresh_token"; never a token).
    QByteArray log();
    // How many grants of `grantType` succeeded so far.
    int grantsOf(const QByteArray &grantType);

private:
    QProcess m_process;
    QByteArray m_log;
    QProcessEnvironment m_extraEnv;
    QUrl m_base;
    QString m_error;
};

// Waits, spinning the event loop, until `done` is true or `ms` passes.
bool waitFor(const std::function<bool()> &done, int ms);

// Signs `session` in through the sandbox's pages (Sandbox::runBrowser) as `login`@example.com;
// true when it ended signed in.
bool signInWithBrowser(Session &session, const QString &login = QStringLiteral("jane"));

// Addresses under .invalid, which never resolve: for tests that must reach no server at all.
Configuration unreachableConfiguration(const QString &clientId);
