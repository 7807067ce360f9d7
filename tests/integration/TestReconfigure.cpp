// Settings changed while running: Session::reconfigure() against two sandboxes and a real
// (private) keychain, and the client secret read from the keychain at start-up by the window's
// and the command line's shared resolveConfiguration().

#include "FakeClock.h"
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "SessionRig.h"

#include "api/NetworkAccess.h"
#include "api/WebinarGeekClient.h"
#include "auth/RefreshScheduler.h"
#include "auth/ResolveConfiguration.h"
#include "auth/Session.h"
#include "config/Preferences.h"
#include "desktop/AutostartEntry.h"
#include "desktop/SettingsChange.h"
#include "storage/TokenStore.h"
#include "storage/TokenStoreNames.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

// Unlocks the keyring when a test ends, passed or not, so the next test finds it usable.
struct UnlockAtEnd
{
    ~UnlockAtEnd() { KeychainAccess::unlockDefaultCollection(); }
};

bool restore(Session &session)
{
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    return waitFor([&restored] { return restored.size() == 1; }, 15000);
}

// Reconfigures and waits until the session stored for `config` is restored.
bool reconfigure(Session &session, const Configuration &config)
{
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.reconfigure(config);
    return waitFor([&restored] { return restored.size() == 1; }, 20000);
}

TokenStore::SecretResult saveSecret(const Configuration &config, const QString &secret)
{
    TokenStore store(config.storageKey());
    TokenStore::SecretResult result;
    result.status = TokenStore::Status::Unavailable;
    bool done = false;
    store.saveClientSecret(secret, [&](const TokenStore::SecretResult &r) {
        result = r;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return result;
}

Configuration resolve(const Preferences &preferences, QString *problem = nullptr)
{
    Configuration config;
    bool done = false;
    QObject context;
    resolveConfiguration(preferences, &context, [&](const Configuration &c, const QString &p) {
        config = c;
        if (problem)
            *problem = p;
        done = true;
    });
    waitFor([&done] { return done; }, 15000);
    return config;
}

} // namespace

class TestReconfigure : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void switchesSessions();
    void cancelsSignInInFlight();
    void refreshInFlightFinishesUnderTheOldKey();
    void clientSecretEntry();
    void confidentialClientWithSecretFromKeychain();
    void secretNotReadWithoutTheFlag();
    void commandLineLoginWithSecretFromKeychain();
    void lockAndUnlock();
    void secretReadAgainBeforeRefresh();
    void secretReadAgainBeforeSignIn();
    void savedAlthoughTheSecretCannotBeRead();
    void restoreRetriedUntilUnlocked();
    void signInRefusedWhileSwitching();

private:
    // The sandbox's settings in the environment, without the client secret.
    QProcessEnvironment environmentWithoutSecret() const;

    std::unique_ptr<Sandbox> m_first;
    std::unique_ptr<Sandbox> m_second;
};

void TestReconfigure::initTestCase()
{
    m_first = std::make_unique<Sandbox>();
    QVERIFY2(m_first->start(), qPrintable(m_first->errorString()));
    m_second = std::make_unique<Sandbox>();
    QVERIFY2(m_second->start(), qPrintable(m_second->errorString()));
    QVERIFY(m_first->configuration().storageKey() != m_second->configuration().storageKey());
}

void TestReconfigure::init()
{
    for (Sandbox *sandbox : {m_first.get(), m_second.get()}) {
        for (const auto client : {Sandbox::Client::Public, Sandbox::Client::Confidential}) {
            TokenStore store(sandbox->configuration(client).storageKey());
            QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
            bool done = false;
            store.clearClientSecret([&done](const TokenStore::SecretResult &) { done = true; });
            QVERIFY(waitFor([&done] { return done; }, 10000));
        }
    }
    QFile::remove(ConfigurationLoader::defaultSettingsPath());
}

QProcessEnvironment TestReconfigure::environmentWithoutSecret() const
{
    QProcessEnvironment env = m_first->environment(Sandbox::Client::Confidential);
    env.remove(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"));
    return env;
}

void TestReconfigure::switchesSessions()
{
    const Configuration first = m_first->configuration();
    const Configuration second = m_second->configuration();
    SessionRig rig(first);
    QVERIFY(restore(rig.session));
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QVERIFY(signInWithBrowser(rig.session));
    const QString firstToken = rig.session.stored().accessToken;
    QCOMPARE(m_first->accountStatus(firstToken), 200);

    QSignalSpy reconfigured(&rig.session, &Session::reconfigured);
    QVERIFY(reconfigure(rig.session, second));
    QCOMPARE(reconfigured.size(), 1);
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QVERIFY(rig.session.stored().isEmpty());
    QCOMPARE(rig.session.configuration().tokenUrl, second.tokenUrl);
    QCOMPARE(rig.store.key(), second.storageKey());

    QVERIFY(signInWithBrowser(rig.session));
    const QString secondToken = rig.session.stored().accessToken;
    QCOMPARE(m_second->accountStatus(secondToken), 200);
    QCOMPARE(m_first->accountStatus(secondToken), 401); // a token of the other server
    // The API client follows: the account comes from the second sandbox.
    bool fetched = false;
    ApiError apiError;
    rig.session.api()->fetchAccount([&](const Account &, const ApiError &e) {
        apiError = e;
        fetched = true;
    });
    QVERIFY(waitFor([&fetched] { return fetched; }, 10000));
    QVERIFY2(!apiError.isError(), qPrintable(apiError.message()));

    // Back to the first: its session was kept, and comes back.
    QVERIFY(reconfigure(rig.session, first));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(rig.session.stored().accessToken, firstToken);
    QCOMPARE(rig.session.stored().email, QStringLiteral("jane@example.com"));
    TokenStore secondStore(second.storageKey());
    QCOMPARE(KeychainAccess::load(secondStore).session.accessToken, secondToken);
}

void TestReconfigure::cancelsSignInInFlight()
{
    SessionRig rig(m_first->configuration());
    QVERIFY(restore(rig.session));
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QVERIFY(waitFor([&urlSpy] { return urlSpy.size() == 1; }, 5000));
    const QUrl url = urlSpy.first().first().toUrl();
    QVERIFY(reconfigure(rig.session, m_second->configuration()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::Cancelled);
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QCOMPARE(rig.session.configuration().tokenUrl, m_second->configuration().tokenUrl);
    // The cancelled attempt's listener is gone: the browser cannot finish it.
    QVERIFY(Sandbox::runBrowser(url).exitCode != 0);
    QVERIFY(rig.session.stored().isEmpty());
    TokenStore firstStore(m_first->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(firstStore).status, TokenStore::Status::NotFound);
}

void TestReconfigure::refreshInFlightFinishesUnderTheOldKey()
{
    const Configuration first = m_first->configuration();
    SessionRig rig(first);
    QVERIFY(restore(rig.session));
    QVERIFY(signInWithBrowser(rig.session));
    TokenStore firstStore(first.storageKey());
    const QString refreshBefore = KeychainAccess::load(firstStore).session.refreshToken;
    QVERIFY(!refreshBefore.isEmpty());

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    QSignalSpy restored(&rig.session, &Session::restoreFinished);
    rig.session.refresh();
    QCOMPARE(rig.session.state(), Session::State::Refreshing);
    rig.session.reconfigure(m_second->configuration());
    // Still the first configuration while the refresh runs.
    QCOMPARE(rig.session.configuration().tokenUrl, first.tokenUrl);
    QVERIFY(waitFor([&restored] { return restored.size() == 1; }, 20000));
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    // The rotated refresh token went where it belongs, and nothing went to the second server's entry.
    const TokenStore::Result afterRefresh = KeychainAccess::load(firstStore);
    QCOMPARE(afterRefresh.status, TokenStore::Status::Ok);
    QVERIFY(afterRefresh.session.refreshToken != refreshBefore);
    TokenStore secondStore(m_second->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(secondStore).status, TokenStore::Status::NotFound);
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
}

void TestReconfigure::clientSecretEntry()
{
    const Configuration config = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(config, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    bool found = false;
    const QByteArray raw = KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(config.storageKey()), &found);
    QVERIFY(found);
    QCOMPARE(raw, Sandbox::clientSecret().toUtf8());
    // Another client at the same server, or the same client at another server, does not see it.
    TokenStore other(m_second->configuration(Sandbox::Client::Confidential).storageKey());
    TokenStore::SecretResult result;
    bool done = false;
    other.loadClientSecret([&](const TokenStore::SecretResult &r) {
        result = r;
        done = true;
    });
    QVERIFY(waitFor([&done] { return done; }, 10000));
    QCOMPARE(result.status, TokenStore::Status::NotFound);
    // Signing out does not take the client secret with it.
    TokenStore store(config.storageKey());
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
    KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(config.storageKey()), &found);
    QVERIFY(found);
    done = false;
    store.clearClientSecret([&](const TokenStore::SecretResult &r) {
        result = r;
        done = true;
    });
    QVERIFY(waitFor([&done] { return done; }, 10000));
    QCOMPARE(result.status, TokenStore::Status::Ok);
    KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(config.storageKey()), &found);
    QVERIFY(!found);
}

void TestReconfigure::confidentialClientWithSecretFromKeychain()
{
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    Preferences preferences(ConfigurationLoader::defaultSettingsPath(), environmentWithoutSecret());
    preferences.setClientSecretStored(true);
    QVERIFY(preferences.save());
    QVERIFY(preferences.configuration().clientSecret.isEmpty());

    QString problem;
    const Configuration config = resolve(preferences, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(config.clientSecret, Sandbox::clientSecret());
    QCOMPARE(config.clientId, confidential.clientId);

    // A running session switched to the confidential client signs in with that secret.
    SessionRig rig(m_first->configuration());
    QVERIFY(restore(rig.session));
    QVERIFY(reconfigure(rig.session, config));
    QVERIFY(signInWithBrowser(rig.session));
    QCOMPARE(m_first->accountStatus(rig.session.stored().accessToken), 200);

    // The environment's secret wins over the keychain's.
    QProcessEnvironment env = environmentWithoutSecret();
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), QStringLiteral("from-the-environment"));
    QCOMPARE(resolve(Preferences(ConfigurationLoader::defaultSettingsPath(), env)).clientSecret,
             QStringLiteral("from-the-environment"));
    // Nothing of the secret in the settings file.
    QFile file(ConfigurationLoader::defaultSettingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(Sandbox::clientSecret().toUtf8()));
}

void TestReconfigure::secretNotReadWithoutTheFlag()
{
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    Preferences preferences(ConfigurationLoader::defaultSettingsPath(), environmentWithoutSecret());
    QVERIFY(!preferences.clientSecretStored());
    // Answered at once, without a keychain round trip.
    bool done = false;
    Configuration config;
    QObject context;
    resolveConfiguration(preferences, &context, [&](const Configuration &c, const QString &) {
        config = c;
        done = true;
    });
    QVERIFY(done);
    QVERIFY(config.clientSecret.isEmpty());
}

void TestReconfigure::commandLineLoginWithSecretFromKeychain()
{
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    Preferences preferences(ConfigurationLoader::defaultSettingsPath(), environmentWithoutSecret());
    preferences.setClientSecretStored(true);
    QVERIFY(preferences.save());

    QProcess login;
    login.setProcessEnvironment(environmentWithoutSecret());
    login.start(
        QStringLiteral(WGC_APP_BINARY),
        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"), QStringLiteral("60")});
    QVERIFY(login.waitForStarted(10000));
    QByteArray out;
    QVERIFY(waitFor(
        [&] {
            out += login.readAllStandardOutput();
            return out.contains('\n') || login.state() == QProcess::NotRunning;
        },
        15000));
    const QUrl url(QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed());
    QVERIFY2(url.toString().startsWith(QLatin1String("http://127.0.0.1:")), out.constData());
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url);
    QVERIFY(waitFor([&login] { return login.state() == QProcess::NotRunning; }, 30000));
    const QByteArray err = login.readAllStandardError();
    QCOMPARE(browser.exitCode, 0);
    QVERIFY2(login.exitStatus() == QProcess::NormalExit && login.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("Signed in as jane@example.com"), err.constData());
    QVERIFY(!err.contains(Sandbox::clientSecret().toUtf8()));
    TokenStore store(confidential.storageKey());
    const TokenStore::Result stored = KeychainAccess::load(store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QCOMPARE(m_first->accountStatus(stored.session.accessToken), 200);
}

void TestReconfigure::lockAndUnlock()
{
    // The helper the tests below rely on.
    UnlockAtEnd unlock;
    TokenStore store(m_first->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::NotFound);
    // An entry that is there reads as locked (one that is not reads as missing, locked or not).
    StoredSession session;
    session.accessToken = QStringLiteral("access-locked-away");
    QCOMPARE(KeychainAccess::save(store, session), TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::Unavailable);
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

void TestReconfigure::secretReadAgainBeforeRefresh()
{
    UnlockAtEnd unlock;
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    {
        SessionRig signedIn(confidential);
        QVERIFY(restore(signedIn.session));
        QVERIFY(signInWithBrowser(signedIn.session));
    }
    TokenStore check(confidential.storageKey());
    const QString refreshBefore = KeychainAccess::load(check).session.refreshToken;
    QVERIFY(!refreshBefore.isEmpty());

    // Start-up could not read the secret (the keyring was still locked at login).
    Configuration startedWith = confidential;
    startedWith.clientSecret.clear();
    startedWith.clientSecretInKeychain = true;
    SessionRig rig(startedWith);
    QVERIFY(restore(rig.session));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QVERIFY(waitFor([&refreshed] { return refreshed.size() == 1; }, 15000));
    const AuthError error = refreshed.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::Keychain);
    QVERIFY2(error.message().contains(QLatin1String("the client secret could not be read from the keychain")),
             qPrintable(error.message()));
    QVERIFY(!error.message().contains(Sandbox::clientSecret()));
    QCOMPARE(rig.session.state(), Session::State::KeychainUnavailable);
    QVERIFY(!rig.session.stored().isEmpty()); // the session is kept

    // Nothing was sent or deleted: the same refresh token is stored.
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    const TokenStore::Result kept = KeychainAccess::load(check);
    QCOMPARE(kept.status, TokenStore::Status::Ok);
    QCOMPARE(kept.session.refreshToken, refreshBefore);

    // Unlocked: the secret is read, and the refresh works.
    rig.session.refresh();
    QVERIFY(waitFor([&refreshed] { return refreshed.size() == 2; }, 15000));
    const AuthError second = refreshed.at(1).first().value<AuthError>();
    QVERIFY2(!second.isError(), qPrintable(second.message()));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(rig.session.configuration().clientSecret, Sandbox::clientSecret());
    const TokenStore::Result after = KeychainAccess::load(check);
    QVERIFY(after.session.refreshToken != refreshBefore);
    QCOMPARE(m_first->accountStatus(after.session.accessToken), 200);
}

void TestReconfigure::secretReadAgainBeforeSignIn()
{
    UnlockAtEnd unlock;
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    Configuration startedWith = confidential;
    startedWith.clientSecret.clear();
    startedWith.clientSecretInKeychain = true;
    SessionRig rig(startedWith);
    QVERIFY(restore(rig.session));
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    // Locked: refused before the browser is sent anywhere.
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QVERIFY(waitFor([&finished] { return finished.size() == 1; }, 15000));
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::Keychain);
    QCOMPARE(urlSpy.size(), 0);
    // Unlocked: the secret is read, and the code exchange (which needs it) works.
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    QVERIFY(signInWithBrowser(rig.session));
    QCOMPARE(m_first->accountStatus(rig.session.stored().accessToken), 200);
}

void TestReconfigure::savedAlthoughTheSecretCannotBeRead()
{
    UnlockAtEnd unlock;
    Preferences preferences(ConfigurationLoader::defaultSettingsPath(), environmentWithoutSecret());
    preferences.setClientSecretStored(true);
    QVERIFY(preferences.save());
    QTemporaryDir dir;
    AutostartEntry autostart(dir.filePath(QStringLiteral("autostart.desktop")), QStringLiteral("/bin/true"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.startHidden = true;
    // Stored, and locked away.
    const Configuration confidential = m_first->configuration(Sandbox::Client::Confidential);
    QCOMPARE(saveSecret(confidential, Sandbox::clientSecret()).status, TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    QSignalSpy applied(&change, &SettingsChange::applied);
    change.apply();
    QVERIFY(waitFor([&applied] { return applied.size() == 1; }, 15000));
    QCOMPARE(applied.first().first().toString(), QString());
    QVERIFY2(change.warning().startsWith(QLatin1String("The settings were saved. The client secret could not be "
                                                       "read from the keychain: ")),
             qPrintable(change.warning()));
    QVERIFY(!change.warning().contains(QLatin1String("not saved")));
    QVERIFY(Preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment()).startHidden());
}

void TestReconfigure::restoreRetriedUntilUnlocked()
{
    UnlockAtEnd unlock;
    const Configuration config = m_first->configuration();
    {
        SessionRig signedIn(config);
        QVERIFY(restore(signedIn.session));
        QVERIFY(signInWithBrowser(signedIn.session));
    }
    QCOMPARE(KeychainAccess::lockDefaultCollection(), QString());
    FakeClock clock;
    NetworkAccess network;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store, &clock);
    session.setAutoRefresh(true);
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(waitFor([&restored] { return restored.size() == 1; }, 15000));
    QCOMPARE(session.state(), Session::State::KeychainUnavailable);
    // Tried again with growing pauses while it stays locked, settling at no more than once a
    // minute (the idle budget). Each pause has a fifth of jitter either way, so at the cap a
    // pause may be shorter than the one before, but never shorter than four fifths of the cap.
    const qint64 capFloor = RefreshScheduler::kMaximumRetrySeconds * 8 / 10;
    qint64 pause = 0;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const QDateTime due = session.nextRefreshAt();
        QVERIFY2(due.isValid(), "no retry was scheduled");
        const qint64 next = clock.now().secsTo(due);
        QVERIFY2(next >= std::min(pause * 8 / 10, capFloor) && next <= 360, qPrintable(QString::number(next)));
        pause = next;
        clock.advanceTo(due.addSecs(1));
        QVERIFY(waitFor([&restored, attempt] { return restored.size() == attempt + 1; }, 15000));
        QCOMPARE(session.state(), Session::State::KeychainUnavailable);
    }
    QVERIFY2(pause >= 60, qPrintable(QString::number(pause)));
    // Unlocked: the next try finds the session.
    QCOMPARE(KeychainAccess::unlockDefaultCollection(), QString());
    clock.advanceTo(session.nextRefreshAt().addSecs(1));
    QVERIFY(waitFor([&session] { return session.state() == Session::State::SignedIn; }, 15000));
    QCOMPARE(session.stored().email, QStringLiteral("jane@example.com"));
}

void TestReconfigure::signInRefusedWhileSwitching()
{
    const Configuration first = m_first->configuration();
    SessionRig rig(first);
    QVERIFY(restore(rig.session));
    QVERIFY(signInWithBrowser(rig.session));
    QSignalSpy restored(&rig.session, &Session::restoreFinished);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.refresh();
    rig.session.reconfigure(m_second->configuration()); // waits for the refresh
    QVERIFY(!rig.session.signIn(60));
    rig.session.signInWithApiKey(QStringLiteral("some-key"));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::Configuration);
    QVERIFY(waitFor([&restored] { return restored.size() == 1; }, 20000));
    QCOMPARE(rig.session.configuration().tokenUrl, m_second->configuration().tokenUrl);
    // Nothing was stored for the second server by the refused attempts.
    TokenStore secondStore(m_second->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(secondStore).status, TokenStore::Status::NotFound);
}

QTEST_MAIN(TestReconfigure)
#include "TestReconfigure.moc"
