#pragma once

#include <QObject>

#include <functional>

class SecretService;

// One entry of the system keychain, by key, filed under the app's service name
// (TokenStoreNames::serviceName()) in qtkeychain's format, so an entry written one way is found
// by the other and by the launcher's quick path (QuickLookup).
//
// On Linux it speaks to the Secret Service directly (SecretService), and uses qtkeychain when
// nothing provides one and on a KDE desktop, where qtkeychain keeps entries in KWallet itself.
// Elsewhere it is qtkeychain: Windows Credential Manager, macOS Keychain.
class Keychain : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, // no such entry
        Locked, // the keyring is locked (reading never asks to unlock it)
        Denied, // access refused, or the unlock prompt dismissed
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
    // NotFound when there was nothing to delete.
    void remove(const QString &key, const Done &done);

private:
    void readWithQtKeychain(const QString &key, const Done &done);
    void writeWithQtKeychain(const QString &key, const QByteArray &data, const Done &done);
    void removeWithQtKeychain(const QString &key, const Done &done);

#ifdef Q_OS_LINUX
    SecretService *m_secretService = nullptr;
#endif
};
