#include "cli/CommandLine.h"
#include "desktop/AutostartEntry.h"
#include "desktop/Preferences.h"
#include "desktop/SettingsChange.h"
#include "desktop/Translations.h"

#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Setting)

// The settings file as the dialog writes it: a round trip, what the environment and the command
// line override, the language choice, and that no secret ever lands in the file.
class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void roundTrip();
    void emptyMeansDefault();
    void fileReadByConfiguration();
    void noSecretInTheFile();
    void overrides_data();
    void overrides();
    void commandLineWinsOverFile();
    void unknownLanguageFollowsTheSystem();

    void changeRefusesProblems();
    void changeApplies();
    void changeKeepsOverriddenSettings();

    void chooseLanguage_data();
    void chooseLanguage();
    void installEnglishLoadsNothing();

private:
    QString fileName() const { return m_dir->filePath(QStringLiteral("webinargeek-connect.conf")); }
    QByteArray fileText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

QByteArray TestPreferences::fileText() const
{
    QFile file(fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestPreferences::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPreferences::roundTrip()
{
    {
        Preferences preferences(fileName(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::TokenUrl, QStringLiteral(" https://auth.example.com/oauth/token "));
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("my-client"));
        preferences.setConnectionValue(Setting::Scope, QStringLiteral("account webinars"));
        preferences.setStartAtLogin(true);
        preferences.setStartHidden(true);
        preferences.setLanguage(QStringLiteral("nl"));
        preferences.setClientSecretStored(true);
        QVERIFY2(preferences.save(), qPrintable(preferences.errorString()));
    }
    Preferences again(fileName(), QProcessEnvironment());
    QCOMPARE(again.connectionValue(Setting::TokenUrl), QStringLiteral("https://auth.example.com/oauth/token"));
    QCOMPARE(again.connectionValue(Setting::ClientId), QStringLiteral("my-client"));
    QCOMPARE(again.connectionValue(Setting::Scope), QStringLiteral("account webinars"));
    QCOMPARE(again.connectionValue(Setting::AuthorizeUrl), QString());
    QVERIFY(again.startAtLogin());
    QVERIFY(again.startHidden());
    QCOMPARE(again.language(), QStringLiteral("nl"));
    QVERIFY(again.clientSecretStored());

    again.setClientSecretStored(false);
    again.setLanguage(QString());
    QVERIFY(again.save());
    const QByteArray text = fileText();
    QVERIFY2(!text.contains("client_secret_in_keychain"), text.constData());
    QVERIFY2(!text.contains("language"), text.constData());
}

void TestPreferences::emptyMeansDefault()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    preferences.setConnectionValue(Setting::ApiUrl, QStringLiteral("https://api.example.com/v2"));
    QVERIFY(preferences.save());
    preferences.setConnectionValue(Setting::ApiUrl, QStringLiteral("  "));
    QVERIFY(preferences.save());
    QVERIFY2(!fileText().contains("api_url"), fileText().constData());
    QCOMPARE(preferences.configuration().apiUrl.toString(), Preferences::defaultValue(Setting::ApiUrl));
    QCOMPARE(Preferences::defaultValue(Setting::ApiUrl), QStringLiteral("https://app.webinargeek.com/api/v2"));
}

// What the dialog writes is what the command line and the window read at start-up.
void TestPreferences::fileReadByConfiguration()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    preferences.setConnectionValue(Setting::AuthorizeUrl, QStringLiteral("https://auth.example.com/authorize"));
    preferences.setConnectionValue(Setting::ClientId, QStringLiteral("dialog-client"));
    QVERIFY(preferences.save());
    const QSettings settings(fileName(), QSettings::IniFormat);
    const Configuration config = ConfigurationLoader(QProcessEnvironment(), &settings).load();
    QCOMPARE(config.authorizeUrl.toString(), QStringLiteral("https://auth.example.com/authorize"));
    QCOMPARE(config.clientId, QStringLiteral("dialog-client"));
}

void TestPreferences::noSecretInTheFile()
{
    const QString secret = QStringLiteral("very-secret-value-1234");
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), secret);
    Preferences preferences(fileName(), env);
    preferences.setConnectionValue(Setting::ClientSecret, secret);
    preferences.setConnectionValue(Setting::ClientId, QStringLiteral("confidential"));
    preferences.setClientSecretStored(true);
    QVERIFY(preferences.save());
    QCOMPARE(preferences.connectionValue(Setting::ClientSecret), QString());
    QCOMPARE(preferences.configuration().clientSecret, secret); // from the environment only
    const QByteArray text = fileText();
    QVERIFY2(text.contains("client_id=confidential"), text.constData());
    QVERIFY2(text.contains("client_secret_in_keychain=true"), text.constData());
    QVERIFY2(!text.contains(secret.toUtf8()), text.constData());
    QVERIFY2(!text.contains("client_secret="), text.constData());
    QCOMPARE(preferences.overriddenBy(Setting::ClientSecret),
             QStringLiteral("Set by WEBINARGEEK_CLIENT_SECRET in the environment"));
}

void TestPreferences::overrides_data()
{
    QTest::addColumn<Setting>("setting");
    QTest::addColumn<QString>("envVar");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");

    QTest::newRow("environment") << Setting::TokenUrl << QStringLiteral("WEBINARGEEK_TOKEN_URL") << QString()
                                 << QStringLiteral("Set by WEBINARGEEK_TOKEN_URL in the environment");
    QTest::newRow("option") << Setting::ClientId << QString() << QStringLiteral("--client-id")
                            << QStringLiteral("Set by --client-id on the command line");
    QTest::newRow("option beats environment")
        << Setting::Scope << QStringLiteral("WEBINARGEEK_SCOPE") << QStringLiteral("--scope")
        << QStringLiteral("Set by --scope on the command line");
    QTest::newRow("neither") << Setting::ApiUrl << QString() << QString() << QString();
    QTest::newRow("empty environment variable")
        << Setting::RevokeUrl << QStringLiteral("WEBINARGEEK_REVOKE_URL=") << QString() << QString();
}

void TestPreferences::overrides()
{
    QFETCH(Setting, setting);
    QFETCH(QString, envVar);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (envVar.endsWith(QLatin1Char('=')))
        env.insert(envVar.chopped(1), QString());
    else if (!envVar.isEmpty())
        env.insert(envVar, QStringLiteral("https://env.example.com/x"));
    Preferences preferences(fileName(), env);
    CommandLine commandLine;
    QStringList arguments = {QStringLiteral("webinargeek-connect")};
    if (!option.isEmpty())
        arguments << option << QStringLiteral("https://option.example.com/x");
    QVERIFY2(commandLine.parse(arguments), qPrintable(commandLine.errorText()));
    preferences.setCommandLine(commandLine);
    QCOMPARE(preferences.overriddenBy(setting), expected);
    QCOMPARE(preferences.isOverridden(setting), !expected.isEmpty());
    // The others stay the file's to decide.
    for (const SettingNames &names : allSettings()) {
        if (names.setting != setting)
            QVERIFY(!preferences.isOverridden(names.setting));
    }
}

void TestPreferences::commandLineWinsOverFile()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), QStringLiteral("env-client"));
    Preferences preferences(fileName(), env);
    preferences.setConnectionValue(Setting::ClientId, QStringLiteral("file-client"));
    preferences.setConnectionValue(Setting::TokenUrl, QStringLiteral("https://file.example.com/token"));
    preferences.setConnectionValue(Setting::ApiUrl, QStringLiteral("https://file.example.com/api"));
    CommandLine commandLine;
    QVERIFY(commandLine.parse({QStringLiteral("webinargeek-connect"), QStringLiteral("status"),
                               QStringLiteral("--token-url"), QStringLiteral("https://option.example.com/token")}));
    preferences.setCommandLine(commandLine);
    const Configuration config = preferences.configuration();
    QCOMPARE(config.tokenUrl.toString(), QStringLiteral("https://option.example.com/token"));
    QCOMPARE(config.clientId, QStringLiteral("env-client"));
    QCOMPARE(config.apiUrl.toString(), QStringLiteral("https://file.example.com/api"));
}

void TestPreferences::unknownLanguageFollowsTheSystem()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    preferences.setLanguage(QStringLiteral("de"));
    QCOMPARE(preferences.language(), QStringLiteral("de"));
    preferences.setLanguage(QStringLiteral("fr"));
    QCOMPARE(preferences.language(), QString());
    QVERIFY(preferences.save());
    QFile file(fileName());
    QVERIFY(file.open(QIODevice::Append));
    file.write("language=klingon\n");
    file.close();
    QCOMPARE(Preferences(fileName(), QProcessEnvironment()).language(), QString());
}

void TestPreferences::changeRefusesProblems()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart/webinargeek-connect.desktop")),
                             QStringLiteral("/usr/bin/webinargeek-connect"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.connection[Setting::ClientId] = QStringLiteral("client");
    change.connection[Setting::TokenUrl] = QStringLiteral("http://auth.example.com/token");
    change.startAtLogin = true;
    const QStringList problems = change.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("does not use https")), qPrintable(problems.first()));
    QSignalSpy applied(&change, &SettingsChange::applied);
    change.apply();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toString(), problems.first());
    QVERIFY(!QFile::exists(fileName()));
    QVERIFY(!autostart.isEnabled());

    // No client id is allowed: the app comes without one, and an API key needs none.
    change.connection[Setting::ClientId] = QString();
    change.connection[Setting::TokenUrl] = QString();
    QVERIFY2(change.problems().isEmpty(), qPrintable(change.problems().join(QLatin1Char(' '))));
}

void TestPreferences::changeApplies()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart/webinargeek-connect.desktop")),
                             QStringLiteral("/usr/bin/webinargeek-connect"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.connection[Setting::ClientId] = QStringLiteral("client");
    change.connection[Setting::Scope] = QStringLiteral("account");
    change.startAtLogin = true;
    change.startHidden = true;
    change.language = QStringLiteral("de");
    QSignalSpy applied(&change, &SettingsChange::applied);
    change.apply();
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toString(), QString());
    QVERIFY(autostart.isEnabled());
    Preferences again(fileName(), QProcessEnvironment());
    QCOMPARE(again.connectionValue(Setting::ClientId), QStringLiteral("client"));
    QCOMPARE(again.connectionValue(Setting::Scope), QStringLiteral("account"));
    QVERIFY(again.startAtLogin());
    QVERIFY(again.startHidden());
    QCOMPARE(again.language(), QStringLiteral("de"));

    change.reset();
    QVERIFY(change.startAtLogin);
    change.startAtLogin = false;
    change.apply();
    QTRY_COMPARE(applied.size(), 2);
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(autostart.fileName()));
}

void TestPreferences::changeKeepsOverriddenSettings()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://env.example.com/token"));
    Preferences preferences(fileName(), env);
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart.desktop")), QStringLiteral("/bin/true"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.connection[Setting::ClientId] = QStringLiteral("client");
    // Even a bad value in an overridden setting is neither checked nor written.
    change.connection[Setting::TokenUrl] = QStringLiteral("not a url");
    QVERIFY(change.problems().isEmpty());
    QCOMPARE(change.configuration().tokenUrl.toString(), QStringLiteral("https://env.example.com/token"));
    QSignalSpy applied(&change, &SettingsChange::applied);
    change.apply();
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY2(!fileText().contains("token_url"), fileText().constData());
}

void TestPreferences::chooseLanguage_data()
{
    QTest::addColumn<QString>("preference");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");

    QTest::newRow("chosen Dutch on a German system") << "nl"
                                                     << "de_DE"
                                                     << "nl";
    QTest::newRow("chosen English on a Dutch system") << "en"
                                                      << "nl_NL"
                                                      << "en";
    QTest::newRow("system Dutch") << ""
                                  << "nl_NL"
                                  << "nl";
    QTest::newRow("system Flemish") << ""
                                    << "nl_BE"
                                    << "nl";
    QTest::newRow("system Swiss German") << ""
                                         << "de_CH"
                                         << "de";
    QTest::newRow("system French: English") << ""
                                            << "fr_FR"
                                            << "en";
    QTest::newRow("system C locale: English") << ""
                                              << "C"
                                              << "en";
    QTest::newRow("unknown preference: English") << "fr"
                                                 << "nl_NL"
                                                 << "en";
}

void TestPreferences::chooseLanguage()
{
    QFETCH(QString, preference);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(Translations::choose(preference, QLocale(system)), expected);
}

void TestPreferences::installEnglishLoadsNothing()
{
    const Translations::Installed english = Translations::install(qApp, QStringLiteral("en"), QLocale(QLocale::German));
    QCOMPARE(english.language, QStringLiteral("en"));
    QVERIFY(!english.app);
    QVERIFY(!english.qt);
    // Qt ships German for its own dialogs; the app's .qm files come later, so this one only finds Qt's.
    const Translations::Installed german = Translations::install(qApp, QString(), QLocale(QLocale::German));
    QCOMPARE(german.language, QStringLiteral("de"));
    QCOMPARE(german.qt,
             QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QLatin1String("/qtbase_de.qm")));
    QCOMPARE(german.app, QFile::exists(QStringLiteral(":/i18n/webinargeek-connect_de.qm")));
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "TestPreferences.moc"
