#include "SignInAttempt.h"

#include "AuthLog.h"
#include "AuthorizationFlow.h"
#include "Clock.h"
#include "RefreshLock.h"
#include "Session.h" // readClientSecret()
#include "TokenRefresher.h"
#include "api/WebinarGeekClient.h"
#include "storage/TokenStore.h"

namespace {

AuthError keychainError(const QString &reason)
{
    return AuthError::make(AuthError::Kind::Keychain, reason);
}

QString describeAccount(const StoredSession &session)
{
    //: An account: email (company).
    return session.company.isEmpty() ? session.email : SignInAttempt::tr("%1 (%2)").arg(session.email, session.company);
}

} // namespace

SignInAttempt::SignInAttempt(const Configuration &config, QNetworkAccessManager *network, TokenStore *store,
                             WebinarGeekClient *api, RefreshLock *lock, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_store(store)
    , m_api(api)
    , m_lock(lock)
    , m_clock(clock)
{ }

QUrl SignInAttempt::authorizationUrl() const
{
    return m_flow ? m_flow->authorizationUrl() : QUrl();
}

QDateTime SignInAttempt::deadline() const
{
    return m_flow ? m_flow->deadline() : QDateTime();
}

void SignInAttempt::startInBrowser(int timeoutSeconds, quint16 port)
{
    // The keychain first: tokens it cannot take (no bus, no Secret Service, access denied) would
    // send the person through the browser and the consent for nothing. A keyring that is merely
    // locked goes on: storing asks to unlock it, with the desktop's own prompt.
    m_store->load(false, [this, timeoutSeconds, port](const TokenStore::Result &stored) {
        if (stored.status == TokenStore::Status::Unavailable && !stored.locked) {
            fail(keychainError(stored.reason));
            return;
        }
        // The code exchange needs the client secret; without it the attempt would end in
        // invalid_client after the person consented.
        const auto secretRead = [this, timeoutSeconds, port](const QString &secret, const AuthError &error) {
            m_config.clientSecret = secret;
            if (m_cancelled)
                fail(AuthError::make(AuthError::Kind::Cancelled));
            else if (error.isError())
                fail(error);
            else
                openBrowser(timeoutSeconds, port);
        };
        Session::readClientSecret(m_config, m_store, secretRead);
    });
}

void SignInAttempt::openBrowser(int timeoutSeconds, quint16 port)
{
    m_flow = new AuthorizationFlow(m_config, m_network, this);
    connect(m_flow, &AuthorizationFlow::authorizationUrlReady, this, &SignInAttempt::authorizationUrlReady);
    connect(m_flow, &AuthorizationFlow::redirectTaken, this, &SignInAttempt::redirectTaken);
    connect(m_flow, &AuthorizationFlow::tokensReceived, this, &SignInAttempt::readAccount);
    // Every way the attempt fails from here on ends the flow, which tells the browser.
    connect(m_flow, &AuthorizationFlow::failed, this, &SignInAttempt::fail);
    m_flow->start(timeoutSeconds, port);
}

RedirectVerdict SignInAttempt::takePastedRedirect(const QString &address)
{
    // Before the browser was sent (the keychain is asked first) there is nothing to take.
    return m_flow ? m_flow->takePastedRedirect(address) : RedirectVerdict::NotWaiting;
}

void SignInAttempt::cancel()
{
    if (m_flow)
        m_flow->cancel();
    else
        m_cancelled = true;
}

void SignInAttempt::fail(const AuthError &error)
{
    emit finished(error, StoredSession());
}

void SignInAttempt::readAccount(const TokenSet &tokens)
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
    m_api->fetchAccount(credential, [this, session](const Account &account, const ApiError &apiError) {
        if (apiError.isError()) {
            m_flow->finish(AuthError::make(AuthError::Kind::Account, apiError.message()), QString());
            return;
        }
        StoredSession withAccount = session;
        withAccount.company = account.company;
        withAccount.email = account.email;
        // Under the refresh lock, so a refresh in another process cannot write the replaced
        // session back over this one.
        m_lock->acquire([this, withAccount] { store(withAccount); });
    });
}

void SignInAttempt::store(const StoredSession &session)
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
        m_flow->finish(AuthError(), tr("WebinarGeek Connect is connected to %1.").arg(describeAccount(session)));
        emit finished(AuthError(), session);
    });
}

// Revokes the tokens of a sign-in that could not be stored, then ends it with the keychain's
// `reason` and what became of the tokens.
void SignInAttempt::revokeUnkept(const StoredSession &session, const QString &reason)
{
    if (m_config.revokeUrl.isEmpty()) {
        failUnkept(
            keychainError(tr("%1. The tokens the server issued could not be revoked (no revocation URL is set); they "
                             "stay valid at the server until they expire.")
                              .arg(reason)));
        return;
    }
    auto *revoker = new TokenRevoker(m_config, m_network, this);
    connect(revoker, &TokenRevoker::finished, this, [this, revoker, reason](const AuthError &revokeError) {
        revoker->deleteLater();
        failUnkept(keychainError(
            revokeError.isError()
                ? tr("%1. The tokens the server issued could not be revoked: %2").arg(reason, revokeError.message())
                : tr("%1. The tokens the server issued have been revoked.").arg(reason)));
    });
    revoker->revoke(session.refreshToken, session.accessToken);
}

// The tokens that could not be written whole were deleted again, and with them the session they
// replaced.
void SignInAttempt::failUnkept(const AuthError &error)
{
    m_lock->release();
    m_removedStored = true;
    m_flow->finish(error, QString());
}

void SignInAttempt::startWithApiKey(const QString &apiKey)
{
    Credential credential;
    credential.kind = Credential::Kind::ApiKey;
    credential.value = apiKey;
    // Checked before it is stored: a key WebinarGeek refuses is never kept.
    m_api->fetchAccount(credential, [this, apiKey](const Account &account, const ApiError &apiError) {
        if (apiError.isError()) {
            fail(apiError.kind == ApiError::Kind::Unauthorized
                     ? AuthError::make(AuthError::Kind::ApiKeyRejected, apiError.detail)
                     : AuthError::make(AuthError::Kind::ApiKeyUnchecked, apiError.message()));
            return;
        }
        StoredSession session;
        session.method = QStringLiteral("api_key");
        session.accessToken = apiKey;
        session.tokenType = QStringLiteral("Api-Token");
        session.updatedAt = m_clock->now();
        session.company = account.company;
        session.email = account.email;
        // Replaces an OAuth session: its refresh token goes with it.
        m_store->clear([this, session](const TokenStore::Result &) {
            m_store->save(session, [this, session](const TokenStore::Result &saved) {
                if (saved.status != TokenStore::Status::Ok)
                    fail(keychainError(saved.reason));
                else
                    emit finished(AuthError(), session);
            });
        });
    });
}
