#include "QtOAuthWorkarounds.h"

#include "AuthLog.h"
#include "Pkce.h"
#include "api/NetworkAccess.h"

#include <QHostAddress>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

OAuthReplyHandler::OAuthReplyHandler(QObject *parent)
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, parent)
{
    QOAuthHttpServerReplyHandler::close();
}

void OAuthReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    // Qt 6.4's requestAccessToken() never deletes its reply.
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    TokenReply result;
    const AuthError transport = transportError(reply);
    if (transport.isError()) {
        result.error = transport;
    } else if (NetworkAccess::isTooLarge(reply)) {
        result.error = AuthError::make(AuthError::Kind::BadReply, tr("The answer is larger than 1 MiB."));
    } else {
        result = TokenReply::parse(status, reply->error(), reply->errorString(),
                                   reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                                   reply->isOpen() ? reply->read(TokenReply::kMaxBytes + 1) : QByteArray(),
                                   QDateTime::currentDateTimeUtc());
    }
    if (!result.ok())
        result.error.retryAfterSeconds =
            TokenReply::parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    if (result.ok()) {
        qCDebug(lcAuth) << "Token endpoint answered with a token";
        // Keep Qt's own bookkeeping (status, granted()) in step.
        QVariantMap values;
        values.insert(QStringLiteral("access_token"), result.tokens.accessToken);
        values.insert(QStringLiteral("token_type"), result.tokens.tokenType);
        emit tokensReceived(values);
    } else {
        qCInfo(lcAuth) << "Token endpoint refused:" << result.error.message();
    }
    emit tokenReplyRead(result);
}

AuthError OAuthReplyHandler::transportError(const QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status <= 399) {
        const QUrl target = NetworkAccess::redirectTarget(reply);
        const QString where = target.host().isEmpty() ? tr("The answer named no address.")
                                                      : tr("It pointed to %1.").arg(NetworkAccess::hostOf(target));
        return AuthError::make(AuthError::Kind::Redirected, where, QString(), status);
    }
    if (reply->error() == QNetworkReply::ContentReSendError)
        return AuthError::make(AuthError::Kind::NetworkError,
                               tr("The connection closed before the server answered; the request was not sent again."));
    return AuthError();
}

QOAuth2AuthorizationCodeFlow *makeOAuthFlow(const Configuration &config, const TokenRequestParameters &parameters,
                                            QNetworkAccessManager *network, OAuthReplyHandler *handler, QObject *parent)
{
    auto *flow = new QOAuth2AuthorizationCodeFlow(parent);
    // Token requests go out once (NetworkAccess), on a connection of their own.
    flow->setNetworkAccessManager(NetworkAccess::forOneExchange(network, flow));
    // Qt 6.4 replaces the authorization URL's query with the flow's parameters, dropping a fixed
    // parameter some servers need there; it goes in with the parameters instead (below).
    flow->setAuthorizationUrl(config.authorizeUrl.adjusted(QUrl::RemoveQuery));
    flow->setAccessTokenUrl(config.tokenUrl);
    flow->setClientIdentifier(config.clientId);
    flow->setClientIdentifierSharedKey(config.clientSecret);
    flow->setScope(config.scope);
    flow->setReplyHandler(handler);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.8 adds PKCE of its own, on by default; ours (below) must be the only one.
    flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::None);
#endif
    const QList<QPair<QString, QString>> fixedQuery = QUrlQuery(config.authorizeUrl).queryItems(QUrl::FullyEncoded);
    flow->setModifyParametersFunction(
        [parameters, fixedQuery](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *values) {
            fixOAuthParameters(parameters, stage, values);
            if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
                return;
            for (const auto &[key, value] : fixedQuery) {
                if (!values->contains(key)) // the flow's own parameters are not the URL's to change
                    values->insert(key, value);
            }
        });
    return flow;
}

void fixOAuthParameters(const TokenRequestParameters &parameters, QAbstractOAuth::Stage stage,
                        QMultiMap<QString, QVariant> *values)
{
    using Stage = QAbstractOAuth::Stage;
    const auto encoded = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };

    switch (stage) {
    case Stage::RequestingAuthorization:
        values->insert(QStringLiteral("code_challenge"),
                       QString::fromLatin1(Pkce::challengeFor(parameters.codeVerifier)));
        values->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        values->remove(QStringLiteral("scope"));
        if (!parameters.scope.isEmpty())
            values->insert(QStringLiteral("scope"), parameters.scope);
        break;
    case Stage::RequestingAccessToken: {
        // Taken, not kept: the code is spent by this one request.
        const QString code = std::exchange(*parameters.receivedCode, QString());
        values->clear();
        values->insert(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        values->insert(QStringLiteral("code"), encoded(code));
        values->insert(QStringLiteral("redirect_uri"), encoded(parameters.redirectUri));
        values->insert(QStringLiteral("client_id"), encoded(parameters.clientId));
        if (!parameters.clientSecret.isEmpty())
            values->insert(QStringLiteral("client_secret"), encoded(parameters.clientSecret));
        values->insert(QStringLiteral("code_verifier"), QString::fromLatin1(parameters.codeVerifier));
        break;
    }
    case Stage::RefreshingAccessToken: {
        const QString refreshToken = values->value(QStringLiteral("refresh_token")).toString();
        values->clear();
        values->insert(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        values->insert(QStringLiteral("refresh_token"), encoded(refreshToken));
        values->insert(QStringLiteral("client_id"), encoded(parameters.clientId));
        if (!parameters.clientSecret.isEmpty())
            values->insert(QStringLiteral("client_secret"), encoded(parameters.clientSecret));
        break;
    }
    case Stage::RequestingTemporaryCredentials:
        break;
    }
}
