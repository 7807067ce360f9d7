#pragma once

#include "AuthError.h"
#include "TokenSet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

// Reads what a token endpoint answered (RFC 6749 §5.1 and §5.2). Qt 6.4 drops failed replies
// without a signal (QTBUG-102279, QTBUG-106821) and ignores most content types, so every reply
// is read here instead.
struct TokenReply
{
    // On an error, tokens.refreshToken alone may be set: a 200 answer that carried a new refresh
    // token but was unusable otherwise. The server may have retired the old one already.
    TokenSet tokens;
    AuthError error;

    bool ok() const { return !error.isError(); }

    // `networkError` is QNetworkReply::NetworkError as an int; `httpStatus` 0 when there was no
    // HTTP answer at all.
    static TokenReply parse(int httpStatus, int networkError, const QString &networkErrorText,
                            const QByteArray &contentType, const QByteArray &body, const QDateTime &now);

    // Retry-After as seconds from `now`: a number of seconds or an HTTP date; -1 when absent or
    // unreadable.
    static qint64 parseRetryAfter(const QByteArray &value, const QDateTime &now);

    static constexpr qsizetype kMaxBytes = 1024 * 1024;

    Q_DECLARE_TR_FUNCTIONS(TokenReply)
};
