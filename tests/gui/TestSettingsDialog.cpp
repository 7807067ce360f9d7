// The settings dialog, offscreen, over a real Session (the sandbox) and a private keyring: what
// it shows, what it refuses, what it writes where, the API-key page, and its accessibility.
// tst_gui_settingsdialog_nl and _de check each page's layout again in Dutch and German
// (WGC_TEST_LANGUAGE).

#include "KeychainAccess.h"
#include "Sandbox.h"
#include "ScriptedServer.h"

#include "SettingsDialog.h"
#include "api/NetworkAccess.h"
#include "auth/Accounts.h"
#include "auth/ResolveConfiguration.h"
#include "auth/Session.h"
#include "config/IssuerMetadataCache.h"
#include "config/Preferences.h"
#include "config/Translations.h"
#include "desktop/AutostartEntry.h"
#include "storage/AccountIndex.h"
#include "storage/TokenStore.h"
#include "storage/TokenStoreNames.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <memory>

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fieldsLoaded();
    void overriddenFieldsAreReadOnly();
    void invalidAddressIsRefused();
    void okWritesFileAndKeychain();
    void removesStoredSecret();
    void escapeDuringApplyIsRefused();
    void storedSecretMovesWithTheClient();
    void onlyTranslatedLanguagesOffered();
    void startAtLogin();
    void apiKeyConnects();
    void apiKeyRejected();
    void accessibleAndKeyboard();
    void nothingClipped();
    void everyFieldHasAPlaceholder();
    void screenshots();
    void issuerShowsDiscoveredEndpoints();
    void issuerProblemIsShown();
    void explicitEndpointIsNotShownAsDiscovered();

private:
    void open(const QProcessEnvironment &env = QProcessEnvironment());
    // The session as start-up resolves it from the settings file (the issuer's metadata read).
    void resolveFromFile();
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    QPushButton *okButton() const { return find<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok); }
    QByteArray settingsFile() const;
    // init() clears only the sandbox's clients' entries.
    static void clearSecret(const QString &key)
    {
        TokenStore store(key);
        bool done = false;
        store.clearClientSecret([&done](const TokenStore::SecretResult &) { done = true; });
        waitFor([&done] { return done; }, 10000);
    }
    void screenshot(const QString &name);
    // No visible label, button or check box on the current page shows less than its whole text.
    void checkNothingClipped();

    QString m_language; // "nl", "de": WGC_TEST_LANGUAGE; empty: English
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<NetworkAccess> m_network;
    std::unique_ptr<Accounts> m_accounts;
    // The account the dialog's changes are checked on: the first one, else the new account.
    Session *session() const
    {
        const QList<Session *> sessions = m_accounts->sessions();
        return sessions.isEmpty() ? m_accounts->newAccount() : sessions.first();
    }
    bool anyLoading() const
    {
        const QList<Session *> sessions = m_accounts->sessions();
        return std::any_of(sessions.begin(), sessions.end(),
                           [](const Session *s) { return s->state() == Session::State::Loading; });
    }
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<AutostartEntry> m_autostart;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::initTestCase()
{
    m_language = qEnvironmentVariable("WGC_TEST_LANGUAGE");
    if (!m_language.isEmpty()) {
        const Translations::Installed installed = Translations::install(qApp, m_language);
        QCOMPARE(installed.language, m_language);
        QVERIFY(installed.app && installed.qt);
    }
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestSettingsDialog::init()
{
    QFile::remove(ConfigurationLoader::defaultSettingsPath());
    QFile::remove(AutostartEntry::defaultFileName());
    for (const auto client : {Sandbox::Client::Public, Sandbox::Client::Confidential}) {
        TokenStore store(m_sandbox->configuration(client).storageKey());
        QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
        bool done = false;
        store.clearClientSecret([&done](const TokenStore::SecretResult &) { done = true; });
        QVERIFY(waitFor([&done] { return done; }, 10000));
    }
    const Configuration config = m_sandbox->configuration();
    m_network = std::make_unique<NetworkAccess>();
    QFile::remove(AccountIndex::defaultPath());
    m_accounts = std::make_unique<Accounts>(config, m_network.get());
    m_accounts->load();
    QSignalSpy loaded(m_accounts.get(), &Accounts::loaded);
    m_accounts->restoreAll();
    QVERIFY(loaded.wait(10000));
    m_autostart = std::make_unique<AutostartEntry>(AutostartEntry::defaultFileName(),
                                                   QStringLiteral("/usr/bin/webinargeek-connect"));
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    // A keychain job must not be deleted while it runs: let a restore after reconfigure() end.
    QTRY_VERIFY_WITH_TIMEOUT(!anyLoading(), 10000);
    m_preferences.reset();
    m_accounts.reset();
    m_network.reset();
}

void TestSettingsDialog::open(const QProcessEnvironment &env)
{
    m_dialog.reset();
    m_preferences = std::make_unique<Preferences>(ConfigurationLoader::defaultSettingsPath(), env);
    m_dialog = std::make_unique<SettingsDialog>(m_accounts.get(), m_preferences.get(), m_autostart.get());
    m_dialog->show();
    // Both: offscreen has no window system to ask, and an X server without a window manager
    // activates a window only when it is asked (docs/ screenshots are taken under Xvfb).
    m_dialog->activateWindow();
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

QByteArray TestSettingsDialog::settingsFile() const
{
    QFile file(ConfigurationLoader::defaultSettingsPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSettingsDialog::screenshot(const QString &name)
{
    // Saved for people to look at (docs/ takes the best); not compared.
    QTest::qWait(50); // lets the layout follow text that just changed, as the event loop would
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    const QString suffix = m_language.isEmpty() ? QString() : QLatin1Char('-') + m_language;
    QVERIFY(m_dialog->grab().save(dir + QStringLiteral("/settings-%1%2.png").arg(name, suffix)));
}

void TestSettingsDialog::checkNothingClipped()
{
    // Layout requests travel up one level per round of posted events.
    for (int i = 0; i < 6; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
    }
    const QList<QWidget *> widgets = m_dialog->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(m_dialog.get()))
            continue;
        auto *label = qobject_cast<QLabel *>(w);
        if (label && label->wordWrap() && !label->text().isEmpty()) {
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName() + QLatin1String(" is cut off at the bottom")));
            ++checked;
            continue;
        }
        QString text;
        if (label)
            text = label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            text = button->text();
        if (text.isEmpty())
            continue;
        const QString what = QStringLiteral("%1 (\"%2\"): %3x%4, needs %5x%6")
                                 .arg(w->objectName(), text)
                                 .arg(w->width())
                                 .arg(w->height())
                                 .arg(w->minimumSizeHint().width())
                                 .arg(w->minimumSizeHint().height());
        QVERIFY2(w->width() >= w->minimumSizeHint().width() && w->height() >= w->minimumSizeHint().height(),
                 qPrintable(what));
        QVERIFY2(m_dialog->rect().contains(QRect(w->mapTo(m_dialog.get(), QPoint(0, 0)), w->size())),
                 qPrintable(what + QLatin1String(", outside the dialog")));
        ++checked;
    }
    QVERIFY(checked >= 4);
}

void TestSettingsDialog::fieldsLoaded()
{
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::AuthorizeUrl, QStringLiteral("https://auth.example.invalid/authorize"));
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("file-client"));
        preferences.setStartHidden(true);
        preferences.setLanguage(QStringLiteral("en"));
        QVERIFY(preferences.save());
    }
    open();
    QCOMPARE(find<QLineEdit>("authorizeUrlEdit")->text(), QStringLiteral("https://auth.example.invalid/authorize"));
    QCOMPARE(find<QLineEdit>("clientIdEdit")->text(), QStringLiteral("file-client"));
    // Not set: empty, with the default that applies shown in its place.
    QCOMPARE(find<QLineEdit>("tokenUrlEdit")->text(), QString());
    QCOMPARE(find<QLineEdit>("tokenUrlEdit")->placeholderText(),
             QStringLiteral("https://app.webinargeek.com/oauth/token"));
    QVERIFY(!find<QLineEdit>("tokenUrlEdit")->isReadOnly());
    QVERIFY(!find<QLabel>("tokenUrlReason")->isVisible());
    QCOMPARE(find<QLineEdit>("clientSecretEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(!find<QPushButton>("removeClientSecretButton")->isVisible());
    QVERIFY(find<QCheckBox>("startHiddenCheck")->isChecked());
    QVERIFY(!find<QCheckBox>("startAtLoginCheck")->isChecked());
    QCOMPARE(find<QComboBox>("languageCombo")->currentText(), QStringLiteral("English"));
    QVERIFY(okButton()->isEnabled());
}

void TestSettingsDialog::overriddenFieldsAreReadOnly()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://env.example.invalid/oauth/token"));
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"), QStringLiteral("secret-from-env"));
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), QStringLiteral("env-client"));
    open(env);
    QLineEdit *token = find<QLineEdit>("tokenUrlEdit");
    QVERIFY(token->isReadOnly());
    QCOMPARE(token->text(), QStringLiteral("https://env.example.invalid/oauth/token"));
    QLabel *reason = find<QLabel>("tokenUrlReason");
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), QStringLiteral("Set by WEBINARGEEK_TOKEN_URL in the environment."));
    QCOMPARE(token->accessibleDescription(), QStringLiteral("Set by WEBINARGEEK_TOKEN_URL in the environment"));
    // The secret is read-only too, and never shown.
    QLineEdit *secret = find<QLineEdit>("clientSecretEdit");
    QVERIFY(secret->isReadOnly());
    QCOMPARE(secret->text(), QString());
    QVERIFY(find<QLabel>("clientSecretReason")->text().contains(QLatin1String("WEBINARGEEK_CLIENT_SECRET")));
    QVERIFY(!find<QLineEdit>("apiUrlEdit")->isReadOnly());
    screenshot(QStringLiteral("connection-overridden"));
    // OK leaves what the environment set out of the file.
    find<QLineEdit>("scopeEdit")->setText(QStringLiteral("account"));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);
    const QByteArray file = settingsFile();
    QVERIFY2(file.contains("scope=account"), file.constData());
    QVERIFY2(!file.contains("token_url") && !file.contains("client_id") && !file.contains("secret-from-env"),
             file.constData());
}

void TestSettingsDialog::invalidAddressIsRefused()
{
    open();
    find<QLineEdit>("clientIdEdit")->setText(QStringLiteral("client"));
    QVERIFY(okButton()->isEnabled());
    QLineEdit *authorize = find<QLineEdit>("authorizeUrlEdit");
    authorize->setFocus();
    QTest::keyClicks(authorize, QStringLiteral("http://auth.example.invalid/authorize"));
    QLabel *problems = find<QLabel>("problemsLabel");
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->text(),
             QStringLiteral("The authorization URL \"http://auth.example.invalid/authorize\" does not use https. Only "
                            "addresses on this computer (127.0.0.1, ::1) may use plain http."));
    QVERIFY(!okButton()->isEnabled());
    screenshot(QStringLiteral("connection-invalid"));
    // Enter (or anything else calling accept()) is refused as well.
    QTest::keyClick(authorize, Qt::Key_Return);
    m_dialog->accept();
    QTest::qWait(200);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!QFile::exists(ConfigurationLoader::defaultSettingsPath()));

    authorize->setText(QStringLiteral("not an address"));
    QVERIFY2(problems->text().contains(QLatin1String("is not a valid web address")), qPrintable(problems->text()));
    authorize->setText(QString());
    QVERIFY(!problems->isVisible());
    QVERIFY(okButton()->isEnabled());
}

void TestSettingsDialog::okWritesFileAndKeychain()
{
    open();
    const Configuration target = m_sandbox->configuration(Sandbox::Client::Confidential);
    find<QLineEdit>("authorizeUrlEdit")->setText(target.authorizeUrl.toString());
    find<QLineEdit>("tokenUrlEdit")->setText(target.tokenUrl.toString());
    find<QLineEdit>("revokeUrlEdit")->setText(target.revokeUrl.toString());
    find<QLineEdit>("apiUrlEdit")->setText(target.apiUrl.toString());
    find<QLineEdit>("clientIdEdit")->setText(target.clientId);
    QLineEdit *secret = find<QLineEdit>("clientSecretEdit");
    secret->setFocus();
    QTest::keyClicks(secret, Sandbox::clientSecret());
    QVERIFY(
        find<QLabel>("clientSecretStatus")->text().contains(QLatin1String("stored in the keychain when you press OK")));
    screenshot(QStringLiteral("connection"));
    Session *account = session();
    QSignalSpy reconfigured(account, &Session::reconfigured);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

    const QByteArray file = settingsFile();
    QVERIFY2(file.contains("client_id=" + target.clientId.toUtf8()), file.constData());
    QVERIFY2(file.contains("client_secret_in_keychain=true"), file.constData());
    QVERIFY2(!file.contains(Sandbox::clientSecret().toUtf8()), file.constData());
    QVERIFY2(!file.contains("client_secret="), file.constData());
    bool found = false;
    QCOMPARE(KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(target.storageKey()), &found),
             Sandbox::clientSecret().toUtf8());
    QVERIFY(found);
    // The running session moved to the new client, with the secret from the keychain.
    QTRY_COMPARE_WITH_TIMEOUT(reconfigured.size(), 1, 10000);
    QCOMPARE(account->configuration().clientId, target.clientId);
    QCOMPARE(account->configuration().clientSecret, Sandbox::clientSecret());
    QCOMPARE(m_accounts->configuration().storageKey(), target.storageKey());
    QCOMPARE(secret->text(), QString());
}

void TestSettingsDialog::removesStoredSecret()
{
    const Configuration target = m_sandbox->configuration(Sandbox::Client::Confidential);
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::ClientId, target.clientId);
        preferences.setConnectionValue(Setting::AuthorizeUrl, target.authorizeUrl.toString());
        preferences.setConnectionValue(Setting::TokenUrl, target.tokenUrl.toString());
        preferences.setConnectionValue(Setting::ApiUrl, target.apiUrl.toString());
        preferences.setClientSecretStored(true);
        QVERIFY(preferences.save());
    }
    QVERIFY(KeychainAccess::writeRaw(TokenStoreNames::clientSecretEntryKey(target.storageKey()),
                                     Sandbox::clientSecret().toUtf8()));
    open();
    QCOMPARE(find<QLineEdit>("clientSecretEdit")->placeholderText(), QStringLiteral("Stored in the keychain"));
    QPushButton *remove = find<QPushButton>("removeClientSecretButton");
    QVERIFY(remove->isVisible());
    screenshot(QStringLiteral("connection-secret-stored"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!remove->isVisible());
    QVERIFY(find<QLabel>("clientSecretStatus")->text().contains(QLatin1String("removed from the keychain")));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);
    bool found = true;
    KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(target.storageKey()), &found);
    QVERIFY(!found);
    QVERIFY(!settingsFile().contains("client_secret_in_keychain"));
}

void TestSettingsDialog::startAtLogin()
{
    open();
    find<QTabWidget>("tabs")->setCurrentWidget(find<QWidget>("generalPage"));
    QCheckBox *check = find<QCheckBox>("startAtLoginCheck");
    QVERIFY(!check->isChecked());
    QTest::mouseClick(check, Qt::LeftButton);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);
    QVERIFY(QFile::exists(AutostartEntry::defaultFileName()));
    QFile entry(AutostartEntry::defaultFileName());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    QVERIFY(entry.readAll().contains("Exec=/usr/bin/webinargeek-connect --background\n"));

    open();
    check = find<QCheckBox>("startAtLoginCheck");
    QVERIFY(check->isChecked());
    check->setFocus();
    QTest::keyClick(check, Qt::Key_Space);
    QVERIFY(!check->isChecked());
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!m_dialog->isVisible(), qPrintable(find<QLabel>("applyError")->text()), 10000);
    QVERIFY(!QFile::exists(AutostartEntry::defaultFileName()));
}

void TestSettingsDialog::apiKeyConnects()
{
    open();
    m_dialog->showPage(SettingsDialog::Page::ApiKey);
    QLineEdit *key = find<QLineEdit>("apiKeyEdit");
    QCOMPARE(find<QTabWidget>("tabs")->currentWidget(), find<QWidget>("apiKeyPage"));
    QCOMPARE(QApplication::focusWidget(), key);
    QPushButton *connectButton = find<QPushButton>("connectApiKeyButton");
    QVERIFY(!connectButton->isEnabled());
    QTest::keyClicks(key, QStringLiteral("sandbox-api-key"));
    QVERIFY(connectButton->isEnabled());
    // The key signs in a new account, beside the others.
    QSignalSpy finished(m_accounts->newAccount(), &Session::signInFinished);
    QSignalSpy added(m_accounts.get(), &Accounts::accountAdded);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QCOMPARE(key->text(), QString()); // cleared as soon as it is used
    QVERIFY(!key->isUndoAvailable());
    QVERIFY(finished.wait(10000));
    QLabel *result = find<QLabel>("apiKeyResult");
    QCOMPARE(result->text(),
             QStringLiteral("Connected as api-key-user@example.com (Sandbox Webinars B.V.) with the API key."));
    QCOMPARE(added.size(), 1);
    auto *account = added.first().first().value<Session *>();
    QCOMPARE(account->state(), Session::State::SignedIn);
    QVERIFY(account->stored().isApiKey());
    QVERIFY(m_accounts->sessions().contains(account));
    QCOMPARE(m_accounts->active(), account);
    screenshot(QStringLiteral("api-key"));
}

void TestSettingsDialog::apiKeyRejected()
{
    open();
    m_dialog->showPage(SettingsDialog::Page::ApiKey);
    QLineEdit *key = find<QLineEdit>("apiKeyEdit");
    QTest::keyClicks(key, QStringLiteral("not-the-key"));
    Session *account = m_accounts->newAccount();
    QSignalSpy finished(account, &Session::signInFinished);
    QTest::keyClick(key, Qt::Key_Return);
    QCOMPARE(key->text(), QString());
    QVERIFY(finished.wait(10000));
    QLabel *result = find<QLabel>("apiKeyResult");
    QVERIFY2(result->text().startsWith(QLatin1String("Not connected. ")), qPrintable(result->text()));
    QVERIFY(result->text().size() > 30);
    QCOMPARE(account->state(), Session::State::SignedOut);
    QVERIFY(!m_accounts->sessions().contains(account)); // not listed: it never signed in
    QVERIFY(m_dialog->isVisible()); // Enter in the key field connects; it does not close the dialog
}

void TestSettingsDialog::accessibleAndKeyboard()
{
    open();
    const QList<QWidget *> widgets = m_dialog->findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *widget : widgets) {
        if (!(widget->focusPolicy() & Qt::TabFocus) || widget->inherits("QTabBar"))
            continue;
        ++controls;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(), qPrintable(widget->objectName()));
    }
    QVERIFY(controls >= 15);

    // Tab walks the Connection page in reading order.
    find<QLineEdit>("authorizeUrlEdit")->setFocus();
    const QStringList order = {QStringLiteral("tokenUrlEdit"),     QStringLiteral("revokeUrlEdit"),
                               QStringLiteral("apiUrlEdit"),       QStringLiteral("clientIdEdit"),
                               QStringLiteral("clientSecretEdit"), QStringLiteral("scopeEdit")};
    for (const QString &name : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), name);
    }
    // Mnemonics reach the fields and pages without a mouse.
    QTest::keyClick(m_dialog.get(), Qt::Key_T, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("tokenUrlEdit"));
    QTest::keyClick(m_dialog.get(), Qt::Key_G, Qt::AltModifier);
    QCOMPARE(find<QTabWidget>("tabs")->currentWidget(), find<QWidget>("generalPage"));
    QTest::keyClick(m_dialog.get(), Qt::Key_L, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), find<QComboBox>("languageCombo"));
    // Escape closes without saving.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(!QFile::exists(ConfigurationLoader::defaultSettingsPath()));
}

void TestSettingsDialog::nothingClipped()
{
    open();
    auto *tabs = find<QTabWidget>("tabs");
    const QStringList english = {QStringLiteral("Co&nnection"), QStringLiteral("API &key"), QStringLiteral("&General")};
    for (const auto page :
         {SettingsDialog::Page::Connection, SettingsDialog::Page::ApiKey, SettingsDialog::Page::General}) {
        m_dialog->showPage(page);
        checkNothingClipped();
        // In another language, the page's title is that language's: a missing .qm fails here.
        if (!m_language.isEmpty())
            QVERIFY2(!english.contains(tabs->tabText(tabs->currentIndex())),
                     qPrintable(tabs->tabText(tabs->currentIndex())));
    }
    if (!m_language.isEmpty()) {
        // Qt's own texts too (qtbase): the dialog's Cancel button.
        QVERIFY(find<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Cancel)->text()
                != QLatin1String("&Cancel"));
        QVERIFY(find<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Cancel)->text()
                != QLatin1String("Cancel"));
    }
}

void TestSettingsDialog::screenshots()
{
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("webinargeek-connect"));
        preferences.setConnectionValue(Setting::Scope, QStringLiteral("account"));
        preferences.setStartHidden(true);
        QVERIFY(preferences.save());
    }
    open();
    m_dialog->showPage(SettingsDialog::Page::Connection);
    screenshot(QStringLiteral("page-connection"));
    m_dialog->showPage(SettingsDialog::Page::ApiKey);
    screenshot(QStringLiteral("page-api-key"));
    m_dialog->showPage(SettingsDialog::Page::General);
    screenshot(QStringLiteral("page-general"));
    QVERIFY(QFile::exists(m_language.isEmpty()
                              ? QStringLiteral("screenshots/settings-page-general.png")
                              : QStringLiteral("screenshots/settings-page-general-%1.png").arg(m_language)));
}

void TestSettingsDialog::escapeDuringApplyIsRefused()
{
    open();
    QLineEdit *secret = find<QLineEdit>("clientSecretEdit");
    secret->setFocus();
    QTest::keyClicks(secret, QStringLiteral("a-new-secret"));
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    // The keychain is still answering (a D-Bus round trip at least): Escape and closing wait.
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(!m_dialog->close());
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

    // Deleted while a keychain job runs (closing the window another way, or quitting): the
    // job's answer must find nothing freed.
    const QString key = m_preferences->configuration().storageKey();
    open();
    secret = find<QLineEdit>("clientSecretEdit");
    secret->setFocus();
    QTest::keyClicks(secret, QStringLiteral("another-secret"));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    m_dialog.reset();
    QTest::qWait(1000);
    bool found = false;
    const QByteArray stored = KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(key), &found);
    QVERIFY(found);
    QCOMPARE(stored, QByteArray("another-secret"));
    clearSecret(key);
}

void TestSettingsDialog::storedSecretMovesWithTheClient()
{
    open();
    QLineEdit *secret = find<QLineEdit>("clientSecretEdit");
    secret->setFocus();
    QTest::keyClicks(secret, QStringLiteral("the-secret"));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);

    open();
    const Configuration before = m_preferences->configuration();
    QLabel *status = find<QLabel>("clientSecretStatus");
    QCOMPARE(status->text(), QStringLiteral("A client secret is stored in the keychain."));
    QLineEdit *clientId = find<QLineEdit>("clientIdEdit");
    clientId->setFocus();
    clientId->selectAll();
    QTest::keyClicks(clientId, QStringLiteral("another-client"));
    QCOMPARE(status->text(), QStringLiteral("Moves to the new client when you press OK."));
    screenshot(QStringLiteral("secret-moves"));
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 10000);

    Configuration moved = before;
    moved.clientId = QStringLiteral("another-client");
    QVERIFY(moved.storageKey() != before.storageKey());
    bool found = false;
    QCOMPARE(KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(moved.storageKey()), &found),
             QByteArray("the-secret"));
    QVERIFY(found);
    KeychainAccess::readRaw(TokenStoreNames::clientSecretEntryKey(before.storageKey()), &found);
    QVERIFY(!found);
    open();
    QCOMPARE(find<QLabel>("clientSecretStatus")->text(), QStringLiteral("A client secret is stored in the keychain."));
    clearSecret(moved.storageKey());
}

void TestSettingsDialog::onlyTranslatedLanguagesOffered()
{
    open();
    QComboBox *language = find<QComboBox>("languageCombo");
    QStringList offered;
    for (int i = 0; i < language->count(); ++i)
        offered << language->itemData(i).toString();
    QStringList expected = {QString(), QStringLiteral("en")};
    for (const char *code : {"nl", "de"}) {
        if (QFile::exists(QStringLiteral(":/i18n/webinargeek-connect_%1.qm").arg(QLatin1String(code))))
            expected << QLatin1String(code);
    }
    QCOMPARE(offered, expected);
}

// Issue 14, 6: an empty field says what empty means, or what goes in it; and no text has a
// double space.
void TestSettingsDialog::everyFieldHasAPlaceholder()
{
    open();
    const QList<QLineEdit *> edits = m_dialog->findChildren<QLineEdit *>();
    int checked = 0;
    for (QLineEdit *edit : edits) {
        if (edit->parent() && qobject_cast<QAbstractSpinBox *>(edit->parent()))
            continue; // a spin box's own editor
        if (qobject_cast<QComboBox *>(edit->parent()))
            continue;
        QVERIFY2(!edit->placeholderText().trimmed().isEmpty(), qPrintable(edit->objectName()));
        QVERIFY2(!edit->placeholderText().contains(QLatin1String("  ")), qPrintable(edit->placeholderText()));
        ++checked;
    }
    QVERIFY(checked >= 8); // the seven connection settings and the API key
    for (const QLabel *label : m_dialog->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QLatin1String("  ")), qPrintable(label->text()));
}

void TestSettingsDialog::resolveFromFile()
{
    Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
    Configuration resolved;
    bool done = false;
    resolveConfiguration(preferences, this, [&](const Configuration &config, const QString &) {
        resolved = config;
        done = true;
    });
    QVERIFY(waitFor([&done] { return done; }, 30000));
    QSignalSpy restored(session(), &Session::restoreFinished);
    m_accounts->reconfigure(resolved);
    QVERIFY(restored.wait(10000));
}

// Issue 15, 3: the Issuer field; the endpoints its metadata named are shown in the empty
// endpoint fields, and where and when they were read under it.
void TestSettingsDialog::issuerShowsDiscoveredEndpoints()
{
    QFile::remove(IssuerMetadataCache::defaultPath());
    const QString issuer = m_sandbox->baseUrl().adjusted(QUrl::StripTrailingSlash).toString();
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::Issuer, issuer);
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("webinargeek-connect"));
        preferences.setConnectionValue(Setting::ApiUrl, QStringLiteral("https://app.webinargeek.com/api/v2"));
        QVERIFY(preferences.save());
    }
    resolveFromFile();
    const Configuration sandbox = m_sandbox->configuration();
    QCOMPARE(session()->configuration().tokenUrl, sandbox.tokenUrl);
    open();
    QCOMPARE(find<QLineEdit>("issuerEdit")->text(), issuer);
    for (const auto &[name, url] :
         {std::pair {"authorizeUrlEdit", sandbox.authorizeUrl}, std::pair {"tokenUrlEdit", sandbox.tokenUrl},
          std::pair {"revokeUrlEdit", sandbox.revokeUrl}}) {
        QCOMPARE(find<QLineEdit>(name)->text(), QString());
        QCOMPARE(find<QLineEdit>(name)->placeholderText(), url.toString());
    }
    QLabel *discovered = find<QLabel>("issuerDiscovered");
    QVERIFY(discovered->isVisible());
    const QString source = issuer + QStringLiteral("/.well-known/oauth-authorization-server");
    QVERIFY2(discovered->text().contains(source), qPrintable(discovered->text()));
    QVERIFY(okButton()->isEnabled());
    screenshot(QStringLiteral("connection-issuer"));
    checkNothingClipped();

    // The https rule, as for the endpoints.
    QLineEdit *edit = find<QLineEdit>("issuerEdit");
    edit->setText(QStringLiteral("http://auth.example.invalid"));
    QLabel *problems = find<QLabel>("problemsLabel");
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("\"http://auth.example.invalid\"")),
             qPrintable(problems->text()));
    if (m_language.isEmpty())
        QVERIFY2(problems->text().startsWith(QStringLiteral("The issuer URL")), qPrintable(problems->text()));
    QVERIFY(!okButton()->isEnabled());
    // Another issuer: its endpoints are read once saved.
    edit->setText(QStringLiteral("https://auth.example.invalid"));
    QVERIFY(okButton()->isEnabled());
    // In English, or (nl, de) in the language asked for.
    QCOMPARE(find<QLineEdit>("tokenUrlEdit")->placeholderText() == QLatin1String("From the issuer's metadata"),
             m_language.isEmpty());
    QCOMPARE(discovered->text().contains(QLatin1String("once you press OK")), m_language.isEmpty());
    // None: WebinarGeek's endpoints again.
    edit->setText(QString());
    QCOMPARE(find<QLineEdit>("tokenUrlEdit")->placeholderText(),
             QStringLiteral("https://app.webinargeek.com/oauth/token"));
    QVERIFY(!discovered->isVisible());
}

void TestSettingsDialog::issuerProblemIsShown()
{
    QFile::remove(IssuerMetadataCache::defaultPath());
    ScriptedServer server;
    const QString issuer = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    server.setHandler([issuer](const HttpRequest &, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::json(200, "{\"issuer\": \"https://elsewhere.example.invalid\"}"));
    });
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::Issuer, issuer);
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("webinargeek-connect"));
        QVERIFY(preferences.save());
    }
    resolveFromFile();
    QVERIFY(!session()->configuration().issuerProblem.isEmpty());
    open();
    QLabel *discovered = find<QLabel>("issuerDiscovered");
    QVERIFY(discovered->isVisible());
    QVERIFY2(discovered->text().contains(QStringLiteral("\"https://elsewhere.example.invalid\"")),
             qPrintable(discovered->text()));
    QVERIFY2(discovered->text().contains(issuer + QStringLiteral("/.well-known/oauth-authorization-server")),
             qPrintable(discovered->text()));
    screenshot(QStringLiteral("connection-issuer-problem"));
    checkNothingClipped();
}

// An endpoint set one by one wins, but it is not what the metadata named: the field's placeholder
// (shown once the field is emptied) is the metadata's.
void TestSettingsDialog::explicitEndpointIsNotShownAsDiscovered()
{
    QFile::remove(IssuerMetadataCache::defaultPath());
    const QString issuer = m_sandbox->baseUrl().adjusted(QUrl::StripTrailingSlash).toString();
    const QString own = QStringLiteral("https://own.example.invalid/token");
    {
        Preferences preferences(ConfigurationLoader::defaultSettingsPath(), QProcessEnvironment());
        preferences.setConnectionValue(Setting::Issuer, issuer);
        preferences.setConnectionValue(Setting::TokenUrl, own);
        preferences.setConnectionValue(Setting::ClientId, QStringLiteral("webinargeek-connect"));
        QVERIFY(preferences.save());
    }
    resolveFromFile();
    QCOMPARE(session()->configuration().tokenUrl, QUrl(own));
    open();
    QLineEdit *token = find<QLineEdit>("tokenUrlEdit");
    QCOMPARE(token->text(), own);
    QCOMPARE(token->placeholderText(), m_sandbox->configuration().tokenUrl.toString());
    token->clear();
    QCOMPARE(token->placeholderText(), m_sandbox->configuration().tokenUrl.toString());
    QCOMPARE(find<QLineEdit>("authorizeUrlEdit")->placeholderText(),
             m_sandbox->configuration().authorizeUrl.toString());
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
