#pragma once

#include "desktop/NotificationPolicy.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class Accounts;
class Clock;
class Session;

// The notifications of every account: a NotificationPolicy for each account's session, made and
// dropped as accounts come and go, each naming its account; while none is listed, the new
// account's (Accounts::pending()), as for the one session before. One notification is on screen at a
// time: a newer one takes the place of the one before, whichever account it is about, and an
// account withdraws only its own, never another account's that replaced it.
class AccountNotifications : public QObject
{
    Q_OBJECT
public:
    // `clock` may be null: the system clock is used.
    explicit AccountNotifications(Accounts *accounts, Clock *clock = nullptr, QObject *parent = nullptr);

    // The policy of `session`'s account; null for a session that is not listed (but the new
    // account while none is).
    NotificationPolicy *policy(Session *session) const { return m_policies.value(session); }
    // The account the notification on screen is about; null when none is up.
    Session *shownFor() const { return m_shown; }
    // A sign-in again to `session`'s account started (MainWindow::signingInAgain()): a
    // notification asking it to sign in has been answered, and goes. Its own state changes only
    // once the new account's sign-in succeeds.
    void signingInAgain(Session *session);

signals:
    // `session` is the account it is about: a click on it signs in that one.
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                NotificationPolicy::Action action, Session *session);
    // Take the notification on screen away: its account no longer calls for it, or is gone.
    void withdraw();

private:
    // A policy for every listed account (or the new account while none is), none for another.
    void follow();
    void drop(Session *session);

    Accounts *m_accounts;
    Clock *m_clock;
    QHash<Session *, NotificationPolicy *> m_policies;
    QPointer<Session> m_shown;
    NotificationPolicy::Action m_shownAction = NotificationPolicy::Action::OpenWindow;
};
