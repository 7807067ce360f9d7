// A token request is never sent twice. Qt 6.4's HTTP layer sends a request again on its own when
// the connection closes or resets before the answer; for a code exchange or a refresh that spends
// the same grant twice, and a server that detects refresh-token reuse revokes it. The scripted
// token endpoint reads the request and then drops the connection (FIN or RST, on a fresh
// connection or on one kept alive from an API request): it must receive it exactly once, and the
// session reports a network failure with the stored session unchanged. A real (private)
// gnome-keyring holds the session.

#include "FaultRig.h"
#include "ScriptedServer.h"
#include "TokenEndpointFaults.h"

#include <QTest>

namespace {

const QByteArray kAccount = R"({"company":"C","email":"e@x"})";

enum Operation { CodeExchange, Refresh };

QList<HttpRequest> tokenRequests(const ScriptedServer &server)
{
    QList<HttpRequest> found;
    for (const HttpRequest &request : server.requests()) {
        if (request.path() == "/oauth/token")
            found << request;
    }
    return found;
}

// Starts a sign-in and hands the browser's redirect to the listener, without waiting for the
// page (the listener answers once the token request is done); the reply goes with `browser`.
void returnFromTheBrowser(FaultRig &rig, QNetworkAccessManager *browser, const QString &code)
{
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);
    browser->get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/?code=%2&state=%3").arg(port).arg(code, state))));
}

} // namespace

class TestTokenSentOnce : public QObject
{
    Q_OBJECT
private slots:
    void droppedAfterReadingTheRequest_data();
    void droppedAfterReadingTheRequest();
    void keptAliveConnectionClosedBetweenRequests();
};

void TestTokenSentOnce::droppedAfterReadingTheRequest_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("ending");
    QTest::addColumn<bool>("afterKeepAlive");
    using E = HttpAnswer::Ending;
    for (const auto &[operation, name] :
         QList<QPair<Operation, const char *>> {{CodeExchange, "code exchange"}, {Refresh, "refresh"}}) {
        QTest::addRow("%s, connection closed (FIN)", name) << int(operation) << int(E::HangUp) << false;
        QTest::addRow("%s, connection reset (RST)", name) << int(operation) << int(E::Reset) << false;
        QTest::addRow("%s, kept-alive connection closed (FIN)", name) << int(operation) << int(E::HangUp) << true;
        QTest::addRow("%s, kept-alive connection reset (RST)", name) << int(operation) << int(E::Reset) << true;
    }
}

// Leaves a connection to the API's origin open (the API answers "keep-alive").
bool fetchAccountKeepingTheConnection(FaultRig &rig)
{
    bool done = false;
    ApiError error;
    rig.session.api()->fetchAccount([&](const Account &, const ApiError &e) {
        error = e;
        done = true;
    });
    return waitFor([&done] { return done; }, 15000) && !error.isError();
}

// The endpoint reads the first token request and drops the connection without an answer; a
// later one it answers with fresh tokens, as the server that counted two did.
void TestTokenSentOnce::droppedAfterReadingTheRequest()
{
    QFETCH(int, operation);
    QFETCH(int, ending);
    QFETCH(bool, afterKeepAlive);

    ScriptedServer server; // token endpoint and API on one origin, as WebinarGeek has them
    int tokenRequestsSeen = 0;
    server.setHandler([&tokenRequestsSeen, ending](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/oauth/token") {
            HttpAnswer dropped;
            dropped.ending = HttpAnswer::Ending(ending);
            answer(++tokenRequestsSeen == 1 ? dropped : tokenAnswer(Rotated));
        } else if (request.path() == "/api/v2/account") {
            answer(HttpAnswer::json(200, kAccount).keptAlive());
        } else {
            answer(HttpAnswer::json(404, "{}"));
        }
    });
    FaultRig rig(fakeConfiguration(server, server));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    if (afterKeepAlive) {
        QVERIFY(fetchAccountKeepingTheConnection(rig));
        QCOMPARE(server.connections(), 1);
    }

    AuthError error;
    QNetworkAccessManager browser;
    if (Operation(operation) == Refresh) {
        QSignalSpy finished(&rig.session, &Session::refreshFinished);
        rig.session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        error = finished.first().first().value<AuthError>();
    } else {
        QSignalSpy finished(&rig.session, &Session::signInFinished);
        returnFromTheBrowser(rig, &browser, QStringLiteral("sent-once-code"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        error = finished.first().first().value<AuthError>();
    }

    const QList<HttpRequest> sent = tokenRequests(server);
    QCOMPARE(sent.size(), 1);
    if (Operation(operation) == Refresh)
        QVERIFY(sent.first().body.contains("grant_type=refresh_token"));
    else
        QVERIFY(sent.first().body.contains("code=sent-once-code"));
    // On a connection of its own, never on the one the API request left open.
    if (afterKeepAlive)
        QVERIFY2(sent.first().connection != 1, "the token request went on the API's kept-alive connection");
    QCOMPARE(error.kind, AuthError::Kind::NetworkError);
    QVERIFY2(error.message().contains(QLatin1String("Could not reach the server."))
                 && error.message().contains(QLatin1String("closed before the server answered")),
             qPrintable(error.message()));
    QCOMPARE(rig.session.lastError().kind, AuthError::Kind::NetworkError);
    QCOMPARE(rig.session.state(), Session::State::SignedIn); // the earlier session goes on
    QVERIFY(rig.session.stored().accessToken == before.accessToken);
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY2(sameSession(after.session, before), "the stored session changed");
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

// The server closes a kept-alive connection between two requests, as at the end of its
// keep-alive timeout: the refresh goes out once, on a new connection, and works.
void TestTokenSentOnce::keptAliveConnectionClosedBetweenRequests()
{
    ScriptedServer server;
    server.setHandler([](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/oauth/token")
            answer(tokenAnswer(Rotated).keptAlive());
        else if (request.path() == "/api/v2/account")
            answer(HttpAnswer::json(200, kAccount).keptAlive());
        else
            answer(HttpAnswer::json(404, "{}"));
    });
    FaultRig rig(fakeConfiguration(server, server));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QVERIFY(fetchAccountKeepingTheConnection(rig));
    QCOMPARE(server.connections(), 1);
    server.closeConnections();

    QSignalSpy finished(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(tokenRequests(server).size(), 1);
    QVERIFY(tokenRequests(server).first().connection != 1);
    QVERIFY(KeychainAccess::load(rig.store).session.refreshToken == QString::fromLatin1(kNewRefresh));

    // A second refresh: its own connection again, once, although the first one's was kept alive.
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QVERIFY2(!finished.at(1).first().value<AuthError>().isError(),
             qPrintable(finished.at(1).first().value<AuthError>().message()));
    QCOMPARE(tokenRequests(server).size(), 2);
    QVERIFY(tokenRequests(server).at(1).connection != tokenRequests(server).at(0).connection);
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

QTEST_GUILESS_MAIN(TestTokenSentOnce)
#include "TestTokenSentOnce.moc"
