// Several accounts side by side, in-process: Accounts against the sandbox's real authorization
// server and a real (private) gnome-keyring, each test with a list of accounts of its own.

#include "KeychainAccess.h"
#include "Sandbox.h"
#include "SessionRig.h"

#include "auth/Accounts.h"
#include "auth/RefreshLock.h"
#include "storage/AccountIndex.h"
#include "storage/TokenStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// The accounts of one "process", over the test's list file.
struct Rig
{
    Rig(const Configuration &config, const QString &indexFile)
        : accounts(config, &network, nullptr, indexFile)
    { }
    NetworkAccess network;
    Accounts accounts;
};

bool loadAll(Accounts &accounts)
{
    QSignalSpy loaded(&accounts, &Accounts::loaded);
    accounts.load();
    accounts.restoreAll();
    return accounts.isLoaded() || loaded.wait(15000);
}

// Signs a new account in as `login`@example.com.
Session *addAccount(Accounts &accounts, const QString &login)
{
    Session *session = accounts.newAccount();
    return signInWithBrowser(*session, login) ? session : nullptr;
}

TokenStore::Result stored(const Configuration &config, const QString &slot)
{
    TokenStore store(config.storageKey(), slot);
    return KeychainAccess::load(store, true);
}

QStringList emails(const Accounts &accounts)
{
    QStringList result;
    for (const Session *session : accounts.sessions())
        result << accounts.entry(session).email;
    return result;
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addsAccountsSideBySide();
    void signingInAgainRenewsWithoutDuplicate();
    void removesOneAndTheOtherBecomesActive();
    void earlierVersionsSessionIsTheFirstAccount();
    void refreshesOverlapEachWithItsOwnLock();
    void oneRevokedWhileTheOtherStaysConnected();
    void twoProcessesAddingAtOnceKeepBoth();
    void followsChangesOfAnotherProcess();

private:
    std::unique_ptr<Sandbox> m_sandbox;
    Configuration m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_indexFile;
};

void TestAccounts::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_config = m_sandbox->configuration();
}

void TestAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_indexFile = m_dir->filePath(QStringLiteral("accounts.json"));
    // The slot an earlier version used is shared by every test's first account.
    TokenStore first(m_config.storageKey());
    QCOMPARE(KeychainAccess::clear(first), TokenStore::Status::Ok);
}

void TestAccounts::addsAccountsSideBySide()
{
    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    QVERIFY(rig.accounts.sessions().isEmpty());
    QCOMPARE(rig.accounts.worstState(), Session::State::SignedOut);
    QSignalSpy added(&rig.accounts, &Accounts::accountAdded);

    Session *jane = addAccount(rig.accounts, QStringLiteral("jane"));
    QVERIFY(jane);
    // The first account keeps the entries an earlier version read.
    QCOMPARE(jane->slot(), QString());
    // Signed in at once, while the new account's empty slot is still being read: the late
    // answer does not take the sign-in's state.
    Session *next = rig.accounts.newAccount();
    QCOMPARE(next->state(), Session::State::Loading);
    QSignalSpy states(next, &Session::stateChanged);
    Session *joe = addAccount(rig.accounts, QStringLiteral("joe"));
    QCOMPARE(joe, next);
    QVERIFY(!joe->slot().isEmpty());
    QCOMPARE(states.first().first().value<Session::State>(), Session::State::SigningIn);
    QCOMPARE(states.last().first().value<Session::State>(), Session::State::SignedIn);
    for (const QList<QVariant> &state : std::as_const(states))
        QVERIFY(state.first().value<Session::State>() != Session::State::SignedOut);
    QCOMPARE(added.size(), 2);
    QCOMPARE(emails(rig.accounts),
             QStringList({QStringLiteral("jane@example.com"), QStringLiteral("joe@example.com")}));
    QCOMPARE(rig.accounts.active(), joe); // signing in makes it active
    QCOMPARE(rig.accounts.worstState(), Session::State::SignedIn);

    // Each with its own tokens.
    const TokenStore::Result janes = stored(m_config, jane->slot());
    const TokenStore::Result joes = stored(m_config, joe->slot());
    QCOMPARE(janes.session.email, QStringLiteral("jane@example.com"));
    QCOMPARE(joes.session.email, QStringLiteral("joe@example.com"));
    QVERIFY(janes.session.refreshToken != joes.session.refreshToken);

    // The list names them, and holds no secret.
    QFile file(m_indexFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray list = file.readAll();
    QVERIFY(list.contains("jane@example.com"));
    QVERIFY(list.contains("joe@example.com"));
    for (const QString &secret : {janes.session.accessToken, janes.session.refreshToken, joes.session.refreshToken})
        QVERIFY(!list.contains(secret.toUtf8()));
    const AccountList read = AccountIndex(m_indexFile).read(m_config.storageKey());
    QCOMPARE(read.active, joe->slot());
    QCOMPARE(read.accounts.size(), 2);
}

void TestAccounts::signingInAgainRenewsWithoutDuplicate()
{
    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    Session *jane = addAccount(rig.accounts, QStringLiteral("jane"));
    QVERIFY(addAccount(rig.accounts, QStringLiteral("joe")));
    const QString oldSlot = jane->slot();
    const int revokedBefore = m_sandbox->log().count("grant.revoked");
    QSignalSpy removed(&rig.accounts, &Accounts::accountRemoved);

    // Jane signs in again as a new account: she replaces herself, in her place in the list.
    Session *again = addAccount(rig.accounts, QStringLiteral("JANE"));
    QVERIFY(again);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<Session *>(), jane);
    QCOMPARE(rig.accounts.sessions().size(), 2);
    QCOMPARE(rig.accounts.sessions().first(), again);
    QCOMPARE(rig.accounts.active(), again);
    // The replaced tokens are deleted from the keychain, and were not revoked: the new ones may
    // belong to the same grant, and go on working.
    QTRY_COMPARE_WITH_TIMEOUT(stored(m_config, oldSlot).status, TokenStore::Status::NotFound, 15000);
    QCOMPARE(m_sandbox->log().count("grant.revoked"), revokedBefore);
    QSignalSpy refreshed(again, &Session::refreshFinished);
    again->refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    QCOMPARE(AccountIndex(m_indexFile).read(m_config.storageKey()).accounts.size(), 2);
}

void TestAccounts::removesOneAndTheOtherBecomesActive()
{
    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    Session *jane = addAccount(rig.accounts, QStringLiteral("jane"));
    Session *joe = addAccount(rig.accounts, QStringLiteral("joe"));
    QVERIFY(jane && joe);
    const QString joeSlot = joe->slot();
    const int revokedBefore = m_sandbox->log().count("grant.revoked");
    QSignalSpy finished(&rig.accounts, &Accounts::removeFinished);
    QSignalSpy activeChanged(&rig.accounts, &Accounts::activeChanged);

    rig.accounts.remove(joe);
    QVERIFY(finished.wait(20000));
    QVERIFY(!finished.first().at(1).value<AuthError>().isError());
    QCOMPARE(rig.accounts.sessions(), QList<Session *>({jane}));
    QCOMPARE(rig.accounts.active(), jane);
    QCOMPARE(activeChanged.size(), 1);
    QCOMPARE(stored(m_config, joeSlot).status, TokenStore::Status::NotFound);
    // Signing out revoked Joe's grant, and only his.
    QCOMPARE(m_sandbox->log().count("grant.revoked"), revokedBefore + 1);
    QCOMPARE(stored(m_config, jane->slot()).status, TokenStore::Status::Ok);
    QSignalSpy refreshed(jane, &Session::refreshFinished);
    jane->refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    const AccountList read = AccountIndex(m_indexFile).read(m_config.storageKey());
    QCOMPARE(read.accounts.size(), 1);
    QCOMPARE(read.active, jane->slot());
}

void TestAccounts::earlierVersionsSessionIsTheFirstAccount()
{
    // What an earlier version left: one session under the client's key, and no list.
    {
        SessionRig earlier(m_config);
        QVERIFY(signInWithBrowser(earlier.session, QStringLiteral("ada")));
    }
    QVERIFY(!QFile::exists(m_indexFile));

    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    QCOMPARE(rig.accounts.sessions().size(), 1);
    Session *ada = rig.accounts.sessions().first();
    QCOMPARE(ada->state(), Session::State::SignedIn);
    QCOMPARE(rig.accounts.active(), ada);
    QCOMPARE(rig.accounts.displayName(ada), QStringLiteral("ada@example.com (Sandbox Webinars B.V.)"));
    // Recorded, so the command line can name it.
    const AccountList read = AccountIndex(m_indexFile).read(m_config.storageKey());
    QVERIFY(read.recorded);
    QCOMPARE(read.accounts.size(), 1);
    QCOMPARE(read.accounts.first().email, QStringLiteral("ada@example.com"));
    QCOMPARE(read.active, QString());

    // A second account goes beside it, in a slot of its own.
    Session *joe = addAccount(rig.accounts, QStringLiteral("joe"));
    QVERIFY(joe);
    QVERIFY(!joe->slot().isEmpty());
    QCOMPARE(stored(m_config, QString()).session.email, QStringLiteral("ada@example.com"));
}

void TestAccounts::refreshesOverlapEachWithItsOwnLock()
{
    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    Session *jane = addAccount(rig.accounts, QStringLiteral("jane"));
    Session *joe = addAccount(rig.accounts, QStringLiteral("joe"));
    QVERIFY(jane && joe);
    const int before = m_sandbox->grantsOf("refresh_token");

    // Another process holds Jane's refresh lock: Joe's refresh neither waits for it nor spends
    // Jane's token.
    TokenStore janeStore(m_config.storageKey(), jane->slot());
    TokenStore joeStore(m_config.storageKey(), joe->slot());
    QVERIFY(janeStore.accountKey() != joeStore.accountKey());
    RefreshLock other(janeStore.accountKey());
    bool held = false;
    other.acquire([&held] { held = true; });
    QVERIFY(held);

    QSignalSpy janeDone(jane, &Session::refreshFinished);
    QSignalSpy joeDone(joe, &Session::refreshFinished);
    jane->refresh();
    joe->refresh();
    QVERIFY(joeDone.wait(20000));
    QVERIFY(!joeDone.first().first().value<AuthError>().isError());
    QCOMPARE(janeDone.size(), 0); // still waiting for the lock
    QCOMPARE(m_sandbox->grantsOf("refresh_token"), before + 1);

    other.release();
    QVERIFY(janeDone.wait(20000));
    QVERIFY(!janeDone.first().first().value<AuthError>().isError());
    QCOMPARE(m_sandbox->grantsOf("refresh_token"), before + 2);
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(joe->state(), Session::State::SignedIn);
    // Each stored its own rotated token.
    QCOMPARE(stored(m_config, jane->slot()).session.email, QStringLiteral("jane@example.com"));
    QCOMPARE(stored(m_config, joe->slot()).session.email, QStringLiteral("joe@example.com"));
}

void TestAccounts::oneRevokedWhileTheOtherStaysConnected()
{
    Rig rig(m_config, m_indexFile);
    QVERIFY(loadAll(rig.accounts));
    Session *jane = addAccount(rig.accounts, QStringLiteral("jane"));
    Session *joe = addAccount(rig.accounts, QStringLiteral("joe"));
    QVERIFY(jane && joe);
    QCOMPARE(m_sandbox->revokeRefreshToken(stored(m_config, joe->slot()).session.refreshToken), 200);

    QSignalSpy janeDone(jane, &Session::refreshFinished);
    QSignalSpy joeDone(joe, &Session::refreshFinished);
    jane->refresh();
    joe->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(janeDone.size() + joeDone.size(), 2, 20000);
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(joe->state(), Session::State::NeedsSignIn);
    QCOMPARE(rig.accounts.worstState(), Session::State::NeedsSignIn);
    // Still listed and named, so the person knows whom to sign in again as.
    QCOMPARE(emails(rig.accounts),
             QStringList({QStringLiteral("jane@example.com"), QStringLiteral("joe@example.com")}));
    QCOMPARE(rig.accounts.displayName(joe), QStringLiteral("joe@example.com (Sandbox Webinars B.V.)"));

    // After a restart Joe is still listed, without a session, and Jane is connected.
    Rig later(m_config, m_indexFile);
    QVERIFY(loadAll(later.accounts));
    QCOMPARE(emails(later.accounts), emails(rig.accounts));
    QCOMPARE(later.accounts.sessions().at(0)->state(), Session::State::SignedIn);
    QCOMPARE(later.accounts.sessions().at(1)->state(), Session::State::SignedOut);
    QCOMPARE(later.accounts.worstState(), Session::State::SignedOut);
}

void TestAccounts::twoProcessesAddingAtOnceKeepBoth()
{
    Rig first(m_config, m_indexFile);
    QVERIFY(loadAll(first.accounts));
    QVERIFY(addAccount(first.accounts, QStringLiteral("jane")));
    // Two processes add an account at the same moment: each takes a slot of its own.
    Rig window(m_config, m_indexFile);
    Rig command(m_config, m_indexFile);
    QVERIFY(loadAll(window.accounts));
    QVERIFY(loadAll(command.accounts));
    Session *fromWindow = window.accounts.newAccount();
    Session *fromCommand = command.accounts.newAccount();
    QVERIFY(!fromWindow->slot().isEmpty());
    QVERIFY(!fromCommand->slot().isEmpty());
    QVERIFY(fromWindow->slot() != fromCommand->slot());
    QVERIFY(signInWithBrowser(*fromWindow, QStringLiteral("joe")));
    QVERIFY(signInWithBrowser(*fromCommand, QStringLiteral("ann")));
    Rig later(m_config, m_indexFile);
    QVERIFY(loadAll(later.accounts));
    QCOMPARE(emails(later.accounts),
             QStringList({QStringLiteral("jane@example.com"), QStringLiteral("joe@example.com"),
                          QStringLiteral("ann@example.com")}));
    for (Session *session : later.accounts.sessions())
        QCOMPARE(session->state(), Session::State::SignedIn);
}

void TestAccounts::followsChangesOfAnotherProcess()
{
    Rig window(m_config, m_indexFile);
    window.accounts.watchForChanges();
    QVERIFY(loadAll(window.accounts));
    QSignalSpy added(&window.accounts, &Accounts::accountAdded);
    QSignalSpy removed(&window.accounts, &Accounts::accountRemoved);
    QSignalSpy activeChanged(&window.accounts, &Accounts::activeChanged);

    // The command line signs in twice, switches, and signs one out.
    Rig command(m_config, m_indexFile);
    QVERIFY(loadAll(command.accounts));
    Session *jane = addAccount(command.accounts, QStringLiteral("jane"));
    Session *joe = addAccount(command.accounts, QStringLiteral("joe"));
    QVERIFY(jane && joe);
    QTRY_COMPARE_WITH_TIMEOUT(window.accounts.sessions().size(), 2, 10000);
    QCOMPARE(added.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(window.accounts.sessions().at(1)->state(), Session::State::SignedIn, 10000);
    QCOMPARE(window.accounts.active()->slot(), joe->slot());

    QVERIFY(command.accounts.setActive(jane));
    QTRY_COMPARE_WITH_TIMEOUT(window.accounts.active()->slot(), jane->slot(), 10000);
    QVERIFY(activeChanged.size() >= 2);

    QSignalSpy finished(&command.accounts, &Accounts::removeFinished);
    command.accounts.remove(joe);
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(window.accounts.sessions().size(), 1, 10000);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(window.accounts.sessions().first()->slot(), jane->slot());
}

QTEST_MAIN(TestAccounts)
#include "TestAccounts.moc"
