// The keychain entry by entry (storage/Keychain), against a real gnome-keyring on a private bus:
// the Secret Service spoken to over Qt D-Bus, in the format qtkeychain and the launcher's quick
// path read too.

#include "KeychainAccess.h"
#include "Sandbox.h" // waitFor()

#include "storage/Keychain.h"
#include "storage/QuickLookup.h"
#include "storage/TokenStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
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

// Every session the Secret Service has open, ours among them, as a restart of the service
// would end them.
int closeEverySession()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const QString parent = QStringLiteral("/org/freedesktop/secrets/session");
    QDBusMessage introspect = QDBusMessage::createMethodCall(
        service, parent, QStringLiteral("org.freedesktop.DBus.Introspectable"), QStringLiteral("Introspect"));
    const QDBusMessage xml = bus.call(introspect, QDBus::Block, 10000);
    if (xml.type() != QDBusMessage::ReplyMessage || xml.arguments().isEmpty())
        return -1;
    const QString text = xml.arguments().first().toString();
    int closed = 0;
    const QString marker = QStringLiteral("<node name=\"");
    for (int at = int(text.indexOf(marker)); at >= 0; at = int(text.indexOf(marker, at + 1))) {
        const int start = at + int(marker.size());
        const QString name = text.mid(start, text.indexOf(QLatin1Char('"'), start) - start);
        QDBusMessage close =
            QDBusMessage::createMethodCall(service, parent + QLatin1Char('/') + name,
                                           QStringLiteral("org.freedesktop.Secret.Session"), QStringLiteral("Close"));
        if (bus.call(close, QDBus::Block, 10000).type() == QDBusMessage::ReplyMessage)
            ++closed;
    }
    return closed;
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
    void sharedWithQtKeychain();
    void quickLookupFindsTheSession();
    void oneLabelledItemPerEntry();
    void newSessionWhenTheServiceEndedOurs();
    void qtKeychainOnKde();
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
    QCOMPARE(remove(keychain, key).status, Keychain::Status::NotFound);
}

void TestKeychain::sharedWithQtKeychain()
{
    Keychain keychain;
    const QString ours = QStringLiteral("test/written-here");
    QCOMPARE(write(keychain, ours, QByteArrayLiteral("from Keychain")).status, Keychain::Status::Ok);
    bool found = false;
    QCOMPARE(KeychainAccess::readRaw(ours, &found), QByteArrayLiteral("from Keychain"));
    QVERIFY(found);

    const QString theirs = QStringLiteral("test/written-by-qtkeychain");
    QVERIFY(KeychainAccess::writeRaw(theirs, QByteArrayLiteral("from qtkeychain")));
    const Keychain::Result back = read(keychain, theirs);
    QCOMPARE(back.status, Keychain::Status::Ok);
    QCOMPARE(back.data, QByteArrayLiteral("from qtkeychain"));
    // Written again here: the same entry, not a second one beside it.
    QCOMPARE(write(keychain, theirs, QByteArrayLiteral("replaced")).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::itemLabels(theirs).size(), 1);
    QCOMPARE(KeychainAccess::readRaw(theirs, &found), QByteArrayLiteral("replaced"));
    // Removed here, gone for qtkeychain too.
    QCOMPARE(remove(keychain, theirs).status, Keychain::Status::Ok);
    KeychainAccess::readRaw(theirs, &found);
    QVERIFY(!found);
    QCOMPARE(remove(keychain, ours).status, Keychain::Status::Ok);
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

void TestKeychain::oneLabelledItemPerEntry()
{
    Keychain keychain;
    const QString key = QStringLiteral("test/labelled");
    QCOMPARE(write(keychain, key, QByteArrayLiteral("one")).status, Keychain::Status::Ok);
    QCOMPARE(write(keychain, key, QByteArrayLiteral("two")).status, Keychain::Status::Ok);
    // The Secret Service itself was spoken to (qtkeychain labels every entry with the service
    // name alone), and the second write replaced the first item.
    QCOMPARE(KeychainAccess::itemLabels(key), QStringList {QStringLiteral("WebinarGeek Connect (labelled)")});
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::itemLabels(key), QStringList());
}

void TestKeychain::newSessionWhenTheServiceEndedOurs()
{
    Keychain keychain;
    const QString key = QStringLiteral("test/session-ended");
    QCOMPARE(write(keychain, key, QByteArrayLiteral("before")).status, Keychain::Status::Ok);
    QVERIFY(closeEverySession() >= 1);
    const Keychain::Result back = read(keychain, key);
    QVERIFY2(back.status == Keychain::Status::Ok, qPrintable(back.detail));
    QCOMPARE(back.data, QByteArrayLiteral("before"));
    QVERIFY(closeEverySession() >= 1);
    QCOMPARE(write(keychain, key, QByteArrayLiteral("after")).status, Keychain::Status::Ok);
    QCOMPARE(read(keychain, key).data, QByteArrayLiteral("after"));
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
}

void TestKeychain::qtKeychainOnKde()
{
    // As on a Plasma desktop (without kwalletd here, qtkeychain itself goes on to libsecret).
    qputenv("XDG_CURRENT_DESKTOP", "KDE");
    qputenv("KDE_SESSION_VERSION", "5");
    Keychain keychain;
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("KDE_SESSION_VERSION");
    const QString key = QStringLiteral("test/kde");
    const Keychain::Result written = write(keychain, key, QByteArrayLiteral("through qtkeychain"));
    QVERIFY2(written.status == Keychain::Status::Ok, qPrintable(written.detail));
    // qtkeychain's label, not ours: it was qtkeychain that wrote.
    QCOMPARE(KeychainAccess::itemLabels(key), QStringList {TokenStore::serviceName()});
    QCOMPARE(read(keychain, key).data, QByteArrayLiteral("through qtkeychain"));
    Keychain elsewhere;
    QCOMPARE(read(elsewhere, key).data, QByteArrayLiteral("through qtkeychain"));
    QCOMPARE(remove(keychain, key).status, Keychain::Status::Ok);
    QCOMPARE(read(elsewhere, key).status, Keychain::Status::NotFound);
}

void TestKeychain::lockedIsNotMissing()
{
    UnlockAtEnd unlock;
    Keychain keychain;
    const QString stored = QStringLiteral("test/locked-away");
    QCOMPARE(write(keychain, stored, QByteArrayLiteral("kept")).status, Keychain::Status::Ok);
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    // Reading never prompts: locked, both for an entry that is there and for one that is not.
    QCOMPARE(read(keychain, stored).status, Keychain::Status::Locked);
    QCOMPARE(read(keychain, QStringLiteral("test/never-written")).status, Keychain::Status::Locked);
    // Writing asks the desktop to unlock the keyring. With no display (tests/CMakeLists.txt),
    // gnome-keyring's prompter cannot show itself and the prompt completes as dismissed.
    const Keychain::Result written = write(keychain, QStringLiteral("test/while-locked"), QByteArrayLiteral("x"));
    QCOMPARE(written.status, Keychain::Status::Denied);
    QCOMPARE(written.detail, QStringLiteral("the keychain's prompt was dismissed"));
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    QCOMPARE(read(keychain, stored).data, QByteArrayLiteral("kept"));
    QCOMPARE(read(keychain, QStringLiteral("test/while-locked")).status, Keychain::Status::NotFound);
    QCOMPARE(remove(keychain, stored).status, Keychain::Status::Ok);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
