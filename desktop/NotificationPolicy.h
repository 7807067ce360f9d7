#pragma once

#include "auth/AuthError.h"
#include "auth/Session.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

class Clock;

// Decides when the desktop interrupts the person with a notification: when the session is lost
// or needs them (sign in again after a rejected refresh, an API key WebinarGeek refused, a
// keychain that cannot be read, a session removed by another program), and when a long outage
// ends. Routine refreshes and short outages stay quiet, and one condition is told once: it has
// to clear (signed in or signed out again) before it is told again. A notification names the
// account and says what to do; it is withdrawn as soon as the state no longer calls for it (a
// "Sign in again" once a sign-in starts, say), so none lingers on screen saying something false.
//
// It watches a Session (watch()) or is fed by hand (stateChanged(), refreshFinished()), which is
// how the tests drive it; it only decides, the tray shows. One policy watches one account's
// session (AccountNotifications keeps one per account).
class NotificationPolicy : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Critical };
    Q_ENUM(Kind)
    // What a click on the notification (or its button) does: show the window, or show it and
    // start signing in.
    enum class Action { OpenWindow, SignIn };
    Q_ENUM(Action)

    // An outage counts as long, and its end is worth telling, from this many seconds on.
    static constexpr qint64 kLongOutageSeconds = 3 * 60;

    // `clock` may be null: the system clock is used.
    explicit NotificationPolicy(Clock *clock = nullptr, QObject *parent = nullptr);

    // `accountName`, when given, names the account (Accounts::displayName()): the list of accounts
    // knows it even when the session does not (its keychain entry gone or unreadable).
    using AccountName = std::function<QString()>;
    void watch(Session *session, const AccountName &accountName = {});

    // What the session reported; `lastError` and `account` (the stored session's) are the
    // session's at that moment. The account is remembered, so a notification can name it after
    // the session forgot it.
    void stateChanged(Session::State state, const AuthError &lastError, const StoredSession &account = {});
    void refreshFinished(const AuthError &error);

    // Whether a notification is up (told and not withdrawn since).
    bool isShowing() const { return m_shown.has_value(); }

signals:
    // One at a time: a new one takes the place of the one before.
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                NotificationPolicy::Action action);
    // The state no longer calls for the notification shown: take it away.
    void withdraw();

private:
    enum class Condition { NeedsSignIn, ApiKeyRejected, KeychainUnavailable, RemovedElsewhere, ConnectedAgain };

    static bool isOver(Condition condition, Session::State state);
    void tell(Condition condition, const QString &title, const QString &text, Kind kind, Action action);
    // "jane@example.com (Company B.V.)", or what there is of it; empty when nothing is known.
    QString accountName() const;

    Clock *m_clock;
    QSet<Condition> m_told;
    qint64 m_outageSinceMs = -1; // monotonic time the first retry began; -1: no outage
    Session::State m_previous = Session::State::Loading;
    bool m_hadAccount = false; // signed in (or retrying) since the last sign-out
    bool m_removedElsewhere = false;
    std::optional<Condition> m_shown; // what the notification on screen is about
    QString m_email; // the last account seen
    QString m_company;
    AccountName m_accountName;
};
