#pragma once

#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

// A lock shared by every process of one user that may spend the session's refresh token: the
// window and any number of `token` commands. Whoever holds it re-reads the keychain before
// refreshing, because the previous holder may just have rotated the token. Waiting never blocks
// the event loop: the lock is tried again every 100 ms. A holder that died leaves a stale lock,
// which QLockFile detects by its process id.
class RefreshLock : public QObject
{
    Q_OBJECT
public:
    // `name` tells sessions apart (Configuration::storageKey()); the file lives in the user's
    // runtime directory.
    explicit RefreshLock(const QString &name, QObject *parent = nullptr);
    ~RefreshLock() override;

    // Calls `acquired` once the lock is held (at once when it is free).
    void acquire(const std::function<void()> &acquired);
    void release();
    bool isHeld() const { return m_held; }
    QString fileName() const { return m_fileName; }

    static constexpr int kRetryMs = 100;
    // A lock this old is taken over even when its owner still runs. A refresh holds it for a few
    // seconds (its requests time out after 30 s without data), so only a hung owner gets here;
    // a dead one is noticed at once by its process id.
    static constexpr int kStaleMs = 15 * 60 * 1000;

private:
    void tryAcquire();

    QString m_fileName;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_retry;
    std::function<void()> m_acquired;
    bool m_held = false;
};
