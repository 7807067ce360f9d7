#pragma once

class QString;
struct StoredSession;

// Reads the session entry for the two commands scripts call most (`status`, `token`), so that
// the launcher can answer them without loading the widgets and network stack of the full app.
// It runs the qtkeychain job Keychain runs, for the same service and key, so it finds
// what the window stored wherever qtkeychain keeps it (the Secret Service, KWallet).
//
// Only the plain case is handled: the entry is there and reads as a session. Anything else (not
// found, locked, no service, damaged) returns false, and the full app answers with its careful
// diagnosis. As every read of a locked keyring, this one may show the desktop's unlock prompt
// (storage/Keychain.h).
//
// The caller must have created a QCoreApplication (qtkeychain's jobs and libsecret's answers
// run in its event loop, which this runs until the answer is in); without one it returns false.
namespace QuickLookup {

bool readSession(const QString &storageKey, StoredSession *out);

} // namespace QuickLookup
