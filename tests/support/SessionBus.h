#pragma once

#include "storage/TokenStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QFileInfo>
#include <QMap>
#include <QStringList>

// Who is on a test's private session bus, and what the Secret Service on it holds for the app.
// Every question goes to the bus itself or to a name's current owner, so none of them starts a
// service through D-Bus activation. Needs `LIBS Qt6::DBus`.
namespace SessionBus {

// The process that owns `name` on the session bus, or 0 when nobody does.
inline uint ownerPid(const QString &name)
{
    QDBusMessage ask = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetConnectionUnixProcessID"));
    ask << name;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(ask, QDBus::Block, 5000);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        ? reply.arguments().first().toUInt()
        : 0;
}

// The file name of the program process `pid` runs ("keepassxc", "gnome-keyring-daemon"), or
// empty when it is gone.
inline QString programOf(uint pid)
{
    if (pid == 0)
        return QString();
    return QFileInfo(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget()).fileName();
}

// The programs connected to the session bus now, one entry per connection.
inline QStringList peerPrograms()
{
    QDBusMessage list =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                       QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListNames"));
    const QDBusMessage reply = QDBusConnection::sessionBus().call(list, QDBus::Block, 5000);
    QStringList programs;
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return programs;
    for (const QString &name : reply.arguments().first().toStringList()) {
        if (name.startsWith(QLatin1Char(':')))
            programs << programOf(ownerPid(name));
    }
    return programs;
}

// The Secret Service items filed under the app's service name (attribute server), locked or not,
// by object path. Empty when there are none or no Secret Service runs.
inline QStringList appItems()
{
    const QString service = QStringLiteral("org.freedesktop.secrets");
    if (ownerPid(service) == 0)
        return {};
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QDBusMessage search =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    search << QVariant::fromValue(QMap<QString, QString> {{QStringLiteral("server"), TokenStore::serviceName()}});
    const QDBusMessage found = QDBusConnection::sessionBus().call(search, QDBus::Block, 10000);
    QStringList paths;
    if (found.type() != QDBusMessage::ReplyMessage || found.arguments().size() != 2)
        return paths;
    for (int i = 0; i < 2; ++i) {
        for (const QDBusObjectPath &path : qdbus_cast<QList<QDBusObjectPath>>(found.arguments().at(i)))
            paths << path.path();
    }
    return paths;
}

} // namespace SessionBus
