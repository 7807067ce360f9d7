// The keychain's main entry, read back by StoredSession::fromJson. Another program with access
// to the user's keychain can write it, so it is outside input too. What fromJson accepts must
// survive toJson and fromJson again.
#include "QuietMessages.h"
#include "storage/StoredSession.h"

#include <QByteArray>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    installQuietMessageHandler();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return -1;
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    StoredSession session;
    if (!StoredSession::fromJson(json, &session))
        return 0;
    FUZZ_CHECK(!session.isEmpty());

    StoredSession again;
    FUZZ_CHECK(StoredSession::fromJson(session.toJson(), &again));
    // A lone surrogate does not survive UTF-8; everything else must come back as it was.
    if (session.accessToken.isValidUtf16())
        FUZZ_CHECK(again.accessToken == session.accessToken);
    return 0;
}
