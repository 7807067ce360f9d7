#include "QuickLookup.h"

#include "StoredSession.h"
#include "TokenStoreNames.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>

bool QuickLookup::readSession(const QString &storageKey, StoredSession *out)
{
    if (!QCoreApplication::instance())
        return false;
    // A bare job, not Keychain: whatever goes wrong is handed to the full app, which reads again
    // and tells a locked keyring from a missing entry. Keychain's watch on the Secret Service
    // would connect Qt D-Bus to the bus, a fifth of this command's time, for nothing here.
    QKeychain::ReadPasswordJob job(TokenStoreNames::serviceName());
    job.setAutoDelete(false);
    job.setKey(TokenStoreNames::sessionEntryKey(storageKey));
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(); // the job answers from the event loop, never from start()
    return job.error() == QKeychain::NoError && StoredSession::fromJson(job.binaryData(), out);
}
