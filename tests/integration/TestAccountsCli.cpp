// Several WebinarGeek accounts side by side on the command line (issue 16), run as real processes
// against the sandbox (whose login name makes the account: jane@example.com, john@example.com)
// and a real (private) gnome-keyring: adding, switching, --account, refreshes that overlap, one
// account revoked while the other stays connected, removal, and the upgrade from the one session
// an earlier version kept.

#include "AppOnTerminal.h"
#include "AppProcess.h"
#include "KeychainAccess.h"
#include "Sandbox.h"
#include "SessionRig.h"

#include "auth/RefreshLock.h"
#include "storage/AccountIndex.h"
#include "storage/TokenStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTranslator>

#include <memory>

namespace {

const QString kJane = QStringLiteral("jane@example.com");
const QString kJohn = QStringLiteral("john@example.com");
const QString kApiKeyUser = QStringLiteral("api-key-user@example.com");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// Everything the commands printed, but `token`'s stdout, for the leak check at the end.
QByteArray g_allOutput;

Run record(const AppRun &app, bool recordStdout = true)
{
    if (recordStdout)
        g_allOutput += app.out;
    g_allOutput += app.err;
    return {app.exitCode, app.out, QString::fromUtf8(app.err)};
}

Run run(const QProcessEnvironment &env, const QStringList &arguments, const QByteArray &input = {})
{
    return record(runApp(env, arguments, input));
}

QJsonObject statusJson(const QProcessEnvironment &env, const QStringList &extra = {}, int *exitCode = nullptr)
{
    const Run status = run(env, QStringList {QStringLiteral("status"), QStringLiteral("--json")} << extra);
    if (exitCode)
        *exitCode = status.exitCode;
    return QJsonDocument::fromJson(status.out).object();
}

QString emailOf(const QJsonObject &status)
{
    return status.value(QLatin1String("account")).toObject().value(QLatin1String("email")).toString();
}

// The emails of status --json's "accounts", in order, the active one marked with a "*".
QStringList listed(const QJsonObject &status)
{
    QStringList emails;
    for (const QJsonValue &value : status.value(QLatin1String("accounts")).toArray()) {
        const QJsonObject account = value.toObject();
        emails << account.value(QLatin1String("email")).toString()
                + (account.value(QLatin1String("active")).toBool() ? QStringLiteral("*") : QString());
    }
    return emails;
}

QJsonObject listedAccount(const QJsonObject &status, const QString &email)
{
    for (const QJsonValue &value : status.value(QLatin1String("accounts")).toArray()) {
        if (value.toObject().value(QLatin1String("email")).toString() == email)
            return value.toObject();
    }
    return QJsonObject();
}

// Which account the API says `accessToken` belongs to; empty when it refuses it.
QString accountOfToken(const Sandbox &sandbox, const QString &accessToken)
{
    QNetworkAccessManager network;
    QNetworkRequest request(sandbox.baseUrl().resolved(QUrl(QStringLiteral("/api/v2/account"))));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    QNetworkReply *reply = network.get(request);
    waitFor([reply] { return reply->isFinished(); }, 15000);
    const QString email = reply->error() == QNetworkReply::NoError
        ? QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("email")).toString()
        : QString();
    delete reply;
    return email;
}

// The account of `email` in the list for `config`'s server.
AccountEntry entryOf(const Configuration &config, const QString &email)
{
    const AccountList list = AccountIndex().read(config.storageKey());
    const AccountEntry *entry = list.find(email, nullptr);
    return entry ? *entry : AccountEntry();
}

// Makes the access token an account has stored look expired to the app.
bool expireStoredToken(const Configuration &config, const QString &email)
{
    TokenStore store(config.storageKey(), entryOf(config, email).slot);
    TokenStore::Result result = KeychainAccess::load(store);
    if (result.status != TokenStore::Status::Ok || result.session.email != email)
        return false;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    result.session.updatedAt = now.addSecs(-3700);
    result.session.expiresAt = now.addSecs(-100);
    return KeychainAccess::save(store, result.session) == TokenStore::Status::Ok;
}

QString storedRefreshToken(const Configuration &config, const QString &email)
{
    TokenStore store(config.storageKey(), entryOf(config, email).slot);
    const TokenStore::Result result = KeychainAccess::load(store);
    return result.session.email == email ? result.session.refreshToken : QString();
}

} // namespace

class TestAccountsCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addingAndChoosingAccounts();
    void switchAtATerminal();
    void switchWithoutATerminal();
    void overlappingRefreshes();
    void oneRefreshLockDoesNotBlockTheOther();
    void oneRevokedTheOtherStaysConnected();
    void removal();
    void upgradeFromOneSession();
    void listThatCannotBeReadIsSaid();
    void listThatCannotBeWrittenIsSaid();
    void secretsNeverLeak();

private:
    // Runs `login --no-browser` and signs in as `login` in the browser; true when it succeeded.
    bool signIn(const QProcessEnvironment &env, const QString &login);
    QString token(const QProcessEnvironment &env, const QStringList &extra = {});

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Sandbox> m_shortLived; // access tokens live 2 seconds
    QStringList m_secretsSeen;
    QString m_loginErr; // what the last login printed on stderr
};

void TestAccountsCli::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QProcessEnvironment shortEnv;
    shortEnv.insert(QStringLiteral("SANDBOX_ACCESS_TOKEN_TTL"), QStringLiteral("2"));
    m_shortLived = std::make_unique<Sandbox>(shortEnv);
    QVERIFY2(m_shortLived->start(), qPrintable(m_shortLived->errorString()));
}

void TestAccountsCli::init()
{
    // Each test starts with no account at either server.
    for (Sandbox *sandbox : {m_sandbox.get(), m_shortLived.get()}) {
        const Run logout = run(sandbox->environment(), {QStringLiteral("logout"), QStringLiteral("--all")});
        QCOMPARE(logout.exitCode, 0);
        QCOMPARE(statusJson(sandbox->environment()).value(QLatin1String("accounts")).toArray().size(), 0);
    }
}

bool TestAccountsCli::signIn(const QProcessEnvironment &env, const QString &login)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(
        QStringLiteral(WGC_APP_BINARY),
        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--timeout"), QStringLiteral("60")});
    if (!process.waitForStarted(10000))
        return false;
    QByteArray out;
    waitFor(
        [&] {
            out += process.readAllStandardOutput();
            return out.contains('\n') || process.state() == QProcess::NotRunning;
        },
        15000);
    const QUrl url(QString::fromUtf8(out.left(out.indexOf('\n'))));
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(url, {}, login);
    AppRun app = finishApp(process);
    app.out.prepend(out);
    const Run loggedIn = record(app);
    m_loginErr = loggedIn.err;
    const bool ok = browser.exitCode == 0 && loggedIn.exitCode == 0
        && loggedIn.err.contains(QStringLiteral("Signed in as %1@example.com").arg(login));
    if (!ok)
        qWarning().noquote() << "login as" << login << "failed:" << loggedIn.err << browser.errorText;
    return ok;
}

// A list that cannot be read (a folder in its place) stops every command before it signs in or
// hands out a token: without it, the active account is not known.
void TestAccountsCli::listThatCannotBeReadIsSaid()
{
    const QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    const QString file = AccountIndex::defaultPath();
    QVERIFY(QFile::rename(file, file + QStringLiteral(".kept")));
    QVERIFY(QDir().mkpath(file));
    const QString problem = QStringLiteral("The list of accounts (%1) cannot be read: it is not a file.").arg(file);
    for (const QStringList &arguments : {QStringList {QStringLiteral("token")},
                                         QStringList {QStringLiteral("login"), QStringLiteral("--no-browser")}}) {
        const Run refused = run(env, arguments);
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.out, QByteArray());
        QVERIFY2(refused.err.contains(problem), qPrintable(refused.err));
    }
    QVERIFY(QDir(file).removeRecursively());
    QVERIFY(QFile::rename(file + QStringLiteral(".kept"), file));
    QCOMPARE(listed(statusJson(env)), QStringList {kJane + QLatin1Char('*')});
}

// A list that cannot be written when a sign-in is to be added (another program holds its lock):
// login says so, and signs the new account out again rather than leave its tokens where no command
// finds them.
void TestAccountsCli::listThatCannotBeWrittenIsSaid()
{
    const QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    const int revokedBefore = m_sandbox->log().count("grant.revoked");
    QLockFile other(AccountIndex::defaultPath() + QStringLiteral(".lock"));
    QVERIFY(other.tryLock(0));
    const bool signedIn = signIn(env, QStringLiteral("ann"));
    other.unlock();
    QVERIFY(!signedIn);
    QVERIFY2(m_loginErr.contains(QStringLiteral("Signed in as ann@example.com")), qPrintable(m_loginErr));
    QVERIFY2(m_loginErr.contains(QStringLiteral("error: The account could not be added to the list of accounts: "
                                                "The list of accounts (%1) is locked by another program.")
                                     .arg(AccountIndex::defaultPath())),
             qPrintable(m_loginErr));
    QVERIFY2(m_loginErr.contains(QStringLiteral("It was signed out again")), qPrintable(m_loginErr));
    QCOMPARE(m_sandbox->log().count("grant.revoked"), revokedBefore + 1);
    QCOMPARE(listed(statusJson(env)), QStringList {kJane + QLatin1Char('*')});
}

QString TestAccountsCli::token(const QProcessEnvironment &env, const QStringList &extra)
{
    const Run run = record(runApp(env, QStringList {QStringLiteral("token")} << extra), false);
    const QString accessToken = run.exitCode == 0 ? QString::fromUtf8(run.out).trimmed() : QString();
    if (!accessToken.isEmpty())
        m_secretsSeen << accessToken;
    return accessToken;
}

// login adds an account and makes it active; status lists them all; --account (a prefix is
// enough) and switch ACCOUNT choose; signing in again renews an account and does not duplicate it.
void TestAccountsCli::addingAndChoosingAccounts()
{
    const QProcessEnvironment env = m_sandbox->environment();
    const Run help = run(env, {QStringLiteral("--help")});
    for (const char *word : {"switch [ACCOUNT]", "--account <email>", "--all"})
        QVERIFY2(help.out.contains(word), word);
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QJsonObject status = statusJson(env);
    QCOMPARE(listed(status), QStringList {kJane + QLatin1Char('*')});
    const QString janeToken = token(env);
    QCOMPARE(accountOfToken(*m_sandbox, janeToken), kJane);

    QVERIFY(signIn(env, QStringLiteral("john")));
    QVERIFY2(m_loginErr.contains(QStringLiteral("It is the active account now. Still signed in: %1 (Sandbox Webinars "
                                                "B.V.).")
                                     .arg(kJane)),
             qPrintable(m_loginErr));
    int exitCode = -1;
    status = statusJson(env, {}, &exitCode);
    QCOMPARE(exitCode, 0);
    // The top-level fields are the active account's, as before; the list has both.
    QCOMPARE(emailOf(status), kJohn);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(listed(status), (QStringList {kJane, kJohn + QLatin1Char('*')}));
    const QJsonObject janeListed = listedAccount(status, kJane);
    QCOMPARE(janeListed.value(QLatin1String("company")).toString(), QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(janeListed.value(QLatin1String("method")).toString(), QStringLiteral("oauth"));
    QCOMPARE(janeListed.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QVERIFY(QDateTime::fromString(janeListed.value(QLatin1String("expires_at")).toString(), Qt::ISODate).isValid());
    QCOMPARE(janeListed.keys(),
             (QStringList {QStringLiteral("active"), QStringLiteral("company"), QStringLiteral("email"),
                           QStringLiteral("expires_at"), QStringLiteral("method"), QStringLiteral("state")}));

    // token: the active account's; --account another's, by a prefix of its email in any case.
    const QString johnToken = token(env);
    QCOMPARE(accountOfToken(*m_sandbox, johnToken), kJohn);
    QCOMPARE(token(env, {QStringLiteral("--account"), QStringLiteral("JANE@")}), janeToken);
    QCOMPARE(token(env, {QStringLiteral("--account"), kJohn}), johnToken);
    status = statusJson(env, {QStringLiteral("--account"), QStringLiteral("ja")});
    QCOMPARE(emailOf(status), kJane);
    QCOMPARE(listed(status), (QStringList {kJane, kJohn + QLatin1Char('*')})); // still john active
    const Run api = run(
        env, {QStringLiteral("api"), QStringLiteral("account"), QStringLiteral("--account"), QStringLiteral("jane")});
    QCOMPARE(api.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(api.out).object().value(QLatin1String("email")).toString(), kJane);

    // The person reads the other accounts in plain status.
    Run human = run(env, {QStringLiteral("status")});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.err.contains(QStringLiteral("Signed in as %1").arg(kJohn)), qPrintable(human.err));
    QVERIFY2(human.err.contains(QStringLiteral("Other accounts: %1 (Sandbox Webinars B.V.).").arg(kJane)),
             qPrintable(human.err));
    human = run(env, {QStringLiteral("status"), QStringLiteral("--account"), QStringLiteral("jane")});
    QVERIFY2(human.err.contains(QStringLiteral("Signed in as %1").arg(kJane)), qPrintable(human.err));
    QVERIFY2(human.err.contains(QStringLiteral("%1 (Sandbox Webinars B.V.), the active one").arg(kJohn)),
             qPrintable(human.err));
    // In Dutch the app library answers (the launcher has no translations): the same accounts.
    QTranslator dutch;
    QVERIFY(dutch.load(QStringLiteral(":/i18n/webinargeek-connect_nl.qm")));
    const QString others = dutch.translate("StatusReport", "Other accounts: %1.");
    const QString company = dutch.translate("StatusReport", "%1 (%2)");
    QVERIFY(!others.isEmpty() && others != QLatin1String("Other accounts: %1.") && !company.isEmpty());
    QProcessEnvironment inDutch = env;
    inDutch.insert(QStringLiteral("LANGUAGE"), QStringLiteral("nl"));
    inDutch.insert(QStringLiteral("LC_ALL"), QStringLiteral("nl_NL.UTF-8"));
    human = run(inDutch, {QStringLiteral("status")});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.err.contains(others.arg(company.arg(kJane, QStringLiteral("Sandbox Webinars B.V.")))),
             qPrintable(human.err));

    // An ambiguous prefix and an unknown account are errors that name the accounts, for every
    // command that takes --account; status --json says so as JSON.
    for (const QString &command : {QStringLiteral("token"), QStringLiteral("status"), QStringLiteral("logout")}) {
        Run refused = run(env, {command, QStringLiteral("--account"), QStringLiteral("j")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("\"j\" matches several accounts: %1, %2").arg(kJane, kJohn)),
                 qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        refused = run(env, {command, QStringLiteral("--account"), QStringLiteral("nobody@example.com")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("No account matches \"nobody@example.com\". The accounts "
                                                     "are: %1, %2.")
                                          .arg(kJane, kJohn)),
                 qPrintable(refused.err));
    }
    status = statusJson(env, {QStringLiteral("--account"), QStringLiteral("nobody")}, &exitCode);
    QCOMPARE(exitCode, 2);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("error"));
    QVERIFY(status.value(QLatin1String("error")).toString().contains(QLatin1String("No account matches")));
    // Nothing was signed out by the refused logouts.
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane, kJohn + QLatin1Char('*')}));

    // switch ACCOUNT
    Run switched = run(env, {QStringLiteral("switch"), QStringLiteral("jan")});
    QCOMPARE(switched.exitCode, 0);
    QVERIFY2(switched.err.contains(QStringLiteral("The active account is now %1").arg(kJane)),
             qPrintable(switched.err));
    QCOMPARE(token(env), janeToken);
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane + QLatin1Char('*'), kJohn}));
    switched = run(env, {QStringLiteral("switch"), QStringLiteral("j")});
    QCOMPARE(switched.exitCode, 2);
    QVERIFY2(switched.err.contains(QLatin1String("matches several accounts")), qPrintable(switched.err));
    switched = run(env, {QStringLiteral("switch"), QStringLiteral("nobody")});
    QCOMPARE(switched.exitCode, 2);
    QVERIFY2(switched.err.contains(QLatin1String("No account matches \"nobody\"")), qPrintable(switched.err));
    QCOMPARE(token(env), janeToken);

    // Signing in to john again renews him (a new token), in his place, and makes him active.
    QVERIFY(signIn(env, QStringLiteral("john")));
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane, kJohn + QLatin1Char('*')}));
    const QString renewed = token(env);
    QVERIFY(renewed != johnToken);
    QCOMPARE(accountOfToken(*m_sandbox, renewed), kJohn);
    QCOMPARE(token(env, {QStringLiteral("--account"), QStringLiteral("jane")}), janeToken);

    // An API key is an account too.
    const Run apiKey = run(env, {QStringLiteral("login"), QStringLiteral("--api-key")}, "sandbox-api-key\n");
    QCOMPARE(apiKey.exitCode, 0);
    status = statusJson(env);
    QCOMPARE(listed(status), (QStringList {kJane, kJohn, kApiKeyUser + QLatin1Char('*')}));
    QCOMPARE(status.value(QLatin1String("method")).toString(), QStringLiteral("api_key"));
    QCOMPARE(listedAccount(status, kJohn).value(QLatin1String("method")).toString(), QStringLiteral("oauth"));
    QCOMPARE(token(env, {QStringLiteral("--account"), QStringLiteral("john")}), renewed);
    QVERIFY(!status.value(QLatin1String("accounts")).toArray().isEmpty());
    m_secretsSeen << QStringLiteral("sandbox-api-key");
}

// switch without ACCOUNT at a terminal: a numbered list on stderr, a number typed.
void TestAccountsCli::switchAtATerminal()
{
    const QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    {
        // One account: said so, nothing asked.
        AppOnTerminal one(env);
        QVERIFY(one.start({QStringLiteral("switch")}));
        QCOMPARE(one.finish(), 0);
        QVERIFY2(one.err().contains(QStringLiteral("Only one account is signed in, %1").arg(kJane)),
                 qPrintable(one.err()));
    }
    QVERIFY(signIn(env, QStringLiteral("john")));
    AppOnTerminal app(env);
    QVERIFY(app.start({QStringLiteral("switch")}));
    QVERIFY2(app.waitForErr(QStringLiteral("Type the number")), qPrintable(app.err()));
    QVERIFY2(app.err().contains(QStringLiteral("  1. %1 (Sandbox Webinars B.V.)\n").arg(kJane)), qPrintable(app.err()));
    QVERIFY2(app.err().contains(QStringLiteral("  2. %1 (Sandbox Webinars B.V.) (active)\n").arg(kJohn)),
             qPrintable(app.err()));
    // A number that is no account's is explained, and asked again.
    const qsizetype before = app.err().size();
    app.type("3");
    QVERIFY2(app.waitForErr(QStringLiteral("Type a number from 1 to 2"), before), qPrintable(app.err()));
    QVERIFY(app.running());
    app.type("1");
    QCOMPARE(app.finish(), 0);
    QVERIFY2(app.err().contains(QStringLiteral("The active account is now %1").arg(kJane)), qPrintable(app.err()));
    g_allOutput += app.err().toUtf8();
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane + QLatin1Char('*'), kJohn}));

    // The end of input chooses nothing.
    AppOnTerminal cancelled(env);
    QVERIFY(cancelled.start({QStringLiteral("switch")}));
    QVERIFY2(cancelled.waitForErr(QStringLiteral("Type the number")), qPrintable(cancelled.err()));
    cancelled.type("\x04");
    QCOMPARE(cancelled.finish(), 1);
    QVERIFY2(cancelled.err().contains(QLatin1String("Nothing chosen")), qPrintable(cancelled.err()));
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane + QLatin1Char('*'), kJohn}));
}

// A script cannot be asked: switch without ACCOUNT is an error that lists the accounts.
void TestAccountsCli::switchWithoutATerminal()
{
    const QProcessEnvironment env = m_sandbox->environment();
    Run none = run(env, {QStringLiteral("switch")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QLatin1String("No account is signed in")), qPrintable(none.err));

    QVERIFY(signIn(env, QStringLiteral("jane")));
    QVERIFY(signIn(env, QStringLiteral("john")));
    const Run refused = run(env, {QStringLiteral("switch")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QLatin1String("webinargeek-connect switch EMAIL")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(kJane) && refused.err.contains(kJohn), qPrintable(refused.err));
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane, kJohn + QLatin1Char('*')}));
}

// Both accounts' `token` at once with expired access tokens: each spends its own refresh token,
// once, and gets its own account's new token.
void TestAccountsCli::overlappingRefreshes()
{
    // Tokens that live an hour, made to look expired: a refreshed one is then fresh for the
    // commands that waited for it (a 2-second token would be refreshed by each of them).
    Sandbox *sandbox = m_sandbox.get();
    const QProcessEnvironment env = sandbox->environment();
    const Configuration config = sandbox->configuration();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QVERIFY(signIn(env, QStringLiteral("john")));
    const QString janeBefore = token(env, {QStringLiteral("--account"), kJane});
    const QString johnBefore = token(env, {QStringLiteral("--account"), kJohn});
    QVERIFY(!janeBefore.isEmpty() && !johnBefore.isEmpty());
    QVERIFY(expireStoredToken(config, kJane));
    QVERIFY(expireStoredToken(config, kJohn));

    const int grantsBefore = sandbox->grantsOf("refresh_token");
    std::vector<std::unique_ptr<QProcess>> commands;
    for (int i = 0; i < 6; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(WGC_APP_BINARY),
                       {QStringLiteral("token"), QStringLiteral("--account"), i % 2 == 0 ? kJane : kJohn});
        commands.push_back(std::move(process));
    }
    QStringList tokens;
    for (auto &process : commands) {
        const Run done = record(finishApp(*process, 60000), false);
        QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        tokens << QString::fromUtf8(done.out).trimmed();
    }
    m_secretsSeen << tokens;
    // One refresh per account; every command for an account printed its account's one token.
    QCOMPARE(sandbox->grantsOf("refresh_token") - grantsBefore, 2);
    for (int i = 0; i < tokens.size(); ++i)
        QCOMPARE(tokens.at(i), tokens.at(i % 2));
    QVERIFY(tokens.at(0) != tokens.at(1));
    QVERIFY(tokens.at(0) != janeBefore && tokens.at(1) != johnBefore);
    QCOMPARE(accountOfToken(*sandbox, tokens.at(0)), kJane);
    QCOMPARE(accountOfToken(*sandbox, tokens.at(1)), kJohn);
    // Both grants live on: each account's stored refresh token still works.
    QVERIFY(expireStoredToken(config, kJane) && expireStoredToken(config, kJohn));
    const QString janeAgain = token(env, {QStringLiteral("--account"), kJane});
    const QString johnAgain = token(env, {QStringLiteral("--account"), kJohn});
    QCOMPARE(accountOfToken(*sandbox, janeAgain), kJane);
    QCOMPARE(accountOfToken(*sandbox, johnAgain), kJohn);
    QCOMPARE(sandbox->grantsOf("refresh_token") - grantsBefore, 4);
}

// Another process holds jane's refresh lock (a window refreshing her, say): john's `token`
// refreshes at once, and jane's waits for the lock and then refreshes too.
void TestAccountsCli::oneRefreshLockDoesNotBlockTheOther()
{
    const QProcessEnvironment env = m_shortLived->environment();
    const Configuration config = m_shortLived->configuration();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QVERIFY(signIn(env, QStringLiteral("john")));
    QVERIFY(expireStoredToken(config, kJane));
    QVERIFY(expireStoredToken(config, kJohn));

    RefreshLock janesLock(AccountIndex::accountKey(config.storageKey(), entryOf(config, kJane).slot));
    bool held = false;
    janesLock.acquireOrRefuse([&held](const AuthError &error) { held = !error.isError(); });
    QVERIFY(waitFor([&held] { return held; }, 5000));

    QProcess jane;
    jane.setProcessEnvironment(env);
    jane.start(QStringLiteral(WGC_APP_BINARY), {QStringLiteral("token"), QStringLiteral("--account"), kJane});
    QVERIFY(jane.waitForStarted(10000));
    QElapsedTimer timer;
    timer.start();
    const QString john = token(env, {QStringLiteral("--account"), kJohn});
    QCOMPARE(accountOfToken(*m_shortLived, john), kJohn);
    // Far less than the minute a command waits for a lock that is held.
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(500);
    QCOMPARE(jane.state(), QProcess::Running); // still waiting for her lock

    janesLock.release();
    const Run janeDone = record(finishApp(jane, 60000), false);
    QCOMPARE(janeDone.exitCode, 0);
    const QString janeToken = QString::fromUtf8(janeDone.out).trimmed();
    m_secretsSeen << janeToken;
    QCOMPARE(accountOfToken(*m_shortLived, janeToken), kJane);
}

// jane's grant is revoked at the server (in WebinarGeek's settings, say): her `token` fails and
// asks her to sign in again, while john stays connected and active.
void TestAccountsCli::oneRevokedTheOtherStaysConnected()
{
    const QProcessEnvironment env = m_shortLived->environment();
    const Configuration config = m_shortLived->configuration();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QVERIFY(signIn(env, QStringLiteral("john")));
    const QString refreshToken = storedRefreshToken(config, kJane);
    QVERIFY(!refreshToken.isEmpty());
    m_secretsSeen << refreshToken;
    QNetworkAccessManager network;
    QNetworkRequest revoke(config.revokeUrl);
    revoke.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply =
        network.post(revoke, "client_id=webinargeek-connect-sandbox&token=" + QUrl::toPercentEncoding(refreshToken));
    QVERIFY(waitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
    QTest::qWait(2500); // both access tokens expire

    const Run jane = record(runApp(env, {QStringLiteral("token"), QStringLiteral("--account"), kJane}), false);
    QCOMPARE(jane.exitCode, 1);
    QVERIFY(jane.out.isEmpty());
    QVERIFY2(jane.err.contains(QLatin1String("invalid_grant")), qPrintable(jane.err));
    QVERIFY(jane.err.contains(QLatin1String("Sign in again")));

    const QString john = token(env);
    QCOMPARE(accountOfToken(*m_shortLived, john), kJohn);
    int exitCode = -1;
    const QJsonObject status = statusJson(env, {}, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(emailOf(status), kJohn);
    QCOMPARE(listedAccount(status, kJohn).value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QVERIFY(listedAccount(status, kJohn).value(QLatin1String("active")).toBool());
    // jane's tokens are gone, but she stays listed, so the person knows whom to sign in again as.
    const QJsonObject janeListed = listedAccount(status, kJane);
    QVERIFY(!janeListed.isEmpty());
    QCOMPARE(janeListed.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    // Signing in again brings her back beside john.
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QCOMPARE(accountOfToken(*m_shortLived, token(env, {QStringLiteral("--account"), kJane})), kJane);
    QCOMPARE(accountOfToken(*m_shortLived, token(env, {QStringLiteral("--account"), kJohn})), kJohn);
}

// logout --account, plain logout (the active one; the first left becomes active, and it says
// which), and logout --all. Each revokes that account's tokens only.
void TestAccountsCli::removal()
{
    const QProcessEnvironment env = m_sandbox->environment();
    QVERIFY(signIn(env, QStringLiteral("jane")));
    QVERIFY(signIn(env, QStringLiteral("john")));
    QVERIFY(signIn(env, QStringLiteral("joe")));
    const QString kJoe = QStringLiteral("joe@example.com");
    const QString jane = token(env, {QStringLiteral("--account"), kJane});
    const QString john = token(env, {QStringLiteral("--account"), kJohn});
    const QString joe = token(env, {QStringLiteral("--account"), kJoe});

    Run logout = run(env, {QStringLiteral("logout"), QStringLiteral("--account"), QStringLiteral("john@")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.err.contains(QStringLiteral("Signed out of %1").arg(kJohn)), qPrintable(logout.err));
    QVERIFY2(!logout.err.contains(QLatin1String("active account is now")), qPrintable(logout.err));
    QCOMPARE(m_sandbox->accountStatus(john), 401);
    QCOMPARE(m_sandbox->accountStatus(jane), 200);
    QCOMPARE(listed(statusJson(env)), (QStringList {kJane, kJoe + QLatin1Char('*')}));

    logout = run(env, {QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.err.contains(QStringLiteral("Signed out of %1").arg(kJoe)), qPrintable(logout.err));
    QVERIFY2(logout.err.contains(QStringLiteral("The active account is now %1").arg(kJane)), qPrintable(logout.err));
    QCOMPARE(m_sandbox->accountStatus(joe), 401);
    QCOMPARE(m_sandbox->accountStatus(jane), 200);
    QCOMPARE(listed(statusJson(env)), QStringList {kJane + QLatin1Char('*')});
    QCOMPARE(token(env), jane);

    QVERIFY(signIn(env, QStringLiteral("john")));
    const QString john2 = token(env);
    logout = run(env, {QStringLiteral("logout"), QStringLiteral("--all")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.err.contains(QStringLiteral("Signed out of %1").arg(kJane)), qPrintable(logout.err));
    QVERIFY2(logout.err.contains(QLatin1String("Signed out; nothing is stored any more.")), qPrintable(logout.err));
    QCOMPARE(m_sandbox->accountStatus(jane), 401);
    QCOMPARE(m_sandbox->accountStatus(john2), 401);
    int exitCode = -1;
    const QJsonObject status = statusJson(env, {}, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_out"));
    QVERIFY(status.value(QLatin1String("accounts")).toArray().isEmpty());
    const Run after = run(env, {QStringLiteral("token")});
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.out.isEmpty());
}

// An earlier version kept one session under the client's key and wrote no list of accounts: it
// is the first account, signed in, with no new sign-in; a second one goes beside it.
void TestAccountsCli::upgradeFromOneSession()
{
    const QProcessEnvironment env = m_sandbox->environment();
    const Configuration config = m_sandbox->configuration();
    QFile::remove(AccountIndex::defaultPath());
    {
        // What the earlier version did: one Session over the client's own key.
        SessionRig rig(config);
        QVERIFY(signInWithBrowser(rig.session));
    }
    QVERIFY(!QFile::exists(AccountIndex::defaultPath()));

    int exitCode = -1;
    QJsonObject status = statusJson(env, {}, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(status.value(QLatin1String("state")).toString(), QStringLiteral("signed_in"));
    QCOMPARE(emailOf(status), kJane);
    QCOMPARE(listed(status), QStringList {kJane + QLatin1Char('*')});
    const QString jane = token(env);
    QCOMPARE(accountOfToken(*m_sandbox, jane), kJane);
    QCOMPARE(token(env, {QStringLiteral("--account"), QStringLiteral("jane")}), jane);

    QVERIFY(signIn(env, QStringLiteral("john")));
    status = statusJson(env);
    QCOMPARE(listed(status), (QStringList {kJane, kJohn + QLatin1Char('*')}));
    QCOMPARE(token(env, {QStringLiteral("--account"), QStringLiteral("jane")}), jane);
    // The earlier version's entry is still the first account's: it was not moved or copied.
    TokenStore first(config.storageKey());
    const TokenStore::Result stored = KeychainAccess::load(first, false);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QCOMPARE(stored.session.email, kJane);
}

void TestAccountsCli::secretsNeverLeak()
{
    QVERIFY(m_secretsSeen.size() > 10);
    const QByteArray onDisk = everyFileUnder(QDir::homePath());
    for (const QString &secret : qAsConst(m_secretsSeen)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!g_allOutput.contains(secret.toUtf8()), "a secret appeared in the output of a command");
        QVERIFY2(!onDisk.contains(secret.toUtf8()), "a secret appeared in a file under HOME");
    }
}

QTEST_GUILESS_MAIN(TestAccountsCli)
#include "TestAccountsCli.moc"
