#include "StoredSession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

QString StoredSession::backendName()
{
#if defined(Q_OS_WIN)
    return QCoreApplication::translate("StoredSession", "Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return QCoreApplication::translate("StoredSession", "macOS Keychain");
#else
    return QCoreApplication::translate("StoredSession", "Secret Service (system keychain)");
#endif
}

bool StoredSession::isFreshAt(const QDateTime &now) const
{
    if (isApiKey() || !expiresAt.isValid())
        return true;
    const qint64 lifetime = updatedAt.isValid() ? updatedAt.secsTo(expiresAt) : 0;
    const qint64 margin = lifetime > 0 ? std::min<qint64>(kMinimumTokenLifetime, lifetime / 2) : kMinimumTokenLifetime;
    return now.secsTo(expiresAt) > margin;
}

QByteArray StoredSession::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("version"), 1);
    object.insert(QLatin1String("method"), method);
    object.insert(QLatin1String("access_token"), accessToken);
    object.insert(QLatin1String("token_type"), tokenType);
    object.insert(QLatin1String("scope"), scope);
    object.insert(QLatin1String("expires_at"), isoOrEmpty(expiresAt));
    object.insert(QLatin1String("updated_at"), isoOrEmpty(updatedAt));
    object.insert(QLatin1String("company"), company);
    object.insert(QLatin1String("email"), email);
    if (rejected)
        object.insert(QLatin1String("rejected"), true);
    if (!isApiKey())
        object.insert(QLatin1String("renewable"), renewable);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool StoredSession::fromJson(const QByteArray &json, StoredSession *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    if (object.value(QLatin1String("version")).toInt() != 1)
        return false;
    const QString accessToken = object.value(QLatin1String("access_token")).toString();
    if (accessToken.isEmpty())
        return false;
    StoredSession session;
    session.method = object.value(QLatin1String("method")).toString(QStringLiteral("oauth"));
    session.accessToken = accessToken;
    session.tokenType = object.value(QLatin1String("token_type")).toString();
    session.scope = object.value(QLatin1String("scope")).toString();
    session.expiresAt = QDateTime::fromString(object.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    session.updatedAt = QDateTime::fromString(object.value(QLatin1String("updated_at")).toString(), Qt::ISODate);
    session.company = object.value(QLatin1String("company")).toString();
    session.email = object.value(QLatin1String("email")).toString();
    session.rejected = object.value(QLatin1String("rejected")).toBool();
    session.renewable = object.value(QLatin1String("renewable")).toBool(true);
    session.renewableRecorded = session.isApiKey() || object.contains(QLatin1String("renewable"));
    *out = session;
    return true;
}
