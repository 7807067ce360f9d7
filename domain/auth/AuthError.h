#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// Why a sign-in, refresh or revocation did not work, in a form the views and the command line
// can act on: `kind` for the program, message() for the person.
struct AuthError
{
    enum class Kind {
        None,
        Denied, // the person (or the server for them) refused: error=access_denied
        AuthorizationError, // another error on the redirect (invalid_scope, server_error, …)
        BadCallback, // the redirect carried neither code nor error
        TimedOut, // nobody finished in the browser in time
        Cancelled,
        ListenerFailed, // the loopback port could not be opened
        InvalidGrant, // code or refresh token rejected for good
        InvalidClient, // client id or secret rejected
        RequestRejected, // another 4xx OAuth error
        ServerError, // 5xx
        RateLimited, // 429: too many requests
        BadReply, // not JSON, no access_token, unusable fields, too large
        NetworkError, // could not reach the server
        NoAnswer, // the server did not answer in time
        Configuration,
        Keychain,
        Account, // the account could not be fetched after sign-in
        ApiKeyRejected, // WebinarGeek refused the API key
        ApiKeyUnchecked, // the API could not be asked about a new API key (so it was not stored)
        NotSignedIn,
        RefreshLock, // the lock shared by the user's processes cannot be used: nothing was spent
        RenewedNotSaved, // renewed, but the keychain could not keep the rotated refresh token
        Redirected, // the token or revocation endpoint answered 3xx: not followed, nothing sent on
    };

    Kind kind = Kind::None;
    QString code; // the server's `error`, when it sent one
    QString description; // the server's `error_description`, or what we saw
    int httpStatus = 0;
    qint64 retryAfterSeconds = -1; // the server's Retry-After, when it sent one

    bool isError() const { return kind != Kind::None; }
    // The server rejected the grant for good: the stored session cannot be used again.
    bool isPermanent() const { return kind == Kind::InvalidGrant || kind == Kind::InvalidClient; }
    // Worth trying again later with the same refresh token: the network, the server, its answer.
    bool isTransient() const
    {
        switch (kind) {
        case Kind::NetworkError:
        case Kind::NoAnswer:
        case Kind::ServerError:
        case Kind::RateLimited:
        case Kind::BadReply:
        case Kind::RequestRejected:
        // A maintenance page or a move on the server's side; the session stays, and a later
        // try asks the configured endpoint again (never the redirect's target).
        case Kind::Redirected:
            return true;
        default:
            return false;
        }
    }
    // A sentence for a person: what happened and, where there is one, what to do; then details().
    QString message() const;
    // The app's own sentence alone, in the app's language: what happened, what to do.
    QString headline() const;
    // What the server or the network said, in its own words: "grant request is invalid.
    // (invalid_grant, HTTP 400)". Empty when it said nothing, and for the errors whose reason is
    // part of their headline: the keychain's, the settings' and the refresh lock's.
    QString details() const;

    static AuthError make(Kind kind, const QString &description = {}, const QString &code = {}, int httpStatus = 0);

    Q_DECLARE_TR_FUNCTIONS(AuthError)

private:
    // The description and the codes as one sentence: "grant request is invalid. (invalid_grant, HTTP 400)".
    QString said() const;
};

Q_DECLARE_METATYPE(AuthError)
