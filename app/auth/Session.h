#pragma once

#include "AuthError.h"
#include "config/Configuration.h"
#include "storage/StoredSession.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class AuthorizationFlow;
class QNetworkAccessManager;
class TokenRefresher;
class TokenStore;
class WebinarGeekClient;
struct TokenSet;

// The one owner of the signed-in state. The window and the command line both drive it; neither
// talks to Qt's OAuth classes or the keychain directly.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Loading, // reading the keychain
        SignedOut,
        SigningIn, // waiting for the browser, or exchanging the code
        SignedIn,
        Refreshing,
        NeedsSignIn, // the server rejected the session for good; sign in again
        KeychainUnavailable, // cannot tell: the keychain cannot be read
    };
    Q_ENUM(State)

    Session(const Configuration &config, QNetworkAccessManager *network, TokenStore *store, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    const Configuration &configuration() const { return m_config; }
    // The stored session (without its refresh token, unless one was just used).
    const StoredSession &stored() const { return m_session; }
    // Why the session is in NeedsSignIn or KeychainUnavailable, or why the last action failed.
    const AuthError &lastError() const { return m_lastError; }
    QUrl authorizationUrl() const;
    QDateTime signInDeadline() const;

    // Reads the keychain: SignedIn, SignedOut or KeychainUnavailable.
    void restore();
    // Starts a sign-in attempt. False (and nothing changes) while one is already running.
    bool signIn(int timeoutSeconds);
    void cancelSignIn();
    // Refreshes the access token with the stored refresh token.
    void refresh();
    // Revokes what can be revoked, then deletes everything stored.
    void signOut();

    static QString stateName(State state);

signals:
    void stateChanged(Session::State state);
    void sessionChanged(); // account, expiry or scope changed
    void authorizationUrlReady(const QUrl &url);
    void restoreFinished();
    void signInFinished(const AuthError &error); // no error: signed in and account read
    void refreshFinished(const AuthError &error);
    // `warning` is set when revocation failed but the local session was removed anyway.
    void signOutFinished(const AuthError &error, const QString &warning);

private:
    void setState(State state);
    void setError(const AuthError &error);
    void signInGotTokens(const TokenSet &tokens);
    void signInFailed(const AuthError &error);
    void finishFlow(const AuthError &error, const QString &successDetail);
    void refreshWith(const StoredSession &stored);
    void finishSignOut(const QString &warning);

    Configuration m_config;
    QNetworkAccessManager *m_network;
    TokenStore *m_store;
    WebinarGeekClient *m_client;
    TokenRefresher *m_refresher;
    QPointer<AuthorizationFlow> m_flow;
    StoredSession m_session;
    AuthError m_lastError;
    State m_state = State::Loading;
};
