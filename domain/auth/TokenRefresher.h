#pragma once

#include "TokenReply.h"
#include "config/Configuration.h"

#include <QObject>

class QNetworkAccessManager;

// Spends a refresh token at the token endpoint (RFC 6749 §6) through
// QOAuth2AuthorizationCodeFlow::refreshAccessToken().
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    TokenRefresher(const Configuration &config, QNetworkAccessManager *network, QObject *parent = nullptr);

    // One refresh at a time; a second call while one runs is ignored (its caller gets the
    // running one's finished()).
    void refresh(const QString &refreshToken);
    bool isRunning() const { return m_running; }
    // The secret read from the keychain after start-up (Configuration::clientSecretInKeychain).
    void setClientSecret(const QString &secret) { m_config.clientSecret = secret; }

signals:
    // On success the tokens always carry a refresh token: the rotated one, or the one spent
    // when the server sent none. On failure they carry one only when a 200 answer brought a new
    // one with an otherwise unusable rest (TokenReply): it must be kept all the same.
    void finished(const TokenReply &reply);

private:
    Configuration m_config;
    QNetworkAccessManager *m_network;
    bool m_running = false;
};

// Revokes tokens at the configured revocation URL (RFC 7009).
class TokenRevoker : public QObject
{
    Q_OBJECT
public:
    TokenRevoker(const Configuration &config, QNetworkAccessManager *network, QObject *parent = nullptr);

    // Revokes each token in turn, the refresh token first (it outlives the access token).
    void revoke(const QString &refreshToken, const QString &accessToken);

signals:
    // `error` is empty when every token was revoked.
    void finished(const AuthError &error);

private:
    void revokeNext();

    Configuration m_config;
    QNetworkAccessManager *m_network;
    QList<QPair<QString, QString>> m_pending; // token, hint
    AuthError m_error;
};
