#include "RefreshScheduler.h"

#include "AuthLog.h"
#include "Clock.h"

#include <QRandomGenerator>

#include <algorithm>

RefreshScheduler::RefreshScheduler(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RefreshScheduler::check);
    m_heartbeat.setInterval(kHeartbeatMs);
    m_heartbeat.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_heartbeat, &QTimer::timeout, this, &RefreshScheduler::check);
    connect(m_clock, &Clock::moved, this, &RefreshScheduler::check);
}

qint64 RefreshScheduler::leadSeconds(qint64 lifetimeSeconds)
{
    if (lifetimeSeconds <= 0)
        return 0;
    const qint64 lead = std::max(kMinimumLeadSeconds, lifetimeSeconds / 10);
    return std::min(lead, lifetimeSeconds / 2);
}

qint64 RefreshScheduler::retryDelaySeconds(int attempt, qint64 retryAfterSeconds)
{
    if (retryAfterSeconds >= 0)
        return std::min(retryAfterSeconds, kMaximumRetryAfterSeconds);
    qint64 delay = kFirstRetrySeconds;
    for (int i = 1; i < attempt && delay < kMaximumRetrySeconds; ++i)
        delay *= 2;
    return std::min(delay, kMaximumRetrySeconds);
}

void RefreshScheduler::scheduleBeforeExpiry(const QDateTime &issuedAt, const QDateTime &expiresAt)
{
    m_attempt = 0;
    m_expiresAt = expiresAt;
    if (!expiresAt.isValid()) {
        stop(); // the server did not say: refresh only when the API refuses the token
        return;
    }
    const qint64 lifetime = issuedAt.isValid() ? issuedAt.secsTo(expiresAt) : m_clock->now().secsTo(expiresAt);
    const qint64 lead = leadSeconds(std::max<qint64>(lifetime, 0));
    // Up to a tenth of the lead earlier, so a fleet of clients does not refresh in one second.
    const qint64 jitterMs = lead > 0 ? QRandomGenerator::global()->bounded(lead * 100 + 1) : 0;
    aim(expiresAt.addSecs(-lead).addMSecs(-jitterMs));
}

QDateTime RefreshScheduler::scheduleRetry(qint64 retryAfterSeconds)
{
    ++m_attempt;
    const qint64 delay = retryDelaySeconds(m_attempt, retryAfterSeconds);
    // A fifth either way, unless the server named the moment.
    const qint64 spreadMs = retryAfterSeconds >= 0 ? 0 : delay * 200;
    const qint64 jitterMs = spreadMs > 0 ? QRandomGenerator::global()->bounded(2 * spreadMs + 1) - spreadMs : 0;
    aim(m_clock->now().addSecs(delay).addMSecs(jitterMs));
    qCInfo(lcAuth) << "Refresh failed; retry" << m_attempt << "in" << delay << "s";
    return m_dueAt;
}

void RefreshScheduler::stop()
{
    m_timer.stop();
    m_heartbeat.stop();
    m_dueAt = QDateTime();
    m_attempt = 0;
}

void RefreshScheduler::aim(const QDateTime &dueAt)
{
    m_dueAt = dueAt;
    m_lastWall = m_clock->now();
    m_lastMonotonicMs = m_clock->monotonicMs();
    const qint64 delayMs = std::max<qint64>(0, m_lastWall.msecsTo(dueAt));
    // QTimer takes an int; a far due time is reached by the heartbeat's checks.
    m_timer.start(static_cast<int>(std::min<qint64>(delayMs, 24LL * 3600 * 1000)));
    if (!m_heartbeat.isActive())
        m_heartbeat.start();
    qCDebug(lcAuth) << "Next refresh at" << dueAt;
}

void RefreshScheduler::networkBecameReachable()
{
    if (!m_dueAt.isValid())
        return;
    const QDateTime now = m_clock->now();
    const bool closeToExpiry = m_expiresAt.isValid() && now.secsTo(m_expiresAt) <= kMinimumLeadSeconds;
    if (m_attempt > 0 || closeToExpiry) {
        qCInfo(lcAuth) << "Network is back; refreshing now";
        m_timer.stop();
        m_dueAt = QDateTime();
        emit refreshDue();
    }
}

void RefreshScheduler::check()
{
    if (!m_dueAt.isValid())
        return;
    const QDateTime now = m_clock->now();
    const qint64 monotonicMs = m_clock->monotonicMs();
    const qint64 wallStepMs = m_lastWall.msecsTo(now);
    const qint64 monotonicStepMs = monotonicMs - m_lastMonotonicMs;
    m_lastWall = now;
    m_lastMonotonicMs = monotonicMs;
    if (wallStepMs - monotonicStepMs > kJumpThresholdSeconds * 1000)
        qCInfo(lcAuth) << "The clock jumped ahead by" << (wallStepMs - monotonicStepMs) / 1000 << "s (sleep?)";

    if (now >= m_dueAt) {
        m_timer.stop();
        m_dueAt = QDateTime();
        emit refreshDue();
        return;
    }
    // Still early (the timer fired before a wall-clock change, say): aim again.
    const qint64 delayMs = now.msecsTo(m_dueAt);
    m_timer.start(static_cast<int>(std::min<qint64>(delayMs, 24LL * 3600 * 1000)));
}
