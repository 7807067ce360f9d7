#include "TokenStore.h"

#include "AccountIndex.h"
#include "Keychain.h"
#include "StorageLog.h"
#include "TokenStoreNames.h"

namespace {

// Why the keychain cannot be used, in words for the person ("keychain unavailable: …").
QString reasonFor(const Keychain::Result &result)
{
    switch (result.status) {
    case Keychain::Status::Locked:
        return TokenStore::tr("the keyring is locked; unlock it and try again");
    case Keychain::Status::Denied:
        return TokenStore::tr("access to the keychain was denied or it is locked (%1)").arg(result.detail);
    case Keychain::Status::NoService:
#ifdef Q_OS_LINUX
        return TokenStore::tr("no Secret Service (such as GNOME Keyring or KWallet) is running (%1)")
            .arg(result.detail);
#else
        return TokenStore::tr("no keychain service is available (%1)").arg(result.detail);
#endif
    case Keychain::Status::NoBus:
        return TokenStore::tr("no D-Bus session bus to reach the keychain through (%1)").arg(result.detail);
    case Keychain::Status::Ok:
    case Keychain::Status::NotFound:
    case Keychain::Status::Failed:
        break;
    }
    return result.detail;
}

TokenStore::Result unavailable(const Keychain::Result &failure)
{
    TokenStore::Result result;
    result.status = TokenStore::Status::Unavailable;
    result.reason = reasonFor(failure);
    result.locked = failure.status == Keychain::Status::Locked;
    return result;
}

bool failedOtherThanMissing(const Keychain::Result &result)
{
    return result.status != Keychain::Status::Ok && result.status != Keychain::Status::NotFound;
}

} // namespace

TokenStore::TokenStore(const QString &key, const QString &slot, QObject *parent)
    : QObject(parent)
    , m_key(key)
    , m_slot(slot)
    , m_keychain(new Keychain(this))
{ }

QString TokenStore::accountKey() const
{
    return AccountIndex::accountKey(m_key, m_slot);
}

QString TokenStore::serviceName()
{
    return TokenStoreNames::serviceName();
}

QString TokenStore::sessionEntryKey() const
{
    return TokenStoreNames::sessionEntryKey(accountKey());
}

QString TokenStore::refreshEntryKey() const
{
    return TokenStoreNames::refreshEntryKey(accountKey());
}

void TokenStore::load(bool withRefreshToken, const Done &done)
{
    m_keychain->read(
        sessionEntryKey(),
        [this, withRefreshToken, done, refreshKey = refreshEntryKey()](const Keychain::Result &read) {
            Result result;
            if (read.status == Keychain::Status::NotFound) {
                result.status = Status::NotFound;
                done(result);
                return;
            }
            if (read.status != Keychain::Status::Ok) {
                qCInfo(lcStorage) << "Reading the session failed:" << read.detail;
                done(unavailable(read));
                return;
            }
            if (!StoredSession::fromJson(read.data, &result.session)) {
                result.status = Status::Corrupted;
                result.reason = TokenStore::tr("the stored session is damaged and cannot be read; sign in again");
                done(result);
                return;
            }
            // An older entry does not say whether a refresh token went with it: its
            // own entry is read to tell, and forgotten again unless it was asked for.
            if (!withRefreshToken && result.session.renewableRecorded) {
                done(result);
                return;
            }
            m_keychain->read(refreshKey, [result, done, withRefreshToken](const Keychain::Result &refresh) mutable {
                if (refresh.status == Keychain::Status::Ok)
                    result.session.refreshToken = QString::fromUtf8(refresh.data);
                else if (refresh.status != Keychain::Status::NotFound)
                    result = unavailable(refresh);
                // What is there counts, whatever the main entry says (an older
                // version did not say; two processes racing could leave the two
                // entries out of step).
                if (result.status == Status::Ok && !result.session.isApiKey()) {
                    result.session.renewable = !result.session.refreshToken.isEmpty();
                    result.session.renewableRecorded = true;
                }
                if (!withRefreshToken)
                    result.session.refreshToken.clear();
                done(result);
            });
        });
}

void TokenStore::save(const StoredSession &given, const Done &done)
{
    StoredSession session = given;
    if (!session.isApiKey())
        session.renewable = !session.refreshToken.isEmpty();
    // The entries are named now: a setKey() while this runs must not split the session in two.
    const auto writeSession = [this, session, done, sessionKey = sessionEntryKey()] {
        m_keychain->write(sessionKey, session.toJson(), [session, done](const Keychain::Result &written) {
            if (written.status != Keychain::Status::Ok) {
                qCInfo(lcStorage) << "Writing the session failed:" << written.detail;
                done(unavailable(written));
                return;
            }
            Result result;
            result.session = session;
            done(result);
        });
    };
    if (session.refreshToken.isEmpty()) {
        // A session without a refresh token must not be paired with an older one left behind.
        m_keychain->remove(refreshEntryKey(), [writeSession, done](const Keychain::Result &removed) {
            if (failedOtherThanMissing(removed)) {
                done(unavailable(removed));
                return;
            }
            writeSession();
        });
        return;
    }
    m_keychain->write(refreshEntryKey(), session.refreshToken.toUtf8(),
                      [writeSession, done](const Keychain::Result &written) {
                          if (written.status != Keychain::Status::Ok) {
                              qCInfo(lcStorage) << "Writing the refresh token failed:" << written.detail;
                              done(unavailable(written));
                              return;
                          }
                          writeSession();
                      });
}

void TokenStore::checkLocked(const LockedDone &done)
{
    m_keychain->checkLocked(sessionEntryKey(), [done](const Keychain::Result &result) {
        const bool locked = result.status == Keychain::Status::Locked;
        done(locked, locked ? reasonFor(result) : QString());
    });
}

void TokenStore::clear(const Done &done)
{
    m_keychain->remove(sessionEntryKey(), [this, done, refreshKey = refreshEntryKey()](const Keychain::Result &first) {
        if (failedOtherThanMissing(first)) {
            done(unavailable(first));
            return;
        }
        m_keychain->remove(refreshKey, [done](const Keychain::Result &second) {
            done(failedOtherThanMissing(second) ? unavailable(second) : Result());
        });
    });
}

QString TokenStore::clientSecretEntryKey() const
{
    return TokenStoreNames::clientSecretEntryKey(m_key);
}

namespace {

TokenStore::SecretResult secretUnavailable(const Keychain::Result &failure)
{
    const TokenStore::Result failed = unavailable(failure);
    TokenStore::SecretResult result;
    result.status = failed.status;
    result.reason = failed.reason;
    return result;
}

} // namespace

void TokenStore::loadClientSecret(const SecretDone &done)
{
    m_keychain->read(clientSecretEntryKey(), [done](const Keychain::Result &read) {
        SecretResult result;
        if (read.status == Keychain::Status::NotFound) {
            result.status = Status::NotFound;
        } else if (read.status != Keychain::Status::Ok) {
            qCInfo(lcStorage) << "Reading the client secret failed:" << read.detail;
            result = secretUnavailable(read);
        } else {
            result.secret = QString::fromUtf8(read.data);
        }
        done(result);
    });
}

void TokenStore::saveClientSecret(const QString &secret, const SecretDone &done)
{
    m_keychain->write(clientSecretEntryKey(), secret.toUtf8(), [done](const Keychain::Result &written) {
        if (written.status != Keychain::Status::Ok)
            qCInfo(lcStorage) << "Writing the client secret failed:" << written.detail;
        done(written.status == Keychain::Status::Ok ? SecretResult() : secretUnavailable(written));
    });
}

void TokenStore::clearClientSecret(const SecretDone &done)
{
    m_keychain->remove(clientSecretEntryKey(), [done](const Keychain::Result &removed) {
        done(failedOtherThanMissing(removed) ? secretUnavailable(removed) : SecretResult());
    });
}
