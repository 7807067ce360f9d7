#include "SecretService.h"

#include "StorageLog.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

// A secret as the Secret Service passes it: (o session, ay parameters, ay value, s content type).
struct SecretServiceSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
Q_DECLARE_METATYPE(SecretServiceSecret)

QDBusArgument &operator<<(QDBusArgument &argument, const SecretServiceSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, SecretServiceSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

namespace {

const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
const QString kCollectionInterface = QStringLiteral("org.freedesktop.Secret.Collection");
const QString kItemInterface = QStringLiteral("org.freedesktop.Secret.Item");
const QString kPromptInterface = QStringLiteral("org.freedesktop.Secret.Prompt");
// The path the service answers with when there is no object: no prompt needed, no such alias.
const QString kNone = QStringLiteral("/");
// A search may take long: KeePassXC answers a search of its locked database only once the person has
// unlocked it in the dialog it shows meanwhile.
constexpr int kSearchTimeoutMs = 120000;
const QString kNoSession = QStringLiteral("org.freedesktop.Secret.Error.NoSession");

QString pathIn(const QVariant &value)
{
    return qvariant_cast<QDBusObjectPath>(value).path();
}

QStringList pathsIn(const QVariant &value)
{
    QStringList paths;
    const auto list = qdbus_cast<QList<QDBusObjectPath>>(value);
    for (const QDBusObjectPath &path : list)
        paths << path.path();
    return paths;
}

} // namespace

// One prompt on the screen: hears its Completed signal (Qt D-Bus connects signals to slots named
// by signature only).
class SecretServicePrompt : public QObject
{
    Q_OBJECT
public:
    SecretServicePrompt(const QString &path, QObject *parent)
        : QObject(parent)
        , path(path)
    { }
    const QString path;
    bool over = false;
    std::function<void(bool dismissed, const QVariant &result)> completed;
    std::function<void()> abandoned;

    // The service stopped: it will never complete this prompt.
    void abandon()
    {
        if (over)
            return;
        over = true;
        abandoned();
    }

public slots:
    void onCompleted(bool dismissed, const QDBusVariant &result)
    {
        if (over)
            return;
        over = true;
        completed(dismissed, result.variant());
    }
};

SecretService::SecretService(QObject *parent)
    : QObject(parent)
{ }

QDBusConnection SecretService::bus()
{
    // Not before the first call: connecting to the bus takes time, and what needs the keychain
    // waits for the window (DesktopApp::start()).
    static const bool registered = [] {
        qDBusRegisterMetaType<SecretServiceSecret>();
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(registered)
    return QDBusConnection::sessionBus();
}

SecretService::~SecretService()
{
    // Nobody waits for these answers any more: the prompts leave the screen, and the session is
    // closed rather than kept by the service until this process ends.
    const auto prompts = findChildren<SecretServicePrompt *>(QString(), Qt::FindDirectChildrenOnly);
    for (const SecretServicePrompt *prompt : prompts) {
        if (prompt->over)
            continue;
        bus().send(QDBusMessage::createMethodCall(kService, prompt->path, kPromptInterface, QStringLiteral("Dismiss")));
    }
    if (!m_session.isEmpty())
        closeSession(m_session);
}

void SecretService::closeSession(const QString &session)
{
    QDBusMessage close = QDBusMessage::createMethodCall(
        kService, session, QStringLiteral("org.freedesktop.Secret.Session"), QStringLiteral("Close"));
    close.setAutoStartService(false);
    bus().send(close);
}

SecretService::Reply SecretService::failure(const QDBusMessage &error)
{
    const QString name = error.errorName();
    Reply reply;
    reply.outcome = Outcome::Failed;
    reply.errorName = name;
    reply.error = error.errorMessage().isEmpty() ? name : error.errorMessage();
    // Nothing provides the service, or what should could not be started.
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
        || name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner")
        || name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn.")))
        reply.outcome = Outcome::NotProvided;
    else if (name == QLatin1String("org.freedesktop.Secret.Error.IsLocked"))
        reply.outcome = Outcome::Locked;
    else if (name == QLatin1String("org.freedesktop.Secret.Error.NoSuchObject"))
        reply.outcome = Outcome::NotFound; // gone between the search and the call
    else if (name == QLatin1String("org.freedesktop.DBus.Error.Disconnected"))
        reply.outcome = Outcome::NoBus;
    return reply;
}

QDBusMessage SecretService::serviceCall(const QString &method) const
{
    return QDBusMessage::createMethodCall(kService, kServicePath, kServiceInterface, method);
}

void SecretService::call(const QDBusMessage &message, const Done &done, const ReplyHandler &handler, int timeoutMs)
{
    QDBusConnection connection = bus();
    if (!connection.isConnected()) {
        Reply reply;
        reply.outcome = Outcome::NoBus;
        reply.error = connection.lastError().message();
        done(reply);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(connection.asyncCall(message, timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [done, handler](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusMessage reply = call->reply();
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qCInfo(lcStorage) << "Secret Service call failed:" << reply.errorName() << reply.errorMessage();
            done(failure(reply));
            return;
        }
        handler(reply);
    });
}

void SecretService::search(const Attributes &attributes, const Done &done,
                           const std::function<void(const QStringList &, const QStringList &)> &found)
{
    QDBusMessage message = serviceCall(QStringLiteral("SearchItems"));
    message << QVariant::fromValue(attributes);
    call(
        message, done,
        [found](const QDBusMessage &reply) {
            const QList<QVariant> arguments = reply.arguments();
            if (arguments.size() != 2) {
                found({}, {});
                return;
            }
            found(pathsIn(arguments.at(0)), pathsIn(arguments.at(1)));
        },
        kSearchTimeoutMs);
}

void SecretService::withSession(const Done &done, const std::function<void(const QString &, bool)> &run)
{
    if (!m_session.isEmpty()) {
        run(m_session, true);
        return;
    }
    QDBusMessage message = serviceCall(QStringLiteral("OpenSession"));
    message << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    call(message, done, [this, done, run](const QDBusMessage &reply) {
        const QList<QVariant> arguments = reply.arguments();
        const QString session = arguments.size() == 2 ? pathIn(arguments.at(1)) : QString();
        if (session.isEmpty() || session == kNone) {
            Reply failed;
            failed.outcome = Outcome::Failed;
            failed.error = tr("the Secret Service opened no session");
            done(failed);
            return;
        }
        // Two operations that started together each opened one: the first is kept.
        if (!m_session.isEmpty()) {
            closeSession(session);
            run(m_session, false);
            return;
        }
        m_session = session;
        run(session, false);
    });
}

void SecretService::collectionLocked(const QString &path, const Done &done, const std::function<void(bool)> &answer)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
        kService, path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    message << kCollectionInterface << QStringLiteral("Locked");
    call(message, done, [answer](const QDBusMessage &reply) {
        const QList<QVariant> arguments = reply.arguments();
        answer(!arguments.isEmpty() && qvariant_cast<QDBusVariant>(arguments.first()).variant().toBool());
    });
}

void SecretService::read(const Attributes &attributes, const Done &done)
{
    search(attributes, done, [this, done](const QStringList &unlocked, const QStringList &locked) {
        if (!unlocked.isEmpty()) {
            readItem(unlocked.first(), true, done);
            return;
        }
        if (!locked.isEmpty()) {
            const QString item = locked.first();
            const QString collection = item.left(item.lastIndexOf(QLatin1Char('/')));
            collectionLocked(collection, done, [this, item, done](bool isLocked) {
                if (isLocked) {
                    Reply reply;
                    reply.outcome = Outcome::Locked;
                    done(reply);
                    return;
                }
                // An open keyring that holds the item back asks the person whether this program
                // may read it (KeePassXC does, once per run): that is its prompt, not an unlock.
                unlock({item}, done, [this, item, done] { readItem(item, true, done); });
            });
            return;
        }
        // A service may keep a locked collection's items out of searches: finding nothing in a
        // locked keyring must not pass for "nothing stored" (which would mean signed out), and
        // neither may a failure to find out.
        readDefaultAlias(done, [this, done](const QString &collection) {
            Reply none;
            none.outcome = Outcome::NotFound;
            if (collection == kNone) {
                done(none);
                return;
            }
            collectionLocked(collection, done, [done, none](bool isLocked) mutable {
                if (isLocked)
                    none.outcome = Outcome::Locked;
                done(none);
            });
        });
    });
}

void SecretService::readItem(const QString &item, bool retry, const Done &done)
{
    withSession(done, [this, item, retry, done](const QString &session, bool reused) {
        QDBusMessage message =
            QDBusMessage::createMethodCall(kService, item, kItemInterface, QStringLiteral("GetSecret"));
        message << QVariant::fromValue(QDBusObjectPath(session));
        // A session reused from before may have ended with a restart of the service: once more
        // with a new one.
        const auto failed = [this, item, retry, reused, done](const Reply &failure) {
            if (reused && retry && failure.errorName == kNoSession) {
                m_session.clear();
                readItem(item, false, done);
                return;
            }
            done(failure);
        };
        call(message, failed, [done](const QDBusMessage &reply) {
            Reply result;
            if (reply.arguments().isEmpty()) {
                result.outcome = Outcome::Failed;
                result.error = tr("the Secret Service returned no secret");
            } else {
                result.secret = qdbus_cast<SecretServiceSecret>(reply.arguments().first()).value;
            }
            done(result);
        });
    });
}

void SecretService::readDefaultAlias(const Done &done, const PathDone &found)
{
    QDBusMessage alias = serviceCall(QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    call(alias, done, [found](const QDBusMessage &reply) {
        found(reply.arguments().isEmpty() ? kNone : pathIn(reply.arguments().first()));
    });
}

void SecretService::defaultCollection(const Done &done, const PathDone &found)
{
    readDefaultAlias(done, [this, done, found](const QString &collection) {
        if (collection != kNone) {
            found(collection);
            return;
        }
        // No default keyring yet (a fresh account): made as libsecret would, with the service's
        // prompt for its password.
        QVariantMap properties;
        properties.insert(QStringLiteral("org.freedesktop.Secret.Collection.Label"), tr("Default keyring"));
        QDBusMessage create = serviceCall(QStringLiteral("CreateCollection"));
        create << properties << QStringLiteral("default");
        call(create, done, [this, done, found](const QDBusMessage &created) {
            const QList<QVariant> arguments = created.arguments();
            if (arguments.size() != 2) {
                Reply failed;
                failed.outcome = Outcome::Failed;
                failed.error = tr("the Secret Service made no default keyring");
                done(failed);
                return;
            }
            const QString made = pathIn(arguments.at(0));
            const QString promptPath = pathIn(arguments.at(1));
            if (promptPath == kNone) {
                found(made);
                return;
            }
            // The prompt's result is the new collection.
            prompt(promptPath, done, [found](const QVariant &result) { found(pathIn(result)); });
        });
    });
}

void SecretService::unlock(const QStringList &paths, const Done &done, const std::function<void()> &unlocked)
{
    QList<QDBusObjectPath> objects;
    for (const QString &path : paths)
        objects << QDBusObjectPath(path);
    QDBusMessage message = serviceCall(QStringLiteral("Unlock"));
    message << QVariant::fromValue(objects);
    call(message, done, [this, done, unlocked](const QDBusMessage &reply) {
        const QList<QVariant> arguments = reply.arguments();
        const QString promptPath = arguments.size() == 2 ? pathIn(arguments.at(1)) : kNone;
        if (promptPath != kNone)
            qCInfo(lcStorage) << "The keyring is locked; the Secret Service asks the person to unlock it";
        prompt(promptPath, done, [unlocked](const QVariant &) { unlocked(); });
    });
}

void SecretService::prompt(const QString &path, const Done &done,
                           const std::function<void(const QVariant &)> &completed)
{
    if (path == kNone) {
        completed(QVariant());
        return;
    }
    auto *watch = new SecretServicePrompt(path, this);
    const QString signal = QStringLiteral("Completed");
    // Subscribed before the prompt is shown, so a prompt that completes at once is not missed.
    if (!bus().connect(kService, path, kPromptInterface, signal, watch, SLOT(onCompleted(bool, QDBusVariant)))) {
        delete watch;
        Reply failed;
        failed.outcome = Outcome::Failed;
        failed.error = bus().lastError().message();
        done(failed);
        return;
    }
    // A service that stops while its prompt is up never completes it.
    if (!m_serviceWatch) {
        m_serviceWatch = new QDBusServiceWatcher(kService, bus(), QDBusServiceWatcher::WatchForUnregistration, this);
        connect(m_serviceWatch, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
            m_session.clear();
            const auto prompts = findChildren<SecretServicePrompt *>(QString(), Qt::FindDirectChildrenOnly);
            for (SecretServicePrompt *prompt : prompts)
                prompt->abandon();
        });
    }
    const auto finish = [this, path, signal, watch] {
        bus().disconnect(kService, path, kPromptInterface, signal, watch, SLOT(onCompleted(bool, QDBusVariant)));
        watch->deleteLater();
    };
    watch->completed = [finish, done, completed](bool dismissed, const QVariant &result) {
        finish();
        if (dismissed) {
            Reply reply;
            reply.outcome = Outcome::Dismissed;
            done(reply);
            return;
        }
        completed(result);
    };
    watch->abandoned = [finish, done] {
        finish();
        Reply reply;
        reply.outcome = Outcome::Failed;
        reply.error = tr("the Secret Service stopped while its prompt was open");
        done(reply);
    };
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, kPromptInterface, QStringLiteral("Prompt"));
    message << QString(); // no window to attach the prompt to: the app's logic has no widgets
    call(
        message,
        [watch, finish, done](const Reply &failure) {
            if (watch->over)
                return;
            watch->over = true;
            finish();
            done(failure);
        },
        [](const QDBusMessage &) {
            // Shown: the answer comes with Completed.
        });
}

void SecretService::write(const QString &label, const Attributes &attributes, const QByteArray &secret,
                          const Done &done)
{
    defaultCollection(done, [this, label, attributes, secret, done](const QString &collection) {
        unlock({collection}, done, [this, collection, label, attributes, secret, done] {
            createItem(collection, label, attributes, secret, true, done);
        });
    });
}

void SecretService::createItem(const QString &collection, const QString &label, const Attributes &attributes,
                               const QByteArray &secret, bool retry, const Done &done)
{
    withSession(done, [=](const QString &session, bool reused) {
        QVariantMap properties;
        properties.insert(QStringLiteral("org.freedesktop.Secret.Item.Label"), label);
        properties.insert(QStringLiteral("org.freedesktop.Secret.Item.Attributes"), QVariant::fromValue(attributes));
        SecretServiceSecret value;
        value.session = QDBusObjectPath(session);
        value.value = secret;
        value.contentType = QStringLiteral("text/plain");
        QDBusMessage message =
            QDBusMessage::createMethodCall(kService, collection, kCollectionInterface, QStringLiteral("CreateItem"));
        message << properties << QVariant::fromValue(value) << true; // replace an item with these attributes
        const auto failed = [=](const Reply &failure) {
            if (reused && retry && failure.errorName == kNoSession) {
                m_session.clear();
                createItem(collection, label, attributes, secret, false, done);
                return;
            }
            done(failure);
        };
        call(message, failed, [this, done](const QDBusMessage &reply) {
            const QList<QVariant> arguments = reply.arguments();
            const QString promptPath = arguments.size() == 2 ? pathIn(arguments.at(1)) : kNone;
            prompt(promptPath, done, [done](const QVariant &) { done(Reply()); });
        });
    });
}

void SecretService::remove(const Attributes &attributes, const Done &done)
{
    search(attributes, done, [this, done](const QStringList &unlocked, const QStringList &locked) {
        if (unlocked.isEmpty() && locked.isEmpty()) {
            Reply none;
            none.outcome = Outcome::NotFound;
            done(none);
            return;
        }
        if (locked.isEmpty()) {
            deleteItems(unlocked, done);
            return;
        }
        unlock(locked, done, [this, items = unlocked + locked, done] { deleteItems(items, done); });
    });
}

void SecretService::deleteItems(QStringList items, const Done &done)
{
    if (items.isEmpty()) {
        done(Reply());
        return;
    }
    const QString item = items.takeFirst();
    const QDBusMessage message =
        QDBusMessage::createMethodCall(kService, item, kItemInterface, QStringLiteral("Delete"));
    const auto next = [this, items, done] { deleteItems(items, done); };
    call(message, done, [this, done, next](const QDBusMessage &reply) {
        const QString promptPath = reply.arguments().isEmpty() ? kNone : pathIn(reply.arguments().first());
        prompt(promptPath, done, [next](const QVariant &) { next(); });
    });
}

#include "SecretService.moc"
