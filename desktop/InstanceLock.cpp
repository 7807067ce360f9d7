#include "InstanceLock.h"

#include "DesktopLog.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

InstanceLock::InstanceLock(const QString &serverName)
    : m_name(serverName.isEmpty() ? defaultServerName() : serverName)
{ }

InstanceLock::~InstanceLock() = default;

QString InstanceLock::defaultServerName()
{
#ifdef Q_OS_UNIX
    // The runtime folder belongs to the user alone (0700), so the socket is per user and no one
    // else can reach it.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("webinargeek-connect.socket"));
#endif
    return QStringLiteral("webinargeek-connect-%1").arg(qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER")));
}

InstanceLock::Result InstanceLock::claim()
{
    const QString path = QFileInfo(m_name).isAbsolute() ? m_name + QStringLiteral(".lock")
                                                        : QDir::temp().filePath(m_name + QStringLiteral(".lock"));
    auto lock = std::make_unique<QLockFile>(path);
    // Held for the whole run: only a lock whose process is gone is stale, never an old one.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        qCInfo(lcDesktop) << "The one instance: holding" << path;
        return Result::Claimed;
    }
    if (lock->error() == QLockFile::LockFailedError)
        return Result::HeldByAnother;
    m_error = tr("Could not make the lock file %1.").arg(path);
    return Result::Failed;
}

bool InstanceLock::isClaimed() const
{
    return m_lock != nullptr;
}

void InstanceLock::release()
{
    m_lock.reset(); // unlocks and removes the file
}
