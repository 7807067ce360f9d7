#pragma once

#include "auth/AuthError.h"
#include "auth/Session.h"
#include "storage/StoredSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

// What the main window says about the session at one moment, every line already in words: the
// views only put these strings on screen. Computed from the session's state and "now", so a
// test can produce every state without a server, a keychain or a clock that moves.
class StatusSummary
{
    Q_DECLARE_TR_FUNCTIONS(StatusSummary)
public:
    enum class Badge {
        Loading,
        SignedOut,
        SigningIn,
        Connected,
        Refreshing,
        OfflineRetrying,
        NeedsSignIn,
        KeychainUnavailable,
    };

    // Everything the summary is computed from: a session's state at one moment.
    struct Input
    {
        Session::State state = Session::State::Loading;
        StoredSession stored;
        AuthError lastError;
        QDateTime nextRefreshAt; // the next scheduled refresh, or the next retry while Retrying
        QDateTime signInDeadline; // when the sign-in attempt in progress times out
        QUrl authorizationUrl; // the browser sign-in in progress

        static Input from(const Session &session);
    };

    static StatusSummary compute(const Input &input, const QDateTime &now);
    static StatusSummary of(const Session &session, const QDateTime &now) { return compute(Input::from(session), now); }

    // "in 54 min", "in 45 s", "in 2 h 5 min", "in 3 days"; `past` when `seconds` <= 0.
    static QString countdown(qint64 seconds, const QString &past);
    // A moment in local time: the time alone today, with the date otherwise.
    static QString localTime(const QDateTime &moment, const QDateTime &now);
    // "4:32": minutes and seconds, for the sign-in's time left.
    static QString clockTime(qint64 seconds);

    Badge badge = Badge::Loading;
    QString badgeText;

    bool hasAccount = false;
    QString company; // kNone when unknown
    QString email;
    QString connectedWith; // OAuth or API key, kNone when signed out

    QString expiresAt; // local time; "Never (API key)"; kNone
    QString expiresIn; // the countdown to expiry, "expired", or empty
    QString scopes;
    QString lastRefresh;
    QString nextRefresh;
    QString storedIn;
    // What went wrong and what to do about it, as sentences; empty when all is well.
    QString error;

    // A browser sign-in is waiting: the link the browser was sent to, and the time it has left.
    bool waitingForBrowser = false;
    QUrl authorizationUrl;
    QString signInTimeLeft;

    // What the person can do now.
    bool canSignIn = false;
    bool canSignOut = false;
    bool canRefresh = false;
    bool canCancel = false;
    bool offerApiKey = false; // "Use an API key…" makes sense only with no account

    // Milliseconds until a countdown on screen shows a different value: to the next second while
    // a retry, a sign-in or under two minutes count down, else to the next minute mark. -1 when
    // nothing on screen counts down.
    qint64 msUntilChange = -1;

    static constexpr qint64 kSecondsShownBelow = 120;
    static const QString &none(); // "–", shown for a value there is none of
};
