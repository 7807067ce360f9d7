#pragma once

#include "AuthError.h"
#include "RedirectVerdict.h"
#include "config/Configuration.h"
#include "storage/StoredSession.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

class AuthorizationFlow;
class Clock;
class QNetworkAccessManager;
class RefreshLock;
class TokenStore;
class WebinarGeekClient;
struct TokenSet;

// One sign-in, in the browser or with a personal API key, from its start to its one result.
// What it gets is checked with the API (the account is read) and stored in the keychain in place
// of the stored session before it counts as signed in. Session starts one at a time and makes
// the session of the result; the attempt changes nothing of the session's own.
class SignInAttempt : public QObject
{
    Q_OBJECT
public:
    // The network, store, API client, lock and clock are the session's: they outlive the attempt
    // and stay as they are while it runs (Session::reconfigure() waits for it).
    SignInAttempt(const Configuration &config, QNetworkAccessManager *network, TokenStore *store,
                  WebinarGeekClient *api, RefreshLock *lock, Clock *clock, QObject *parent = nullptr);

    // Makes sure the keychain can take the tokens and reads the client secret when the
    // configuration expects it from there, then sends the browser (authorizationUrlReady())
    // and exchanges the code it brings back (AuthorizationFlow) to the loopback listener on
    // `port` (a free one when 0).
    void startInBrowser(int timeoutSeconds, quint16 port = 0);
    // The address the browser ended on, pasted by the person (AuthorizationFlow::takePastedRedirect).
    RedirectVerdict takePastedRedirect(const QString &address);
    // Checks `apiKey` against the API, then stores it.
    void startWithApiKey(const QString &apiKey);
    // Ends a browser sign-in with AuthError::Kind::Cancelled: at once while it waits for the
    // browser or the code exchange, once the keychain has answered before that. Tokens that
    // arrived are stored all the same, and an API key is checked and stored: those end as they end.
    void cancel();

    // The configuration it signs in with: the session's, with the client secret when it was read
    // from the keychain.
    const Configuration &configuration() const { return m_config; }
    // The browser sign-in: where the browser was sent, and when the attempt times out.
    QUrl authorizationUrl() const;
    QDateTime deadline() const;
    // After a browser sign-in whose tokens could not be stored: the session they would have
    // replaced was deleted with them.
    bool removedStoredSession() const { return m_removedStored; }

signals:
    void authorizationUrlReady(const QUrl &url);
    void redirectTaken();
    // The attempt's one result. Signed in: no `error`, and `session` is what the keychain holds
    // now, account included. Otherwise `error` says why, and `session` is empty.
    void finished(const AuthError &error, const StoredSession &session);

private:
    void openBrowser(int timeoutSeconds, quint16 port);
    void readAccount(const TokenSet &tokens);
    void store(const StoredSession &session);
    void revokeUnkept(const StoredSession &session, const QString &reason);
    void failUnkept(const AuthError &error);
    void fail(const AuthError &error);

    Configuration m_config;
    QNetworkAccessManager *m_network;
    TokenStore *m_store;
    WebinarGeekClient *m_api;
    RefreshLock *m_lock;
    Clock *m_clock;
    AuthorizationFlow *m_flow = nullptr;
    bool m_cancelled = false; // while the keychain is asked, before the browser
    bool m_removedStored = false;
};
