#include "SettingsChange.h"

#include "AutostartEntry.h"
#include "DesktopLog.h"
#include "Preferences.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

namespace {

bool sameConfiguration(const Configuration &a, const Configuration &b)
{
    return a.authorizeUrl == b.authorizeUrl && a.tokenUrl == b.tokenUrl && a.revokeUrl == b.revokeUrl
        && a.apiUrl == b.apiUrl && a.clientId == b.clientId && a.clientSecret == b.clientSecret && a.scope == b.scope;
}

} // namespace

SettingsChange::SettingsChange(Preferences *preferences, Session *session, AutostartEntry *autostart, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_session(session)
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
    for (auto it = connection.cbegin(); it != connection.cend(); ++it) {
        if (m_preferences->isOverridden(it.key()))
            continue;
        const QString text = it.value().trimmed();
        const QString value = text.isEmpty() ? Preferences::defaultValue(it.key()) : text;
        switch (it.key()) {
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
    return config.problems();
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
    const QString key = configuration().storageKey();
    auto *store = new TokenStore(key, this);
    const auto secretDone = [this, store](bool stored) {
        return [this, store, stored](const TokenStore::SecretResult &result) {
            store->deleteLater();
            if (result.status != TokenStore::Status::Ok) {
                finish(tr("The client secret could not be saved in the keychain: %1").arg(result.reason));
                return;
            }
            m_preferences->setClientSecretStored(stored);
            writeFileAndFinish();
        };
    };
    // The keychain first: when it refuses, nothing else changes and the dialog stays open.
    if (!newClientSecret.isEmpty() && !m_preferences->isOverridden(Setting::ClientSecret)) {
        store->saveClientSecret(newClientSecret, secretDone(true));
    } else if (removeClientSecret) {
        store->clearClientSecret(secretDone(false));
    } else {
        store->deleteLater();
        writeFileAndFinish();
    }
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
        if (m_session && !sameConfiguration(config, m_session->configuration())) {
            qCInfo(lcDesktop) << "The connection settings changed; switching the session";
            m_session->reconfigure(config);
        }
        finish(problem);
    });
}

void SettingsChange::finish(const QString &error)
{
    m_applying = false;
    emit applied(error);
}
