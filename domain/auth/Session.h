#pragma once

#include "AuthError.h"
#include "RedirectVerdict.h"
#include "api/Credential.h"
#include "config/Configuration.h"
#include "storage/StoredSession.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class Clock;
class QNetworkAccessManager;
class QTimer;
class Reachability;
class RefreshLock;
class RefreshScheduler;
class SignInAttempt;
class TokenRefresher;
class TokenStore;
class WebinarGeekClient;

// The one owner of the signed-in state: the stored session, its refresh, and the state the
// window, the tray and the command line show and drive. None of them talks to Qt's OAuth classes
// or the keychain directly. A sign-in is a SignInAttempt that this starts, one at a time, and
// takes the result of. It is also the API client's credential provider: whoever needs a token
// asks here, and all who ask during a refresh share that one.
class Session : public QObject, public CredentialProvider
{
    Q_OBJECT
public:
    enum class State {
        Loading, // reading the keychain
        SignedOut,
        SigningIn, // waiting for the browser, or exchanging the code, or checking an API key
        SignedIn,
        Refreshing,
        Retrying, // a refresh failed for now; the next try is scheduled (nextRefreshAt())
        NeedsSignIn, // the server rejected the session for good; sign in again
        KeychainUnavailable, // cannot tell: the keychain cannot be read
    };
    Q_ENUM(State)

    // `clock` may be null: the system clock is used.
    Session(const Configuration &config, QNetworkAccessManager *network, TokenStore *store, Clock *clock = nullptr,
            QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    static QString stateName(State state);
    const Configuration &configuration() const { return m_config; }
    // The account's slot among the server's accounts (AccountEntry::slot).
    QString slot() const;
    // The stored session (its refresh token stays in the keychain).
    const StoredSession &stored() const { return m_session; }
    // Why the session is in NeedsSignIn, Retrying or KeychainUnavailable, or why the last action failed.
    const AuthError &lastError() const { return m_lastError; }
    // lastError() is why the last sign-in did not finish; the session is the one from before it.
    bool lastErrorFromSignIn() const { return m_errorFromSignIn; }
    // The browser sign-in in progress: where the browser was sent, and when the attempt times out.
    QUrl authorizationUrl() const;
    QDateTime signInDeadline() const;
    // The next scheduled refresh, or the next retry while Retrying.
    QDateTime nextRefreshAt() const;
    WebinarGeekClient *api() const { return m_client; }
    // The network access the session's own requests go through.
    QNetworkAccessManager *network() const { return m_network; }

    // A refresh, sign-in or sign-out is in flight, or the refresh lock is held: the session must
    // not be deleted or switched now.
    bool isBusy() const;

    // Keeps the access token fresh on a timer for as long as the process runs (the window does;
    // a one-shot command does not).
    void setAutoRefresh(bool enabled);
    // Network changes speed up a waiting retry. Not owned; asked to watch the first time a
    // refresh fails for a network reason and a retry waits.
    void setReachability(Reachability *reachability);

    // Reads the keychain: SignedIn, SignedOut, NeedsSignIn or KeychainUnavailable.
    void restore();
    // Starts a sign-in attempt in the browser. False (and nothing changes) while one is already
    // running, or while a reconfigure() waits for what is in flight.
    // The browser returns to the loopback listener on `port`, or on a free port when 0.
    bool signIn(int timeoutSeconds, quint16 port = 0);
    void cancelSignIn();
    // The address the browser ended on, pasted by the person when it could not return to this
    // computer (SignInAttempt::takePastedRedirect). NotWaiting when no browser sign-in waits.
    RedirectVerdict takePastedRedirect(const QString &address);
    // Connects with a personal API key instead: checked against the API before it is stored.
    // Refused (signInFinished with an error) while a reconfigure() waits.
    void signInWithApiKey(const QString &apiKey);
    // Refreshes the access token now (unless another process just did).
    void refresh();
    // Revokes what can be revoked, then deletes everything stored. Keep: deletes only, for tokens
    // a newer sign-in to the same account replaced (revoking them could end that one's grant).
    enum class Revocation { Revoke, Keep };
    void signOut(Revocation revocation = Revocation::Revoke);
    // Another server or client from now on (the settings changed while running). A sign-in that
    // waits for the browser is cancelled; a refresh, sign-in or sign-out that is storing its
    // result finishes first, under the old configuration. Then the scheduler stops, the token
    // store, API client, refresher and refresh lock move to `config`, and the session stored
    // for it is restored (restoreFinished()).
    void reconfigure(const Configuration &config);

    // Calls `done` with the client secret `config` expects from the keychain
    // (Configuration::clientSecretInKeychain), at once when it expects none or holds it already;
    // or with why it could not be read. A refresh and a sign-in both need it: without it the
    // server answers invalid_client.
    using SecretDone = std::function<void(const QString &secret, const AuthError &error)>;
    static void readClientSecret(const Configuration &config, TokenStore *store, const SecretDone &done);

    // CredentialProvider
    void credential(const Done &done) override;
    void credentialRejected(const Credential &rejected, const Done &done) override;

    // A renewed session the keychain could not take. A one-shot command tries again for this
    // long, every so often, then gives up (RenewedNotSaved when the refresh token was rotated).
    static constexpr int kCommandSaveSeconds = 5;
    static constexpr int kCommandSaveRetryMs = 500;
    // The window keeps it in memory and tries again after 1 s, 2 s, 4 s, … and then every 30 s.
    static constexpr int kSaveRetryFirstMs = 1000;
    static constexpr int kSaveRetryMaxMs = 30 * 1000;

signals:
    void stateChanged(Session::State state);
    void sessionChanged(); // account, expiry, scope or method changed
    void authorizationUrlReady(const QUrl &url);
    // The browser sign-in's redirect arrived (at the listener or pasted): its code is exchanged,
    // or its error ends the sign-in. The other way in is closed.
    void signInRedirectTaken();
    void restoreFinished();
    void signInFinished(const AuthError &error); // no error: signed in and account read
    void refreshFinished(const AuthError &error);
    // `warning` is set when revocation failed but the local session was removed anyway.
    void signOutFinished(const AuthError &error, const QString &warning);
    // The configuration was switched; restoring follows.
    void reconfigured();
    // An endpoint the issuer's metadata named failed (gone, moved, unreachable): the copy is
    // marked stale, and a running window reads the metadata again (IssuerRefresh).
    void issuerEndpointFailed();

private:
    void setState(State state);
    void setError(const AuthError &error, bool fromSignIn = false);
    // `endpoint` (the token or revocation endpoint) answered `error`.
    void endpointFailed(const AuthError &error, const QUrl &endpoint);
    void adopt(const StoredSession &session);
    void scheduleNextRefresh();
    void applyPendingConfiguration();
    // Calls `then` once the client secret the configuration expects from the keychain is held,
    // or with why it could not be read (readClientSecret()).
    void ensureClientSecret(const std::function<void(const AuthError &)> &then);
    void useClientSecret(const QString &secret);

    // Sign-in: the attempt in flight, and what its result makes of the session.
    SignInAttempt *startAttempt();
    void endAttempt();
    void signedIn(const StoredSession &session);

    void finishSignOut(const QString &warning);

    // Refresh
    void renew(const QString &replacing);
    void acquireAndRenew(const QString &replacing);
    void refreshWith(const StoredSession &stored);
    void storeRenewed(const StoredSession &renewed, const QString &spentRefreshToken, const AuthError &replyError);
    // `tokensUsable`: the renewed access token is in memory and may be handed out, although
    // `error` says something went wrong (the keychain could not store it yet).
    void refreshDone(const AuthError &error, bool tokensUsable = false);
    // Writes `session`; on failure tries again (asking first whether the keyring is locked, which never prompts) until
    // `deadline`. `done` gets whether it was stored, and why not.
    using SaveDone = std::function<void(bool saved, const QString &reason)>;
    void saveWithin(const StoredSession &session, const QDeadlineTimer &deadline, bool checkFirst,
                    const SaveDone &done);
    void keepUnsaved(const StoredSession &renewed);
    void storeUnsaved();
    void keepAfterFailure(const StoredSession &session, const AuthError &error);
    void dropUnsaved();
    void rejectApiKey(const Done &done);
    Credential currentCredential() const;
    bool isDueSoon(const StoredSession &session) const;

    Configuration m_config;
    QNetworkAccessManager *m_network;
    TokenStore *m_store;
    Clock *m_clock;
    WebinarGeekClient *m_client;
    TokenRefresher *m_refresher;
    RefreshScheduler *m_scheduler;
    RefreshLock *m_lock;
    SignInAttempt *m_attempt = nullptr; // the sign-in in flight; it owns the state until it ends
    QPointer<Reachability> m_reachability;
    StoredSession m_session;
    AuthError m_lastError;
    bool m_errorFromSignIn = false;
    State m_state = State::Loading;
    // The window keeps the token fresh; a one-shot command does not (setAutoRefresh()).
    bool m_autoRefresh = false;
    // A refresh is in flight: its answer goes to every caller that asks meanwhile (m_waiting).
    bool m_refreshing = false;
    QList<Done> m_waiting;
    // A renewed session (refresh token included) the keychain could not take yet: the window's
    // only copy of the refresh token that still works. Refreshes spend it, not the stored one.
    StoredSession m_unsaved;
    QTimer *m_saveRetry;
    int m_saveAttempts = 0;
    // For reconfigure(), once nothing is in flight (isBusy()).
    std::optional<Configuration> m_pendingConfig;
    // Sign-out and the marking of a rejected API key write to the keychain without a state of
    // their own; a reconfigure() waits for them, as for a refresh or a sign-in.
    bool m_signingOut = false;
    bool m_rejectingKey = false;
    quint64 m_generation = 0; // counts reconfigurations, so a late keychain answer is dropped
};
