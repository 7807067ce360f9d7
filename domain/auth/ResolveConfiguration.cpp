#include "ResolveConfiguration.h"

#include "AuthLog.h"
#include "storage/TokenStore.h"

#include <QPointer>

void resolveConfiguration(const Preferences &preferences, QObject *context, const ConfigurationLoaded &done)
{
    Configuration config = preferences.configuration();
    if (!config.clientSecret.isEmpty() || !preferences.clientSecretStored()) {
        done(config, QString());
        return;
    }
    config.clientSecretInKeychain = true;
    // No parent: deleting `context` must not delete the store while the keychain answers (where
    // qtkeychain is used, it would call back into a freed job). The store goes once its own
    // answer came.
    auto *store = new TokenStore(config.storageKey());
    store->loadClientSecret([store, config, done,
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
        done(withSecret, problem);
    });
}
