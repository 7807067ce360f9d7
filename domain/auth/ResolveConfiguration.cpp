#include "ResolveConfiguration.h"

#include "AuthLog.h"
#include "IssuerDiscovery.h"
#include "api/NetworkAccess.h"
#include "config/IssuerMetadataCache.h"
#include "storage/TokenStore.h"

#include <QPointer>

namespace {

// The endpoints from the issuer's metadata: the cached copy while it is fresh, otherwise the
// server's, which then replaces the copy. When the failure says nothing about the metadata (no
// answer, a server that is down or busy, a captive portal's page), a stale copy stands in: it
// passed every rule when it was read, and refusing it would block sign-in and refresh for a
// passing outage. A server that answers with metadata the app refuses (or 404, or a redirect) is
// believed, and its problem reported.
void withEndpoints(const Configuration &config, QObject *context, const ConfigurationLoaded &done,
                   const QString &secretProblem, EndpointLookup lookup = EndpointLookup::Network)
{
    if (config.issuer.isEmpty() || !Configuration::problemWith(Setting::Issuer, config.issuer).isEmpty()) {
        done(config, secretProblem); // problems() names what is wrong with the issuer
        return;
    }
    // Every endpoint set one by one: the metadata would fill in nothing, so a server that does
    // not answer, or answers badly, must not stand in the way.
    if (!config.leavesEndpointsToIssuer()) {
        done(config, secretProblem);
        return;
    }
    const IssuerMetadataCache cache;
    const IssuerMetadata cached = cache.read(config.issuer);
    if (!cached.isEmpty()
        && (lookup == EndpointLookup::CacheOnly || !cached.isStaleAt(QDateTime::currentDateTimeUtc()))) {
        Configuration withEndpoints = config;
        cached.applyTo(&withEndpoints);
        done(withEndpoints, secretProblem);
        return;
    }
    if (lookup == EndpointLookup::CacheOnly) {
        done(config, secretProblem); // no copy: the endpoints stay unknown
        return;
    }
    auto *network = new NetworkAccess(context);
    network->setTimeout(IssuerDiscovery::kTimeoutMs);
    auto *discovery = new IssuerDiscovery(network, network);
    QObject::connect(discovery, &IssuerDiscovery::finished, context,
                     [network, config, cached, done, secretProblem](const IssuerMetadata &metadata,
                                                                    const QString &problem, bool transient) {
                         network->deleteLater();
                         Configuration withEndpoints = config;
                         if (problem.isEmpty()) {
                             IssuerMetadataCache().write(metadata);
                             metadata.applyTo(&withEndpoints);
                         } else if (transient && !cached.isEmpty()) {
                             qCWarning(lcAuth).noquote() << "Using the issuer's metadata read earlier from"
                                                         << cached.source.toDisplayString() << "for now:" << problem;
                             cached.applyTo(&withEndpoints);
                         } else {
                             withEndpoints.issuerProblem = problem;
                         }
                         done(withEndpoints, secretProblem);
                     });
    discovery->start(config.issuer);
}

} // namespace

void discoverEndpoints(const Configuration &config, QObject *context,
                       const std::function<void(const Configuration &config)> &done)
{
    withEndpoints(
        config, context, [done](const Configuration &found, const QString &) { done(found); }, QString());
}

void resolveConfiguration(const Preferences &preferences, QObject *context, const ConfigurationLoaded &done,
                          EndpointLookup lookup)
{
    Configuration config = preferences.configuration();
    if (!config.clientSecret.isEmpty() || !preferences.clientSecretStored()) {
        withEndpoints(config, context, done, QString(), lookup);
        return;
    }
    config.clientSecretInKeychain = true;
    // No parent: deleting `context` must not delete the store while the keychain answers (where
    // qtkeychain is used, it would call back into a freed job). The store goes once its own
    // answer came.
    auto *store = new TokenStore(config.storageKey());
    store->loadClientSecret([store, config, done, lookup,
                             guard = QPointer<QObject>(context)](const TokenStore::SecretResult &result) {
        store->deleteLater();
        if (!guard)
            return;
        Configuration withSecret = config;
        QString problem;
        if (result.status == TokenStore::Status::Ok) {
            withSecret.clientSecret = result.secret;
        } else if (result.status == TokenStore::Status::Unavailable) {
            problem = Preferences::tr("The client secret could not be read from the keychain: %1").arg(result.reason);
            qCWarning(lcAuth).noquote() << problem;
        } else {
            qCInfo(lcAuth) << "No client secret is stored for" << config.clientId;
        }
        withEndpoints(withSecret, guard, done, problem, lookup);
    });
}
