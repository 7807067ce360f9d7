#include "api/ApiRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTest>

#include <QTimeZone>
#include <limits>

// What `api` makes of its arguments before anything is sent, and of an answer before a terminal
// shows it.
class TestApiRequest : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void typedField_data();
    void typedField();
    void rawFieldStaysText();
    void fieldFromFile();
    void badField_data();
    void badField();
    void header_data();
    void header();
    void retryAfter_data();
    void retryAfter();
    void forTerminal_data();
    void forTerminal();
};

void TestApiRequest::resolve_data()
{
    QTest::addColumn<QString>("apiUrl");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // empty: refused

    const QString api = QStringLiteral("https://app.webinargeek.com/api/v2");
    QTest::newRow("relative") << api << QStringLiteral("account")
                              << QStringLiteral("https://app.webinargeek.com/api/v2/account");
    QTest::newRow("leading slash") << api << QStringLiteral("/account")
                                   << QStringLiteral("https://app.webinargeek.com/api/v2/account");
    QTest::newRow("base with a slash") << QStringLiteral("https://app.webinargeek.com/api/v2/")
                                       << QStringLiteral("/webinars/12")
                                       << QStringLiteral("https://app.webinargeek.com/api/v2/webinars/12");
    QTest::newRow("query kept") << api << QStringLiteral("webinars?page=2&per_page=50")
                                << QStringLiteral("https://app.webinargeek.com/api/v2/webinars?page=2&per_page=50");
    QTest::newRow("fragment dropped") << api << QStringLiteral("account#x")
                                      << QStringLiteral("https://app.webinargeek.com/api/v2/account");
    // "//host/…" is a path here, never another host.
    QTest::newRow("double slash") << api << QStringLiteral("//evil.invalid/x")
                                  << QStringLiteral("https://app.webinargeek.com/api/v2/evil.invalid/x");
    QTest::newRow("colon in the path") << api << QStringLiteral("a:b")
                                       << QStringLiteral("https://app.webinargeek.com/api/v2/a:b");
    QTest::newRow("absolute, same origin")
        << api << QStringLiteral("https://app.webinargeek.com/api/v2/webinars?page=3")
        << QStringLiteral("https://app.webinargeek.com/api/v2/webinars?page=3");
    QTest::newRow("absolute, default port written")
        << api << QStringLiteral("https://app.webinargeek.com:443/api/v2/account")
        << QStringLiteral("https://app.webinargeek.com:443/api/v2/account");
    QTest::newRow("absolute, user info dropped")
        << api << QStringLiteral("https://me@app.webinargeek.com/api/v2/account")
        << QStringLiteral("https://app.webinargeek.com/api/v2/account");
    QTest::newRow("other host") << api << QStringLiteral("https://evil.invalid/api/v2/account") << QString();
    QTest::newRow("other scheme") << api << QStringLiteral("http://app.webinargeek.com/api/v2/account") << QString();
    QTest::newRow("other port") << api << QStringLiteral("https://app.webinargeek.com:8443/api/v2/account")
                                << QString();
    QTest::newRow("lookalike host") << api << QStringLiteral("https://app.webinargeek.com.evil.invalid/x") << QString();
    QTest::newRow("not http") << api << QStringLiteral("ftp://app.webinargeek.com/x") << QString();
}

void TestApiRequest::resolve()
{
    QFETCH(QString, apiUrl);
    QFETCH(QString, path);
    QFETCH(QString, expected);

    QString error;
    const QUrl url = ApiRequest::resolve(QUrl(apiUrl), path, &error);
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(error.isEmpty(), !expected.isEmpty());
    if (expected.isEmpty())
        QVERIFY2(error.contains(QLatin1String("app.webinargeek.com")), qPrintable(error));
}

void TestApiRequest::typedField_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QByteArray>("json"); // the value as JSON

    QTest::newRow("integer") << QStringLiteral("n=42") << QByteArray("42");
    QTest::newRow("negative") << QStringLiteral("n=-7") << QByteArray("-7");
    QTest::newRow("beyond 2^53 stays exact") << QStringLiteral("n=9007199254740993") << QByteArray("9007199254740993");
    QTest::newRow("decimal") << QStringLiteral("n=0.25") << QByteArray("0.25");
    QTest::newRow("exponent") << QStringLiteral("n=1e3") << QByteArray("1000");
    QTest::newRow("true") << QStringLiteral("b=true") << QByteArray("true");
    QTest::newRow("false") << QStringLiteral("b=false") << QByteArray("false");
    QTest::newRow("null") << QStringLiteral("z=null") << QByteArray("null");
    QTest::newRow("word") << QStringLiteral("s=hello") << QByteArray("\"hello\"");
    QTest::newRow("leading zero is text") << QStringLiteral("s=007") << QByteArray("\"007\"");
    QTest::newRow("True is text") << QStringLiteral("s=True") << QByteArray("\"True\"");
    QTest::newRow("empty") << QStringLiteral("s=") << QByteArray("\"\"");
    QTest::newRow("= in the value") << QStringLiteral("s=a=b") << QByteArray("\"a=b\"");
}

void TestApiRequest::typedField()
{
    QFETCH(QString, argument);
    QFETCH(QByteArray, json);

    QString error;
    const std::optional<ApiRequest::Field> field = ApiRequest::parseField(argument, true, &error);
    QVERIFY2(field, qPrintable(error));
    QCOMPARE(field->name, argument.left(argument.indexOf(QLatin1Char('='))));
    const QByteArray array = QJsonDocument(QJsonArray {field->value}).toJson(QJsonDocument::Compact);
    QCOMPARE(array, '[' + json + ']');
}

void TestApiRequest::rawFieldStaysText()
{
    QString error;
    for (const QString &value :
         {QStringLiteral("42"), QStringLiteral("true"), QStringLiteral("null"), QStringLiteral("@/etc/hostname")}) {
        const auto field = ApiRequest::parseField(QStringLiteral("x=") + value, false, &error);
        QVERIFY(field);
        QVERIFY(field->value.isString());
        QCOMPARE(field->value.toString(), value);
    }
}

void TestApiRequest::fieldFromFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("caf\xc3\xa9\nsecond line");
    file.close();
    QString error;
    const auto field = ApiRequest::parseField(QStringLiteral("notes=@") + file.fileName(), true, &error);
    QVERIFY2(field, qPrintable(error));
    QCOMPARE(field->value.toString(), QStringLiteral("caf\u00e9\nsecond line"));
}

void TestApiRequest::badField_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("typed");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no =") << QStringLiteral("secret-looking") << false << QStringLiteral("-f takes name=value");
    QTest::newRow("no name") << QStringLiteral("=1") << true << QStringLiteral("-F takes name=value");
    QTest::newRow("missing file") << QStringLiteral("x=@/nonexistent/wgc") << true
                                  << QStringLiteral("/nonexistent/wgc");
}

void TestApiRequest::badField()
{
    QFETCH(QString, argument);
    QFETCH(bool, typed);
    QFETCH(QString, mentions);

    QString error;
    QVERIFY(!ApiRequest::parseField(argument, typed, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    // The argument itself is not repeated back: it may be a secret put in the wrong place.
    QVERIFY(!error.contains(QLatin1String("secret-looking")));
}

void TestApiRequest::header_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QByteArray>("name"); // empty: refused
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("plain") << QStringLiteral("X-Trace: abc 1") << QByteArray("X-Trace") << QByteArray("abc 1");
    QTest::newRow("no space") << QStringLiteral("Accept:text/csv") << QByteArray("Accept") << QByteArray("text/csv");
    QTest::newRow("colon in the value") << QStringLiteral("X-Time: 10:00") << QByteArray("X-Time")
                                        << QByteArray("10:00");
    QTest::newRow("no colon") << QStringLiteral("X-Trace abc") << QByteArray() << QByteArray();
    QTest::newRow("space in the name") << QStringLiteral("X Trace: abc") << QByteArray() << QByteArray();
    QTest::newRow("line break") << QStringLiteral("X-A: 1\r\nX-B: 2") << QByteArray() << QByteArray();
    QTest::newRow("Authorization") << QStringLiteral("authorization: Bearer x") << QByteArray() << QByteArray();
    QTest::newRow("Api-Token") << QStringLiteral("API-TOKEN: x") << QByteArray() << QByteArray();
}

void TestApiRequest::header()
{
    QFETCH(QString, argument);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);

    QString error;
    const auto header = ApiRequest::parseHeader(argument, &error);
    QCOMPARE(header.has_value(), !name.isEmpty());
    QCOMPARE(error.isEmpty(), !name.isEmpty());
    if (header) {
        QCOMPARE(header->first, name);
        QCOMPARE(header->second, value);
    }
}

void TestApiRequest::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("seconds"); // -1: cannot be read

    QTest::newRow("seconds") << QByteArray("30") << qint64(30);
    QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("HTTP date") << QByteArray("Thu, 03 Dec 2026 08:00:45 GMT") << qint64(45);
    QTest::newRow("date in the past") << QByteArray("Thu, 03 Dec 2026 07:59:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    // Read as it is; what may be waited is the request's to judge (without overflowing a sum).
    QTest::newRow("largest qint64") << QByteArray("9223372036854775807") << std::numeric_limits<qint64>::max();
    QTest::newRow("past qint64") << QByteArray("9223372036854775808") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestApiRequest::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, seconds);

    const QDateTime now(QDate(2026, 12, 3), QTime(8, 0), QTimeZone::utc());
    const std::optional<qint64> wait = ApiRequest::retryAfterSeconds(value, now);
    QCOMPARE(wait.value_or(-1), seconds);
}

void TestApiRequest::forTerminal_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("shown");

    QTest::newRow("JSON is indented, keys in the server's order")
        << QByteArray(R"({"b":[1,2],"a":"x"})")
        << QByteArray("{\n    \"b\": [\n        1,\n        2\n    ],\n    \"a\": \"x\"\n}\n");
    QTest::newRow("big numbers kept") << QByteArray(R"({"id":12345678901234567890,"f":1.50e+3})")
                                      << QByteArray("{\n    \"id\": 12345678901234567890,\n    \"f\": 1.50e+3\n}\n");
    QTest::newRow("strings untouched")
        << QByteArray(R"({"a{,[":"x, {y}: [z] \"q\" \\","b":"\\"})")
        << QByteArray("{\n    \"a{,[\": \"x, {y}: [z] \\\"q\\\" \\\\\",\n    \"b\": \"\\\\\"\n}\n");
    QTest::newRow("empty object and array stay compact")
        << QByteArray("{\"o\": { },\"a\":[],\"n\":[{}]}")
        << QByteArray("{\n    \"o\": {},\n    \"a\": [],\n    \"n\": [\n        {}\n    ]\n}\n");
    QTest::newRow("server's layout replaced")
        << QByteArray("{\r\n\t\"a\" :\n 1 }\n") << QByteArray("{\n    \"a\": 1\n}\n");
    QTest::newRow("escape in JSON stays escaped")
        << QByteArray(R"(["\u001b[2J"])") << QByteArray("[\n    \"\\u001b[2J\"\n]\n");
    QTest::newRow("bidi override removed") << QByteArray("[\"a\xe2\x80\xae"
                                                         "b\"]")
                                           << QByteArray("[\n    \"ab\"\n]\n");
    QTest::newRow("text keeps its lines") << QByteArray("one\ntwo\n") << QByteArray("one\ntwo\n");
    QTest::newRow("escape sequence in text") << QByteArray("ok\x1b]0;title\x07 done") << QByteArray("ok done\n");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestApiRequest::forTerminal()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, shown);

    QCOMPARE(ApiRequest::forTerminal(body), shown);
}

QTEST_GUILESS_MAIN(TestApiRequest)
#include "TestApiRequest.moc"
