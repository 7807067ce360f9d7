#pragma once

#include <QDateTime>
#include <QString>

// What the token endpoint granted.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty: the server issued none (or kept the old one on refresh)
    QString tokenType;
    QString scope;
    qint64 expiresIn = -1; // seconds, as the server said; -1 when it did not
    QDateTime expiresAt; // UTC, counted from when the reply was read; invalid when unknown

    // The expiry counted from `receivedAt` on the caller's clock (the session's may be a test's).
    QDateTime expiresAtFrom(const QDateTime &receivedAt) const
    {
        return expiresIn >= 0 ? receivedAt.addSecs(expiresIn) : QDateTime();
    }
};
