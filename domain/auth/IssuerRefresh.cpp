#include "IssuerRefresh.h"

#include "Accounts.h"
#include "AuthLog.h"
#include "Reachability.h"
#include "ResolveConfiguration.h"
#include "config/IssuerMetadataCache.h"
#include "config/Preferences.h"

IssuerRefresh::IssuerRefresh(const Preferences *preferences, Accounts *accounts, Reachability *reachability,
                             QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_accounts(accounts)
    , m_reachability(reachability)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5% early, which for a day is more than an hour: while the copy is
    // still fresh, so the read would change nothing.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IssuerRefresh::refresh);
    // Queued: the session is in the middle of reporting the failure.
    connect(m_accounts, &Accounts::issuerEndpointFailed, this, &IssuerRefresh::refresh, Qt::QueuedConnection);
    // Another issuer, or none, after a change of settings: its own time.
    connect(m_accounts, &Accounts::reconfigured, this, [this] {
        ++m_generation;
        arm();
    });
    connect(m_reachability, &Reachability::becameReachable, this, [this] {
        if (m_failed)
            refresh();
    });
}

void IssuerRefresh::start()
{
    arm();
}

void IssuerRefresh::refresh()
{
    const Configuration base = m_preferences->configuration();
    if (m_reading || !base.leavesEndpointsToIssuer())
        return;
    m_reading = true;
    m_timer.stop();
    // discoverEndpoints() takes the copy while it is fresh: after an endpoint failed the session
    // marked it stale, and the timers fire only once it is stale or the last read failed.
    discoverEndpoints(base, this, [this, generation = m_generation](const Configuration &found) {
        m_reading = false;
        if (generation != m_generation) {
            // The settings changed during the read: it was for the old ones. The new ones have
            // been applied as they are, and get their own read when due.
            arm();
            emit finished(false);
            return;
        }
        Configuration config = m_accounts->configuration();
        const bool changed = config.issuer == found.issuer
            && (config.authorizeUrl != found.authorizeUrl || config.tokenUrl != found.tokenUrl
                || config.revokeUrl != found.revokeUrl || config.issuerProblem != found.issuerProblem);
        if (changed) {
            qCInfo(lcAuth) << "The issuer's metadata changed; the accounts follow it";
            config.authorizeUrl = found.authorizeUrl;
            config.tokenUrl = found.tokenUrl;
            config.revokeUrl = found.revokeUrl;
            config.issuerProblem = found.issuerProblem;
            m_accounts->reconfigure(config); // reconfigured() arms the timer again
        } else {
            arm();
        }
        emit finished(changed);
    });
}

void IssuerRefresh::arm()
{
    m_timer.stop();
    const Configuration &config = m_accounts->configuration();
    if (m_reading || config.issuer.isEmpty() || !m_preferences->configuration().leavesEndpointsToIssuer())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const IssuerMetadata cached = IssuerMetadataCache().read(config.issuer);
    m_failed = !config.issuerProblem.isEmpty() || cached.isEmpty() || cached.isStaleAt(now);
    if (m_failed) {
        // The server could not be read (or refused): try again when the network comes back, and
        // now and then meanwhile, so a passing outage does not last until the next start.
        m_reachability->watch();
        m_timer.start(kRetryMs);
        return;
    }
    // A second after it turns stale (isStaleAt() counts whole seconds), so the read finds it so.
    const qint64 fresh = now.msecsTo(cached.fetchedAt.addSecs(IssuerMetadata::kFreshSeconds + 1));
    m_timer.start(int(qBound<qint64>(0, fresh, IssuerMetadata::kFreshSeconds * 1000)));
}
