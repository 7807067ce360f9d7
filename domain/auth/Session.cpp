#include "Session.h"

#include "AuthLog.h"
#include "Clock.h"
#include "Reachability.h"
#include "RefreshLock.h"
#include "RefreshScheduler.h"
#include "SignInAttempt.h"
#include "TokenRefresher.h"
#include "api/WebinarGeekClient.h"
#include "config/IssuerMetadataCache.h"
#include "storage/TokenStore.h"

#include <QTimer>

#include <algorithm>

namespace {

AuthError configurationError(const QStringList &problems)
{
    if (problems.isEmpty())
        return AuthError();
    return AuthError::make(AuthError::Kind::Configuration, problems.join(QLatin1Char(' ')));
}

AuthError keychainError(const QString &reason)
{
    return AuthError::make(AuthError::Kind::Keychain, reason);
}

} // namespace

Session::Session(const Configuration &config, QNetworkAccessManager *network, TokenStore *store, Clock *clock,
                 QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_store(store)
    , m_clock(clock ? clock : new SystemClock(this))
    , m_client(new WebinarGeekClient(config.apiUrl, network, this))
    , m_refresher(new TokenRefresher(config, network, this))
    , m_scheduler(new RefreshScheduler(m_clock, this))
    , m_lock(new RefreshLock(store->accountKey(), this))
    , m_saveRetry(new QTimer(this))
{
    m_client->setCredentialProvider(this);
    m_saveRetry->setSingleShot(true);
    connect(m_saveRetry, &QTimer::timeout, this, &Session::storeUnsaved);
    connect(m_scheduler, &RefreshScheduler::refreshDue, this, [this] {
        // A keychain that could not be read at start (locked at login, not up yet): read again.
        if (m_state == State::KeychainUnavailable && m_session.isEmpty() && !isBusy()) {
            restore();
            return;
        }
        // A sign-in attempt owns the state until it ends; it schedules again then. A session the
        // server rejected is only kept to name its account.
        if (!m_attempt && !m_session.isEmpty() && !m_session.isApiKey() && !m_session.rejected)
            renew(m_session.accessToken);
    });
    // A renewed session that still waited to be stored is over once the session is deleted
    // (revoked first), or replaced by a new sign-in; the lock it kept held is let go.
    const auto endUnsaved = [this](const AuthError &error) {
        if (error.isError() || m_unsaved.isEmpty())
            return;
        dropUnsaved();
        if (!m_refreshing)
            m_lock->release();
    };
    connect(this, &Session::signOutFinished, this, [this, endUnsaved](const AuthError &error) {
        m_signingOut = false;
        endUnsaved(error);
    });
    connect(this, &Session::signInFinished, this, endUnsaved);
    // Queued: whatever emitted these finishes its turn (and releases what it holds) first.
    for (const auto finished : {&Session::refreshFinished, &Session::signInFinished})
        connect(this, finished, this, &Session::applyPendingConfiguration, Qt::QueuedConnection);
    connect(this, &Session::signOutFinished, this, &Session::applyPendingConfiguration, Qt::QueuedConnection);
}

Session::~Session() = default;

QString Session::stateName(State state)
{
    switch (state) {
    case State::Loading:
        return tr("Loading");
    case State::SignedOut:
        return tr("Signed out");
    case State::SigningIn:
        return tr("Signing in");
    case State::SignedIn:
        return tr("Connected");
    case State::Refreshing:
        return tr("Refreshing");
    case State::Retrying:
        return tr("Offline, retrying");
    case State::NeedsSignIn:
        return tr("Needs sign-in");
    case State::KeychainUnavailable:
        return tr("Keychain unavailable");
    }
    return QString();
}

QString Session::slot() const
{
    return m_store->slot();
}

QUrl Session::authorizationUrl() const
{
    return m_attempt ? m_attempt->authorizationUrl() : QUrl();
}

QDateTime Session::signInDeadline() const
{
    return m_attempt ? m_attempt->deadline() : QDateTime();
}

QDateTime Session::nextRefreshAt() const
{
    return m_scheduler->nextRefreshAt();
}

void Session::setAutoRefresh(bool enabled)
{
    m_autoRefresh = enabled;
    scheduleNextRefresh();
}

void Session::setReachability(Reachability *reachability)
{
    m_reachability = reachability;
    connect(reachability, &Reachability::becameReachable, m_scheduler, &RefreshScheduler::networkBecameReachable);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcAuth) << "Session state" << m_state << "->" << state;
    m_state = state;
    emit stateChanged(state);
}

void Session::setError(const AuthError &error, bool fromSignIn)
{
    m_lastError = error;
    m_errorFromSignIn = fromSignIn && error.isError();
}

void Session::endpointFailed(const AuthError &error, const QUrl &endpoint)
{
    // An endpoint the issuer's metadata named is gone, moved or unreachable: the server may have
    // moved it, so the metadata is read again (by the window's IssuerRefresh, or at the next
    // start of a command) instead of trusting the day-old copy. A read that cannot reach the
    // server either keeps the copy, so a network that is down changes nothing.
    const bool endpointFailed = error.kind == AuthError::Kind::NetworkError || error.kind == AuthError::Kind::NoAnswer
        || error.kind == AuthError::Kind::Redirected
        || ((error.kind == AuthError::Kind::RequestRejected || error.kind == AuthError::Kind::BadReply)
            && (error.httpStatus == 404 || error.httpStatus == 410));
    if (!endpointFailed || m_config.issuer.isEmpty() || endpoint.isEmpty())
        return;
    // Only an endpoint the metadata named: one set one by one (or the API) failing says nothing
    // about the metadata.
    const IssuerMetadataCache cache;
    const IssuerMetadata cached = cache.read(m_config.issuer);
    if (endpoint != cached.tokenEndpoint && endpoint != cached.revocationEndpoint)
        return;
    if (cache.markStale(m_config.issuer))
        emit issuerEndpointFailed();
}

// Takes `session` as the current one (without its refresh token, which stays in the keychain).
void Session::adopt(const StoredSession &session)
{
    m_session = session;
    m_session.refreshToken.clear();
    scheduleNextRefresh();
    emit sessionChanged();
}

void Session::scheduleNextRefresh()
{
    if (m_autoRefresh && m_state == State::KeychainUnavailable && m_session.isEmpty()) {
        // Nothing could be read yet; restore() is tried again with growing pauses (at most every
        // five minutes once settled, so an idle app stays quiet).
        if (!m_scheduler->isRetrying())
            m_scheduler->scheduleRetry();
        return;
    }
    if (m_autoRefresh && !m_session.isEmpty() && !m_session.isApiKey() && !m_refreshing
        && m_state != State::NeedsSignIn)
        m_scheduler->scheduleBeforeExpiry(m_session.updatedAt, m_session.expiresAt);
    else if (!m_scheduler->isRetrying() || m_session.isEmpty() || m_session.rejected)
        m_scheduler->stop();
}

void Session::restore()
{
    if (!m_unsaved.isEmpty()) {
        // The keychain holds the session this one renewed; what is in memory is newer.
        emit restoreFinished();
        return;
    }
    setState(State::Loading);
    // The main entry says whether a refresh token went with it (StoredSession::renewable); for an
    // older entry that does not, TokenStore reads the refresh token's entry to tell.
    m_store->load(false, [this, generation = m_generation](const TokenStore::Result &result) {
        if (generation != m_generation)
            return; // read for a configuration that is no longer in use
        if (m_attempt) {
            // A sign-in started meanwhile owns the state until it ends, and says what is stored.
            emit restoreFinished();
            return;
        }
        switch (result.status) {
        case TokenStore::Status::Ok:
            if (result.session.rejected) {
                setError(AuthError::make(AuthError::Kind::ApiKeyRejected));
                setState(State::NeedsSignIn);
            } else {
                setError(AuthError());
                setState(State::SignedIn);
            }
            adopt(result.session);
            break;
        case TokenStore::Status::NotFound:
            setState(State::SignedOut);
            adopt(StoredSession());
            break;
        case TokenStore::Status::Unavailable:
            setError(AuthError::make(AuthError::Kind::Keychain, result.reason));
            setState(State::KeychainUnavailable);
            if (m_autoRefresh && m_session.isEmpty())
                m_scheduler->scheduleRetry();
            break;
        case TokenStore::Status::Corrupted:
            setError(AuthError::make(AuthError::Kind::Keychain, result.reason));
            setState(State::NeedsSignIn);
            break;
        }
        // With automatic refresh, a token that is already due is renewed at once: the scheduler
        // aims at a moment in the past.
        emit restoreFinished();
    });
}

bool Session::signIn(int timeoutSeconds, quint16 port)
{
    if (m_attempt) {
        qCInfo(lcAuth) << "A sign-in is already in progress; not starting another";
        return false;
    }
    if (m_pendingConfig) {
        // It would sign in to the configuration that is being replaced.
        qCInfo(lcAuth) << "The configuration is being switched; not signing in now";
        return false;
    }
    const AuthError configError = configurationError(m_config.problems());
    if (configError.isError()) {
        setError(configError, true);
        emit signInFinished(configError);
        return true;
    }
    SignInAttempt *attempt = startAttempt();
    connect(attempt, &SignInAttempt::authorizationUrlReady, this, &Session::authorizationUrlReady);
    connect(attempt, &SignInAttempt::redirectTaken, this, &Session::signInRedirectTaken);
    connect(attempt, &SignInAttempt::finished, this, [this](const AuthError &error, const StoredSession &session) {
        const bool removedStored = m_attempt->removedStoredSession();
        endAttempt();
        if (!error.isError()) {
            signedIn(session);
            return;
        }
        // The window must not go on showing a session that is no longer stored.
        if (removedStored)
            adopt(StoredSession());
        setError(error, true);
        endpointFailed(error, m_config.tokenUrl); // the account's errors are Kind::Account
        // Otherwise a failed attempt leaves the previous session as it was stored (or, rejected,
        // as it was kept to name its account).
        if (error.kind == AuthError::Kind::Keychain)
            setState(State::KeychainUnavailable);
        else
            setState(m_session.isEmpty()      ? State::SignedOut
                         : m_session.rejected ? State::NeedsSignIn
                                              : State::SignedIn);
        scheduleNextRefresh(); // a refresh skipped while signing in happens now
        emit signInFinished(error);
    });
    attempt->startInBrowser(timeoutSeconds, port);
    return true;
}

void Session::cancelSignIn()
{
    if (m_attempt)
        m_attempt->cancel();
}

RedirectVerdict Session::takePastedRedirect(const QString &address)
{
    return m_attempt ? m_attempt->takePastedRedirect(address) : RedirectVerdict::NotWaiting;
}

void Session::signInWithApiKey(const QString &apiKey)
{
    if (m_attempt) {
        qCInfo(lcAuth) << "A sign-in is already in progress; not starting another";
        return;
    }
    if (m_pendingConfig) {
        // The key would be checked against, and stored for, the configuration being replaced.
        const AuthError error = AuthError::make(
            AuthError::Kind::Configuration, tr("The connection settings are being switched; try again in a moment."));
        setError(error, true);
        emit signInFinished(error);
        return;
    }
    const QString key = apiKey.trimmed();
    QStringList problems;
    if (key.isEmpty())
        problems << tr("No API key was given.");
    problems << m_config.apiKeyProblems();
    if (!problems.isEmpty()) {
        const AuthError error = configurationError(problems);
        setError(error, true);
        emit signInFinished(error);
        return;
    }
    const State before = m_state;
    SignInAttempt *attempt = startAttempt();
    connect(attempt, &SignInAttempt::finished, this,
            [this, before](const AuthError &error, const StoredSession &session) {
                endAttempt();
                if (!error.isError()) {
                    m_scheduler->stop(); // a retry for the OAuth session it replaced, say
                    signedIn(session);
                    return;
                }
                setError(error, true);
                // A key that was refused, or could not be checked, leaves the state as it was.
                setState(error.kind == AuthError::Kind::Keychain ? State::KeychainUnavailable : before);
                emit signInFinished(error);
            });
    attempt->startWithApiKey(key);
}

SignInAttempt *Session::startAttempt()
{
    m_attempt = new SignInAttempt(m_config, m_network, m_store, m_client, m_lock, m_clock, this);
    setError(AuthError());
    setState(State::SigningIn);
    return m_attempt;
}

// Before the session shows the attempt's result: from then on another may start, even from a
// signInFinished() handler.
void Session::endAttempt()
{
    // The attempt may have read the client secret from the keychain: a refresh needs it too.
    useClientSecret(m_attempt->configuration().clientSecret);
    std::exchange(m_attempt, nullptr)->deleteLater();
}

void Session::signedIn(const StoredSession &session)
{
    setError(AuthError());
    setState(State::SignedIn);
    adopt(session);
    emit signInFinished(AuthError());
}

void Session::signOut(Revocation revocation)
{
    m_signingOut = true;
    cancelSignIn();
    if (m_refreshing) {
        // Let the refresh in flight store what it got first, then revoke and delete that.
        auto *once = new QObject(this);
        connect(this, &Session::refreshFinished, once, [this, once, revocation] {
            once->deleteLater();
            signOut(revocation);
        });
        return;
    }
    // Under the refresh lock, so that a refresh in another process cannot store its tokens
    // again after they were deleted here.
    m_lock->acquire([this, revocation] {
        m_store->load(true, [this, revocation](const TokenStore::Result &result) {
            if (result.status == TokenStore::Status::Unavailable) {
                m_lock->release();
                const AuthError error = keychainError(result.reason);
                setError(error);
                setState(State::KeychainUnavailable);
                emit signOutFinished(error, QString());
                return;
            }
            // A renewed session the keychain could not take yet holds the tokens that work.
            const StoredSession stored = m_unsaved.isEmpty() ? result.session : m_unsaved;
            // An API key is not an OAuth token: it is revoked in WebinarGeek's settings, not here.
            // Without the issuer's metadata, whether the server revokes is not known: said below.
            if (stored.isEmpty() || stored.isApiKey() || revocation == Revocation::Keep
                || (m_config.revokeUrl.isEmpty() && m_config.issuerProblem.isEmpty())) {
                finishSignOut(QString());
                return;
            }
            const AuthError configError = configurationError(m_config.problems());
            if (configError.isError()) {
                finishSignOut(tr("The tokens were not revoked: %1").arg(configError.description));
                return;
            }
            auto *revoker = new TokenRevoker(m_config, m_network, this);
            connect(revoker, &TokenRevoker::finished, this, [this, revoker](const AuthError &error) {
                revoker->deleteLater();
                endpointFailed(error, m_config.revokeUrl);
                finishSignOut(error.isError() ? tr("The server did not confirm the revocation: %1").arg(error.message())
                                              : QString());
            });
            revoker->revoke(stored.refreshToken, stored.accessToken);
        });
    });
}

void Session::finishSignOut(const QString &warning)
{
    // Deleted even when revocation failed: signing out on this computer always works.
    m_store->clear([this, warning](const TokenStore::Result &cleared) {
        m_lock->release();
        if (cleared.status != TokenStore::Status::Ok) {
            const AuthError error = keychainError(cleared.reason);
            setError(error);
            setState(State::KeychainUnavailable);
            emit signOutFinished(error, warning);
            return;
        }
        m_scheduler->stop();
        setError(AuthError());
        setState(State::SignedOut);
        adopt(StoredSession());
        emit signOutFinished(AuthError(), warning);
    });
}

bool Session::isDueSoon(const StoredSession &session) const
{
    return !session.isFreshAt(m_clock->now());
}

Credential Session::currentCredential() const
{
    Credential credential;
    credential.kind = m_session.isApiKey() ? Credential::Kind::ApiKey : Credential::Kind::Bearer;
    credential.value = m_session.accessToken;
    return credential;
}

void Session::credential(const Done &done)
{
    if (m_session.isEmpty() || m_session.rejected || m_state == State::NeedsSignIn) {
        done(Credential(), AuthError::make(AuthError::Kind::NotSignedIn).message());
        return;
    }
    if (m_session.isApiKey()) {
        done(currentCredential(), QString());
        return;
    }
    if (m_refreshing || isDueSoon(m_session)) {
        m_waiting.append(done);
        renew(m_session.accessToken);
        return;
    }
    done(currentCredential(), QString());
}

void Session::credentialRejected(const Credential &rejected, const Done &done)
{
    if (rejected.kind == Credential::Kind::ApiKey) {
        // A key that is no longer the one in use (replaced while the request ran) says nothing
        // about the current session.
        if (!m_session.isApiKey() || rejected.value != m_session.accessToken) {
            credential(done);
            return;
        }
        rejectApiKey(done);
        return;
    }
    m_waiting.append(done);
    renew(rejected.value);
}

void Session::refresh()
{
    if (m_attempt || m_session.isApiKey() || m_session.rejected)
        return;
    renew(m_session.accessToken);
}

// Refreshes unless the keychain already holds a usable token other than `replacing`: with the
// lock held, storage is read again because another process may have refreshed a moment ago,
// and spending its (now rotated-away) refresh token again would end the session.
void Session::renew(const QString &replacing)
{
    if (m_refreshing)
        return; // the refresh in flight answers every caller
    const QStringList problems = m_config.problems();
    if (!problems.isEmpty()) {
        const AuthError error = configurationError(problems);
        setError(error);
        refreshDone(error);
        return;
    }
    m_refreshing = true;
    setState(State::Refreshing);
    ensureClientSecret([this, replacing](const AuthError &secretError) {
        if (secretError.isError()) {
            // Never sent without the secret: the server would answer invalid_client, which ends
            // the session for good. Kept as it is; tried again later.
            setState(State::KeychainUnavailable);
            refreshDone(secretError);
            return;
        }
        acquireAndRenew(replacing);
    });
}

void Session::acquireAndRenew(const QString &replacing)
{
    m_lock->acquireOrRefuse([this, replacing](const AuthError &lockError) {
        if (lockError.isError()) {
            // Without the lock another process may spend the same refresh token at the same
            // moment, which a server that detects reuse answers by ending the session: wait.
            refreshDone(lockError);
            return;
        }
        if (!m_unsaved.isEmpty()) {
            // The keychain still holds the refresh token this one replaced, which the server
            // has retired; nobody else refreshed meanwhile (the lock stayed held).
            refreshWith(m_unsaved);
            return;
        }
        m_store->load(true, [this, replacing](const TokenStore::Result &result) {
            if (result.status == TokenStore::Status::NotFound) {
                setState(State::SignedOut);
                adopt(StoredSession());
                refreshDone(AuthError::make(AuthError::Kind::NotSignedIn));
                return;
            }
            if (result.status != TokenStore::Status::Ok) {
                const AuthError error = AuthError::make(AuthError::Kind::Keychain, result.reason);
                setState(result.status == TokenStore::Status::Unavailable ? State::KeychainUnavailable
                                                                          : State::NeedsSignIn);
                refreshDone(error);
                return;
            }
            if (result.session.accessToken != replacing && !isDueSoon(result.session)) {
                qCInfo(lcAuth) << "Another process refreshed already; using its token";
                setState(State::SignedIn);
                adopt(result.session);
                refreshDone(AuthError());
                return;
            }
            refreshWith(result.session);
        });
    });
}

void Session::readClientSecret(const Configuration &config, TokenStore *store, const SecretDone &done)
{
    if (!config.clientSecretInKeychain || !config.clientSecret.isEmpty()) {
        done(config.clientSecret, AuthError());
        return;
    }
    store->loadClientSecret([done](const TokenStore::SecretResult &result) {
        if (result.status == TokenStore::Status::Ok && !result.secret.isEmpty()) {
            qCInfo(lcAuth) << "Read the client secret from the keychain";
            done(result.secret, AuthError());
            return;
        }
        const QString reason = result.status == TokenStore::Status::Unavailable
            ? result.reason
            : tr("none is stored for this client; enter it again in the settings");
        qCInfo(lcAuth).noquote() << "The client secret could not be read from the keychain:" << reason;
        done(QString(), keychainError(tr("the client secret could not be read from the keychain (%1)").arg(reason)));
    });
}

void Session::ensureClientSecret(const std::function<void(const AuthError &)> &then)
{
    // No generation check: whoever asks is busy (refreshing), so a reconfigure() waits for this
    // answer.
    readClientSecret(m_config, m_store, [this, then](const QString &secret, const AuthError &error) {
        useClientSecret(secret);
        then(error);
    });
}

void Session::useClientSecret(const QString &secret)
{
    if (secret.isEmpty() || secret == m_config.clientSecret)
        return;
    m_config.clientSecret = secret;
    m_refresher->setClientSecret(secret);
}

void Session::refreshWith(const StoredSession &stored)
{
    if (stored.refreshToken.isEmpty()) {
        const AuthError error = AuthError::make(AuthError::Kind::InvalidGrant,
                                                tr("No refresh token is stored, so the session cannot be renewed."));
        const bool expired = stored.expiresAt.isValid() && stored.expiresAt <= m_clock->now();
        setState(expired ? State::NeedsSignIn : State::SignedIn);
        refreshDone(error);
        return;
    }
    QObject *context = new QObject(this);
    connect(m_refresher, &TokenRefresher::finished, context, [this, context, stored](const TokenReply &reply) {
        context->deleteLater();
        const QString rotated = reply.tokens.refreshToken;
        if (!reply.ok()) {
            if (!rotated.isEmpty() && rotated != stored.refreshToken) {
                // The rest of the answer is unusable, but the server has rotated the refresh
                // token, and may have retired the one just spent: the new one is kept first,
                // with the session as it was, and then the answer's fault is reported.
                StoredSession kept = stored;
                kept.refreshToken = rotated;
                storeRenewed(kept, stored.refreshToken, reply.error);
                return;
            }
            if (reply.error.isPermanent()) {
                // The server rejected the session for good: nothing stored can be used again, and
                // nothing of it stays in the keychain. Its account stays in memory (marked
                // rejected, never handed out), so the window and the tray can say whom to sign
                // back in as.
                dropUnsaved();
                StoredSession rejected = stored;
                rejected.refreshToken.clear();
                rejected.rejected = true;
                m_store->clear([this, rejected, error = reply.error](const TokenStore::Result &) {
                    setState(State::NeedsSignIn);
                    adopt(rejected);
                    refreshDone(error);
                });
                return;
            }
            // A passing failure keeps the session as it was (stored, or waiting to be).
            keepAfterFailure(stored, reply.error);
            return;
        }
        StoredSession updated = stored;
        updated.accessToken = reply.tokens.accessToken;
        updated.refreshToken = rotated;
        updated.tokenType = reply.tokens.tokenType;
        if (!reply.tokens.scope.isEmpty())
            updated.scope = reply.tokens.scope;
        updated.updatedAt = m_clock->now();
        updated.expiresAt = reply.tokens.expiresAtFrom(updated.updatedAt);
        storeRenewed(updated, stored.refreshToken, AuthError());
    });
    m_refresher->refresh(stored.refreshToken);
}

// The rotated refresh token is in the keychain before the new access token goes anywhere. When
// the keychain cannot take it, the token that still works must not be lost with the write: a
// one-shot command tries again for a few seconds; the window keeps the session in memory, uses
// it, and stores it as soon as the keychain lets it. `replyError` is the answer's fault, when
// only its refresh token was usable.
void Session::storeRenewed(const StoredSession &renewed, const QString &spentRefreshToken, const AuthError &replyError)
{
    const auto stored = [this, renewed, spentRefreshToken, replyError](bool saved, const QString &reason) {
        if (saved) {
            dropUnsaved(); // whatever waited to be stored is older than this
            if (replyError.isError()) {
                keepAfterFailure(renewed, replyError);
                return;
            }
            setState(State::SignedIn);
            adopt(renewed);
            refreshDone(AuthError());
            return;
        }
        qCWarning(lcAuth).noquote() << "The renewed session could not be stored:" << reason;
        const AuthError saveError = keychainError(reason);
        if (m_autoRefresh) {
            keepUnsaved(renewed);
            if (replyError.isError()) {
                keepAfterFailure(renewed, replyError);
                return;
            }
            setState(State::KeychainUnavailable);
            adopt(renewed);
            refreshDone(saveError, true);
            return;
        }
        // A command ends here. With the refresh token rotated, the stored one is spent: this
        // session is over, and the new tokens are not handed out (nobody could renew them).
        setState(State::KeychainUnavailable);
        refreshDone(renewed.refreshToken == spentRefreshToken
                        ? saveError
                        : AuthError::make(AuthError::Kind::RenewedNotSaved, reason));
    };
    saveWithin(renewed, QDeadlineTimer(m_autoRefresh ? 0 : kCommandSaveSeconds * 1000), false, stored);
}

void Session::saveWithin(const StoredSession &session, const QDeadlineTimer &deadline, bool checkFirst,
                         const SaveDone &done)
{
    const auto again = [this, session, deadline, done](const QString &reason) {
        if (deadline.hasExpired()) {
            done(false, reason);
            return;
        }
        QTimer::singleShot(kCommandSaveRetryMs, this,
                           [this, session, deadline, done] { saveWithin(session, deadline, true, done); });
    };
    const auto write = [this, session, done, again] {
        m_store->save(session, [done, again](const TokenStore::Result &saved) {
            if (saved.status == TokenStore::Status::Ok)
                done(true, QString());
            else
                again(saved.reason);
        });
    };
    if (!checkFirst) {
        write();
        return;
    }
    // A locked keyring asks the person to unlock it at every write (and read): it is written to
    // again only once it is no longer locked, which is asked without a prompt.
    m_store->checkLocked([write, again](bool locked, const QString &reason) {
        if (locked)
            again(reason);
        else
            write();
    });
}

void Session::keepUnsaved(const StoredSession &renewed)
{
    m_unsaved = renewed;
    // Held until it is stored: another process would find the spent refresh token in the
    // keychain and spend it again.
    m_lock->setKept(true);
    if (!m_saveRetry->isActive()) {
        m_saveAttempts = 0;
        m_saveRetry->start(kSaveRetryFirstMs);
    }
}

void Session::storeUnsaved()
{
    if (m_unsaved.isEmpty())
        return;
    if (m_refreshing) {
        // The refresh in flight spends this session's refresh token and stores what it renews.
        m_saveRetry->start(kSaveRetryFirstMs);
        return;
    }
    const StoredSession pending = m_unsaved;
    saveWithin(pending, QDeadlineTimer(0), true, [this, pending](bool saved, const QString &reason) {
        if (m_unsaved.isEmpty() || m_unsaved.refreshToken != pending.refreshToken
            || m_unsaved.accessToken != pending.accessToken)
            return; // replaced meanwhile: renewed again, or ended by a sign-in or sign-out
        if (!saved) {
            ++m_saveAttempts;
            const int delay = std::min(kSaveRetryMaxMs, kSaveRetryFirstMs << std::min(m_saveAttempts, 5));
            qCInfo(lcAuth).noquote() << "The renewed session still cannot be stored (" << reason << "); trying again in"
                                     << delay / 1000 << "s";
            m_saveRetry->start(delay);
            return;
        }
        qCInfo(lcAuth) << "Stored the renewed session the keychain could not take before";
        dropUnsaved();
        if (!m_refreshing)
            m_lock->release();
        if (m_state == State::KeychainUnavailable) {
            setError(AuthError());
            setState(State::SignedIn);
        }
        // What is shown may have been set aside meanwhile (a sign-in that failed shows nothing);
        // the stored session is this one now.
        adopt(pending);
        // A reconfigure() waited for the lock.
        QMetaObject::invokeMethod(this, &Session::applyPendingConfiguration, Qt::QueuedConnection);
    });
}

// Ends a refresh that failed with `session` as the current one: the one it started from, or that
// one with the rotated refresh token the failed answer carried. No state change: a passing
// failure is refreshDone()'s to show.
void Session::keepAfterFailure(const StoredSession &session, const AuthError &error)
{
    m_session = session;
    m_session.refreshToken.clear();
    refreshDone(error);
}

void Session::dropUnsaved()
{
    m_unsaved = StoredSession();
    m_saveRetry->stop();
    m_saveAttempts = 0;
    m_lock->setKept(false);
}

void Session::refreshDone(const AuthError &error, bool tokensUsable)
{
    m_lock->release(); // unless kept for a session that waits to be stored
    m_refreshing = false;
    setError(error);
    endpointFailed(error, m_config.tokenUrl);
    if (tokensUsable) {
        // Renewed, but kept in memory only (keepUnsaved()): the next refresh is due as usual.
        scheduleNextRefresh();
    } else if (error.isError() && (error.isTransient() || error.kind == AuthError::Kind::RefreshLock)) {
        if (m_autoRefresh) {
            m_scheduler->scheduleRetry(error.retryAfterSeconds);
            // Only now is the network worth watching: it may be what the retry waits for. A
            // server that answered with an error is not helped by it.
            const bool unreached =
                error.kind == AuthError::Kind::NetworkError || error.kind == AuthError::Kind::NoAnswer;
            if (unreached && m_reachability)
                m_reachability->watch();
            setState(State::Retrying);
        } else {
            setState(State::SignedIn);
        }
    } else if (error.kind == AuthError::Kind::Keychain && m_autoRefresh) {
        // The keychain may come back (unlocked, restarted): try again later rather than never.
        m_scheduler->scheduleRetry();
    } else if (!error.isError()) {
        scheduleNextRefresh();
    }
    const QList<Done> waiting = std::exchange(m_waiting, {});
    for (const Done &done : waiting) {
        if (error.isError() && !tokensUsable)
            done(Credential(), error.message());
        else
            done(currentCredential(), QString());
    }
    emit refreshFinished(error);
}

void Session::rejectApiKey(const Done &done)
{
    StoredSession rejected = m_session;
    rejected.rejected = true;
    const AuthError error = AuthError::make(AuthError::Kind::ApiKeyRejected);
    // A reconfigure() waits for this (isBusy()), and the generation is checked anyway: the old
    // session must never be written under the new configuration's key.
    m_rejectingKey = true;
    const auto finished = [this] {
        m_rejectingKey = false;
        QMetaObject::invokeMethod(this, &Session::applyPendingConfiguration, Qt::QueuedConnection);
    };
    // Kept (so status can say what happened) but marked, until the person connects again.
    m_store->load(
        true, [this, rejected, error, done, finished, generation = m_generation](const TokenStore::Result &current) {
            if (generation != m_generation) {
                finished();
                return;
            }
            if (current.status == TokenStore::Status::Ok && current.session.accessToken != rejected.accessToken) {
                // Another key (or a sign-in) was stored meanwhile: that one was not rejected.
                finished();
                done(Credential(), error.message());
                return;
            }
            StoredSession marked = current.status == TokenStore::Status::Ok ? current.session : rejected;
            marked.rejected = true;
            m_store->save(marked, [this, marked, error, done, finished](const TokenStore::Result &) {
                setError(error);
                setState(State::NeedsSignIn);
                adopt(marked);
                finished();
                done(Credential(), error.message());
            });
        });
}

void Session::reconfigure(const Configuration &config)
{
    m_pendingConfig = config;
    // Tokens that already arrived are stored first (under the old key); only waiting ends here.
    cancelSignIn();
    applyPendingConfiguration();
}

bool Session::isBusy() const
{
    return m_refreshing || m_attempt || m_signingOut || m_rejectingKey || m_lock->isHeld();
}

void Session::applyPendingConfiguration()
{
    // While busy, the refresh, sign-in or sign-out in flight calls this again when it ends.
    if (!m_pendingConfig || isBusy())
        return;
    m_config = *std::exchange(m_pendingConfig, std::nullopt);
    ++m_generation;
    qCInfo(lcAuth) << "Switching to client" << m_config.clientId << "at" << m_config.tokenUrl.host();
    m_scheduler->stop();
    m_store->setKey(m_config.storageKey());
    // Nothing is in flight on these (isBusy() said so) except API calls of the old server. The
    // old client asks this session nothing more: a late 401 from the old server must not renew
    // or mark the new session. Its replies end unanswered with it.
    m_client->setCredentialProvider(nullptr);
    m_client->deleteLater();
    m_refresher->deleteLater();
    m_lock->deleteLater();
    m_client = new WebinarGeekClient(m_config.apiUrl, m_network, this);
    m_client->setCredentialProvider(this);
    m_refresher = new TokenRefresher(m_config, m_network, this);
    m_lock = new RefreshLock(m_store->accountKey(), this);
    setError(AuthError());
    setState(State::Loading);
    adopt(StoredSession());
    emit reconfigured();
    restore();
}
