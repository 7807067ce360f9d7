#include "Keychain.h"

#include "StorageLog.h"
#include "TokenStoreNames.h"

#include <qt6keychain/keychain.h>

#ifdef Q_OS_LINUX
#include "SecretService.h"

#include <QDBusConnection>
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
    case QKeychain::AccessDenied:
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

#ifdef Q_OS_LINUX
// The attributes qtkeychain finds a binary entry by.
SecretService::Attributes attributesOf(const QString &key)
{
    return {{QStringLiteral("user"), key},
            {QStringLiteral("server"), TokenStoreNames::serviceName()},
            {QStringLiteral("type"), QStringLiteral("base64")}};
}

// The attributes it stores one with: libsecret adds its schema's name. Stored with the same set,
// an entry is the same item whichever of the two wrote it, and a write replaces it (the Secret
// Service specification replaces items with the same attributes).
SecretService::Attributes storedAttributesOf(const QString &key)
{
    SecretService::Attributes attributes = attributesOf(key);
    attributes.insert(QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain"));
    return attributes;
}

Keychain::Result fromSecretService(const SecretService::Reply &reply)
{
    Keychain::Result result;
    result.detail = reply.error;
    switch (reply.outcome) {
    case SecretService::Outcome::Ok:
        // Binary entries are stored as base64 text, as qtkeychain stores them.
        result.data = QByteArray::fromBase64(reply.secret);
        break;
    case SecretService::Outcome::NotFound:
        result.status = Keychain::Status::NotFound;
        break;
    case SecretService::Outcome::Locked:
        result.status = Keychain::Status::Locked;
        break;
    case SecretService::Outcome::Dismissed:
        result.status = Keychain::Status::Denied;
        result.detail = Keychain::tr("the keychain's prompt was dismissed");
        break;
    case SecretService::Outcome::NoBus:
        result.status = Keychain::Status::NoBus;
        break;
    case SecretService::Outcome::NotProvided:
        result.status = Keychain::Status::NoService;
        break;
    case SecretService::Outcome::Failed:
        result.status = Keychain::Status::Failed;
        break;
    }
    return result;
}

// Hands the Secret Service's answer on; when nothing provides one, qtkeychain may find another
// keychain (KWallet), so `withQtKeychain` runs instead.
SecretService::Done answerOr(const std::function<void()> &withQtKeychain, const Keychain::Done &done)
{
    return [withQtKeychain, done](const SecretService::Reply &reply) {
        if (reply.outcome == SecretService::Outcome::NotProvided)
            withQtKeychain();
        else
            done(fromSecretService(reply));
    };
}

// qtkeychain keeps its entries in KWallet itself on a KDE desktop, where a Secret Service (KWallet's
// own, or GNOME Keyring started on demand) would not find them. There the choice stays
// qtkeychain's; the desktop is recognised as qtkeychain recognises it.
bool onKdeDesktop()
{
    const QString current = qEnvironmentVariable("XDG_CURRENT_DESKTOP");
    if (!current.isEmpty())
        return current.split(QLatin1Char(':')).contains(QLatin1String("KDE"), Qt::CaseInsensitive);
    const QString session = qEnvironmentVariable("DESKTOP_SESSION");
    return session == QLatin1String("kde") || session == QLatin1String("kde4")
        || (session.isEmpty() && !qEnvironmentVariableIsEmpty("KDE_FULL_SESSION"));
}
#endif

} // namespace

Keychain::Keychain(QObject *parent)
    : QObject(parent)
#ifdef Q_OS_LINUX
    , m_secretService(onKdeDesktop() ? nullptr : new SecretService(this))
#endif
{ }

Keychain::~Keychain() = default;

void Keychain::read(const QString &key, const Done &done)
{
    const auto withQtKeychain = [this, key, done] { readWithQtKeychain(key, done); };
#ifdef Q_OS_LINUX
    if (m_secretService) {
        m_secretService->read(attributesOf(key), answerOr(withQtKeychain, done));
        return;
    }
#endif
    withQtKeychain();
}

void Keychain::write(const QString &key, const QByteArray &data, const Done &done)
{
    const auto withQtKeychain = [this, key, data, done] { writeWithQtKeychain(key, data, done); };
#ifdef Q_OS_LINUX
    if (m_secretService) {
        // Labelled by what it holds ("session", "refresh_token", "client_secret"), for the
        // keyring's manager. No slash: KWallet's Secret Service reads one as folder/name.
        const QString label =
            QStringLiteral("%1 (%2)").arg(TokenStoreNames::serviceName(), key.section(QLatin1Char('/'), -1));
        m_secretService->write(label, storedAttributesOf(key), data.toBase64(), answerOr(withQtKeychain, done));
        return;
    }
#endif
    withQtKeychain();
}

void Keychain::remove(const QString &key, const Done &done)
{
    const auto withQtKeychain = [this, key, done] { removeWithQtKeychain(key, done); };
#ifdef Q_OS_LINUX
    if (m_secretService) {
        m_secretService->remove(attributesOf(key), answerOr(withQtKeychain, done));
        return;
    }
#endif
    withQtKeychain();
}

void Keychain::readWithQtKeychain(const QString &key, const Done &done)
{
    auto *job = new QKeychain::ReadPasswordJob(TokenStoreNames::serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        if (job->error() != QKeychain::NoError) {
            done(failed(job));
            return;
        }
        Result result;
        result.data = job->binaryData();
        done(result);
    });
    job->start();
}

void Keychain::writeWithQtKeychain(const QString &key, const QByteArray &data, const Done &done)
{
    auto *job = new QKeychain::WritePasswordJob(TokenStoreNames::serviceName(), this);
    job->setKey(key);
    job->setBinaryData(data);
    connect(job, &QKeychain::Job::finished, this,
            [job, done] { done(job->error() == QKeychain::NoError ? Result() : failed(job)); });
    job->start();
}

void Keychain::removeWithQtKeychain(const QString &key, const Done &done)
{
    auto *job = new QKeychain::DeletePasswordJob(TokenStoreNames::serviceName(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [job, done] { done(job->error() == QKeychain::NoError ? Result() : failed(job)); });
    job->start();
}
