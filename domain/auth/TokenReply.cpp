#include "TokenReply.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace {

AuthError::Kind kindForCode(const QString &code, int httpStatus)
{
    if (code == QLatin1String("invalid_grant"))
        return AuthError::Kind::InvalidGrant;
    if (code == QLatin1String("invalid_client"))
        return AuthError::Kind::InvalidClient;
    if (httpStatus == 429)
        return AuthError::Kind::RateLimited;
    if (httpStatus >= 500 || code == QLatin1String("server_error") || code == QLatin1String("temporarily_unavailable"))
        return AuthError::Kind::ServerError;
    return AuthError::Kind::RequestRejected;
}

// A JSON object, or the form-encoded body some servers send; nullopt-like empty + false.
bool readFields(const QByteArray &contentType, const QByteArray &body, QJsonObject *out)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        *out = doc.object();
        return true;
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        // Form encoding writes a space as '+', which QUrlQuery leaves alone.
        const QUrlQuery form(QString::fromUtf8(body).replace(QLatin1Char('+'), QLatin1String("%20")));
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            out->insert(key, value);
        return !out->isEmpty();
    }
    return false;
}

} // namespace

qint64 TokenReply::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    // RFC 9110 §10.2.3: or an HTTP date.
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    return at.isValid() ? std::max<qint64>(0, now.secsTo(at)) : -1;
}

TokenReply TokenReply::parse(int httpStatus, int networkError, const QString &networkErrorText,
                             const QByteArray &contentType, const QByteArray &body, const QDateTime &now)
{
    TokenReply reply;
    using Kind = AuthError::Kind;

    if (body.size() > kMaxBytes) {
        reply.error = AuthError::make(Kind::BadReply, tr("The answer is larger than 1 MiB."), {}, httpStatus);
        return reply;
    }
    if (httpStatus == 0) {
        const bool timedOut =
            networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError;
        reply.error = AuthError::make(timedOut ? Kind::NoAnswer : Kind::NetworkError, networkErrorText);
        return reply;
    }

    QJsonObject fields;
    const bool parsed = readFields(contentType, body, &fields);
    const QString code = fields.value(QLatin1String("error")).toString();
    const QString description = fields.value(QLatin1String("error_description")).toString();

    if (httpStatus >= 400 || !code.isEmpty()) {
        if (code.isEmpty()) {
            // Without an OAuth error code (a proxy's page, say) nothing is known to be permanent.
            const Kind kind = httpStatus == 429 ? Kind::RateLimited
                : httpStatus >= 500             ? Kind::ServerError
                                                : Kind::RequestRejected;
            reply.error = AuthError::make(kind, QString(), QString(), httpStatus);
        } else {
            reply.error = AuthError::make(kindForCode(code, httpStatus), description, code, httpStatus);
        }
        return reply;
    }
    if (!parsed) {
        reply.error = AuthError::make(Kind::BadReply, tr("The token endpoint's answer is not JSON."), {}, httpStatus);
        return reply;
    }

    // Read before anything else is judged: a server that rotates refresh tokens has retired the
    // one just spent, so even an answer that is unusable otherwise must not take the new one
    // with it. The caller keeps it whatever the error below.
    reply.tokens.refreshToken = fields.value(QLatin1String("refresh_token")).toString();

    const QJsonValue accessToken = fields.value(QLatin1String("access_token"));
    if (!accessToken.isString() || accessToken.toString().isEmpty()) {
        reply.error = AuthError::make(Kind::BadReply, tr("The answer has no access_token."), {}, httpStatus);
        return reply;
    }
    const QString tokenType = fields.value(QLatin1String("token_type")).toString();
    if (!tokenType.isEmpty() && tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        reply.error = AuthError::make(Kind::BadReply,
                                      tr("The token type \"%1\" is not supported; only Bearer is.").arg(tokenType), {},
                                      httpStatus);
        return reply;
    }
    const QJsonValue expiresIn = fields.value(QLatin1String("expires_in"));
    if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        // A number, or a string holding one: form-encoded answers carry every value as a string,
        // and some servers send "3600" in JSON too.
        bool isNumber = expiresIn.isDouble();
        double seconds = expiresIn.toDouble();
        if (!isNumber && expiresIn.isString())
            seconds = expiresIn.toString().trimmed().toDouble(&isNumber);
        if (!isNumber || !std::isfinite(seconds)) {
            reply.error = AuthError::make(Kind::BadReply, tr("expires_in is not a number."), {}, httpStatus);
            return reply;
        }
        if (seconds <= 0 || seconds > 10.0 * 365 * 24 * 3600) {
            reply.error =
                AuthError::make(Kind::BadReply, tr("expires_in is not a positive number of seconds."), {}, httpStatus);
            return reply;
        }
        reply.tokens.expiresIn = static_cast<qint64>(seconds);
        reply.tokens.expiresAt = now.toUTC().addSecs(reply.tokens.expiresIn);
    }
    reply.tokens.accessToken = accessToken.toString();
    reply.tokens.tokenType = tokenType.isEmpty() ? QStringLiteral("Bearer") : tokenType;
    reply.tokens.scope = fields.value(QLatin1String("scope")).toString();
    return reply;
}
