#pragma once

#include "auth/AuthError.h"
#include "auth/Session.h"

#include <QObject>
#include <QSet>

class Clock;

// Decides when the desktop interrupts the person with a notification: when the session is lost
// or needs them (sign in again after a rejected refresh, an API key WebinarGeek refused, a
// keychain that cannot be read, a session removed by another program), and when a long outage
// ends. Routine refreshes and short outages stay quiet, and one condition is told once: it has
// to clear (signed in or signed out again) before it is told again.
//
// It watches a Session (watch()) or is fed by hand (stateChanged(), refreshFinished()), which is
// how the tests drive it; it only decides, the tray shows.
class NotificationPolicy : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Critical };
    Q_ENUM(Kind)

    // An outage counts as long, and its end is worth telling, from this many seconds on.
    static constexpr qint64 kLongOutageSeconds = 3 * 60;

    // `clock` may be null: the system clock is used.
    explicit NotificationPolicy(Clock *clock = nullptr, QObject *parent = nullptr);

    void watch(Session *session);

    // What the session reported; `lastError` is the session's at that moment.
    void stateChanged(Session::State state, const AuthError &lastError);
    void refreshFinished(const AuthError &error);

signals:
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind);

private:
    enum class Condition { NeedsSignIn, ApiKeyRejected, KeychainUnavailable, RemovedElsewhere };

    void tell(Condition condition, const QString &title, const QString &text, Kind kind);

    Clock *m_clock;
    QSet<Condition> m_told;
    qint64 m_outageSinceMs = -1; // monotonic time the first retry began; -1: no outage
    Session::State m_previous = Session::State::Loading;
    bool m_hadAccount = false; // signed in (or retrying) since the last sign-out
    bool m_removedElsewhere = false;
};
