#pragma once

class QString;
struct StoredSession;

// Reads the session entry straight from the Secret Service with libsecret, for the two commands
// scripts call most (`status`, `token`): they then load Qt Core and libsecret only, not the
// widgets and network stack of the full app, and start about as fast as `secret-tool lookup`.
//
// Only the plain case is handled: the entry is there and reads as a session. Anything else (not
// found, locked, no service, damaged) returns false, and the full app answers with its careful
// diagnosis. The entry is the one TokenStore writes, in qtkeychain's format (storage/Keychain.h:
// schema org.qt.keychain, attributes user/server/type, binary data as base64).
namespace QuickLookup {

bool readSession(const QString &storageKey, StoredSession *out);

} // namespace QuickLookup
