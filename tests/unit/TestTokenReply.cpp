#include "auth/TokenReply.h"

#include <QNetworkReply>
#include <QTest>

Q_DECLARE_METATYPE(AuthError::Kind)

namespace {
const QByteArray kJson = "application/json";
const QByteArray kForm = "application/x-www-form-urlencoded";
const QDateTime kNow(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
} // namespace

// What a token endpoint answers, read into tokens or into an error the app can act on.
class TestTokenReply : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void tokens_data();
    void tokens();
    void expiresAtIsUtc();
    void rotatedRefreshTokenOfAnUnusableAnswer_data();
    void rotatedRefreshTokenOfAnUnusableAnswer();
    void message_data();
    void message();
    void keychainMessage();
};

void TestTokenReply::errors_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<AuthError::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("description"); // empty: not checked
    QTest::addColumn<bool>("permanent");

    using Kind = AuthError::Kind;
    const int none = QNetworkReply::NoError;

    QTest::newRow("400 invalid_grant")
        << 400 << int(QNetworkReply::ProtocolInvalidOperationError) << kJson
        << QByteArray(R"({"error":"invalid_grant","error_description":"grant request is invalid"})")
        << Kind::InvalidGrant << QStringLiteral("invalid_grant") << QStringLiteral("grant request is invalid") << true;
    QTest::newRow("401 invalid_client")
        << 401 << int(QNetworkReply::AuthenticationRequiredError) << kJson
        << QByteArray(R"({"error":"invalid_client","error_description":"client authentication failed"})")
        << Kind::InvalidClient << QStringLiteral("invalid_client") << QStringLiteral("client authentication failed")
        << true;
    // The client may not use this grant type: a configuration matter, not a reason to drop the session.
    QTest::newRow("400 unauthorized_client")
        << 400 << none << kJson << QByteArray(R"({"error":"unauthorized_client"})") << Kind::RequestRejected
        << QStringLiteral("unauthorized_client") << QString() << false;
    QTest::newRow("400 invalid_request")
        << 400 << none << kJson
        << QByteArray(R"({"error":"invalid_request","error_description":"missing code_verifier"})")
        << Kind::RequestRejected << QStringLiteral("invalid_request") << QStringLiteral("missing code_verifier")
        << false;
    QTest::newRow("400 invalid_scope") << 400 << none << kJson << QByteArray(R"({"error":"invalid_scope"})")
                                       << Kind::RequestRejected << QStringLiteral("invalid_scope") << QString()
                                       << false;
    QTest::newRow("400 form-encoded invalid_grant")
        << 400 << none << kForm << QByteArray("error=invalid_grant&error_description=expired") << Kind::InvalidGrant
        << QStringLiteral("invalid_grant") << QStringLiteral("expired") << true;
    // application/x-www-form-urlencoded: '+' stands for a space.
    QTest::newRow("400 form-encoded, '+' in description")
        << 400 << none << kForm << QByteArray("error=invalid_grant&error_description=grant+has+expired")
        << Kind::InvalidGrant << QStringLiteral("invalid_grant") << QStringLiteral("grant has expired") << true;
    QTest::newRow("400 without a code") << 400 << none << QByteArray("text/plain") << QByteArray("Bad Request")
                                        << Kind::RequestRejected << QString() << QString() << false;
    // A proxy in front of the token endpoint may answer 401 without an OAuth error: not permanent.
    QTest::newRow("401 without a code") << 401 << none << QByteArray("text/plain") << QByteArray("Unauthorized")
                                        << Kind::RequestRejected << QString() << QString() << false;
    QTest::newRow("500 with HTML") << 500 << int(QNetworkReply::InternalServerError) << QByteArray("text/html")
                                   << QByteArray("<html><body><h1>Internal Server Error</h1></body></html>")
                                   << Kind::ServerError << QString() << QString() << false;
    QTest::newRow("503 empty") << 503 << int(QNetworkReply::ServiceUnavailableError) << QByteArray() << QByteArray()
                               << Kind::ServerError << QString() << QString() << false;
    QTest::newRow("502 invalid_grant still permanent")
        << 502 << none << kJson << QByteArray(R"({"error":"invalid_grant"})") << Kind::InvalidGrant
        << QStringLiteral("invalid_grant") << QString() << true;
    QTest::newRow("200 with error server_error")
        << 200 << none << kJson << QByteArray(R"({"error":"server_error","error_description":"try later"})")
        << Kind::ServerError << QStringLiteral("server_error") << QStringLiteral("try later") << false;
    QTest::newRow("200 with error temporarily_unavailable")
        << 200 << none << kJson << QByteArray(R"({"error":"temporarily_unavailable"})") << Kind::ServerError
        << QStringLiteral("temporarily_unavailable") << QString() << false;
    QTest::newRow("200 not JSON") << 200 << none << QByteArray("text/html") << QByteArray("<html>hello</html>")
                                  << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("200 JSON labelled, not JSON")
        << 200 << none << kJson << QByteArray("{access_token: a}") << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("200 JSON array") << 200 << none << kJson << QByteArray(R"([{"access_token":"a"}])") << Kind::BadReply
                                    << QString() << QString() << false;
    QTest::newRow("200 empty body") << 200 << none << kJson << QByteArray() << Kind::BadReply << QString() << QString()
                                    << false;
    QTest::newRow("200 without access_token")
        << 200 << none << kJson << QByteArray(R"({"token_type":"Bearer","expires_in":3600})") << Kind::BadReply
        << QString() << QString() << false;
    QTest::newRow("200 empty access_token")
        << 200 << none << kJson << QByteArray(R"({"access_token":"","token_type":"Bearer"})") << Kind::BadReply
        << QString() << QString() << false;
    QTest::newRow("200 numeric access_token")
        << 200 << none << kJson << QByteArray(R"({"access_token":12345,"token_type":"Bearer"})") << Kind::BadReply
        << QString() << QString() << false;
    QTest::newRow("token_type mac") << 200 << none << kJson
                                    << QByteArray(R"({"access_token":"a","token_type":"mac","expires_in":60})")
                                    << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("expires_in a JSON string, not a number")
        << 200 << none << kJson << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":"soon"})")
        << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("expires_in an object")
        << 200 << none << kJson << QByteArray(R"({"access_token":"a","expires_in":{"s":1}})") << Kind::BadReply
        << QString() << QString() << false;
    QTest::newRow("expires_in negative") << 200 << none << kJson
                                         << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":-5})")
                                         << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("expires_in zero") << 200 << none << kJson
                                     << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":0})")
                                     << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("expires_in absurdly large")
        << 200 << none << kJson << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":1e30})")
        << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("form-encoded expires_in not a number")
        << 200 << none << kForm << QByteArray("access_token=a&token_type=bearer&expires_in=soon") << Kind::BadReply
        << QString() << QString() << false;

    QByteArray huge = R"({"access_token":"a","token_type":"Bearer","padding":")";
    huge += QByteArray(TokenReply::kMaxBytes, 'x');
    huge += "\"}";
    QTest::newRow("valid JSON over 1 MiB")
        << 200 << none << kJson << huge << Kind::BadReply << QString() << QString() << false;
    QTest::newRow("1 MiB + 1 of spaces") << 200 << none << kJson << QByteArray(TokenReply::kMaxBytes + 1, ' ')
                                         << Kind::BadReply << QString() << QString() << false;

    QTest::newRow("connection refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << QByteArray()
                                        << QByteArray() << Kind::NetworkError << QString()
                                        << QStringLiteral("Connection refused") << false;
    QTest::newRow("host not found") << 0 << int(QNetworkReply::HostNotFoundError) << QByteArray() << QByteArray()
                                    << Kind::NetworkError << QString() << QStringLiteral("Connection refused") << false;
    QTest::newRow("operation cancelled (our timeout)")
        << 0 << int(QNetworkReply::OperationCanceledError) << QByteArray() << QByteArray() << Kind::NoAnswer
        << QString() << QStringLiteral("Connection refused") << false;
    QTest::newRow("timeout") << 0 << int(QNetworkReply::TimeoutError) << QByteArray() << QByteArray() << Kind::NoAnswer
                             << QString() << QStringLiteral("Connection refused") << false;
}

void TestTokenReply::errors()
{
    QFETCH(int, httpStatus);
    QFETCH(int, networkError);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(AuthError::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, description);
    QFETCH(bool, permanent);

    // The network rows pass "Connection refused" as the network's text, to see it carried.
    const QString networkText = httpStatus == 0 ? QStringLiteral("Connection refused") : QString();
    const TokenReply reply = TokenReply::parse(httpStatus, networkError, networkText, contentType, body, kNow);

    QVERIFY(!reply.ok());
    QVERIFY(reply.error.isError());
    QCOMPARE(reply.error.kind, kind);
    QCOMPARE(reply.error.code, code);
    if (!description.isEmpty())
        QCOMPARE(reply.error.description, description);
    QCOMPARE(reply.error.isPermanent(), permanent);
    QCOMPARE(reply.error.httpStatus, httpStatus);
    QVERIFY(!reply.error.message().isEmpty());
    QVERIFY(reply.tokens.accessToken.isEmpty());
}

void TestTokenReply::tokens_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("accessToken");
    QTest::addColumn<QString>("tokenType");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("expiresIn"); // -1: expiresAt invalid

    QTest::newRow("all fields") << kJson
                                << QByteArray(R"({"access_token":"at-1","token_type":"Bearer","expires_in":3600,)"
                                              R"("refresh_token":"rt-1","scope":"api openid"})")
                                << QStringLiteral("at-1") << QStringLiteral("Bearer") << QStringLiteral("rt-1")
                                << QStringLiteral("api openid") << 3600;
    QTest::newRow("token_type bearer lowercase")
        << kJson << QByteArray(R"({"access_token":"at-2","token_type":"bearer","expires_in":60})")
        << QStringLiteral("at-2") << QStringLiteral("bearer") << QString() << QString() << 60;
    QTest::newRow("no token_type means Bearer")
        << kJson << QByteArray(R"({"access_token":"at-3","expires_in":60})") << QStringLiteral("at-3")
        << QStringLiteral("Bearer") << QString() << QString() << 60;
    QTest::newRow("missing expires_in") << kJson << QByteArray(R"({"access_token":"at-4","token_type":"Bearer"})")
                                        << QStringLiteral("at-4") << QStringLiteral("Bearer") << QString() << QString()
                                        << -1;
    QTest::newRow("expires_in null") << kJson
                                     << QByteArray(R"({"access_token":"at-5","token_type":"Bearer","expires_in":null})")
                                     << QStringLiteral("at-5") << QStringLiteral("Bearer") << QString() << QString()
                                     << -1;
    // Some servers send the number as a string, in JSON too.
    QTest::newRow("expires_in as a numeric JSON string")
        << kJson << QByteArray(R"({"access_token":"at-8","token_type":"Bearer","expires_in":"3600"})")
        << QStringLiteral("at-8") << QStringLiteral("Bearer") << QString() << QString() << 3600;
    QTest::newRow("JSON without content type")
        << QByteArray() << QByteArray(R"({"access_token":"at-6","token_type":"Bearer","expires_in":1})")
        << QStringLiteral("at-6") << QStringLiteral("Bearer") << QString() << QString() << 1;
    QTest::newRow("JSON with charset")
        << QByteArray("application/json; charset=utf-8")
        << QByteArray(R"({"access_token":"at-7","token_type":"Bearer","expires_in":120,"refresh_token":"rt-7"})")
        << QStringLiteral("at-7") << QStringLiteral("Bearer") << QStringLiteral("rt-7") << QString() << 120;
    QTest::newRow("form-encoded") << kForm << QByteArray("access_token=a&token_type=bearer&expires_in=60")
                                  << QStringLiteral("a") << QStringLiteral("bearer") << QString() << QString() << 60;
    QTest::newRow("form-encoded with charset and percent-encoding")
        << QByteArray("application/x-www-form-urlencoded; charset=utf-8")
        << QByteArray("access_token=a%2Fb%3D&token_type=Bearer&expires_in=90&refresh_token=r%2Bt&scope=api")
        << QStringLiteral("a/b=") << QStringLiteral("Bearer") << QStringLiteral("r+t") << QStringLiteral("api") << 90;
    // application/x-www-form-urlencoded: '+' stands for a space, %2B for a plus.
    QTest::newRow("form-encoded, '+' in scope")
        << kForm << QByteArray("access_token=a%2Bb&token_type=bearer&expires_in=60&scope=api+openid")
        << QStringLiteral("a+b") << QStringLiteral("bearer") << QString() << QStringLiteral("api openid") << 60;
}

void TestTokenReply::tokens()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, accessToken);
    QFETCH(QString, tokenType);
    QFETCH(QString, refreshToken);
    QFETCH(QString, scope);
    QFETCH(int, expiresIn);

    const TokenReply reply = TokenReply::parse(200, QNetworkReply::NoError, QString(), contentType, body, kNow);

    QVERIFY2(reply.ok(), qPrintable(reply.error.message()));
    QCOMPARE(reply.error.kind, AuthError::Kind::None);
    QVERIFY(reply.tokens.accessToken == accessToken);
    QVERIFY(reply.tokens.refreshToken == refreshToken);
    QCOMPARE(reply.tokens.tokenType, tokenType);
    QCOMPARE(reply.tokens.scope, scope);
    if (expiresIn < 0) {
        QVERIFY(!reply.tokens.expiresAt.isValid());
        QCOMPARE(reply.tokens.expiresIn, -1);
        QVERIFY(!reply.tokens.expiresAtFrom(kNow).isValid());
    } else {
        QCOMPARE(reply.tokens.expiresAt, kNow.addSecs(expiresIn));
        QCOMPARE(reply.tokens.expiresIn, qint64(expiresIn));
        // Counted from whatever clock the caller keeps.
        QCOMPARE(reply.tokens.expiresAtFrom(kNow.addSecs(3600)), kNow.addSecs(3600 + expiresIn));
    }
}

void TestTokenReply::expiresAtIsUtc()
{
    // "now" given in another time zone: the expiry is still the same instant, stored as UTC.
    const QDateTime now = kNow.toOffsetFromUtc(2 * 3600);
    const TokenReply reply = TokenReply::parse(200, QNetworkReply::NoError, QString(), kJson,
                                               R"({"access_token":"a","expires_in":60})", now);
    QVERIFY(reply.ok());
    QCOMPARE(reply.tokens.expiresAt, kNow.addSecs(60));
    QCOMPARE(reply.tokens.expiresAt.timeSpec(), Qt::UTC);
}

// A 200 answer that carries a new refresh token but cannot be used otherwise: the error says
// what is wrong, and the refresh token is there all the same (the server may have retired the
// old one). Error answers carry none.
void TestTokenReply::rotatedRefreshTokenOfAnUnusableAnswer_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("refreshToken");
    QTest::newRow("no access_token") << 200 << QByteArray(R"({"token_type":"Bearer","refresh_token":"rt-new"})")
                                     << QStringLiteral("rt-new");
    QTest::newRow("expires_in negative") << 200
                                         << QByteArray(
                                                R"({"access_token":"a","expires_in":-5,"refresh_token":"rt-new"})")
                                         << QStringLiteral("rt-new");
    QTest::newRow("token_type mac") << 200
                                    << QByteArray(R"({"access_token":"a","token_type":"mac","refresh_token":"rt-new"})")
                                    << QStringLiteral("rt-new");
    QTest::newRow("error in a 200") << 200 << QByteArray(R"({"error":"server_error","refresh_token":"rt-new"})")
                                    << QString();
    QTest::newRow("400") << 400 << QByteArray(R"({"error":"invalid_request","refresh_token":"rt-new"})") << QString();
    QTest::newRow("refresh_token not a string")
        << 200 << QByteArray(R"({"token_type":"Bearer","refresh_token":12})") << QString();
}

void TestTokenReply::rotatedRefreshTokenOfAnUnusableAnswer()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(QString, refreshToken);
    const TokenReply reply = TokenReply::parse(httpStatus, QNetworkReply::NoError, QString(), kJson, body, kNow);
    QVERIFY(!reply.ok());
    QVERIFY(reply.tokens.refreshToken == refreshToken);
    QVERIFY(reply.tokens.accessToken.isEmpty());
}

void TestTokenReply::message_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("contains");

    QTest::newRow("invalid_grant") << 400
                                   << QByteArray(
                                          R"({"error":"invalid_grant","error_description":"grant request is invalid"})")
                                   << QStringList {QStringLiteral("grant request is invalid"),
                                                   QStringLiteral("invalid_grant"), QStringLiteral("400")};
    QTest::newRow("invalid_client") << 401
                                    << QByteArray(R"({"error":"invalid_client","error_description":"unknown client"})")
                                    << QStringList {QStringLiteral("unknown client"), QStringLiteral("invalid_client"),
                                                    QStringLiteral("401")};
    QTest::newRow("server_error on 200") << 200
                                         << QByteArray(R"({"error":"server_error","error_description":"db down"})")
                                         << QStringList {QStringLiteral("db down"), QStringLiteral("server_error")};
    QTest::newRow("503 without body") << 503 << QByteArray() << QStringList {QStringLiteral("503")};
}

void TestTokenReply::message()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, contains);

    const TokenReply reply = TokenReply::parse(httpStatus, QNetworkReply::NoError, QString(), kJson, body, kNow);
    QVERIFY(!reply.ok());
    const QString message = reply.error.message();
    for (const QString &part : contains)
        QVERIFY2(message.contains(part), qPrintable(message));
}

void TestTokenReply::keychainMessage()
{
    const AuthError error = AuthError::make(AuthError::Kind::Keychain, QStringLiteral("no secret service"));
    QVERIFY(error.isError());
    QVERIFY(!error.isPermanent());
    // Scripts match these words.
    QVERIFY2(error.message().startsWith(QLatin1String("keychain unavailable: ")), qPrintable(error.message()));
    QVERIFY(error.message().contains(QLatin1String("no secret service")));

    QVERIFY(AuthError().message().isEmpty());
    QVERIFY(!AuthError().isError());
}

QTEST_GUILESS_MAIN(TestTokenReply)
#include "TestTokenReply.moc"
