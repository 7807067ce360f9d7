#include "Keychain.h"

#include "TokenStoreNames.h"

#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

#ifdef Q_OS_LINUX
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QList>

#include <dlfcn.h>
#endif

namespace {

Keychain::Result failed(const QKeychain::Job *job)
{
    Keychain::Result result;
    result.detail = job->errorString();
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        result.status = Keychain::Status::NotFound;
        break;
    case QKeychain::AccessDenied: // libsecret's "is locked" too
    case QKeychain::AccessDeniedByUser:
        result.status = Keychain::Status::Denied;
        break;
    case QKeychain::NoBackendAvailable:
        result.status = Keychain::Status::NoService;
        break;
    default:
        result.status = Keychain::Status::Failed;
#ifdef Q_OS_LINUX
        // qtkeychain reports a missing bus or service as OtherError, in D-Bus's words.
        if (job->errorString().contains(QLatin1String("org.freedesktop.secrets")))
            result.status = Keychain::Status::NoService;
        else if (!QDBusConnection::sessionBus().isConnected())
            result.status = Keychain::Status::NoBus;
#endif
        break;
    }
    return result;
}

Keychain::Result resultOf(const QKeychain::Job *job)
{
    if (job->error() != QKeychain::NoError)
        return failed(job);
    Keychain::Result result;
    if (const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(job))
        result.data = read->binaryData();
    return result;
}

// libsecret, which qtkeychain uses, keeps one connection to the Secret Service with its
// transfer session for the whole process (libsecret 0.20's secret_backend_get() caches it and
// never watches the service), so once the service has restarted (a crash, gnome-keyring
// --replace) every call fails with "The session does not exist". Dropping that connection makes
// the next call open a new one. Only when qtkeychain has loaded libsecret (RTLD_NOLOAD): this
// loads nothing, and KWallet needs nothing of the sort. True when it was dropped.
bool dropSecretServiceConnection()
{
#ifdef Q_OS_LINUX
    void *libsecret = dlopen("libsecret-1.so.0", RTLD_LAZY | RTLD_NOLOAD);
    if (!libsecret)
        return false;
    using Disconnect = void (*)();
    const auto disconnect = reinterpret_cast<Disconnect>(dlsym(libsecret, "secret_service_disconnect"));
    if (disconnect)
        disconnect();
    dlclose(libsecret);
    return disconnect != nullptr;
#else
    return false;
#endif
}

#ifdef Q_OS_LINUX
const QString kSecretService = QStringLiteral("org.freedesktop.secrets");
// The Secret Service answers the lock check within a local round trip; longer, and it is stuck.
constexpr int kLockCheckTimeoutMs = 3000;
#endif

} // namespace

Keychain::Keychain(QObject *parent)
    : QObject(parent)
{ }

Keychain::~Keychain() = default;

// Runs the job `make` returns and answers once. Jobs have no parent: qtkeychain's libsecret
// callbacks point at their job, so one must live until it finishes (and deletes itself).
//
// Two ways a restart of the Secret Service shows, both handled with a new connection (above)
// and one more run of the job: a job fails with OtherError ("The session does not exist"); or
// the service goes away while a job waits for it (its prompt open), and libsecret may never
// answer that job: it is finished with OtherError when the service's owner leaves the bus.
void Keychain::run(const MakeJob &make, const QString &key, const Done &done, bool mayRetry)
{
    QKeychain::Job *job = make();
    job->setKey(key);
    const auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [=] {
        if (std::exchange(*answered, true))
            return;
        if (mayRetry && job->error() == QKeychain::OtherError && dropSecretServiceConnection())
            run(make, key, done, false);
        else
            done(resultOf(job));
    });
#ifdef Q_OS_LINUX
    if (!m_serviceWatch) {
        m_serviceWatch = new QDBusServiceWatcher(kSecretService, QDBusConnection::sessionBus(),
                                                 QDBusServiceWatcher::WatchForOwnerChange, this);
        connect(m_serviceWatch, &QDBusServiceWatcher::serviceOwnerChanged, this,
                [](const QString &, const QString &oldOwner) {
                    if (!oldOwner.isEmpty())
                        dropSecretServiceConnection();
                });
    }
    // Connected after the line above, so the connection is dropped first. Gone with the job,
    // and with the watcher, which goes with this Keychain. Only the service this job talks to
    // going away counts: the bus's signals of an earlier restart may still be on their way.
    // With no service running yet, the job's own call starts one through activation: that one
    // is the job's service from the moment it appears.
    const auto owner =
        std::make_shared<QString>(QDBusConnection::sessionBus().interface()
                                      ? QDBusConnection::sessionBus().interface()->serviceOwner(kSecretService).value()
                                      : QString());
    connect(m_serviceWatch, &QDBusServiceWatcher::serviceOwnerChanged, job,
            [job, answered, owner](const QString &, const QString &oldOwner, const QString &newOwner) {
                if (*answered)
                    return;
                if (owner->isEmpty() && oldOwner.isEmpty()) {
                    *owner = newOwner;
                    return;
                }
                if (oldOwner.isEmpty() || oldOwner != *owner)
                    return;
                // Finished through qtkeychain, not only answered here: it runs one job at a
                // time, and no later job would start while this one waits. Kept, not deleted:
                // libsecret may still call back into it, so it is listed for the rest of the run
                // (in a list that is never destroyed either: a static QList would free its
                // entries at exit, and the sanitizers would call the jobs leaked).
                static auto *const abandoned = new QList<QKeychain::Job *>;
                abandoned->append(job);
                job->setAutoDelete(false);
                job->emitFinishedWithError(QKeychain::OtherError, tr("the Secret Service stopped before it answered"));
            });
#endif
    job->start();
}

void Keychain::read(const QString &key, const Done &done)
{
    const MakeJob make = [] { return new QKeychain::ReadPasswordJob(TokenStoreNames::serviceName()); };
    run(make, key, [this, key, done](const Result &result) {
        if (result.status == Status::NotFound || result.status == Status::Denied)
            answerLockedOr(key, result, done);
        else
            done(result);
    });
}

void Keychain::write(const QString &key, const QByteArray &data, const Done &done)
{
    const MakeJob make = [data] {
        auto *job = new QKeychain::WritePasswordJob(TokenStoreNames::serviceName());
        job->setBinaryData(data);
        return job;
    };
    run(make, key, done);
}

void Keychain::remove(const QString &key, const Done &done)
{
    run([] { return new QKeychain::DeletePasswordJob(TokenStoreNames::serviceName()); }, key, done);
}

// qtkeychain cannot tell a locked keyring from a missing entry: libsecret's lookup asks the
// Secret Service to unlock the keyring, and when that prompt is dismissed (or cannot be shown)
// it finds no password (EntryNotFound) or the item locked (AccessDenied). "Signed out" and
// "unlock your keyring" must not be confused, so the Secret Service is asked this one question
// itself: is there an item with the entry's attributes that is locked? SearchItems answers with
// the paths of the matching items, unlocked and locked, never with a secret. It never starts a
// service and gives up soon; without an answer (no Secret Service: KWallet, another OS), the
// failure stands as it was. Nothing else here speaks to the Secret Service (run() only watches
// which process owns its name on the bus).
void Keychain::checkLocked(const QString &key, const Done &done)
{
    answerLockedOr(key, Result(), done);
}

void Keychain::answerLockedOr(const QString &key, const Result &failure, const Done &done)
{
#ifdef Q_OS_LINUX
    static const bool registered = [] {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(registered)
    QDBusMessage search =
        QDBusMessage::createMethodCall(kSecretService, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    search.setAutoStartService(false);
    search << QVariant::fromValue(QMap<QString, QString> {{QStringLiteral("user"), key},
                                                          {QStringLiteral("server"), TokenStoreNames::serviceName()}});
    const QDBusPendingCall call = QDBusConnection::sessionBus().asyncCall(search, kLockCheckTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [failure, done](QDBusPendingCallWatcher *watcher) {
        watcher->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> found = *watcher;
        Result result = failure;
        if (!found.isError() && !found.argumentAt<1>().isEmpty())
            result.status = Status::Locked;
        done(result);
    });
#else
    Q_UNUSED(key)
    done(failure);
#endif
}
