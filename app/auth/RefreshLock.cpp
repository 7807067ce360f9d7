#include "RefreshLock.h"

#include "AuthLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

RefreshLock::RefreshLock(const QString &name, QObject *parent)
    : QObject(parent)
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    // A hash keeps the server's address out of the file name and the name short.
    const QByteArray id = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_fileName =
        directory + QStringLiteral("/webinargeek-connect-refresh-") + QString::fromLatin1(id) + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(m_fileName);
    m_lock->setStaleLockTime(kStaleMs);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &RefreshLock::tryAcquire);
}

RefreshLock::~RefreshLock()
{
    release();
}

void RefreshLock::acquire(const std::function<void()> &acquired)
{
    m_acquired = acquired;
    tryAcquire();
}

void RefreshLock::tryAcquire()
{
    if (!m_acquired)
        return;
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            if (!m_retry.isActive()) {
                qCInfo(lcAuth) << "Another process is refreshing; waiting for it";
                m_retry.start();
            }
            return;
        }
        // The runtime directory is not writable: refresh without the lock rather than not at all.
        qCWarning(lcAuth) << "Cannot create the refresh lock" << m_fileName << "; refreshing without it";
    } else {
        m_held = true;
    }
    m_retry.stop();
    const auto acquired = std::move(m_acquired);
    m_acquired = nullptr;
    acquired();
}

void RefreshLock::release()
{
    m_retry.stop();
    m_acquired = nullptr;
    if (m_held) {
        m_lock->unlock();
        m_held = false;
    }
}
