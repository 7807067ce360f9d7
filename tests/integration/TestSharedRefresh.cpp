// The refresh token shared by every process of the user, run as real `token` and `status`
// commands where it matters: one refresh lock for all of them whatever their environment, a
// lock directory someone else controls refused, a session that cannot be renewed said so, and
// a renewed session that the keychain cannot take at that moment not lost without a word.

#include "AppProcess.h"
#include "FaultRig.h"
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "ScriptedServer.h"
#include "SessionRig.h"
#include "TokenEndpointFaults.h"

#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/StatusReport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Passes token requests on to the sandbox at once, but holds the sandbox's answer to a refresh
// back, for a while or until the test has seen what it waits for: commands started together then
// want the refresh token while the first one spends it, which is the race the lock is for.
class SlowTokenProxy
{
public:
    explicit SlowTokenProxy(const QUrl &upstream)
    {
        m_server.setHandler([this, upstream](const HttpRequest &request, const ScriptedServer::Answer &answer) {
            QNetworkRequest forward(upstream);
            forward.setHeader(QNetworkRequest::ContentTypeHeader, request.header("content-type"));
            QNetworkReply *reply = m_upstream.post(forward, request.body);
            const bool refresh = request.body.contains("grant_type=refresh_token");
            const QDeadlineTimer held(refresh ? m_holdMs : 0);
            const std::function<bool()> released = refresh ? m_released : std::function<bool()>();
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, answer, held, released] {
                reply->deleteLater();
                const HttpAnswer relayed =
                    HttpAnswer::of(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                   reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll());
                auto *poll = new QTimer(&m_server);
                QObject::connect(poll, &QTimer::timeout, poll, [poll, answer, relayed, held, released] {
                    if (!held.hasExpired() && !(released && released()))
                        return;
                    poll->stop();
                    poll->deleteLater();
                    answer(relayed);
                });
                poll->start(50);
            });
        });
    }
    QUrl url() const { return m_server.url(QStringLiteral("/oauth/token")); }
    // Holds each refresh's answer for `ms`, or less once `released` says so.
    void holdRefreshes(int ms, const std::function<bool()> &released = {})
    {
        m_holdMs = ms;
        m_released = released;
    }
    int refreshes() const
    {
        int count = 0;
        for (const HttpRequest &request : m_server.requests())
            count += request.body.contains("grant_type=refresh_token") ? 1 : 0;
        return count;
    }

private:
    ScriptedServer m_server;
    QNetworkAccessManager m_upstream;
    int m_holdMs = 0;
    std::function<bool()> m_released;
};

// What a command printed, with its stderr as text.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run asRun(const AppRun &app)
{
    return {app.exitCode, app.out, QString::fromUtf8(app.err)};
}

Run runCommand(const QProcessEnvironment &env, const QStringList &arguments)
{
    return asRun(runApp(env, arguments));
}

// The command line's environment for `config` (no client secret, no revocation).
QProcessEnvironment environmentFor(const Configuration &config)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), config.authorizeUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), config.tokenUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), config.apiUrl.toString());
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), config.clientId);
    env.remove(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"));
    env.remove(QStringLiteral("WEBINARGEEK_REVOKE_URL"));
    // A keyring that wants to ask the person (locked) cannot reach anyone: the prompt is dismissed.
    env.insert(QStringLiteral("DISPLAY"), QString());
    env.insert(QStringLiteral("WAYLAND_DISPLAY"), QString());
    return env;
}

// A signed-in OAuth session whose access token expired a minute ago.
StoredSession expiredSession()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    StoredSession session;
    session.accessToken = QStringLiteral("shared-refresh-old-access");
    session.refreshToken = QStringLiteral("shared-refresh-old-refresh");
    session.tokenType = QStringLiteral("Bearer");
    session.scope = QStringLiteral("api");
    session.updatedAt = now.addSecs(-3660);
    session.expiresAt = now.addSecs(-60);
    session.company = QStringLiteral("Shared B.V.");
    session.email = QStringLiteral("shared@example.com");
    return session;
}

// Runs as another user (effective uid) for as long as it lives. The session bus was connected
// before, as root; the bus only checks who connects, not who calls.
class EffectiveUser
{
public:
    explicit EffectiveUser(uid_t uid)
        : m_ok(::seteuid(uid) == 0)
    { }
    ~EffectiveUser()
    {
        // Back to root, or the rest of the test would run as someone else: nothing sensible is
        // left to do then but stop.
        if (m_ok && ::seteuid(0) != 0)
            qFatal("cannot become root again");
    }
    bool ok() const { return m_ok; }

private:
    bool m_ok;
};

} // namespace

class TestSharedRefresh : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void twentyTokenCommandsSpendTheRefreshTokenOnce();
    void lockDirectoryOfAnotherUserIsRefused();
    void sessionThatCannotBeRenewed();
    void olderEntryWithoutItsRefreshToken();
    void tokenWhenTheKeychainGoesAwayWhileStoring();
    void tokenWhenTheKeychainComesBackInTime();

private:
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SlowTokenProxy> m_proxy;
};

void TestSharedRefresh::initTestCase()
{
    QCOMPARE(geteuid(), uid_t(0)); // lockDirectoryOfAnotherUserIsRefused() plays another user
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_proxy = std::make_unique<SlowTokenProxy>(m_sandbox->configuration().tokenUrl);
}

// Twenty `token` commands at once, half of them as cron would start them (no XDG_RUNTIME_DIR),
// with an expired token: one refresh grant reaches the server, and all twenty print the one
// token it gave, which the API accepts.
void TestSharedRefresh::twentyTokenCommandsSpendTheRefreshTokenOnce()
{
    Configuration config = m_sandbox->configuration();
    config.tokenUrl = m_proxy->url();
    SessionRig rig(config);
    QVERIFY(signInWithBrowser(rig.session));
    const TokenStore::Result signedIn = KeychainAccess::load(rig.store);
    QCOMPARE(signedIn.status, TokenStore::Status::Ok);
    QVERIFY(!signedIn.session.refreshToken.isEmpty());
    // Expired as far as the app can tell (it trusts the expiry it stored).
    StoredSession expired = signedIn.session;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    expired.updatedAt = now.addSecs(-3700);
    expired.expiresAt = now.addSecs(-100);
    QCOMPARE(KeychainAccess::save(rig.store, expired), TokenStore::Status::Ok);

    const int grantsBefore = m_sandbox->grantsOf("refresh_token");
    const int refreshesBefore = m_proxy->refreshes();
    QProcessEnvironment withRuntime = environmentFor(config);
    // Its log says when a command waits for another's refresh.
    withRuntime.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("wgc.auth.info=true"));
    QVERIFY(withRuntime.contains(QStringLiteral("XDG_RUNTIME_DIR")));
    QProcessEnvironment withoutRuntime = withRuntime;
    withoutRuntime.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    // The refresh is answered only once commands of both kinds wait for it: the race has surely
    // happened then, however slowly the twenty start (20 s at the most).
    std::vector<QByteArray> logs(20);
    const auto waited = [&logs](int kind) {
        for (size_t i = size_t(kind); i < logs.size(); i += 2) {
            if (logs[i].contains("Another process is refreshing; waiting for it"))
                return true;
        }
        return false;
    };
    m_proxy->holdRefreshes(20000, [&waited] { return waited(0) && waited(1); });
    std::vector<std::unique_ptr<QProcess>> commands;
    for (int i = 0; i < 20; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(i % 2 == 0 ? withRuntime : withoutRuntime);
        QObject::connect(process.get(), &QProcess::readyReadStandardError, process.get(),
                         [&logs, i, p = process.get()] { logs[size_t(i)] += p->readAllStandardError(); });
        process->start(QStringLiteral(WGC_APP_BINARY), {QStringLiteral("token")});
        commands.push_back(std::move(process));
    }
    QList<Run> runs;
    for (size_t i = 0; i < commands.size(); ++i) {
        runs << asRun(finishApp(*commands[i], 120000));
        logs[i] += runs.last().err.toUtf8();
        runs.last().err = QString::fromUtf8(logs[i]);
    }
    m_proxy->holdRefreshes(0);
    // Commands with and without XDG_RUNTIME_DIR waited for the same lock.
    QVERIFY(waited(0));
    QVERIFY(waited(1));
    QStringList tokens;
    for (const Run &run : qAsConst(runs)) {
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        tokens << QString::fromUtf8(run.out).trimmed();
    }

    QCOMPARE(m_proxy->refreshes() - refreshesBefore, 1);
    QCOMPARE(m_sandbox->grantsOf("refresh_token") - grantsBefore, 1);
    QVERIFY(!tokens.first().isEmpty());
    QVERIFY(tokens.first() != expired.accessToken);
    QCOMPARE(tokens.count(tokens.first()), 20);
    QCOMPARE(m_sandbox->accountStatus(tokens.first()), 200);

    // What is stored is whole, and its refresh token works: the grant is alive.
    const TokenStore::Result after = KeychainAccess::load(rig.store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY(after.session.accessToken == tokens.first());
    QVERIFY(!after.session.refreshToken.isEmpty());
    QVERIFY(after.session.refreshToken != expired.refreshToken);
    const QJsonObject status =
        QJsonDocument::fromJson(
            runCommand(environmentFor(config), {QStringLiteral("status"), QStringLiteral("--json")}).out)
            .object();
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(status.value(QLatin1String("renewable")), QJsonValue(true));
    StoredSession expiredAgain = after.session;
    expiredAgain.updatedAt = now.addSecs(-3700);
    expiredAgain.expiresAt = now.addSecs(-100);
    QCOMPARE(KeychainAccess::save(rig.store, expiredAgain), TokenStore::Status::Ok);
    QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
    rig.session.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
    const AuthError error = refreshed.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(m_sandbox->grantsOf("refresh_token") - grantsBefore, 2);
    QVERIFY(rig.session.stored().accessToken != after.session.accessToken);
    QCOMPARE(m_sandbox->accountStatus(rig.session.stored().accessToken), 200);
    QCOMPARE(KeychainAccess::clear(rig.store), TokenStore::Status::Ok);
}

// Someone else made the lock directory (here: the directory of user nobody, made by root before
// nobody could). Nothing is spent: no request reaches the token endpoint, and the error names
// the directory and what is wrong with it.
void TestSharedRefresh::lockDirectoryOfAnotherUserIsRefused()
{
    const passwd *nobody = ::getpwnam("nobody");
    QVERIFY(nobody);
    const uid_t uid = nobody->pw_uid;
    const QString directory = QStringLiteral("/tmp/webinargeek-connect-%1").arg(uid);
    const QByteArray native = QFile::encodeName(directory);
    // Readable by nobody, so that the check can look at it; root's.
    QDir(directory).removeRecursively();
    QVERIFY(::mkdir(native.constData(), 0755) == 0);
    struct RemoveAtEnd
    {
        QString path;
        ~RemoveAtEnd() { QDir(path).removeRecursively(); }
    } removeAtEnd {directory};

    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    const Configuration config = fakeConfiguration(endpoint, endpoint);
    TokenStore seeding(config.storageKey());
    const StoredSession before = expiredSession();
    QCOMPARE(KeychainAccess::save(seeding, before), TokenStore::Status::Ok);

    // As `token` runs it: exit 2, for something on this computer that is in the way.
    {
        EffectiveUser asNobody(uid);
        QVERIFY(asNobody.ok());
        FaultRig rig(config);
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("webinargeek-connect"), QStringLiteral("token")}));
        CommandRunner runner(commandLine, &rig.session, [](const QUrl &) { return false; });
        QSignalSpy finished(&runner, &CommandRunner::finished);
        QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
        runner.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(finished.first().first().toInt(), int(CommandRunner::UsageError));
        QCOMPARE(refreshed.size(), 1);
        const AuthError error = refreshed.first().first().value<AuthError>();
        QVERIFY2(error.message().contains(directory + QStringLiteral(" belongs to another user (uid 0)")),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("nothing was sent to the server")));
        QCOMPARE(endpoint.requests().size(), 0);
    }
    // As the window runs it: nothing handed out, tried again later as after a passing failure.
    {
        EffectiveUser asNobody(uid);
        QVERIFY(asNobody.ok());
        FaultRig rig(config);
        rig.session.setAutoRefresh(true);
        QVERIFY(rig.restore());
        QSignalSpy refreshed(&rig.session, &Session::refreshFinished);
        QString handedOut = QStringLiteral("-");
        QString why;
        rig.session.credential([&](const Credential &credential, const QString &error) {
            handedOut = credential.value;
            why = error;
        });
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
        const AuthError error = refreshed.first().first().value<AuthError>();
        QVERIFY2(error.message().contains(directory + QStringLiteral(" belongs to another user (uid 0)")),
                 qPrintable(error.message()));
        QVERIFY(handedOut.isEmpty());
        QCOMPARE(why, error.message());
        QCOMPARE(endpoint.requests().size(), 0);
        QCOMPARE(rig.session.state(), Session::State::Retrying);
        QVERIFY(rig.session.nextRefreshAt().isValid());
    }
    QVERIFY(sameSession(KeychainAccess::load(seeding).session, before));
    QCOMPARE(KeychainAccess::clear(seeding), TokenStore::Status::Ok);
}

// A session stored without a refresh token (a server that issued none, or an older version's
// race between two processes): `status` says that it cannot be renewed, and once its access token
// has expired that it is over; `token` then fails the same way.
void TestSharedRefresh::sessionThatCannotBeRenewed()
{
    ScriptedServer endpoint;
    endpoint.answerAlways(tokenAnswer(Rotated));
    const Configuration config = fakeConfiguration(endpoint, endpoint);
    const QProcessEnvironment env = environmentFor(config);
    TokenStore store(config.storageKey());
    StoredSession fresh = expiredSession();
    fresh.refreshToken.clear();
    fresh.updatedAt = QDateTime::currentDateTimeUtc();
    fresh.expiresAt = fresh.updatedAt.addSecs(3600);
    QCOMPARE(KeychainAccess::save(store, fresh), TokenStore::Status::Ok);

    // Still good for an hour: signed in, and told that it ends then.
    Run status = runCommand(env, {QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.err.contains(QLatin1String("Signed in as shared@example.com")), qPrintable(status.err));
    QVERIFY2(status.err.contains(QLatin1String("This session cannot be renewed")), qPrintable(status.err));
    Run json = runCommand(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(object.value(QLatin1String("renewable")), QJsonValue(false));
    const Run token = runCommand(env, {QStringLiteral("token")});
    QCOMPARE(token.exitCode, 0);
    QCOMPARE(QString::fromUtf8(token.out).trimmed(), fresh.accessToken);

    // Expired: nothing can make it work again.
    StoredSession expired = fresh;
    expired.updatedAt = fresh.updatedAt.addSecs(-3700);
    expired.expiresAt = fresh.updatedAt.addSecs(-100);
    QCOMPARE(KeychainAccess::save(store, expired), TokenStore::Status::Ok);
    status = runCommand(env, {QStringLiteral("status")});
    QCOMPARE(status.exitCode, 2);
    QVERIFY2(status.err.contains(QLatin1String("error: The session cannot be renewed")), qPrintable(status.err));
    QVERIFY(status.err.contains(QLatin1String("webinargeek-connect login")));
    json = runCommand(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 2);
    object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QLatin1String("state")).toString(), QStringLiteral("error"));
    QCOMPARE(object.value(QLatin1String("renewable")), QJsonValue(false));
    QVERIFY(object.value(QLatin1String("error")).toString().startsWith(QLatin1String("The session cannot be renewed")));
    const Run expiredToken = runCommand(env, {QStringLiteral("token")});
    QCOMPARE(expiredToken.exitCode, 1);
    QVERIFY(expiredToken.out.isEmpty());
    QVERIFY2(expiredToken.err.contains(QLatin1String("cannot be renewed")), qPrintable(expiredToken.err));
    QCOMPARE(endpoint.requests().size(), 0);
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// An entry written before sessions said whether a refresh token went with them, whose refresh
// token entry is gone: the full app, which reads both, finds out.
void TestSharedRefresh::olderEntryWithoutItsRefreshToken()
{
    const Configuration config = fakeConfiguration(QUrl(QStringLiteral("http://127.0.0.1:1/oauth/token")),
                                                   QUrl(QStringLiteral("http://127.0.0.1:1/api/v2")));
    TokenStore store(config.storageKey());
    // Stored without a refresh token (so its entry is removed), then the main entry is written
    // again as an older version wrote it: without saying so.
    StoredSession session = expiredSession();
    session.refreshToken.clear();
    session.updatedAt = QDateTime::currentDateTimeUtc();
    session.expiresAt = session.updatedAt.addSecs(3600);
    QCOMPARE(KeychainAccess::save(store, session), TokenStore::Status::Ok);
    bool found = false;
    QJsonObject entry = QJsonDocument::fromJson(KeychainAccess::readRaw(store.sessionEntryKey(), &found)).object();
    QVERIFY(found);
    QCOMPARE(entry.take(QLatin1String("renewable")), QJsonValue(false));
    QVERIFY(KeychainAccess::writeRaw(store.sessionEntryKey(), QJsonDocument(entry).toJson(QJsonDocument::Compact)));
    KeychainAccess::readRaw(store.refreshEntryKey(), &found);
    QVERIFY(!found);
    // Read without its refresh token, such an entry is still judged by the refresh token's own
    // entry.
    const TokenStore::Result mainEntry = KeychainAccess::load(store, false);
    QCOMPARE(mainEntry.status, TokenStore::Status::Ok);
    QVERIFY(!mainEntry.session.renewable);
    QVERIFY(mainEntry.session.refreshToken.isEmpty());
    // The launcher's quick path, which reads the main entry alone, leaves it to the app library,
    // which says so.
    const Run status = runCommand(environmentFor(config), {QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.err.contains(QLatin1String("This session cannot be renewed")), qPrintable(status.err));

    SessionRig rig(config);
    QSignalSpy restored(&rig.session, &Session::restoreFinished);
    rig.session.restore();
    QVERIFY(restored.wait(15000));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    StatusReport report;
    report.state = StatusReport::State::SignedIn;
    report.session = rig.session.stored();
    const QString text = report.toText(QDateTime::currentDateTimeUtc()).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QLatin1String("This session cannot be renewed")), qPrintable(text));
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// The Secret Service goes away while `token` refreshes, after the server rotated the refresh
// token and before it could be stored, and does not come back in time: no token is printed (it
// could not be renewed again), exit 2, and the person is told what happened and what to do.
void TestSharedRefresh::tokenWhenTheKeychainGoesAwayWhileStoring()
{
    KeychainAccess::SecretServiceBackAtEnd backAtEnd;
    ScriptedServer endpoint;
    QString stopError;
    endpoint.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        stopError = KeychainAccess::stopSecretService();
        answer(tokenAnswer(Rotated));
    });
    const Configuration config = fakeConfiguration(endpoint, endpoint);
    TokenStore store(config.storageKey());
    const StoredSession before = expiredSession();
    QCOMPARE(KeychainAccess::save(store, before), TokenStore::Status::Ok);

    QElapsedTimer timer;
    timer.start();
    const Run token = runCommand(environmentFor(config), {QStringLiteral("token")});
    QVERIFY2(stopError.isEmpty(), qPrintable(stopError));
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY2(token.exitCode == 2, qPrintable(token.err));
    QVERIFY(token.out.isEmpty());
    QVERIFY(!token.err.contains(QString::fromLatin1(kNewAccess)));
    QVERIFY2(token.err.contains(QLatin1String("the renewed session could not be saved in the keychain")),
             qPrintable(token.err));
    QVERIFY2(token.err.contains(QLatin1String("sign in again with \"webinargeek-connect login\"")),
             qPrintable(token.err));
    // It tried for a while before it gave up.
    QVERIFY2(timer.elapsed() >= 5000, qPrintable(QString::number(timer.elapsed())));

    const QString startError = KeychainAccess::startSecretService();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    backAtEnd.needed = false;
    // As said: what is stored is the session before, whose refresh token the server retired.
    QVERIFY(sameSession(KeychainAccess::load(store).session, before));
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// The same, but the keychain is back a moment later: `token` stores the renewed session and
// prints its token.
void TestSharedRefresh::tokenWhenTheKeychainComesBackInTime()
{
    KeychainAccess::SecretServiceBackAtEnd backAtEnd;
    ScriptedServer endpoint;
    QString stopError;
    QString startError = QStringLiteral("not started");
    endpoint.setHandler([&](const HttpRequest &, const ScriptedServer::Answer &answer) {
        stopError = KeychainAccess::stopSecretService();
        answer(tokenAnswer(Rotated));
        QTimer::singleShot(1500, [&] { startError = KeychainAccess::startSecretService(); });
    });
    const Configuration config = fakeConfiguration(endpoint, endpoint);
    TokenStore store(config.storageKey());
    const StoredSession before = expiredSession();
    QCOMPARE(KeychainAccess::save(store, before), TokenStore::Status::Ok);

    const Run token = runCommand(environmentFor(config), {QStringLiteral("token")});
    QVERIFY2(stopError.isEmpty(), qPrintable(stopError));
    QVERIFY(waitFor([&startError] { return startError != QLatin1String("not started"); }, 30000));
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    backAtEnd.needed = false;
    QVERIFY2(token.exitCode == 0, qPrintable(token.err));
    QCOMPARE(token.out.trimmed(), kNewAccess);
    const TokenStore::Result after = KeychainAccess::load(store);
    QCOMPARE(after.status, TokenStore::Status::Ok);
    QVERIFY(after.session.refreshToken == QString::fromLatin1(kNewRefresh));
    QVERIFY(after.session.accessToken == QString::fromLatin1(kNewAccess));
    QCOMPARE(endpoint.requests().size(), 1);
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

QTEST_GUILESS_MAIN(TestSharedRefresh)
#include "TestSharedRefresh.moc"
