#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

// One window per user, its first half: a lock file in the user's runtime folder, held for as long
// as the one instance runs. Taken before the window is built. A later launch finds it held and
// asks the one instance over its socket to show its window (SingleInstance, which the one instance
// listens on). A lock left by a crashed instance is taken over: the process it names is gone.
class InstanceLock
{
    Q_DECLARE_TR_FUNCTIONS(InstanceLock)
public:
    enum class Result {
        Claimed, // this process is the one instance
        HeldByAnother, // another instance runs, or is starting
        Failed, // the lock file could not be made: run alone, unreachable for later launches
    };

    // `serverName` is the one instance's socket path (or, off Unix, a pipe name); the lock file
    // sits beside it. Empty: defaultServerName().
    explicit InstanceLock(const QString &serverName = QString());
    ~InstanceLock();

    static QString defaultServerName();
    QString serverName() const { return m_name; }

    // Does not wait: a lock held by a live process is that instance's for as long as it runs.
    Result claim();
    bool isClaimed() const;
    // Lets go of a claimed lock, so that a later launch can be the one instance: for a one
    // instance that cannot be reached (its socket could not be opened).
    void release();
    // Why claim() failed, for the person.
    QString errorString() const { return m_error; }

private:
    QString m_name;
    std::unique_ptr<QLockFile> m_lock;
    QString m_error;
};
