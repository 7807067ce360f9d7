#pragma once

#include "AuthError.h"
#include "config/Configuration.h"
#include "storage/StoredSession.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

// The signed-in state as the window sees it: what it shows and what it may ask for. Session is
// the one implementation; the window is built on this interface alone, so it can be on screen
// before the session and the network, keychain and OAuth code behind it are loaded.
class AbstractSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Loading, // reading the keychain
        SignedOut,
        SigningIn, // waiting for the browser, or exchanging the code, or checking an API key
        SignedIn,
        Refreshing,
        Retrying, // a refresh failed for now; the next try is scheduled (nextRetryAt())
        NeedsSignIn, // the server rejected the session for good; sign in again
        KeychainUnavailable, // cannot tell: the keychain cannot be read
    };
    Q_ENUM(State)

    using QObject::QObject;

    virtual State state() const = 0;
    // The stored session (its refresh token stays in the keychain).
    virtual const StoredSession &stored() const = 0;
    // Why the session is in NeedsSignIn, Retrying or KeychainUnavailable, or why the last action failed.
    virtual const AuthError &lastError() const = 0;
    // The browser sign-in in progress: where the browser was sent, and when the attempt times out.
    virtual QUrl authorizationUrl() const = 0;
    virtual QDateTime signInDeadline() const = 0;
    // The next scheduled refresh, or the next retry while Retrying.
    virtual QDateTime nextRefreshAt() const = 0;

    // Starts a sign-in attempt. False (and nothing changes) while one is already running.
    virtual bool signIn(int timeoutSeconds) = 0;
    virtual void cancelSignIn() = 0;
    // Refreshes the access token now (unless another process just did).
    virtual void refresh() = 0;
    // Revokes what can be revoked, then deletes everything stored.
    virtual void signOut() = 0;

    static QString stateName(State state);

signals:
    void stateChanged(AbstractSession::State state);
    void sessionChanged(); // account, expiry, scope or method changed
    void authorizationUrlReady(const QUrl &url);
    void restoreFinished();
    void signInFinished(const AuthError &error); // no error: signed in and account read
    void refreshFinished(const AuthError &error);
    // `warning` is set when revocation failed but the local session was removed anyway.
    void signOutFinished(const AuthError &error, const QString &warning);
    // The configuration was switched; restoring follows.
    void reconfigured();
};
