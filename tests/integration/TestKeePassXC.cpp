// The command-line credential helper with KeePassXC as the Secret Service: the whole life of a
// session (login, status, token, a refresh, logout) run with the real binary against the sandbox,
// its entries kept in a KeePassXC database, and no other Secret Service started on the way.
//
// Run inside tests/with-keepassxc.sh, which gives the test its own bus, X server, KeePassXC and
// database; anywhere else it fails at once rather than testing another keychain.

#include "AppProcess.h"
#include "Sandbox.h"
#include "SessionBus.h"

#include "storage/TokenStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

namespace {

const QString kSecretService = QStringLiteral("org.freedesktop.secrets");
// The short-lived sandbox's access tokens: long enough that a refreshed token is still fresh
// (within half its lifetime) after KeePassXC 2.7.4's access requests have been answered.
constexpr int kShortLifetime = 20;

// Everything a run printed, except what `token` printed on stdout, for the leak check at the end.
QByteArray g_allOutput;

AppRun run(const QProcessEnvironment &env, const QStringList &arguments, bool recordStdout = true)
{
    const AppRun result = runApp(env, arguments);
    if (recordStdout)
        g_allOutput += result.out;
    g_allOutput += result.err;
    return result;
}

QJsonObject statusJson(const QProcessEnvironment &env, int *exitCode = nullptr)
{
    const AppRun result = run(env, {QStringLiteral("status"), QStringLiteral("--json")});
    if (exitCode)
        *exitCode = result.exitCode;
    return QJsonDocument::fromJson(result.out).object();
}

// One entry of the KeePassXC database: its fields (Title, Password, and the Secret Service
// attributes KeePassXC keeps as further fields, such as "server").
using DatabaseEntry = QMap<QString, QString>;

// The entries of the database KeePassXC has open, as saved to its file, read with keepassxc-cli.
// `ok` is false when the file could not be read.
QList<DatabaseEntry> databaseEntries(bool *ok)
{
    QProcess cli;
    cli.start(QStringLiteral("keepassxc-cli"),
              {QStringLiteral("export"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("xml"),
               qEnvironmentVariable("WGC_KEEPASSXC_DATABASE")});
    cli.write(qEnvironmentVariable("WGC_KEEPASSXC_PASSWORD").toUtf8() + '\n');
    cli.closeWriteChannel();
    *ok = cli.waitForFinished(30000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
    QList<DatabaseEntry> entries;
    if (!*ok)
        return entries;
    // Entries of groups, not their earlier versions (an entry's History holds Entry elements too).
    QXmlStreamReader xml(cli.readAllStandardOutput());
    QStringList open; // the elements the reader is in
    QString key;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            open.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const qsizetype depth = open.size();
        const bool inField = depth >= 3 && open.at(depth - 1) == QLatin1String("String")
            && open.at(depth - 2) == QLatin1String("Entry") && open.at(depth - 3) == QLatin1String("Group");
        if (inField && (name == QLatin1String("Key") || name == QLatin1String("Value"))) {
            const QString text = xml.readElementText(); // consumes the element's end too
            if (name == QLatin1String("Key"))
                key = text;
            else
                entries.last().insert(key, text);
            continue;
        }
        if (name == QLatin1String("Entry") && depth >= 1 && open.last() == QLatin1String("Group"))
            entries.append(DatabaseEntry());
        open << name;
    }
    *ok = !xml.hasError();
    return entries;
}

// The database's entries filed under the app's service name.
QList<DatabaseEntry> appEntries(bool *ok)
{
    QList<DatabaseEntry> found;
    for (const DatabaseEntry &entry : databaseEntries(ok)) {
        if (entry.value(QStringLiteral("server")) == TokenStore::serviceName())
            found << entry;
    }
    return found;
}

// Waits until KeePassXC has saved a database with `count` of the app's entries (it saves after
// every change, a moment later). The entries as saved, or an empty list on timeout.
QList<DatabaseEntry> waitForSavedAppEntries(int count)
{
    QList<DatabaseEntry> entries;
    const bool saved = waitFor(
        [&] {
            bool ok = false;
            entries = appEntries(&ok);
            return ok && entries.size() == count;
        },
        20000);
    return saved ? entries : QList<DatabaseEntry>();
}

QStringList passwordsOf(const QList<DatabaseEntry> &entries)
{
    QStringList passwords;
    for (const DatabaseEntry &entry : entries)
        passwords << entry.value(QStringLiteral("Password"));
    passwords.sort();
    return passwords;
}

} // namespace

class TestKeePassXC : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void wholeLife();
    void refreshIsStoredInKeePassXC();
    void noOtherSecretService();
    void secretsNeverLeak();

private:
    // login --no-browser with the sandbox's browser; the access token `token` then hands out.
    QString signIn(const QProcessEnvironment &env);
    void verifyOnlyKeePassXC();

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Sandbox> m_shortLived; // access tokens live kShortLifetime seconds
    uint m_keepassxc = 0;
    QStringList m_tokensSeen;
};

void TestKeePassXC::initTestCase()
{
    m_keepassxc = qEnvironmentVariable("WGC_KEEPASSXC_PID").toUInt();
    QVERIFY2(m_keepassxc != 0 && !qEnvironmentVariableIsEmpty("WGC_KEEPASSXC_DATABASE"),
             "run this test inside tests/with-keepassxc.sh, which starts KeePassXC as the Secret Service");
    QCOMPARE(SessionBus::programOf(m_keepassxc), QStringLiteral("keepassxc"));
    verifyOnlyKeePassXC();
    bool ok = false;
    QVERIFY(databaseEntries(&ok).isEmpty());
    QVERIFY2(ok, "keepassxc-cli cannot read the test's database");

    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QProcessEnvironment shortEnv;
    shortEnv.insert(QStringLiteral("SANDBOX_ACCESS_TOKEN_TTL"), QString::number(kShortLifetime));
    m_shortLived = std::make_unique<Sandbox>(shortEnv);
    QVERIFY2(m_shortLived->start(), qPrintable(m_shortLived->errorString()));
}

void TestKeePassXC::init()
{
    // Each test starts signed out, with nothing of the app's in KeePassXC.
    for (Sandbox *sandbox : {m_sandbox.get(), m_shortLived.get()})
        run(sandbox->environment(), {QStringLiteral("logout")});
    QCOMPARE(SessionBus::appItems(), QStringList());
}

// KeePassXC owns the Secret Service's name, as it did when the runner started it, and no
// gnome-keyring (or anything else D-Bus activation could start for the name) has joined the bus.
void TestKeePassXC::verifyOnlyKeePassXC()
{
    QCOMPARE(SessionBus::ownerPid(kSecretService), m_keepassxc);
    const QStringList peers = SessionBus::peerPrograms();
    QVERIFY2(!peers.contains(QStringLiteral("gnome-keyring-daemon")) && !peers.contains(QStringLiteral("kwalletd5")),
             qPrintable(peers.join(QLatin1Char(' '))));
}

QString TestKeePassXC::signIn(const QProcessEnvironment &env)
{
    QProcess login;
    login.setProcessEnvironment(env);
    login.start(
        QStringLiteral(WGC_APP_BINARY),
        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"), QStringLiteral("60")});
    if (!login.waitForStarted(10000))
        return QString();
    // The address comes alone on stdout's first line.
    QByteArray out;
    waitFor(
        [&] {
            out += login.readAllStandardOutput();
            return out.contains('\n') || login.state() == QProcess::NotRunning;
        },
        20000);
    const QString url = QString::fromUtf8(out.left(out.indexOf('\n')));
    if (!url.startsWith(QLatin1String("http://127.0.0.1:"))) {
        qWarning("login printed no sign-in address: %s", qPrintable(url));
        return QString();
    }
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(QUrl(url));
    AppRun result = finishApp(login);
    result.out.prepend(out);
    g_allOutput += result.out + result.err;
    if (result.exitCode != 0 || browser.exitCode != 0
        || !result.err.contains("Signed in as jane@example.com (Sandbox Webinars B.V.)")) {
        qWarning("login ended with %d: %s %s", result.exitCode, result.err.constData(), qPrintable(browser.errorText));
        return QString();
    }
    const AppRun token = run(env, {QStringLiteral("token")}, false);
    if (token.exitCode != 0) {
        qWarning("token after login ended with %d: %s", token.exitCode, token.err.constData());
        return QString();
    }
    const QString accessToken = QString::fromUtf8(token.out).trimmed();
    m_tokensSeen << accessToken;
    return accessToken;
}

void TestKeePassXC::wholeLife()
{
    const QProcessEnvironment env = m_sandbox->environment();
    int exitCode = -1;
    QJsonObject status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));

    // Sign in: the session lands in KeePassXC, over its Secret Service and in its database file.
    const QString accessToken = signIn(env);
    QVERIFY(!accessToken.isEmpty());
    QVERIFY(!SessionBus::appItems().isEmpty());
    const int stored = int(SessionBus::appItems().size());
    QVERIFY2(!waitForSavedAppEntries(stored).isEmpty(), "KeePassXC's database file does not hold the app's entries");

    // status, for scripts and for people.
    status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(status.value(QLatin1String("method")).toString(), QStringLiteral("oauth"));
    const QJsonObject account = status.value(QLatin1String("account")).toObject();
    QCOMPARE(account.value(QLatin1String("email")).toString(), QStringLiteral("jane@example.com"));
    QCOMPARE(account.value(QLatin1String("company")).toString(), QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(status.value(QLatin1String("expired")).toBool(true), false);
    QVERIFY(!status.value(QLatin1String("storage")).toString().isEmpty());
    QVERIFY(status.value(QLatin1String("error")).isNull());
    const AppRun human = run(env, {QStringLiteral("status")});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.err.contains("Signed in as jane@example.com"), human.err.constData());

    // token: alone on stdout, accepted by the API, the stored one each time while it is fresh.
    const AppRun token = run(env, {QStringLiteral("token")}, false);
    QCOMPARE(token.exitCode, 0);
    QCOMPARE(token.out.count('\n'), 1);
    QVERIFY(QString::fromUtf8(token.out).trimmed() == accessToken); // QCOMPARE would print tokens
    QCOMPARE(m_sandbox->accountStatus(accessToken), 200);

    // logout: revoked at the server, and the entries are gone from KeePassXC, the file included.
    const AppRun logout = run(env, {QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(!logout.err.contains("warning"), logout.err.constData());
    QCOMPARE(m_sandbox->accountStatus(accessToken), 401);
    QCOMPARE(SessionBus::appItems(), QStringList());
    bool ok = false;
    QVERIFY(waitFor(
        [&ok] {
            const bool none = appEntries(&ok).isEmpty();
            return ok && none;
        },
        20000));
    status = statusJson(env, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    const AppRun after = run(env, {QStringLiteral("token")});
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.out.isEmpty());
    verifyOnlyKeePassXC();
}

// An expired access token: `token` refreshes it, and the new session goes to KeePassXC, from where
// the next `token` hands it out without asking the server again.
void TestKeePassXC::refreshIsStoredInKeePassXC()
{
    const QProcessEnvironment env = m_shortLived->environment();
    const QString first = signIn(env);
    QVERIFY(!first.isEmpty());
    const int stored = int(SessionBus::appItems().size());
    const QStringList before = passwordsOf(waitForSavedAppEntries(stored));
    QVERIFY(!before.isEmpty());
    const QDateTime firstExpiry =
        QDateTime::fromString(statusJson(env).value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    QVERIFY(firstExpiry.isValid());
    // Let the token expire at the server too.
    QTest::qWait((kShortLifetime + 2) * 1000);
    QCOMPARE(m_shortLived->accountStatus(first), 401);
    QVERIFY(statusJson(env).value(QLatin1String("expired")).toBool());

    const int refreshes = m_shortLived->grantsOf("refresh_token");
    const AppRun token = run(env, {QStringLiteral("token")}, false);
    QCOMPARE(token.exitCode, 0);
    const QString second = QString::fromUtf8(token.out).trimmed();
    m_tokensSeen << second;
    QVERIFY(second != first);
    QCOMPARE(m_shortLived->accountStatus(second), 200);
    QCOMPARE(m_shortLived->grantsOf("refresh_token"), refreshes + 1);
    // Stored: the new token is fresh, and the next `token` hands it out without a refresh.
    const AppRun again = run(env, {QStringLiteral("token")}, false);
    QCOMPARE(again.exitCode, 0);
    QVERIFY(QString::fromUtf8(again.out).trimmed() == second);
    QCOMPARE(m_shortLived->grantsOf("refresh_token"), refreshes + 1);

    // Stored in KeePassXC: its entries changed, and status reads the new session from them.
    QVERIFY(waitFor(
        [&] {
            bool ok = false;
            const QList<DatabaseEntry> entries = appEntries(&ok);
            return ok && !entries.isEmpty() && passwordsOf(entries) != before;
        },
        20000));
    const QJsonObject status = statusJson(env);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QVERIFY(QDateTime::fromString(status.value(QLatin1String("expires_at")).toString(), Qt::ISODate) > firstExpiry);
    QCOMPARE(status.value(QLatin1String("account")).toObject().value(QLatin1String("email")).toString(),
             QStringLiteral("jane@example.com"));

    QCOMPARE(run(env, {QStringLiteral("logout")}).exitCode, 0);
    QCOMPARE(SessionBus::appItems(), QStringList());
    verifyOnlyKeePassXC();
}

void TestKeePassXC::noOtherSecretService()
{
    // After everything above: still KeePassXC alone, and it ran throughout.
    verifyOnlyKeePassXC();
    QCOMPARE(SessionBus::programOf(m_keepassxc), QStringLiteral("keepassxc"));
    // What a person would have had to allow (tests/with-keepassxc.sh says why KeePassXC asks).
    QFile requests(qEnvironmentVariable("WGC_KEEPASSXC_REQUESTS"));
    if (requests.open(QIODevice::ReadOnly)) {
        qInfo("KeePassXC asked for access %d time(s); the runner allowed it", int(requests.readAll().count('\n')));
    }
}

void TestKeePassXC::secretsNeverLeak()
{
    QVERIFY(!m_tokensSeen.isEmpty());
    // Nothing a command printed (but `token`'s own stdout), and no file under HOME, holds a token.
    // (KeePassXC's database is outside HOME, and encrypted.)
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    QByteArray onDisk;
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            onDisk += file.readAll();
    }
    for (const QString &token : qAsConst(m_tokensSeen)) {
        QVERIFY(!token.isEmpty());
        QVERIFY2(!g_allOutput.contains(token.toUtf8()), "a token appeared in the output of a command");
        QVERIFY2(!onDisk.contains(token.toUtf8()), "a token appeared in a file under HOME");
    }
}

QTEST_GUILESS_MAIN(TestKeePassXC)
#include "TestKeePassXC.moc"
