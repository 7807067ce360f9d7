// The keychain entry by entry (storage/Keychain), against a real gnome-keyring on a private bus,
// through qtkeychain and libsecret; the launcher's quick path (QuickLookup) the same way; and the
// entries the previous version wrote (its own Secret Service client) still read, replaced and
// removed.

#include "KeychainAccess.h"
#include "Sandbox.h" // waitFor()

#include "storage/Keychain.h"
#include "storage/QuickLookup.h"
#include "storage/TokenStore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {

// Runs one asynchronous Keychain call to its end.
Keychain::Result finished(const std::function<void(const Keychain::Done &)> &call)
{
    Keychain::Result result;
    result.status = Keychain::Status::Failed;
    result.detail = QStringLiteral("the test timed out");
    bool done = false;
    call([&](const Keychain::Result &r) {
        result = r;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return result;
}

Keychain::Result read(Keychain &keychain, const QString &key)
{
    return finished([&](const Keychain::Done &done) { keychain.read(key, done); });
}

Keychain::Result write(Keychain &keychain, const QString &key, const QByteArray &data)
{
    return finished([&](const Keychain::Done &done) { keychain.write(key, data, done); });
}

Keychain::Result remove(Keychain &keychain, const QString &key)
{
    return finished([&](const Keychain::Done &done) { keychain.remove(key, done); });
}

// Stores `data` as entry `key` exactly as the previous version did (its own Secret Service client):
// in the default collection, labelled by what it holds, with qtkeychain's attributes and schema,
// the data as base64 text. Through secret-tool, so that nothing of the app's own code writes it.
// Empty on success.
QString storeAsBefore(const QString &key, const QByteArray &data)
{
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (secretTool.isEmpty())
        return QStringLiteral("secret-tool is missing: install libsecret-tools (scripts/setup.sh does)");
    QProcess store;
    store.start(secretTool,
                {QStringLiteral("store"),
                 QStringLiteral("--label=%1 (%2)").arg(TokenStore::serviceName(), key.section(QLatin1Char('/'), -1)),
                 QStringLiteral("user"), key, QStringLiteral("server"), TokenStore::serviceName(),
                 QStringLiteral("type"), QStringLiteral("base64"), QStringLiteral("xdg:schema"),
                 QStringLiteral("org.qt.keychain")});
    if (!store.waitForStarted(10000))
        return store.errorString();
    store.write(data.toBase64()); // no newline: secret-tool keeps all it reads
    store.closeWriteChannel();
    if (!store.waitForFinished(15000) || store.exitStatus() != QProcess::NormalExit || store.exitCode() != 0)
        return QStringLiteral("secret-tool store failed: ") + QString::fromLocal8Bit(store.readAllStandardError());
    return QString();
}

// Unlocks the keyring when a test ends, passed or not, so the next test finds it usable.
struct UnlockAtEnd
{
    ~UnlockAtEnd() { KeychainAccess::unlockDefaultCollection(); }
};

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void writeReadRemove();
    void quickLookupFindsTheSession();
    void oneItemPerEntry();
    void entriesOfThePreviousVersion();
    void serviceRestarted();
    void lockedIsNotMissing();
};

void TestKeychain::writeReadRemove()
{
    Keychain keychain;
    const QString key = QStringLiteral("test/write-read-remove");
    // Any bytes, a zero and non-ASCII among them.
    const QByteArray data = QByteArray("tok\0en \xc3\xa9\xff", 10);
    QCOMPARE(read(keychain, key).status, Keychain::Status::NotFound);
    const Keychain::Result written = write(keychain, key, data);
    QVERIFY2(written.status == Keychain::Status::Ok, qPrintable(written.detail));
    const Keychain::Result back = read(keychain, key);
    QCOMPARE(back.status, Keychain::Status::Ok);
    QCOMPARE(back.data, data);
    // Written again: replaced.
    QCOMPARE(write(keychain, key, QByteArrayLiteral("second")).status, Keychain::Status::Ok);
    QCOMPARE(read(keychain, key).data, QByteArrayLiteral("second"));
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
    QCOMPARE(read(keychain, key).status, Keychain::Status::NotFound);
    // Nothing left to remove: not an error.
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
}

void TestKeychain::quickLookupFindsTheSession()
{
    const QString storageKey = QStringLiteral("test-client@https://auth.webinargeek.invalid");
    TokenStore store(storageKey);
    StoredSession session;
    session.accessToken = QStringLiteral("access-for-the-quick-path");
    session.refreshToken = QStringLiteral("refresh-for-the-quick-path");
    session.tokenType = QStringLiteral("Bearer");
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    session.email = QStringLiteral("jane@example.com");
    QCOMPARE(KeychainAccess::save(store, session), TokenStore::Status::Ok);

    StoredSession quick;
    QVERIFY(QuickLookup::readSession(storageKey, &quick));
    QCOMPARE(quick.accessToken, session.accessToken);
    QCOMPARE(quick.email, session.email);
    QVERIFY(quick.refreshToken.isEmpty()); // in an entry of its own, which the quick path never reads
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
    QVERIFY(!QuickLookup::readSession(storageKey, &quick));
}

void TestKeychain::oneItemPerEntry()
{
    Keychain keychain;
    const QString key = QStringLiteral("test/one-item");
    QCOMPARE(write(keychain, key, QByteArrayLiteral("one")).status, Keychain::Status::Ok);
    QCOMPARE(write(keychain, key, QByteArrayLiteral("two")).status, Keychain::Status::Ok);
    // The second write replaced the first item; qtkeychain labels it with the service name.
    QCOMPARE(KeychainAccess::itemLabels(key), QStringList {TokenStore::serviceName()});
    QCOMPARE(read(keychain, key).data, QByteArrayLiteral("two"));
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::itemLabels(key), QStringList());
}

// A person signed in with the previous version stays signed in: its entries are read as they
// are, a save replaces them rather than leaving a second item beside each, and signing out
// removes them.
void TestKeychain::entriesOfThePreviousVersion()
{
    const QString storageKey = QStringLiteral("before-client@https://auth.webinargeek.invalid");
    TokenStore store(storageKey);
    const QByteArray json = QByteArrayLiteral(
        R"({"version":1,"method":"oauth","access_token":"access-stored-before","token_type":"Bearer",)"
        R"("scope":"webinars","expires_at":"2099-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z",)"
        R"("company":"Example BV","email":"jane@example.com","renewable":true})");
    QCOMPARE(storeAsBefore(store.refreshEntryKey(), QByteArrayLiteral("refresh-stored-before")), QString());
    QCOMPARE(storeAsBefore(store.sessionEntryKey(), json), QString());
    QCOMPARE(KeychainAccess::itemLabels(store.sessionEntryKey()),
             QStringList {TokenStore::serviceName() + QStringLiteral(" (session)")});

    const TokenStore::Result loaded = KeychainAccess::load(store);
    QVERIFY2(loaded.status == TokenStore::Status::Ok, qPrintable(loaded.reason));
    QVERIFY(loaded.session.accessToken == QStringLiteral("access-stored-before"));
    QVERIFY(loaded.session.refreshToken == QStringLiteral("refresh-stored-before"));
    QCOMPARE(loaded.session.email, QStringLiteral("jane@example.com"));
    QCOMPARE(loaded.session.expiresAt, QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC));
    StoredSession quick;
    QVERIFY(QuickLookup::readSession(storageKey, &quick));
    QVERIFY(quick.accessToken == QStringLiteral("access-stored-before"));

    StoredSession renewed = loaded.session;
    renewed.accessToken = QStringLiteral("access-stored-now");
    renewed.refreshToken = QStringLiteral("refresh-stored-now");
    QCOMPARE(KeychainAccess::save(store, renewed), TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::itemLabels(store.sessionEntryKey()).size(), 1);
    QCOMPARE(KeychainAccess::itemLabels(store.refreshEntryKey()).size(), 1);
    const TokenStore::Result reloaded = KeychainAccess::load(store);
    QVERIFY(reloaded.session.accessToken == QStringLiteral("access-stored-now"));
    QVERIFY(reloaded.session.refreshToken == QStringLiteral("refresh-stored-now"));

    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::itemLabels(store.sessionEntryKey()), QStringList());
    QCOMPARE(KeychainAccess::itemLabels(store.refreshEntryKey()), QStringList());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::NotFound);
}

// libsecret keeps its connection to the Secret Service for the whole process, and the service
// forgets it when it restarts: the keychain goes on working (storage/Keychain.cpp).
void TestKeychain::serviceRestarted()
{
    KeychainAccess::SecretServiceBackAtEnd backAtEnd;
    Keychain keychain;
    const QString key = QStringLiteral("test/service-restarted");
    QCOMPARE(write(keychain, key, QByteArrayLiteral("before")).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::stopSecretService(), QString());
    QCOMPARE(KeychainAccess::startSecretService(), QString());
    backAtEnd.needed = false;
    const Keychain::Result back = read(keychain, key);
    QVERIFY2(back.status == Keychain::Status::Ok, qPrintable(back.detail));
    QCOMPARE(back.data, QByteArrayLiteral("before"));
    QCOMPARE(KeychainAccess::stopSecretService(), QString());
    QCOMPARE(KeychainAccess::startSecretService(), QString());
    const Keychain::Result written = write(keychain, key, QByteArrayLiteral("after"));
    QVERIFY2(written.status == Keychain::Status::Ok, qPrintable(written.detail));
    QCOMPARE(read(keychain, key).data, QByteArrayLiteral("after"));
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
}

void TestKeychain::lockedIsNotMissing()
{
    UnlockAtEnd unlock;
    Keychain keychain;
    const QString stored = QStringLiteral("test/locked-away");
    QCOMPARE(write(keychain, stored, QByteArrayLiteral("kept")).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    // Reading asks to unlock the keyring. With no display (tests/integration/CMakeLists.txt),
    // gnome-keyring's prompter cannot show itself and the prompt completes as dismissed: an
    // entry that is there reads as locked, not as missing. One never written is missing.
    QCOMPARE(read(keychain, stored).status, Keychain::Status::Locked);
    QCOMPARE(read(keychain, QStringLiteral("test/never-written")).status, Keychain::Status::NotFound);
    // Writing asks too, and is refused.
    const Keychain::Result written = write(keychain, QStringLiteral("test/while-locked"), QByteArrayLiteral("x"));
    QCOMPARE(written.status, Keychain::Status::Denied);
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    QCOMPARE(read(keychain, stored).data, QByteArrayLiteral("kept"));
    QCOMPARE(read(keychain, QStringLiteral("test/while-locked")).status, Keychain::Status::NotFound);
    QCOMPARE(remove(keychain, stored).status, Keychain::Status::Ok);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
