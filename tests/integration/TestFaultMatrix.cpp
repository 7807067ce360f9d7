// The fault matrix: every way the token endpoint, the browser's redirect, the keychain, the
// clock and the API can go wrong. Each row checks the error a person would see AND what became
// of the stored session. Fake servers on 127.0.0.1 give the faults; a real (private)
// gnome-keyring holds the session.

#include "FaultRig.h"
#include "ScriptedServer.h"
#include "TokenEndpointFaults.h"

#include "auth/Reachability.h"

#include <QTcpSocket>
#include <QTest>

namespace {

// What must be in the keychain afterwards. NewRefreshOnly: the session as it was, with the
// rotated refresh token of an answer that was unusable otherwise.
enum Kept { Unchanged, Cleared, BothNew, NewAccessOldRefresh, NewRefreshOnly };

const QByteArray kAccount = R"({"company":"C","email":"e@x"})";

// The scripted endpoint's token URL, or a closed port's for a refused connection.
QUrl tokenUrlFor(TokenFault fault, const ScriptedServer &endpoint)
{
    return fault == ConnectionRefused ? QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closedPort()))
                                      : endpoint.url(QStringLiteral("/oauth/token"));
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private slots:
    void refreshFaults_data();
    void refreshFaults();
    void networkWatchedOnlyOnceARetryWaitsForIt_data();
    void networkWatchedOnlyOnceARetryWaitsForIt();
    void wallClockJumpsTwoHoursAhead();
    void callbackWithErrorAndEncodedDescription();
    void callbackWithoutCode();
    void secondCallbackAfterTheFirst();
    void garbageBytesToTheLoopbackPort();
    void requestHeadersSplitAcrossSegments();
    void secondSignInWhileOneRuns();
    void apiFaults_data();
    void apiFaults();
    void damagedKeychainEntry_data();
    void damagedKeychainEntry();
    void keychainGoneWhileARefreshIsStored();
    void keychainLockedInTheMiddle(); // last: a locked keyring cannot be unlocked headless
};

void TestFaultMatrix::refreshFaults_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<AuthError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("kept");
    QTest::addColumn<Session::State>("state");
    using K = AuthError::Kind;
    using S = Session::State;
    const auto row = [](const char *name, TokenFault fault, K kind, const char *message, Kept kept, S state) {
        QTest::newRow(name) << int(fault) << kind << QString::fromUtf8(message) << int(kept) << state;
    };
    row("token reply not JSON", NotJson, K::BadReply, "not JSON", Unchanged, S::Retrying);
    // A server that rotates has retired the refresh token just spent: whatever else is wrong
    // with its answer, the new one is stored, then the fault is reported and retried.
    row("JSON without access_token, rotating", NoAccessToken, K::BadReply, "no access_token", NewRefreshOnly,
        S::Retrying);
    row("expires_in as a numeric string", ExpiresInString, K::None, "", BothNew, S::SignedIn);
    row("expires_in negative", ExpiresInNegative, K::BadReply, "expires_in is not a positive", Unchanged, S::Retrying);
    row("expires_in negative, rotating", ExpiresInNegativeRotated, K::BadReply, "expires_in is not a positive",
        NewRefreshOnly, S::Retrying);
    row("expires_in not a number, rotating", ExpiresInNotANumberRotated, K::BadReply, "expires_in is not a number",
        NewRefreshOnly, S::Retrying);
    row("reply over 1 MiB (refused)", TooLarge, K::BadReply, "larger than 1 MiB", Unchanged, S::Retrying);
    row("token endpoint never answers (timeout)", NeverAnswers, K::NoAnswer, "did not answer in time", Unchanged,
        S::Retrying);
    row("connection refused", ConnectionRefused, K::NetworkError, "Could not reach the server. Connection refused",
        Unchanged, S::Retrying);
    row("500", Status500, K::ServerError, "had a problem; try again later. (HTTP 500)", Unchanged, S::Retrying);
    row("503 with Retry-After", Status503RetryAfter, K::ServerError, "HTTP 503", Unchanged, S::Retrying);
    row("429", Status429, K::RateLimited, "too many requests", Unchanged, S::Retrying);
    row("200 carrying an error", ErrorIn200, K::ServerError, "try later", Unchanged, S::Retrying);
    row("invalid_grant on refresh", InvalidGrant, K::InvalidGrant, "please sign in again", Cleared, S::NeedsSignIn);
    row("token reply with an unknown token_type, rotating", UnknownTokenType, K::BadReply, "\"mac\" is not supported",
        NewRefreshOnly, S::Retrying);
    row("rotated refresh token", Rotated, K::None, "", BothNew, S::SignedIn);
    row("refresh reply without a refresh token", NoRefreshToken, K::None, "", NewAccessOldRefresh, S::SignedIn);
}

void TestFaultMatrix::refreshFaults()
{
    QFETCH(int, fault);
    QFETCH(AuthError::Kind, kind);
    QFETCH(QString, message);
    QFETCH(int, kept);
    QFETCH(Session::State, state);

    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(TokenFault(fault)));
    const QUrl tokenUrl = tokenUrlFor(TokenFault(fault), endpoint);
    FaultRig rig(fakeConfiguration(tokenUrl, endpoint.url(QStringLiteral("/api/v2"))));
    rig.network.setTimeout(1500);
    rig.session.setAutoRefresh(true);
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));

    QSignalSpy finished(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    QCOMPARE(rig.session.lastError().kind, kind);
    QCOMPARE(rig.session.state(), state);

    // What reached the token endpoint: one refresh with the stored token, encoded once.
    if (fault != ConnectionRefused) {
        QCOMPARE(endpoint.requests().size(), 1);
        const QByteArray body = endpoint.requests().first().body;
        QVERIFY(body.contains("grant_type=refresh_token"));
        QVERIFY(body.contains("refresh_token=" + QUrl::toPercentEncoding(before.refreshToken) + '&')
                || body.endsWith("refresh_token=" + QUrl::toPercentEncoding(before.refreshToken)));
    }

    // A passing failure waits for its retry: the back-off's first step, or the server's word.
    if (state == Session::State::Retrying) {
        const qint64 ms = rig.clock.now().msecsTo(rig.session.nextRefreshAt());
        if (fault == Status503RetryAfter) {
            QCOMPARE(error.retryAfterSeconds, qint64(120));
            QCOMPARE(rig.session.nextRefreshAt(), rig.clock.now().addSecs(120));
        } else {
            QVERIFY2(ms >= 4000 && ms <= 6000, qPrintable(QString::number(ms)));
        }
    }

    const TokenStore::Result after = KeychainAccess::load(rig.store);
    switch (Kept(kept)) {
    case Unchanged:
        QCOMPARE(after.status, TokenStore::Status::Ok);
        QVERIFY2(sameSession(after.session, before), "the stored session changed");
        QVERIFY(rig.session.stored().accessToken == before.accessToken);
        break;
    case Cleared: {
        QCOMPARE(after.status, TokenStore::Status::NotFound);
        // Nothing stored. The account stays in memory only, marked rejected, so the window and
        // the tray can name whom to sign back in as; its token is never handed out.
        QVERIFY(rig.session.stored().rejected);
        QCOMPARE(rig.session.stored().email, before.email);
        QCOMPARE(rig.session.stored().company, before.company);
        QVERIFY(rig.session.stored().refreshToken.isEmpty());
        QVERIFY(!rig.session.nextRefreshAt().isValid());
        bool refused = false;
        rig.session.credential([&refused](const Credential &credential, const QString &why) {
            refused = credential.value.isEmpty() && !why.isEmpty();
        });
        QVERIFY(refused);
        break;
    }
    case BothNew:
    case NewAccessOldRefresh:
        QCOMPARE(after.status, TokenStore::Status::Ok);
        QVERIFY(after.session.accessToken == QString::fromLatin1(kNewAccess));
        QVERIFY(rig.session.stored().accessToken == QString::fromLatin1(kNewAccess));
        QVERIFY(after.session.refreshToken
                == (Kept(kept) == BothNew ? QString::fromLatin1(kNewRefresh) : before.refreshToken));
        QCOMPARE(after.session.email, before.email); // the account stays
        QVERIFY(rig.session.nextRefreshAt() > rig.clock.now());
        break;
    case NewRefreshOnly: {
        QCOMPARE(after.status, TokenStore::Status::Ok);
        QVERIFY2(after.session.refreshToken == QString::fromLatin1(kNewRefresh),
                 "the rotated refresh token was dropped");
        StoredSession expected = before;
        expected.refreshToken = QString::fromLatin1(kNewRefresh);
        QVERIFY2(sameSession(after.session, expected), "more than the refresh token changed");
        QVERIFY(rig.session.stored().accessToken == before.accessToken);
        // The retry spends the new refresh token, not the one the server retired.
        endpoint.answerAlways(tokenAnswer(Rotated));
        QSignalSpy again(&rig.session, &Session::refreshFinished);
        rig.session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 15000);
        QVERIFY2(!again.first().first().value<AuthError>().isError(),
                 qPrintable(again.first().first().value<AuthError>().message()));
        QCOMPARE(endpoint.requests().size(), 2);
        QVERIFY(endpoint.requests().last().body.contains("refresh_token=" + kNewRefresh));
        QCOMPARE(rig.session.state(), Session::State::SignedIn);
        QVERIFY(KeychainAccess::load(rig.store).session.accessToken == QString::fromLatin1(kNewAccess));
        break;
    }
    }
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

// The machine slept for two hours: the token expired meanwhile. Waking up refreshes at once,
// once, and aims the next refresh at the new token's expiry.
void TestFaultMatrix::networkWatchedOnlyOnceARetryWaitsForIt_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<bool>("watched");
    // Unreached: the network may be what the retry waits for.
    QTest::newRow("connection refused") << int(ConnectionRefused) << true;
    QTest::newRow("token endpoint never answers (timeout)") << int(NeverAnswers) << true;
    // The server answered: a retry waits, but not for the network.
    QTest::newRow("503 with Retry-After") << int(Status503RetryAfter) << false;
    // No retry at all.
    QTest::newRow("invalid_grant on refresh") << int(InvalidGrant) << false;
    QTest::newRow("rotated refresh token") << int(Rotated) << false;
}

// Watching the network loads plugins and asks the system bus, so the session asks for it only
// when a refresh could not reach the server and a retry waits; a restore and a refresh that
// went well never do.
void TestFaultMatrix::networkWatchedOnlyOnceARetryWaitsForIt()
{
    QFETCH(int, fault);
    QFETCH(bool, watched);

    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(TokenFault(fault)));
    const QUrl tokenUrl = tokenUrlFor(TokenFault(fault), endpoint);
    FaultRig rig(fakeConfiguration(tokenUrl, endpoint.url(QStringLiteral("/api/v2"))));
    rig.network.setTimeout(1500);
    rig.session.setAutoRefresh(true);
    Reachability reachability;
    rig.session.setReachability(&reachability);
    QVERIFY(rig.seedAndRestore(rig.seed()));
    QVERIFY(!reachability.isWatching()); // restored: nothing to wait for

    QSignalSpy finished(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(reachability.isWatching(), watched);
    if (!watched)
        return;

    // Watching from then on; the network coming back cuts the back-off short.
    QCOMPARE(rig.session.state(), Session::State::Retrying);
    QVERIFY(rig.session.nextRefreshAt() > rig.clock.now());
    emit reachability.becameReachable();
    QCOMPARE(rig.session.state(), Session::State::Refreshing);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QVERIFY(reachability.isWatching());
}

void TestFaultMatrix::wallClockJumpsTwoHoursAhead()
{
    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    rig.session.setAutoRefresh(true);
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QSignalSpy finished(&rig.session, &Session::refreshFinished);
    QDateTime aimedAt; // where the next refresh was aimed as this one finished
    connect(&rig.session, &Session::refreshFinished, this, [&] {
        if (!aimedAt.isValid())
            aimedAt = rig.session.nextRefreshAt();
    });

    rig.clock.jumpWallClock(2 * 3600);
    QCOMPARE(rig.session.state(), Session::State::Refreshing);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 15000);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QVERIFY(after.session.accessToken == QString::fromLatin1(kNewAccess));
    QVERIFY(after.session.refreshToken == QString::fromLatin1(kNewRefresh));
    QVERIFY2(aimedAt > rig.clock.now(),
             qPrintable(QStringLiteral("the next refresh was aimed %1 s before the session's now, so it fires again at "
                                       "once: the new token's expiry was not counted from the session's clock")
                            .arg(aimedAt.secsTo(rig.clock.now()))));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::callbackWithErrorAndEncodedDescription()
{
    ScriptedServer endpoint;
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);

    // Form encoding: '+' for spaces, UTF-8 percent-encoded ("–" is E2 80 93), quotes encoded.
    const auto [status, page] = getLoopback(
        QUrl(QStringLiteral("http://127.0.0.1:%1/?error=invalid_scope&error_description=Scope+%22calendar%22+is+not+"
                            "allowed+%E2%80%93+ask+an+admin&state=%2")
                 .arg(port)
                 .arg(state)));
    QCOMPARE(status, 200);
    QVERIFY2(page.contains(QLatin1String("Sign-in did not complete")), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("Scope &quot;calendar&quot; is not allowed \u2013 ask an admin")),
             qPrintable(page));
    QCOMPARE(finished.size(), 1);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::AuthorizationError);
    QCOMPARE(error.code, QStringLiteral("invalid_scope"));
    QCOMPARE(error.description, QStringLiteral("Scope \"calendar\" is not allowed \u2013 ask an admin"));
    QVERIFY(error.message().contains(QLatin1String("reported an error")));

    QCOMPARE(endpoint.requests().size(), 0);
    QCOMPARE(rig.session.state(), Session::State::SignedIn); // the earlier session goes on
    QVERIFY(sameSession(KeychainAccess::load(rig.store).session, before));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::callbackWithoutCode()
{
    ScriptedServer endpoint;
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);

    const auto [status, page] = getLoopback(QUrl(QStringLiteral("http://127.0.0.1:%1/?state=%2").arg(port).arg(state)));
    QCOMPARE(status, 200);
    QVERIFY2(page.contains(QLatin1String("without an authorization code")), qPrintable(page));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::BadCallback);
    QCOMPARE(endpoint.requests().size(), 0);
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QVERIFY(sameSession(KeychainAccess::load(rig.store).session, before));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

// The browser comes back twice (a reload, a double click). The first redirect is being exchanged
// (the token endpoint holds its answer) when the second arrives: it changes nothing.
void TestFaultMatrix::secondCallbackAfterTheFirst()
{
    ScriptedServer endpoint;
    QList<ScriptedServer::Answer> held;
    endpoint.setHandler([&held](const HttpRequest &, const ScriptedServer::Answer &answer) { held << answer; });
    ScriptedServer api;
    api.answerAlways(HttpAnswer::json(200, kAccount));
    FaultRig rig(fakeConfiguration(endpoint, api));
    QVERIFY(rig.seedAndRestore(rig.seed()));
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);
    const QString base = QStringLiteral("http://127.0.0.1:%1/?state=%2&code=").arg(port).arg(state);

    QNetworkAccessManager browser;
    QNetworkReply *first = browser.get(QNetworkRequest(QUrl(base + QStringLiteral("first-code"))));
    QVERIFY(waitFor([&held] { return held.size() == 1; }, 10000));
    const auto [status, page] = getLoopback(QUrl(base + QStringLiteral("second-code")));
    QCOMPARE(status, 409);
    QVERIFY2(page.contains(QLatin1String("already complete")), qPrintable(page));
    QCOMPARE(finished.size(), 0);

    held.first()(tokenAnswer(Rotated));
    QVERIFY(waitFor([first] { return first->isFinished(); }, 15000));
    QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(QString::fromUtf8(first->readAll()).contains(QLatin1String("You are signed in")));
    delete first;
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(endpoint.requests().first().body.contains("code=first-code"));
    // The completed sign-in replaced the stored session; a third visit finds the port closed.
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QVERIFY(after.session.accessToken == QString::fromLatin1(kNewAccess));
    QCOMPARE(after.session.email, QStringLiteral("e@x"));
    QCOMPARE(getLoopback(QUrl(base + QStringLiteral("third-code"))).first, 0);
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::garbageBytesToTheLoopbackPort()
{
    ScriptedServer endpoint;
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);

    QRandomGenerator random(20240607);
    QByteArray garbage(4096, Qt::Uninitialized);
    for (char &c : garbage)
        c = char(random.bounded(256));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write(garbage + "\r\n\r\n");
    QByteArray answer;
    QVERIFY(waitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState || answer.contains("\r\n\r\n");
        },
        10000));
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.left(40).constData());

    // A head that never ends does not stop the sign-in either.
    QTcpSocket endless;
    endless.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(endless.waitForConnected(5000));
    endless.write(garbage.left(1000));
    QVERIFY(endless.waitForBytesWritten(5000));

    QCOMPARE(finished.size(), 0);
    QCOMPARE(rig.session.state(), Session::State::SigningIn);
    // The listener still serves the real redirect.
    const auto [status, page] =
        getLoopback(QUrl(QStringLiteral("http://127.0.0.1:%1/?error=access_denied&state=%2").arg(port).arg(state)));
    QCOMPARE(status, 200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::Denied);
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QVERIFY(sameSession(KeychainAccess::load(rig.store).session, before));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

// Qt 6.4's own listener answers nothing when the head arrives in pieces (defect 10 in
// docs/qt-6.4-workarounds.md).
void TestFaultMatrix::requestHeadersSplitAcrossSegments()
{
    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    ScriptedServer api;
    api.answerAlways(HttpAnswer::json(200, kAccount));
    FaultRig rig(fakeConfiguration(endpoint, api));
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);

    QTcpSocket socket;
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1); // one write, one segment
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    const QList<QByteArray> pieces = {
        "GET /?code=split-code&state=" + state.toLatin1() + " HTTP/1.1\r\n",
        "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\nUser-Agent: split\r\n",
        "Accept: text/html\r\n\r\n",
    };
    for (const QByteArray &piece : pieces) {
        QCOMPARE(socket.bytesAvailable(), qint64(0)); // no answer to half a request
        socket.write(piece);
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(50); // event-loop turns: the listener reads what has arrived so far
    }
    QByteArray answer;
    QVERIFY(waitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        15000));
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.left(40).constData());
    QVERIFY(answer.contains("You are signed in"));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
    QVERIFY(endpoint.requests().first().body.contains("code=split-code"));
    QVERIFY(KeychainAccess::load(rig.store).session.accessToken == QString::fromLatin1(kNewAccess));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::secondSignInWhileOneRuns()
{
    ScriptedServer endpoint;
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));
    QSignalSpy urls(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    const auto [port, state] = rig.startSignIn();
    QVERIFY(port != 0);
    const QUrl url = rig.session.authorizationUrl();

    QVERIFY(!rig.session.signIn(60));
    QCOMPARE(urls.size(), 1);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(rig.session.authorizationUrl(), url);
    QCOMPARE(rig.session.state(), Session::State::SigningIn);
    // The first attempt still listens, with its own state.
    const auto [status, page] = getLoopback(QUrl(QStringLiteral("http://127.0.0.1:%1/?state=%2").arg(port).arg(state)));
    QCOMPARE(status, 200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::BadCallback);
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QVERIFY(sameSession(KeychainAccess::load(rig.store).session, before));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::apiFaults_data()
{
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("refreshes");
    using K = ApiError::Kind;
    QTest::newRow("API 401 then 200 after refresh")
        << QList<int> {401, 200} << QByteArray("application/json") << kAccount << K::None << QString() << 1;
    QTest::newRow("API answers HTML") << QList<int> {200} << QByteArray("text/html")
                                      << QByteArray("<!doctype html><h1>Welcome to WebinarGeek</h1>") << K::BadReply
                                      << QStringLiteral("could not be used. It is not JSON.") << 0;
    QTest::newRow("API answers 200 with a body that is not the account")
        << QList<int> {200} << QByteArray("application/json") << QByteArray(R"({"webinars":[{"id":1}]})") << K::BadReply
        << QStringLiteral("It is not an account.") << 0;
    QTest::newRow("API answers 500") << QList<int> {500} << QByteArray("text/html") << QByteArray("<h1>Oops</h1>")
                                     << K::ServerError << QStringLiteral("HTTP 500") << 0;
}

void TestFaultMatrix::apiFaults()
{
    QFETCH(QList<int>, statuses);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, message);
    QFETCH(int, refreshes);

    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    ScriptedServer api;
    QList<HttpAnswer> answers;
    for (const int status : statuses)
        answers << (status == 401 ? HttpAnswer::json(401, R"({"message":"expired"})")
                                  : HttpAnswer::of(status, contentType, body));
    api.answerInTurn(answers);
    FaultRig rig(fakeConfiguration(endpoint, api));
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));

    const AccountAnswer answer = fetchAccountOf(rig.session);
    QVERIFY(answer.answered);
    const Account &account = answer.account;
    const ApiError &error = answer.error;
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    QCOMPARE(endpoint.requests().size(), refreshes);
    QCOMPARE(api.requests().size(), statuses.size());
    QVERIFY(api.requests().first().header("authorization") == "Bearer " + before.accessToken.toUtf8());

    const TokenStore::Result after = KeychainAccess::load(rig.store);
    if (refreshes == 0) {
        QVERIFY(account.email.isEmpty());
        QVERIFY2(sameSession(after.session, before), "the stored session changed");
    } else {
        QCOMPARE(account.email, QStringLiteral("e@x"));
        QCOMPARE(account.company, QStringLiteral("C"));
        QVERIFY(api.requests().last().header("authorization") == "Bearer " + kNewAccess);
        QVERIFY(after.session.accessToken == QString::fromLatin1(kNewAccess));
        QVERIFY(after.session.refreshToken == QString::fromLatin1(kNewRefresh));
    }
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::damagedKeychainEntry_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::newRow("garbage bytes") << QByteArray("\x00\xff\xfe garbage \x01\x02", 14);
    QTest::newRow("empty entry") << QByteArray();
    QTest::newRow("JSON of an unknown version") << QByteArray(R"({"version":7,"access_token":"a"})");
    QTest::newRow("JSON without an access token") << QByteArray(R"({"version":1,"method":"oauth"})");
    QTest::newRow("a JSON array") << QByteArray("[1,2,3]");
}

void TestFaultMatrix::damagedKeychainEntry()
{
    QFETCH(QByteArray, entry);
    ScriptedServer endpoint;
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    QVERIFY(KeychainAccess::writeRaw(rig.store.sessionEntryKey(), entry));
    QSignalSpy states(&rig.session, &Session::stateChanged);

    QVERIFY(rig.restore());
    QCOMPARE(rig.session.state(), Session::State::NeedsSignIn);
    QCOMPARE(rig.session.lastError().kind, AuthError::Kind::Keychain);
    QVERIFY2(rig.session.lastError().message().contains(QLatin1String("damaged")),
             qPrintable(rig.session.lastError().message()));
    // A refresh reads it again and says the same; nothing is sent anywhere.
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
    QVERIFY(refreshed.first().first().value<AuthError>().message().contains(QLatin1String("damaged")));
    QCOMPARE(endpoint.requests().size(), 0);
    for (const QList<QVariant> &change : qAsConst(states))
        QVERIFY(change.first().value<Session::State>() != Session::State::SignedOut);
    // Left as it was, for the person (or a sign-in) to replace.
    bool found = false;
    QCOMPARE(KeychainAccess::readRaw(rig.store.sessionEntryKey(), &found), entry);
    QVERIFY(found);
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

// The Secret Service goes away between the refresh request and its answer: the rotated refresh
// token cannot be written. The window keeps the renewed session in memory and uses it: the next
// refresh spends the rotated token (the one in the keychain is retired), and once the keychain is
// back the newest session is stored.
void TestFaultMatrix::keychainGoneWhileARefreshIsStored()
{
    KeychainAccess::SecretServiceBackAtEnd backAtEnd;
    ScriptedServer endpoint;
    int answered = 0;
    QString stopError;
    endpoint.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        if (answered++ == 0)
            stopError = KeychainAccess::stopSecretService();
        answer(tokenAnswer(answered == 1 ? Rotated : RotatedTwice));
    });
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    rig.session.setAutoRefresh(true);
    const StoredSession before = rig.seed();
    QVERIFY(rig.seedAndRestore(before));

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 30000);
    QVERIFY2(stopError.isEmpty(), qPrintable(stopError));
    const AuthError error = refreshed.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::Keychain);
    QCOMPARE(rig.session.state(), Session::State::KeychainUnavailable);
    // In use: the renewed access token is handed out.
    QVERIFY(rig.session.stored().accessToken == QString::fromLatin1(kNewAccess));
    QList<Credential> got;
    rig.session.credential([&](const Credential &credential, const QString &) { got << credential; });
    QCOMPARE(got.size(), 1);
    QVERIFY(got.first().value == QString::fromLatin1(kNewAccess));

    // Refreshed again while the keychain is still away: with the rotated token, from memory.
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 30000);
    QCOMPARE(endpoint.requests().size(), 2);
    QVERIFY2(endpoint.requests().last().body.contains("refresh_token=" + kNewRefresh),
             "the second refresh did not spend the rotated refresh token");
    QVERIFY(rig.session.stored().accessToken == QString::fromLatin1(kNewerAccess));
    QCOMPARE(rig.session.state(), Session::State::KeychainUnavailable);

    // The keychain comes back: the newest session is stored without anyone asking.
    const QString startError = KeychainAccess::startSecretService();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    backAtEnd.needed = false;
    QTRY_COMPARE_WITH_TIMEOUT(rig.session.state(), Session::State::SignedIn, 60000);
    QVERIFY(!rig.session.lastError().isError());
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY2(after.session.refreshToken == QString::fromLatin1(kNewerRefresh), "the rotated refresh token was lost");
    QVERIFY(after.session.accessToken == QString::fromLatin1(kNewerAccess));
    QCOMPARE(after.session.email, before.email);
    QCOMPARE(endpoint.requests().size(), 2); // storing it spent nothing
    QVERIFY(rig.session.nextRefreshAt() > rig.clock.now());
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

void TestFaultMatrix::keychainLockedInTheMiddle()
{
    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    FaultRig rig(fakeConfiguration(endpoint, endpoint));
    rig.session.setAutoRefresh(true);
    QVERIFY(rig.seedAndRestore(rig.seed()));
    QSignalSpy states(&rig.session, &Session::stateChanged);

    const QString lockError = KeychainAccess::lockDefaultCollection();
    QVERIFY2(lockError.isEmpty(), qPrintable(lockError));

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
    const AuthError error = refreshed.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::Keychain);
    QVERIFY2(error.message().contains(QLatin1String("keychain unavailable: the keyring is locked")),
             qPrintable(error.message()));
    QCOMPARE(rig.session.state(), Session::State::KeychainUnavailable);
    QCOMPARE(endpoint.requests().size(), 0); // nothing spent without a place to keep the result

    QVERIFY(rig.restore());
    QCOMPARE(rig.session.state(), Session::State::KeychainUnavailable);
    QVERIFY(rig.session.lastError().message().contains(QLatin1String("locked")));
    for (const QList<QVariant> &change : qAsConst(states))
        QVERIFY2(change.first().value<Session::State>() != Session::State::SignedOut,
                 "a locked keyring read as signed out");
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "TestFaultMatrix.moc"
