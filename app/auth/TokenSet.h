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
    QDateTime expiresAt; // UTC; invalid when the server did not say

    bool expiresWithin(qint64 seconds, const QDateTime &now) const
    {
        return expiresAt.isValid() && now.secsTo(expiresAt) <= seconds;
    }
};
