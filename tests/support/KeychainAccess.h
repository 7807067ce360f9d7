#pragma once

#include "Sandbox.h" // waitFor()

#include "storage/TokenStore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>

#include <QProcess>

#include <qt6keychain/keychain.h>

#include <cerrno>
#include <csignal>
#include <cstring>

// A Secret Service secret (o session, ay parameters, ay value, s content type).
struct TestServiceSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
Q_DECLARE_METATYPE(TestServiceSecret)

inline QDBusArgument &operator<<(QDBusArgument &argument, const TestServiceSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

inline const QDBusArgument &operator>>(const QDBusArgument &argument, TestServiceSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

// The tests' side door to the keychain: TokenStore's asynchronous calls made synchronous, and
// raw entries written past TokenStore (to damage them). Needs `LIBS Qt6::DBus` for lock().
namespace KeychainAccess {

inline TokenStore::Result load(TokenStore &store, bool withRefreshToken = true)
{
    TokenStore::Result result;
    result.status = TokenStore::Status::Unavailable;
    result.reason = QStringLiteral("the test timed out reading the keychain");
    bool done = false;
    store.load(withRefreshToken, [&](const TokenStore::Result &r) {
        result = r;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return result;
}

inline TokenStore::Status save(TokenStore &store, const StoredSession &session)
{
    TokenStore::Status status = TokenStore::Status::Unavailable;
    bool done = false;
    store.save(session, [&](const TokenStore::Result &r) {
        status = r.status;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return status;
}

inline TokenStore::Status clear(TokenStore &store)
{
    TokenStore::Status status = TokenStore::Status::Unavailable;
    bool done = false;
    store.clear([&](const TokenStore::Result &r) {
        status = r.status;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return status;
}

// Writes `bytes` as entry `key` of the app's service, bypassing TokenStore. True on success.
inline bool writeRaw(const QString &key, const QByteArray &bytes)
{
    QKeychain::WritePasswordJob job(TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(bytes);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, [&done] { done = true; });
    job.start();
    waitFor([&done] { return done; }, 15000);
    return done && job.error() == QKeychain::NoError;
}

// Reads entry `key` of the app's service as raw bytes; `found` false when it is not there.
inline QByteArray readRaw(const QString &key, bool *found)
{
    QKeychain::ReadPasswordJob job(TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(key);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, [&done] { done = true; });
    job.start();
    waitFor([&done] { return done; }, 15000);
    *found = done && job.error() == QKeychain::NoError;
    return *found ? job.binaryData() : QByteArray();
}

// Locks the default Secret Service collection. Headless, the Secret Service's own Unlock cannot
// open it again (gnome-keyring would prompt): unlockDefaultCollection() below can. Empty on
// success.
inline QString lockDefaultCollection()
{
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(
        QList<QDBusObjectPath> {QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorMessage();
}

// Unlocks the default collection with the password tests/with-keyring.sh gave it, without a
// prompt, through gnome-keyring's own interface (the Secret Service's Unlock would prompt).
// Empty on success.
inline QString unlockDefaultCollection()
{
    qDBusRegisterMetaType<TestServiceSecret>();
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const QString root = QStringLiteral("/org/freedesktop/secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage open = QDBusMessage::createMethodCall(service, root, QStringLiteral("org.freedesktop.Secret.Service"),
                                                       QStringLiteral("OpenSession"));
    open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage opened = bus.call(open, QDBus::Block, 10000);
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
        return opened.errorMessage();
    QDBusMessage alias = QDBusMessage::createMethodCall(service, root, QStringLiteral("org.freedesktop.Secret.Service"),
                                                        QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusMessage aliased = bus.call(alias, QDBus::Block, 10000);
    if (aliased.type() != QDBusMessage::ReplyMessage)
        return aliased.errorMessage();
    TestServiceSecret secret;
    secret.session = opened.arguments().at(1).value<QDBusObjectPath>();
    secret.value = QByteArrayLiteral("wgc-test-keyring");
    secret.contentType = QStringLiteral("text/plain");
    QDBusMessage unlock = QDBusMessage::createMethodCall(
        service, root, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    unlock << QVariant::fromValue(aliased.arguments().at(0).value<QDBusObjectPath>()) << QVariant::fromValue(secret);
    const QDBusMessage reply = bus.call(unlock, QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorMessage();
}

// The labels of the Secret Service items filed under `key` by the app, as a keyring manager
// (Seahorse) shows them.
inline QStringList itemLabels(const QString &key)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.secrets");
    QDBusMessage search =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    qDBusRegisterMetaType<QMap<QString, QString>>();
    search << QVariant::fromValue(
        QMap<QString, QString> {{QStringLiteral("user"), key}, {QStringLiteral("server"), TokenStore::serviceName()}});
    const QDBusMessage found = bus.call(search, QDBus::Block, 10000);
    QStringList labels;
    if (found.type() != QDBusMessage::ReplyMessage || found.arguments().size() != 2)
        return labels;
    QList<QDBusObjectPath> items = qdbus_cast<QList<QDBusObjectPath>>(found.arguments().at(0));
    items += qdbus_cast<QList<QDBusObjectPath>>(found.arguments().at(1));
    for (const QDBusObjectPath &item : qAsConst(items)) {
        QDBusMessage get = QDBusMessage::createMethodCall(
            service, item.path(), QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Label");
        const QDBusMessage label = bus.call(get, QDBus::Block, 10000);
        if (label.type() == QDBusMessage::ReplyMessage && !label.arguments().isEmpty())
            labels << qvariant_cast<QDBusVariant>(label.arguments().first()).variant().toString();
    }
    return labels;
}

// The process that owns the Secret Service's name on the test's private bus, or 0 when none
// does. Asked of the bus itself, so it never starts a Secret Service through activation.
inline uint secretServicePid()
{
    QDBusMessage ask = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetConnectionUnixProcessID"));
    ask << QStringLiteral("org.freedesktop.secrets");
    const QDBusMessage reply = QDBusConnection::sessionBus().call(ask, QDBus::Block, 5000);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        ? reply.arguments().first().toUInt()
        : 0;
}

// Stops the test's gnome-keyring (tests/with-keyring.sh started it), as a crash or the end of a
// desktop session would. The next call to the Secret Service starts another one through D-Bus
// activation, which opens the same keyring but cannot unlock it (it has no password): reads
// answer "locked", and writes ask for a prompt that cannot be shown (no display), so they are
// dismissed. Empty on success.
inline QString stopSecretService()
{
    // An activated service inherits the bus's environment, which is the one tests/with-keyring.sh
    // was started with: pointed at this test's HOME and runtime directory first, so it opens the
    // test's keyring and never the user's, and no prompt reaches a display.
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QMap<QString, QString> environment;
    for (const char *name : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
        environment.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
    environment.insert(QStringLiteral("DISPLAY"), QString());
    environment.insert(QStringLiteral("WAYLAND_DISPLAY"), QString());
    QDBusMessage update = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("UpdateActivationEnvironment"));
    update << QVariant::fromValue(environment);
    const QDBusMessage updated = QDBusConnection::sessionBus().call(update, QDBus::Block, 5000);
    if (updated.type() != QDBusMessage::ReplyMessage)
        return updated.errorMessage();
    const uint pid = secretServicePid();
    if (pid == 0)
        return QStringLiteral("no Secret Service runs");
    if (::kill(pid_t(pid), SIGTERM) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    if (!waitFor([pid] { return secretServicePid() != pid; }, 10000))
        return QStringLiteral("gnome-keyring-daemon did not stop");
    return QString();
}

// Starts the test's gnome-keyring again, unlocked with the password tests/with-keyring.sh gave
// it, in place of one that activation started meanwhile. Empty on success.
inline QString startSecretService()
{
    QProcess daemon;
    // The daemon it forks keeps these open for as long as it runs.
    daemon.setStandardOutputFile(QProcess::nullDevice());
    daemon.setStandardErrorFile(QProcess::nullDevice());
    daemon.start(QStringLiteral("gnome-keyring-daemon"),
                 {QStringLiteral("--replace"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!daemon.waitForStarted(10000))
        return daemon.errorString();
    daemon.write("wgc-test-keyring");
    daemon.closeWriteChannel();
    // It forks the daemon and returns once that is ready.
    if (!daemon.waitForFinished(20000) || daemon.exitCode() != 0)
        return QStringLiteral("gnome-keyring-daemon --replace failed (exit %1)").arg(daemon.exitCode());
    if (!waitFor([] { return secretServicePid() != 0; }, 10000))
        return QStringLiteral("no Secret Service after gnome-keyring-daemon --replace");
    return unlockDefaultCollection();
}

// Brings the test's keyring back when a test ends, passed or not, so the next finds it usable.
struct SecretServiceBackAtEnd
{
    bool needed = true;
    ~SecretServiceBackAtEnd()
    {
        if (needed)
            startSecretService();
    }
};

} // namespace KeychainAccess
