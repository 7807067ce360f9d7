// Connecting with a personal API key instead of OAuth: `login --api-key` reads the key from stdin,
// checks it against the API before keeping it, and a key the API later refuses is marked rejected.
// The app binary runs against the sandbox (which accepts one key) and a real (private) keychain.

#include "AppProcess.h"
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "ScriptedServer.h"

#include "api/NetworkAccess.h"
#include "api/WebinarGeekClient.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestApiKey : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loginReadsTheKeyFromStdin();
    void wrongKeyIsRefusedAndNothingStored();
    void wrongKeyKeepsTheSessionThatWorks();
    void emptyStdinIsAUsageError();
    void keyAsArgumentIsRefused_data();
    void keyAsArgumentIsRefused();
    void laterUnauthorizedMarksItRejected();
    void goesThroughTheSystemProxy();
    void keyNeverLeaks();

private:
    AppRun run(const QStringList &arguments, const QByteArray &input = {}, bool recordStdout = true);
    QJsonObject status(const QProcessEnvironment &env, int *exitCode = nullptr);

    std::unique_ptr<Sandbox> m_sandbox;
    QProcessEnvironment m_env;
    QByteArray m_key;
    QByteArray m_allOutput; // everything printed, except `token`'s stdout
};

void TestApiKey::initTestCase()
{
    // A key of this run only, so finding it anywhere can only mean this run leaked it.
    m_key = "wgc-api-key-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    QProcessEnvironment sandboxEnv;
    sandboxEnv.insert(QStringLiteral("SANDBOX_API_KEY"), QString::fromLatin1(m_key));
    m_sandbox = std::make_unique<Sandbox>(sandboxEnv);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_env = m_sandbox->environment();
}

void TestApiKey::init()
{
    QCOMPARE(run({QStringLiteral("logout")}).exitCode, 0);
}

AppRun TestApiKey::run(const QStringList &arguments, const QByteArray &input, bool recordStdout)
{
    const AppRun result = runApp(m_env, arguments, input);
    if (recordStdout)
        m_allOutput += result.out;
    m_allOutput += result.err;
    return result;
}

QJsonObject TestApiKey::status(const QProcessEnvironment &env, int *exitCode)
{
    const AppRun result = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    m_allOutput += result.out + result.err;
    if (exitCode)
        *exitCode = result.exitCode;
    return QJsonDocument::fromJson(result.out).object();
}

void TestApiKey::loginReadsTheKeyFromStdin()
{
    const AppRun login = run({QStringLiteral("login"), QStringLiteral("--api-key")}, m_key + '\n');
    QCOMPARE(login.exitCode, 0);
    QVERIFY2(login.err.contains("Connected with an API key as api-key-user@example.com (Sandbox Webinars B.V.)"),
             login.err.constData());
    QVERIFY(login.out.isEmpty());

    int exitCode = -1;
    const QJsonObject json = status(m_env, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(json.value(QLatin1String("method")).toString(), QStringLiteral("api_key"));
    const QJsonObject account = json.value(QLatin1String("account")).toObject();
    QCOMPARE(account.value(QLatin1String("email")).toString(), QStringLiteral("api-key-user@example.com"));
    QCOMPARE(account.value(QLatin1String("company")).toString(), QStringLiteral("Sandbox Webinars B.V."));
    QVERIFY(json.value(QLatin1String("expires_at")).isNull()); // a key does not expire
    QVERIFY(json.value(QLatin1String("error")).isNull());

    // `token` hands out the key itself, alone on stdout.
    const AppRun token = run({QStringLiteral("token")}, {}, false);
    QCOMPARE(token.exitCode, 0);
    QVERIFY2(token.out == m_key + '\n', "token did not print the key alone on stdout");
    QVERIFY(!token.err.contains(m_key));

    // In the keychain: the key as the session's credential, no refresh token.
    TokenStore store(m_sandbox->configuration().storageKey());
    const TokenStore::Result stored = KeychainAccess::load(store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QCOMPARE(stored.session.method, QStringLiteral("api_key"));
    QVERIFY(stored.session.accessToken == QString::fromLatin1(m_key));
    QVERIFY(stored.session.refreshToken.isEmpty());
    QVERIFY(!stored.session.rejected);

    QCOMPARE(run({QStringLiteral("logout")}).exitCode, 0);
    QCOMPARE(status(m_env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

void TestApiKey::wrongKeyIsRefusedAndNothingStored()
{
    const AppRun login = run({QStringLiteral("login"), QStringLiteral("--api-key")}, "not-the-key\n");
    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains("error: WebinarGeek did not accept the API key"), login.err.constData());
    QVERIFY(login.out.isEmpty());
    int exitCode = -1;
    QCOMPARE(status(m_env, &exitCode).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    QCOMPARE(exitCode, 1);
    TokenStore store(m_sandbox->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::NotFound);
}

void TestApiKey::wrongKeyKeepsTheSessionThatWorks()
{
    QCOMPARE(run({QStringLiteral("login"), QStringLiteral("--api-key")}, m_key).exitCode, 0);
    QCOMPARE(run({QStringLiteral("login"), QStringLiteral("--api-key")}, "a-typo\n").exitCode, 1);
    const QJsonObject json = status(m_env);
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(json.value(QLatin1String("method")).toString(), QStringLiteral("api_key"));
    QVERIFY(run({QStringLiteral("token")}, {}, false).out == m_key + '\n');
}

void TestApiKey::emptyStdinIsAUsageError()
{
    const AppRun login = run({QStringLiteral("login"), QStringLiteral("--api-key")});
    QCOMPARE(login.exitCode, 2);
    QVERIFY2(login.err.contains("No API key was given."), login.err.constData());
    QCOMPARE(status(m_env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

void TestApiKey::keyAsArgumentIsRefused_data()
{
    QTest::addColumn<bool>("joined"); // --api-key=KEY rather than --api-key KEY
    QTest::newRow("--api-key=KEY") << true;
    QTest::newRow("--api-key KEY") << false;
}

// Other users can read a process's arguments: the key is never taken from there.
void TestApiKey::keyAsArgumentIsRefused()
{
    QFETCH(bool, joined);
    const QString key = QString::fromLatin1(m_key);
    const QStringList arguments = joined ? QStringList {QStringLiteral("login"), QStringLiteral("--api-key=") + key}
                                         : QStringList {QStringLiteral("login"), QStringLiteral("--api-key"), key};
    // Not recorded for keyNeverLeaks: this run's own check is below.
    const AppRun login = runApp(m_env, arguments, m_key + '\n');
    QCOMPARE(login.exitCode, 2);
    QVERIFY(login.err.startsWith("error: "));
    QVERIFY(login.out.isEmpty());
    QCOMPARE(status(m_env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    QVERIFY2(!login.err.contains(m_key), "the key given as an argument was echoed back on stderr");
}

// Behind a company proxy: the app goes out through the proxy the environment names (as a browser
// would), except to addresses no_proxy lists and to this computer.
void TestApiKey::goesThroughTheSystemProxy()
{
    // A proxy that refuses everything: enough to see what the app sends it.
    ScriptedServer proxy;
    proxy.answerAlways(HttpAnswer::of(403, "text/plain", "Blocked by the test's proxy"));
    const QString proxyUrl = proxy.url(QString()).toString();
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("https_proxy"), proxyUrl);
    env.insert(QStringLiteral("http_proxy"), proxyUrl);

    // The sandbox is on this computer: straight there, never through the proxy.
    const AppRun login = runApp(env, {QStringLiteral("login"), QStringLiteral("--api-key")}, m_key + '\n');
    m_allOutput += login.out + login.err;
    QVERIFY2(login.exitCode == 0, login.err.constData());
    QVERIFY(proxy.requests().isEmpty());

    // Elsewhere: through the proxy. The host is under .invalid, so without the proxy it could not
    // even be looked up; the proxy is asked for a tunnel to it, and its refusal is reported.
    const QString elsewhere = QStringLiteral("api.webinargeek.invalid");
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), QStringLiteral("https://%1/api/v2").arg(elsewhere));
    const AppRun proxied = runApp(env, {QStringLiteral("login"), QStringLiteral("--api-key")}, "other-key\n");
    m_allOutput += proxied.out + proxied.err;
    QCOMPARE(proxied.exitCode, 1);
    QCOMPARE(proxy.requests().size(), 1);
    QCOMPARE(proxy.requests().first().method, QByteArray("CONNECT"));
    QCOMPARE(proxy.requests().first().target, elsewhere.toUtf8() + ":443");
    QVERIFY2(proxied.err.contains("error: The API key could not be checked, so it was not stored. Could not reach "
                                  "the WebinarGeek API."),
             proxied.err.constData());
    QVERIFY2(proxied.err.toLower().contains("proxy"), proxied.err.constData());

    // no_proxy: straight there (and .invalid is not found), the proxy sees nothing more.
    env.insert(QStringLiteral("no_proxy"), elsewhere);
    const AppRun direct = runApp(env, {QStringLiteral("login"), QStringLiteral("--api-key")}, "other-key\n");
    m_allOutput += direct.out + direct.err;
    QCOMPARE(direct.exitCode, 1);
    QCOMPARE(proxy.requests().size(), 1);
    QVERIFY2(direct.err.contains("Could not reach the WebinarGeek API"), direct.err.constData());
    QVERIFY2(!direct.err.toLower().contains("proxy"), direct.err.constData());

    // What worked before is still there.
    QCOMPARE(status(m_env).value(QLatin1String("method")).toString(), QStringLiteral("api_key"));
}

void TestApiKey::keyNeverLeaks()
{
    QVERIFY(!m_allOutput.isEmpty());
    QVERIFY2(!m_allOutput.contains(m_key), "the API key appeared in a command's output");
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        QVERIFY2(!file.readAll().contains(m_key),
                 qPrintable(QStringLiteral("the API key is in %1").arg(file.fileName())));
    }
    QVERIFY(files > 0); // the keyring file at least: encrypted, so no key in the clear
}

// The key worked when it was stored; later the API refuses it (revoked in WebinarGeek's settings).
void TestApiKey::laterUnauthorizedMarksItRejected()
{
    ScriptedServer api;
    api.setHandler([this, &api](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        const bool first = api.requests().size() == 1;
        answer(first && request.header("api-token") == m_key
                   ? HttpAnswer::json(200, R"({"company":"Keyed B.V.","email":"keyed@example.com"})")
                   : HttpAnswer::json(401, R"({"code":"unauthorized","message":"The API token is invalid."})"));
    });
    Configuration config = m_sandbox->configuration();
    config.apiUrl = api.url(QStringLiteral("/api/v2"));
    NetworkAccess network;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store);

    QSignalSpy signedIn(&session, &Session::signInFinished);
    session.signInWithApiKey(QString::fromLatin1(m_key));
    QVERIFY(signedIn.wait(15000));
    QVERIFY(!signedIn.first().first().value<AuthError>().isError());
    QCOMPARE(session.state(), Session::State::SignedIn);

    ApiError error;
    bool done = false;
    session.api()->fetchAccount([&](const Account &, const ApiError &e) {
        error = e;
        done = true;
    });
    QVERIFY(waitFor([&done] { return done; }, 15000));
    QCOMPARE(error.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(session.state(), Session::State::NeedsSignIn);
    QCOMPARE(session.lastError().kind, AuthError::Kind::ApiKeyRejected);
    // The check at sign-in, then one request: a key is not refreshed, so there is no retry. It
    // carried the key, not a bearer token.
    QCOMPARE(api.requests().size(), 2);
    QVERIFY(api.requests().last().header("api-token") == m_key);
    QVERIFY(api.requests().last().header("authorization").isEmpty());

    const TokenStore::Result stored = KeychainAccess::load(store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QVERIFY(stored.session.rejected);
    QCOMPARE(stored.session.method, QStringLiteral("api_key"));

    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), config.apiUrl.toString());
    int exitCode = -1;
    const QJsonObject json = status(env, &exitCode);
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("error"));
    QVERIFY2(json.value(QLatin1String("error")).toString().contains(QLatin1String("did not accept the API key")),
             qPrintable(json.value(QLatin1String("error")).toString()));
    QVERIFY(exitCode != 0);
    const AppRun token = runApp(env, {QStringLiteral("token")});
    m_allOutput += token.out + token.err;
    QCOMPARE(token.exitCode, 1);
    QVERIFY(token.out.isEmpty());
    QVERIFY2(token.err.contains("did not accept the API key"), token.err.constData());
}

QTEST_GUILESS_MAIN(TestApiKey)
#include "TestApiKey.moc"
