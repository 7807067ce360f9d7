#include "config/Configuration.h"
#include "config/IssuerMetadata.h"
#include "config/IssuerMetadataCache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// What the app takes from an issuer's metadata, what it refuses (with a sentence naming the
// address and the rule), where it looks for it, and the copy it keeps with its time of fetch.
class TestIssuerMetadata : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void wellKnownUrls_data();
    void wellKnownUrls();
    void parse_data();
    void parse();
    void serverTextIsPrintable();
    void explicitEndpointsWin();
    void issuerDropsBuiltInEndpoints();
    void storageKeyFollowsIssuer();
    void issuerFollowsHttpsRule();
    void staleness();
    void cacheRoundTrip();
    void cacheIgnoresAnotherIssuer();
    void cacheChecksAgain();
    void markStale();

private:
    static QByteArray document(const QJsonObject &changes = {}, const QStringList &remove = {});

    QTemporaryDir m_dir;
};

namespace {

const QUrl kIssuer(QStringLiteral("https://auth.example.invalid"));
const QUrl kSource(QStringLiteral("https://auth.example.invalid/.well-known/oauth-authorization-server"));

} // namespace

void TestIssuerMetadata::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QByteArray TestIssuerMetadata::document(const QJsonObject &changes, const QStringList &remove)
{
    QJsonObject object {
        {QStringLiteral("issuer"), kIssuer.toString()},
        {QStringLiteral("authorization_endpoint"), QStringLiteral("https://auth.example.invalid/oauth/authorize")},
        {QStringLiteral("token_endpoint"), QStringLiteral("https://auth.example.invalid/oauth/token")},
        {QStringLiteral("revocation_endpoint"), QStringLiteral("https://auth.example.invalid/oauth/revoke")},
        {QStringLiteral("code_challenge_methods_supported"),
         QJsonArray {QStringLiteral("plain"), QStringLiteral("S256")}},
    };
    for (auto it = changes.begin(); it != changes.end(); ++it)
        object.insert(it.key(), it.value());
    for (const QString &key : remove)
        object.remove(key);
    return QJsonDocument(object).toJson();
}

void TestIssuerMetadata::wellKnownUrls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("host only") << QStringLiteral("https://auth.example.invalid")
                               << QStringLiteral("https://auth.example.invalid/.well-known/oauth-authorization-server")
                               << QStringLiteral("https://auth.example.invalid/.well-known/openid-configuration");
    QTest::newRow("trailing slash") << QStringLiteral("https://auth.example.invalid/")
                                    << QStringLiteral(
                                           "https://auth.example.invalid/.well-known/oauth-authorization-server")
                                    << QStringLiteral("https://auth.example.invalid/.well-known/openid-configuration");
    // RFC 8414 §3.1 puts the well-known part before the path; OpenID Connect appends it.
    QTest::newRow("with a path")
        << QStringLiteral("https://auth.example.invalid/realms/one")
        << QStringLiteral("https://auth.example.invalid/.well-known/oauth-authorization-server/realms/one")
        << QStringLiteral("https://auth.example.invalid/realms/one/.well-known/openid-configuration");
    QTest::newRow("loopback with port") << QStringLiteral(
        "http://127.0.0.1:4000") << QStringLiteral("http://127.0.0.1:4000/.well-known/oauth-authorization-server")
                                        << QStringLiteral("http://127.0.0.1:4000/.well-known/openid-configuration");
}

void TestIssuerMetadata::wellKnownUrls()
{
    QFETCH(QString, issuer);
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QList<QUrl> urls = IssuerMetadata::wellKnownUrls(QUrl(issuer));
    QCOMPARE(urls.size(), 2);
    QCOMPARE(urls.at(0).toString(), first);
    QCOMPARE(urls.at(1).toString(), second);
}

void TestIssuerMetadata::parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem"); // empty: accepted; else words the sentence contains

    QTest::newRow("good") << document() << QString();
    QTest::newRow("no revocation endpoint") << document({}, {QStringLiteral("revocation_endpoint")}) << QString();
    QTest::newRow("S256 alone") << document(
        {{QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}}})
                                << QString();
    QTest::newRow("not JSON") << QByteArray("<html>Welcome</html>")
                              << kSource.toString() + QStringLiteral(" is not a JSON object");
    QTest::newRow("JSON array") << QByteArray("[1,2]") << QStringLiteral("is not a JSON object");
    QTest::newRow("other issuer")
        << document({{QStringLiteral("issuer"), QStringLiteral("https://evil.invalid")}})
        << QStringLiteral("names the issuer \"https://evil.invalid\", not \"https://auth.example.invalid\"");
    // Exactly: a trailing slash is another issuer (RFC 8414 §3.3).
    QTest::newRow("issuer with slash") << document(
        {{QStringLiteral("issuer"), QStringLiteral("https://auth.example.invalid/")}})
                                       << QStringLiteral("names the issuer");
    QTest::newRow("no issuer") << document({}, {QStringLiteral("issuer")}) << QStringLiteral("names the issuer \"\"");
    QTest::newRow("plain only") << document(
        {{QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("plain")}}})
                                << QStringLiteral("does not offer PKCE's S256 method (it offers plain)");
    QTest::newRow("no PKCE") << document({}, {QStringLiteral("code_challenge_methods_supported")})
                             << QStringLiteral("lists no code_challenge_methods_supported");
    QTest::newRow("no token endpoint") << document({}, {QStringLiteral("token_endpoint")})
                                       << QStringLiteral("names no token_endpoint");
    QTest::newRow("no authorization endpoint") << document({}, {QStringLiteral("authorization_endpoint")})
                                               << QStringLiteral("names no authorization_endpoint");
    QTest::newRow("http token endpoint")
        << document({{QStringLiteral("token_endpoint"), QStringLiteral("http://auth.example.invalid/oauth/token")}})
        << QStringLiteral("The token URL \"http://auth.example.invalid/oauth/token\" does not use https");
    QTest::newRow("http authorization endpoint")
        << document({{QStringLiteral("authorization_endpoint"), QStringLiteral("http://login.invalid/authorize")}})
        << QStringLiteral("The authorization URL \"http://login.invalid/authorize\" does not use https");
    QTest::newRow("http revocation endpoint")
        << document({{QStringLiteral("revocation_endpoint"), QStringLiteral("http://auth.example.invalid/revoke")}})
        << QStringLiteral("The revocation URL \"http://auth.example.invalid/revoke\" does not use https");
    QTest::newRow("endpoint with password")
        << document({{QStringLiteral("token_endpoint"), QStringLiteral("https://a:b@auth.example.invalid/token")}})
        << QStringLiteral("contains a user name or password");
    QTest::newRow("endpoint not a URL") << document(
        {{QStringLiteral("token_endpoint"), QStringLiteral("ftp://auth.example.invalid/token")}})
                                        << QStringLiteral("is not a valid web address");
}

void TestIssuerMetadata::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const IssuerMetadata::Parsed parsed = IssuerMetadata::parse(body, kIssuer, kSource);
    if (problem.isEmpty()) {
        QCOMPARE(parsed.problem, QString());
        QCOMPARE(parsed.metadata.issuer, kIssuer);
        QCOMPARE(parsed.metadata.source, kSource);
        QCOMPARE(parsed.metadata.tokenEndpoint, QUrl(QStringLiteral("https://auth.example.invalid/oauth/token")));
        QCOMPARE(parsed.metadata.authorizationEndpoint,
                 QUrl(QStringLiteral("https://auth.example.invalid/oauth/authorize")));
        return;
    }
    QVERIFY2(parsed.problem.contains(problem), qPrintable(parsed.problem));
    QVERIFY(parsed.metadata.isEmpty());
}

void TestIssuerMetadata::serverTextIsPrintable()
{
    // What the server wrote reaches a terminal: no escape sequence gets through, nor a page.
    const QString escape = QStringLiteral("\x1b]0;owned\x07\x1b[2J");
    const QStringList problems = {
        IssuerMetadata::parse(document({{QStringLiteral("issuer"), QStringLiteral("https://x.invalid/") + escape}}),
                              kIssuer, kSource)
            .problem,
        IssuerMetadata::parse(document({{QStringLiteral("code_challenge_methods_supported"), QJsonArray {escape}}}),
                              kIssuer, kSource)
            .problem,
        IssuerMetadata::parse(
            document({{QStringLiteral("token_endpoint"), QStringLiteral("http://x.invalid/") + escape}}), kIssuer,
            kSource)
            .problem,
        IssuerMetadata::parse(document({{QStringLiteral("issuer"), QString(5000, QLatin1Char('a'))}}), kIssuer, kSource)
            .problem,
    };
    for (const QString &problem : problems) {
        QVERIFY(!problem.isEmpty());
        QVERIFY2(!problem.contains(QChar(0x1b)) && !problem.contains(QChar(0x07)), qPrintable(problem));
        QVERIFY2(problem.size() < 1000, qPrintable(problem.left(100)));
    }
}

void TestIssuerMetadata::explicitEndpointsWin()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_ISSUER"), kIssuer.toString());
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://own.example.invalid/token"));
    Configuration config = ConfigurationLoader(env, nullptr).load();
    QCOMPARE(config.issuer, kIssuer);
    IssuerMetadata::parse(document(), kIssuer, kSource).metadata.applyTo(&config);
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://own.example.invalid/token")));
    QCOMPARE(config.authorizeUrl, QUrl(QStringLiteral("https://auth.example.invalid/oauth/authorize")));
    QCOMPARE(config.revokeUrl, QUrl(QStringLiteral("https://auth.example.invalid/oauth/revoke")));

    // An option wins as well, over the environment and the metadata.
    ConfigurationLoader loader(env, nullptr);
    loader.setOption(Setting::AuthorizeUrl, QStringLiteral("https://own.example.invalid/authorize"));
    config = loader.load();
    IssuerMetadata::parse(document(), kIssuer, kSource).metadata.applyTo(&config);
    QCOMPARE(config.authorizeUrl, QUrl(QStringLiteral("https://own.example.invalid/authorize")));
}

void TestIssuerMetadata::issuerDropsBuiltInEndpoints()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_ISSUER"), kIssuer.toString());
    const Configuration config = ConfigurationLoader(env, nullptr).load();
    // Not WebinarGeek's: the issuer's metadata names them.
    QVERIFY(config.authorizeUrl.isEmpty());
    QVERIFY(config.tokenUrl.isEmpty());
    QVERIFY(config.revokeUrl.isEmpty());
    QCOMPARE(config.apiUrl, QUrl(QStringLiteral("https://app.webinargeek.com/api/v2"))); // not in the metadata
    // Not yet read is no problem; a failed read is the only one named.
    Configuration withClient = config;
    withClient.clientId = QStringLiteral("client-1");
    QCOMPARE(withClient.problems(), QStringList());
    withClient.issuerProblem = QStringLiteral("The server's metadata at X is not a JSON object.");
    QCOMPARE(withClient.problems(), QStringList {withClient.issuerProblem});
}

void TestIssuerMetadata::storageKeyFollowsIssuer()
{
    // The same key before and after the metadata is read: `status` and `token` find the
    // session without asking the server.
    Configuration config;
    config.clientId = QStringLiteral("client-1");
    config.issuer = QUrl(QStringLiteral("https://auth.example.invalid/realms/one"));
    const QString before = config.storageKey();
    config.tokenUrl = QUrl(QStringLiteral("https://tokens.example.invalid/token"));
    QCOMPARE(config.storageKey(), before);
    QCOMPARE(before, QStringLiteral("client-1@https://auth.example.invalid"));
}

void TestIssuerMetadata::issuerFollowsHttpsRule()
{
    Configuration config;
    config.clientId = QStringLiteral("client-1");
    config.apiUrl = QUrl(QStringLiteral("https://app.webinargeek.com/api/v2"));
    config.issuer = QUrl(QStringLiteral("http://auth.example.invalid"));
    QCOMPARE(config.problems().size(), 1);
    QVERIFY2(config.problems().constFirst().contains(
                 QStringLiteral("The issuer URL \"http://auth.example.invalid\" does not use https")),
             qPrintable(config.problems().constFirst()));
    config.issuer = QUrl(QStringLiteral("http://127.0.0.1:4000"));
    QCOMPARE(config.problems(), QStringList());
}

void TestIssuerMetadata::staleness()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    IssuerMetadata metadata;
    metadata.fetchedAt = now.addSecs(-3600);
    QVERIFY(!metadata.isStaleAt(now));
    metadata.fetchedAt = now.addSecs(-IssuerMetadata::kFreshSeconds - 1);
    QVERIFY(metadata.isStaleAt(now));
    metadata.fetchedAt = now.addDays(2); // the clock went back
    QVERIFY(metadata.isStaleAt(now));
    metadata.fetchedAt = QDateTime();
    QVERIFY(metadata.isStaleAt(now));
}

void TestIssuerMetadata::cacheRoundTrip()
{
    const IssuerMetadataCache cache(m_dir.filePath(QStringLiteral("sub/round-trip.json")));
    QVERIFY(cache.read(kIssuer).isEmpty());
    IssuerMetadata metadata = IssuerMetadata::parse(document(), kIssuer, kSource).metadata;
    metadata.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(cache.write(metadata));
    const IssuerMetadata read = cache.read(kIssuer);
    QCOMPARE(read.tokenEndpoint, metadata.tokenEndpoint);
    QCOMPARE(read.revocationEndpoint, metadata.revocationEndpoint);
    QCOMPARE(read.source, kSource);
    QCOMPARE(read.fetchedAt.toSecsSinceEpoch(), metadata.fetchedAt.toSecsSinceEpoch());
    QVERIFY(!read.isStaleAt(QDateTime::currentDateTimeUtc()));
}

void TestIssuerMetadata::cacheIgnoresAnotherIssuer()
{
    const IssuerMetadataCache cache(m_dir.filePath(QStringLiteral("other.json")));
    IssuerMetadata metadata = IssuerMetadata::parse(document(), kIssuer, kSource).metadata;
    metadata.fetchedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.write(metadata));
    QVERIFY(cache.read(QUrl(QStringLiteral("https://other.example.invalid"))).isEmpty());
    QVERIFY(!cache.read(kIssuer).isEmpty());
}

void TestIssuerMetadata::cacheChecksAgain()
{
    // A copy edited by hand gets no further than the server's answer would.
    const QString path = m_dir.filePath(QStringLiteral("edited.json"));
    const IssuerMetadataCache cache(path);
    IssuerMetadata metadata = IssuerMetadata::parse(document(), kIssuer, kSource).metadata;
    metadata.fetchedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.write(metadata));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    text.replace("https://auth.example.invalid/oauth/token", "http://auth.example.invalid/oauth/token");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QVERIFY(cache.read(kIssuer).isEmpty());
}

void TestIssuerMetadata::markStale()
{
    const IssuerMetadataCache cache(m_dir.filePath(QStringLiteral("stale.json")));
    IssuerMetadata metadata = IssuerMetadata::parse(document(), kIssuer, kSource).metadata;
    metadata.fetchedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.write(metadata));
    QVERIFY(!cache.read(kIssuer).isStaleAt(QDateTime::currentDateTimeUtc()));
    // Another issuer's failure leaves this one's copy alone.
    QVERIFY(!cache.markStale(QUrl(QStringLiteral("https://other.example.invalid"))));
    QVERIFY(!cache.read(kIssuer).isStaleAt(QDateTime::currentDateTimeUtc()));
    QVERIFY(cache.markStale(kIssuer));
    const IssuerMetadata read = cache.read(kIssuer);
    // Kept for when the server cannot be reached, but asked for again.
    QCOMPARE(read.tokenEndpoint, metadata.tokenEndpoint);
    QVERIFY(read.isStaleAt(QDateTime::currentDateTimeUtc()));
}

QTEST_GUILESS_MAIN(TestIssuerMetadata)
#include "TestIssuerMetadata.moc"
