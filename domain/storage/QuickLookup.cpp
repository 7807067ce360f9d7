#include "QuickLookup.h"

#include "Keychain.h"
#include "StoredSession.h"
#include "TokenStoreNames.h"

#include <QCoreApplication>
#include <QEventLoop>

bool QuickLookup::readSession(const QString &storageKey, StoredSession *out)
{
    if (!QCoreApplication::instance())
        return false;
    Keychain keychain;
    QEventLoop loop;
    Keychain::Result read;
    bool done = false;
    keychain.read(TokenStoreNames::sessionEntryKey(storageKey), [&](const Keychain::Result &result) {
        read = result;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return read.status == Keychain::Status::Ok && StoredSession::fromJson(read.data, out);
}
