// Endpoints from an issuer URL: the sandbox's real metadata (oidc-provider serves it at both
// well-known addresses), a sign-in over the endpoints it names, and a scripted server for the metadata the sandbox will
// not serve (another issuer, no S256, http endpoints on a foreign host, not JSON, 404 at both addresses). The command
// line says what is wrong and keeps the stored session.
#include "AppProcess.h"
#include "Sandbox.h"
#include "ScriptedServer.h"
#include "SessionRig.h"
#include "api/NetworkAccess.h"
#include "auth/IssuerDiscovery.h"
#include "auth/IssuerRefresh.h"
#include "auth/Reachability.h"
#include "auth/ResolveConfiguration.h"
#include "config/IssuerMetadataCache.h"
#include "config/Preferences.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kClientId = QStringLiteral("webinargeek-connect-sandbox");

// The issuer of a scripted server: its own address, as oidc-provider's is.
QUrl issuerOf(const ScriptedServer &server)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
}

QByteArray metadataFor(const QUrl &issuer, const QJsonObject &changes = {}, const QStringList &remove = {})
{
    const QString base = issuer.toString();
    QJsonObject object {
        {QStringLiteral("issuer"), base},
        {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/oauth/authorize")},
        {QStringLiteral("token_endpoint"), base + QStringLiteral("/oauth/token")},
        {QStringLiteral("revocation_endpoint"), base + QStringLiteral("/oauth/revoke")},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}},
    };
    for (auto it = changes.begin(); it != changes.end(); ++it)
        object.insert(it.key(), it.value());
    for (const QString &key : remove)
        object.remove(key);
    return QJsonDocument(object).toJson();
}

} // namespace

class TestIssuerDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void sandboxMetadata();
    void signInOverDiscoveredEndpoints();
    void explicitEndpointsWin();
    void allEndpointsSetNeedNoMetadata();
    void freshCopyIsUsed();
    void failedEndpointMeansAskAgain();
    void failedOwnEndpointKeepsCopy();
    void badMetadata_data();
    void badMetadata();
    void secondAddressAfter404();
    void unreachableUsesStaleCopy();
    void staleCopyAfterAnswer_data();
    void staleCopyAfterAnswer();
    void unreachableWithoutCopy();
    void silentServerTimesOut();
    void bodyCutOff();
    void commandLineSaysWhatIsWrongAndKeepsSession();
    void windowFollowsMovedEndpoint();
    void settingsChangedDuringReadStay();
    void statusReadsNoMetadata();
    void windowReadsStaleCopyAgain();
    void windowRetriesFailedLookup();

private:
    // resolveConfiguration() as start-up runs it, with `env` on top of an empty settings file.
    Configuration resolve(const QProcessEnvironment &env);
    QProcessEnvironment issuerEnvironment(const QUrl &issuer) const;
    // A signed-in session whose access token has expired, stored and restored.
    void storeExpiredSession(SessionRig &rig) { storeExpiredSession(rig.session); }
    void storeExpiredSession(Session &session);

    std::unique_ptr<Sandbox> m_sandbox;
    QTemporaryDir m_dir;
};

void TestIssuerDiscovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // tests/with-keyring.sh gives this process a throwaway HOME; the cache goes under it.
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CACHE_HOME"));
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestIssuerDiscovery::init()
{
    QFile::remove(IssuerMetadataCache::defaultPath());
}

QProcessEnvironment TestIssuerDiscovery::issuerEnvironment(const QUrl &issuer) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"WEBINARGEEK_AUTHORIZE_URL", "WEBINARGEEK_TOKEN_URL", "WEBINARGEEK_REVOKE_URL", "WEBINARGEEK_CLIENT_SECRET"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("WEBINARGEEK_ISSUER"), issuer.toString());
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), m_sandbox->configuration().apiUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), kClientId);
    return env;
}

Configuration TestIssuerDiscovery::resolve(const QProcessEnvironment &env)
{
    Preferences preferences(m_dir.filePath(QStringLiteral("settings.conf")), env);
    Configuration resolved;
    bool done = false;
    QObject context;
    resolveConfiguration(preferences, &context, [&](const Configuration &config, const QString &) {
        resolved = config;
        done = true;
    });
    if (!waitFor([&done] { return done; }, 40000))
        qWarning("resolveConfiguration() did not finish");
    return resolved;
}

void TestIssuerDiscovery::sandboxMetadata()
{
    const QUrl issuer = m_sandbox->baseUrl().adjusted(QUrl::StripTrailingSlash);
    const Configuration config = resolve(issuerEnvironment(issuer));
    QCOMPARE(config.issuerProblem, QString());
    const Configuration expected = m_sandbox->configuration();
    QCOMPARE(config.authorizeUrl, expected.authorizeUrl);
    QCOMPARE(config.tokenUrl, expected.tokenUrl);
    QCOMPARE(config.revokeUrl, expected.revokeUrl);
    QCOMPARE(config.problems(), QStringList());

    // Kept with its time of fetch, and the address it came from: RFC 8414's, asked first.
    const IssuerMetadata cached = IssuerMetadataCache().read(issuer);
    QCOMPARE(cached.tokenEndpoint, expected.tokenUrl);
    QCOMPARE(cached.source, IssuerMetadata::wellKnownUrls(issuer).at(0));
    QVERIFY(qAbs(cached.fetchedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Its OpenID Connect document, the second address, passes the same rules.
    const QUrl second = IssuerMetadata::wellKnownUrls(issuer).at(1);
    NetworkAccess network;
    QNetworkReply *reply = network.get(QNetworkRequest(second));
    QVERIFY(waitFor([reply] { return reply->isFinished(); }, 10000));
    const IssuerMetadata::Parsed parsed = IssuerMetadata::parse(reply->readAll(), issuer, second);
    reply->deleteLater();
    QCOMPARE(parsed.problem, QString());
    QCOMPARE(parsed.metadata.tokenEndpoint, expected.tokenUrl);
    QCOMPARE(parsed.metadata.revocationEndpoint, expected.revokeUrl);
}

void TestIssuerDiscovery::signInOverDiscoveredEndpoints()
{
    const QUrl issuer = m_sandbox->baseUrl().adjusted(QUrl::StripTrailingSlash);
    const Configuration config = resolve(issuerEnvironment(issuer));
    QCOMPARE(config.problems(), QStringList());
    SessionRig rig(config);
    QVERIFY(signInWithBrowser(rig.session));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QVERIFY(m_sandbox->grantsOf("authorization_code") >= 1);
}

void TestIssuerDiscovery::explicitEndpointsWin()
{
    ScriptedServer server;
    server.setHandler([&server](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
    });
    QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://own.example.invalid/token"));
    const Configuration config = resolve(env);
    QCOMPARE(config.issuerProblem, QString());
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://own.example.invalid/token")));
    QCOMPARE(config.authorizeUrl.toString(), issuerOf(server).toString() + QStringLiteral("/oauth/authorize"));
}

void TestIssuerDiscovery::allEndpointsSetNeedNoMetadata()
{
    // Nothing of the metadata would be used: it is not read, and its server's refusal stops
    // nothing.
    ScriptedServer server;
    server.setHandler([&server](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(
            200, metadataFor(issuerOf(server), {}, {QStringLiteral("code_challenge_methods_supported")})));
    });
    QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), QStringLiteral("https://own.example.invalid/authorize"));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://own.example.invalid/token"));
    env.insert(QStringLiteral("WEBINARGEEK_REVOKE_URL"), QStringLiteral("https://own.example.invalid/revoke"));
    const Configuration config = resolve(env);
    QCOMPARE(config.issuerProblem, QString());
    QCOMPARE(config.problems(), QStringList());
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://own.example.invalid/token")));
    QCOMPARE(server.requests().size(), 0);
}

void TestIssuerDiscovery::freshCopyIsUsed()
{
    ScriptedServer server;
    server.setHandler([&server](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    QCOMPARE(resolve(env).issuerProblem, QString());
    QCOMPARE(server.requests().size(), 1);
    const Configuration again = resolve(env);
    QCOMPARE(again.tokenUrl.toString(), issuerOf(server).toString() + QStringLiteral("/oauth/token"));
    QCOMPARE(server.requests().size(), 1); // from the copy

    // A day later it is read again.
    const IssuerMetadataCache cache;
    IssuerMetadata old = cache.read(issuerOf(server));
    old.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-IssuerMetadata::kFreshSeconds - 60);
    QVERIFY(cache.write(old));
    QCOMPARE(resolve(env).issuerProblem, QString());
    QCOMPARE(server.requests().size(), 2);
}

void TestIssuerDiscovery::failedEndpointMeansAskAgain()
{
    // The token endpoint the metadata names answers 404: the copy is no longer trusted, and the
    // next start asks the server again (and follows it to the endpoint it names now).
    ScriptedServer server;
    QByteArray tokenPath = "/oauth/token";
    server.setHandler([&](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path().startsWith("/.well-known/")) {
            answer(HttpAnswer::json(200,
                                    metadataFor(issuerOf(server),
                                                {{QStringLiteral("token_endpoint"),
                                                  issuerOf(server).toString() + QString::fromLatin1(tokenPath)}})));
            return;
        }
        answer(HttpAnswer::of(404, "text/plain", "no such endpoint"));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    const Configuration config = resolve(env);
    QCOMPARE(config.issuerProblem, QString());
    SessionRig rig(config);
    storeExpiredSession(rig);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!IssuerMetadataCache().read(issuerOf(server)).isStaleAt(QDateTime::currentDateTimeUtc()));

    // The refresh goes to the endpoint the metadata named, which answers 404.
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QVERIFY(waitFor([&refreshed] { return refreshed.size() == 1; }, 20000));
    QCOMPARE(refreshed.at(0).at(0).value<AuthError>().httpStatus, 404);
    QVERIFY(server.requests().constLast().path() == "/oauth/token");
    QVERIFY(IssuerMetadataCache().read(issuerOf(server)).isStaleAt(QDateTime::currentDateTimeUtc()));

    const int before = server.requests().size();
    tokenPath = "/oauth/v2/token";
    const Configuration next = resolve(env);
    QVERIFY(server.requests().size() > before);
    QCOMPARE(next.tokenUrl.toString(), issuerOf(server).toString() + QStringLiteral("/oauth/v2/token"));
}

void TestIssuerDiscovery::failedOwnEndpointKeepsCopy()
{
    // The token endpoint is set one by one and answers 404: nothing the metadata named failed,
    // so its copy stays fresh.
    ScriptedServer server;
    server.setHandler([&server](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path().startsWith("/.well-known/"))
            answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
        else
            answer(HttpAnswer::of(404, "text/plain", "no such endpoint"));
    });
    QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), issuerOf(server).toString() + QStringLiteral("/own/token"));
    SessionRig rig(resolve(env));
    storeExpiredSession(rig);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy failed(&rig.session, &Session::issuerEndpointFailed);
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QVERIFY(waitFor([&refreshed] { return refreshed.size() == 1; }, 20000));
    QCOMPARE(refreshed.at(0).at(0).value<AuthError>().httpStatus, 404);
    QCOMPARE(server.requests().constLast().path(), QByteArray("/own/token"));
    QVERIFY(!IssuerMetadataCache().read(issuerOf(server)).isStaleAt(QDateTime::currentDateTimeUtc()));
    QCOMPARE(failed.size(), 0);
}

void TestIssuerDiscovery::badMetadata_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("rule"); // words the problem must contain

    // Placeholders: ISSUER is replaced by the scripted server's address.
    QTest::newRow("issuer mismatch") << QByteArray("200") << QByteArray("mismatch")
                                     << QStringLiteral("names the issuer \"https://auth.example.invalid\", not ");
    QTest::newRow("no S256") << QByteArray("200") << QByteArray("plain")
                             << QStringLiteral("does not offer PKCE's S256 method (it offers plain)");
    QTest::newRow("http endpoint on a foreign host")
        << QByteArray("200") << QByteArray("http-token")
        << QStringLiteral("The token URL \"http://auth.example.invalid/oauth/token\" does not use https");
    QTest::newRow("http authorization endpoint on a foreign host")
        << QByteArray("200") << QByteArray("http-authorize")
        << QStringLiteral("The authorization URL \"http://login.example.invalid/authorize\" does not use https");
    QTest::newRow("not JSON") << QByteArray("200") << QByteArray("html") << QStringLiteral("is not a JSON object");
    QTest::newRow("404 at both") << QByteArray("404") << QByteArray() << QStringLiteral("answered 404 Not Found");
    QTest::newRow("server error") << QByteArray("500") << QByteArray() << QStringLiteral("answered HTTP 500");
    // Sent on to the second address, which has good metadata: not followed all the same.
    QTest::newRow("redirect") << QByteArray("302") << QByteArray("redirect") << QStringLiteral("was not followed");
}

void TestIssuerDiscovery::badMetadata()
{
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, rule);

    ScriptedServer server;
    const QUrl issuer = issuerOf(server);
    server.setHandler([&](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (body == "redirect") {
            if (request.path() == "/.well-known/openid-configuration")
                answer(HttpAnswer::json(200, metadataFor(issuer)));
            else
                answer(HttpAnswer::redirect(302, IssuerMetadata::wellKnownUrls(issuer).at(1)));
            return;
        }
        QByteArray document;
        if (body == "mismatch")
            document =
                metadataFor(issuer, {{QStringLiteral("issuer"), QStringLiteral("https://auth.example.invalid")}});
        else if (body == "plain")
            document = metadataFor(
                issuer, {{QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("plain")}}});
        else if (body == "http-token")
            document = metadataFor(
                issuer,
                {{QStringLiteral("token_endpoint"), QStringLiteral("http://auth.example.invalid/oauth/token")}});
        else if (body == "http-authorize")
            document = metadataFor(
                issuer,
                {{QStringLiteral("authorization_endpoint"), QStringLiteral("http://login.example.invalid/authorize")}});
        else if (body == "html")
            document = "<html><body>Sign in</body></html>";
        answer(HttpAnswer::of(status.toInt(), body == "html" ? "text/html" : "application/json", document));
    });
    const Configuration config = resolve(issuerEnvironment(issuer));
    QVERIFY2(config.issuerProblem.contains(rule), qPrintable(config.issuerProblem));
    const QList<QUrl> urls = IssuerMetadata::wellKnownUrls(issuer);
    // Which address: the issuer's, or the one the answer came from, which begins with it.
    QVERIFY2(config.issuerProblem.contains(issuer.toDisplayString()), qPrintable(config.issuerProblem));
    // Nothing is taken from it, nothing kept, and it is the problem named.
    QVERIFY(config.tokenUrl.isEmpty());
    QVERIFY(config.authorizeUrl.isEmpty());
    QVERIFY(IssuerMetadataCache().read(issuer).isEmpty());
    QVERIFY(config.problems().contains(config.issuerProblem));
    // 404 at the first address: the second was asked too.
    QCOMPARE(server.requests().size(), status == "404" ? 2 : 1);
    QCOMPARE(server.requests().constFirst().path(), urls.constFirst().path().toLatin1());
}

void TestIssuerDiscovery::secondAddressAfter404()
{
    ScriptedServer server;
    server.setHandler([&server](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/.well-known/openid-configuration")
            answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
        else
            answer(HttpAnswer::of(404, "text/plain", "not here"));
    });
    const Configuration config = resolve(issuerEnvironment(issuerOf(server)));
    QCOMPARE(config.issuerProblem, QString());
    QCOMPARE(config.tokenUrl.toString(), issuerOf(server).toString() + QStringLiteral("/oauth/token"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).path(), QByteArray("/.well-known/oauth-authorization-server"));
    QCOMPARE(server.requests().at(1).path(), QByteArray("/.well-known/openid-configuration"));
}

void TestIssuerDiscovery::unreachableUsesStaleCopy()
{
    QUrl issuer;
    QProcessEnvironment env;
    {
        ScriptedServer server;
        issuer = issuerOf(server);
        server.setHandler([&server](const HttpRequest &, const ScriptedServer::Answer &answer) {
            answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
        });
        env = issuerEnvironment(issuer);
        QCOMPARE(resolve(env).issuerProblem, QString());
    }
    IssuerMetadataCache().markStale(issuer);
    // The server is gone (nothing listens on its port): the copy stands in.
    const Configuration config = resolve(env);
    QCOMPARE(config.issuerProblem, QString());
    QCOMPARE(config.tokenUrl.toString(), issuer.toString() + QStringLiteral("/oauth/token"));
}

void TestIssuerDiscovery::staleCopyAfterAnswer_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("copyUsed");

    // Down, busy, or a captive portal's page: nothing about the metadata, so the copy stands in.
    QTest::newRow("503") << 503 << QByteArray("unavailable") << true;
    QTest::newRow("429") << 429 << QByteArray("slow down") << true;
    QTest::newRow("200 not JSON") << 200 << QByteArray("<html><body>Accept the terms</body></html>") << true;
    // The server's own word about its metadata: believed.
    QTest::newRow("refused metadata") << 200 << QByteArray("plain") << false;
    QTest::newRow("404 at both") << 404 << QByteArray("not here") << false;
    QTest::newRow("redirect") << 302 << QByteArray() << false;
}

void TestIssuerDiscovery::staleCopyAfterAnswer()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, copyUsed);

    ScriptedServer server;
    const QUrl issuer = issuerOf(server);
    bool good = true;
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        if (good)
            answer(HttpAnswer::json(200, metadataFor(issuer)));
        else if (body == "plain")
            answer(HttpAnswer::json(200,
                                    metadataFor(issuer,
                                                {{QStringLiteral("code_challenge_methods_supported"),
                                                  QJsonArray {QStringLiteral("plain")}}})));
        else if (status == 302)
            answer(HttpAnswer::redirect(302, QUrl(QStringLiteral("https://elsewhere.example.invalid/metadata"))));
        else
            answer(HttpAnswer::of(status, "text/html", body));
    });
    const QProcessEnvironment env = issuerEnvironment(issuer);
    QCOMPARE(resolve(env).issuerProblem, QString());

    // A day-old copy, and the server no longer answers with metadata.
    const IssuerMetadataCache cache;
    IssuerMetadata old = cache.read(issuer);
    old.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-IssuerMetadata::kFreshSeconds - 60);
    QVERIFY(cache.write(old));
    good = false;
    const int before = server.requests().size();
    const Configuration config = resolve(env);
    QVERIFY(server.requests().size() > before); // asked, not taken from the copy unasked
    if (copyUsed) {
        QCOMPARE(config.issuerProblem, QString());
        QCOMPARE(config.tokenUrl.toString(), issuer.toString() + QStringLiteral("/oauth/token"));
        QCOMPARE(config.problems(), QStringList());
    } else {
        QVERIFY(!config.issuerProblem.isEmpty());
        QVERIFY(config.tokenUrl.isEmpty());
        QVERIFY(config.problems().contains(config.issuerProblem));
    }
}

void TestIssuerDiscovery::unreachableWithoutCopy()
{
    QUrl issuer;
    {
        ScriptedServer server;
        issuer = issuerOf(server);
    }
    const Configuration config = resolve(issuerEnvironment(issuer));
    QVERIFY2(
        config.issuerProblem.contains(QStringLiteral("could not be read from %1")
                                          .arg(IssuerMetadata::wellKnownUrls(issuer).constFirst().toDisplayString())),
        qPrintable(config.issuerProblem));
    QVERIFY(config.tokenUrl.isEmpty());
}

void TestIssuerDiscovery::silentServerTimesOut()
{
    // Reads the request and never answers: the discovery ends with its timeout, as no answer
    // (so a copy could stand in), naming the address.
    ScriptedServer server;
    server.setHandler([](const HttpRequest &, const ScriptedServer::Answer &answer) { answer(HttpAnswer::never()); });
    NetworkAccess network;
    network.setTimeout(500);
    IssuerDiscovery discovery(&network);
    QSignalSpy finished(&discovery, &IssuerDiscovery::finished);
    discovery.start(issuerOf(server));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(0).at(0).value<IssuerMetadata>().isEmpty());
    const QString problem = finished.at(0).at(1).toString();
    QVERIFY2(problem.contains(IssuerMetadata::wellKnownUrls(issuerOf(server)).constFirst().toDisplayString()),
             qPrintable(problem));
    QCOMPARE(finished.at(0).at(2).toBool(), true); // transient
    QCOMPARE(server.requests().size(), 1);
}

void TestIssuerDiscovery::bodyCutOff()
{
    // A 200 that promises more than it sends before the connection closes (ScriptedServer always
    // sends what it promises): the connection is named, not the document, and it is transient.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, &server, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                          "{\"issuer\": \"http://127.0.0.1");
            socket->disconnectFromHost();
        });
    });
    const QUrl issuer(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    NetworkAccess network;
    IssuerDiscovery discovery(&network);
    QSignalSpy finished(&discovery, &IssuerDiscovery::finished);
    discovery.start(issuer);
    QVERIFY(finished.wait(10000));
    const QString problem = finished.at(0).at(1).toString();
    QVERIFY2(problem.contains(QStringLiteral("could not be read from %1")
                                  .arg(IssuerMetadata::wellKnownUrls(issuer).constFirst().toDisplayString())),
             qPrintable(problem));
    QVERIFY2(!problem.contains(QStringLiteral("JSON")), qPrintable(problem));
    QCOMPARE(finished.at(0).at(2).toBool(), true);
}

void TestIssuerDiscovery::commandLineSaysWhatIsWrongAndKeepsSession()
{
    // The issuer is a scripted server, the authorization and token endpoints are set one by one
    // to the sandbox's (they win): a session signed in through the sandbox is stored under the
    // issuer's origin. The revocation endpoint comes from the metadata, so it is read at all.
    ScriptedServer server;
    bool good = true;
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(
            200,
            good ? metadataFor(issuerOf(server))
                 : metadataFor(issuerOf(server), {}, {QStringLiteral("code_challenge_methods_supported")})));
    });
    QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    const Configuration sandbox = m_sandbox->configuration();
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), sandbox.authorizeUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), sandbox.tokenUrl.toString());
    {
        const Configuration config = resolve(env);
        QCOMPARE(config.problems(), QStringList());
        SessionRig rig(config);
        QVERIFY(signInWithBrowser(rig.session));
        // Endpoints are no secret; the cache holds nothing else.
        QFile cache(IssuerMetadataCache::defaultPath());
        QVERIFY(cache.open(QIODevice::ReadOnly));
        const QByteArray cached = cache.readAll();
        QVERIFY(cached.contains("token_endpoint"));
        QVERIFY(!rig.session.stored().accessToken.isEmpty());
        QVERIFY(!cached.contains(rig.session.stored().accessToken.toUtf8()));
        QVERIFY(!cached.contains("refresh"));
    }

    // Now the server's metadata is refused, and the copy is stale: the command line names the
    // address and the rule, exits 2, and the session stays stored.
    good = false;
    IssuerMetadataCache().markStale(issuerOf(server));
    // login judges the whole configuration before it starts (a fresh token alone needs no endpoint).
    // As a person runs it: without the tests' info logging.
    QProcessEnvironment plain = env;
    plain.remove(QStringLiteral("QT_LOGGING_RULES"));
    const AppRun refused = runApp(plain, {QStringLiteral("login"), QStringLiteral("--timeout"), QStringLiteral("5")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("does not offer PKCE"), refused.err.constData());
    // Said once, as the command's error: the lookup itself logs it at info level only.
    QVERIFY2(refused.err.count("does not offer PKCE") == 1, refused.err.constData());
    QVERIFY2(refused.err.contains(issuerOf(server).toString().toUtf8()), refused.err.constData());
    QVERIFY(refused.out.isEmpty());

    good = true;
    const AppRun status = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("signed_in"));
}

void TestIssuerDiscovery::storeExpiredSession(Session &session)
{
    StoredSession stored;
    stored.accessToken = QStringLiteral("old-access");
    stored.refreshToken = QStringLiteral("a-refresh-token");
    stored.email = QStringLiteral("jane@example.invalid");
    stored.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    stored.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    bool saved = false;
    TokenStore store(session.configuration().storageKey(), session.slot());
    store.save(stored, [&saved](const TokenStore::Result &result) { saved = result.status == TokenStore::Status::Ok; });
    QVERIFY(waitFor([&saved] { return saved; }, 15000));
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(waitFor([&restored] { return restored.size() == 1; }, 15000));
}

void TestIssuerDiscovery::windowFollowsMovedEndpoint()
{
    // The window runs on: the token endpoint the metadata named answers 404, the metadata now
    // names another one, and the running session takes it.
    ScriptedServer server;
    QByteArray tokenPath = "/oauth/token";
    server.setHandler([&](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path().startsWith("/.well-known/")) {
            answer(HttpAnswer::json(200,
                                    metadataFor(issuerOf(server),
                                                {{QStringLiteral("token_endpoint"),
                                                  issuerOf(server).toString() + QString::fromLatin1(tokenPath)}})));
            return;
        }
        answer(HttpAnswer::of(404, "text/plain", "no such endpoint"));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    Preferences preferences(m_dir.filePath(QStringLiteral("settings.conf")), env);
    AccountsRig rig(resolve(env));
    QCOMPARE(rig.first().configuration().issuerProblem, QString());
    Reachability reachability;
    IssuerRefresh issuerRefresh(&preferences, &rig.accounts, &reachability);
    issuerRefresh.start();
    // A fresh copy: read again once it turns stale, in a day.
    QVERIFY(issuerRefresh.timer().isActive());
    QVERIFY(issuerRefresh.timer().remainingTime() > (IssuerMetadata::kFreshSeconds - 120) * 1000);
    QVERIFY(!reachability.isWatching());
    storeExpiredSession(rig.first());
    if (QTest::currentTestFailed())
        return;

    tokenPath = "/oauth/v2/token";
    QSignalSpy finished(&issuerRefresh, &IssuerRefresh::finished);
    rig.first().refresh(); // to the old endpoint, which answers 404
    QVERIFY(waitFor([&finished] { return finished.size() == 1; }, 20000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QUrl moved(issuerOf(server).toString() + QStringLiteral("/oauth/v2/token"));
    QVERIFY(waitFor([&rig, &moved] { return rig.first().configuration().tokenUrl == moved; }, 15000));
    QCOMPARE(rig.first().configuration().issuerProblem, QString());
}

void TestIssuerDiscovery::settingsChangedDuringReadStay()
{
    // The person sets a token endpoint of their own while the window reads the metadata again:
    // that read was for the settings before, and must not put the metadata's endpoint back.
    ScriptedServer server;
    ScriptedServer::Answer held;
    bool hold = false;
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        if (hold)
            held = answer;
        else
            answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    Preferences preferences(m_dir.filePath(QStringLiteral("settings.conf")), env);
    AccountsRig rig(resolve(env));
    QCOMPARE(rig.first().configuration().issuerProblem, QString());
    Reachability reachability;
    IssuerRefresh issuerRefresh(&preferences, &rig.accounts, &reachability);
    issuerRefresh.start();
    QVERIFY(IssuerMetadataCache().markStale(issuerOf(server)));

    hold = true;
    QSignalSpy finished(&issuerRefresh, &IssuerRefresh::finished);
    issuerRefresh.refresh();
    QVERIFY(waitFor([&held] { return bool(held); }, 15000));
    Configuration own = rig.first().configuration();
    own.tokenUrl = QUrl(issuerOf(server).toString() + QStringLiteral("/own/token"));
    QSignalSpy reconfigured(&rig.first(), &Session::reconfigured);
    rig.accounts.reconfigure(own);
    QVERIFY(waitFor([&reconfigured] { return reconfigured.size() == 1; }, 15000));
    held(HttpAnswer::json(
        200,
        metadataFor(issuerOf(server),
                    {{QStringLiteral("token_endpoint"), issuerOf(server).toString() + QStringLiteral("/moved")}})));
    QVERIFY(waitFor([&finished] { return finished.size() == 1; }, 15000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(rig.first().configuration().tokenUrl, own.tokenUrl);
    QCOMPARE(reconfigured.size(), 1);
}

void TestIssuerDiscovery::statusReadsNoMetadata()
{
    // `status` reads the keychain only: with a stale copy it shows that copy's endpoints and asks
    // the server nothing (no session is stored, so the launcher's quick path hands it on).
    ScriptedServer server;
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    QCOMPARE(resolve(env).issuerProblem, QString());
    QVERIFY(IssuerMetadataCache().markStale(issuerOf(server)));
    const qsizetype asked = server.requests().size();
    const AppRun status = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("signed_out"));
    QCOMPARE(server.requests().size(), asked);
}

void TestIssuerDiscovery::windowReadsStaleCopyAgain()
{
    ScriptedServer server;
    QByteArray tokenPath = "/oauth/token";
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(200,
                                metadataFor(issuerOf(server),
                                            {{QStringLiteral("token_endpoint"),
                                              issuerOf(server).toString() + QString::fromLatin1(tokenPath)}})));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    Preferences preferences(m_dir.filePath(QStringLiteral("settings.conf")), env);
    AccountsRig rig(resolve(env));
    // The copy turns stale in two seconds.
    const IssuerMetadataCache cache;
    IssuerMetadata copy = cache.read(issuerOf(server));
    copy.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-IssuerMetadata::kFreshSeconds + 2);
    QVERIFY(cache.write(copy));
    tokenPath = "/oauth/v2/token";

    Reachability reachability;
    IssuerRefresh issuerRefresh(&preferences, &rig.accounts, &reachability);
    QSignalSpy finished(&issuerRefresh, &IssuerRefresh::finished);
    issuerRefresh.start();
    QVERIFY(issuerRefresh.timer().remainingTime() <= 3000);
    QVERIFY(waitFor([&finished] { return finished.size() == 1; }, 20000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QUrl moved(issuerOf(server).toString() + QStringLiteral("/oauth/v2/token"));
    QVERIFY(waitFor([&rig, &moved] { return rig.first().configuration().tokenUrl == moved; }, 15000));
}

void TestIssuerDiscovery::windowRetriesFailedLookup()
{
    // The server is down when the window starts: the issuer's problem is shown, and once the
    // network is back the metadata is read and the session gets its endpoints.
    ScriptedServer server;
    bool up = false;
    server.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        if (up)
            answer(HttpAnswer::json(200, metadataFor(issuerOf(server))));
        else
            answer(HttpAnswer::of(503, "text/plain", "down for maintenance"));
    });
    const QProcessEnvironment env = issuerEnvironment(issuerOf(server));
    Preferences preferences(m_dir.filePath(QStringLiteral("settings.conf")), env);
    AccountsRig rig(resolve(env));
    QVERIFY(!rig.first().configuration().issuerProblem.isEmpty());

    Reachability reachability;
    IssuerRefresh issuerRefresh(&preferences, &rig.accounts, &reachability);
    issuerRefresh.start();
    QVERIFY(reachability.isWatching());
    QCOMPARE(issuerRefresh.timer().interval(), IssuerRefresh::kRetryMs);

    // Still down: nothing changes.
    QSignalSpy finished(&issuerRefresh, &IssuerRefresh::finished);
    emit reachability.becameReachable();
    QVERIFY(waitFor([&finished] { return finished.size() == 1; }, 20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(issuerRefresh.timer().isActive());

    up = true;
    emit reachability.becameReachable();
    QVERIFY(waitFor([&finished] { return finished.size() == 2; }, 20000));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QVERIFY(waitFor([&rig] { return rig.first().configuration().issuerProblem.isEmpty(); }, 15000));
    QCOMPARE(rig.first().configuration().tokenUrl.toString(),
             issuerOf(server).toString() + QStringLiteral("/oauth/token"));
}

QTEST_MAIN(TestIssuerDiscovery)
#include "TestIssuerDiscovery.moc"
