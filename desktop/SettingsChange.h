#pragma once

#include "config/Configuration.h"
#include "config/IssuerMetadata.h"

#include <QHash>
#include <QObject>

class AutostartEntry;
class Preferences;
class Accounts;

// What the person changed in the settings dialog, and applying it: the client secret to the
// keychain, everything else to the settings file, start at login to the autostart entry, and new
// endpoints or client to the running accounts. The dialog fills it in and calls apply().
class SettingsChange : public QObject
{
    Q_OBJECT
public:
    SettingsChange(Preferences *preferences, Accounts *accounts, AutostartEntry *autostart, QObject *parent = nullptr);

    // Starts from what is stored now.
    void reset();

    // As typed; empty: the default. Settings set by the environment or an option are not written.
    QHash<Setting, QString> connection;
    QString newClientSecret; // empty: keep what is stored
    bool removeClientSecret = false;
    bool startAtLogin = false;
    bool startHidden = false;
    QString language; // "" follows the system

    // The configuration these values give (without a secret from the keychain), and what keeps
    // it from working, as sentences. An empty client id is allowed (API-key users need none).
    Configuration configuration() const;
    QStringList problems() const;

    // Applies everything; applied() tells how it ended. Nothing is written while problems() is
    // not empty, and the file is not written when the keychain refuses the secret.
    void apply();
    bool isApplying() const { return m_applying; }
    // After applied("") : something the person should know although everything was saved (the
    // client secret could not be read back from the keychain yet, say). Empty otherwise.
    QString warning() const { return m_warning; }

    // What is known of `issuer`'s metadata, for the dialog to show: the copy kept from its last
    // read, with the endpoints the running accounts took from it when they run with that issuer
    // (`inUse`), or why they could not use it (`problem`).
    struct Discovered
    {
        IssuerMetadata metadata;
        QString problem;
        bool inUse = false;
    };
    Discovered discovered(const QUrl &issuer) const;

    // The client id or token URL changes while a client secret is stored and no new one was
    // typed: the secret is stored under the client and server it belongs to, so apply() moves
    // it to the new ones.
    bool movesClientSecret() const;

signals:
    void applied(const QString &error); // empty: everything was applied

private:
    void writeFileAndFinish();
    void moveClientSecret();
    void finish(const QString &error);

    Preferences *m_preferences;
    Accounts *m_accounts;
    AutostartEntry *m_autostart;
    bool m_applying = false;
    QString m_warning;
};
