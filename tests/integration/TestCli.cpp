// The command-line credential helper, run as a real process against the sandbox and a real
// (private) gnome-keyring: what a script calling `webinargeek-connect` sees.

#include "AppProcess.h"
#include "Sandbox.h"

#include "KeychainAccess.h"
#include "config/Configuration.h"
#include "storage/TokenStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUrlQuery>

#include <memory>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// Everything a run printed, for the leak check at the end.
QByteArray g_allOutput;

class App
{
public:
    explicit App(const QProcessEnvironment &env)
        : m_env(env)
    { }
    void start(const QStringList &arguments)
    {
        m_process.setProcessEnvironment(m_env);
        m_process.start(QStringLiteral(WGC_APP_BINARY), arguments);
        QVERIFY(m_process.waitForStarted(10000));
    }
    Run finish(int timeoutMs = 60000, bool recordStdout = true)
    {
        Run run;
        if (!waitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
        run.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        run.out = m_out + m_process.readAllStandardOutput();
        run.err = QString::fromUtf8(m_process.readAllStandardError());
        if (recordStdout)
            g_allOutput += run.out;
        g_allOutput += run.err.toUtf8();
        return run;
    }
    // The first line of stdout, once it is there.
    QString firstLine(int timeoutMs = 10000)
    {
        waitFor(
            [this] {
                m_out += m_process.readAllStandardOutput();
                return m_out.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        return QString::fromUtf8(m_out.left(m_out.indexOf('\n')));
    }
    Run run(const QStringList &arguments, bool recordStdout = true)
    {
        start(arguments);
        return finish(60000, recordStdout);
    }

private:
    QProcessEnvironment m_env;
    QProcess m_process;
    QByteArray m_out;
};

QJsonObject statusJson(const QProcessEnvironment &env, int *exitCode = nullptr)
{
    const Run run = App(env).run({QStringLiteral("status"), QStringLiteral("--json")});
    if (exitCode)
        *exitCode = run.exitCode;
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loginStatusTokenLogout();
    void loginConfidentialClient();
    void loginOpensTheSystemBrowser();
    void loginDenied();
    void loginTimesOut();
    void tokenAfterExpiryRefreshes();
    void tokenAfterRejectedRefresh();
    void logoutWithoutRevocation();
    void logoutWhenRevocationFails();
    void usageErrors_data();
    void usageErrors();
    void keychainUnavailable_data();
    void keychainUnavailable();
    void keychainGoneAfterConsent();
    void badConfiguration_data();
    void badConfiguration();
    void badConfigurationWithAStoredSession();
    void unusableSettingsFile_data();
    void unusableSettingsFile();
    void authorizationUrlKeepsItsQuery();
    void versionAndHelp();
    void speaksThePersonsLanguage();
    void secretsNeverLeak();
    void lockedKeyringIsNotSignedOut(); // last: a locked keyring cannot be unlocked headless

private:
    QString signIn(const QProcessEnvironment &env);

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Sandbox> m_shortLived; // access tokens live 2 seconds
    QStringList m_tokensSeen;
};

void TestCli::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QProcessEnvironment shortEnv;
    shortEnv.insert(QStringLiteral("SANDBOX_ACCESS_TOKEN_TTL"), QStringLiteral("2"));
    m_shortLived = std::make_unique<Sandbox>(shortEnv);
    QVERIFY2(m_shortLived->start(), qPrintable(m_shortLived->errorString()));
}

void TestCli::init()
{
    // Each test starts signed out.
    for (Sandbox *sandbox : {m_sandbox.get(), m_shortLived.get()}) {
        for (const auto client : {Sandbox::Client::Public, Sandbox::Client::Confidential})
            App(sandbox->environment(client)).run({QStringLiteral("logout")});
    }
}

// Runs `login --no-browser`, plays the browser, and returns the access token it stored.
QString TestCli::signIn(const QProcessEnvironment &env)
{
    App login(env);
    login.start(
        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"), QStringLiteral("60")});
    const QString url = login.firstLine();
    if (!url.startsWith(QLatin1String("http://127.0.0.1:")))
        return QString();
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(url));
    const Run run = login.finish();
    if (run.exitCode != 0 || browser.exitCode != 0 || !run.err.contains(QLatin1String("Signed in as jane@example.com")))
        return QString();
    const Run token = App(env).run({QStringLiteral("token")}, false);
    const QString accessToken = QString::fromUtf8(token.out).trimmed();
    m_tokensSeen << accessToken;
    return accessToken;
}

// The command line's sentences follow the system's language, or the one chosen in the settings;
// what scripts read (JSON, the token, exit codes) never changes. Expected texts come from the
// app's own translation files, so the test holds whatever their wording.
void TestCli::speaksThePersonsLanguage()
{
    const auto translator = [](const QString &language) {
        auto result = std::make_shared<QTranslator>();
        return result->load(QStringLiteral(":/i18n/webinargeek-connect_%1.qm").arg(language)) ? result : nullptr;
    };
    const auto dutch = translator(QStringLiteral("nl"));
    const auto german = translator(QStringLiteral("de"));
    QVERIFY(dutch && german);
    const auto translated = [](const QTranslator &translator, const char *context, const char *source) {
        const QString text = translator.translate(context, source);
        return text.isEmpty() || text == QLatin1String(source) ? QString() : text;
    };
    const QString notSignedIn =
        translated(*dutch, "StatusReport", "Not signed in. Run \"webinargeek-connect login\" to sign in.");
    const QString signedInAs = translated(*dutch, "StatusReport", "Signed in as %1 (%2).");
    const QString unknownCommand = translated(*dutch, "CommandLine", "Run with --help to see the commands.");
    const QString germanSignedInAs = translated(*german, "StatusReport", "Signed in as %1 (%2).");
    QVERIFY(!notSignedIn.isEmpty() && !signedInAs.isEmpty() && !unknownCommand.isEmpty()
            && !germanSignedInAs.isEmpty());

    QProcessEnvironment english = m_sandbox->environment();
    QProcessEnvironment env = english;
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("nl"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("nl_NL.UTF-8"));

    Run run = App(env).run({QStringLiteral("status")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(notSignedIn), qPrintable(run.err));
    // JSON is the same in every language, also where the app's libraries answer (signed out).
    QCOMPARE(statusJson(env), statusJson(english));
    run = App(env).run({QStringLiteral("no-such-command")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(unknownCommand), qPrintable(run.err));

    QVERIFY(!signIn(english).isEmpty());
    // Signed in with a fresh token, `status` could be answered by the launcher alone, which has
    // no translations: it hands Dutch over to the app's libraries.
    run = App(env).run({QStringLiteral("status")});
    QCOMPARE(run.exitCode, 0);
    const QString account = signedInAs.arg(QStringLiteral("jane@example.com"), QStringLiteral("Sandbox Webinars B.V."));
    QVERIFY2(run.err.contains(account), qPrintable(run.err));
    // JSON is the same in every language.
    int exitCode = -1;
    const QJsonObject json = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(json, statusJson(english));
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));

    // The language chosen in the settings beats the system's.
    const QString settingsPath = ConfigurationLoader::defaultSettingsPath();
    QVERIFY(QDir().mkpath(QFileInfo(settingsPath).absolutePath()));
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue(QStringLiteral("language"), QStringLiteral("de"));
    }
    run = App(env).run({QStringLiteral("status")});
    QCOMPARE(run.exitCode, 0);
    const QString germanAccount =
        germanSignedInAs.arg(QStringLiteral("jane@example.com"), QStringLiteral("Sandbox Webinars B.V."));
    QVERIFY2(run.err.contains(germanAccount), qPrintable(run.err));
    // A language the app does not know: the system's, whichever part answers.
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue(QStringLiteral("language"), QStringLiteral("fr"));
    }
    run = App(env).run({QStringLiteral("status")});
    QFile::remove(settingsPath);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(account), qPrintable(run.err));
}

void TestCli::loginStatusTokenLogout()
{
    const QProcessEnvironment env = m_sandbox->environment();
    int exitCode = -1;
    QJsonObject status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));

    // login --no-browser: the address alone on stdout's first line.
    App login(env);
    login.start({QStringLiteral("login"), QStringLiteral("--no-browser")});
    const QString url = login.firstLine();
    QVERIFY2(url.startsWith(m_sandbox->baseUrl().toString() + QStringLiteral("/oauth/authorize?")), qPrintable(url));
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(url));
    QCOMPARE(browser.exitCode, 0);
    const Run loggedIn = login.finish();
    QCOMPARE(loggedIn.exitCode, 0);
    QVERIFY2(loggedIn.err.contains(QLatin1String("Signed in as jane@example.com (Sandbox Webinars B.V.)")),
             qPrintable(loggedIn.err));
    QCOMPARE(loggedIn.out.trimmed(), url.toUtf8()); // nothing else on stdout

    status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(status.value(QLatin1String("method")).toString(), QStringLiteral("oauth"));
    QCOMPARE(status.value(QLatin1String("account")).toObject().value(QLatin1String("email")).toString(),
             QStringLiteral("jane@example.com"));
    QCOMPARE(status.value(QLatin1String("account")).toObject().value(QLatin1String("company")).toString(),
             QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(status.value(QLatin1String("scope")).toString(), QStringLiteral("api"));
    QVERIFY(!status.value(QLatin1String("storage")).toString().isEmpty());
    QVERIFY(status.value(QLatin1String("error")).isNull());
    const QDateTime expiresAt =
        QDateTime::fromString(status.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expiresAt.isValid());
    QCOMPARE(expiresAt.timeSpec(), Qt::UTC);
    QVERIFY(expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));

    const Run human = App(env).run({QStringLiteral("status")});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.err.contains(QLatin1String("jane@example.com")));
    QVERIFY(human.out.isEmpty());

    // token: alone on stdout, and the API accepts it.
    const Run token = App(env).run({QStringLiteral("token")}, false);
    QCOMPARE(token.exitCode, 0);
    QCOMPARE(token.out.count('\n'), 1);
    const QString accessToken = QString::fromUtf8(token.out).trimmed();
    m_tokensSeen << accessToken;
    QCOMPARE(m_sandbox->accountStatus(accessToken), 200);
    // A fresh token is handed out as stored: the same one twice.
    QVERIFY(App(env).run({QStringLiteral("token")}, false).out.trimmed() == accessToken.toUtf8());

    // logout revokes at the server and removes everything stored.
    const Run logout = App(env).run({QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(!logout.err.contains(QLatin1String("warning")), qPrintable(logout.err));
    QCOMPARE(m_sandbox->accountStatus(accessToken), 401);
    status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    const Run after = App(env).run({QStringLiteral("token")});
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.out.isEmpty());
    QVERIFY(after.err.contains(QLatin1String("login")));
}

void TestCli::loginConfidentialClient()
{
    const QProcessEnvironment env = m_sandbox->environment(Sandbox::Client::Confidential);
    const QString token = signIn(env);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_sandbox->accountStatus(token), 200);
    QCOMPARE(App(env).run({QStringLiteral("logout")}).exitCode, 0);
    QCOMPARE(m_sandbox->accountStatus(token), 401);
}

void TestCli::loginOpensTheSystemBrowser()
{
    // A stand-in xdg-open on PATH records what the app asked the desktop to open.
    QTemporaryDir bin;
    const QString opened = bin.filePath(QStringLiteral("opened-url"));
    QFile script(bin.filePath(QStringLiteral("xdg-open")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nprintf '%s\\n' \"$1\" > \"" + opened.toUtf8() + ".tmp\" && mv \"" + opened.toUtf8()
                 + ".tmp\" \"" + opened.toUtf8() + "\"\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QProcessEnvironment env = m_sandbox->environment();
    env.insert(QStringLiteral("PATH"), bin.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    App login(env);
    login.start({QStringLiteral("login")});
    QVERIFY(waitFor([&opened] { return QFile::exists(opened); }, 10000));
    QFile file(opened);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QUrl url(QString::fromUtf8(file.readAll()).trimmed());
    QVERIFY(url.toString().startsWith(m_sandbox->baseUrl().toString()));
    QCOMPARE(Sandbox::runBrowser(url).exitCode, 0);
    const Run run = login.finish();
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty()); // the address went to the browser (and stderr), not stdout
    QVERIFY(run.err.contains(QLatin1String("browser")));
}

void TestCli::loginDenied()
{
    const QProcessEnvironment env = m_sandbox->environment();
    App login(env);
    login.start({QStringLiteral("login"), QStringLiteral("--no-browser")});
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(login.firstLine()), {QStringLiteral("--deny")});
    QCOMPARE(browser.exitCode, 0);
    const Run run = login.finish();
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("Sign-in was denied. The user denied the authorization request")),
             qPrintable(run.err));
    QCOMPARE(statusJson(env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

void TestCli::loginTimesOut()
{
    const Run run = App(m_sandbox->environment())
                        .run({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"),
                              QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("timed out")), qPrintable(run.err));
}

void TestCli::tokenAfterExpiryRefreshes()
{
    const QProcessEnvironment env = m_shortLived->environment();
    const QString first = signIn(env);
    QVERIFY(!first.isEmpty());
    const QDateTime firstExpiry =
        QDateTime::fromString(statusJson(env).value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    // Let the two-second token expire at the server too.
    QTest::qWait(3000);
    QCOMPARE(m_shortLived->accountStatus(first), 401);
    QVERIFY(statusJson(env).value(QLatin1String("expired")).toBool());

    const Run token = App(env).run({QStringLiteral("token")}, false);
    QCOMPARE(token.exitCode, 0);
    const QString second = QString::fromUtf8(token.out).trimmed();
    m_tokensSeen << second;
    QVERIFY(second != first);
    QCOMPARE(m_shortLived->accountStatus(second), 200);
    // The refreshed session was stored.
    const QJsonObject status = statusJson(env);
    QVERIFY(QDateTime::fromString(status.value(QLatin1String("expires_at")).toString(), Qt::ISODate) > firstExpiry);
    QCOMPARE(status.value(QLatin1String("account")).toObject().value(QLatin1String("email")).toString(),
             QStringLiteral("jane@example.com"));
}

void TestCli::tokenAfterRejectedRefresh()
{
    const QProcessEnvironment env = m_shortLived->environment();
    QVERIFY(!signIn(env).isEmpty());
    // The server forgets the grant (revoked elsewhere, say in WebinarGeek's settings).
    TokenStore store(m_shortLived->configuration().storageKey());
    QString refreshToken;
    bool done = false;
    store.load(true, [&](const TokenStore::Result &result) {
        refreshToken = result.session.refreshToken;
        done = true;
    });
    QVERIFY(waitFor([&done] { return done; }, 10000));
    QVERIFY(!refreshToken.isEmpty());
    QNetworkAccessManager network;
    QNetworkRequest revoke(m_shortLived->configuration().revokeUrl);
    revoke.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply =
        network.post(revoke, "client_id=webinargeek-connect-sandbox&token=" + QUrl::toPercentEncoding(refreshToken));
    QVERIFY(waitFor([reply] { return reply->isFinished(); }, 10000));
    delete reply;
    QTest::qWait(3000);

    const Run token = App(env).run({QStringLiteral("token")});
    QCOMPARE(token.exitCode, 1);
    QVERIFY(token.out.isEmpty());
    QVERIFY2(token.err.contains(QLatin1String("invalid_grant")), qPrintable(token.err));
    QVERIFY(token.err.contains(QLatin1String("Sign in again")));
    // Rejected for good: nothing is kept.
    QCOMPARE(statusJson(env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

void TestCli::logoutWithoutRevocation()
{
    const QProcessEnvironment env = m_sandbox->environment(Sandbox::Client::Public, false);
    const QString token = signIn(env);
    QVERIFY(!token.isEmpty());
    const Run logout = App(env).run({QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    // Nothing was revoked (no revocation URL), but nothing is stored any more either.
    QCOMPARE(m_sandbox->accountStatus(token), 200);
    QCOMPARE(statusJson(env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

void TestCli::logoutWhenRevocationFails()
{
    const QProcessEnvironment env = m_sandbox->environment();
    const QString token = signIn(env);
    QVERIFY(!token.isEmpty());
    // The revocation endpoint is unreachable: the local session goes anyway, with a warning.
    QProcessEnvironment unreachable = env;
    unreachable.insert(QStringLiteral("WEBINARGEEK_REVOKE_URL"), QStringLiteral("http://127.0.0.1:9/oauth/revoke"));
    const Run logout = App(unreachable).run({QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.err.contains(QLatin1String("warning: The server did not confirm the revocation")),
             qPrintable(logout.err));
    QVERIFY(logout.err.contains(QLatin1String("nothing is stored any more")));
    QCOMPARE(statusJson(env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    // Not revoked at the server, as the warning said.
    QCOMPARE(m_sandbox->accountStatus(token), 200);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("unset");
    QTest::addColumn<QString>("setting"); // NAME=value added to the environment
    QTest::addColumn<QString>("message");
    const QStringList none;
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << none << QString()
                                     << QStringLiteral("Unknown command \"frobnicate\"");
    QTest::newRow("option of another command") << QStringList {QStringLiteral("status"), QStringLiteral("--no-browser")}
                                               << none << QString() << QStringLiteral("--no-browser goes with login");
    QTest::newRow("timeout not a number")
        << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"), QStringLiteral("soon")} << none
        << QString() << QStringLiteral("--timeout takes a number");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("status"), QStringLiteral("--colour")} << none
                                    << QString() << QStringLiteral("colour");
    QTest::newRow("no client id") << QStringList {QStringLiteral("login"), QStringLiteral("--no-browser")}
                                  << QStringList {QStringLiteral("WEBINARGEEK_CLIENT_ID")} << QString()
                                  << QStringLiteral("WEBINARGEEK_CLIENT_ID");
    QTest::newRow("plain http to another host")
        << QStringList {QStringLiteral("login"), QStringLiteral("--no-browser")} << none
        << QStringLiteral("WEBINARGEEK_TOKEN_URL=http://auth.example.invalid/oauth/token")
        << QStringLiteral("does not use https");
    QTest::newRow("option beats environment")
        << QStringList {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--authorize-url"),
                        QStringLiteral("http://webinargeek.example.invalid/oauth/authorize")}
        << none << QString() << QStringLiteral("http://webinargeek.example.invalid/oauth/authorize");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, unset);
    QFETCH(QString, setting);
    QFETCH(QString, message);
    QProcessEnvironment env = m_sandbox->environment();
    for (const QString &name : unset)
        env.remove(name);
    if (!setting.isEmpty())
        env.insert(setting.section(QLatin1Char('='), 0, 0), setting.section(QLatin1Char('='), 1));
    const Run run = App(env).run(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::keychainUnavailable_data()
{
    QTest::addColumn<QString>("busAddress");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no session bus") << QStringLiteral("unix:path=/nonexistent/wgc-test-bus")
                                    << QStringLiteral("no D-Bus session bus");
    // A bus without a Secret Service on it: started below.
    QTest::newRow("no secret service") << QStringLiteral("private-bus") << QStringLiteral("no Secret Service");
}

void TestCli::keychainUnavailable()
{
    QFETCH(QString, busAddress);
    QFETCH(QString, reason);
    QProcess bus;
    QTemporaryDir busDir;
    if (busAddress == QLatin1String("private-bus")) {
        // A session bus with no service files, so nothing can be activated as a Secret Service.
        QFile config(busDir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:dir="
                     + busDir.path().toUtf8()
                     + "</listen>"
                       "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                       "</busconfig>\n");
        config.close();
        bus.start(QStringLiteral("dbus-daemon"),
                  {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                   QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForStarted(5000));
        QVERIFY(waitFor([&bus] { return bus.canReadLine(); }, 5000));
        busAddress = QString::fromUtf8(bus.readLine()).trimmed();
    }
    QProcessEnvironment env = m_sandbox->environment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);

    const Run status = App(env).run({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 2);
    QVERIFY2(status.err.contains(QLatin1String("keychain unavailable: ")), qPrintable(status.err));
    QVERIFY(status.err.contains(reason));
    int exitCode = -1;
    const QJsonObject json = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 2);
    QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("error"));
    QVERIFY(json.value(QLatin1String("error")).toString().startsWith(QLatin1String("keychain unavailable: ")));
    const Run token = App(env).run({QStringLiteral("token")});
    QCOMPARE(token.exitCode, 2);
    QVERIFY(token.err.contains(QLatin1String("keychain unavailable")));
    const Run logout = App(env).run({QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 2);
    QVERIFY(logout.err.contains(QLatin1String("keychain unavailable")));

    // Signing in with no keychain stops before anyone is sent to the browser: exit 2 with the
    // keychain's reason, no address printed, nothing asked of the server.
    const int authorizationsBefore = m_sandbox->log().count("GET /oauth/authorize");
    const Run run = App(env).run({QStringLiteral("login"), QStringLiteral("--no-browser")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(run.err.contains(QLatin1String("keychain unavailable")), qPrintable(run.err));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("http://")));
    QCOMPARE(m_sandbox->log().count("GET /oauth/authorize"), authorizationsBefore);
    QCOMPARE(statusJson(m_sandbox->environment()).value(QLatin1String("state")).toString(),
             QStringLiteral("signed_out"));
    if (bus.state() != QProcess::NotRunning) {
        bus.terminate();
        bus.waitForFinished(3000);
    }
}

// The keychain works when login checks it, and is gone by the time the tokens arrive: nothing
// is stored, the tokens are revoked at the server, and the person is told both.
void TestCli::keychainGoneAfterConsent()
{
    const QProcessEnvironment env = m_sandbox->environment();
    App login(env);
    login.start({QStringLiteral("login"), QStringLiteral("--no-browser")});
    const QString url = login.firstLine();
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    QCOMPARE(KeychainAccess::stopSecretService(), QString());
    const int revokedBefore = m_sandbox->log().count("POST /oauth/revoke -> 200");
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(url));
    const Run run = login.finish();
    const QString restarted = KeychainAccess::startSecretService();
    QCOMPARE(restarted, QString());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("keychain unavailable")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("The tokens the server issued have been revoked.")), qPrintable(run.err));
    QVERIFY(browser.page.contains(QLatin1String("keychain unavailable")));
    // Both tokens, the refresh token first.
    QCOMPARE(m_sandbox->log().count("POST /oauth/revoke -> 200"), revokedBefore + 2);
    QCOMPARE(statusJson(env).value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
}

// A configuration that cannot work is named by status and token too, with exit 2, not taken
// for "not signed in".
void TestCli::badConfiguration_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value"); // empty: the variable is removed
    QTest::addColumn<QString>("message");
    for (const char *command : {"status", "token"}) {
        const QString c = QString::fromLatin1(command);
        QTest::addRow("%s without a client id", command)
            << c << QStringLiteral("WEBINARGEEK_CLIENT_ID") << QString() << QStringLiteral("No client id");
        QTest::addRow("%s with plain http to another host", command)
            << c << QStringLiteral("WEBINARGEEK_TOKEN_URL") << QStringLiteral("http://auth.example.invalid/oauth/token")
            << QStringLiteral("does not use https");
        QTest::addRow("%s with an escape sequence in a URL", command)
            << c << QStringLiteral("WEBINARGEEK_API_URL") << QStringLiteral("http://127.0.0.1:1/api\x1b[2J")
            << QStringLiteral("is not a valid web address");
        QTest::addRow("%s with a password in a URL", command)
            << c << QStringLiteral("WEBINARGEEK_TOKEN_URL")
            << QStringLiteral("https://jane:hunter2-secret@auth.example.invalid/oauth/token")
            << QStringLiteral("contains a user name or password");
    }
}

void TestCli::badConfiguration()
{
    QFETCH(QString, command);
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, message);
    QProcessEnvironment env = m_sandbox->environment();
    if (value.isEmpty())
        env.remove(variable);
    else
        env.insert(variable, value);
    const Run run = App(env).run({command});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("Not signed in")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.contains(QLatin1String("hunter2")));
    if (command == QLatin1String("status")) {
        // Scripts get their JSON, with the problem as the error and no password in it.
        const Run json = App(env).run({command, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 2);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value(QLatin1String("state")).toString(), QStringLiteral("error"));
        QVERIFY2(object.value(QLatin1String("error")).toString().contains(message), json.out.constData());
        QVERIFY(!json.out.contains("hunter2"));
    }
}

// With a session stored, the launcher's quick answer must not hide a configuration problem
// either: the token would go to an API the configuration no longer allows.
void TestCli::badConfigurationWithAStoredSession()
{
    QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(!signIn(env).isEmpty());
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), QStringLiteral("http://api.example.invalid/api/v2"));
    for (const QString &command : {QStringLiteral("token"), QStringLiteral("status")}) {
        const Run run = App(env).run({command});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("does not use https")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
}

// A settings file that is not a regular file is refused at once (a FIFO used to hang status for
// ever); one that cannot be parsed is reported, not read as "nothing set".
void TestCli::unusableSettingsFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("a FIFO") << QStringLiteral("fifo") << QStringLiteral("is not a regular file");
    QTest::newRow("a directory") << QStringLiteral("directory") << QStringLiteral("is not a regular file");
    QTest::newRow("an unterminated section") << QStringLiteral("damaged") << QStringLiteral("is damaged");
}

void TestCli::unusableSettingsFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir config;
    QVERIFY(QDir(config.path()).mkpath(QStringLiteral("WebinarGeek")));
    const QString path = config.filePath(QStringLiteral("WebinarGeek/webinargeek-connect.conf"));
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {path}), 0);
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[general\nclient_id=from-the-file\n");
    }
    QProcessEnvironment env = m_sandbox->environment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    for (const QString &command : {QStringLiteral("status"), QStringLiteral("token"), QStringLiteral("login")}) {
        App app(env);
        app.start(command == QLatin1String("login") ? QStringList {command, QStringLiteral("--no-browser")}
                                                    : QStringList {command});
        const Run run = app.finish(20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
}

// Some servers need a fixed parameter in the authorization URL; it stays, beside the flow's own.
void TestCli::authorizationUrlKeepsItsQuery()
{
    QProcessEnvironment env = m_sandbox->environment();
    const QString authorize = env.value(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"));
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), authorize + QStringLiteral("?audience=webinars%20api"));
    App login(env);
    login.start({QStringLiteral("login"), QStringLiteral("--no-browser")});
    const QUrl url(login.firstLine());
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("audience"), QUrl::FullyDecoded), QStringLiteral("webinars api"));
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QVERIFY(query.hasQueryItem(QStringLiteral("code_challenge")));
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), authorize);
    // The sign-in goes on to work with it.
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url);
    const Run run = login.finish();
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(browser.exitCode, 0);
}

void TestCli::versionAndHelp()
{
    const Run version = App(m_sandbox->environment()).run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QByteArray("webinargeek-connect " WGC_VERSION));
    const Run help = App(m_sandbox->environment()).run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"login", "status", "token", "logout", "--no-browser", "--timeout", "--json",
                             "--authorize-url", "--token-url", "--revoke-url", "--api-url", "--client-id", "--scope"})
        QVERIFY2(help.out.contains(word), word);
    // The client secret is never an option: other users can read a process's arguments.
    QVERIFY(!help.out.contains("--client-secret"));
    // Qt adds --help-all to --help; it prints the same help and ends (it once waited forever).
    const Run helpAll = App(m_sandbox->environment()).run({QStringLiteral("--help-all")});
    QCOMPARE(helpAll.exitCode, 0);
    QCOMPARE(helpAll.out, help.out);
}

void TestCli::secretsNeverLeak()
{
    QVERIFY(!m_tokensSeen.isEmpty());
    // Nothing a run printed (except `token`'s own stdout), and nothing under HOME, holds a token.
    const QByteArray onDisk = everyFileUnder(QDir::homePath());
    for (const QString &token : qAsConst(m_tokensSeen)) {
        QVERIFY(!token.isEmpty());
        QVERIFY2(!g_allOutput.contains(token.toUtf8()), "a token appeared in the output of a command");
        QVERIFY2(!onDisk.contains(token.toUtf8()), "a token appeared in a file under HOME");
    }
    QVERIFY(!g_allOutput.contains(Sandbox::clientSecret().toUtf8()));
}

void TestCli::lockedKeyringIsNotSignedOut()
{
    const QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(!signIn(env).isEmpty());
    const QString lockError = KeychainAccess::lockDefaultCollection();
    QVERIFY2(lockError.isEmpty(), qPrintable(lockError));

    const Run status = App(env).run({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 2);
    QVERIFY2(status.err.contains(QLatin1String("keychain unavailable: the keyring is locked")), qPrintable(status.err));
    const Run token = App(env).run({QStringLiteral("token")});
    QCOMPARE(token.exitCode, 2);
    QVERIFY(token.out.isEmpty());

    // A locked keyring is usable: storing asks to unlock it, so login still sends the person to
    // the browser (unlike a keychain that is not there at all, keychainUnavailable()).
    App login(env);
    login.start({QStringLiteral("login"), QStringLiteral("--no-browser")});
    const QString url = login.firstLine();
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const Run cancelled = login.finish(2000);
    QVERIFY2(!cancelled.err.contains(QLatin1String("keychain unavailable")), qPrintable(cancelled.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
