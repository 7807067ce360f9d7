// The tray in a real X session (tests/with-desktop.sh: Xvfb and trayer, an XEmbed tray host), with
// the whole desktop app in this process against the sandbox and a private keyring: the icon is
// embedded and its pixels on screen change with the session; its tooltip names the account; the
// window hides to it and comes back; a rejected session shows a notification (Qt's own balloon on
// this path) that names the account, a routine refresh does not; a click on the balloon shows the
// window and starts the sign-in; the balloon is withdrawn as soon as a sign-in starts.

#include "KeychainAccess.h"
#include "Sandbox.h"

#include "DesktopApp.h"
#include "MainWindow.h"
#include "TrayIndicator.h"

#include "auth/Session.h"
#include "desktop/NotificationPolicy.h"
#include "storage/TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QDesktopServices>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QProcess>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace {

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// Counts the timer events delivered anywhere in the application.
class TimerCounter : public QObject
{
public:
    QStringList fired;
    QHash<const QObject *, int> timesFired;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Timer) {
            fired << QString::fromLatin1(watched->metaObject()->className()) + QLatin1Char(' ') + watched->objectName();
            ++timesFired[watched];
        }
        return false;
    }
    // The most often any one timer fired.
    int mostByOne() const
    {
        int most = 0;
        for (int times : timesFired)
            most = std::max(most, times);
        return most;
    }
};

} // namespace

// Stands in for the desktop's browser: QDesktopServices hands it the URLs the app opens.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestTray : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void embeddedWhenATrayIsThere();
    void signInFromTheTrayChangesTheIcon();
    void routineRefreshIsQuiet();
    void closingHidesToTheTrayAndOpenBringsItBack();
    void rejectedSessionNeedsAttentionAndNotifies();
    void clickingTheBalloonSignsInAgain();
    void theBalloonIsWithdrawnWhenASignInStarts();

private:
    // The server forgets the grant (an admin revoked it, say): the next refresh is rejected.
    void revokeTheGrant();
    // Waits for the browser stand-in to be sent to the sandbox and signs in there.
    void finishSignInInTheBrowser();
    QAction *action(const char *name) const;
    // The icon as it is on screen now.
    QImage iconOnScreen() const;
    // The tray's corner of the screen, scaled up, and the whole screen.
    void screenshot(const QString &name) const;
    QWidget *visibleBalloon() const;

    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<DesktopApp> m_app;
    BrowserStandIn m_browser;
    QImage m_signedOut;
    QImage m_signedIn;
};

QAction *TestTray::action(const char *name) const
{
    return m_app->tray()->menu()->findChild<QAction *>(QLatin1String(name));
}

QImage TestTray::iconOnScreen() const
{
    const QRect geometry = m_app->tray()->icon()->geometry();
    return QGuiApplication::primaryScreen()
        ->grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

void TestTray::screenshot(const QString &name) const
{
    // Saved for people to look at: the icon is small, so its corner is also saved 4× larger.
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    QScreen *screen = QGuiApplication::primaryScreen();
    const QPixmap whole = screen->grabWindow(0);
    QVERIFY(whole.save(dir + QStringLiteral("/tray-%1-screen.png").arg(name)));
    const QRect icon = m_app->tray()->icon()->geometry();
    const QRect corner = icon.adjusted(-40, -10, 10, 10).intersected(screen->geometry());
    const QPixmap cropped = screen->grabWindow(0, corner.x(), corner.y(), corner.width(), corner.height());
    QVERIFY(cropped.scaled(cropped.size() * 4, Qt::KeepAspectRatio, Qt::FastTransformation)
                .save(dir + QStringLiteral("/tray-%1.png").arg(name)));
}

QWidget *TestTray::visibleBalloon() const
{
    // On an XEmbed tray Qt draws notifications itself, as a top-level QBalloonTip.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QBalloonTip") && widget->isVisible())
            return widget;
    }
    return nullptr;
}

void TestTray::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    m_app = std::make_unique<DesktopApp>(m_sandbox->configuration());
    QSignalSpy restored(m_app->session(), &Session::restoreFinished);
    m_app->start();
    QVERIFY(restored.wait(15000));
    QCOMPARE(m_app->session()->state(), Session::State::SignedOut);
}

void TestTray::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    m_app.reset();
}

void TestTray::embeddedWhenATrayIsThere()
{
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
    QVERIFY(m_app->hasTray());
    QVERIFY(!m_app->isWaitingForTray());
    QVERIFY(m_app->tray()->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    // Embedded: the tray host gave the icon a place on screen.
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->tray()->icon()->geometry().isEmpty(), 10000);
    const QRect geometry = m_app->tray()->icon()->geometry();
    QVERIFY2(QGuiApplication::primaryScreen()->geometry().contains(geometry),
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(geometry.x())
                            .arg(geometry.y())
                            .arg(geometry.width())
                            .arg(geometry.height())));
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::SignedOut);
    QVERIFY(m_app->tray()->icon()->toolTip().contains(QLatin1String("Signed out")));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("&Sign in"));
    QVERIFY(!action("trayRefreshAction")->isEnabled());
    // The icon is painted some time after it is embedded: wait for more than the tray's background.
    QTRY_VERIFY_WITH_TIMEOUT(colourCount(iconOnScreen()) > 4, 5000);
    QTest::qWait(300);
    m_signedOut = iconOnScreen();
    screenshot(QStringLiteral("signed-out"));
}

void TestTray::signInFromTheTrayChangesTheIcon()
{
    action("trayAccountAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QVERIFY(m_app->window()->isVisible()); // it shows the sign-in's progress
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::Refreshing);
    QVERIFY(!action("trayAccountAction")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(iconOnScreen() != m_signedOut, 5000);
    QTest::qWait(300);
    screenshot(QStringLiteral("busy"));

    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->state(), Session::State::SignedIn, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->session()->stored().email.isEmpty(), 5000);

    const QString tooltip = m_app->tray()->icon()->toolTip();
    QVERIFY2(tooltip.contains(QLatin1String("jane@example.com")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QLatin1String("Sandbox Webinars B.V.")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QLatin1String("Token expires at")), qPrintable(tooltip));
    QVERIFY(!tooltip.contains(m_app->session()->stored().accessToken));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("Sign &out"));
    QVERIFY(action("trayRefreshAction")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(iconOnScreen() != m_signedOut, 5000);
    QTest::qWait(300); // one more paint, so the grab is the settled icon
    m_signedIn = iconOnScreen();
    // Green now, where signed out was grey.
    const QColor centre = m_signedIn.pixelColor(m_signedIn.rect().center());
    QVERIFY2(centre.green() > centre.red() && centre.green() > centre.blue(), qPrintable(centre.name()));
    screenshot(QStringLiteral("signed-in"));
}

void TestTray::routineRefreshIsQuiet()
{
    QSignalSpy told(m_app->notifications(), &NotificationPolicy::notify);
    QSignalSpy refreshed(m_app->session(), &Session::refreshFinished);
    QSignalSpy states(m_app->session(), &Session::stateChanged);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    QVERIFY(states.contains(QVariantList {QVariant::fromValue(Session::State::Refreshing)}));
    QCOMPARE(m_app->session()->state(), Session::State::SignedIn);
    QTest::qWait(500);
    QCOMPARE(told.size(), 0);
    QVERIFY(!visibleBalloon());
    QCOMPARE(iconOnScreen(), m_signedIn);
}

void TestTray::closingHidesToTheTrayAndOpenBringsItBack()
{
    QVERIFY(m_app->window()->isVisible());
    QSignalSpy quit(m_app.get(), &DesktopApp::quitRequested);
    QVERIFY(m_app->window()->close() == false); // the close was turned into a hide
    QVERIFY(!m_app->window()->isVisible());
    QVERIFY(m_app->tray()->isVisible());
    screenshot(QStringLiteral("window-hidden"));

    // Idle in the tray, the app does not wake up: nothing repeats faster than the scheduler's
    // once a minute, so in a few seconds no timer fires twice. (A one-off that the close left,
    // and that minute's tick, may each fire once on a slow machine.)
    TimerCounter timers;
    qApp->installEventFilter(&timers);
    QTest::qWait(3000);
    qApp->removeEventFilter(&timers);
    QVERIFY2(timers.mostByOne() <= 1, qPrintable(timers.fired.join(QLatin1String(", "))));
    QVERIFY2(timers.fired.size() <= 2, qPrintable(timers.fired.join(QLatin1String(", "))));

    action("trayOpenAction")->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    QVERIFY(m_app->window()->isVisible());

    // A click on the icon (activation) does the same.
    m_app->window()->close();
    QVERIFY(!m_app->window()->isVisible());
    emit m_app->tray()->icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    QTest::qWait(100);
    QCOMPARE(quit.size(), 0);
}

void TestTray::revokeTheGrant()
{
    const Configuration config = m_sandbox->configuration();
    TokenStore store(config.storageKey());
    const TokenStore::Result stored = KeychainAccess::load(store, true);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QVERIFY(!stored.session.refreshToken.isEmpty());
    QNetworkAccessManager network;
    QNetworkRequest request(config.revokeUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), stored.session.refreshToken);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), config.clientId);
    QNetworkReply *reply = network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QVERIFY(waitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
}

void TestTray::finishSignInInTheBrowser()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->state(), Session::State::SignedIn, 15000);
}

void TestTray::rejectedSessionNeedsAttentionAndNotifies()
{
    revokeTheGrant();
    QSignalSpy told(m_app->notifications(), &NotificationPolicy::notify);
    m_app->window()->close(); // in the tray, where a notification is what the person sees
    QSignalSpy refreshed(m_app->session(), &Session::refreshFinished);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(m_app->session()->state(), Session::State::NeedsSignIn);
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().at(0).toString(), QStringLiteral("Sign in again"));

    QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), 5000);
    QStringList texts;
    for (const QLabel *label : visibleBalloon()->findChildren<QLabel *>())
        texts << label->text();
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QLatin1String("Sign in again")),
             qPrintable(texts.join(QLatin1Char('|'))));
    // It names the account to sign in to.
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QLatin1String("jane@example.com (Sandbox Webinars B.V.)")),
             qPrintable(texts.join(QLatin1Char('|'))));

    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::NeedsAttention);
    QTRY_VERIFY_WITH_TIMEOUT(iconOnScreen() != m_signedIn, 5000);
    QTest::qWait(300);
    const QImage attention = iconOnScreen();
    QVERIFY(attention != m_signedOut);
    screenshot(QStringLiteral("attention"));
    QVERIFY2(m_app->tray()->icon()->toolTip().contains(QLatin1String("Needs sign-in")),
             qPrintable(m_app->tray()->icon()->toolTip()));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("&Sign in"));
}

void TestTray::clickingTheBalloonSignsInAgain()
{
    // Left by the test before: needs sign-in, the window in the tray, the balloon up.
    QCOMPARE(m_app->session()->state(), Session::State::NeedsSignIn);
    QVERIFY(!m_app->window()->isVisible());
    QWidget *balloon = visibleBalloon();
    QVERIFY(balloon);
    QVERIFY(m_browser.opened.isEmpty());
    // A press is the click: the balloon closes (and is deleted) on it, before any release.
    QTest::mousePress(balloon, Qt::LeftButton, {}, balloon->rect().center());
    QTRY_VERIFY_WITH_TIMEOUT(m_app->window()->isVisible(), 5000);
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    // …and the sign-in started: the browser was sent to the sandbox.
    finishSignInInTheBrowser();
    QVERIFY(!visibleBalloon());
}

void TestTray::theBalloonIsWithdrawnWhenASignInStarts()
{
    revokeTheGrant();
    QSignalSpy told(m_app->notifications(), &NotificationPolicy::notify);
    m_app->window()->close();
    QSignalSpy refreshed(m_app->session(), &Session::refreshFinished);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(m_app->session()->state(), Session::State::NeedsSignIn);
    QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), 5000);
    QCOMPARE(told.size(), 1);
    // The pointer rests on the balloon: Qt then keeps it past its timeout until it is clicked.
    QWidget *balloon = visibleBalloon();
    QCursor::setPos(balloon->mapToGlobal(balloon->rect().center()));
    QTRY_VERIFY_WITH_TIMEOUT(balloon->underMouse(), 5000);

    // Signing in from the tray's menu instead: the balloon goes at once, not when it times out.
    action("trayAccountAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!visibleBalloon(), 10000);
    finishSignInInTheBrowser();
    QVERIFY(!visibleBalloon());
    QCOMPARE(told.size(), 1);
}

QTEST_MAIN(TestTray)
#include "TestTray.moc"
