#pragma once

// Every workaround for Qt 6.4's OAuth classes lives in this file pair, each named by its defect
// number in docs/qt-6.4-workarounds.md and its QTBUG where it has one.

#include "TokenReply.h"

#include "config/Configuration.h"

#include <QAbstractOAuth>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>

#include <memory>

// The reply handler given to QOAuth2AuthorizationCodeFlow.
//
// - Defect 1: the (port) and (parent) constructors listen on every interface; this one uses
//   the LocalHost constructor and then closes Qt's listener, because LoopbackListener serves
//   the redirect instead (defects 9 and 10). callback() returns that listener's address.
// - Defects 2 and 3 (QTBUG-102279, QTBUG-106821, fixed in 6.6): token endpoint failures and
//   unknown content types vanish with a warning. Every token reply is read here and comes out
//   as tokenReplyRead(), success or failure.
// - Qt follows a 307 from the token endpoint with the same POST body, client secret and refresh
//   token included, to any host, and resends a POST whose connection closed before the answer.
//   NetworkAccess stops both; transportError() says what happened instead.
class OAuthReplyHandler : public QOAuthHttpServerReplyHandler
{
    Q_OBJECT
public:
    explicit OAuthReplyHandler(QObject *parent = nullptr);

    void setCallbackUrl(const QString &url) { m_callback = url; }
    QString callback() const override { return m_callback; }

    void networkReplyFinished(QNetworkReply *reply) override;

    // What the transport of a token or revocation request says, before any body is read
    // (NetworkAccess sends these requests with no redirect policy and a body that goes out once):
    // - a 3xx is Redirected, naming the status and the host it pointed to: the request is never
    //   sent on, since it carries the client secret, a code or a token;
    // - ContentReSendError means the connection closed before the answer and Qt was kept from
    //   sending the request again: a NetworkError, the next attempt is the app's decision.
    // Kind None for everything else.
    static AuthError transportError(const QNetworkReply *reply);

signals:
    void tokenReplyRead(const TokenReply &reply);

private:
    QString m_callback;
};

// What the token requests must carry; the bodies Qt 6.4 builds are rebuilt from it.
struct TokenRequestParameters
{
    QString clientId;
    QString clientSecret;
    QString redirectUri;
    QByteArray codeVerifier;
    QString scope;
    // The authorization code as it arrived, fully decoded; filled in by the flow that received
    // it, before Qt asks for the token request's parameters.
    std::shared_ptr<QString> receivedCode = std::make_shared<QString>();
};

// A QOAuth2AuthorizationCodeFlow for one grant or one refresh, with every workaround below in
// place: endpoints, client, `handler`, the parameter fixes, and a scope set for this grant only
// (defect 12, QTBUG-66415: a reply's scope overwrites scope()). Its requests go through a
// NetworkAccess of its own with `network`'s settings (NetworkAccess::forOneExchange()).
QOAuth2AuthorizationCodeFlow *makeOAuthFlow(const Configuration &config, const TokenRequestParameters &parameters,
                                            QNetworkAccessManager *network, OAuthReplyHandler *handler,
                                            QObject *parent);

// For QAbstractOAuth::setModifyParametersFunction.
// - PKCE (setPkceMethod arrives in 6.8): code_challenge at authorization, code_verifier at the
//   token request.
// - An empty scope is left out (Qt sends `scope=`).
// - Defect 4 (QTBUG-81624, fixed 6.8): Qt takes the code as it arrived, still encoded, and
//   encodes it again (from 6.8, only when it holds no '%'). What Qt passes is ignored: the code
//   comes from `parameters.receivedCode` and is encoded once here, whichever Qt this runs on.
// - Defect 5 (QTBUG-124333): refresh sends a stale redirect_uri, an empty client_secret and an
//   unencoded refresh_token. Token request bodies are rebuilt with each value encoded once.
void fixOAuthParameters(const TokenRequestParameters &parameters, QAbstractOAuth::Stage stage,
                        QMultiMap<QString, QVariant> *values);
