#include "RefreshLock.h"

#include "AuthLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

RefreshLock::RefreshLock(const QString &name, QObject *parent)
    : QObject(parent)
    , m_directory(directory())
{
    // A hash keeps the server's address out of the file name and the name short.
    const QByteArray id = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_fileName = m_directory + QStringLiteral("/refresh-") + QString::fromLatin1(id) + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(m_fileName);
    m_lock->setStaleLockTime(kStaleMs);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &RefreshLock::tryAcquire);
}

RefreshLock::~RefreshLock()
{
    m_kept = false;
    release();
}

QString RefreshLock::directory()
{
#ifdef Q_OS_UNIX
    // Not TMPDIR and not the runtime directory: both differ between the processes of one user.
    return QStringLiteral("/tmp/webinargeek-connect-%1").arg(geteuid());
#else
    // Elsewhere the per-user locations do not depend on how the process was started.
    QString location = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (location.isEmpty())
        location = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return location + QStringLiteral("/webinargeek-connect");
#endif
}

QString RefreshLock::prepareDirectory(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    // Made private from the start (the umask can only take bits away), so it is never open for
    // a moment; one that is there already is checked below like any other.
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return tr("%1 cannot be created: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    // Checked through a descriptor of the directory itself, never through a symbolic link: what
    // is checked is what the lock file goes into. (In /tmp, whose sticky bit lets only a file's
    // owner rename or remove it, nobody else can swap a directory of ours for another later.)
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int openError = errno;
        struct stat link
        {
        };
        if (::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return tr("%1 is a symbolic link, not a directory").arg(path);
        if (openError == ENOTDIR)
            return tr("%1 is not a directory").arg(path);
        return tr("%1 cannot be opened: %2").arg(path, QString::fromLocal8Bit(std::strerror(openError)));
    }
    struct stat info
    {
    };
    const int statResult = ::fstat(fd, &info);
    const int statError = errno;
    ::close(fd);
    if (statResult != 0)
        return tr("%1 cannot be examined: %2").arg(path, QString::fromLocal8Bit(std::strerror(statError)));
    if (info.st_uid != geteuid())
        return tr("%1 belongs to another user (uid %2)").arg(path).arg(info.st_uid);
    const unsigned mode = info.st_mode & 07777;
    if ((mode & 077) != 0)
        //: %2 is a Unix file mode in octal, such as 0777.
        return tr("%1 is open to other users (mode %2); it must be private to you (mode 0700)")
            .arg(path, QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0')));
    return QString();
#else
    return QDir().mkpath(path) ? QString() : tr("%1 cannot be created").arg(path);
#endif
}

void RefreshLock::acquireOrRefuse(const Done &done)
{
    if (m_held && m_kept) {
        // Kept for tokens only this process knows: whoever asks here (a sign-out, the next
        // refresh) shares it.
        done(AuthError());
        return;
    }
    m_waiting = done;
    m_waitingFor.start();
    // Checked at every attempt: /tmp is cleaned now and then, and the directory may be gone.
    const QString problem = prepareDirectory(m_directory);
    if (!problem.isEmpty()) {
        qCWarning(lcAuth).noquote() << "The refresh lock cannot be used:" << problem;
        finish(AuthError::make(AuthError::Kind::RefreshLock, problem));
        return;
    }
    tryAcquire();
}

void RefreshLock::acquire(const std::function<void()> &acquired)
{
    acquireOrRefuse([acquired](const AuthError &error) {
        if (error.isError())
            qCWarning(lcAuth) << "Going on without the refresh lock";
        acquired();
    });
}

void RefreshLock::tryAcquire()
{
    if (!m_waiting)
        return;
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            if (m_waitingFor.hasExpired(m_maxWaitMs)) {
                qint64 pid = 0;
                QString host;
                QString application;
                m_lock->getLockInfo(&pid, &host, &application);
                //: %1 is a process id, %2 a number of seconds.
                const QString reason = tr("another WebinarGeek Connect process (process id %1) has held the refresh "
                                          "lock for more than %2 seconds")
                                           .arg(pid)
                                           .arg(m_maxWaitMs / 1000);
                qCWarning(lcAuth).noquote() << "The refresh lock cannot be used:" << reason;
                finish(AuthError::make(AuthError::Kind::RefreshLock, reason));
                return;
            }
            if (!m_retry.isActive()) {
                qCInfo(lcAuth) << "Another process is refreshing; waiting for it";
                m_retry.start();
            }
            return;
        }
        const QString reason = m_lock->error() == QLockFile::PermissionError
            ? tr("the lock file %1 cannot be created: permission denied").arg(m_fileName)
            : tr("the lock file %1 cannot be created").arg(m_fileName);
        qCWarning(lcAuth).noquote() << "The refresh lock cannot be used:" << reason;
        finish(AuthError::make(AuthError::Kind::RefreshLock, reason));
        return;
    }
    m_held = true;
    finish(AuthError());
}

void RefreshLock::finish(const AuthError &error)
{
    m_retry.stop();
    const Done done = std::exchange(m_waiting, nullptr);
    if (done)
        done(error);
}

void RefreshLock::release()
{
    if (!m_held) {
        m_retry.stop();
        m_waiting = nullptr;
        return;
    }
    if (m_kept)
        return;
    m_lock->unlock();
    m_held = false;
    // A second caller of this object (a sign-in to store while a refresh ran) waited for this
    // holder, not for another process: it goes next.
    if (m_waiting)
        tryAcquire();
}

void RefreshLock::setKept(bool kept)
{
    m_kept = kept;
}
