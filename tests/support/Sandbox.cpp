#include "Sandbox.h"

#include "auth/Session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QTest::qSleep(5);
    }
    return true;
}

Sandbox::Sandbox(const QProcessEnvironment &extraEnv)
    : m_extraEnv(extraEnv)
{ }

Sandbox::~Sandbox()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool Sandbox::start()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : m_extraEnv.keys())
        env.insert(key, m_extraEnv.value(key));
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(QStringLiteral(WGC_SANDBOX_DIR));
    // The sandbox's log is useful when a test fails; it carries no tokens.
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    m_process.start(QStringLiteral("node"),
                    {QStringLiteral("server.mjs"), QStringLiteral("--port"), QStringLiteral("0")});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("node did not start: %1").arg(m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(30000);
    QByteArray out;
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
        const int at = out.indexOf("SANDBOX_READY ");
        const int end = out.indexOf('\n', at);
        if (at >= 0 && end > at) {
            m_base = QUrl(QString::fromUtf8(out.mid(at + 14, end - at - 14)).trimmed());
            return m_base.isValid();
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    m_log += m_process.readAllStandardError();
    m_error = QStringLiteral("the sandbox did not become ready: %1").arg(QString::fromUtf8(m_log));
    return false;
}

Configuration Sandbox::configuration(Client client, bool withRevocation) const
{
    Configuration config;
    config.authorizeUrl = m_base.resolved(QUrl(QStringLiteral("/oauth/authorize")));
    config.tokenUrl = m_base.resolved(QUrl(QStringLiteral("/oauth/token")));
    if (withRevocation)
        config.revokeUrl = m_base.resolved(QUrl(QStringLiteral("/oauth/revoke")));
    config.apiUrl = m_base.resolved(QUrl(QStringLiteral("/api/v2")));
    if (client == Client::Public) {
        config.clientId = QStringLiteral("webinargeek-connect-sandbox");
    } else {
        config.clientId = QStringLiteral("webinargeek-connect-sandbox-confidential");
        config.clientSecret = clientSecret();
    }
    return config;
}

QProcessEnvironment Sandbox::environment(Client client, bool withRevocation) const
{
    const Configuration config = configuration(client, withRevocation);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), config.authorizeUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), config.tokenUrl.toString());
    if (withRevocation)
        env.insert(QStringLiteral("WEBINARGEEK_REVOKE_URL"), config.revokeUrl.toString());
    else
        env.remove(QStringLiteral("WEBINARGEEK_REVOKE_URL"));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), config.apiUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), config.clientId);
    if (client == Client::Confidential)
        env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), config.clientSecret);
    else
        env.remove(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"));
    return env;
}

Sandbox::BrowserResult Sandbox::runBrowser(const QUrl &authorizationUrl, const QStringList &extraArguments,
                                           const QString &login)
{
    QProcess browser;
    browser.setWorkingDirectory(QStringLiteral(WGC_SANDBOX_DIR));
    QStringList arguments = {QStringLiteral("browser.mjs"), QStringLiteral("--login"), login};
    arguments << extraArguments << authorizationUrl.toString(QUrl::FullyEncoded);
    browser.start(QStringLiteral("node"), arguments);
    BrowserResult result;
    // The app under test answers the browser from this thread's event loop: keep it running.
    if (!waitFor([&browser] { return browser.state() == QProcess::NotRunning; }, 60000)) {
        browser.kill();
        browser.waitForFinished(2000);
        result.errorText = QStringLiteral("browser.mjs did not finish");
        return result;
    }
    result.exitCode = browser.exitCode();
    const QString out = QString::fromUtf8(browser.readAllStandardOutput());
    result.errorText = QString::fromUtf8(browser.readAllStandardError());
    const int firstLineEnd = out.indexOf(QLatin1Char('\n'));
    const QString firstLine = out.left(firstLineEnd);
    if (firstLine.startsWith(QLatin1String("STATUS ")))
        result.status = firstLine.mid(7).toInt();
    result.page = firstLineEnd < 0 ? out : out.mid(firstLineEnd + 1);
    return result;
}

int Sandbox::accountStatus(const QString &accessToken) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_base.resolved(QUrl(QStringLiteral("/api/v2/account"))));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    QNetworkReply *reply = network.get(request);
    waitFor([reply] { return reply->isFinished(); }, 15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

int Sandbox::revokeRefreshToken(const QString &refreshToken) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_base.resolved(QUrl(QStringLiteral("/oauth/revoke"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), refreshToken);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), configuration().clientId);
    QNetworkReply *reply = network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    waitFor([reply] { return reply->isFinished(); }, 15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

QByteArray Sandbox::log()
{
    // Whatever is still in the pipe: the server logs an event before it answers the request.
    m_process.waitForReadyRead(50);
    m_log += m_process.readAllStandardError();
    return m_log;
}

int Sandbox::grantsOf(const QByteArray &grantType)
{
    int count = 0;
    for (const QByteArray &line : log().split('\n'))
        count += line.contains("grant.success:") && line.contains("grant_type=" + grantType) ? 1 : 0;
    return count;
}

bool signInWithBrowser(Session &session, const QString &login)
{
    QSignalSpy urlSpy(&session, &Session::authorizationUrlReady);
    QSignalSpy finished(&session, &Session::signInFinished);
    session.signIn(60);
    if (!waitFor([&urlSpy] { return urlSpy.size() == 1; }, 5000))
        return false;
    if (Sandbox::runBrowser(urlSpy.first().first().toUrl(), {}, login).exitCode != 0)
        return false;
    if (!waitFor([&finished] { return finished.size() == 1; }, 10000))
        return false;
    return !finished.first().first().value<AuthError>().isError() && session.state() == Session::State::SignedIn;
}

Configuration unreachableConfiguration(const QString &clientId)
{
    Configuration config;
    config.authorizeUrl = QUrl(QStringLiteral("https://auth.example.invalid/oauth/authorize"));
    config.tokenUrl = QUrl(QStringLiteral("https://auth.example.invalid/oauth/token"));
    config.apiUrl = QUrl(QStringLiteral("https://api.example.invalid/api/v2"));
    config.clientId = clientId;
    return config;
}
