#include "TokenRefresher.h"

#include "AuthLog.h"
#include "QtOAuthWorkarounds.h"
#include "api/NetworkAccess.h"

#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QUrlQuery>

TokenRefresher::TokenRefresher(const Configuration &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
{ }

void TokenRefresher::refresh(const QString &refreshToken)
{
    if (m_running)
        return;
    m_running = true;

    // Defect 2: after a failed refresh Qt 6.4's flow stays in RefreshingToken and refuses every
    // later refresh; a flow of its own for each refresh never gets stuck.
    auto *handler = new OAuthReplyHandler(this);
    TokenRequestParameters parameters;
    parameters.clientId = m_config.clientId;
    parameters.clientSecret = m_config.clientSecret;
    // Defect 6 (QTBUG-124326): refreshAccessToken() needs a reply handler, also for a session
    // restored from storage; makeOAuthFlow always sets one.
    auto *flow = makeOAuthFlow(m_config, parameters, m_network, handler, this);
    handler->setParent(flow);
    flow->setRefreshToken(refreshToken);
    connect(handler, &OAuthReplyHandler::tokenReplyRead, this, [this, flow, refreshToken](const TokenReply &reply) {
        flow->deleteLater();
        m_running = false;
        TokenReply result = reply;
        if (result.ok() && result.tokens.refreshToken.isEmpty())
            result.tokens.refreshToken = refreshToken; // RFC 6749 §6: the old one stays valid
        qCInfo(lcAuth) << "Refresh" << (result.ok() ? "succeeded" : "failed:") << result.error.message();
        emit finished(result);
    });
    qCInfo(lcAuth) << "Refreshing the access token";
    flow->refreshAccessToken();
}

TokenRevoker::TokenRevoker(const Configuration &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(config)
    // Each revocation is sent once, on a connection of its own (as the token requests are).
    , m_network(NetworkAccess::forOneExchange(network, this))
{ }

void TokenRevoker::revoke(const QString &refreshToken, const QString &accessToken)
{
    m_pending.clear();
    m_error = AuthError();
    if (!refreshToken.isEmpty())
        m_pending.append({refreshToken, QStringLiteral("refresh_token")});
    if (!accessToken.isEmpty())
        m_pending.append({accessToken, QStringLiteral("access_token")});
    revokeNext();
}

void TokenRevoker::revokeNext()
{
    if (m_pending.isEmpty()) {
        emit finished(m_error);
        return;
    }
    const auto [token, hint] = m_pending.takeFirst();
    QUrlQuery body;
    const auto add = [&body](const QString &key, const QString &value) {
        body.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("token"), token);
    add(QStringLiteral("token_type_hint"), hint);
    add(QStringLiteral("client_id"), m_config.clientId);
    if (!m_config.clientSecret.isEmpty())
        add(QStringLiteral("client_secret"), m_config.clientSecret);
    QNetworkRequest request(m_config.revokeUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_network->post(request, body.toString(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, this, [this, reply, hint = hint] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // RFC 7009 §2.2: 200 also for a token the server no longer knows.
        if ((status < 200 || status > 299) && !m_error.isError()) {
            // A redirect is not followed: the token and the client secret stay with this server.
            m_error = OAuthReplyHandler::transportError(reply);
            if (!m_error.isError())
                m_error = TokenReply::parse(status, reply->error(), reply->errorString(),
                                            reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                                            reply->isOpen() ? reply->read(TokenReply::kMaxBytes) : QByteArray(),
                                            QDateTime::currentDateTimeUtc())
                              .error;
            qCInfo(lcAuth) << "Revoking the" << hint << "failed:" << m_error.message();
        }
        revokeNext();
    });
}
