#pragma once

#include <QString>

// The names the session's keychain entries are filed under; shared by TokenStore (qtkeychain)
// and QuickLookup (libsecret), which must find the same entries.
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

} // namespace TokenStoreNames
