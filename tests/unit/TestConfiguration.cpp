#include "config/Configuration.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(Setting)

// Where each setting comes from (option > environment > settings file > default), what
// problems() refuses, and what keeps sessions of different servers apart.
class TestConfiguration : public QObject
{
    Q_OBJECT

private slots:
    void settingDefaults();
    void initTestCase();

    void precedence_data();
    void precedence();
    void defaults();
    void valuesAreTrimmed();
    void handWrittenSettingsFile_data();
    void handWrittenSettingsFile();
    void clientSecretComesOnlyFromEnvironment();
    void settingNames_data();
    void settingNames();

    void problems_data();
    void problems();
    void apiKeyProblems();
    void missingClientId();
    void defaultConfigurationIsComplete();

    void storageKey_data();
    void storageKey();

private:
    static const SettingNames &namesOf(Setting setting);
    std::unique_ptr<QSettings> settingsFile(const QHash<QString, QString> &values);
    static Configuration goodConfiguration();

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestConfiguration::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

const SettingNames &TestConfiguration::namesOf(Setting setting)
{
    for (const SettingNames &names : allSettings()) {
        if (names.setting == setting)
            return names;
    }
    qFatal("setting missing from allSettings()");
}

std::unique_ptr<QSettings> TestConfiguration::settingsFile(const QHash<QString, QString> &values)
{
    const QString path = m_dir.filePath(QStringLiteral("settings-%1.conf").arg(++m_files));
    auto settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    for (auto it = values.begin(); it != values.end(); ++it)
        settings->setValue(it.key(), it.value());
    settings->sync();
    return settings;
}

Configuration TestConfiguration::goodConfiguration()
{
    Configuration config;
    config.authorizeUrl = QUrl(QStringLiteral("https://app.webinargeek.com/oauth/authorize"));
    config.tokenUrl = QUrl(QStringLiteral("https://app.webinargeek.com/oauth/token"));
    config.apiUrl = QUrl(QStringLiteral("https://app.webinargeek.com/api/v2"));
    config.clientId = QStringLiteral("client-1");
    return config;
}

void TestConfiguration::precedence_data()
{
    QTest::addColumn<Setting>("setting");
    QTest::addColumn<QString>("option"); // empty: not given
    QTest::addColumn<QString>("env"); // empty: not set
    QTest::addColumn<QString>("fromFile"); // empty: not in the file
    QTest::addColumn<QString>("expected");

    struct Row
    {
        const char *name;
        Setting setting;
        const char *option, *env, *file, *fallback;
    };
    const Row rows[] = {
        {"authorize url", Setting::AuthorizeUrl, "https://opt.example/authorize", "https://env.example/authorize",
         "https://file.example/authorize", "https://app.webinargeek.com/oauth/authorize"},
        {"token url", Setting::TokenUrl, "https://opt.example/token", "https://env.example/token",
         "https://file.example/token", "https://app.webinargeek.com/oauth/token"},
        {"revoke url", Setting::RevokeUrl, "https://opt.example/revoke", "https://env.example/revoke",
         "https://file.example/revoke", ""},
        {"api url", Setting::ApiUrl, "https://opt.example/api", "https://env.example/api", "https://file.example/api",
         "https://app.webinargeek.com/api/v2"},
        {"client id", Setting::ClientId, "opt-client", "env-client", "file-client", ""},
        {"scope", Setting::Scope, "opt-scope", "env-scope", "file-scope", ""},
    };
    for (const Row &row : rows) {
        const QString option = QString::fromLatin1(row.option);
        const QString env = QString::fromLatin1(row.env);
        const QString file = QString::fromLatin1(row.file);
        const QString fallback = QString::fromLatin1(row.fallback);
        const auto name = [&row](const char *sources) { return QByteArray(QByteArray(row.name) + ": " + sources); };
        QTest::newRow(name("option over all").constData()) << row.setting << option << env << file << option;
        QTest::newRow(name("option over env").constData()) << row.setting << option << env << QString() << option;
        QTest::newRow(name("option over file").constData()) << row.setting << option << QString() << file << option;
        QTest::newRow(name("option only").constData()) << row.setting << option << QString() << QString() << option;
        QTest::newRow(name("env over file").constData()) << row.setting << QString() << env << file << env;
        QTest::newRow(name("env only").constData()) << row.setting << QString() << env << QString() << env;
        QTest::newRow(name("file only").constData()) << row.setting << QString() << QString() << file << file;
        QTest::newRow(name("default").constData()) << row.setting << QString() << QString() << QString() << fallback;
    }
}

void TestConfiguration::precedence()
{
    QFETCH(Setting, setting);
    QFETCH(QString, option);
    QFETCH(QString, env);
    QFETCH(QString, fromFile);
    QFETCH(QString, expected);

    const SettingNames &names = namesOf(setting);
    QVERIFY(names.option);

    QProcessEnvironment environment;
    // Values of the other settings must not leak into this one.
    environment.insert(QStringLiteral("WEBINARGEEK_UNRELATED"), QStringLiteral("x"));
    if (!env.isEmpty())
        environment.insert(QString::fromLatin1(names.envVar), env);

    QHash<QString, QString> values;
    if (!fromFile.isEmpty())
        values.insert(QString::fromLatin1(names.settingsKey), fromFile);
    const auto settings = settingsFile(values);

    ConfigurationLoader loader(environment, settings.get());
    if (!option.isEmpty())
        loader.setOption(setting, option);
    const Configuration config = loader.load();

    QCOMPARE(config.value(setting), expected);
    // Every other setting still has its default.
    for (const SettingNames &other : allSettings()) {
        if (other.setting == setting)
            continue;
        const Configuration defaults = ConfigurationLoader(QProcessEnvironment(), nullptr).load();
        QCOMPARE(config.value(other.setting), defaults.value(other.setting));
    }
}

void TestConfiguration::defaults()
{
    const Configuration config = ConfigurationLoader(QProcessEnvironment(), nullptr).load();
    QCOMPARE(config.authorizeUrl, QUrl(QStringLiteral("https://app.webinargeek.com/oauth/authorize")));
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://app.webinargeek.com/oauth/token")));
    QCOMPARE(config.apiUrl, QUrl(QStringLiteral("https://app.webinargeek.com/api/v2")));
    QVERIFY(config.revokeUrl.isEmpty());
    QVERIFY(config.scope.isEmpty());
    QVERIFY(config.clientId.isEmpty());
    QVERIFY(config.clientSecret.isEmpty());
}

void TestConfiguration::valuesAreTrimmed()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), QStringLiteral("  spaced-client \n"));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral(" https://env.example/token "));
    const Configuration config = ConfigurationLoader(env, nullptr).load();
    QCOMPARE(config.clientId, QStringLiteral("spaced-client"));
    QCOMPARE(config.tokenUrl, QUrl(QStringLiteral("https://env.example/token")));
}

void TestConfiguration::handWrittenSettingsFile_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Setting>("setting");
    QTest::addColumn<QString>("expected");

    // The file is documented for people to edit, so it is read as they write it.
    QTest::newRow("plain value") << QByteArray("client_id=file-client") << Setting::ClientId
                                 << QStringLiteral("file-client");
    QTest::newRow("spaces around =") << QByteArray("client_id = file-client") << Setting::ClientId
                                     << QStringLiteral("file-client");
    QTest::newRow("space-separated scope")
        << QByteArray("scope=api openid") << Setting::Scope << QStringLiteral("api openid");
    QTest::newRow("quoted comma") << QByteArray("scope=\"read,write\"") << Setting::Scope
                                  << QStringLiteral("read,write");
    QTest::newRow("under [General]") << QByteArray("[General]\ntoken_url=https://file.example/token")
                                     << Setting::TokenUrl << QStringLiteral("https://file.example/token");
    // QSettings reads an unquoted comma as a list; toString() of a list is empty, so the value
    // is dropped and the built-in default is used instead, without a word.
    QTest::newRow("unquoted comma in scope")
        << QByteArray("scope=read,write") << Setting::Scope << QStringLiteral("read,write");
    QTest::newRow("unquoted comma in a URL")
        << QByteArray("authorize_url=https://file.example/authorize?prompt=login,consent") << Setting::AuthorizeUrl
        << QStringLiteral("https://file.example/authorize?prompt=login,consent");
}

void TestConfiguration::handWrittenSettingsFile()
{
    QFETCH(QByteArray, line);
    QFETCH(Setting, setting);
    QFETCH(QString, expected);

    const QString path = m_dir.filePath(QStringLiteral("hand-written-%1.conf").arg(++m_files));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(line + '\n') > 0);
    file.close();

    const QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.status(), QSettings::NoError);
    const Configuration config = ConfigurationLoader(QProcessEnvironment(), &settings).load();
    QCOMPARE(config.value(setting), expected);
}

void TestConfiguration::clientSecretComesOnlyFromEnvironment()
{
    const SettingNames &names = namesOf(Setting::ClientSecret);
    QVERIFY(names.option == nullptr); // other users can read a process's command line
    QCOMPARE(QByteArray(names.envVar), QByteArray("WEBINARGEEK_CLIENT_SECRET"));

    const auto settings = settingsFile({{QString::fromLatin1(names.settingsKey), QStringLiteral("file-secret")}});
    QCOMPARE(settings->value(QStringLiteral("client_secret")).toString(), QStringLiteral("file-secret"));

    // Not from the settings file, even when nothing else sets it.
    const Configuration withoutEnv = ConfigurationLoader(QProcessEnvironment(), settings.get()).load();
    QVERIFY(withoutEnv.clientSecret.isEmpty());

    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), QStringLiteral("env-secret"));
    const Configuration withEnv = ConfigurationLoader(env, settings.get()).load();
    QVERIFY(withEnv.clientSecret == QStringLiteral("env-secret"));
}

void TestConfiguration::settingNames_data()
{
    QTest::addColumn<Setting>("setting");
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<QByteArray>("envVar");
    QTest::addColumn<QByteArray>("settingsKey");

    // Outside scripts rely on these names.
    QTest::newRow("issuer") << Setting::Issuer << QByteArray("issuer") << QByteArray("WEBINARGEEK_ISSUER")
                            << QByteArray("issuer");
    QTest::newRow("authorize url") << Setting::AuthorizeUrl << QByteArray("authorize-url")
                                   << QByteArray("WEBINARGEEK_AUTHORIZE_URL") << QByteArray("authorize_url");
    QTest::newRow("token url") << Setting::TokenUrl << QByteArray("token-url") << QByteArray("WEBINARGEEK_TOKEN_URL")
                               << QByteArray("token_url");
    QTest::newRow("revoke url") << Setting::RevokeUrl << QByteArray("revoke-url")
                                << QByteArray("WEBINARGEEK_REVOKE_URL") << QByteArray("revoke_url");
    QTest::newRow("api url") << Setting::ApiUrl << QByteArray("api-url") << QByteArray("WEBINARGEEK_API_URL")
                             << QByteArray("api_url");
    QTest::newRow("client id") << Setting::ClientId << QByteArray("client-id") << QByteArray("WEBINARGEEK_CLIENT_ID")
                               << QByteArray("client_id");
    QTest::newRow("scope") << Setting::Scope << QByteArray("scope") << QByteArray("WEBINARGEEK_SCOPE")
                           << QByteArray("scope");
}

void TestConfiguration::settingNames()
{
    QFETCH(Setting, setting);
    QFETCH(QByteArray, option);
    QFETCH(QByteArray, envVar);
    QFETCH(QByteArray, settingsKey);

    const SettingNames &names = namesOf(setting);
    QVERIFY(names.option);
    QCOMPARE(QByteArray(names.option), option);
    QCOMPARE(QByteArray(names.envVar), envVar);
    QCOMPARE(QByteArray(names.settingsKey), settingsKey);
}

void TestConfiguration::problems_data()
{
    QTest::addColumn<Setting>("setting");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("mentions"); // a word the problem must contain

    QTest::newRow("http on 127.0.0.1") << Setting::TokenUrl << QStringLiteral("http://127.0.0.1:8080/x") << true
                                       << QString();
    QTest::newRow("http on 127.1.2.3") << Setting::TokenUrl << QStringLiteral("http://127.1.2.3/x") << true
                                       << QString();
    QTest::newRow("http on [::1]") << Setting::TokenUrl << QStringLiteral("http://[::1]:9/x") << true << QString();
    QTest::newRow("http on localhost") << Setting::AuthorizeUrl << QStringLiteral("http://localhost/x") << true
                                       << QString();
    QTest::newRow("http on LOCALHOST") << Setting::ApiUrl << QStringLiteral("http://LOCALHOST:1/x") << true
                                       << QString();
    QTest::newRow("https elsewhere") << Setting::TokenUrl << QStringLiteral("https://example.invalid") << true
                                     << QString();
    QTest::newRow("empty revoke url") << Setting::RevokeUrl << QString() << true << QString();
    QTest::newRow("http elsewhere, token")
        << Setting::TokenUrl << QStringLiteral("http://example.invalid/x") << false << QStringLiteral("https");
    QTest::newRow("http elsewhere, authorize")
        << Setting::AuthorizeUrl << QStringLiteral("http://example.invalid/x") << false << QStringLiteral("https");
    QTest::newRow("http elsewhere, revoke")
        << Setting::RevokeUrl << QStringLiteral("http://example.invalid/x") << false << QStringLiteral("https");
    QTest::newRow("http elsewhere, api") << Setting::ApiUrl << QStringLiteral("http://example.invalid/x") << false
                                         << QStringLiteral("https");
    QTest::newRow("http on a LAN address")
        << Setting::TokenUrl << QStringLiteral("http://192.168.1.2/x") << false << QStringLiteral("https");
    QTest::newRow("localhost as a subdomain")
        << Setting::TokenUrl << QStringLiteral("http://localhost.example.com/x") << false << QStringLiteral("https");
    QTest::newRow("ftp") << Setting::TokenUrl << QStringLiteral("ftp://x") << false << QStringLiteral("ftp://x");
    QTest::newRow("no host") << Setting::ApiUrl << QStringLiteral("https:///api") << false << QString();
    QTest::newRow("not a url") << Setting::AuthorizeUrl << QStringLiteral("app.webinargeek.com/oauth") << false
                               << QString();
    QTest::newRow("empty token url") << Setting::TokenUrl << QString() << false << QStringLiteral("token URL");
    QTest::newRow("empty authorize url") << Setting::AuthorizeUrl << QString() << false
                                         << QStringLiteral("authorization URL");
    QTest::newRow("empty api url") << Setting::ApiUrl << QString() << false << QStringLiteral("API URL");
    // A password in an address would be printed (status --json) and logged; the problem names
    // the address without it.
    QTest::newRow("user and password, token")
        << Setting::TokenUrl << QStringLiteral("https://jane:hunter2@auth.example.invalid/token") << false
        << QStringLiteral("\"https://auth.example.invalid/token\" contains a user name or password");
    QTest::newRow("user alone, api") << Setting::ApiUrl << QStringLiteral("https://jane@api.example.invalid/v2")
                                     << false << QStringLiteral("contains a user name");
    QTest::newRow("user and password, authorize")
        << Setting::AuthorizeUrl << QStringLiteral("http://jane:hunter2@127.0.0.1:1/authorize") << false
        << QStringLiteral("contains a user name");
    QTest::newRow("user and password, revoke")
        << Setting::RevokeUrl << QStringLiteral("https://:hunter2@auth.example.invalid/revoke") << false
        << QStringLiteral("contains a user name");
    QTest::newRow("escape sequence") << Setting::TokenUrl << QStringLiteral("http://127.0.0.1:1/t\x1b[2Jok") << false
                                     << QStringLiteral("is not a valid web address");
    QTest::newRow("line break") << Setting::ApiUrl << QStringLiteral("https://api.example.invalid/v2\nX-Evil: 1")
                                << false << QStringLiteral("is not a valid web address");
    // Some servers need a fixed parameter in the authorization URL.
    QTest::newRow("query in the authorization URL")
        << Setting::AuthorizeUrl << QStringLiteral("https://auth.example.invalid/authorize?audience=api") << true
        << QString();
}

void TestConfiguration::problems()
{
    QFETCH(Setting, setting);
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QFETCH(QString, mentions);

    Configuration config = goodConfiguration();
    QVERIFY(config.problems().isEmpty());
    const QUrl value(url, QUrl::StrictMode);
    switch (setting) {
    case Setting::AuthorizeUrl:
        config.authorizeUrl = value;
        break;
    case Setting::TokenUrl:
        config.tokenUrl = value;
        break;
    case Setting::RevokeUrl:
        config.revokeUrl = value;
        break;
    case Setting::ApiUrl:
        config.apiUrl = value;
        break;
    default:
        QFAIL("not a URL setting");
    }

    const QStringList problems = config.problems();
    if (accepted) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(mentions), qPrintable(problems.first()));
        QVERIFY(!problems.first().contains(QLatin1String("hunter2")));
    }
}

// A personal API key needs the API's address alone: no client id, no OAuth endpoints.
void TestConfiguration::apiKeyProblems()
{
    Configuration config = goodConfiguration();
    config.clientId.clear();
    config.tokenUrl = QUrl(QStringLiteral("http://auth.example.invalid/token"));
    QCOMPARE(config.problems().size(), 2);
    QVERIFY(config.apiKeyProblems().isEmpty());
    config.apiUrl = QUrl(QStringLiteral("http://api.example.invalid/v2"));
    QCOMPARE(config.apiKeyProblems().size(), 1);
    QVERIFY(config.apiKeyProblems().first().contains(QLatin1String("API URL")));
}

void TestConfiguration::missingClientId()
{
    Configuration config = goodConfiguration();
    config.clientId.clear();
    const QStringList problems = config.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("WEBINARGEEK_CLIENT_ID")), qPrintable(problems.first()));
    QVERIFY(problems.first().contains(QLatin1String("--client-id")));
}

void TestConfiguration::defaultConfigurationIsComplete()
{
    // The built-in defaults lack only the client id.
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), QStringLiteral("client-1"));
    const Configuration config = ConfigurationLoader(env, nullptr).load();
    QVERIFY2(config.problems().isEmpty(), qPrintable(config.problems().join(QLatin1Char('\n'))));
}

void TestConfiguration::storageKey_data()
{
    QTest::addColumn<QString>("tokenUrlA");
    QTest::addColumn<QString>("clientA");
    QTest::addColumn<QString>("tokenUrlB");
    QTest::addColumn<QString>("clientB");
    QTest::addColumn<bool>("same");

    const QString wg = QStringLiteral("https://app.webinargeek.com/oauth/token");
    const QString client = QStringLiteral("client-1");
    QTest::newRow("identical") << wg << client << wg << client << true;
    QTest::newRow("other path, same server")
        << wg << client << QStringLiteral("https://app.webinargeek.com/v2/token") << client << true;
    QTest::newRow("query and fragment ignored")
        << wg << client << QStringLiteral("https://app.webinargeek.com/oauth/token?x=1#f") << client << true;
    QTest::newRow("other client id") << wg << client << wg << QStringLiteral("client-2") << false;
    QTest::newRow("other host") << wg << client << QStringLiteral("https://sandbox.webinargeek.com/oauth/token")
                                << client << false;
    QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:5000/token") << client
                                << QStringLiteral("http://127.0.0.1:5001/token") << client << false;
    QTest::newRow("explicit port vs none")
        << wg << client << QStringLiteral("https://app.webinargeek.com:8443/oauth/token") << client << false;
    QTest::newRow("other scheme") << QStringLiteral("http://localhost:5000/token") << client
                                  << QStringLiteral("https://localhost:5000/token") << client << false;
}

void TestConfiguration::storageKey()
{
    QFETCH(QString, tokenUrlA);
    QFETCH(QString, clientA);
    QFETCH(QString, tokenUrlB);
    QFETCH(QString, clientB);
    QFETCH(bool, same);

    Configuration a = goodConfiguration();
    a.tokenUrl = QUrl(tokenUrlA);
    a.clientId = clientA;
    Configuration b = goodConfiguration();
    b.tokenUrl = QUrl(tokenUrlB);
    b.clientId = clientB;

    QVERIFY(!a.storageKey().isEmpty());
    QCOMPARE(a.storageKey() == b.storageKey(), same);
    // Nothing but the token endpoint and the client id goes into it.
    b.apiUrl = QUrl(QStringLiteral("https://elsewhere.example/api"));
    b.scope = QStringLiteral("other");
    QCOMPARE(a.storageKey() == b.storageKey(), same);
}

// One rule for the loader, the settings dialog and Preferences: with an issuer, WebinarGeek's
// endpoints are no default; the API's address still is.
void TestConfiguration::settingDefaults()
{
    QCOMPARE(settingDefault(Setting::TokenUrl, false), QStringLiteral("https://app.webinargeek.com/oauth/token"));
    QCOMPARE(settingDefault(Setting::TokenUrl, true), QString());
    QCOMPARE(settingDefault(Setting::AuthorizeUrl, true), QString());
    QCOMPARE(settingDefault(Setting::ApiUrl, true), QStringLiteral("https://app.webinargeek.com/api/v2"));
}

QTEST_GUILESS_MAIN(TestConfiguration)
#include "TestConfiguration.moc"
