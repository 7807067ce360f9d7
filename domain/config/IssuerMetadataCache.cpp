#include "IssuerMetadataCache.h"

#include "ConfigLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

const QLatin1String kIssuer("issuer");
const QLatin1String kSource("source");
const QLatin1String kFetchedAt("fetched_at");
const QLatin1String kDocument("metadata");

// Far more than any server's metadata; a bigger file is not ours.
constexpr qint64 kMaxFileBytes = 1024 * 1024;

QJsonObject readObject(const QString &fileName)
{
    QFile file(fileName);
    if (!QFileInfo(fileName).isFile() || file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeObject(const QString &fileName, const QJsonObject &object)
{
    QDir().mkpath(QFileInfo(fileName).absolutePath());
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit()) {
        qCWarning(lcConfig) << "The issuer's metadata could not be cached in" << fileName << file.errorString();
        return false;
    }
    return true;
}

} // namespace

IssuerMetadataCache::IssuerMetadataCache(const QString &fileName)
    : m_fileName(fileName)
{ }

QString IssuerMetadataCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QLatin1String("/WebinarGeek/issuer-metadata.json");
}

IssuerMetadata IssuerMetadataCache::read(const QUrl &issuer) const
{
    const QJsonObject object = readObject(m_fileName);
    if (object.value(kIssuer).toString() != issuer.toString())
        return IssuerMetadata();
    const QUrl source(object.value(kSource).toString(), QUrl::StrictMode);
    // The address it was read from passes the https rule too, as it did when it was fetched.
    if (!IssuerMetadata::wellKnownUrls(issuer).contains(source))
        return IssuerMetadata();
    IssuerMetadata::Parsed parsed = IssuerMetadata::parse(
        QJsonDocument(object.value(kDocument).toObject()).toJson(QJsonDocument::Compact), issuer, source);
    if (!parsed.problem.isEmpty()) {
        qCInfo(lcConfig).noquote() << "The cached issuer metadata is not used:" << parsed.problem;
        return IssuerMetadata();
    }
    parsed.metadata.fetchedAt = QDateTime::fromString(object.value(kFetchedAt).toString(), Qt::ISODate);
    return parsed.metadata;
}

bool IssuerMetadataCache::write(const IssuerMetadata &metadata) const
{
    QJsonObject object;
    object.insert(kIssuer, metadata.issuer.toString());
    object.insert(kSource, metadata.source.toString());
    object.insert(kFetchedAt, metadata.fetchedAt.toUTC().toString(Qt::ISODate));
    object.insert(kDocument, QJsonDocument::fromJson(metadata.document).object());
    return writeObject(m_fileName, object);
}

bool IssuerMetadataCache::markStale(const QUrl &issuer) const
{
    QJsonObject object = readObject(m_fileName);
    // Another issuer's copy says nothing about this issuer's endpoints.
    if (object.isEmpty() || object.value(kIssuer).toString() != issuer.toString())
        return false;
    object.remove(kFetchedAt); // no time of fetch: stale
    if (!writeObject(m_fileName, object))
        return false;
    qCInfo(lcConfig) << "The issuer's metadata is read again";
    return true;
}
