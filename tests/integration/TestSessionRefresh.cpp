// Keeping the session fresh, in-process: Session with a FakeClock against the sandbox's real
// authorization server (rotating refresh tokens; reusing one revokes the grant) and a real
// (private) gnome-keyring. A proxy in front of the token endpoint counts the refreshes.

#include "FakeClock.h"
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "ScriptedServer.h"

#include "api/NetworkAccess.h"
#include "api/WebinarGeekClient.h"
#include "auth/RefreshScheduler.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <utility>

namespace {

// Passes token requests on to the sandbox and counts the refresh grants. While held, the
// sandbox's answers wait here: the refresh is "in flight" for as long as the test likes.
class CountingTokenProxy
{
public:
    explicit CountingTokenProxy(const QUrl &upstream)
    {
        m_server.setHandler([this, upstream](const HttpRequest &request, const ScriptedServer::Answer &answer) {
            QNetworkRequest forward(upstream);
            forward.setHeader(QNetworkRequest::ContentTypeHeader, request.header("content-type"));
            QNetworkReply *reply = m_upstream.post(forward, request.body);
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, answer] {
                reply->deleteLater();
                const HttpAnswer relayed =
                    HttpAnswer::of(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                   reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll());
                if (m_holding)
                    m_held.append([answer, relayed] { answer(relayed); });
                else
                    answer(relayed);
            });
        });
    }

    QUrl url() const { return m_server.url(QStringLiteral("/oauth/token")); }
    int refreshes() const
    {
        int count = 0;
        for (const HttpRequest &request : m_server.requests())
            count += request.body.contains("grant_type=refresh_token") ? 1 : 0;
        return count;
    }
    void hold() { m_holding = true; }
    void release()
    {
        m_holding = false;
        for (const auto &answer : std::exchange(m_held, {}))
            answer();
    }

private:
    ScriptedServer m_server;
    QNetworkAccessManager m_upstream;
    bool m_holding = false;
    QList<std::function<void()>> m_held;
};

// One "process": its own clock, network, keychain access, lock and Session.
struct Rig
{
    explicit Rig(const Configuration &config)
        : store(config.storageKey())
        , session(config, &network, &store, &clock)
    { }
    FakeClock clock;
    NetworkAccess network;
    TokenStore store;
    Session session;
};

bool restore(Session &session)
{
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    return restored.wait(15000) && session.state() == Session::State::SignedIn;
}

// Runs session.api()->fetchAccount(done) to its end.
QPair<Account, ApiError> fetchAccount(Session &session)
{
    QPair<Account, ApiError> result;
    bool done = false;
    session.api()->fetchAccount([&](const Account &account, const ApiError &error) {
        result = {account, error};
        done = true;
    });
    if (!waitFor([&done] { return done; }, 20000))
        result.second.kind = ApiError::Kind::NoAnswer;
    return result;
}

} // namespace

class TestSessionRefresh : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void refreshesByItselfWhenDue();
    void apiFetchAccount();
    void apiUnauthorizedRefreshesOnceAndRetries();
    void apiSecondUnauthorizedIsTheAnswer();
    void twoProcessesRefreshingAtOnceSpendTheTokenOnce();
    void concurrentCallersShareOneRefresh();
    void refreshedExpiryFollowsTheSessionClock();

private:
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<CountingTokenProxy> m_proxy;
    Configuration m_config;
};

// Signs in once, through the real browser flow; every test goes on from the keychain.
void TestSessionRefresh::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_proxy = std::make_unique<CountingTokenProxy>(m_sandbox->configuration().tokenUrl);
    m_config = m_sandbox->configuration();
    m_config.tokenUrl = m_proxy->url();

    Rig rig(m_config);
    QCOMPARE(KeychainAccess::clear(rig.store), TokenStore::Status::Ok);
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(urlSpy.first().first().toUrl());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(m_proxy->refreshes(), 0);
}

void TestSessionRefresh::refreshesByItselfWhenDue()
{
    Rig rig(m_config);
    rig.session.setAutoRefresh(true);
    QVERIFY(restore(rig.session));
    const TokenStore::Result before = KeychainAccess::load(rig.store);
    QCOMPARE(before.status, TokenStore::Status::Ok);
    QVERIFY(!before.session.refreshToken.isEmpty());

    // Aimed a little before expiry: expiry − lead, at most a tenth of the lead earlier.
    const StoredSession &stored = rig.session.stored();
    const qint64 lead = RefreshScheduler::leadSeconds(stored.updatedAt.secsTo(stored.expiresAt));
    const QDateTime due = rig.session.nextRefreshAt();
    QVERIFY(due.isValid());
    QVERIFY(due <= stored.expiresAt.addSecs(-lead));
    QVERIFY(due >= stored.expiresAt.addSecs(-lead).addMSecs(-lead * 100));

    const int refreshesBefore = m_proxy->refreshes();
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.clock.advanceTo(due.addSecs(-1));
    QCOMPARE(rig.session.state(), Session::State::SignedIn); // not yet
    rig.clock.advanceTo(due.addMSecs(500));
    QCOMPARE(rig.session.state(), Session::State::Refreshing); // by itself, at once
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
    const AuthError error = refreshed.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);

    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY(rig.session.stored().accessToken != before.session.accessToken);
    QVERIFY(after.session.accessToken == rig.session.stored().accessToken);
    QVERIFY(!after.session.refreshToken.isEmpty());
    QVERIFY(after.session.refreshToken != before.session.refreshToken); // rotated, and stored
    QCOMPARE(after.session.email, QStringLiteral("jane@example.com"));
    QCOMPARE(m_sandbox->accountStatus(after.session.accessToken), 200);
    // The next one is aimed already, in the future.
    QVERIFY(rig.session.nextRefreshAt() > rig.clock.now());
    QCOMPARE(refreshed.size(), 1);
}

void TestSessionRefresh::apiFetchAccount()
{
    Rig rig(m_config);
    QVERIFY(restore(rig.session));
    const int refreshesBefore = m_proxy->refreshes();
    const auto [account, error] = fetchAccount(rig.session);
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(account.email, QStringLiteral("jane@example.com"));
    QCOMPARE(account.company, QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(m_proxy->refreshes(), refreshesBefore); // a fresh token needs no refresh
}

void TestSessionRefresh::apiUnauthorizedRefreshesOnceAndRetries()
{
    ScriptedServer api;
    api.answerInTurn({HttpAnswer::json(401, R"({"code":"unauthorized","message":"The access token expired."})"),
                      HttpAnswer::json(200, R"({"company":"C","email":"e@x"})")});
    Configuration config = m_config;
    config.apiUrl = api.url(QStringLiteral("/api/v2"));
    Rig rig(config);
    QVERIFY(restore(rig.session));
    const TokenStore::Result before = KeychainAccess::load(rig.store);
    const int refreshesBefore = m_proxy->refreshes();

    const auto [account, error] = fetchAccount(rig.session);
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(account.company, QStringLiteral("C"));
    QCOMPARE(account.email, QStringLiteral("e@x"));
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);

    // The first request carried the old token, the retry the refreshed one.
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(api.requests().at(0).path(), QByteArray("/api/v2/account"));
    QCOMPARE(api.requests().at(1).path(), QByteArray("/api/v2/account"));
    const QByteArray first = api.requests().at(0).header("authorization");
    const QByteArray retry = api.requests().at(1).header("authorization");
    QVERIFY(first == "Bearer " + before.session.accessToken.toUtf8());
    QVERIFY(retry == "Bearer " + rig.session.stored().accessToken.toUtf8());
    QVERIFY(retry != first);
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QVERIFY(after.session.accessToken == rig.session.stored().accessToken);
    QVERIFY(after.session.refreshToken != before.session.refreshToken);
}

void TestSessionRefresh::apiSecondUnauthorizedIsTheAnswer()
{
    ScriptedServer api;
    api.answerAlways(HttpAnswer::json(401, R"({"code":"unauthorized","message":"Not for you."})"));
    Configuration config = m_config;
    config.apiUrl = api.url(QStringLiteral("/api/v2"));
    Rig rig(config);
    QVERIFY(restore(rig.session));
    const int refreshesBefore = m_proxy->refreshes();

    const auto [account, error] = fetchAccount(rig.session);
    QCOMPARE(error.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(error.httpStatus, 401);
    QVERIFY2(error.message().contains(QLatin1String("401")), qPrintable(error.message()));
    QVERIFY(account.email.isEmpty());
    QCOMPARE(api.requests().size(), 2); // the request and one retry
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);
    // Nothing is still going on: another round trip through the event loop adds no request.
    QCOMPARE(m_sandbox->accountStatus(rig.session.stored().accessToken), 200);
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);
}

// Two Sessions with their own locks and keychain access behave like two processes: the lock file
// in the runtime directory is all they share. Only one may spend the refresh token; with rotation,
// a second use would revoke the whole grant.
void TestSessionRefresh::twoProcessesRefreshingAtOnceSpendTheTokenOnce()
{
    Rig window(m_config);
    Rig helper(m_config);
    QVERIFY(restore(window.session));
    QVERIFY(restore(helper.session));
    const TokenStore::Result before = KeychainAccess::load(window.store);
    const int refreshesBefore = m_proxy->refreshes();

    QSignalSpy windowDone(&window.session, &Session::refreshFinished);
    QSignalSpy helperDone(&helper.session, &Session::refreshFinished);
    window.session.refresh();
    helper.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(windowDone.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(helperDone.size(), 1, 20000);
    QVERIFY2(!windowDone.first().first().value<AuthError>().isError(),
             qPrintable(windowDone.first().first().value<AuthError>().message()));
    QVERIFY2(!helperDone.first().first().value<AuthError>().isError(),
             qPrintable(helperDone.first().first().value<AuthError>().message()));
    QCOMPARE(window.session.state(), Session::State::SignedIn);
    QCOMPARE(helper.session.state(), Session::State::SignedIn);
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);

    const TokenStore::Result after = KeychainAccess::load(window.store);
    QVERIFY(after.session.accessToken != before.session.accessToken);
    QVERIFY(window.session.stored().accessToken == after.session.accessToken);
    QVERIFY(helper.session.stored().accessToken == after.session.accessToken);
    QCOMPARE(m_sandbox->accountStatus(after.session.accessToken), 200);

    // The grant is alive: the stored refresh token still works.
    QSignalSpy again(&window.session, &Session::refreshFinished);
    window.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 15000);
    QVERIFY(!again.first().first().value<AuthError>().isError());
    QCOMPARE(m_sandbox->accountStatus(window.session.stored().accessToken), 200);
}

void TestSessionRefresh::concurrentCallersShareOneRefresh()
{
    Rig rig(m_config);
    QVERIFY(restore(rig.session));
    const QString old = rig.session.stored().accessToken;
    const int refreshesBefore = m_proxy->refreshes();
    // Ten seconds before expiry nobody is handed the old token any more.
    rig.clock.advanceTo(rig.session.stored().expiresAt.addSecs(-10));

    QList<Credential> got;
    QStringList errors;
    const auto ask = [&] {
        rig.session.credential([&](const Credential &credential, const QString &error) {
            got << credential;
            errors << error;
        });
    };
    m_proxy->hold();
    ask();
    // The refresh has reached the server; its answer is held back. Two more callers arrive.
    QVERIFY(waitFor([&] { return m_proxy->refreshes() == refreshesBefore + 1; }, 15000));
    QCOMPARE(rig.session.state(), Session::State::Refreshing);
    ask();
    ask();
    QCOMPARE(got.size(), 0);
    m_proxy->release();
    QVERIFY(waitFor([&] { return got.size() == 3; }, 15000));

    QCOMPARE(errors, QStringList(3));
    for (const Credential &credential : qAsConst(got)) {
        QCOMPARE(credential.kind, Credential::Kind::Bearer);
        QVERIFY(credential.value == got.first().value);
    }
    QVERIFY(got.first().value != old);
    QVERIFY(got.first().value == rig.session.stored().accessToken);
    QVERIFY(KeychainAccess::load(rig.store).session.accessToken == got.first().value);
    QCOMPARE(m_proxy->refreshes(), refreshesBefore + 1);
    QCOMPARE(m_sandbox->accountStatus(got.first().value), 200);
}

// The sandbox's tokens live 3600 s. Whatever clock the session runs on, a token refreshed now
// expires 3600 s after now on that clock; otherwise the scheduler aims at the wrong moment.
void TestSessionRefresh::refreshedExpiryFollowsTheSessionClock()
{
    Rig rig(m_config);
    QVERIFY(restore(rig.session));
    rig.clock.advance(1800); // half an hour later, awake the whole time
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    const qint64 lifetime = rig.clock.now().secsTo(rig.session.stored().expiresAt);
    QVERIFY2(lifetime > 3600 - 60 && lifetime <= 3600,
             qPrintable(QStringLiteral("the refreshed token expires %1 s after the session's now, not 3600 s: its "
                                       "expiry was computed from another clock")
                            .arg(lifetime)));
}

QTEST_GUILESS_MAIN(TestSessionRefresh)
#include "TestSessionRefresh.moc"
