// Tokens live in the keychain and nowhere else. A whole session's life (sign in, several
// refreshes, the `token` command, sign out) runs against the sandbox; then every file in HOME
// (settings, logs, caches, the keyring file), the temp directory and the runtime directory is
// searched for every access and refresh token that existed.

#include "AppProcess.h"
#include "KeychainAccess.h"
#include "Sandbox.h"

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "config/Configuration.h"
#include "storage/TokenStore.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {

struct SearchResult
{
    int filesRead = 0;
    QStringList hits; // "file: what was found"
};

// Reads every regular file under `root` (hidden ones too, no symlinks, no sockets or pipes)
// that changed since `since`, and reports where any of `needles` occurs.
SearchResult search(const QString &root, const QDateTime &since, const QList<QPair<QString, QByteArray>> &needles)
{
    SearchResult result;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        if (info.lastModified() < since || info.size() > 256 * 1024 * 1024)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++result.filesRead;
        const QByteArray content = file.readAll();
        for (const auto &[name, needle] : needles) {
            if (content.contains(needle))
                result.hits << QStringLiteral("%1: %2").arg(path, name);
        }
    }
    return result;
}

// The app's environment without WEBINARGEEK_*: it reads its configuration from the settings file.
QProcessEnvironment settingsOnlyEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const SettingNames &names : allSettings())
        env.remove(QString::fromLatin1(names.envVar));
    return env;
}

} // namespace

class TestNothingOnDisk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signIn();
    void refreshSeveralTimes();
    void tokenCommand();
    void signOutThroughTheCommandLine();
    void noTokenInAnyFile_data();
    void noTokenInAnyFile();

private:
    void remember(const QString &name, const QString &token);

    std::unique_ptr<Sandbox> m_sandbox;
    QDateTime m_started;
    QList<QPair<QString, QByteArray>> m_tokens; // a name for the report (never the token), the token
};

void TestNothingOnDisk::initTestCase()
{
    m_started = QDateTime::currentDateTime().addSecs(-2); // file times have coarse resolution
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));

    // The settings file the app reads; the command-line runs below take their configuration
    // from it alone, so it is in use and part of the search.
    const Configuration config = m_sandbox->configuration();
    QSettings settings(ConfigurationLoader::defaultSettingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("authorize_url"), config.authorizeUrl.toString());
    settings.setValue(QStringLiteral("token_url"), config.tokenUrl.toString());
    settings.setValue(QStringLiteral("revoke_url"), config.revokeUrl.toString());
    settings.setValue(QStringLiteral("api_url"), config.apiUrl.toString());
    settings.setValue(QStringLiteral("client_id"), config.clientId);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
    QVERIFY(QFile::exists(ConfigurationLoader::defaultSettingsPath()));
    QVERIFY(ConfigurationLoader::defaultSettingsPath().startsWith(QDir::homePath()));
}

void TestNothingOnDisk::remember(const QString &name, const QString &token)
{
    QVERIFY2(token.size() >= 20, qPrintable(name + QStringLiteral(" is missing or too short to search for")));
    for (const auto &[known, value] : qAsConst(m_tokens)) {
        if (value == token.toUtf8())
            return;
    }
    m_tokens.append({name, token.toUtf8()});
}

void TestNothingOnDisk::signIn()
{
    NetworkAccess network;
    TokenStore store(m_sandbox->configuration().storageKey());
    Session session(m_sandbox->configuration(), &network, &store);
    QSignalSpy urlSpy(&session, &Session::authorizationUrlReady);
    QSignalSpy finished(&session, &Session::signInFinished);
    QVERIFY(session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(urlSpy.first().first().toUrl());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
    const TokenStore::Result stored = KeychainAccess::load(store);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    remember(QStringLiteral("access token from sign-in"), stored.session.accessToken);
    remember(QStringLiteral("refresh token from sign-in"), stored.session.refreshToken);
}

void TestNothingOnDisk::refreshSeveralTimes()
{
    NetworkAccess network;
    TokenStore store(m_sandbox->configuration().storageKey());
    Session session(m_sandbox->configuration(), &network, &store);
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(15000));
    QCOMPARE(session.state(), Session::State::SignedIn);
    for (int i = 1; i <= 3; ++i) {
        QSignalSpy refreshed(&session, &Session::refreshFinished);
        session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 15000);
        QVERIFY(!refreshed.first().first().value<AuthError>().isError());
        const TokenStore::Result stored = KeychainAccess::load(store);
        remember(QStringLiteral("access token from refresh %1").arg(i), stored.session.accessToken);
        remember(QStringLiteral("refresh token from refresh %1").arg(i), stored.session.refreshToken);
    }
    QCOMPARE(m_tokens.size(), 8); // every refresh gave a new pair
}

void TestNothingOnDisk::tokenCommand()
{
    const AppRun token = runApp(settingsOnlyEnvironment(), {QStringLiteral("token")});
    QCOMPARE(token.exitCode, 0);
    QVERIFY(token.out.trimmed() == m_tokens.at(m_tokens.size() - 2).second); // the newest access token
    QCOMPARE(m_sandbox->accountStatus(QString::fromUtf8(token.out.trimmed())), 200);
}

void TestNothingOnDisk::signOutThroughTheCommandLine()
{
    const AppRun logout = runApp(settingsOnlyEnvironment(), {QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(!logout.err.contains("warning"), logout.err.constData());
    QCOMPARE(m_sandbox->accountStatus(QString::fromUtf8(m_tokens.at(m_tokens.size() - 2).second)), 401);
    TokenStore store(m_sandbox->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::NotFound);
}

void TestNothingOnDisk::noTokenInAnyFile_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<bool>("onlyRecent"); // only files changed during this run (a shared directory)
    QTest::addColumn<int>("atLeast"); // files read, the marker included
    // HOME holds at least the settings file and the keyring file; the runtime directory may hold
    // nothing but the marker (the refresh lock is removed when released).
    QTest::newRow("HOME (settings, logs, caches, keyring file)") << QDir::homePath() << false << 3;
    QTest::newRow("runtime directory") << QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) << false
                                       << 1;
    QTest::newRow("temp directory") << QDir::tempPath() << true << 1;
}

void TestNothingOnDisk::noTokenInAnyFile()
{
    QFETCH(QString, root);
    QFETCH(bool, onlyRecent);
    QFETCH(int, atLeast);
    QVERIFY(!root.isEmpty());
    QCOMPARE(m_tokens.size(), 8);

    // The search itself works: a marker written just now is found.
    const QByteArray marker = "wgc-search-marker-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const QString markerPath = root + QStringLiteral("/wgc-nothing-on-disk-marker");
    QFile markerFile(markerPath);
    QVERIFY(markerFile.open(QIODevice::WriteOnly));
    markerFile.write("prefix " + marker + " suffix");
    markerFile.close();
    QList<QPair<QString, QByteArray>> needles = m_tokens;
    needles.append({QStringLiteral("the marker"), marker});

    const SearchResult found = search(root, onlyRecent ? m_started : QDateTime(), needles);
    QFile::remove(markerPath);
    const QString markerHit = markerPath + QStringLiteral(": the marker");
    QVERIFY(found.hits.contains(markerHit));
    QVERIFY2(found.filesRead >= atLeast, qPrintable(QString::number(found.filesRead)));
    QStringList leaks = found.hits;
    leaks.removeAll(markerHit);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("tokens found on disk: ") + leaks.join(QStringLiteral("; "))));
    if (root == QDir::homePath()) {
        // The settings file and the (encrypted) keyring file were among what was read.
        QVERIFY(QFile::exists(ConfigurationLoader::defaultSettingsPath()));
        const QDir keyrings(QDir::homePath() + QStringLiteral("/.local/share/keyrings"));
        QVERIFY2(!keyrings.entryList(QDir::Files).isEmpty(), "no keyring file under HOME to search");
    }
}

QTEST_GUILESS_MAIN(TestNothingOnDisk)
#include "TestNothingOnDisk.moc"
