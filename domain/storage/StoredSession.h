#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Everything that must outlive the process, as it goes into the keychain. Nothing of it is
// ever written anywhere else.
struct StoredSession
{
    QString method = QStringLiteral("oauth"); // "oauth" or "api_key"
    QString accessToken;
    QString refreshToken; // kept in an entry of its own; only refreshing needs it
    QString tokenType;
    QString scope;
    QDateTime expiresAt; // UTC, invalid when unknown
    QDateTime updatedAt; // UTC
    QString company;
    QString email;
    bool rejected = false; // the API refused this API key; kept so status can say so
    // Whether a refresh token is stored with this OAuth session. Written into the main entry by
    // TokenStore::save, so that `status`, which reads that entry alone, can say that a session
    // cannot be renewed; TokenStore::load sets it from the refresh token's own entry when it
    // reads that too. True when an older entry does not say.
    bool renewable = true;
    // False for an OAuth entry written by an older version, which did not record `renewable`:
    // only the refresh token's own entry can tell then.
    bool renewableRecorded = true;

    bool isApiKey() const { return method == QLatin1String("api_key"); }
    // Whether the access token may still be handed out at `now`: more than 30 s left (half its
    // lifetime for tokens that live less than a minute), so a caller can use it for a request or
    // two. API keys and tokens without a known expiry always are.
    bool isFreshAt(const QDateTime &now) const;
    static constexpr qint64 kMinimumTokenLifetime = 30;

    bool isEmpty() const { return accessToken.isEmpty(); }

    // Where the secrets live, for a person: "Secret Service (system keychain)".
    static QString backendName();

    // The main entry: everything but the refresh token.
    QByteArray toJson() const;
    static bool fromJson(const QByteArray &json, StoredSession *out);
};
