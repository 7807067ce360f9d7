#pragma once

#include "StoredSession.h"

#include <QObject>

#include <functional>

class Keychain;

// The session's secrets in the OS keychain (Secret Service, Windows Credential Manager, macOS
// Keychain), through Keychain. Two entries per session: the refresh token alone, and the rest
// as JSON. Separate entries keep each under Windows' 2,560-byte limit, and let `status` and
// `token` read one entry only.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, // nothing stored: signed out
        Unavailable, // the keychain cannot be used now: no service, locked, denied
        Corrupted, // an entry exists but cannot be read as a session
    };
    struct Result
    {
        Status status = Status::Ok;
        StoredSession session;
        QString reason; // for Unavailable and Corrupted: why, in words
        // Unavailable because the keyring is locked: reading asked to unlock it (the desktop's
        // prompt) and the prompt was dismissed or could not be shown. Storing asks again.
        bool locked = false;
    };
    using Done = std::function<void(const Result &)>;

    // `key` names the client at its server: Configuration::storageKey(). `slot` names one
    // account of it (AccountEntry::slot); "" is the first, where an earlier version kept its one.
    explicit TokenStore(const QString &key, const QString &slot = QString(), QObject *parent = nullptr);

    QString key() const { return m_key; }
    QString slot() const { return m_slot; }
    // The account's own key: its session entries, and its refresh lock, are filed under it.
    QString accountKey() const;
    // Another client or server from now on (Session::reconfigure); the account keeps its slot.
    // Jobs already running finish on the entries they started with.
    void setKey(const QString &key) { m_key = key; }

    void load(bool withRefreshToken, const Done &done);
    // Writes the refresh token first: a rotated one is safe before the new access token is used.
    // The main entry says whether a refresh token went with it (StoredSession::renewable).
    void save(const StoredSession &session, const Done &done);
    // Whether the session entry is in a locked keyring, without the unlock prompt a read may show.
    using LockedDone = std::function<void(bool locked, const QString &reason)>;
    void checkLocked(const LockedDone &done);
    // Deletes both entries; entries that are already gone are not an error.
    void clear(const Done &done);

    // The client secret of a confidential client (never in a file, never on a command line). It
    // is kept apart from the session, one for every account of the client: signing out does not
    // delete it.
    struct SecretResult
    {
        Status status = Status::Ok;
        QString secret;
        QString reason; // for Unavailable: why, in words
    };
    using SecretDone = std::function<void(const SecretResult &)>;
    void loadClientSecret(const SecretDone &done);
    void saveClientSecret(const QString &secret, const SecretDone &done);
    // An entry that is already gone is not an error.
    void clearClientSecret(const SecretDone &done);

    // The service name the entries are filed under (for secret-tool: `server`).
    static QString serviceName();
    QString sessionEntryKey() const;
    QString refreshEntryKey() const;
    QString clientSecretEntryKey() const;

private:
    QString m_key;
    QString m_slot;
    Keychain *m_keychain;
};
