// The shape the executable has: a launcher that needs Qt Core and qtkeychain alone, answers a plain
// `status` and `token` itself, and loads the one app library, once, for everything else. Checked on
// the built files (their dynamic sections) and on real runs, with the dynamic loader reporting
// every library it opens. Every address is under .invalid.

#include "AppProcess.h"
#include "KeychainAccess.h"
#include "Sandbox.h"

#include "cli/CommandRunner.h"
#include "config/Configuration.h"
#include "storage/AccountIndex.h"
#include "storage/StoredSession.h"
#include "storage/TokenStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString kAppLibrary = QStringLiteral(WGC_APP_LIBRARY);

// The libraries `file` names as needed (DT_NEEDED), as readelf prints them.
QStringList neededBy(const QString &file)
{
    const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
    if (readelf.isEmpty())
        qFatal("readelf is missing: install binutils (scripts/setup.sh does)");
    QProcess process;
    process.start(readelf, {QStringLiteral("--dynamic"), file});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {QStringLiteral("readelf failed: ") + QString::fromLocal8Bit(process.readAllStandardError())};
    QStringList needed;
    static const QRegularExpression line(QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"));
    auto matches = line.globalMatch(QString::fromLocal8Bit(process.readAllStandardOutput()));
    while (matches.hasNext())
        needed << matches.next().captured(1);
    return needed;
}

bool needsAny(const QStringList &needed, const QStringList &prefixes)
{
    return std::any_of(needed.begin(), needed.end(), [&prefixes](const QString &library) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&library](const QString &prefix) { return library.startsWith(prefix); });
    });
}

QProcessEnvironment appEnvironment()
{
    QProcessEnvironment env = unreachableAppEnvironment(QStringLiteral("launcher-test"));
    // The loader says which file it opens, and for whom, on the same stderr as the app's log.
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    return env;
}

// How often the loader's log says it mapped a library whose file name starts with `name` (it
// names each one once as it makes its link map; looking in other folders first is not loading).
int loadsOf(const QByteArray &err, const QString &name)
{
    const QRegularExpression opened(QStringLiteral(R"(\bfile=(\S*/)?)") + QRegularExpression::escape(name)
                                    + QStringLiteral(R"(\S*\s+\[\d+\];\s+generating link map)"));
    int count = 0;
    auto matches = opened.globalMatch(QString::fromLocal8Bit(err));
    while (matches.hasNext()) {
        matches.next();
        ++count;
    }
    return count;
}

QString appLog(const QByteArray &err)
{
    return QString::fromLocal8Bit(err).split(u'\n').filter(QStringLiteral("wgc.")).join(u'\n');
}

} // namespace

class TestLauncher : public QObject
{
    Q_OBJECT
private slots:
    void launcherNeedsQtCoreAndTheKeychainOnly();
    void appLibraryHoldsTheWholeApp();
    void windowLoadsTheAppLibraryOnce();
    void plainStatusAndTokenAnswerWithoutIt();
    void expiredTokenIsTheAppLibrarysToRenew();
    void activeAccountAndAccountOptionWithoutIt();
};

void TestLauncher::launcherNeedsQtCoreAndTheKeychainOnly()
{
    const QStringList launcher = neededBy(QStringLiteral(WGC_APP_BINARY));
    QVERIFY2(needsAny(launcher, {QStringLiteral("libQt6Core.so")}), qPrintable(launcher.join(u' ')));
    QVERIFY2(needsAny(launcher, {QStringLiteral("libqt6keychain.so")}), qPrintable(launcher.join(u' ')));
    QVERIFY2(!needsAny(launcher,
                       {QStringLiteral("libQt6Gui.so"), QStringLiteral("libQt6Widgets.so"),
                        QStringLiteral("libQt6Network.so"), QStringLiteral("libQt6NetworkAuth.so"),
                        QStringLiteral("libsecret"), QStringLiteral("libwebinargeek-connect")}),
             qPrintable(launcher.join(u' ')));
}

void TestLauncher::appLibraryHoldsTheWholeApp()
{
    const QStringList app = neededBy(kAppLibrary);
    for (const QString &library : {QStringLiteral("libQt6Widgets.so"), QStringLiteral("libQt6Network.so"),
                                   QStringLiteral("libQt6NetworkAuth.so"), QStringLiteral("libqt6keychain.so")})
        QVERIFY2(needsAny(app, {library}), qPrintable(library + QStringLiteral(" missing: ") + app.join(u' ')));
    // No second library of the app's own: one entry point, one library.
    QVERIFY2(!needsAny(app, {QStringLiteral("libwebinargeek-connect")}), qPrintable(app.join(u' ')));
    const QStringList siblings =
        QFileInfo(kAppLibrary).dir().entryList({QStringLiteral("*.so*")}, QDir::Files | QDir::NoSymLinks);
    QCOMPARE(siblings, QStringList {QFileInfo(kAppLibrary).fileName()});
}

void TestLauncher::windowLoadsTheAppLibraryOnce()
{
    QProcess app;
    app.setProcessEnvironment(appEnvironment());
    app.start(QStringLiteral(WGC_APP_BINARY), {});
    QByteArray err;
    // Put together once the one instance listens for later launches.
    const bool listening = waitFor(
        [&] {
            err += app.readAllStandardError();
            return err.contains("The one instance, listening on");
        },
        20000);
    app.terminate();
    if (!app.waitForFinished(5000))
        app.kill();
    err += app.readAllStandardError();
    QVERIFY2(listening, qPrintable(appLog(err)));
    QCOMPARE(loadsOf(err, QFileInfo(kAppLibrary).fileName()), 1);
    QCOMPARE(loadsOf(err, QStringLiteral("libwebinargeek-connect")), 1);
    QVERIFY(loadsOf(err, QStringLiteral("libQt6Widgets.so")) > 0);
}

// A fresh session in the keychain: `status` and `token` answer from it with the launcher alone,
// and say the same as the app library would.
void TestLauncher::plainStatusAndTokenAnswerWithoutIt()
{
    const QProcessEnvironment env = appEnvironment();
    ConfigurationLoader loader(env, nullptr);
    TokenStore store(loader.load().storageKey());
    StoredSession session;
    session.accessToken = QStringLiteral("launcher-access-token");
    session.refreshToken = QStringLiteral("launcher-refresh-token");
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    session.email = QStringLiteral("host@example.invalid");
    session.company = QStringLiteral("Launcher Test");
    QCOMPARE(KeychainAccess::save(store, session), TokenStore::Status::Ok);

    const AppRun token = runApp(env, {QStringLiteral("token")});
    QCOMPARE(token.exitCode, 0);
    QCOMPARE(token.out.trimmed(), QByteArray("launcher-access-token"));
    QCOMPARE(loadsOf(token.err, QStringLiteral("libwebinargeek-connect")), 0);

    const AppRun status = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains("\"host@example.invalid\""), status.out.constData());
    QCOMPARE(loadsOf(status.err, QStringLiteral("libwebinargeek-connect")), 0);

    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// An expired token needs the network: the launcher hands over to the app library, in the same
// process, after it has read the keychain itself. (The token endpoint is unreachable, so the
// renewal fails, and says so.)
void TestLauncher::expiredTokenIsTheAppLibrarysToRenew()
{
    const QProcessEnvironment env = appEnvironment();
    ConfigurationLoader loader(env, nullptr);
    TokenStore store(loader.load().storageKey());
    StoredSession session;
    session.accessToken = QStringLiteral("launcher-expired-token");
    session.refreshToken = QStringLiteral("launcher-refresh-token");
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    session.email = QStringLiteral("host@example.invalid");
    QCOMPARE(KeychainAccess::save(store, session), TokenStore::Status::Ok);

    const AppRun token = runApp(env, {QStringLiteral("token")});
    QCOMPARE(loadsOf(token.err, QFileInfo(kAppLibrary).fileName()), 1);
    QCOMPARE(token.exitCode, int(CommandRunner::Failure));
    QVERIFY(!token.out.contains("launcher-expired-token"));
    QVERIFY2(token.err.contains("auth.example.invalid"), qPrintable(appLog(token.err)));

    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// Two accounts side by side: the launcher reads the list of accounts (Qt Core) to find the active
// one's keychain entry, answers --account too, and lists both in status --json; an account the
// list does not know is the app library's to explain.
void TestLauncher::activeAccountAndAccountOptionWithoutIt()
{
    const QProcessEnvironment env = appEnvironment();
    ConfigurationLoader loader(env, nullptr);
    const QString serverKey = loader.load().storageKey();
    const auto fresh = [](const QString &name) {
        StoredSession session;
        session.accessToken = name + QStringLiteral("-access-token");
        session.refreshToken = name + QStringLiteral("-refresh-token");
        session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session.email = name + QStringLiteral("@example.invalid");
        session.company = QStringLiteral("Launcher Test");
        return session;
    };
    TokenStore first(serverKey);
    TokenStore second(serverKey, QStringLiteral("b2"));
    QCOMPARE(KeychainAccess::save(first, fresh(QStringLiteral("first"))), TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::save(second, fresh(QStringLiteral("second"))), TokenStore::Status::Ok);
    AccountIndex index;
    QVERIFY(index.update(serverKey, [](AccountList &list) {
        list.accounts = {
            {QString(), QStringLiteral("first@example.invalid"), QStringLiteral("Launcher Test")},
            {QStringLiteral("b2"), QStringLiteral("second@example.invalid"), QStringLiteral("Launcher Test")}};
        list.active = QStringLiteral("b2");
    }));

    AppRun run = runApp(env, {QStringLiteral("token")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QByteArray("second-access-token"));
    QCOMPARE(loadsOf(run.err, QStringLiteral("libwebinargeek-connect")), 0);
    run = runApp(env, {QStringLiteral("token"), QStringLiteral("--account"), QStringLiteral("FIRST@")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QByteArray("first-access-token"));
    QCOMPARE(loadsOf(run.err, QStringLiteral("libwebinargeek-connect")), 0);

    run = runApp(env, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(loadsOf(run.err, QStringLiteral("libwebinargeek-connect")), 0);
    const QJsonObject status = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(status.value(QLatin1String("account")).toObject().value(QLatin1String("email")).toString(),
             QStringLiteral("second@example.invalid"));
    const QJsonArray accounts = status.value(QLatin1String("accounts")).toArray();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).toObject().value(QLatin1String("email")).toString(),
             QStringLiteral("first@example.invalid"));
    QCOMPARE(accounts.at(0).toObject().value(QLatin1String("active")).toBool(), false);
    QCOMPARE(accounts.at(1).toObject().value(QLatin1String("active")).toBool(), true);
    QVERIFY(!run.out.contains("access-token") && !run.out.contains("refresh-token"));
    run = runApp(env, {QStringLiteral("status")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(loadsOf(run.err, QStringLiteral("libwebinargeek-connect")), 0);
    QVERIFY2(run.err.contains("Other accounts: first@example.invalid (Launcher Test)."), run.err.constData());

    // No account matches: the app library names the accounts, in the person's language.
    run = runApp(env, {QStringLiteral("token"), QStringLiteral("--account"), QStringLiteral("nobody")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(loadsOf(run.err, QFileInfo(kAppLibrary).fileName()), 1);
    QVERIFY2(run.err.contains("No account matches \"nobody\""), run.err.constData());
    QVERIFY(run.out.isEmpty());

    QCOMPARE(KeychainAccess::clear(first), TokenStore::Status::Ok);
    QCOMPARE(KeychainAccess::clear(second), TokenStore::Status::Ok);
    QVERIFY(QFile::remove(AccountIndex::defaultPath()));
}

QTEST_GUILESS_MAIN(TestLauncher)
#include "TestLauncher.moc"
