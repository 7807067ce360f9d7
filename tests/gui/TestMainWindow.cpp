// The first window, offscreen, driving the real Session against the sandbox and a private
// keyring: what a person clicking through sign-in sees.

#include "Sandbox.h"

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include "MainWindow.h"

#include <QDesktopServices>
#include <QDir>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

// Stands in for the desktop's browser: QDesktopServices hands it the URLs the app opens.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInAndOutByClicking();
    void denialIsShown();
    void keyboardOnly();
    void refreshNow();
    void apiKey();
    void offlineRetryCountsDown();

private:
    QString text(const char *name) const { return m_window->findChild<QLabel *>(QLatin1String(name))->text(); }
    QPushButton *button(const char *name) const { return m_window->findChild<QPushButton *>(QLatin1String(name)); }
    void screenshot(const QString &name);

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<NetworkAccess> m_network;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    BrowserStandIn m_browser;
};

void TestMainWindow::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    const Configuration config = m_sandbox->configuration();
    m_network = std::make_unique<NetworkAccess>();
    m_store = std::make_unique<TokenStore>(config.storageKey());
    m_session = std::make_unique<Session>(config, m_network.get(), m_store.get());
    m_session->setAutoRefresh(true); // as the app's window does
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy restored(m_session.get(), &Session::restoreFinished);
    m_session->restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(text("stateValue"), QStringLiteral("Signed out"));
    screenshot(QStringLiteral("signed-out"));
}

void TestMainWindow::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    m_window.reset();
    m_session.reset();
}

void TestMainWindow::screenshot(const QString &name)
{
    // Saved for people to look at (docs/ takes the best); not compared.
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window-%1.png").arg(name)));
}

void TestMainWindow::signInAndOutByClicking()
{
    QVERIFY(button("signInButton")->isEnabled());
    QVERIFY(!button("signOutButton")->isEnabled());
    QVERIFY(!button("cancelButton")->isVisible());

    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("stateValue"), QStringLiteral("Signing in"));
    QVERIFY(text("messageLabel").contains(QLatin1String("Waiting for your browser")));
    QVERIFY(button("cancelButton")->isVisible());
    QVERIFY(!button("signInButton")->isEnabled());
    screenshot(QStringLiteral("signing-in"));

    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(text("emailValue"), QStringLiteral("jane@example.com"), 10000);
    QCOMPARE(text("companyValue"), QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(text("stateValue"), QStringLiteral("Connected"));
    QCOMPARE(text("scopeValue"), QStringLiteral("api"));
    QVERIFY(text("expiresValue") != QStringLiteral("–"));
    QVERIFY(text("nextRefreshValue") != QStringLiteral("–"));
    QVERIFY(button("refreshButton")->isEnabled());
    QVERIFY(button("signOutButton")->isEnabled());
    QVERIFY(!button("cancelButton")->isVisible());
    screenshot(QStringLiteral("signed-in"));

    QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Signed out"), 10000);
    QCOMPARE(text("emailValue"), QStringLiteral("–"));
    QCOMPARE(text("companyValue"), QStringLiteral("–"));
    QVERIFY(!button("signOutButton")->isEnabled());
}

void TestMainWindow::denialIsShown()
{
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(Sandbox::runBrowser(m_browser.opened.takeFirst(), {QStringLiteral("--deny")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(text("messageLabel").contains(QLatin1String("Sign-in was denied")), 10000);
    QCOMPARE(text("stateValue"), QStringLiteral("Signed out"));
    QVERIFY(button("signInButton")->isEnabled());
    screenshot(QStringLiteral("denied"));
}

void TestMainWindow::keyboardOnly()
{
    // Alt+S signs in, Escape-free Cancel by its mnemonic, all without the mouse.
    m_window->activateWindow();
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("stateValue"), QStringLiteral("Signing in"));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Signed out"), 5000);
    QVERIFY(text("messageLabel").contains(QLatin1String("cancelled")));
    m_browser.opened.clear();
}

void TestMainWindow::refreshNow()
{
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(Sandbox::runBrowser(m_browser.opened.takeFirst()).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Connected"), 10000);
    const QString before = m_session->stored().accessToken;
    QSignalSpy refreshed(m_session.get(), &Session::refreshFinished);
    QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    QVERIFY(m_session->stored().accessToken != before);
    QCOMPARE(text("stateValue"), QStringLiteral("Connected"));
    QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Signed out"), 10000);
}

void TestMainWindow::apiKey()
{
    auto *edit = m_window->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, QStringLiteral("not-the-key"));
    QTest::mouseClick(button("apiKeyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text("messageLabel").contains(QLatin1String("did not accept the API key")), 10000);
    QCOMPARE(text("stateValue"), QStringLiteral("Signed out"));
    QVERIFY(edit->text().isEmpty()); // the key does not linger in the widget

    QTest::keyClicks(edit, QStringLiteral("sandbox-api-key"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Connected with an API key"), 10000);
    QCOMPARE(text("emailValue"), QStringLiteral("api-key-user@example.com"));
    QCOMPARE(text("expiresValue"), QStringLiteral("never (API key)"));
    QVERIFY(!button("refreshButton")->isEnabled());
    screenshot(QStringLiteral("api-key"));
    QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Signed out"), 10000);
}

void TestMainWindow::offlineRetryCountsDown()
{
    // A stored session whose token has expired, and a token endpoint that is not there.
    Configuration config = m_sandbox->configuration();
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    config.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closed.serverPort()));
    closed.close();
    TokenStore store(config.storageKey());
    StoredSession stored;
    stored.accessToken = QStringLiteral("expired-access-token");
    stored.refreshToken = QStringLiteral("some-refresh-token");
    stored.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-3700);
    stored.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-100);
    stored.email = QStringLiteral("jane@example.com");
    bool saved = false;
    store.save(stored, [&saved](const TokenStore::Result &result) { saved = result.status == TokenStore::Status::Ok; });
    QTRY_VERIFY_WITH_TIMEOUT(saved, 10000);

    NetworkAccess network;
    Session session(config, &network, &store);
    session.setAutoRefresh(true);
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.restore();
    auto *state = window.findChild<QLabel *>(QStringLiteral("stateValue"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QLatin1String("Offline, retrying in")), 10000);
    QVERIFY2(message->text().contains(QLatin1String("Could not reach the server")), qPrintable(message->text()));
    // The countdown ticks while the window is visible.
    const QString first = state->text();
    QTRY_VERIFY_WITH_TIMEOUT(state->text() != first, 5000);
    QVERIFY(state->text().startsWith(QLatin1String("Offline, retrying in")));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("emailValue"))->text(), QStringLiteral("jane@example.com"));
    QCOMPARE(session.state(), Session::State::Retrying);
    window.grab().save(QDir::current().absoluteFilePath(QStringLiteral("screenshots/main-window-retrying.png")));
    bool cleared = false;
    store.clear([&cleared](const TokenStore::Result &) { cleared = true; });
    QTRY_VERIFY_WITH_TIMEOUT(cleared, 10000);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
