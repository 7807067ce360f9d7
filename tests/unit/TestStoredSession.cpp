#include "storage/StoredSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The main keychain entry: everything of a session except the refresh token.
class TestStoredSession : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void refreshTokenStaysOut();
    void rejects_data();
    void rejects();
    void rejectionLeavesOutputAlone();
    void methodDefaultsToOauth();

private:
    static StoredSession fullSession();
};

StoredSession TestStoredSession::fullSession()
{
    StoredSession session;
    session.method = QStringLiteral("oauth");
    session.accessToken = QStringLiteral("made-up-access-token");
    session.refreshToken = QStringLiteral("made-up-refresh-token-7f3a");
    session.tokenType = QStringLiteral("Bearer");
    session.scope = QStringLiteral("api openid");
    session.expiresAt = QDateTime(QDate(2024, 5, 6), QTime(8, 9, 10), Qt::UTC);
    session.updatedAt = QDateTime(QDate(2024, 5, 6), QTime(7, 9, 10), Qt::UTC);
    session.company = QStringLiteral("Café \"Quoted\" & Co");
    session.email = QStringLiteral("jane@example.com");
    return session;
}

void TestStoredSession::roundTrip_data()
{
    QTest::addColumn<StoredSession>("session");

    QTest::newRow("every field") << fullSession();

    StoredSession unknownExpiry = fullSession();
    unknownExpiry.expiresAt = QDateTime();
    QTest::newRow("unknown expiry") << unknownExpiry;

    StoredSession local = fullSession();
    // Written in another zone, read back as the same instant.
    local.expiresAt = QDateTime(QDate(2024, 5, 6), QTime(10, 9, 10), Qt::OffsetFromUTC, 2 * 3600);
    QTest::newRow("expiry with an offset") << local;

    StoredSession minimal;
    minimal.accessToken = QStringLiteral("a");
    QTest::newRow("access token only") << minimal;

    StoredSession apiKey = fullSession();
    apiKey.method = QStringLiteral("api_key");
    apiKey.refreshToken.clear();
    QTest::newRow("api_key method") << apiKey;
}

void TestStoredSession::roundTrip()
{
    QFETCH(StoredSession, session);

    const QByteArray json = session.toJson();
    StoredSession read;
    QVERIFY(StoredSession::fromJson(json, &read));

    QCOMPARE(read.method, session.method);
    QVERIFY(read.accessToken == session.accessToken);
    QCOMPARE(read.tokenType, session.tokenType);
    QCOMPARE(read.scope, session.scope);
    QCOMPARE(read.expiresAt.isValid(), session.expiresAt.isValid());
    QCOMPARE(read.expiresAt, session.expiresAt);
    QCOMPARE(read.updatedAt.isValid(), session.updatedAt.isValid());
    QCOMPARE(read.updatedAt, session.updatedAt);
    QCOMPARE(read.company, session.company);
    QCOMPARE(read.email, session.email);
    QVERIFY(read.refreshToken.isEmpty());
    QCOMPARE(read.isEmpty(), session.isEmpty());
    // A second trip changes nothing.
    QCOMPARE(read.toJson(), json);
}

void TestStoredSession::refreshTokenStaysOut()
{
    const StoredSession session = fullSession();
    const QByteArray json = session.toJson();

    QVERIFY(!json.contains(session.refreshToken.toUtf8()));
    QVERIFY(!json.contains("refresh"));
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty());
    QVERIFY(object.value(QLatin1String("access_token")).toString() == session.accessToken);
    QCOMPARE(object.value(QLatin1String("version")).toInt(), 1);
}

void TestStoredSession::rejects_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x00\xff not json at all", 19);
    QTest::newRow("truncated") << fullSession().toJson().chopped(5);
    QTest::newRow("array") << QByteArray(R"([{"version":1,"access_token":"a"}])");
    QTest::newRow("string") << QByteArray(R"("a")");
    QTest::newRow("no version") << QByteArray(R"({"access_token":"a"})");
    QTest::newRow("version 0") << QByteArray(R"({"version":0,"access_token":"a"})");
    QTest::newRow("version 2") << QByteArray(R"({"version":2,"access_token":"a"})");
    QTest::newRow("version as string") << QByteArray(R"({"version":"1","access_token":"a"})");
    QTest::newRow("missing access_token") << QByteArray(R"({"version":1,"token_type":"Bearer","email":"e@x"})");
    QTest::newRow("empty access_token") << QByteArray(R"({"version":1,"access_token":""})");
    QTest::newRow("numeric access_token") << QByteArray(R"({"version":1,"access_token":5})");
}

void TestStoredSession::rejects()
{
    QFETCH(QByteArray, json);

    StoredSession read;
    QVERIFY(!StoredSession::fromJson(json, &read));
}

void TestStoredSession::rejectionLeavesOutputAlone()
{
    StoredSession read = fullSession();
    QVERIFY(!StoredSession::fromJson(QByteArrayLiteral("{\"version\":2,\"access_token\":\"other\"}"), &read));
    QVERIFY(read.accessToken == fullSession().accessToken);
    QCOMPARE(read.email, fullSession().email);
}

void TestStoredSession::methodDefaultsToOauth()
{
    StoredSession read;
    QVERIFY(StoredSession::fromJson(QByteArrayLiteral("{\"version\":1,\"access_token\":\"a\"}"), &read));
    QCOMPARE(read.method, QStringLiteral("oauth"));
    QVERIFY(!read.expiresAt.isValid());
    QVERIFY(!read.isEmpty());
}

QTEST_GUILESS_MAIN(TestStoredSession)
#include "TestStoredSession.moc"
