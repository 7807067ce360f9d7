// A sign-in attempt ends with one result, exactly once, whenever it is cancelled: before the
// browser is sent anywhere, while the tokens it got are being stored, or not at all (an API key).
// Fake servers on 127.0.0.1 play the token endpoint and the API; a real (private) gnome-keyring
// holds what is stored.

#include "FaultRig.h"
#include "ScriptedServer.h"
#include "TokenEndpointFaults.h"

#include "auth/Clock.h"
#include "auth/RefreshLock.h"
#include "auth/SignInAttempt.h"

#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(StoredSession)

namespace {

const QByteArray kAccount = R"({"company":"C","email":"e@x"})";

// An attempt with the parts a Session would lend it.
struct AttemptRig
{
    explicit AttemptRig(const Configuration &config)
        : store(config.storageKey())
        , api(config.apiUrl, &network)
        , lock(config.storageKey())
        , attempt(config, &network, &store, &api, &lock, &clock)
        , urls(&attempt, &SignInAttempt::authorizationUrlReady)
        , finished(&attempt, &SignInAttempt::finished)
    { }

    AuthError error() const { return finished.first().first().value<AuthError>(); }
    StoredSession session() const { return finished.first().at(1).value<StoredSession>(); }

    SystemClock clock;
    NetworkAccess network;
    TokenStore store;
    WebinarGeekClient api;
    RefreshLock lock;
    SignInAttempt attempt;
    QSignalSpy urls;
    QSignalSpy finished;
};

// The browser coming back to the attempt's listener with a code: its reply comes once the
// attempt knows how it ended.
QNetworkReply *bringBackCode(QNetworkAccessManager *browser, const QUrl &authorizationUrl)
{
    return browser->get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/?code=the-code&state=%2")
                                 .arg(redirectPort(authorizationUrl))
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(stateOf(authorizationUrl)))))));
}

} // namespace

class TestSignInAttempt : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cancelledBeforeTheBrowser();
    void cancelledWhileTheTokensAreStored();
    void apiKeyIsCheckedAndStoredAlthoughCancelled();
    void secondSignInCancelledBeforeTheBrowser();

private:
    ScriptedServer m_tokenEndpoint;
    ScriptedServer m_api;
};

void TestSignInAttempt::initTestCase()
{
    m_tokenEndpoint.answerAlways(tokenAnswer(Rotated));
    m_api.answerAlways(HttpAnswer::json(200, kAccount));
}

void TestSignInAttempt::init()
{
    TokenStore store(fakeConfiguration(m_tokenEndpoint, m_api).storageKey());
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// Cancelled while the keychain is asked: the browser is never sent, and the one result is
// Cancelled once the keychain has answered.
void TestSignInAttempt::cancelledBeforeTheBrowser()
{
    AttemptRig rig(fakeConfiguration(m_tokenEndpoint, m_api));
    rig.attempt.startInBrowser(60);
    rig.attempt.cancel();
    rig.attempt.cancel();
    QVERIFY(waitFor([&rig] { return !rig.finished.isEmpty(); }, 10000));
    QCOMPARE(rig.error().kind, AuthError::Kind::Cancelled);
    QVERIFY(rig.session().isEmpty());
    rig.attempt.cancel();
    QTest::qWait(300);
    QCOMPARE(rig.finished.size(), 1);
    QCOMPARE(rig.urls.size(), 0);
    QVERIFY(!rig.attempt.authorizationUrl().isValid());
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
}

// Cancelled once the tokens are here (the account is being read): they are stored all the same,
// and the one result is the signed-in session.
void TestSignInAttempt::cancelledWhileTheTokensAreStored()
{
    ScriptedServer slowApi;
    ScriptedServer::Answer answerAccount;
    slowApi.setHandler([&answerAccount](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answerAccount = answer; // held until the test answers
    });
    AttemptRig rig(fakeConfiguration(m_tokenEndpoint, slowApi));
    rig.attempt.startInBrowser(60);
    QVERIFY(waitFor([&rig] { return !rig.urls.isEmpty(); }, 10000));
    QNetworkAccessManager browser;
    std::unique_ptr<QNetworkReply> page(bringBackCode(&browser, rig.urls.first().first().toUrl()));
    QVERIFY(waitFor([&answerAccount] { return bool(answerAccount); }, 10000));

    rig.attempt.cancel();
    QTest::qWait(100);
    QCOMPARE(rig.finished.size(), 0);
    answerAccount(HttpAnswer::json(200, kAccount));
    QVERIFY(waitFor([&rig] { return !rig.finished.isEmpty(); }, 10000));
    QVERIFY2(!rig.error().isError(), qPrintable(rig.error().message()));
    QCOMPARE(rig.session().email, QStringLiteral("e@x"));
    QVERIFY(waitFor([&page] { return page->isFinished(); }, 10000));
    QVERIFY(page->readAll().contains("You are signed in"));
    rig.attempt.cancel();
    QTest::qWait(300);
    QCOMPARE(rig.finished.size(), 1);
    const TokenStore::Result stored = KeychainAccess::load(rig.store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QCOMPARE(stored.session.accessToken, QString::fromLatin1(kNewAccess));
    QCOMPARE(stored.session.refreshToken, QString::fromLatin1(kNewRefresh));
}

void TestSignInAttempt::apiKeyIsCheckedAndStoredAlthoughCancelled()
{
    AttemptRig rig(fakeConfiguration(m_tokenEndpoint, m_api));
    rig.attempt.startWithApiKey(QStringLiteral("a-personal-key"));
    rig.attempt.cancel();
    QVERIFY(waitFor([&rig] { return !rig.finished.isEmpty(); }, 10000));
    QVERIFY2(!rig.error().isError(), qPrintable(rig.error().message()));
    QVERIFY(rig.session().isApiKey());
    QTest::qWait(300);
    QCOMPARE(rig.finished.size(), 1);
    QCOMPARE(rig.urls.size(), 0);
    QCOMPARE(KeychainAccess::load(rig.store).session.accessToken, QStringLiteral("a-personal-key"));
}

// The session's Cancel reaches the attempt in flight, not one that ended before it: a second
// sign-in cancelled while the keychain is asked ends, and never sends the browser.
void TestSignInAttempt::secondSignInCancelledBeforeTheBrowser()
{
    FaultRig rig(fakeConfiguration(m_tokenEndpoint, m_api));
    QVERIFY(rig.restore());
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.startSignIn().first != 0);
    rig.session.cancelSignIn();
    QCOMPARE(finished.size(), 1);

    QSignalSpy urls(&rig.session, &Session::authorizationUrlReady);
    QVERIFY(rig.session.signIn(60));
    QCOMPARE(rig.session.state(), Session::State::SigningIn);
    QVERIFY(!rig.session.authorizationUrl().isValid()); // not the first attempt's
    rig.session.cancelSignIn();
    QVERIFY(waitFor([&finished] { return finished.size() == 2; }, 10000));
    QCOMPARE(finished.at(1).first().value<AuthError>().kind, AuthError::Kind::Cancelled);
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QTest::qWait(300);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(urls.size(), 0);
}

QTEST_GUILESS_MAIN(TestSignInAttempt)
#include "TestSignInAttempt.moc"
