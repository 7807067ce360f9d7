#include "api/WebinarGeekClient.h"

#include <QNetworkReply>
#include <QTest>

Q_DECLARE_METATYPE(ApiError::Kind)

// GET {api}/account: what the API answers, read into an account or an error.
class TestAccount : public QObject
{
    Q_OBJECT

private slots:
    void parseAccount_data();
    void parseAccount();
    void messageNamesTheProblem_data();
    void messageNamesTheProblem();
};

void TestAccount::parseAccount_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("detail"); // checked when not empty
    QTest::addColumn<QString>("company");
    QTest::addColumn<QString>("email");

    using Kind = ApiError::Kind;
    const int none = QNetworkReply::NoError;

    QTest::newRow("200 account") << 200 << none << QByteArray(R"({"company":"C","email":"e@x"})") << Kind::None
                                 << QString() << QStringLiteral("C") << QStringLiteral("e@x");
    QTest::newRow("200 company null") << 200 << none << QByteArray(R"({"company":null,"email":"e@x"})") << Kind::None
                                      << QString() << QString() << QStringLiteral("e@x");
    QTest::newRow("200 no company") << 200 << none << QByteArray(R"({"email":"e@x","id":7})") << Kind::None << QString()
                                    << QString() << QStringLiteral("e@x");
    QTest::newRow("401 with message") << 401 << int(QNetworkReply::AuthenticationRequiredError)
                                      << QByteArray(R"({"code":"unauthorized","message":"Invalid token"})")
                                      << Kind::Unauthorized << QStringLiteral("Invalid token") << QString()
                                      << QString();
    QTest::newRow("401 not JSON") << 401 << int(QNetworkReply::AuthenticationRequiredError)
                                  << QByteArray("Unauthorized") << Kind::Unauthorized << QString() << QString()
                                  << QString();
    QTest::newRow("200 HTML") << 200 << none << QByteArray("<!doctype html><html><body>Log in</body></html>")
                              << Kind::BadReply << QStringLiteral("JSON") << QString() << QString();
    QTest::newRow("200 empty") << 200 << none << QByteArray() << Kind::BadReply << QString() << QString() << QString();
    QTest::newRow("200 JSON array") << 200 << none << QByteArray(R"([{"company":"C","email":"e@x"}])") << Kind::BadReply
                                    << QString() << QString() << QString();
    QTest::newRow("200 other object") << 200 << none << QByteArray(R"({"foo":1})") << Kind::BadReply
                                      << QStringLiteral("account") << QString() << QString();
    QTest::newRow("200 empty email") << 200 << none << QByteArray(R"({"company":"C","email":""})") << Kind::BadReply
                                     << QString() << QString() << QString();
    QTest::newRow("200 numeric email") << 200 << none << QByteArray(R"({"company":"C","email":42})") << Kind::BadReply
                                       << QString() << QString() << QString();
    QTest::newRow("200 company object") << 200 << none << QByteArray(R"({"company":{"name":"C"},"email":"e@x"})")
                                        << Kind::BadReply << QString() << QString() << QString();
    QTest::newRow("500") << 500 << int(QNetworkReply::InternalServerError) << QByteArray("oops") << Kind::ServerError
                         << QString() << QString() << QString();
    QTest::newRow("503") << 503 << int(QNetworkReply::ServiceUnavailableError) << QByteArray() << Kind::ServerError
                         << QString() << QString() << QString();
    QTest::newRow("404") << 404 << int(QNetworkReply::ContentNotFoundError) << QByteArray(R"({"message":"Not found"})")
                         << Kind::BadReply << QStringLiteral("404") << QString() << QString();
    QTest::newRow("302 to a login page") << 302 << none << QByteArray() << Kind::BadReply << QStringLiteral("302")
                                         << QString() << QString();
    QTest::newRow("connection refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << QByteArray()
                                        << Kind::NetworkError << QStringLiteral("Connection refused") << QString()
                                        << QString();
    QTest::newRow("cancelled by our timeout")
        << 0 << int(QNetworkReply::OperationCanceledError) << QByteArray() << Kind::NoAnswer
        << QStringLiteral("Connection refused") << QString() << QString();
}

void TestAccount::parseAccount()
{
    QFETCH(int, httpStatus);
    QFETCH(int, networkError);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, detail);
    QFETCH(QString, company);
    QFETCH(QString, email);

    const QString networkText = httpStatus == 0 ? QStringLiteral("Connection refused") : QString();
    Account account;
    const ApiError error = WebinarGeekClient::parseAccount(httpStatus, networkError, networkText, body, &account);

    QCOMPARE(error.kind, kind);
    QCOMPARE(error.isError(), kind != ApiError::Kind::None);
    QCOMPARE(error.httpStatus, httpStatus);
    if (!detail.isEmpty())
        QVERIFY2(error.detail.contains(detail), qPrintable(error.detail));
    if (error.isError()) {
        QVERIFY(!error.message().isEmpty());
        QVERIFY(account.email.isEmpty());
        QVERIFY(account.company.isEmpty());
    } else {
        QVERIFY(error.message().isEmpty());
        QCOMPARE(account.company, company);
        QCOMPARE(account.email, email);
    }
}

void TestAccount::messageNamesTheProblem_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("contains");

    QTest::newRow("401 carries the server's message")
        << 401 << int(QNetworkReply::AuthenticationRequiredError)
        << QByteArray(R"({"code":"unauthorized","message":"Invalid token"})")
        << QStringList {QStringLiteral("401"), QStringLiteral("Invalid token")};
    QTest::newRow("500 names the status")
        << 500 << int(QNetworkReply::InternalServerError) << QByteArray() << QStringList {QStringLiteral("500")};
    QTest::newRow("network error carries the network's words")
        << 0 << int(QNetworkReply::ConnectionRefusedError) << QByteArray()
        << QStringList {QStringLiteral("Connection refused")};
}

void TestAccount::messageNamesTheProblem()
{
    QFETCH(int, httpStatus);
    QFETCH(int, networkError);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, contains);

    Account account;
    const ApiError error =
        WebinarGeekClient::parseAccount(httpStatus, networkError, QStringLiteral("Connection refused"), body, &account);
    QVERIFY(error.isError());
    const QString message = error.message();
    for (const QString &part : contains)
        QVERIFY2(message.contains(part), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestAccount)
#include "TestAccount.moc"
