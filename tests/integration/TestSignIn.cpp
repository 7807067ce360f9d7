// The sign-in flow in-process: Session, AuthorizationFlow and TokenStore against the sandbox's
// real authorization server and a real (private) gnome-keyring.

#include "FaultRig.h" // getLoopback(), redirectPort()
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "SessionRig.h"

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QHostAddress>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

// A token endpoint that misbehaves in ways the real server will not.
class FaultyTokenEndpoint : public QObject
{
public:
    enum class Fault { ServerError, NotJson, InvalidGrant, Silent, ErrorInSuccess };

    explicit FaultyTokenEndpoint(Fault fault)
        : m_fault(fault)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_received += socket->readAll();
                    if (!m_received.contains("\r\n\r\n") || m_fault == Fault::Silent)
                        return; // Silent: read, never answer
                    socket->write(answer());
                    socket->disconnectFromHost();
                });
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(m_server.serverPort())); }
    QByteArray received() const { return m_received; }

private:
    QByteArray answer() const
    {
        QByteArray status = "200 OK";
        QByteArray type = "application/json";
        QByteArray body;
        switch (m_fault) {
        case Fault::ServerError:
            status = "500 Internal Server Error";
            type = "text/html";
            body = "<h1>Internal Server Error</h1>";
            break;
        case Fault::NotJson:
            type = "text/plain";
            body = "this is not a token";
            break;
        case Fault::InvalidGrant:
            status = "400 Bad Request";
            body = R"({"error":"invalid_grant","error_description":"code expired"})";
            break;
        case Fault::ErrorInSuccess:
            body = R"({"error":"temporarily_unavailable","error_description":"try later"})";
            break;
        case Fault::Silent:
            break;
        }
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    QTcpServer m_server;
    Fault m_fault;
    QByteArray m_received;
};

bool portIsClosed(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return !socket.waitForConnected(2000);
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void signsInAndStores_data();
    void signsInAndStores();
    void denial();
    void foreignRedirectsAreIgnored();
    void timesOut();
    void cancels();
    void secondSignInIsRefused();
    void wrongClientSecret();
    void tokenEndpointFaults_data();
    void tokenEndpointFaults();
    void codeIsSentAsItArrived();
    void refreshRotatesAndKeepsSession();
    void signOutDuringRefresh();
    void sessionWithoutRefreshTokenDropsTheOldOne();
    void unreadableAccountKeepsThePreviousSession();

private:
    std::unique_ptr<Sandbox> m_sandbox;
};

void TestSignIn::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

// Every test starts signed out: the sandbox's clients share one keychain entry each.
void TestSignIn::init()
{
    for (const Sandbox::Client client : {Sandbox::Client::Public, Sandbox::Client::Confidential}) {
        TokenStore store(m_sandbox->configuration(client).storageKey());
        bool done = false;
        store.clear([&done](const TokenStore::Result &) { done = true; });
        QVERIFY(waitFor([&done] { return done; }, 10000));
    }
}

void TestSignIn::signsInAndStores_data()
{
    QTest::addColumn<Sandbox::Client>("client");
    QTest::newRow("public client (PKCE only)") << Sandbox::Client::Public;
    QTest::newRow("confidential client (client_secret_post)") << Sandbox::Client::Confidential;
}

void TestSignIn::signsInAndStores()
{
    QFETCH(Sandbox::Client, client);
    SessionRig rig(m_sandbox->configuration(client));
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);

    QVERIFY(rig.session.signIn(60));
    QCOMPARE(rig.session.state(), Session::State::SigningIn);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();
    const QUrlQuery query(url);

    // The request the browser carries: PKCE S256, a 128-bit state, the loopback redirect.
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(query.queryItemValue(QStringLiteral("state")).size() >= 22);
    QVERIFY(!query.hasQueryItem(QStringLiteral("scope")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("client_secret")));
    const quint16 port = redirectPort(url);
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:%1/").arg(port));

    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url);
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QCOMPARE(browser.status, 200);
    QVERIFY2(browser.page.contains(QLatin1String("You are signed in")), qPrintable(browser.page));
    QVERIFY(browser.page.contains(QLatin1String("jane@example.com")));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(rig.session.stored().email, QStringLiteral("jane@example.com"));
    QCOMPARE(rig.session.stored().company, QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(rig.session.stored().scope, QStringLiteral("api"));
    QVERIFY(rig.session.stored().expiresAt > QDateTime::currentDateTimeUtc().addSecs(600));

    // In the keychain: both tokens, and the access token is one the server accepts.
    const TokenStore::Result stored = KeychainAccess::load(rig.store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QVERIFY(!stored.session.refreshToken.isEmpty());
    QVERIFY(stored.session.accessToken == rig.session.stored().accessToken);
    QCOMPARE(m_sandbox->accountStatus(stored.session.accessToken), 200);

    // The attempt is over: its listener is gone.
    QVERIFY(portIsClosed(port));
}

void TestSignIn::denial()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(60);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();

    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url, {QStringLiteral("--deny")});
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    // The browser is told the truth, with the server's words.
    QVERIFY2(browser.page.contains(QLatin1String("Sign-in did not complete")), qPrintable(browser.page));
    QVERIFY(browser.page.contains(QLatin1String("The user denied the authorization request")));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::Denied);
    QCOMPARE(error.code, QStringLiteral("access_denied"));
    QCOMPARE(error.description, QStringLiteral("The user denied the authorization request"));
    QVERIFY(error.message().contains(QLatin1String("denied")));
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
    QVERIFY(portIsClosed(redirectPort(url)));
}

void TestSignIn::foreignRedirectsAreIgnored()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(60);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();
    const QString state = QUrlQuery(url).queryItemValue(QStringLiteral("state"));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(redirectPort(url));

    // Another program on this computer tries to end or take over the sign-in.
    auto [status, page] = getLoopback(QUrl(base + QStringLiteral("/?code=stolen&state=wrong")));
    QCOMPARE(status, 400);
    QVERIFY(page.contains(QLatin1String("does not belong")));
    std::tie(status, page) = getLoopback(QUrl(base + QStringLiteral("/?code=stolen")));
    QCOMPARE(status, 400);
    std::tie(status, page) = getLoopback(QUrl(base + QStringLiteral("/?error=access_denied&state=wrong")));
    QCOMPARE(status, 400);
    // Qt 6.4 matches the path by prefix; here only "/" counts, even with the right state.
    std::tie(status, page) = getLoopback(QUrl(base + QStringLiteral("/cbEVIL?code=stolen&state=") + state));
    QCOMPARE(status, 404);
    std::tie(status, page) = getLoopback(QUrl(base + QStringLiteral("/favicon.ico")));
    QCOMPARE(status, 404);

    QCOMPARE(finished.size(), 0);
    QCOMPARE(rig.session.state(), Session::State::SigningIn);

    // The real browser still completes the attempt: none of the above reached the token endpoint.
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url);
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QVERIFY2(browser.page.contains(QLatin1String("You are signed in")), qPrintable(browser.page));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
}

void TestSignIn::timesOut()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(1);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::TimedOut);
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QVERIFY(portIsClosed(redirectPort(urlSpy.first().first().toUrl())));
}

void TestSignIn::cancels()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(300);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();
    rig.session.cancelSignIn();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::Cancelled);
    QVERIFY(portIsClosed(redirectPort(url)));
    // A browser that comes back late finds nobody listening.
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url);
    QCOMPARE(browser.exitCode, 1);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
}

void TestSignIn::secondSignInIsRefused()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QVERIFY(rig.session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    QVERIFY(!rig.session.signIn(60));
    QCOMPARE(urlSpy.size(), 1);
    QCOMPARE(rig.session.state(), Session::State::SigningIn);
    rig.session.cancelSignIn();
}

void TestSignIn::wrongClientSecret()
{
    Configuration config = m_sandbox->configuration(Sandbox::Client::Confidential);
    config.clientSecret = QStringLiteral("not-the-secret");
    SessionRig rig(config);
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(60);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(urlSpy.first().first().toUrl());
    QVERIFY2(browser.page.contains(QLatin1String("Sign-in did not complete")), qPrintable(browser.page));
    QVERIFY(browser.page.contains(QLatin1String("client authentication failed")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::InvalidClient);
    QCOMPARE(error.code, QStringLiteral("invalid_client"));
    QCOMPARE(error.description, QStringLiteral("client authentication failed"));
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
}

void TestSignIn::tokenEndpointFaults_data()
{
    QTest::addColumn<int>("fault"); // -1: nothing listens at the token URL
    QTest::addColumn<AuthError::Kind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("500 with an HTML page")
        << int(FaultyTokenEndpoint::Fault::ServerError) << AuthError::Kind::ServerError << QStringLiteral("HTTP 500");
    QTest::newRow("200 that is not JSON")
        << int(FaultyTokenEndpoint::Fault::NotJson) << AuthError::Kind::BadReply << QStringLiteral("not JSON");
    QTest::newRow("400 invalid_grant") << int(FaultyTokenEndpoint::Fault::InvalidGrant) << AuthError::Kind::InvalidGrant
                                       << QStringLiteral("code expired");
    QTest::newRow("200 carrying an error") << int(FaultyTokenEndpoint::Fault::ErrorInSuccess)
                                           << AuthError::Kind::ServerError << QStringLiteral("try later");
    QTest::newRow("no answer") << int(FaultyTokenEndpoint::Fault::Silent) << AuthError::Kind::NoAnswer << QString();
    QTest::newRow("connection refused") << -1 << AuthError::Kind::NetworkError << QStringLiteral("refused");
}

void TestSignIn::tokenEndpointFaults()
{
    QFETCH(int, fault);
    QFETCH(AuthError::Kind, kind);
    QFETCH(QString, detail);

    std::unique_ptr<FaultyTokenEndpoint> endpoint;
    Configuration config = m_sandbox->configuration();
    if (fault >= 0) {
        endpoint = std::make_unique<FaultyTokenEndpoint>(FaultyTokenEndpoint::Fault(fault));
        config.tokenUrl = endpoint->url();
    } else {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        config.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closed.serverPort()));
    }
    SessionRig rig(config);
    rig.network.setTimeout(1500);
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(60);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(urlSpy.first().first().toUrl());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QVERIFY2(browser.page.contains(QLatin1String("Sign-in did not complete")), qPrintable(browser.page));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message().contains(detail), qPrintable(error.message()));
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
    if (endpoint) {
        // What reached the token endpoint was a proper PKCE code exchange.
        const QByteArray request = endpoint->received();
        QVERIFY(request.contains("grant_type=authorization_code"));
        QVERIFY(request.contains("code_verifier="));
        QVERIFY(request.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
    }
}

// Defect 4 (QTBUG-81624): a code holding characters that a URL escapes reaches the token endpoint
// encoded exactly once, the same as it arrived in the redirect. (The sandbox's codes are
// base64url; this one comes from the test playing the browser.)
void TestSignIn::codeIsSentAsItArrived()
{
    FaultyTokenEndpoint endpoint(FaultyTokenEndpoint::Fault::InvalidGrant);
    Configuration config = m_sandbox->configuration();
    config.tokenUrl = endpoint.url();
    SessionRig rig(config);
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    rig.session.signIn(60);
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl authorization = urlSpy.first().first().toUrl();
    // The code is "a/b+c%d e~".
    const QByteArray code = "a%2Fb%2Bc%25d%20e~";
    const QUrl redirect =
        QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(redirectPort(authorization)) + "/?code=" + code
                          + "&state=" + QUrl::toPercentEncoding(stateOf(authorization)));
    QCOMPARE(getLoopback(redirect).first, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().first().value<AuthError>().kind, AuthError::Kind::InvalidGrant);

    const QByteArray request = endpoint.received();
    const QList<QByteArray> parameters = request.mid(request.indexOf("\r\n\r\n") + 4).split('&');
    // On failure only the code is shown: the body also holds the PKCE verifier.
    QByteArray sent;
    for (const QByteArray &parameter : parameters) {
        if (parameter.startsWith("code="))
            sent = parameter;
    }
    QCOMPARE(sent, "code=" + code);
    QVERIFY(parameters.contains("grant_type=authorization_code"));
}

void TestSignIn::refreshRotatesAndKeepsSession()
{
    SessionRig rig(m_sandbox->configuration());
    QVERIFY(signInWithBrowser(rig.session));
    const TokenStore::Result before = KeychainAccess::load(rig.store);
    QCOMPARE(before.status, TokenStore::Status::Ok);

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 10000);
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QVERIFY(after.session.accessToken != before.session.accessToken);
    QVERIFY(after.session.refreshToken != before.session.refreshToken); // rotated, and stored
    QCOMPARE(after.session.email, QStringLiteral("jane@example.com"));
    QCOMPARE(m_sandbox->accountStatus(after.session.accessToken), 200);

    // A transient failure keeps the stored session: point the refresh at a dead server.
    Configuration dead = m_sandbox->configuration();
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    dead.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closed.serverPort()));
    closed.close();
    NetworkAccess network;
    TokenStore sameStore(m_sandbox->configuration().storageKey());
    Session offline(dead, &network, &sameStore);
    QSignalSpy offlineRestored(&offline, &Session::restoreFinished);
    offline.restore();
    QVERIFY(offlineRestored.wait(10000));
    QSignalSpy offlineDone(&offline, &Session::refreshFinished);
    offline.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(offlineDone.size(), 1, 10000);
    QCOMPARE(offlineDone.first().first().value<AuthError>().kind, AuthError::Kind::NetworkError);
    const TokenStore::Result kept = KeychainAccess::load(rig.store);
    QVERIFY(kept.session.refreshToken == after.session.refreshToken);

    // The server revokes the grant: the refresh is rejected for good and the session removed.
    QNetworkAccessManager plain;
    QNetworkRequest revoke(m_sandbox->configuration().revokeUrl);
    revoke.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = plain.post(
        revoke, "client_id=webinargeek-connect-sandbox&token=" + QUrl::toPercentEncoding(after.session.refreshToken));
    waitFor([reply] { return reply->isFinished(); }, 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
    QSignalSpy rejected(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 10000);
    QCOMPARE(rejected.first().first().value<AuthError>().kind, AuthError::Kind::InvalidGrant);
    QCOMPARE(rig.session.state(), Session::State::NeedsSignIn);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
}

// Signing out while a refresh is in flight: the refresh stores its tokens first, then sign-out
// revokes and deletes exactly those, so nothing comes back.
void TestSignIn::signOutDuringRefresh()
{
    SessionRig rig(m_sandbox->configuration());
    QVERIFY(signInWithBrowser(rig.session));

    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    QSignalSpy signedOut(&rig.session, &Session::signOutFinished);
    rig.session.refresh();
    rig.session.signOut();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 15000);
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(!signedOut.first().first().value<AuthError>().isError());
    QCOMPARE(rig.session.state(), Session::State::SignedOut);
    QCOMPARE(KeychainAccess::load(rig.store).status, TokenStore::Status::NotFound);
}

void TestSignIn::sessionWithoutRefreshTokenDropsTheOldOne()
{
    TokenStore store(QStringLiteral("test-without-refresh@http://127.0.0.1:1"));
    StoredSession session;
    session.accessToken = QStringLiteral("first-access");
    session.refreshToken = QStringLiteral("first-refresh");
    bool done = false;
    store.save(session, [&done](const TokenStore::Result &) { done = true; });
    QVERIFY(waitFor([&done] { return done; }, 10000));
    QVERIFY(KeychainAccess::load(store).session.refreshToken == session.refreshToken);

    // A new session for which the server issued no refresh token.
    session.accessToken = QStringLiteral("second-access");
    session.refreshToken.clear();
    done = false;
    store.save(session, [&done](const TokenStore::Result &) { done = true; });
    QVERIFY(waitFor([&done] { return done; }, 10000));
    const TokenStore::Result loaded = KeychainAccess::load(store);
    QCOMPARE(loaded.status, TokenStore::Status::Ok);
    QVERIFY(loaded.session.accessToken == session.accessToken);
    QVERIFY(loaded.session.refreshToken.isEmpty());
}

// Signing in again succeeds at the token endpoint, but the account cannot be read (the API is
// down): that sign-in is not kept, and the session it would have replaced stays, stored and shown.
void TestSignIn::unreadableAccountKeepsThePreviousSession()
{
    SessionRig working(m_sandbox->configuration());
    QVERIFY(signInWithBrowser(working.session));
    const TokenStore::Result before = KeychainAccess::load(working.store);
    QCOMPARE(before.status, TokenStore::Status::Ok);

    // Same client and token endpoint (so the same keychain entry), an API nobody answers at.
    Configuration apiDown = m_sandbox->configuration();
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    apiDown.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2").arg(closed.serverPort()));
    closed.close();
    SessionRig again(apiDown);
    QSignalSpy restored(&again.session, &Session::restoreFinished);
    again.session.restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(again.session.state(), Session::State::SignedIn);

    QSignalSpy finished(&again.session, &Session::signInFinished);
    QVERIFY(!signInWithBrowser(again.session));
    QCOMPARE(finished.size(), 1);
    const AuthError error = finished.first().first().value<AuthError>();
    QCOMPARE(error.kind, AuthError::Kind::Account);
    QVERIFY2(error.message().startsWith(QLatin1String("Signed in, but the account could not be read.")),
             qPrintable(error.message()));
    QCOMPARE(again.session.state(), Session::State::SignedIn);
    QCOMPARE(again.session.stored().email, QStringLiteral("jane@example.com"));

    const TokenStore::Result after = KeychainAccess::load(again.store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY(after.session.accessToken == before.session.accessToken);
    QVERIFY(after.session.refreshToken == before.session.refreshToken);
    QCOMPARE(m_sandbox->accountStatus(after.session.accessToken), 200);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "TestSignIn.moc"
