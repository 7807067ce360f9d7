#include "cli/CommandLine.h"
#include "config/Preferences.h"
#include "config/Translations.h"
#include "desktop/AutostartEntry.h"
#include "desktop/SettingsChange.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
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
    void unusableFile_data();
    void unusableFile();

    void changeRefusesProblems();
    void changeApplies();
    void changeKeepsOverriddenSettings();

    void commandLineKeepsWhatWasTyped();
    void typedAddressIsQuoted();

    void chooseLanguage_data();
    void chooseLanguage();
    void availableLanguages();
    void installEnglishLoadsNothing();
    void qtTextsOnlyWithTheApps();
    void chosenLanguageSetsTheLocale();

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
        preferences.setConnectionValue(Setting::TokenUrl, QStringLiteral(" https://auth.example.invalid/oauth/token "));
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("my-client"));
        preferences.setConnectionValue(Setting::Scope, QStringLiteral("account webinars"));
        preferences.setStartAtLogin(true);
        preferences.setStartHidden(true);
        preferences.setLanguage(QStringLiteral("nl"));
        preferences.setClientSecretStored(true);
        QVERIFY2(preferences.save(), qPrintable(preferences.errorString()));
    }
    Preferences again(fileName(), QProcessEnvironment());
    QCOMPARE(again.connectionValue(Setting::TokenUrl), QStringLiteral("https://auth.example.invalid/oauth/token"));
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
    preferences.setConnectionValue(Setting::AuthorizeUrl, QStringLiteral("https://auth.example.invalid/authorize"));
    preferences.setConnectionValue(Setting::ClientId, QStringLiteral("dialog-client"));
    QVERIFY(preferences.save());
    const QSettings settings(fileName(), QSettings::IniFormat);
    const Configuration config = ConfigurationLoader(QProcessEnvironment(), &settings).load();
    QCOMPARE(config.authorizeUrl.toString(), QStringLiteral("https://auth.example.invalid/authorize"));
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
        env.insert(envVar, QStringLiteral("https://env.example.invalid/x"));
    Preferences preferences(fileName(), env);
    CommandLine commandLine;
    QStringList arguments = {QStringLiteral("webinargeek-connect")};
    if (!option.isEmpty())
        arguments << option << QStringLiteral("https://option.example.com/x");
    QVERIFY2(commandLine.parse(arguments), qPrintable(commandLine.errorText()));
    preferences.setOptions(commandLine.options());
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
    preferences.setOptions(commandLine.options());
    const Configuration config = preferences.configuration();
    QCOMPARE(config.tokenUrl.toString(), QStringLiteral("https://option.example.com/token"));
    QCOMPARE(config.clientId, QStringLiteral("env-client"));
    QCOMPARE(config.apiUrl.toString(), QStringLiteral("https://file.example.com/api"));
}

// A settings file that cannot be used is a problem the app states, not a reason to run on the
// built-in defaults; nothing is read from it and nothing overwrites it.
void TestPreferences::unusableFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("absent") << QStringLiteral("absent") << QString();
    QTest::newRow("regular") << QStringLiteral("regular") << QString();
    QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is not a regular file");
    QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("is not a regular file");
    QTest::newRow("dangling link") << QStringLiteral("dangling") << QStringLiteral("is a link to nothing");
    QTest::newRow("unterminated section") << QStringLiteral("damaged") << QStringLiteral("is damaged");
}

void TestPreferences::unusableFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    // A name of its own for each row: QSettings keeps what it parsed of a path for the process.
    const QString path = m_dir->filePath(QStringLiteral("unusable-%1.conf").arg(kind));
    QByteArray content = "[General]\nclient_id=from-the-file\n";
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {path}), 0);
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("dangling")) {
        QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("nothing-here")), path));
    } else if (kind != QLatin1String("absent")) {
        if (kind == QLatin1String("damaged"))
            content = "[General\nclient_id=from-the-file\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
    }
    // Returns at once, also for a FIFO nobody writes to (it used to block for ever).
    Preferences preferences(path, QProcessEnvironment());
    if (problem.isEmpty()) {
        QCOMPARE(preferences.problem(), QString());
        QCOMPARE(preferences.connectionValue(Setting::ClientId),
                 kind == QLatin1String("absent") ? QString() : QStringLiteral("from-the-file"));
        return;
    }
    QVERIFY2(preferences.problem().contains(problem), qPrintable(preferences.problem()));
    QVERIFY(preferences.problem().contains(path));
    QCOMPARE(preferences.connectionValue(Setting::ClientId), QString());
    preferences.setStartHidden(true);
    QVERIFY(!preferences.save());
    QCOMPARE(preferences.errorString(), preferences.problem());
    if (kind == QLatin1String("damaged")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("[General\nclient_id=from-the-file\n"));
    }
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
    change.connection[Setting::TokenUrl] = QStringLiteral("http://auth.example.invalid/token");
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
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://env.example.invalid/token"));
    Preferences preferences(fileName(), env);
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart.desktop")), QStringLiteral("/bin/true"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.connection[Setting::ClientId] = QStringLiteral("client");
    // Even a bad value in an overridden setting is neither checked nor written.
    change.connection[Setting::TokenUrl] = QStringLiteral("not a url");
    QVERIFY(change.problems().isEmpty());
    QCOMPARE(change.configuration().tokenUrl.toString(), QStringLiteral("https://env.example.invalid/token"));
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
    const QStringList all = {QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")};
    QCOMPARE(Translations::choose(preference, QLocale(system), all), expected);
    // A language without the app's texts is never chosen: English stands in.
    QCOMPARE(Translations::choose(preference, QLocale(system), {QStringLiteral("en")}), QStringLiteral("en"));
}

namespace {

// The header of a .qm file without any message: loads, translates nothing.
const QByteArray kEmptyQm = QByteArray::fromHex("3CB86418CAEF9C95CD211CBF60A1BDDD");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

void TestPreferences::availableLanguages()
{
    const QString dir = m_dir->path();
    QCOMPARE(Translations::available(dir), QStringList {QStringLiteral("en")});
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_de.qm"), kEmptyQm));
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_fr.qm"), kEmptyQm)); // not a language of ours
    QCOMPARE(Translations::available(dir), (QStringList {QStringLiteral("en"), QStringLiteral("de")}));
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_nl.qm"), kEmptyQm));
    QCOMPARE(Translations::available(dir),
             (QStringList {QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")}));
    QCOMPARE(Translations::nativeName(QStringLiteral("nl")), QStringLiteral("Nederlands"));
    QCOMPARE(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
    // The resources hold no translation yet: English only, whatever the system says.
    for (const QString &language : Translations::available())
        QVERIFY2(language == QLatin1String("en")
                     || QFile::exists(QStringLiteral(":/i18n/webinargeek-connect_%1.qm").arg(language)),
                 qPrintable(language));
}

void TestPreferences::qtTextsOnlyWithTheApps()
{
    const QString dir = m_dir->path();
    const bool qtHasGerman =
        QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QLatin1String("/qtbase_de.qm"));
    QVERIFY2(qtHasGerman, "Qt's German translation is not installed (Debian: qt6-translations-l10n)");
    // The app's German cannot be loaded: Qt's is not loaded either.
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_de.qm"), QByteArray("not a qm file")));
    Translations::Installed installed =
        Translations::install(QCoreApplication::instance(), QString(), QLocale(QLocale::German), dir);
    QCOMPARE(installed.language, QStringLiteral("de"));
    QVERIFY(!installed.app);
    QVERIFY(!installed.qt);
    // With the app's German, Qt's comes too.
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_de.qm"), kEmptyQm));
    installed = Translations::install(QCoreApplication::instance(), QString(), QLocale(QLocale::German), dir);
    QVERIFY(installed.app);
    QVERIFY(installed.qt);
}

void TestPreferences::chosenLanguageSetsTheLocale()
{
    const QString dir = m_dir->path();
    QVERIFY(writeFile(dir + QStringLiteral("/webinargeek-connect_nl.qm"), kEmptyQm));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // Following the system leaves the locale alone.
    QCOMPARE(Translations::install(QCoreApplication::instance(), QString(), QLocale(QLocale::French), dir).language,
             QStringLiteral("en"));
    QCOMPARE(QLocale().language(), QLocale::English);
    // A chosen language: dates follow it.
    QCOMPARE(Translations::install(QCoreApplication::instance(), QStringLiteral("nl"), QLocale(QLocale::French), dir)
                 .language,
             QStringLiteral("nl"));
    QCOMPARE(QLocale().language(), QLocale::Dutch);
    QCOMPARE(QLocale().monthName(3), QStringLiteral("maart"));
    QLocale::setDefault(QLocale::c());
}

void TestPreferences::commandLineKeepsWhatWasTyped()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    CommandLine commandLine;
    QVERIFY(commandLine.parse(
        {QStringLiteral("webinargeek-connect"), QStringLiteral("--token-url"), QStringLiteral("not a url")}));
    preferences.setOptions(commandLine.options());
    QVERIFY(preferences.isOverridden(Setting::TokenUrl));
    QCOMPARE(preferences.effectiveText(Setting::TokenUrl), QStringLiteral("not a url"));
    QVERIFY(!preferences.isOverridden(Setting::ApiUrl));
    QCOMPARE(preferences.effectiveText(Setting::ApiUrl), Preferences::defaultValue(Setting::ApiUrl));
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart.desktop")), QStringLiteral("/bin/true"));
    SettingsChange change(&preferences, nullptr, &autostart);
    const QStringList problems = change.problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first(), QStringLiteral("The token URL \"not a url\" is not a valid web address."));
}

void TestPreferences::typedAddressIsQuoted()
{
    Preferences preferences(fileName(), QProcessEnvironment());
    AutostartEntry autostart(m_dir->filePath(QStringLiteral("autostart.desktop")), QStringLiteral("/bin/true"));
    SettingsChange change(&preferences, nullptr, &autostart);
    change.connection[Setting::AuthorizeUrl] = QStringLiteral("https://auth.example.invalid/authorize");
    change.connection[Setting::RevokeUrl] = QStringLiteral("exa mple");
    change.connection[Setting::ApiUrl] = QStringLiteral("https://api .example.invalid");
    const QStringList problems = change.problems();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0), QStringLiteral("The revocation URL \"exa mple\" is not a valid web address."));
    QCOMPARE(problems.at(1),
             QStringLiteral("The API URL \"https://api .example.invalid\" is not a valid web address."));
}

void TestPreferences::installEnglishLoadsNothing()
{
    const Translations::Installed english =
        Translations::install(QCoreApplication::instance(), QStringLiteral("en"), QLocale(QLocale::German));
    QCOMPARE(english.language, QStringLiteral("en"));
    QVERIFY(!english.app);
    QVERIFY(!english.qt);
    // Without the app's German (an empty folder), a German system gets English, and none of Qt's German.
    const Translations::Installed german =
        Translations::install(QCoreApplication::instance(), QString(), QLocale(QLocale::German), m_dir->path());
    QCOMPARE(german.language, QStringLiteral("en"));
    QVERIFY(!german.app);
    QVERIFY(!german.qt);
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "TestPreferences.moc"
