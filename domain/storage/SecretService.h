#pragma once

#include <QDBusConnection>
#include <QMap>
#include <QObject>

#include <functional>

class QDBusMessage;
class QDBusServiceWatcher;

// The Linux keychain, the freedesktop.org Secret Service (GNOME Keyring, KeePassXC, KWallet's
// Secret Service), spoken to over Qt D-Bus. The window has Qt D-Bus loaded anyway, for the tray
// and accessibility; going through libsecret instead would bring GIO, GObject, libgcrypt and two
// GLib threads into the process for a handful of calls (bench/README.md, "Memory").
//
// Secrets travel in a "plain" session, unencrypted on the session bus. The service's transport
// encryption would keep them from a program of the same user that monitors the bus; such a
// program can as well read this process's memory, and with GNOME Keyring ask the service for
// them outright. Encrypting would take a Diffie-Hellman and AES implementation in the app.
//
// Reading does not unlock a locked keyring: it reads as Locked, and the session says "unlock
// your keyring" and tries again later. A keyring that is open but holds an item back until the
// person allows this program (KeePassXC) is asked, which shows its dialog. Writing and removing
// unlock the collection first, which shows the desktop's unlock prompt when it is locked, as
// every libsecret program does.
class SecretService : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Ok,
        NotFound, // no item with these attributes
        Locked, // the item, or the collection it would be in, is locked
        Dismissed, // the person dismissed the unlock prompt
        NotProvided, // nothing on the bus provides the Secret Service, nor can start it
        NoBus, // no session bus
        Failed, // the service answered with an error; `error` says which
    };
    struct Reply
    {
        Outcome outcome = Outcome::Ok;
        QByteArray secret; // read: the item's secret
        QString error; // Failed, NotProvided: D-Bus's words
        QString errorName; // the D-Bus error, when there was one
    };
    using Attributes = QMap<QString, QString>;
    using Done = std::function<void(const Reply &)>;

    explicit SecretService(QObject *parent = nullptr);
    ~SecretService() override;

    // The secret of the first unlocked item with exactly these attributes.
    void read(const Attributes &attributes, const Done &done);
    // Stores `secret` in the default collection, replacing an item with the same attributes.
    void write(const QString &label, const Attributes &attributes, const QByteArray &secret, const Done &done);
    // Deletes every item with these attributes; NotFound when there was none.
    void remove(const Attributes &attributes, const Done &done);

private:
    using ReplyHandler = std::function<void(const QDBusMessage &)>;
    // Each call is a local round trip; a service that takes longer than this is stuck. Prompts
    // are not calls: they wait for the person as long as it takes.
    static constexpr int kCallTimeoutMs = 10000;
    using PathDone = std::function<void(const QString &path)>;

    QDBusConnection bus();
    QDBusMessage serviceCall(const QString &method) const;
    void call(const QDBusMessage &message, const Done &done, const ReplyHandler &handler,
              int timeoutMs = kCallTimeoutMs);
    void search(const Attributes &attributes, const Done &done,
                const std::function<void(const QStringList &unlocked, const QStringList &locked)> &found);
    void withSession(const Done &done, const std::function<void(const QString &session, bool reused)> &run);
    // The collection the "default" alias names, "/" when none does.
    void readDefaultAlias(const Done &done, const PathDone &found);
    void defaultCollection(const Done &done, const PathDone &found);
    void unlock(const QStringList &paths, const Done &done, const std::function<void()> &unlocked);
    // Shows a prompt and waits for it; `completed` gets its result unless it was dismissed. A
    // path of "/" is the service saying no prompt is needed: `completed` at once, with no result.
    void prompt(const QString &path, const Done &done, const std::function<void(const QVariant &)> &completed);
    void collectionLocked(const QString &path, const Done &done, const std::function<void(bool)> &answer);
    void closeSession(const QString &session);
    void readItem(const QString &item, bool retry, const Done &done);
    void createItem(const QString &collection, const QString &label, const Attributes &attributes,
                    const QByteArray &secret, bool retry, const Done &done);
    void deleteItems(QStringList items, const Done &done);
    static Reply failure(const QDBusMessage &error);

    QString m_session; // an open "plain" session, reused while the service keeps it
    QDBusServiceWatcher *m_serviceWatch = nullptr; // made with the first prompt
};
