// Session: signing in (browser or API key) and signing out.

#include "Session.h"

#include "AuthLog.h"
#include "AuthorizationFlow.h"
#include "Clock.h"
#include "RefreshLock.h"
#include "RefreshScheduler.h"
#include "TokenRefresher.h"
#include "api/WebinarGeekClient.h"
#include "storage/TokenStore.h"

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

QString describeAccount(const StoredSession &session)
{
    //: An account: email (company).
    return session.company.isEmpty() ? session.email : Session::tr("%1 (%2)").arg(session.email, session.company);
}

} // namespace

bool Session::signIn(int timeoutSeconds)
{
    if ((m_flow && m_flow->isActive()) || m_state == State::SigningIn) {
        qCInfo(lcAuth) << "A sign-in is already in progress; not starting another";
        return false;
    }
    if (m_reconfigurePending) {
        // It would sign in to the configuration that is being replaced.
        qCInfo(lcAuth) << "The configuration is being switched; not signing in now";
        return false;
    }
    const AuthError configError = configurationError(m_config.problems());
    if (configError.isError()) {
        setError(configError);
        emit signInFinished(configError);
        return true;
    }
    setError(AuthError());
    setState(State::SigningIn);
    m_cancelBeforeFlow = false;
    // The keychain first: tokens it cannot take (no bus, no Secret Service, access denied) would
    // send the person through the browser and the consent for nothing. A keyring that is merely
    // locked goes on: storing asks to unlock it, with the desktop's own prompt.
    m_store->load(false, [this, timeoutSeconds](const TokenStore::Result &stored) {
        if (stored.status == TokenStore::Status::Unavailable && !stored.locked) {
            signInFailed(keychainError(stored.reason));
            return;
        }
        // The code exchange needs the client secret; without it the attempt would end in
        // invalid_client after the person consented.
        ensureClientSecret([this, timeoutSeconds](const AuthError &secretError) {
            if (m_cancelBeforeFlow) {
                signInFailed(AuthError::make(AuthError::Kind::Cancelled));
                return;
            }
            if (secretError.isError()) {
                signInFailed(secretError);
                return;
            }
            startFlow(timeoutSeconds);
        });
    });
    return true;
}

void Session::startFlow(int timeoutSeconds)
{
    if (m_flow)
        m_flow->deleteLater();
    m_flow = new AuthorizationFlow(m_config, m_network, this);
    connect(m_flow, &AuthorizationFlow::authorizationUrlReady, this, &Session::authorizationUrlReady);
    connect(m_flow, &AuthorizationFlow::tokensReceived, this, &Session::signInGotTokens);
    connect(m_flow, &AuthorizationFlow::failed, this, &Session::signInFailed);
    m_flow->start(timeoutSeconds);
}

void Session::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel();
    else if (m_state == State::SigningIn)
        m_cancelBeforeFlow = true;
}

void Session::finishFlow(const AuthError &error, const QString &successDetail)
{
    if (m_flow)
        m_flow->finish(error, successDetail);
}

void Session::signInGotTokens(const TokenSet &tokens)
{
    StoredSession session;
    session.method = QStringLiteral("oauth");
    session.accessToken = tokens.accessToken;
    session.refreshToken = tokens.refreshToken;
    session.tokenType = tokens.tokenType;
    session.scope = tokens.scope;
    session.updatedAt = m_clock->now();
    session.expiresAt = tokens.expiresAtFrom(session.updatedAt);

    // The account is read before anything is stored: a sign-in whose account cannot be read is
    // not kept, and the session it would have replaced stays as it was.
    Credential credential;
    credential.kind = Credential::Kind::Bearer;
    credential.value = session.accessToken;
    const quint64 generation = m_generation;
    m_client->fetchAccount(credential, [this, session, generation](const Account &account, const ApiError &apiError) {
        if (generation != m_generation || m_state != State::SigningIn)
            return; // the attempt ended meanwhile (cancelled, or another configuration)
        if (apiError.isError()) {
            finishFlow(AuthError::make(AuthError::Kind::Account, apiError.message()), QString());
            return;
        }
        StoredSession withAccount = session;
        withAccount.company = account.company;
        withAccount.email = account.email;
        // Under the refresh lock, so a refresh in another process cannot write the replaced
        // session back over this one.
        m_lock->acquire([this, withAccount] { storeSignIn(withAccount); });
    });
}

void Session::storeSignIn(const StoredSession &session)
{
    m_store->save(session, [this, session](const TokenStore::Result &saved) {
        if (saved.status != TokenStore::Status::Ok) {
            // Nothing stays stored after a failed sign-in, not even half of it. The tokens the
            // server issued are revoked where it can be done: kept nowhere, they would stay valid
            // at the server with nobody able to end them.
            m_store->clear(
                [this, session, reason = saved.reason](const TokenStore::Result &) { revokeUnkept(session, reason); });
            return;
        }
        m_lock->release();
        finishFlow(AuthError(), tr("WebinarGeek Connect is connected to %1.").arg(describeAccount(session)));
        setError(AuthError());
        setState(State::SignedIn);
        adopt(session);
        emit signInFinished(AuthError());
    });
}

// Revokes the tokens of a sign-in that could not be stored, then ends it with the keychain's
// `reason` and what became of the tokens.
void Session::revokeUnkept(const StoredSession &session, const QString &reason)
{
    if (m_config.revokeUrl.isEmpty()) {
        dropAndFinish(
            keychainError(tr("%1. The tokens the server issued could not be revoked (no revocation URL is set); they "
                             "stay valid at the server until they expire.")
                              .arg(reason)));
        return;
    }
    auto *revoker = new TokenRevoker(m_config, m_network, this);
    connect(revoker, &TokenRevoker::finished, this, [this, revoker, reason](const AuthError &revokeError) {
        revoker->deleteLater();
        dropAndFinish(keychainError(
            revokeError.isError()
                ? tr("%1. The tokens the server issued could not be revoked: %2").arg(reason, revokeError.message())
                : tr("%1. The tokens the server issued have been revoked.").arg(reason)));
    });
    revoker->revoke(session.refreshToken, session.accessToken);
}

// A sign-in whose tokens could not be written whole has removed them again (and with them the
// session they replaced): the window must not go on showing that one.
void Session::dropAndFinish(const AuthError &error)
{
    m_lock->release();
    adopt(StoredSession());
    finishFlow(error, QString());
}

void Session::signInFailed(const AuthError &error)
{
    setError(error);
    // A failed attempt leaves the previous session as it was stored.
    if (error.kind == AuthError::Kind::Keychain)
        setState(State::KeychainUnavailable);
    else
        setState(m_session.isEmpty() ? State::SignedOut : State::SignedIn);
    scheduleNextRefresh(); // a refresh skipped while signing in happens now
    emit signInFinished(error);
}

void Session::signInWithApiKey(const QString &apiKey)
{
    if (m_state == State::SigningIn) {
        qCInfo(lcAuth) << "A sign-in is already in progress; not starting another";
        return;
    }
    if (m_reconfigurePending) {
        // The key would be checked against, and stored for, the configuration being replaced.
        const AuthError error = AuthError::make(
            AuthError::Kind::Configuration, tr("The connection settings are being switched; try again in a moment."));
        setError(error);
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
        setError(error);
        emit signInFinished(error);
        return;
    }
    const State before = m_state;
    setError(AuthError());
    setState(State::SigningIn);
    Credential credential;
    credential.kind = Credential::Kind::ApiKey;
    credential.value = key;
    // Checked before it is stored: a key WebinarGeek refuses is never kept.
    m_client->fetchAccount(credential, [this, key, before](const Account &account, const ApiError &apiError) {
        if (apiError.isError()) {
            const AuthError error = apiError.kind == ApiError::Kind::Unauthorized
                ? AuthError::make(AuthError::Kind::ApiKeyRejected, apiError.detail)
                : AuthError::make(AuthError::Kind::ApiKeyUnchecked, apiError.message());
            setError(error);
            setState(before == State::SigningIn ? State::SignedOut : before);
            emit signInFinished(error);
            return;
        }
        StoredSession session;
        session.method = QStringLiteral("api_key");
        session.accessToken = key;
        session.tokenType = QStringLiteral("Api-Token");
        session.updatedAt = m_clock->now();
        session.company = account.company;
        session.email = account.email;
        // Replaces an OAuth session: its refresh token goes with it.
        m_store->clear([this, session](const TokenStore::Result &) {
            m_store->save(session, [this, session](const TokenStore::Result &saved) {
                if (saved.status != TokenStore::Status::Ok) {
                    const AuthError error = keychainError(saved.reason);
                    setError(error);
                    setState(State::KeychainUnavailable);
                    emit signInFinished(error);
                    return;
                }
                m_scheduler->stop();
                setState(State::SignedIn);
                adopt(session);
                emit signInFinished(AuthError());
            });
        });
    });
}

void Session::signOut()
{
    m_signingOut = true;
    cancelSignIn();
    if (m_refreshing) {
        // Let the refresh in flight store what it got first, then revoke and delete that.
        auto *once = new QObject(this);
        connect(this, &Session::refreshFinished, once, [this, once] {
            once->deleteLater();
            signOut();
        });
        return;
    }
    // Under the refresh lock, so that a refresh in another process cannot store its tokens
    // again after they were deleted here.
    m_lock->acquire([this] {
        m_store->load(true, [this](const TokenStore::Result &result) {
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
            if (stored.isEmpty() || stored.isApiKey() || m_config.revokeUrl.isEmpty()) {
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
