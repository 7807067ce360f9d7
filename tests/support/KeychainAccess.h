#pragma once

#include "Sandbox.h" // waitFor()

#include "storage/TokenStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>

#include <qt6keychain/keychain.h>

// The tests' side door to the keychain: TokenStore's asynchronous calls made synchronous, and
// raw entries written past TokenStore (to damage them). Needs `LIBS Qt6::DBus` for lock().
namespace KeychainAccess {

inline TokenStore::Result load(TokenStore &store, bool withRefreshToken = true)
{
    TokenStore::Result result;
    result.status = TokenStore::Status::Unavailable;
    result.reason = QStringLiteral("the test timed out reading the keychain");
    bool done = false;
    store.load(withRefreshToken, [&](const TokenStore::Result &r) {
        result = r;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return result;
}

inline TokenStore::Status save(TokenStore &store, const StoredSession &session)
{
    TokenStore::Status status = TokenStore::Status::Unavailable;
    bool done = false;
    store.save(session, [&](const TokenStore::Result &r) {
        status = r.status;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return status;
}

inline TokenStore::Status clear(TokenStore &store)
{
    TokenStore::Status status = TokenStore::Status::Unavailable;
    bool done = false;
    store.clear([&](const TokenStore::Result &r) {
        status = r.status;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return status;
}

// Writes `bytes` as entry `key` of the app's service, bypassing TokenStore. True on success.
inline bool writeRaw(const QString &key, const QByteArray &bytes)
{
    QKeychain::WritePasswordJob job(TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(bytes);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, [&done] { done = true; });
    job.start();
    waitFor([&done] { return done; }, 15000);
    return done && job.error() == QKeychain::NoError;
}

// Reads entry `key` of the app's service as raw bytes; `found` false when it is not there.
inline QByteArray readRaw(const QString &key, bool *found)
{
    QKeychain::ReadPasswordJob job(TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(key);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, [&done] { done = true; });
    job.start();
    waitFor([&done] { return done; }, 15000);
    *found = done && job.error() == QKeychain::NoError;
    return *found ? job.binaryData() : QByteArray();
}

// Locks the default Secret Service collection. Headless, nothing can unlock it again (gnome-keyring
// would prompt), so a test that calls this must be the last one of its process. Empty on success.
inline QString lockDefaultCollection()
{
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(
        QList<QDBusObjectPath> {QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorMessage();
}

} // namespace KeychainAccess
