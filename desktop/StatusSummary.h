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
        // lastError is why the last sign-in did not finish (the session is as it was before).
        bool lastErrorFromSignIn = false;
        // What keeps a browser sign-in from working with the settings in use (Configuration::
        // problems()); noClientId when one of them is that no client id is set.
        QStringList settingsProblems;
        bool noClientId = false;
        // When the window last sent the browser to authorizationUrl (invalid: it did not), and how
        // long it waits for the browser to come back before it points to Copy link.
        QDateTime browserOpenedAt;
        int browserQuietSeconds = kBrowserQuietSeconds;

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
    // A second line under the badge: what runs while the state stays as it is ("Signing in
    // again…" while connected). Empty when nothing does.
    QString activity;
    // What went wrong and what to do about it, as sentences of the app's own; empty when all is well.
    QString error;
    // What the server said about it, in its own words, shown apart from `error`; often empty.
    QString errorDetails;
    // A browser sign-in cannot work with these settings: Settings is the way on (or an API key).
    bool needsSettings = false;

    // A browser sign-in is waiting: the link the browser was sent to, and the time it has left.
    bool waitingForBrowser = false;
    QUrl authorizationUrl;
    QString signInTimeLeft;
    // Nothing has come back from the browser for browserQuietSeconds: perhaps it never opened.
    // A hint to use Copy link, not an error (the person may still be typing a password).
    bool browserQuiet = false;

    // What the person can do now.
    bool canSignIn = false;
    bool canSignOut = false;
    bool canRefresh = false;
    bool canCancel = false;
    bool offerApiKey = false; // "Use an API key…" makes sense only with no account
    bool canUseApiKey = false;

    // Milliseconds until a countdown on screen shows a different value: to the next second while
    // a retry, a sign-in or under two minutes count down, else to the next minute mark. -1 when
    // nothing on screen counts down.
    qint64 msUntilChange = -1;

    static constexpr qint64 kSecondsShownBelow = 120;
    static constexpr int kBrowserQuietSeconds = 45;
    static const QString &none(); // "–", shown for a value there is none of
    // The account in a few words: "jane@example.com (Sandbox Webinars B.V.)", or either alone.
    static QString accountName(const StoredSession &stored);
};
