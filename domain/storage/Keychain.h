#pragma once

#include <QObject>

#include <functional>

class QDBusServiceWatcher;
namespace QKeychain {
class Job;
}

// One entry of the system keychain, by key, filed under the app's service name
// (TokenStoreNames::serviceName()). Every read, write and delete is a qtkeychain job: the Secret
// Service through libsecret on Linux (KWallet on a KDE desktop, as qtkeychain chooses), Windows
// Credential Manager, macOS Keychain. The window and the commands go this one way, and the
// launcher's quick path (QuickLookup) runs the same qtkeychain job for the same names, so they
// always find the same entries. Binary data is
// stored as qtkeychain stores it: base64 text, attributes user/server/type, schema
// org.qt.keychain.
//
// Reading an entry of a locked keyring goes through libsecret's lookup, which asks the Secret
// Service to unlock it: the desktop shows its unlock prompt, as for every libsecret program.
// Dismissed (or with no display to show it on), an entry that is there reads as Locked, one that
// is not as NotFound (Keychain.cpp, answerLockedOr).
class Keychain : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, // no such entry
        Locked, // the entry is in a locked keyring, and its unlock prompt was dismissed
        Denied, // access refused (writing or removing: the keyring may be locked)
        NoService, // no keychain service to use
        NoBus, // Linux: no D-Bus session bus to reach one through
        Failed, // anything else; `detail` says what
    };
    struct Result
    {
        Status status = Status::Ok;
        QByteArray data; // read: the entry
        QString detail; // the service's own words, when it gave any
    };
    using Done = std::function<void(const Result &)>;

    explicit Keychain(QObject *parent = nullptr);
    ~Keychain() override;

    void read(const QString &key, const Done &done);
    void write(const QString &key, const QByteArray &data, const Done &done);
    // Ok also when there was nothing to delete (qtkeychain does not tell the two apart).
    void remove(const QString &key, const Done &done);
    // Locked when the entry exists in a locked keyring, Ok otherwise (also when it cannot tell).
    // Asks nothing of the person: no unlock prompt, unlike a read.
    void checkLocked(const QString &key, const Done &done);

private:
    using MakeJob = std::function<QKeychain::Job *()>;
    void run(const MakeJob &make, const QString &key, const Done &done, bool mayRetry = true);
    void answerLockedOr(const QString &key, const Result &failure, const Done &done);

    QDBusServiceWatcher *m_serviceWatch = nullptr; // Linux: the Secret Service's owner on the bus
};
