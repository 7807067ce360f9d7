#pragma once

#include <QString>

// The names the session's keychain entries are filed under; TokenStore and QuickLookup both
// read them through Keychain.
namespace TokenStoreNames {

inline QString serviceName()
{
    return QStringLiteral("WebinarGeek Connect");
}
inline QString sessionEntryKey(const QString &storageKey)
{
    return storageKey + QStringLiteral("/session");
}
inline QString refreshEntryKey(const QString &storageKey)
{
    return storageKey + QStringLiteral("/refresh_token");
}
// The client secret of a confidential client, per client id and token endpoint origin: a secret
// typed for one server is never sent to another.
inline QString clientSecretEntryKey(const QString &storageKey)
{
    return storageKey + QStringLiteral("/client_secret");
}

} // namespace TokenStoreNames
