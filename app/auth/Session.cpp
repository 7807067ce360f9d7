#include "Session.h"

#include "AuthLog.h"
#include "AuthorizationFlow.h"
#include "TokenRefresher.h"
#include "api/WebinarGeekClient.h"
#include "storage/TokenStore.h"

namespace {

AuthError configurationError(const Configuration &config)
{
    const QStringList problems = config.problems();
    if (problems.isEmpty())
        return AuthError();
    return AuthError::make(AuthError::Kind::Configuration, problems.join(QLatin1Char(' ')));
}

AuthError keychainError(const QString &reason)
{
    return AuthError::make(AuthError::Kind::Keychain, reason);
}

} // namespace

Session::Session(const Configuration &config, QNetworkAccessManager *network, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_store(store)
    , m_client(new WebinarGeekClient(config.apiUrl, network, this))
    , m_refresher(new TokenRefresher(config, network, this))
{ }

Session::~Session() = default;

QUrl Session::authorizationUrl() const
{
    return m_flow ? m_flow->authorizationUrl() : QUrl();
}

QDateTime Session::signInDeadline() const
{
    return m_flow ? m_flow->deadline() : QDateTime();
}

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
    case State::NeedsSignIn:
        return tr("Needs sign-in");
    case State::KeychainUnavailable:
        return tr("Keychain unavailable");
    }
    return QString();
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcAuth) << "Session state" << m_state << "->" << state;
    m_state = state;
    emit stateChanged(state);
}

void Session::setError(const AuthError &error)
{
    m_lastError = error;
}

void Session::restore()
{
    setState(State::Loading);
    m_store->load(false, [this](const TokenStore::Result &result) {
        switch (result.status) {
        case TokenStore::Status::Ok:
            m_session = result.session;
            setError(AuthError());
            setState(State::SignedIn);
            break;
        case TokenStore::Status::NotFound:
            m_session = StoredSession();
            setState(State::SignedOut);
            break;
        case TokenStore::Status::Unavailable:
            setError(keychainError(result.reason));
            setState(State::KeychainUnavailable);
            break;
        case TokenStore::Status::Corrupted:
            setError(keychainError(result.reason));
            setState(State::NeedsSignIn);
            break;
        }
        emit sessionChanged();
        emit restoreFinished();
    });
}

bool Session::signIn(int timeoutSeconds)
{
    if (m_flow && m_flow->isActive()) {
        qCInfo(lcAuth) << "A sign-in is already in progress; not starting another";
        return false;
    }
    const AuthError configError = configurationError(m_config);
    if (configError.isError()) {
        setError(configError);
        emit signInFinished(configError);
        return true;
    }
    if (m_flow)
        m_flow->deleteLater();
    m_flow = new AuthorizationFlow(m_config, m_network, this);
    connect(m_flow, &AuthorizationFlow::authorizationUrlReady, this, &Session::authorizationUrlReady);
    connect(m_flow, &AuthorizationFlow::tokensReceived, this, &Session::signInGotTokens);
    connect(m_flow, &AuthorizationFlow::failed, this, &Session::signInFailed);
    setError(AuthError());
    setState(State::SigningIn);
    m_flow->start(timeoutSeconds);
    return true;
}

void Session::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel();
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
    session.expiresAt = tokens.expiresAt;
    session.updatedAt = QDateTime::currentDateTimeUtc();

    // The keychain sees the tokens before anything else does: a sign-in that cannot be kept
    // is not a sign-in.
    m_store->save(session, [this, session](const TokenStore::Result &saved) {
        if (saved.status != TokenStore::Status::Ok) {
            // Nothing stays stored after a failed sign-in, not even half of it.
            const AuthError error = keychainError(saved.reason);
            m_store->clear([this, error](const TokenStore::Result &) { finishFlow(error, QString()); });
            return;
        }
        m_client->fetchAccount(session.accessToken, [this, session](const Account &account, const ApiError &apiError) {
            if (apiError.isError()) {
                const AuthError error = AuthError::make(AuthError::Kind::Account, apiError.message());
                // Nothing stays stored after a failed sign-in.
                m_store->clear([this, error](const TokenStore::Result &) { finishFlow(error, QString()); });
                return;
            }
            StoredSession withAccount = session;
            withAccount.company = account.company;
            withAccount.email = account.email;
            m_store->save(withAccount, [this, withAccount](const TokenStore::Result &savedAgain) {
                if (savedAgain.status != TokenStore::Status::Ok) {
                    finishFlow(keychainError(savedAgain.reason), QString());
                    return;
                }
                m_session = withAccount;
                m_session.refreshToken.clear(); // kept in the keychain, not in memory
                const QString who = withAccount.company.isEmpty()
                    ? withAccount.email
                    : tr("%1 (%2)").arg(withAccount.email, withAccount.company);
                finishFlow(AuthError(), tr("WebinarGeek Connect is connected to %1.").arg(who));
                setError(AuthError());
                setState(State::SignedIn);
                emit sessionChanged();
                emit signInFinished(AuthError());
            });
        });
    });
}

void Session::signInFailed(const AuthError &error)
{
    setError(error);
    // A failed attempt leaves the previous state as it was stored.
    if (error.kind == AuthError::Kind::Keychain)
        setState(State::KeychainUnavailable);
    else
        setState(m_session.isEmpty() ? State::SignedOut : State::SignedIn);
    emit signInFinished(error);
}

void Session::refresh()
{
    if (m_state == State::Refreshing || m_state == State::SigningIn)
        return;
    const AuthError configError = configurationError(m_config);
    if (configError.isError()) {
        setError(configError);
        emit refreshFinished(configError);
        return;
    }
    const State before = m_state;
    setState(State::Refreshing);
    // Re-read storage: another process may have refreshed (and rotated the token) already.
    m_store->load(true, [this, before](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::NotFound) {
            m_session = StoredSession();
            setState(State::SignedOut);
            emit sessionChanged();
            const AuthError error = AuthError::make(AuthError::Kind::InvalidGrant, tr("Nothing is stored."));
            setError(error);
            emit refreshFinished(error);
            return;
        }
        if (result.status != TokenStore::Status::Ok) {
            const AuthError error = keychainError(result.reason);
            setError(error);
            setState(result.status == TokenStore::Status::Unavailable ? State::KeychainUnavailable : before);
            emit refreshFinished(error);
            return;
        }
        refreshWith(result.session);
    });
}

void Session::refreshWith(const StoredSession &stored)
{
    m_session = stored;
    if (stored.refreshToken.isEmpty()) {
        const AuthError error = AuthError::make(
            AuthError::Kind::InvalidGrant, tr("The server gave no refresh token, so the session cannot be renewed."));
        setError(error);
        const bool expired = stored.expiresAt.isValid() && stored.expiresAt <= QDateTime::currentDateTimeUtc();
        setState(expired ? State::NeedsSignIn : State::SignedIn);
        emit refreshFinished(error);
        return;
    }
    QObject *context = new QObject(this);
    connect(m_refresher, &TokenRefresher::finished, context, [this, context, stored](const TokenReply &reply) {
        context->deleteLater();
        if (!reply.ok()) {
            setError(reply.error);
            if (reply.error.isPermanent()) {
                // The server rejected the session for good: nothing stored can be used again.
                m_store->clear([this, error = reply.error](const TokenStore::Result &) {
                    m_session = StoredSession();
                    setState(State::NeedsSignIn);
                    emit sessionChanged();
                    emit refreshFinished(error);
                });
                return;
            }
            // A passing failure keeps the stored session as it was.
            m_session.refreshToken.clear();
            setState(State::SignedIn);
            emit refreshFinished(reply.error);
            return;
        }
        StoredSession updated = stored;
        updated.accessToken = reply.tokens.accessToken;
        updated.refreshToken = reply.tokens.refreshToken;
        updated.tokenType = reply.tokens.tokenType;
        if (!reply.tokens.scope.isEmpty())
            updated.scope = reply.tokens.scope;
        updated.expiresAt = reply.tokens.expiresAt;
        updated.updatedAt = QDateTime::currentDateTimeUtc();
        m_store->save(updated, [this, updated](const TokenStore::Result &saved) {
            if (saved.status != TokenStore::Status::Ok) {
                const AuthError error = keychainError(saved.reason);
                setError(error);
                setState(State::KeychainUnavailable);
                emit refreshFinished(error);
                return;
            }
            m_session = updated;
            m_session.refreshToken.clear();
            setError(AuthError());
            setState(State::SignedIn);
            emit sessionChanged();
            emit refreshFinished(AuthError());
        });
    });
    m_refresher->refresh(stored.refreshToken);
}

void Session::signOut()
{
    cancelSignIn();
    m_store->load(true, [this](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::Unavailable) {
            const AuthError error = keychainError(result.reason);
            setError(error);
            setState(State::KeychainUnavailable);
            emit signOutFinished(error, QString());
            return;
        }
        const StoredSession stored = result.session;
        if (stored.isEmpty() || m_config.revokeUrl.isEmpty()) {
            finishSignOut(QString());
            return;
        }
        if (configurationError(m_config).isError()) {
            finishSignOut(tr("The tokens were not revoked: %1").arg(configurationError(m_config).description));
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
}

void Session::finishSignOut(const QString &warning)
{
    m_store->clear([this, warning](const TokenStore::Result &cleared) {
        if (cleared.status != TokenStore::Status::Ok) {
            const AuthError error = keychainError(cleared.reason);
            setError(error);
            setState(State::KeychainUnavailable);
            emit signOutFinished(error, warning);
            return;
        }
        m_session = StoredSession();
        setError(AuthError());
        setState(State::SignedOut);
        emit sessionChanged();
        emit signOutFinished(AuthError(), warning);
    });
}
