#include "TokenStore.h"

#include "TokenStoreNames.h"

#include <QCoreApplication>
#include <QPointer>

#include <qt6keychain/keychain.h>

#ifdef Q_OS_LINUX
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

Q_LOGGING_CATEGORY(lcStorage, "wgc.storage", QtWarningMsg)

namespace {

bool sessionBusMissing()
{
#ifdef Q_OS_LINUX
    return !QDBusConnection::sessionBus().isConnected();
#else
    return false;
#endif
}

TokenStore::Result unavailable(const QKeychain::Job *job)
{
    TokenStore::Result result;
    result.status = TokenStore::Status::Unavailable;
    switch (job->error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.reason =
            TokenStore::tr("access to the keychain was denied or it is locked (%1)").arg(job->errorString());
        break;
    case QKeychain::NoBackendAvailable:
        result.reason = TokenStore::tr("no keychain service is available (%1)").arg(job->errorString());
        break;
    default:
        // On Linux, qtkeychain reports a missing bus or service as OtherError with D-Bus's words.
        if (job->errorString().contains(QLatin1String("org.freedesktop.secrets")))
            result.reason = TokenStore::tr("no Secret Service (such as GNOME Keyring or KWallet) is running (%1)")
                                .arg(job->errorString());
        else if (sessionBusMissing())
            result.reason =
                TokenStore::tr("no D-Bus session bus to reach the keychain through (%1)").arg(job->errorString());
        else
            result.reason = job->errorString();
        break;
    }
    return result;
}

// A locked Secret Service collection reads as "entry not found" through libsecret, which must not
// pass for signed out. Asks the service whether its default collection is locked.
void checkLocked(QObject *context, const std::function<void(bool)> &done)
{
#ifdef Q_OS_LINUX
    const QString service = QStringLiteral("org.freedesktop.secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    QDBusMessage alias =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    auto *aliasWatcher = new QDBusPendingCallWatcher(bus.asyncCall(alias, 5000), context);
    QObject::connect(aliasWatcher, &QDBusPendingCallWatcher::finished, context, [=](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> path = *w;
        if (path.isError() || path.value().path() == QLatin1String("/")) {
            done(false);
            return;
        }
        QDBusMessage get = QDBusMessage::createMethodCall(
            service, path.value().path(), QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        auto *lockedWatcher = new QDBusPendingCallWatcher(bus.asyncCall(get, 5000), context);
        QObject::connect(lockedWatcher, &QDBusPendingCallWatcher::finished, context, [=](QDBusPendingCallWatcher *w2) {
            w2->deleteLater();
            const QDBusPendingReply<QDBusVariant> locked = *w2;
            done(!locked.isError() && locked.value().variant().toBool());
        });
    });
#else
    Q_UNUSED(context)
    done(false);
#endif
}

} // namespace

TokenStore::TokenStore(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{ }

QString TokenStore::serviceName()
{
    return TokenStoreNames::serviceName();
}

QString TokenStore::sessionEntryKey() const
{
    return TokenStoreNames::sessionEntryKey(m_key);
}

QString TokenStore::refreshEntryKey() const
{
    return TokenStoreNames::refreshEntryKey(m_key);
}

void TokenStore::load(bool withRefreshToken, const Done &done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(sessionEntryKey());
    connect(job, &QKeychain::Job::finished, this, [this, job, withRefreshToken, done, refreshKey = refreshEntryKey()] {
        if (job->error() == QKeychain::EntryNotFound) {
            checkLocked(this, [done](bool locked) {
                Result result;
                result.status = locked ? Status::Unavailable : Status::NotFound;
                if (locked)
                    result.reason = TokenStore::tr("the keyring is locked; unlock it and try again");
                done(result);
            });
            return;
        }
        if (job->error() != QKeychain::NoError) {
            qCInfo(lcStorage) << "Reading the session failed:" << job->errorString();
            done(unavailable(job));
            return;
        }
        Result result;
        if (!StoredSession::fromJson(job->binaryData(), &result.session)) {
            result.status = Status::Corrupted;
            result.reason = TokenStore::tr("the stored session is damaged and cannot be read; sign in again");
            done(result);
            return;
        }
        if (!withRefreshToken) {
            done(result);
            return;
        }
        auto *refreshJob = new QKeychain::ReadPasswordJob(serviceName(), this);
        refreshJob->setKey(refreshKey);
        connect(refreshJob, &QKeychain::Job::finished, this, [refreshJob, result, done]() mutable {
            if (refreshJob->error() == QKeychain::NoError)
                result.session.refreshToken = QString::fromUtf8(refreshJob->binaryData());
            else if (refreshJob->error() != QKeychain::EntryNotFound)
                result = unavailable(refreshJob);
            done(result);
        });
        refreshJob->start();
    });
    job->start();
}

void TokenStore::save(const StoredSession &session, const Done &done)
{
    // The entries are named now: a setKey() while this runs must not split the session in two.
    const auto writeSession = [this, session, done, sessionKey = sessionEntryKey()] {
        auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
        job->setKey(sessionKey);
        job->setBinaryData(session.toJson());
        connect(job, &QKeychain::Job::finished, this, [job, session, done] {
            if (job->error() != QKeychain::NoError) {
                qCInfo(lcStorage) << "Writing the session failed:" << job->errorString();
                done(unavailable(job));
                return;
            }
            Result result;
            result.session = session;
            done(result);
        });
        job->start();
    };
    if (session.refreshToken.isEmpty()) {
        // A session without a refresh token must not be paired with an older one left behind.
        auto *stale = new QKeychain::DeletePasswordJob(serviceName(), this);
        stale->setKey(refreshEntryKey());
        connect(stale, &QKeychain::Job::finished, this, [stale, writeSession, done] {
            if (stale->error() != QKeychain::NoError && stale->error() != QKeychain::EntryNotFound) {
                done(unavailable(stale));
                return;
            }
            writeSession();
        });
        stale->start();
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(refreshEntryKey());
    job->setBinaryData(session.refreshToken.toUtf8());
    connect(job, &QKeychain::Job::finished, this, [job, writeSession, done] {
        if (job->error() != QKeychain::NoError) {
            qCInfo(lcStorage) << "Writing the refresh token failed:" << job->errorString();
            done(unavailable(job));
            return;
        }
        writeSession();
    });
    job->start();
}

void TokenStore::clear(const Done &done)
{
    auto *first = new QKeychain::DeletePasswordJob(serviceName(), this);
    first->setKey(sessionEntryKey());
    connect(first, &QKeychain::Job::finished, this, [this, first, done, refreshKey = refreshEntryKey()] {
        if (first->error() != QKeychain::NoError && first->error() != QKeychain::EntryNotFound) {
            done(unavailable(first));
            return;
        }
        auto *second = new QKeychain::DeletePasswordJob(serviceName(), this);
        second->setKey(refreshKey);
        connect(second, &QKeychain::Job::finished, this, [second, done] {
            if (second->error() != QKeychain::NoError && second->error() != QKeychain::EntryNotFound) {
                done(unavailable(second));
                return;
            }
            done(Result());
        });
        second->start();
    });
    first->start();
}

QString TokenStore::clientSecretEntryKey() const
{
    return TokenStoreNames::clientSecretEntryKey(m_key);
}

void TokenStore::loadClientSecret(const SecretDone &done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(clientSecretEntryKey());
    connect(job, &QKeychain::Job::finished, this, [this, job, done] {
        if (job->error() == QKeychain::EntryNotFound) {
            checkLocked(this, [done](bool locked) {
                SecretResult result;
                result.status = locked ? Status::Unavailable : Status::NotFound;
                if (locked)
                    result.reason = TokenStore::tr("the keyring is locked; unlock it and try again");
                done(result);
            });
            return;
        }
        SecretResult result;
        if (job->error() != QKeychain::NoError) {
            qCInfo(lcStorage) << "Reading the client secret failed:" << job->errorString();
            const Result failed = unavailable(job);
            result.status = failed.status;
            result.reason = failed.reason;
        } else {
            result.secret = QString::fromUtf8(job->binaryData());
        }
        done(result);
    });
    job->start();
}

void TokenStore::saveClientSecret(const QString &secret, const SecretDone &done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(clientSecretEntryKey());
    job->setBinaryData(secret.toUtf8());
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        SecretResult result;
        if (job->error() != QKeychain::NoError) {
            qCInfo(lcStorage) << "Writing the client secret failed:" << job->errorString();
            const Result failed = unavailable(job);
            result.status = failed.status;
            result.reason = failed.reason;
        }
        done(result);
    });
    job->start();
}

void TokenStore::clearClientSecret(const SecretDone &done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(clientSecretEntryKey());
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        SecretResult result;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            const Result failed = unavailable(job);
            result.status = failed.status;
            result.reason = failed.reason;
        }
        done(result);
    });
    job->start();
}
