#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"

#include <QTest>

#include <vector>

// The command line: which arguments mean "command line, not window", and which are usage
// errors before anything runs.
class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void wantsCommandLine_data();
    void wantsCommandLine();
    void rejects_data();
    void rejects();
    void accepts_data();
    void accepts();
    void port();
    void helpAndVersion_data();
    void helpAndVersion();
    void apiOptions();
    void applyToOverridesEnvironment();
    void applyToLeavesUnsetOptionsAlone();
    void issuerOption();
    void accountOptions_data();
    void accountOptions();
    void chosenAccount_data();
    void chosenAccount();

private:
    static QStringList withProgram(const QStringList &arguments);
};

QStringList TestCommandLine::withProgram(const QStringList &arguments)
{
    return QStringList {QStringLiteral("webinargeek-connect")} + arguments;
}

void TestCommandLine::wantsCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("wanted");

    QTest::newRow("no arguments") << QStringList() << false;
    QTest::newRow("status") << QStringList {QStringLiteral("status")} << true;
    QTest::newRow("login") << QStringList {QStringLiteral("login")} << true;
    QTest::newRow("option value is skipped")
        << QStringList {QStringLiteral("--client-id"), QStringLiteral("x")} << false;
    QTest::newRow("option value that looks like a command")
        << QStringList {QStringLiteral("--client-id"), QStringLiteral("status")} << false;
    QTest::newRow("--help") << QStringList {QStringLiteral("--help")} << true;
    QTest::newRow("-h") << QStringList {QStringLiteral("-h")} << true;
    QTest::newRow("--help-all") << QStringList {QStringLiteral("--help-all")} << true;
    QTest::newRow("--version") << QStringList {QStringLiteral("--version")} << true;
    QTest::newRow("-v") << QStringList {QStringLiteral("-v")} << true;
    QTest::newRow("command after an option and its value")
        << QStringList {QStringLiteral("--scope"), QStringLiteral("api"), QStringLiteral("login")} << true;
    QTest::newRow("flag then command") << QStringList {QStringLiteral("--json"), QStringLiteral("status")} << true;
    QTest::newRow("stray word") << QStringList {QStringLiteral("bogus")} << true;
    QTest::newRow("switch") << QStringList {QStringLiteral("switch")} << true;
    QTest::newRow("--account value that looks like a command")
        << QStringList {QStringLiteral("--account"), QStringLiteral("status")} << false;
    QTest::newRow("--account value then command")
        << QStringList {QStringLiteral("--account"), QStringLiteral("jane"), QStringLiteral("token")} << true;
    QTest::newRow("endpoint options only") << QStringList {QStringLiteral("--token-url"), QStringLiteral("https://x/t"),
                                                           QStringLiteral("--api-url"), QStringLiteral("https://x/api")}
                                           << false;
    // The window with --port: the window reports the usage error (--port goes with login).
    QTest::newRow("--port value is skipped") << QStringList {QStringLiteral("--port"), QStringLiteral("8080")} << false;
    QTest::newRow("--port value then command")
        << QStringList {QStringLiteral("--port"), QStringLiteral("8080"), QStringLiteral("login")} << true;
    // api: the values of its options are skipped too.
    QTest::newRow("api after -X and -f") << QStringList {QStringLiteral("-X"),  QStringLiteral("GET"),
                                                         QStringLiteral("-f"),  QStringLiteral("a=b"),
                                                         QStringLiteral("api"), QStringLiteral("account")}
                                         << true;
    QTest::newRow("-H value that looks like a command")
        << QStringList {QStringLiteral("-H"), QStringLiteral("status")} << false;
}

void TestCommandLine::wantsCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, wanted);

    std::vector<QByteArray> storage;
    storage.push_back(QByteArrayLiteral("webinargeek-connect"));
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    QCOMPARE(CommandLine::wantsCommandLine(int(storage.size()), argv.data()), wanted);
}

void TestCommandLine::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions"); // a word the error must contain

    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
    // The stray word is not repeated back (it may be a secret): the message says what to do.
    QTest::newRow("two commands") << QStringList {QStringLiteral("token"), QStringLiteral("extra")}
                                  << QStringLiteral("Too many arguments");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("status"), QStringLiteral("--colour")}
                                    << QStringLiteral("colour");
    QTest::newRow("--no-browser with status")
        << QStringList {QStringLiteral("status"), QStringLiteral("--no-browser")} << QStringLiteral("--no-browser");
    QTest::newRow("--no-browser without command")
        << QStringList {QStringLiteral("--no-browser")} << QStringLiteral("--no-browser");
    QTest::newRow("--json with login") << QStringList {QStringLiteral("login"), QStringLiteral("--json")}
                                       << QStringLiteral("--json");
    QTest::newRow("--timeout with token")
        << QStringList {QStringLiteral("token"), QStringLiteral("--timeout"), QStringLiteral("60")}
        << QStringLiteral("--timeout");
    QTest::newRow("--timeout 0") << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"),
                                                 QStringLiteral("0")}
                                 << QStringLiteral("--timeout");
    QTest::newRow("--timeout -5") << QStringList {QStringLiteral("login"), QStringLiteral("--timeout=-5")}
                                  << QStringLiteral("--timeout");
    QTest::newRow("--timeout abc") << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"),
                                                   QStringLiteral("abc")}
                                   << QStringLiteral("--timeout");
    QTest::newRow("--timeout 90000") << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"),
                                                     QStringLiteral("90000")}
                                     << QStringLiteral("--timeout");
    QTest::newRow("--timeout without value")
        << QStringList {QStringLiteral("login"), QStringLiteral("--timeout")} << QStringLiteral("timeout");
    QTest::newRow("--port with status") << QStringList {QStringLiteral("status"), QStringLiteral("--port"),
                                                        QStringLiteral("8080")}
                                        << QStringLiteral("--port goes with login");
    QTest::newRow("--port with api") << QStringList {QStringLiteral("api"), QStringLiteral("account"),
                                                     QStringLiteral("--port"), QStringLiteral("8080")}
                                     << QStringLiteral("--port does not go with api");
    QTest::newRow("--port with the window")
        << QStringList {QStringLiteral("--port"), QStringLiteral("8080")} << QStringLiteral("--port goes with login");
    QTest::newRow("--port with --api-key")
        << QStringList {QStringLiteral("login"), QStringLiteral("--api-key"), QStringLiteral("--port=8080")}
        << QStringLiteral("--api-key");
    for (const char *value : {"0", "65536", "-1", "http", "80.5", ""}) {
        QTest::addRow("--port %s", value)
            << QStringList {QStringLiteral("login"), QStringLiteral("--port"), QString::fromLatin1(value)}
            << QStringLiteral("--port takes a port number from 1 to 65535");
    }
    // accounts
    QTest::newRow("--account with login")
        << QStringList {QStringLiteral("login"), QStringLiteral("--account"), QStringLiteral("jane")}
        << QStringLiteral("--account goes with status, token, api and logout");
    QTest::newRow("--account with the window") << QStringList {QStringLiteral("--account"), QStringLiteral("jane")}
                                               << QStringLiteral("--account goes with status, token, api and logout");
    QTest::newRow("--account with switch")
        << QStringList {QStringLiteral("switch"), QStringLiteral("--account"), QStringLiteral("jane")}
        << QStringLiteral("switch ACCOUNT");
    QTest::newRow("--account empty") << QStringList {QStringLiteral("token"), QStringLiteral("--account=")}
                                     << QStringLiteral("--account needs an account's email");
    QTest::newRow("--account without value")
        << QStringList {QStringLiteral("token"), QStringLiteral("--account")} << QStringLiteral("account");
    QTest::newRow("--all with status") << QStringList {QStringLiteral("status"), QStringLiteral("--all")}
                                       << QStringLiteral("--all goes with logout");
    QTest::newRow("--all with api") << QStringList {QStringLiteral("api"), QStringLiteral("x"), QStringLiteral("--all")}
                                    << QStringLiteral("--all does not go with api");
    QTest::newRow("--all and --account") << QStringList {QStringLiteral("logout"), QStringLiteral("--all"),
                                                         QStringLiteral("--account"), QStringLiteral("jane")}
                                         << QStringLiteral("--all and --account do not go together");
    QTest::newRow("switch with two accounts")
        << QStringList {QStringLiteral("switch"), QStringLiteral("jane"), QStringLiteral("john")}
        << QStringLiteral("Too many arguments");
    QTest::newRow("switch --json") << QStringList {QStringLiteral("switch"), QStringLiteral("--json")}
                                   << QStringLiteral("--json goes with status");
    // api
    QTest::newRow("api without PATH") << QStringList {QStringLiteral("api")} << QStringLiteral("PATH");
    QTest::newRow("api with two paths") << QStringList {QStringLiteral("api"), QStringLiteral("a"), QStringLiteral("b")}
                                        << QStringLiteral("Too many arguments");
    QTest::newRow("-X with token") << QStringList {QStringLiteral("token"), QStringLiteral("-X"), QStringLiteral("GET")}
                                   << QStringLiteral("--method");
    QTest::newRow("--verbose with token")
        << QStringList {QStringLiteral("token"), QStringLiteral("--verbose")} << QStringLiteral("--verbose");
    QTest::newRow("-i with status") << QStringList {QStringLiteral("status"), QStringLiteral("-i")}
                                    << QStringLiteral("--include");
    QTest::newRow("--json with api") << QStringList {QStringLiteral("api"), QStringLiteral("x"),
                                                     QStringLiteral("--json")}
                                     << QStringLiteral("--json");
    QTest::newRow("--max-wait -1") << QStringList {QStringLiteral("api"), QStringLiteral("x"),
                                                   QStringLiteral("--max-wait=-1")}
                                   << QStringLiteral("--max-wait");
    QTest::newRow("--max-wait abc") << QStringList {QStringLiteral("api"), QStringLiteral("x"),
                                                    QStringLiteral("--max-wait"), QStringLiteral("abc")}
                                    << QStringLiteral("--max-wait");
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    CommandLine commandLine;
    QVERIFY(!commandLine.parse(withProgram(arguments)));
    QVERIFY2(commandLine.errorText().contains(mentions), qPrintable(commandLine.errorText()));
}

void TestCommandLine::accepts_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<bool>("noBrowser");
    QTest::addColumn<bool>("json");

    QTest::newRow("window") << QStringList() << QString() << 300 << false << false;
    QTest::newRow("login, defaults") << QStringList {QStringLiteral("login")} << QStringLiteral("login") << 300 << false
                                     << false;
    QTest::newRow("login --timeout 60 --no-browser")
        << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"), QStringLiteral("60"),
                        QStringLiteral("--no-browser")}
        << QStringLiteral("login") << 60 << true << false;
    QTest::newRow("options before the command")
        << QStringList {QStringLiteral("--no-browser"), QStringLiteral("--timeout=1"), QStringLiteral("login")}
        << QStringLiteral("login") << 1 << true << false;
    QTest::newRow("login --timeout 86400")
        << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"), QStringLiteral("86400")}
        << QStringLiteral("login") << 86400 << false << false;
    QTest::newRow("status --json") << QStringList {QStringLiteral("status"), QStringLiteral("--json")}
                                   << QStringLiteral("status") << 300 << false << true;
    QTest::newRow("token") << QStringList {QStringLiteral("token")} << QStringLiteral("token") << 300 << false << false;
    QTest::newRow("logout with endpoint options")
        << QStringList {QStringLiteral("logout"), QStringLiteral("--client-id"), QStringLiteral("status"),
                        QStringLiteral("--revoke-url"), QStringLiteral("https://x/revoke")}
        << QStringLiteral("logout") << 300 << false << false;
}

// Which account a command is about: --account on the four commands that take it, --all on
// logout, and switch's ACCOUNT.
void TestCommandLine::accountOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("account");
    QTest::addColumn<bool>("all");
    QTest::addColumn<QString>("switchTo");

    for (const char *command : {"status", "token", "logout"}) {
        QTest::addRow("%s --account", command)
            << QStringList {QString::fromLatin1(command), QStringLiteral("--account"), QStringLiteral("jane@")}
            << QString::fromLatin1(command) << QStringLiteral("jane@") << false << QString();
    }
    QTest::newRow("--account before the command")
        << QStringList {QStringLiteral("--account=John@Example.com"), QStringLiteral("status"),
                        QStringLiteral("--json")}
        << QStringLiteral("status") << QStringLiteral("John@Example.com") << false << QString();
    QTest::newRow("api --account") << QStringList {QStringLiteral("api"), QStringLiteral("account"),
                                                   QStringLiteral("--account"), QStringLiteral("j")}
                                   << QStringLiteral("api") << QStringLiteral("j") << false << QString();
    QTest::newRow("logout --all") << QStringList {QStringLiteral("logout"), QStringLiteral("--all")}
                                  << QStringLiteral("logout") << QString() << true << QString();
    QTest::newRow("plain logout") << QStringList {QStringLiteral("logout")} << QStringLiteral("logout") << QString()
                                  << false << QString();
    QTest::newRow("switch") << QStringList {QStringLiteral("switch")} << QStringLiteral("switch") << QString() << false
                            << QString();
    QTest::newRow("switch ACCOUNT") << QStringList {QStringLiteral("switch"), QStringLiteral("john")}
                                    << QStringLiteral("switch") << QString() << false << QStringLiteral("john");
}

void TestCommandLine::accountOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, command);
    QFETCH(QString, account);
    QFETCH(bool, all);
    QFETCH(QString, switchTo);

    CommandLine commandLine;
    QVERIFY2(commandLine.parse(withProgram(arguments)), qPrintable(commandLine.errorText()));
    QCOMPARE(commandLine.command(), command);
    QCOMPARE(commandLine.account(), account);
    QCOMPARE(commandLine.allAccounts(), all);
    QCOMPARE(commandLine.switchTo(), switchTo);
}

// switch at a terminal: the number typed for one of `count` accounts.
void TestCommandLine::chosenAccount_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("index");

    QTest::newRow("first") << QByteArray("1") << 2 << 0;
    QTest::newRow("last, with spaces") << QByteArray(" 3 ") << 3 << 2;
    QTest::newRow("past the last") << QByteArray("3") << 2 << -1;
    QTest::newRow("zero") << QByteArray("0") << 2 << -1;
    QTest::newRow("negative") << QByteArray("-1") << 2 << -1;
    QTest::newRow("empty") << QByteArray() << 2 << -1;
    QTest::newRow("an email") << QByteArray("jane@example.com") << 2 << -1;
    QTest::newRow("hexadecimal") << QByteArray("0x1") << 2 << -1;
    QTest::newRow("number and more") << QByteArray("1 please") << 2 << -1;
}

void TestCommandLine::chosenAccount()
{
    QFETCH(QByteArray, typed);
    QFETCH(int, count);
    QFETCH(int, index);
    QCOMPARE(CommandRunner::chosenIndex(typed, count), index);
}

void TestCommandLine::accepts()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, command);
    QFETCH(int, timeout);
    QFETCH(bool, noBrowser);
    QFETCH(bool, json);

    CommandLine commandLine;
    QVERIFY2(commandLine.parse(withProgram(arguments)), qPrintable(commandLine.errorText()));
    QVERIFY(commandLine.errorText().isEmpty());
    QCOMPARE(commandLine.command(), command);
    QCOMPARE(commandLine.timeoutSeconds(), timeout);
    QCOMPARE(commandLine.noBrowser(), noBrowser);
    QCOMPARE(commandLine.json(), json);
    QVERIFY(!commandLine.helpRequested());
    QVERIFY(!commandLine.versionRequested());
}

void TestCommandLine::port()
{
    CommandLine withPort;
    QVERIFY2(withPort.parse(withProgram({QStringLiteral("login"), QStringLiteral("--no-browser"),
                                         QStringLiteral("--port"), QStringLiteral("65535")})),
             qPrintable(withPort.errorText()));
    QCOMPARE(withPort.port(), quint16(65535));
    CommandLine one;
    QVERIFY(one.parse(withProgram({QStringLiteral("--port=1"), QStringLiteral("login")})));
    QCOMPARE(one.port(), quint16(1));
    CommandLine without;
    QVERIFY(without.parse(withProgram({QStringLiteral("login")})));
    QCOMPARE(without.port(), quint16(0)); // a free port
}

void TestCommandLine::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("help");
    QTest::addColumn<bool>("version");

    QTest::newRow("--help") << QStringList {QStringLiteral("--help")} << true << false;
    QTest::newRow("-h with a command") << QStringList {QStringLiteral("login"), QStringLiteral("-h")} << true << false;
    QTest::newRow("--version") << QStringList {QStringLiteral("--version")} << false << true;
    QTest::newRow("api -h") << QStringList {QStringLiteral("api"), QStringLiteral("-h")} << true << false;
    QTest::newRow("api PATH -v") << QStringList {QStringLiteral("api"), QStringLiteral("x"), QStringLiteral("-v")}
                                 << false << true;
}

// Every option of api as gh api spells it; -f and -F are told apart.
void TestCommandLine::apiOptions()
{
    CommandLine commandLine;
    QVERIFY2(commandLine.parse(withProgram(
                 {QStringLiteral("api"), QStringLiteral("/echo?x=1"), QStringLiteral("-X"), QStringLiteral("PUT"),
                  QStringLiteral("-f"), QStringLiteral("a=b"), QStringLiteral("-F"), QStringLiteral("n=1"),
                  QStringLiteral("--raw-field"), QStringLiteral("c=d"), QStringLiteral("-H"), QStringLiteral("X-A: 1"),
                  QStringLiteral("--input"), QStringLiteral("-"), QStringLiteral("-i"), QStringLiteral("--silent"),
                  QStringLiteral("--max-wait"), QStringLiteral("5"), QStringLiteral("--verbose")})),
             qPrintable(commandLine.errorText()));
    QCOMPARE(commandLine.command(), QStringLiteral("api"));
    QCOMPARE(commandLine.apiPath(), QStringLiteral("/echo?x=1"));
    QCOMPARE(commandLine.apiMethod(), QStringLiteral("PUT"));
    QCOMPARE(commandLine.apiRawFields(), (QStringList {QStringLiteral("a=b"), QStringLiteral("c=d")}));
    QCOMPARE(commandLine.apiTypedFields(), QStringList {QStringLiteral("n=1")});
    QCOMPARE(commandLine.apiHeaders(), QStringList {QStringLiteral("X-A: 1")});
    QCOMPARE(commandLine.apiInput(), QStringLiteral("-"));
    QVERIFY(commandLine.apiInclude());
    QVERIFY(commandLine.apiSilent());
    QCOMPARE(commandLine.apiMaxWaitSeconds(), 5);
    QVERIFY(commandLine.apiVerbose());

    CommandLine defaults;
    QVERIFY(defaults.parse(withProgram({QStringLiteral("api"), QStringLiteral("account")})));
    QCOMPARE(defaults.apiMaxWaitSeconds(), 60);
    QVERIFY(defaults.apiMethod().isEmpty() && defaults.apiInput().isEmpty());
    QVERIFY(!defaults.apiInclude() && !defaults.apiSilent() && !defaults.apiVerbose());
}

void TestCommandLine::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, help);
    QFETCH(bool, version);

    CommandLine commandLine;
    QVERIFY2(commandLine.parse(withProgram(arguments)), qPrintable(commandLine.errorText()));
    QCOMPARE(commandLine.helpRequested(), help);
    QCOMPARE(commandLine.versionRequested(), version);
    const QString helpText = commandLine.helpText();
    for (const QString &command : CommandLine::commands())
        QVERIFY2(helpText.contains(command), qPrintable(command));
    QVERIFY(helpText.contains(QLatin1String("WEBINARGEEK_CLIENT_SECRET")));
}

void TestCommandLine::applyToOverridesEnvironment()
{
    CommandLine commandLine;
    QVERIFY(commandLine.parse(withProgram({
        QStringLiteral("status"),
        QStringLiteral("--authorize-url"),
        QStringLiteral("https://opt.example/authorize"),
        QStringLiteral("--token-url"),
        QStringLiteral("https://opt.example/token"),
        QStringLiteral("--revoke-url"),
        QStringLiteral("https://opt.example/revoke"),
        QStringLiteral("--api-url"),
        QStringLiteral("https://opt.example/api"),
        QStringLiteral("--client-id"),
        QStringLiteral("opt-client"),
        QStringLiteral("--scope"),
        QStringLiteral("opt-scope"),
    })));

    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"), QStringLiteral("https://env.example/authorize"));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://env.example/token"));
    env.insert(QStringLiteral("WEBINARGEEK_REVOKE_URL"), QStringLiteral("https://env.example/revoke"));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), QStringLiteral("https://env.example/api"));
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), QStringLiteral("env-client"));
    env.insert(QStringLiteral("WEBINARGEEK_SCOPE"), QStringLiteral("env-scope"));
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), QStringLiteral("env-secret"));
    ConfigurationLoader loader(env, nullptr);
    commandLine.applyTo(&loader);
    const Configuration config = loader.load();

    QCOMPARE(config.authorizeUrl, QUrl(QStringLiteral("https://opt.example/authorize")));
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://opt.example/token")));
    QCOMPARE(config.revokeUrl, QUrl(QStringLiteral("https://opt.example/revoke")));
    QCOMPARE(config.apiUrl, QUrl(QStringLiteral("https://opt.example/api")));
    QCOMPARE(config.clientId, QStringLiteral("opt-client"));
    QCOMPARE(config.scope, QStringLiteral("opt-scope"));
    QVERIFY(config.clientSecret == QStringLiteral("env-secret"));
}

void TestCommandLine::applyToLeavesUnsetOptionsAlone()
{
    CommandLine commandLine;
    QVERIFY(commandLine.parse(withProgram({QStringLiteral("--client-id"), QStringLiteral("opt-client")})));

    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://env.example/token"));
    ConfigurationLoader loader(env, nullptr);
    commandLine.applyTo(&loader);
    const Configuration config = loader.load();

    QCOMPARE(config.clientId, QStringLiteral("opt-client"));
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://env.example/token")));
    QCOMPARE(config.apiUrl, QUrl(QStringLiteral("https://app.webinargeek.com/api/v2")));
}

// Issue 15, 3: --issuer wins over WEBINARGEEK_ISSUER, and its value is no command.
void TestCommandLine::issuerOption()
{
    CommandLine commandLine;
    QVERIFY(commandLine.parse(withProgram(
        {QStringLiteral("--issuer"), QStringLiteral("https://opt.example.invalid"), QStringLiteral("token")})));
    QCOMPARE(commandLine.command(), QStringLiteral("token"));
    QCOMPARE(commandLine.options().value(Setting::Issuer), QStringLiteral("https://opt.example.invalid"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_ISSUER"), QStringLiteral("https://env.example.invalid"));
    ConfigurationLoader loader(env, nullptr);
    commandLine.applyTo(&loader);
    QCOMPARE(loader.load().issuer, QUrl(QStringLiteral("https://opt.example.invalid")));
    QVERIFY(commandLine.helpText().contains(QLatin1String("WEBINARGEEK_ISSUER")));

    const QByteArray program("webinargeek-connect"), option("--issuer"), value("status");
    char *argv[] = {const_cast<char *>(program.constData()), const_cast<char *>(option.constData()),
                    const_cast<char *>(value.constData()), nullptr};
    QVERIFY(!CommandLine::wantsCommandLine(3, argv)); // "status" is the issuer here, not a command
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
