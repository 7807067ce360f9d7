#include "SettingsChange.h"

#include "AutostartEntry.h"
#include "DesktopLog.h"
#include "auth/Accounts.h"
#include "auth/ResolveConfiguration.h"
#include "config/IssuerMetadataCache.h"
#include "config/Preferences.h"
#include "storage/TokenStore.h"

#include <QPointer>

namespace {

bool sameConfiguration(const Configuration &a, const Configuration &b)
{
    return a.issuer == b.issuer && a.authorizeUrl == b.authorizeUrl && a.tokenUrl == b.tokenUrl
        && a.revokeUrl == b.revokeUrl && a.apiUrl == b.apiUrl && a.clientId == b.clientId
        && a.clientSecret == b.clientSecret && a.scope == b.scope
        && a.clientSecretInKeychain == b.clientSecretInKeychain;
}

} // namespace

SettingsChange::SettingsChange(Preferences *preferences, Accounts *accounts, AutostartEntry *autostart, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_accounts(accounts)
    , m_autostart(autostart)
{
    reset();
}

void SettingsChange::reset()
{
    connection.clear();
    for (const SettingNames &names : allSettings()) {
        if (names.setting != Setting::ClientSecret)
            connection.insert(names.setting, m_preferences->connectionValue(names.setting));
    }
    newClientSecret.clear();
    removeClientSecret = false;
    // The entry on disk is the truth: the person may have removed it by hand.
    startAtLogin = m_autostart->isEnabled();
    startHidden = m_preferences->startHidden();
    language = m_preferences->language();
}

Configuration SettingsChange::configuration() const
{
    // What the environment and the command line set stays; the fields replace the file's values.
    Configuration config = m_preferences->configuration();
    const bool withIssuer = m_preferences->isOverridden(Setting::Issuer)
        ? !config.issuer.isEmpty()
        : !connection.value(Setting::Issuer).trimmed().isEmpty();
    for (auto it = connection.cbegin(); it != connection.cend(); ++it) {
        if (m_preferences->isOverridden(it.key()))
            continue;
        const QString text = it.value().trimmed();
        // With an issuer, an endpoint left empty is the one its metadata names.
        const QString value = text.isEmpty() ? settingDefault(it.key(), withIssuer) : text;
        switch (it.key()) {
        case Setting::Issuer:
            config.issuer = QUrl(value, QUrl::StrictMode);
            break;
        case Setting::AuthorizeUrl:
            config.authorizeUrl = QUrl(value, QUrl::StrictMode);
            break;
        case Setting::TokenUrl:
            config.tokenUrl = QUrl(value, QUrl::StrictMode);
            break;
        case Setting::RevokeUrl:
            config.revokeUrl = QUrl(value, QUrl::StrictMode);
            break;
        case Setting::ApiUrl:
            config.apiUrl = QUrl(value, QUrl::StrictMode);
            break;
        case Setting::ClientId:
            config.clientId = value;
            break;
        case Setting::Scope:
            config.scope = value;
            break;
        case Setting::ClientSecret:
            break;
        }
    }
    return config;
}

QStringList SettingsChange::problems() const
{
    // No client id is not a reason to refuse the rest: it is how the app comes (no built-in
    // client), and connecting with an API key needs none. Signing in says so when it is tried.
    Configuration config = configuration();
    if (config.clientId.isEmpty())
        config.clientId = QStringLiteral("-");
    QStringList problems = config.problems();
    // An address that is not one at all reads back empty; quote it as it was typed. The
    // problems come in the order of the settings, so the n-th `""` belongs to the n-th of them.
    const QList<QPair<Setting, QUrl>> urls = {{Setting::Issuer, config.issuer},
                                              {Setting::AuthorizeUrl, config.authorizeUrl},
                                              {Setting::TokenUrl, config.tokenUrl},
                                              {Setting::RevokeUrl, config.revokeUrl},
                                              {Setting::ApiUrl, config.apiUrl}};
    int from = 0;
    for (const auto &[setting, url] : urls) {
        if (url.isValid() || url.isEmpty())
            continue;
        const QString typed = m_preferences->isOverridden(setting) ? m_preferences->effectiveText(setting)
                                                                   : connection.value(setting).trimmed();
        for (; from < problems.size(); ++from) {
            const int at = problems.at(from).indexOf(QLatin1String("\"\""));
            if (at >= 0) {
                problems[from].replace(at, 2, QLatin1Char('"') + typed + QLatin1Char('"'));
                ++from;
                break;
            }
        }
    }
    return problems;
}

SettingsChange::Discovered SettingsChange::discovered(const QUrl &issuer) const
{
    Discovered result;
    if (issuer.isEmpty())
        return result;
    result.metadata = IssuerMetadataCache().read(issuer);
    // The endpoints come from the metadata, never from the running configuration: there an
    // endpoint set one by one looks the same as one the metadata named. The accounts know only
    // why the metadata could not be used, and then an older copy's endpoints are not in use.
    if (m_accounts && m_accounts->configuration().issuer == issuer) {
        result.inUse = true;
        result.problem = m_accounts->configuration().issuerProblem;
        if (!result.problem.isEmpty())
            result.metadata = IssuerMetadata();
    }
    return result;
}

bool SettingsChange::movesClientSecret() const
{
    return m_preferences->clientSecretStored() && newClientSecret.isEmpty() && !removeClientSecret
        && !m_preferences->isOverridden(Setting::ClientSecret)
        && configuration().storageKey() != m_preferences->configuration().storageKey();
}

void SettingsChange::apply()
{
    if (m_applying)
        return;
    const QStringList problems = this->problems();
    if (!problems.isEmpty()) {
        emit applied(problems.join(QLatin1Char(' ')));
        return;
    }
    m_applying = true;
    m_warning.clear();
    if (movesClientSecret()) {
        moveClientSecret();
        return;
    }
    const QString key = configuration().storageKey();
    // No parent, deleted in its own answer: where qtkeychain is used, it calls back into its job,
    // so the store (the job's parent) must outlive it even when this object goes first.
    auto *store = new TokenStore(key);
    const auto secretDone = [self = QPointer<SettingsChange>(this), store](bool stored) {
        return [self, store, stored](const TokenStore::SecretResult &result) {
            store->deleteLater();
            if (!self)
                return;
            if (result.status != TokenStore::Status::Ok) {
                self->finish(tr("The client secret could not be saved in the keychain: %1").arg(result.reason));
                return;
            }
            self->m_preferences->setClientSecretStored(stored);
            self->writeFileAndFinish();
        };
    };
    // The keychain first: when it refuses, nothing else changes and the dialog stays open.
    if (!newClientSecret.isEmpty() && !m_preferences->isOverridden(Setting::ClientSecret)) {
        store->saveClientSecret(newClientSecret, secretDone(true));
    } else if (removeClientSecret) {
        store->clearClientSecret(secretDone(false));
    } else {
        delete store;
        writeFileAndFinish();
    }
}

void SettingsChange::moveClientSecret()
{
    // Read from the old entry, written to the new one, and only then the old one deleted: a
    // failure on the way leaves the secret where it was and the settings unchanged.
    auto *from = new TokenStore(m_preferences->configuration().storageKey());
    auto *to = new TokenStore(configuration().storageKey());
    const auto done = [from, to] {
        from->deleteLater();
        to->deleteLater();
    };
    const QPointer<SettingsChange> self(this);
    const auto failed = [self, done](const QString &reason) {
        done();
        if (self)
            self->finish(tr("The client secret could not be moved to the new client in the keychain: %1").arg(reason));
    };
    from->loadClientSecret([=](const TokenStore::SecretResult &read) {
        if (read.status == TokenStore::Status::NotFound) {
            // Nothing to move (removed by hand): the new client has none stored either.
            done();
            if (self) {
                self->m_preferences->setClientSecretStored(false);
                self->writeFileAndFinish();
            }
            return;
        }
        if (read.status != TokenStore::Status::Ok) {
            failed(read.reason);
            return;
        }
        to->saveClientSecret(read.secret, [=](const TokenStore::SecretResult &written) {
            if (written.status != TokenStore::Status::Ok) {
                failed(written.reason);
                return;
            }
            from->clearClientSecret([=](const TokenStore::SecretResult &cleared) {
                done();
                if (cleared.status != TokenStore::Status::Ok)
                    qCWarning(lcDesktop).noquote() << "The old client secret entry stays:" << cleared.reason;
                if (self)
                    self->writeFileAndFinish();
            });
        });
    });
}

void SettingsChange::writeFileAndFinish()
{
    newClientSecret.clear();
    removeClientSecret = false;
    for (auto it = connection.cbegin(); it != connection.cend(); ++it) {
        if (!m_preferences->isOverridden(it.key()))
            m_preferences->setConnectionValue(it.key(), it.value());
    }
    m_preferences->setStartHidden(startHidden);
    m_preferences->setLanguage(language);
    m_preferences->setStartAtLogin(startAtLogin);
    if (!m_preferences->save()) {
        finish(m_preferences->errorString());
        return;
    }
    if (startAtLogin != m_autostart->isEnabled() && !m_autostart->setEnabled(startAtLogin)) {
        finish(m_autostart->errorString());
        return;
    }
    resolveConfiguration(*m_preferences, this, [this](const Configuration &config, const QString &problem) {
        if (m_accounts && !sameConfiguration(config, m_accounts->configuration())) {
            qCInfo(lcDesktop) << "The connection settings changed; switching the accounts";
            m_accounts->reconfigure(config);
        }
        // Everything was saved; each session reads the secret again before it needs it.
        if (!problem.isEmpty()) {
            const QString sentence = problem.endsWith(QLatin1Char('.')) ? problem : problem + QLatin1Char('.');
            //: %1 says why the client secret could not be read from the keychain (a whole sentence).
            m_warning =
                tr("The settings were saved. %1 The client secret is read again before it is needed.").arg(sentence);
        }
        finish(QString());
    });
}

void SettingsChange::finish(const QString &error)
{
    m_applying = false;
    emit applied(error);
}
