#pragma once

#include "AuthError.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

// A lock shared by every process of one user that may spend the session's refresh token: the
// window and any number of `token` commands. Whoever holds it re-reads the keychain before
// refreshing, because the previous holder may just have rotated the token. Waiting never blocks
// the event loop: the lock is tried again every 100 ms, for at most kMaxWaitMs. A holder that
// died leaves a stale lock, which QLockFile detects by its process id.
//
// Every process of the user must find the same file, whatever its environment: a cron job or an
// SSH session often has no XDG_RUNTIME_DIR (QStandardPaths' runtime location then falls back to
// another folder) and may have another TMPDIR. So on Unix the lock lives in one fixed directory
// per user, /tmp/webinargeek-connect-<uid> (as tmux keeps its sockets), which must be the user's
// own and private: one that someone else made or can write in would let them hold or remove the
// lock, and with it make two processes spend one refresh token.
class RefreshLock : public QObject
{
    Q_OBJECT
public:
    // `name` tells sessions apart (Configuration::storageKey()).
    explicit RefreshLock(const QString &name, QObject *parent = nullptr);
    ~RefreshLock() override;

    // Calls `done` once the lock is held (at once when it is free, or kept here), with no error;
    // or with the reason (AuthError::Kind::RefreshLock) when it cannot be had at all. Whoever
    // spends a refresh token must not do so then. One caller waits at a time.
    using Done = std::function<void(const AuthError &)>;
    void acquireOrRefuse(const Done &done);
    // The same for storing or deleting a session (sign-in, sign-out): when the lock cannot be had
    // at all, that is done without it rather than not at all.
    void acquire(const std::function<void()> &acquired);
    // Lets go of the lock (unless kept); a caller of this object that waited for it gets it
    // next. Not held, it forgets the caller still waiting.
    void release();
    // While kept, release() leaves the lock held: the session holds tokens that only it knows
    // (a rotated refresh token the keychain could not take yet), and no other process may spend
    // the older one it would find stored.
    void setKept(bool kept);
    // How long a caller waits for another process's lock before it is refused (kMaxWaitMs).
    void setMaxWait(int milliseconds) { m_maxWaitMs = milliseconds; }
    bool isHeld() const { return m_held; }
    QString fileName() const { return m_fileName; }

    // The directory every process of this user shares for the lock.
    static QString directory();
    // Makes `path` a private directory of this user (mode 0700) when there is none, or checks the
    // one that is there, without following a symbolic link. Empty when it may be used; otherwise
    // what is wrong with it, naming it.
    static QString prepareDirectory(const QString &path);

    static constexpr int kRetryMs = 100;
    // A refresh holds the lock for a few seconds (its requests time out after 30 s without data).
    // Longer means a holder that hangs, or a window that keeps it for tokens the keychain could
    // not take yet (setKept()): the wait then ends with an error naming the holder, rather than
    // never (a `token` or `logout` would hang). QLockFile takes over a stale lock only when its
    // holder is gone: on Unix the file is also flock()ed for as long as its holder runs.
    static constexpr int kMaxWaitMs = 60 * 1000;
    static constexpr int kStaleMs = 15 * 60 * 1000;

private:
    void tryAcquire();
    void finish(const AuthError &error);

    QString m_directory;
    QString m_fileName;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_retry;
    QElapsedTimer m_waitingFor;
    int m_maxWaitMs = kMaxWaitMs;
    Done m_waiting;
    bool m_held = false;
    bool m_kept = false;
};
