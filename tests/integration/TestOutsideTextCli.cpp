// What a server or the browser's callback says reaches the terminal as text: the command line,
// run as a real process against a scripted token endpoint and API, prints no escape sequence
// or control character that came from outside.

#include "AppProcess.h"
#include "ScriptedServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

namespace {

// What a hostile server sends: clear the screen, set the window title, then draw a prompt.
const QByteArray kHostileDescription = "\\u001b[2J\\u001b]0;pwned\\u0007fake prompt$ ";

// Bytes a terminal obeys: ESC, BEL, CSI (C1, in UTF-8 C2 9B) and the other C0 controls but
// the line ends printErr writes.
bool obeyedByTerminal(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\n') || u == 0x7f)
            return true;
    }
    return bytes.contains("\xc2\x9b") || bytes.contains("\xe2\x80\xae"); // CSI, RIGHT-TO-LEFT OVERRIDE
}

// A login that the test plays the browser for: started with --no-browser, it prints the
// authorization URL first, then waits for the redirect on its loopback listener.
class Login
{
public:
    explicit Login(const QProcessEnvironment &env)
    {
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(WGC_APP_BINARY),
                        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"),
                         QStringLiteral("60")});
    }
    ~Login()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    // The authorization URL, or an empty one when none came.
    QUrl authorizationUrl()
    {
        waitFor(
            [this] {
                m_out += m_process.readAllStandardOutput();
                return m_out.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            20000);
        return QUrl(QString::fromUtf8(m_out.left(m_out.indexOf('\n'))));
    }
    AppRun finish()
    {
        AppRun run;
        if (!waitFor([this] { return m_process.state() == QProcess::NotRunning; }, 60000))
            return run;
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.out = m_out + m_process.readAllStandardOutput();
        run.err = m_process.readAllStandardError();
        return run;
    }

private:
    QProcess m_process;
    QByteArray m_out;
};

// The redirect to the login's listener with `query` (percent-encoded) added to its state, as
// the browser sends it. Returns the page's HTTP status (0: no answer).
int returnToApp(const QUrl &authorizationUrl, const QByteArray &query)
{
    const QUrlQuery asked(authorizationUrl);
    QUrl redirect(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    const QByteArray state = QUrl::toPercentEncoding(asked.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
    redirect.setQuery(QString::fromLatin1("state=" + state + '&' + query), QUrl::StrictMode);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(redirect));
    waitFor([reply] { return reply->isFinished(); }, 30000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

QString shown(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toPercentEncoding(" $:;.,()'\"/\n"));
}

} // namespace

class TestOutsideTextCli : public QObject
{
    Q_OBJECT
private slots:
    void tokenEndpointError();
    void callbackError();
    void accountFromTheApi();

private:
    QProcessEnvironment environment(const ScriptedServer &server) const;
};

QProcessEnvironment TestOutsideTextCli::environment(const ScriptedServer &server) const
{
    QProcessEnvironment env = unreachableAppEnvironment(QStringLiteral("wgc-outside-text"));
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), server.url(QStringLiteral("/oauth/authorize")).toString());
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), server.url(QStringLiteral("/oauth/token")).toString());
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), server.url(QStringLiteral("/api/v2")).toString());
    return env;
}

// The token endpoint turns the code down with an error_description full of escape sequences.
void TestOutsideTextCli::tokenEndpointError()
{
    ScriptedServer server;
    QVERIFY(server.isListening());
    server.answerAlways(
        HttpAnswer::json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + kHostileDescription + "\"}"));

    Login login(environment(server));
    const QUrl url = login.authorizationUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(), "login printed no authorization URL");
    QCOMPARE(returnToApp(url, "code=c0de"), 200);
    const AppRun run = login.finish();

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!obeyedByTerminal(run.err), qPrintable(shown(run.err)));
    // Shown as text: the words are there, and the code the server named.
    QVERIFY2(run.err.contains("fake prompt$"), qPrintable(shown(run.err)));
    QVERIFY2(run.err.contains("invalid_grant"), qPrintable(shown(run.err)));
    QVERIFY(!run.err.contains("pwned"));
}

// The authorization server sends the browser back with an error whose description (and code)
// carry escape sequences and a bidi override.
void TestOutsideTextCli::callbackError()
{
    ScriptedServer server;
    QVERIFY(server.isListening());
    server.answerAlways(HttpAnswer::json(500, "{}"));

    Login login(environment(server));
    const QUrl url = login.authorizationUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(), "login printed no authorization URL");
    const QByteArray description = QUrl::toPercentEncoding(QString::fromUtf8("\x1b[2J\x1b]0;pwned\x07"
                                                                             "fake prompt$ \xe2\x80\xae"
                                                                             "desrever"));
    QCOMPARE(returnToApp(url, "error=access_denied&error_description=" + description), 200);
    const AppRun run = login.finish();

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!obeyedByTerminal(run.err), qPrintable(shown(run.err)));
    QVERIFY2(run.err.contains("fake prompt$ desrever"), qPrintable(shown(run.err)));
    QVERIFY(!run.err.contains("pwned"));
    // Nothing reached the token endpoint.
    QVERIFY(server.requests().isEmpty());
}

// The account's email and company come from the API: what is stored and printed is text.
void TestOutsideTextCli::accountFromTheApi()
{
    ScriptedServer server;
    QVERIFY(server.isListening());
    server.setHandler([](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/oauth/token") {
            answer(HttpAnswer::json(200,
                                    R"({"access_token":"at-outside","token_type":"Bearer","expires_in":3600,)"
                                    R"("refresh_token":"rt-outside"})"));
        } else {
            answer(HttpAnswer::json(200,
                                    R"({"email":"jane\u001b[2J@example.com",)"
                                    R"("company":"\u202eFake\u0007 \u009b2JCompany"})"));
        }
    });
    const QProcessEnvironment env = environment(server);

    Login login(env);
    const QUrl url = login.authorizationUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(), "login printed no authorization URL");
    QCOMPARE(returnToApp(url, "code=c0de"), 200);
    const AppRun signedIn = login.finish();
    QVERIFY2(signedIn.exitCode == 0, qPrintable(shown(signedIn.err)));
    QVERIFY2(!obeyedByTerminal(signedIn.err), qPrintable(shown(signedIn.err)));

    // What was stored is text: status, which reads the keychain only, prints it so.
    const AppRun status = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject account = QJsonDocument::fromJson(status.out).object().value(QLatin1String("account")).toObject();
    QCOMPARE(account.value(QLatin1String("email")).toString(), QStringLiteral("jane@example.com"));
    QCOMPARE(account.value(QLatin1String("company")).toString(), QStringLiteral("Fake Company"));

    QCOMPARE(runApp(env, {QStringLiteral("logout")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestOutsideTextCli)
#include "TestOutsideTextCli.moc"
