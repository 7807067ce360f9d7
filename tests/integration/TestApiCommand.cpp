// `webinargeek-connect api PATH`, run as a real process against the sandbox's API and a real
// (private) gnome-keyring; a scripted API (ScriptedServer) for what the sandbox will not do:
// 429 and 503 with Retry-After, a 401 for a token that is still valid, a foreign origin; and a
// FaultRig session whose token endpoint cannot be reached, for a renewal that fails here.

#include "AppProcess.h"
#include "FaultRig.h"
#include "ScriptedServer.h"

#include "api/ApiRequest.h"
#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

namespace {

const QString kApiKey = QStringLiteral("sandbox-api-key");

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *arg : list)
        result << QString::fromUtf8(arg);
    return result;
}

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// The bearer token a request carried.
QByteArray bearerOf(const HttpRequest &request)
{
    return request.header("authorization").mid(qstrlen("Bearer "));
}

} // namespace

class TestApiCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void notSignedIn();
    void pathsAndParameters();
    void bodyFromInput();
    void includeAndSilent();
    void httpErrorShowsTheServersAnswer();
    void serversTextIsPlainOnStderr();
    void largeAnswerArrivesWhole();
    void badArguments_data();
    void badArguments();
    void foreignOriginIsRefused();
    void redirectToForeignOriginIsNotFollowed();
    void redirectOfARequestWithABody();
    void retryAfterIsWaitedOut_data();
    void retryAfterIsWaitedOut();
    void apiRequestInProcess();
    void expiredTokenIsRenewedFirst();
    void unauthorizedGetsOneRenewal();
    void renewalFailingHereIsLocal();
    void prettyOnlyOnATerminal();
    void secretsNeverLeak(); // last: it checks what every test printed

private:
    AppRun run(const QProcessEnvironment &env, const QStringList &arguments, const QByteArray &input = {});
    void loginWithApiKey(const QProcessEnvironment &env);
    QString loginWithBrowser(const QProcessEnvironment &env);

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Sandbox> m_shortLived; // access tokens live 2 seconds
    QByteArray m_allOutput;
    QStringList m_tokensSeen;
};

AppRun TestApiCommand::run(const QProcessEnvironment &env, const QStringList &arguments, const QByteArray &input)
{
    const AppRun result = runApp(env, arguments, input);
    m_allOutput += result.out + result.err;
    return result;
}

void TestApiCommand::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QProcessEnvironment shortEnv;
    shortEnv.insert(QStringLiteral("SANDBOX_ACCESS_TOKEN_TTL"), QStringLiteral("2"));
    m_shortLived = std::make_unique<Sandbox>(shortEnv);
    QVERIFY2(m_shortLived->start(), qPrintable(m_shortLived->errorString()));
}

void TestApiCommand::init()
{
    for (Sandbox *sandbox : {m_sandbox.get(), m_shortLived.get()})
        runApp(sandbox->environment(), {QStringLiteral("logout")});
}

void TestApiCommand::loginWithApiKey(const QProcessEnvironment &env)
{
    const AppRun login = run(env, {QStringLiteral("login"), QStringLiteral("--api-key")}, kApiKey.toUtf8());
    QVERIFY2(login.exitCode == 0, login.err.constData());
}

// Signs in through the sandbox's pages and returns the access token stored.
QString TestApiCommand::loginWithBrowser(const QProcessEnvironment &env)
{
    QProcess login;
    login.setProcessEnvironment(env);
    login.start(QStringLiteral(WGC_APP_BINARY), args({"login", "--no-browser", "--timeout", "60"}));
    QByteArray out;
    waitFor(
        [&] {
            out += login.readAllStandardOutput();
            return out.contains('\n') || login.state() == QProcess::NotRunning;
        },
        20000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(QString::fromUtf8(out.trimmed())));
    const AppRun done = finishApp(login);
    if (browser.exitCode != 0 || done.exitCode != 0)
        return QString();
    const QString token = QString::fromUtf8(runApp(env, {QStringLiteral("token")}).out.trimmed());
    m_tokensSeen << token;
    return token;
}

void TestApiCommand::notSignedIn()
{
    const AppRun result = run(m_sandbox->environment(), args({"api", "account"}));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("Not signed in"), result.err.constData());
    QVERIFY(!m_sandbox->log().contains("GET /api/v2/account"));
}

// The path with or without a slash, or as an absolute URL of the API's origin; -f and -F in the
// query for GET and as a typed JSON body otherwise; -H sent along. The body comes out as sent.
void TestApiCommand::pathsAndParameters()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    const QByteArray account = R"({"company":"Sandbox Webinars B.V.","email":"api-key-user@example.com"})";
    const QString absolute = m_sandbox->baseUrl().toString() + QStringLiteral("/api/v2/account");
    for (const QString &path : {QStringLiteral("account"), QStringLiteral("/account"), absolute}) {
        const AppRun result = run(env, {QStringLiteral("api"), path});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out, account); // unchanged: not a terminal
    }

    AppRun get = run(env, args({"api", "echo?page=2", "-X", "GET", "-f", "name=a b", "-F", "n=3"}));
    QVERIFY2(get.exitCode == 0, get.err.constData());
    QJsonObject echo = json(get.out);
    QCOMPARE(echo.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(echo.value(QLatin1String("query")).toObject(), json(R"({"page":"2","name":"a b","n":"3"})"));

    // Names and values arrive exactly as typed, the query's own delimiters and non-ASCII included.
    const QStringList typed = {QStringLiteral("plus=a+b"), QStringLiteral("percent=100%25"),
                               QStringLiteral("amp=x&y"),  QStringLiteral("hash=#h"),
                               QStringLiteral("eq=k=v"),   QStringLiteral("space=a b"),
                               QStringLiteral("utf=é€"),   QStringLiteral("n+m&o=1")};
    QStringList encodedArgs = args({"api", "echo", "-X", "GET"});
    for (const QString &field : typed)
        encodedArgs << QStringLiteral("-f") << field;
    const AppRun encoded = run(env, encodedArgs);
    QVERIFY2(encoded.exitCode == 0, encoded.err.constData());
    QCOMPARE(json(encoded.out).value(QLatin1String("query")).toObject(),
             json(R"({"plus":"a+b","percent":"100%25","amp":"x&y","hash":"#h","eq":"k=v","space":"a b",)"
                  R"("utf":"é€","n+m&o":"1"})"));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("line one\nline two");
    file.close();
    // Fields make it a POST, as with gh api.
    AppRun post = run(env, {QStringLiteral("api"), QStringLiteral("/echo"),
                            QStringLiteral("-F"),  QStringLiteral("count=42"),
                            QStringLiteral("-F"),  QStringLiteral("ratio=0.5"),
                            QStringLiteral("-F"),  QStringLiteral("on=true"),
                            QStringLiteral("-F"),  QStringLiteral("off=false"),
                            QStringLiteral("-F"),  QStringLiteral("none=null"),
                            QStringLiteral("-F"),  QStringLiteral("word=hello"),
                            QStringLiteral("-f"),  QStringLiteral("text=42"),
                            QStringLiteral("-F"),  QStringLiteral("notes=@") + file.fileName(),
                            QStringLiteral("-H"),  QStringLiteral("X-Sandbox-Trace: abc 123")});
    QVERIFY2(post.exitCode == 0, post.err.constData());
    echo = json(post.out);
    QCOMPARE(echo.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("application/json"));
    QCOMPARE(echo.value(QLatin1String("headers")).toObject(), json(R"({"x-sandbox-trace":"abc 123"})"));
    QCOMPARE(echo.value(QLatin1String("json")).toObject(),
             json(R"({"count":42,"ratio":0.5,"on":true,"off":false,"none":null,)"
                  R"("word":"hello","text":"42","notes":"line one\nline two"})"));

    AppRun put = run(env, args({"api", "echo", "-X", "put", "-f", "a=1"}));
    QVERIFY2(put.exitCode == 0, put.err.constData());
    QCOMPARE(json(put.out).value(QLatin1String("method")).toString(), QStringLiteral("PUT"));
    QCOMPARE(json(put.out).value(QLatin1String("json")).toObject(), json(R"({"a":"1"})"));
}

// --input: the body as it is, from a file or stdin; the fields then go in the query.
void TestApiCommand::bodyFromInput()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    AppRun fromStdin = run(env, args({"api", "echo", "--input", "-", "-f", "q=1"}), R"({"from":"stdin"})");
    QVERIFY2(fromStdin.exitCode == 0, fromStdin.err.constData());
    QJsonObject echo = json(fromStdin.out);
    QCOMPARE(echo.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value(QLatin1String("query")).toObject(), json(R"({"q":"1"})"));
    QCOMPARE(echo.value(QLatin1String("json")).toObject(), json(R"({"from":"stdin"})"));

    // A writer that pauses: stdin is read to its end, not only what the pipe held at first.
    QProcess slow;
    slow.setProcessEnvironment(env);
    slow.start(QStringLiteral(WGC_APP_BINARY), args({"api", "echo", "--input", "-"}));
    QVERIFY(slow.waitForStarted(10000));
    slow.write(R"({"a":)");
    QVERIFY(slow.waitForBytesWritten(10000));
    QTest::qWait(1000);
    slow.write("1}");
    slow.closeWriteChannel();
    const AppRun paused = finishApp(slow);
    m_allOutput += paused.out + paused.err;
    QVERIFY2(paused.exitCode == 0, paused.err.constData());
    QCOMPARE(json(paused.out).value(QLatin1String("json")).toObject(), json(R"({"a":1})"));

    // Past the bound: a clear error, exit 2, nothing sent.
    const QByteArray before = m_sandbox->log();
    const AppRun tooLarge =
        run(env, args({"api", "echo", "--input", "-"}), QByteArray(ApiRequest::kMaxInputBytes + 1, 'x'));
    QCOMPARE(tooLarge.exitCode, 2);
    QVERIFY2(tooLarge.err.contains("stdin is larger than 16 MiB"), tooLarge.err.constData());
    QVERIFY(!m_sandbox->log().mid(before.size()).contains("/api/v2/echo"));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("plain text, not JSON");
    file.close();
    AppRun fromFile = run(env,
                          {QStringLiteral("api"), QStringLiteral("echo"), QStringLiteral("-X"), QStringLiteral("PATCH"),
                           QStringLiteral("--input"), file.fileName(), QStringLiteral("-H"),
                           QStringLiteral("Content-Type: text/plain")});
    QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());
    echo = json(fromFile.out);
    QCOMPARE(echo.value(QLatin1String("method")).toString(), QStringLiteral("PATCH"));
    QCOMPARE(echo.value(QLatin1String("contentType")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(echo.value(QLatin1String("text")).toString(), QStringLiteral("plain text, not JSON"));
}

void TestApiCommand::includeAndSilent()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    const AppRun included = run(env, args({"api", "account", "-i"}));
    QCOMPARE(included.exitCode, 0);
    QVERIFY(included.out.startsWith("{\"company\""));
    // The status line, then the headers (after the app's own log lines, on in tests).
    const qsizetype statusLine = included.err.indexOf("HTTP/1.1 200 OK\n");
    QVERIFY2(statusLine >= 0, included.err.constData());
    QVERIFY(included.err.indexOf("Content-Type: application/json") > statusLine);
    QVERIFY(included.err.contains("Cache-Control: no-store"));
    QVERIFY(!included.err.contains("Api-Token") && !included.err.contains(kApiKey.toUtf8()));

    // --verbose: the request too, with the credential by name only.
    const AppRun verbose = run(env, args({"api", "account", "--verbose"}));
    QCOMPARE(verbose.exitCode, 0);
    const QByteArray requestLine = "> GET " + m_sandbox->baseUrl().toEncoded() + "/api/v2/account\n";
    QVERIFY2(verbose.err.contains(requestLine), verbose.err.constData());
    QVERIFY(verbose.err.contains("> Accept: application/json\n"));
    QVERIFY(verbose.err.contains("> Api-Token: (hidden)\n"));
    QVERIFY(verbose.err.indexOf("HTTP/1.1 200 OK\n") > verbose.err.indexOf(requestLine));
    QVERIFY(!verbose.err.contains(kApiKey.toUtf8()));

    const AppRun silent = run(env, args({"api", "account", "--silent"}));
    QCOMPARE(silent.exitCode, 0);
    QVERIFY(silent.out.isEmpty());
}

// Exit 1, the server's JSON on stdout as it came, and its message on stderr.
void TestApiCommand::httpErrorShowsTheServersAnswer()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    const AppRun missing = run(env, args({"api", "webinars/12345"}));
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(json(missing.out).value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
    QVERIFY2(missing.err.contains("HTTP 404") && missing.err.contains("No such resource: /api/v2/webinars/12345"),
             missing.err.constData());

    // One resource refuses the key while the account takes it: that 401 is the resource's
    // answer (exit 1), and the key stays.
    QProcessEnvironment scripted = env;
    ScriptedServer forbidden;
    forbidden.answerInTurn({HttpAnswer::json(401, R"({"message":"Not for this key."})"),
                            HttpAnswer::json(200, R"({"company":"Sandbox Webinars B.V.","email":"k@example.com"})")});
    scripted.insert(QStringLiteral("WEBINARGEEK_API_URL"), forbidden.url(QStringLiteral("/api/v2")).toString());
    const AppRun notHere = run(scripted, args({"api", "webinars/7/secrets"}));
    QCOMPARE(notHere.exitCode, 1);
    QVERIFY2(notHere.err.contains("HTTP 401") && notHere.err.contains("Not for this key."), notHere.err.constData());
    QCOMPARE(forbidden.requests().size(), 2);
    QCOMPARE(forbidden.requests().at(1).path(), QByteArray("/api/v2/account"));
    QCOMPARE(forbidden.requests().at(1).header("api-token"), kApiKey.toUtf8());
    const AppRun kept = run(env, args({"status", "--json"}));
    QCOMPARE(json(kept.out).value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    const AppRun still = run(env, args({"api", "account"}));
    QVERIFY2(still.exitCode == 0, still.err.constData());

    // A key the account refuses too: 401, no renewal possible for a key, exit 1; the key is
    // marked rejected.
    ScriptedServer api;
    api.answerAlways(HttpAnswer::json(401, R"({"code":"unauthorized","message":"The API token is invalid."})"));
    scripted.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    const AppRun refused = run(scripted, args({"api", "webinars"}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("HTTP 401") && refused.err.contains("The API token is invalid."),
             refused.err.constData());
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(api.requests().at(0).header("api-token"), kApiKey.toUtf8());
    QCOMPARE(api.requests().at(1).path(), QByteArray("/api/v2/account"));
    const AppRun rejected = run(env, args({"status", "--json"}));
    QVERIFY2(json(rejected.out).value(QLatin1String("state")).toString() != QStringLiteral("signed_in"),
             rejected.out.constData());
}

// An answer past the app's own 1 MiB cap comes out byte for byte.
void TestApiCommand::largeAnswerArrivesWhole()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    const AppRun result = runApp(env, args({"api", "echo", "-X", "GET", "-f", "bytes=2097152"}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QByteArray expected(2 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < expected.size(); ++i)
        expected[i] = char(i % 251);
    QCOMPARE(result.out.size(), expected.size());
    QVERIFY(result.out == expected);
    m_allOutput += result.err; // the body is this test's pattern, no secret
}

// A hostile error answer: its message reaches stderr without anything a terminal obeys (with
// -i its headers too), while stdout, a pipe here, gets the body as it came.
void TestApiCommand::serversTextIsPlainOnStderr()
{
    QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    ScriptedServer api;
    const QByteArray body = R"({"message":"\u001b[2J\u001b]0;pwned\u0007fake prompt$ \u202eevil"})";
    api.answerAlways(HttpAnswer::json(500, body).withHeader("X-Note", "a\x1b[31mred\xc2\x9b"));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    const AppRun result = run(env, args({"api", "account", "-i"}));
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, body);
    QVERIFY2(result.err.contains("HTTP 500") && result.err.contains("fake prompt$ evil"), result.err.constData());
    QVERIFY2(result.err.contains("X-Note: ared\n"), result.err.constData()); // whole sequences go
    for (const char c : result.err)
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n', result.err.constData());
    QVERIFY(!result.err.contains("\xc2\x9b") && !result.err.contains("\xe2\x80\xae"));
}

void TestApiCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");

    QTest::newRow("field without =") << args({"api", "echo", "-f", "novalue"}) << QByteArray("-f takes name=value");
    QTest::newRow("typed field without name") << args({"api", "echo", "-F", "=1"}) << QByteArray("-F takes name=value");
    QTest::newRow("field from a missing file")
        << args({"api", "echo", "-F", "x=@/nonexistent/file"}) << QByteArray("/nonexistent/file");
    QTest::newRow("header without colon") << args({"api", "echo", "-H", "X-A 1"}) << QByteArray("-H takes");
    QTest::newRow("credential header") << args({"api", "echo", "-H", "authorization: Bearer x"})
                                       << QByteArray("stored credential");
    QTest::newRow("missing input") << args({"api", "echo", "--input", "/nonexistent/body"})
                                   << QByteArray("/nonexistent/body");
    QTest::newRow("stdin twice") << args({"api", "echo", "--input", "-", "-F", "notes=@-"})
                                 << QByteArray("--input - and -F notes=@- both read stdin");
    QTest::newRow("no path") << args({"api"}) << QByteArray("PATH");
}

// Exit 2 and nothing sent.
void TestApiCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    const QByteArray before = m_sandbox->log();
    const AppRun result = run(env, arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QVERIFY(!m_sandbox->log().mid(before.size()).contains("/api/v2/echo"));
}

// An absolute URL of another origin (127.0.0.2 plays a foreign host; so does another port or
// scheme) is refused before anything is sent.
void TestApiCommand::foreignOriginIsRefused()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    ScriptedServer foreign(QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(foreign.isListening());
    ScriptedServer otherPort;
    const QUrl sandboxApi = m_sandbox->baseUrl();
    for (const QString &url : {foreign.url(QStringLiteral("/api/v2/account")).toString(),
                               otherPort.url(QStringLiteral("/api/v2/account")).toString(),
                               QStringLiteral("https://127.0.0.1:%1/api/v2/account").arg(sandboxApi.port()),
                               QStringLiteral("https://app.webinargeek.invalid/api/v2/account")}) {
        const AppRun result = run(env, {QStringLiteral("api"), url});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("the credential is sent only there"), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }
    QCOMPARE(foreign.requests().size(), 0);
    QCOMPARE(otherPort.requests().size(), 0);
}

void TestApiCommand::redirectToForeignOriginIsNotFollowed()
{
    QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    ScriptedServer foreign(QHostAddress(QStringLiteral("127.0.0.2")));
    ScriptedServer api;
    api.setHandler([&](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/api/v2/moved")
            answer(HttpAnswer::redirect(307, api.url(QStringLiteral("/api/v2/here"))));
        else if (request.path() == "/api/v2/here")
            answer(HttpAnswer::json(200, R"({"here":true})"));
        else
            answer(HttpAnswer::redirect(302, foreign.url(QStringLiteral("/steal"))));
    });
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    // Within the origin a redirect is followed, credential and all.
    const AppRun same = run(env, args({"api", "moved"}));
    QVERIFY2(same.exitCode == 0, same.err.constData());
    QCOMPARE(same.out, QByteArray(R"({"here":true})"));
    QCOMPARE(api.requests().last().header("api-token"), kApiKey.toUtf8());

    const AppRun away = run(env, args({"api", "elsewhere"}));
    QCOMPARE(away.exitCode, 1);
    QVERIFY2(away.err.contains("not followed") && away.err.contains("127.0.0.2"), away.err.constData());
    QCOMPARE(foreign.requests().size(), 0);
}

// A redirect within the origin is not followed for a request with a body (it goes out once),
// and the error says where it pointed.
void TestApiCommand::redirectOfARequestWithABody()
{
    QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    ScriptedServer api;
    api.answerAlways(HttpAnswer::redirect(307, api.url(QStringLiteral("/api/v2/elsewhere"))));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    const AppRun result = run(env, args({"api", "echo", "-f", "a=1"}));
    QCOMPARE(result.exitCode, 1);
    const QByteArray where = api.url(QStringLiteral("/api/v2/elsewhere")).toEncoded();
    QVERIFY2(result.err.contains("redirected to " + where + "; a request with a body is not sent again"),
             result.err.constData());
    QCOMPARE(api.requests().size(), 1);
}

void TestApiCommand::retryAfterIsWaitedOut_data()
{
    QTest::addColumn<QList<HttpAnswer>>("answers");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QByteArray>("mentions");

    const HttpAnswer ok = HttpAnswer::json(200, R"({"ok":true})");
    const HttpAnswer tooMany =
        HttpAnswer::json(429, R"({"message":"Rate limit exceeded"})").withHeader("Retry-After", "1");
    const HttpAnswer busy = HttpAnswer::json(503, R"({"message":"Maintenance"})").withHeader("Retry-After", "5");
    QTest::newRow("429, Retry-After 1, then 200")
        << QList<HttpAnswer> {tooMany, ok} << QStringList() << 0 << 2 << QByteArray("trying again in 1 s");
    QTest::newRow("429 twice within --max-wait")
        << QList<HttpAnswer> {tooMany, tooMany, ok} << args({"--max-wait", "2"}) << 0 << 3 << QByteArray("HTTP 429");
    QTest::newRow("429 past --max-wait") << QList<HttpAnswer> {tooMany, tooMany, ok} << args({"--max-wait", "1"}) << 1
                                         << 2 << QByteArray("past the limit of --max-wait (1 s)");
    QTest::newRow("503 asks more than --max-wait")
        << QList<HttpAnswer> {busy, ok} << args({"--max-wait", "2"}) << 1 << 1 << QByteArray("Maintenance");
    QTest::newRow("a huge Retry-After after a short one")
        << QList<HttpAnswer> {tooMany, HttpAnswer::json(429, "{}").withHeader("Retry-After", "9223372036854775807"), ok}
        << args({"--max-wait", "5"}) << 1 << 2 << QByteArray("past the limit of --max-wait (5 s)");
    QTest::newRow("--max-wait 0 never waits")
        << QList<HttpAnswer> {tooMany, ok} << args({"--max-wait", "0"}) << 1 << 1 << QByteArray("--max-wait (0 s)");
    QTest::newRow("429 without Retry-After")
        << QList<HttpAnswer> {HttpAnswer::json(429, "{}"), ok} << QStringList() << 1 << 1 << QByteArray("HTTP 429");
    const QByteArray date =
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(2), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
            .toLatin1()
        + " GMT";
    QTest::newRow("503 with an HTTP date")
        << QList<HttpAnswer> {HttpAnswer::json(503, "{}").withHeader("Retry-After", date), ok} << QStringList() << 0
        << 2 << QByteArray("HTTP 503");
}

void TestApiCommand::retryAfterIsWaitedOut()
{
    QFETCH(QList<HttpAnswer>, answers);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(int, requests);
    QFETCH(QByteArray, mentions);

    QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    ScriptedServer api;
    api.answerInTurn(answers);
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    // A POST is sent again too: the server said it did not take it.
    QElapsedTimer clock;
    clock.start();
    const AppRun result = run(env, args({"api", "echo", "-f", "a=1"}) + options);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(result.exitCode, exitCode);
    // Each wait announced really passed (a lower bound only: the machine may be slow).
    qint64 announced = 0;
    static const QRegularExpression wait(QStringLiteral("trying again in (\\d+) s"));
    for (auto match = wait.globalMatch(QString::fromUtf8(result.err)); match.hasNext();)
        announced += match.next().captured(1).toLongLong();
    QCOMPARE(announced > 0, requests > 1);
    QVERIFY2(elapsed >= announced * 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QVERIFY2(result.err.contains(mentions), result.err.constData());
    QCOMPARE(api.requests().size(), requests);
    for (const HttpRequest &request : api.requests())
        QCOMPARE(request.body, QByteArray(R"({"a":"1"})"));
    if (exitCode == 0)
        QCOMPARE(result.out, QByteArray(R"({"ok":true})"));
}

// ApiRequest itself, with the session the CLI builds as its credential provider: it says when it
// waits, finishes once, and hands over the answer.
void TestApiCommand::apiRequestInProcess()
{
    loginWithApiKey(m_sandbox->environment());
    ScriptedServer api;
    api.answerInTurn({HttpAnswer::json(503, "{}").withHeader("Retry-After", "1"),
                      HttpAnswer::json(201, R"({"id":7})").withHeader("Location", "/api/v2/things/7")});
    Configuration config = m_sandbox->configuration();
    config.apiUrl = api.url(QStringLiteral("/api/v2"));
    NetworkAccess network;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store);
    bool restored = false;
    connect(&session, &Session::restoreFinished, this, [&] { restored = true; });
    session.restore();
    QVERIFY(waitFor([&] { return restored; }, 10000));
    QCOMPARE(session.state(), Session::State::SignedIn);

    ApiRequest request(config.apiUrl, &network, &session);
    request.setMethod(QStringLiteral("put"));
    request.setFields({{QStringLiteral("name"), QJsonValue(QStringLiteral("x"))}});
    QList<qint64> waits;
    QList<ApiRequest::Result> results;
    connect(&request, &ApiRequest::waiting, this, [&](int status, qint64 seconds) {
        QCOMPARE(status, 503);
        waits << seconds;
    });
    connect(&request, &ApiRequest::finished, this, [&](const ApiRequest::Result &result) { results << result; });
    request.start(QStringLiteral("things"));
    QVERIFY(waitFor([&] { return !results.isEmpty(); }, 10000));
    QTest::qWait(200); // nothing more comes
    QCOMPARE(waits, QList<qint64> {1});
    QCOMPARE(results.size(), 1);
    const ApiRequest::Result &result = results.first();
    QCOMPARE(result.exitCode(), 0);
    QCOMPARE(result.status, 201);
    QCOMPARE(result.statusLine(), QByteArray("HTTP/1.1 201 Status")); // ScriptedServer's reason phrase
    QCOMPARE(result.body, QByteArray(R"({"id":7})"));
    QVERIFY(result.headers.contains(qMakePair(QByteArray("Location"), QByteArray("/api/v2/things/7"))));
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(api.requests().at(1).method, QByteArray("PUT"));
    QCOMPARE(api.requests().at(1).path(), QByteArray("/api/v2/things"));
    QCOMPARE(api.requests().at(1).body, QByteArray(R"({"name":"x"})"));
    QCOMPARE(api.requests().at(1).header("content-type"), QByteArray("application/json"));
}

// A token that has expired is renewed (under the refresh lock, by the session) before the call.
void TestApiCommand::expiredTokenIsRenewedFirst()
{
    const QProcessEnvironment env = m_shortLived->environment();
    const QString token = loginWithBrowser(env);
    QVERIFY(!token.isEmpty());
    QTest::qWait(3000);
    const int refreshes = m_shortLived->grantsOf("refresh_token");
    const AppRun result = run(env, args({"api", "account"}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(json(result.out).value(QLatin1String("email")).toString(), QStringLiteral("jane@example.com"));
    QCOMPARE(m_shortLived->grantsOf("refresh_token"), refreshes + 1);
    m_tokensSeen << QString::fromUtf8(runApp(env, {QStringLiteral("token")}).out.trimmed());
}

// The API refuses a token the app thinks valid: one renewal and one retry; a second 401 is the
// answer (exit 1).
void TestApiCommand::unauthorizedGetsOneRenewal()
{
    QProcessEnvironment env = m_sandbox->environment();
    const QString token = loginWithBrowser(env);
    QVERIFY(!token.isEmpty());
    ScriptedServer api;
    api.answerInTurn({HttpAnswer::json(401, R"({"message":"expired"})"), HttpAnswer::json(200, R"({"ok":1})")});
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), api.url(QStringLiteral("/api/v2")).toString());
    const int refreshes = m_sandbox->grantsOf("refresh_token");
    const AppRun renewed = run(env, args({"api", "account", "--verbose"}));
    QVERIFY2(renewed.exitCode == 0, renewed.err.constData());
    QCOMPARE(renewed.err.count("> Authorization: Bearer (hidden)\n"), 2);
    QCOMPARE(renewed.out, QByteArray(R"({"ok":1})"));
    QCOMPARE(api.requests().size(), 2);
    QCOMPARE(bearerOf(api.requests().at(0)), token.toUtf8());
    const QByteArray second = bearerOf(api.requests().at(1));
    QVERIFY(!second.isEmpty() && second != token.toUtf8());
    QCOMPARE(m_sandbox->grantsOf("refresh_token"), refreshes + 1);
    m_tokensSeen << QString::fromUtf8(second);

    ScriptedServer refusing;
    refusing.answerAlways(HttpAnswer::json(401, R"({"message":"no access"})"));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), refusing.url(QStringLiteral("/api/v2")).toString());
    const AppRun refused = run(env, args({"api", "account"}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("HTTP 401") && refused.err.contains("no access"), refused.err.constData());
    QCOMPARE(refusing.requests().size(), 2);
    m_tokensSeen << QString::fromUtf8(bearerOf(refusing.requests().at(1)));

    // Still one renewal when a wait comes between two 401s.
    ScriptedServer busy;
    busy.answerInTurn({HttpAnswer::json(401, "{}"), HttpAnswer::json(429, "{}").withHeader("Retry-After", "1"),
                       HttpAnswer::json(401, R"({"message":"still no"})"), HttpAnswer::json(200, "{}")});
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), busy.url(QStringLiteral("/api/v2")).toString());
    const int before = m_sandbox->grantsOf("refresh_token");
    const AppRun once = run(env, args({"api", "account"}));
    QCOMPARE(once.exitCode, 1);
    QVERIFY2(once.err.contains("still no"), once.err.constData());
    QCOMPARE(busy.requests().size(), 3);
    QCOMPARE(m_sandbox->grantsOf("refresh_token"), before + 1);
    m_tokensSeen << QString::fromUtf8(bearerOf(busy.requests().at(2)));
}

// A 401 whose renewal fails on this side (the token endpoint cannot be reached) is a local
// problem: exit code 2, not the server's answer.
void TestApiCommand::renewalFailingHereIsLocal()
{
    ScriptedServer api;
    api.answerAlways(HttpAnswer::json(401, R"({"message":"expired"})"));
    FaultRig rig(fakeConfiguration(QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closedPort())),
                                   api.url(QStringLiteral("/api/v2"))));
    QVERIFY(rig.seedAndRestore(rig.seed()));
    ApiRequest request(rig.session.configuration().apiUrl, &rig.network, &rig.session);
    QList<ApiRequest::Result> results;
    connect(&request, &ApiRequest::finished, this, [&](const ApiRequest::Result &result) { results << result; });
    request.start(QStringLiteral("webinars"));
    QVERIFY(waitFor([&] { return !results.isEmpty(); }, 30000));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, 401);
    // The server's message and the session's, as two sentences.
    QVERIFY2(results.first().error.startsWith(QLatin1String("The WebinarGeek API answered HTTP 401. expired. ")),
             qPrintable(results.first().error));
    QCOMPARE(results.first().exitCode(), 2);
    QCOMPARE(api.requests().size(), 1);
}

// Pretty-printed, and plain text, only when stdout is a terminal (a pseudo-terminal here);
// piped, the body is the server's bytes.
void TestApiCommand::prettyOnlyOnATerminal()
{
    const QProcessEnvironment env = m_sandbox->environment();
    loginWithApiKey(env);
    // A right-to-left override, which JSON carries as it is, and an escape, which it escapes.
    const QStringList arguments = {QStringLiteral("api"), QStringLiteral("echo"),
                                   QStringLiteral("-X"),  QStringLiteral("GET"),
                                   QStringLiteral("-f"),  QStringLiteral("name=abc\u202Edef\u001b[2J")};
    const AppRun piped = run(env, arguments);
    QCOMPARE(piped.exitCode, 0);
    QVERIFY(!piped.out.contains('\n'));
    QVERIFY(piped.out.contains("\xe2\x80\xae")); // unchanged

    int master = -1;
    int slave = -1;
    QVERIFY(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    QProcess process;
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([slave] { dup2(slave, STDOUT_FILENO); });
    process.start(QStringLiteral(WGC_APP_BINARY), arguments);
    QByteArray shown;
    const auto drain = [&] {
        char buffer[4096];
        ssize_t n;
        while ((n = ::read(master, buffer, sizeof buffer)) > 0)
            shown.append(buffer, n);
    };
    waitFor(
        [&] {
            drain();
            return process.state() == QProcess::NotRunning;
        },
        30000);
    drain();
    ::close(master);
    ::close(slave);
    QCOMPARE(process.exitCode(), 0);
    m_allOutput += shown + process.readAllStandardError();
    shown.replace("\r\n", "\n");
    // In the server's order (method first), not sorted.
    QVERIFY2(shown.startsWith("{\n    \"method\": \"GET\",\n    \"query\": {\n"), shown.constData());
    QVERIFY(shown.endsWith("}\n"));
    QVERIFY(!shown.contains("\xe2\x80\xae"));
    QVERIFY(!shown.contains('\x1b'));
    QVERIFY2(shown.contains("\"name\": \"abcdef\\u001b[2J\""), shown.constData());
}

void TestApiCommand::secretsNeverLeak()
{
    QVERIFY(m_tokensSeen.size() >= 3);
    QVERIFY(!m_allOutput.isEmpty());
    QVERIFY2(!m_allOutput.contains(kApiKey.toUtf8()), "the API key appeared in the output");
    for (const QString &token : std::as_const(m_tokensSeen)) {
        QVERIFY(token.size() > 10);
        QVERIFY2(!m_allOutput.contains(token.toUtf8()), "a token appeared in the output");
    }
}

QTEST_GUILESS_MAIN(TestApiCommand)
#include "TestApiCommand.moc"
