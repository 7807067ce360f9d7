#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

class Clock;

// Decides when the access token is refreshed: shortly before it expires, again after a failure
// with growing pauses, and at once when the machine wakes up or the network comes back with the
// token expired or nearly so. It only says when (refreshDue); Session does the refreshing.
//
// One single-shot timer aims at the next moment; a slow heartbeat (once a minute) notices when
// the wall clock jumped ahead of the monotonic clock: the machine slept and the timer, which
// counts monotonic time, would fire late.
class RefreshScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMinimumLeadSeconds = 60;
    static constexpr qint64 kFirstRetrySeconds = 5;
    static constexpr qint64 kMaximumRetrySeconds = 300;
    static constexpr qint64 kMaximumRetryAfterSeconds = 3600;
    static constexpr int kHeartbeatMs = 60 * 1000;
    // A jump of the wall clock beyond what the monotonic clock saw, in seconds, that counts as
    // a sleep (or a clock change) rather than drift.
    static constexpr qint64 kJumpThresholdSeconds = 30;

    explicit RefreshScheduler(Clock *clock, QObject *parent = nullptr);

    // How long before expiry to refresh: max(60 s, 10 % of the lifetime), at most half of it.
    static qint64 leadSeconds(qint64 lifetimeSeconds);
    // The pause before retry `attempt` (1, 2, …): 5 s doubling up to 5 minutes, or the server's
    // Retry-After when it gave one (capped at an hour).
    static qint64 retryDelaySeconds(int attempt, qint64 retryAfterSeconds = -1);

    // Aims at `expiresAt` − lead (minus a little jitter, so many clients do not refresh at once).
    void scheduleBeforeExpiry(const QDateTime &issuedAt, const QDateTime &expiresAt);
    // After a passing failure: the next try, returned as the time it is due.
    QDateTime scheduleRetry(qint64 retryAfterSeconds = -1);
    // Nothing to refresh (signed out, API key, refresh rejected).
    void stop();

    QDateTime nextRefreshAt() const { return m_dueAt; }
    int failedAttempts() const { return m_attempt; }
    bool isRetrying() const { return m_attempt > 0; }

    // The network came back: if a retry is waiting or the token is close to expiry, go now.
    void networkBecameReachable();
    // Looks at the clocks now: a jump means the machine slept; a due time passed means go.
    void check();

signals:
    void refreshDue();

private:
    void aim(const QDateTime &dueAt);

    Clock *m_clock;
    QTimer m_timer;
    QTimer m_heartbeat;
    QDateTime m_dueAt;
    QDateTime m_expiresAt;
    QDateTime m_lastWall;
    qint64 m_lastMonotonicMs = 0;
    int m_attempt = 0;
};
