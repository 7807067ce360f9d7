// The tray in a real X session (tests/with-desktop.sh: Xvfb and trayer, an XEmbed tray host), with
// the whole desktop app in this process against the sandbox and a private keyring: the icon is
// embedded and its pixels on screen change with the session; its tooltip names the account; the
// window hides to it and comes back; a rejected session shows a notification (Qt's own balloon on
// this path) that names the account, a routine refresh does not; a click on the balloon shows the
// window and starts the sign-in; the balloon is withdrawn as soon as a sign-in starts.
//
// Then a second account, added from the tray's menu: a submenu per account, the active one
// checked; one account revoked while the other stays connected (the icon needs attention, the
// tooltip names both with their states, the notification names the revoked one only); signed in
// again from its submenu; made active from the menu; both refreshed at once; one signed out.

#include "KeychainAccess.h"
#include "Sandbox.h"

#include "AccountNotifications.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "TrayIndicator.h"

#include "auth/Accounts.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QDesktopServices>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

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
    void aSecondAccountFromTheMenu();
    void oneRevokedWhileTheOtherStaysConnected();
    void signInAgainFromTheAccountsSubmenu();
    void makeActiveFromTheMenu();
    void overlappingRefreshes();
    void signOutOneOfTwo();

private:
    // The server forgets the grant of `session`'s account (an admin revoked it, say): its next
    // refresh is rejected.
    void revokeTheGrant(Session *session);
    // Waits for the browser stand-in to be sent to the sandbox and signs in there as `login`.
    void finishSignInInTheBrowser(const QString &login = QStringLiteral("jane"));
    // The account of `login`@example.com; null when it is not listed.
    Session *account(const QString &login) const;
    QAction *action(const char *name) const;
    // An action of the submenu of `session`'s account.
    QAction *action(Session *session, const char *name) const;
    // The balloon's words, joined by |.
    QString balloonText() const;
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
    QImage m_attention;
};

QAction *TestTray::action(const char *name) const
{
    // The top level's own, not those of the accounts' submenus (children of the menu too).
    for (QAction *action : m_app->tray()->menu()->actions()) {
        if (action->objectName() == QLatin1String(name))
            return action;
    }
    return nullptr;
}

QAction *TestTray::action(Session *session, const char *name) const
{
    QMenu *menu = m_app->tray()->accountMenu(session);
    if (!menu)
        return nullptr;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == QLatin1String(name))
            return action;
    }
    return nullptr;
}

Session *TestTray::account(const QString &login) const
{
    for (Session *session : m_app->accounts()->sessions()) {
        if (m_app->accounts()->entry(session).email == login + QStringLiteral("@example.com"))
            return session;
    }
    return nullptr;
}

QString TestTray::balloonText() const
{
    QStringList texts;
    if (QWidget *balloon = visibleBalloon()) {
        for (const QLabel *label : balloon->findChildren<QLabel *>())
            texts << label->text();
    }
    return texts.join(QLatin1Char('|'));
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
    QTRY_VERIFY_WITH_TIMEOUT(m_app->accounts()->isLoaded(), 5000);
    QVERIFY(m_app->accounts()->sessions().isEmpty());
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
    // Signing in adds the first account; adding another is for when there is one.
    QVERIFY(!action("trayAddAccountAction"));
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
    QTRY_VERIFY_WITH_TIMEOUT(account(QStringLiteral("jane")), 15000);
    QCOMPARE(account(QStringLiteral("jane"))->state(), Session::State::SignedIn);
    QCOMPARE(m_app->accounts()->sessions().size(), 1);
    QCOMPARE(m_app->accounts()->active(), account(QStringLiteral("jane")));

    const QString tooltip = m_app->tray()->icon()->toolTip();
    QVERIFY2(tooltip.contains(QLatin1String("jane@example.com")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QLatin1String("Sandbox Webinars B.V.")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QLatin1String("Token expires at")), qPrintable(tooltip));
    QVERIFY(!tooltip.contains(account(QStringLiteral("jane"))->stored().accessToken));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("Sign &out"));
    QVERIFY(action("trayRefreshAction")->isEnabled());
    // One account: its actions at the top, as with one session; no submenu.
    QVERIFY(!m_app->tray()->accountMenu(account(QStringLiteral("jane"))));
    QVERIFY(action("trayAddAccountAction"));

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
    Session *jane = account(QStringLiteral("jane"));
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    QSignalSpy refreshed(jane, &Session::refreshFinished);
    QSignalSpy states(jane, &Session::stateChanged);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    QVERIFY(states.contains(QVariantList {QVariant::fromValue(Session::State::Refreshing)}));
    QCOMPARE(jane->state(), Session::State::SignedIn);
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

void TestTray::revokeTheGrant(Session *session)
{
    QVERIFY(session);
    TokenStore store(m_sandbox->configuration().storageKey(), session->slot());
    const TokenStore::Result stored = KeychainAccess::load(store, true);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QVERIFY(!stored.session.refreshToken.isEmpty());
    QCOMPARE(m_sandbox->revokeRefreshToken(stored.session.refreshToken), 200);
}

void TestTray::finishSignInInTheBrowser(const QString &login)
{
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst(), {}, login);
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_VERIFY_WITH_TIMEOUT(account(login) && account(login)->state() == Session::State::SignedIn, 15000);
}

void TestTray::rejectedSessionNeedsAttentionAndNotifies()
{
    Session *jane = account(QStringLiteral("jane"));
    revokeTheGrant(jane);
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    m_app->window()->close(); // in the tray, where a notification is what the person sees
    QSignalSpy refreshed(jane, &Session::refreshFinished);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(jane->state(), Session::State::NeedsSignIn);
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().at(0).toString(), QStringLiteral("Sign in again"));
    QCOMPARE(told.first().at(4).value<Session *>(), jane);

    QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), 5000);
    QVERIFY2(balloonText().contains(QLatin1String("Sign in again")), qPrintable(balloonText()));
    // It names the account to sign in to.
    QVERIFY2(balloonText().contains(QLatin1String("jane@example.com (Sandbox Webinars B.V.)")),
             qPrintable(balloonText()));

    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::NeedsAttention);
    QTRY_VERIFY_WITH_TIMEOUT(iconOnScreen() != m_signedIn, 5000);
    QTest::qWait(300);
    m_attention = iconOnScreen();
    QVERIFY(m_attention != m_signedOut);
    screenshot(QStringLiteral("attention"));
    QVERIFY2(m_app->tray()->icon()->toolTip().contains(QLatin1String("Needs sign-in")),
             qPrintable(m_app->tray()->icon()->toolTip()));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("&Sign in"));
}

void TestTray::clickingTheBalloonSignsInAgain()
{
    // Left by the test before: needs sign-in, the window in the tray, the balloon up.
    QCOMPARE(account(QStringLiteral("jane"))->state(), Session::State::NeedsSignIn);
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
    // Signed in again: the same account, not a second one.
    QCOMPARE(m_app->accounts()->sessions().size(), 1);
}

void TestTray::theBalloonIsWithdrawnWhenASignInStarts()
{
    Session *jane = account(QStringLiteral("jane"));
    revokeTheGrant(jane);
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    m_app->window()->close();
    QSignalSpy refreshed(jane, &Session::refreshFinished);
    action("trayRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(jane->state(), Session::State::NeedsSignIn);
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
    QCursor::setPos(0, 0);
}

void TestTray::aSecondAccountFromTheMenu()
{
    Session *jane = account(QStringLiteral("jane"));
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QVERIFY(m_browser.opened.isEmpty());
    action("trayAddAccountAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QVERIFY(m_app->window()->isVisible()); // it shows the sign-in's progress
    // Busy while the browser is out; the account there stays named.
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::Refreshing);
    QString tooltip = m_app->tray()->icon()->toolTip();
    QVERIFY2(tooltip.contains(QStringLiteral("Adding an account: waiting for your browser…")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QLatin1String("jane@example.com")), qPrintable(tooltip));
    QVERIFY(!action("trayAddAccountAction")->isEnabled());

    finishSignInInTheBrowser(QStringLiteral("john"));
    Session *john = account(QStringLiteral("john"));
    QCOMPARE(m_app->accounts()->sessions(), (QList<Session *> {jane, john}));
    // Signing in made the new one active.
    QCOMPARE(m_app->accounts()->active(), john);
    QCOMPARE(jane->state(), Session::State::SignedIn);

    // Both named with their state, one line each; the icon is connected again.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->tray()->status().kind, TrayStatus::Kind::SignedIn, 5000);
    tooltip = m_app->tray()->icon()->toolTip();
    QCOMPARE(tooltip,
             QStringLiteral("WebinarGeek Connect\n"
                            "jane@example.com (Sandbox Webinars B.V.): Connected\n"
                            "john@example.com (Sandbox Webinars B.V.): Connected"));
    QTRY_COMPARE_WITH_TIMEOUT(iconOnScreen(), m_signedIn, 5000);

    // A submenu per account, in the order they were added, the active one checked; the one
    // account's actions at the top are gone.
    QVERIFY(!action("trayRefreshAction"));
    QVERIFY(!action("trayAccountAction"));
    QMenu *janeMenu = m_app->tray()->accountMenu(jane);
    QMenu *johnMenu = m_app->tray()->accountMenu(john);
    QVERIFY(janeMenu && johnMenu);
    const QList<QAction *> top = m_app->tray()->menu()->actions();
    QVERIFY(top.indexOf(janeMenu->menuAction()) < top.indexOf(johnMenu->menuAction()));
    QVERIFY(top.indexOf(johnMenu->menuAction()) < top.indexOf(action("trayAddAccountAction")));
    QCOMPARE(janeMenu->title(), QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Connected"));
    QVERIFY(!janeMenu->menuAction()->isChecked());
    QVERIFY(johnMenu->menuAction()->isChecked());
    QVERIFY(action(jane, "trayAccountMakeActiveAction"));
    QVERIFY(!action(john, "trayAccountMakeActiveAction"));
    for (Session *session : {jane, john}) {
        QVERIFY(action(session, "trayAccountRefreshAction")->isEnabled());
        QVERIFY(!action(session, "trayAccountSignInAction"));
        QCOMPARE(action(session, "trayAccountRemoveAction")->text(), QStringLiteral("Sign &out"));
    }
}

void TestTray::oneRevokedWhileTheOtherStaysConnected()
{
    Session *jane = account(QStringLiteral("jane"));
    Session *john = account(QStringLiteral("john"));
    revokeTheGrant(jane);
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    m_app->window()->close();
    QSignalSpy refreshed(jane, &Session::refreshFinished);
    action(jane, "trayAccountRefreshAction")->trigger();
    QVERIFY(refreshed.wait(15000));
    QCOMPARE(jane->state(), Session::State::NeedsSignIn);
    // The other account's grant is its own: still connected, its token still good.
    QCOMPARE(john->state(), Session::State::SignedIn);
    QCOMPARE(m_sandbox->accountStatus(john->stored().accessToken), 200);

    // One notification, about jane's account alone.
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().at(0).toString(), QStringLiteral("Sign in again"));
    QCOMPARE(told.first().at(4).value<Session *>(), jane);
    QTRY_VERIFY_WITH_TIMEOUT(visibleBalloon(), 5000);
    QVERIFY2(balloonText().contains(QLatin1String("jane@example.com (Sandbox Webinars B.V.)")),
             qPrintable(balloonText()));
    QVERIFY2(!balloonText().contains(QLatin1String("john@")), qPrintable(balloonText()));

    // The icon needs attention, as with one account rejected; the tooltip says which.
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::NeedsAttention);
    QTRY_COMPARE_WITH_TIMEOUT(iconOnScreen(), m_attention, 5000);
    QCOMPARE(m_app->tray()->icon()->toolTip(),
             QStringLiteral("WebinarGeek Connect\n"
                            "jane@example.com (Sandbox Webinars B.V.): Needs sign-in\n"
                            "john@example.com (Sandbox Webinars B.V.): Connected"));
    // Jane's submenu offers to sign in again, or to remove the account; John's does not change.
    QVERIFY(action(jane, "trayAccountSignInAction"));
    QVERIFY(!action(jane, "trayAccountRefreshAction")->isEnabled());
    QCOMPARE(action(jane, "trayAccountRemoveAction")->text(), QStringLiteral("R&emove"));
    QVERIFY(!action(john, "trayAccountSignInAction"));
    QVERIFY(action(john, "trayAccountRefreshAction")->isEnabled());
    screenshot(QStringLiteral("two-accounts-attention"));

    // The menu as a person opens it, Jane's submenu open: for the documentation.
    QMenu *menu = m_app->tray()->menu();
    const QRect icon = m_app->tray()->icon()->geometry();
    menu->popup(icon.bottomLeft());
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    menu->setActiveAction(m_app->tray()->accountMenu(jane)->menuAction());
    QTest::keyClick(menu, Qt::Key_Right);
    QMenu *janeMenu = m_app->tray()->accountMenu(jane);
    QTRY_VERIFY_WITH_TIMEOUT(janeMenu->isVisible(), 5000);
    QVERIFY(QTest::qWaitForWindowExposed(janeMenu));
    // Above the balloon, which is up meanwhile where the menu opens.
    menu->raise();
    janeMenu->raise();
    QTest::qWait(300);
    const QRect shown = menu->geometry().united(janeMenu->geometry()).adjusted(-8, -8, 8, 8);
    const QPixmap grab =
        QGuiApplication::primaryScreen()->grabWindow(0, shown.x(), shown.y(), shown.width(), shown.height());
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
    QVERIFY(grab.save(dir + QStringLiteral("/tray-menu-two-accounts.png")));
    janeMenu->close();
    menu->close();
    QTRY_VERIFY_WITH_TIMEOUT(!menu->isVisible(), 5000);

    // John's refresh says nothing, and leaves Jane's notification up.
    QSignalSpy johnRefreshed(john, &Session::refreshFinished);
    action(john, "trayAccountRefreshAction")->trigger();
    QVERIFY(johnRefreshed.wait(15000));
    QVERIFY(!johnRefreshed.first().first().value<AuthError>().isError());
    QCOMPARE(told.size(), 1);
    QVERIFY(visibleBalloon());

    // John's revoked too: his notification takes the place of Jane's, and names him alone.
    revokeTheGrant(john);
    action(john, "trayAccountRefreshAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(john->state(), Session::State::NeedsSignIn, 15000);
    QCOMPARE(told.size(), 2);
    QCOMPARE(told.last().at(4).value<Session *>(), john);
    QCOMPARE(m_app->notifications()->shownFor(), john);
    QTRY_VERIFY_WITH_TIMEOUT(balloonText().contains(QLatin1String("john@example.com (Sandbox Webinars B.V.)")), 5000);
    QVERIFY2(!balloonText().contains(QLatin1String("jane@")), qPrintable(balloonText()));
    QCOMPARE(m_app->tray()->icon()->toolTip(),
             QStringLiteral("WebinarGeek Connect\n"
                            "jane@example.com (Sandbox Webinars B.V.): Needs sign-in\n"
                            "john@example.com (Sandbox Webinars B.V.): Needs sign-in"));
}

// One notification at a time, and an account takes away only its own: Jane signing in again
// leaves the notice that John must too, which goes when John signs in.
void TestTray::signInAgainFromTheAccountsSubmenu()
{
    Session *jane = account(QStringLiteral("jane"));
    Session *john = account(QStringLiteral("john"));
    QCOMPARE(m_app->notifications()->shownFor(), john);
    QSignalSpy withdrawn(m_app->notifications(), &AccountNotifications::withdraw);
    QVERIFY(m_browser.opened.isEmpty());
    action(jane, "trayAccountSignInAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->window()->isVisible(), 5000);
    finishSignInInTheBrowser(QStringLiteral("jane"));
    QCOMPARE(withdrawn.size(), 0);
    QCOMPARE(m_app->notifications()->shownFor(), john);
    // The same account, renewed in its place (by a new account's sign-in, which renews the one
    // with the same email): not a third one.
    QCOMPARE(m_app->accounts()->sessions().size(), 2);
    jane = account(QStringLiteral("jane"));
    QVERIFY(jane);
    QCOMPARE(m_app->accounts()->sessions().first(), jane);
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QVERIFY(!action(jane, "trayAccountSignInAction"));
    // John's still needs the person.
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::NeedsAttention);

    action(john, "trayAccountSignInAction")->trigger();
    // His sign-in started: the notification about it goes at once.
    QTRY_COMPARE_WITH_TIMEOUT(withdrawn.size(), 1, 5000);
    QVERIFY(!m_app->notifications()->shownFor());
    QTRY_VERIFY_WITH_TIMEOUT(!visibleBalloon(), 10000);
    finishSignInInTheBrowser(QStringLiteral("john"));
    QTRY_VERIFY_WITH_TIMEOUT(account(QStringLiteral("john")) != john, 5000);
    john = account(QStringLiteral("john"));
    QVERIFY(john);
    QCOMPARE(m_app->accounts()->sessions(), (QList<Session *> {jane, john}));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->tray()->status().kind, TrayStatus::Kind::SignedIn, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(iconOnScreen(), m_signedIn, 5000);
}

void TestTray::makeActiveFromTheMenu()
{
    Session *jane = account(QStringLiteral("jane"));
    Session *john = account(QStringLiteral("john"));
    // The last to sign in is the active one.
    QCOMPARE(m_app->accounts()->active(), john);
    QSignalSpy activeChanged(m_app->accounts(), &Accounts::activeChanged);
    QVERIFY(action(jane, "trayAccountMakeActiveAction"));
    action(jane, "trayAccountMakeActiveAction")->trigger();
    QCOMPARE(activeChanged.size(), 1);
    QCOMPARE(m_app->accounts()->active(), jane);
    // Written to the list the command line reads.
    const AccountList list = m_app->accounts()->index().read(m_sandbox->configuration().storageKey());
    QCOMPARE(list.active, jane->slot());
    // The check moves with it.
    QVERIFY(m_app->tray()->accountMenu(jane)->menuAction()->isChecked());
    QVERIFY(!m_app->tray()->accountMenu(john)->menuAction()->isChecked());
    QVERIFY(!action(jane, "trayAccountMakeActiveAction"));
    QVERIFY(action(john, "trayAccountMakeActiveAction"));
}

// Each account has its own refresh lock: refreshing both at once, neither waits for the other or
// spends the other's refresh token.
void TestTray::overlappingRefreshes()
{
    Session *jane = account(QStringLiteral("jane"));
    Session *john = account(QStringLiteral("john"));
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    const int grantsBefore = m_sandbox->grantsOf("refresh_token");
    const QString janeToken = jane->stored().accessToken;
    const QString johnToken = john->stored().accessToken;
    QSignalSpy janeRefreshed(jane, &Session::refreshFinished);
    QSignalSpy johnRefreshed(john, &Session::refreshFinished);
    action(jane, "trayAccountRefreshAction")->trigger();
    action(john, "trayAccountRefreshAction")->trigger();
    // Both under way together.
    QCOMPARE(jane->state(), Session::State::Refreshing);
    QCOMPARE(john->state(), Session::State::Refreshing);
    QCOMPARE(m_app->tray()->status().kind, TrayStatus::Kind::Refreshing);
    QTRY_VERIFY_WITH_TIMEOUT(janeRefreshed.size() == 1 && johnRefreshed.size() == 1, 15000);
    QVERIFY(!janeRefreshed.first().first().value<AuthError>().isError());
    QVERIFY(!johnRefreshed.first().first().value<AuthError>().isError());
    QCOMPARE(m_sandbox->grantsOf("refresh_token"), grantsBefore + 2);
    QVERIFY(jane->stored().accessToken != janeToken);
    QVERIFY(john->stored().accessToken != johnToken);
    QCOMPARE(m_sandbox->accountStatus(jane->stored().accessToken), 200);
    QCOMPARE(m_sandbox->accountStatus(john->stored().accessToken), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->tray()->status().kind, TrayStatus::Kind::SignedIn, 5000);
    QCOMPARE(told.size(), 0);
}

void TestTray::signOutOneOfTwo()
{
    Session *jane = account(QStringLiteral("jane"));
    Session *john = account(QStringLiteral("john"));
    const QString johnToken = john->stored().accessToken;
    QSignalSpy told(m_app->notifications(), &AccountNotifications::notify);
    QSignalSpy removed(m_app->accounts(), &Accounts::removeFinished);
    action(john, "trayAccountRemoveAction")->trigger();
    QVERIFY(removed.wait(15000));
    QCOMPARE(removed.first().at(0).value<Session *>(), john);
    QVERIFY(!removed.first().at(1).value<AuthError>().isError());
    // Signed out at the server too, and off the list; Jane's account stays as it was.
    QCOMPARE(m_sandbox->accountStatus(johnToken), 401);
    QCOMPARE(m_app->accounts()->sessions(), QList<Session *> {jane});
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(m_app->accounts()->active(), jane);

    // One account again: its actions at the top, no submenu, the tooltip as with one session.
    QVERIFY(!m_app->tray()->accountMenu(jane));
    QVERIFY(action("trayRefreshAction"));
    QCOMPARE(action("trayAccountAction")->text(), QStringLiteral("Sign &out"));
    const QString tooltip = m_app->tray()->icon()->toolTip();
    QVERIFY2(tooltip.startsWith(QLatin1String("WebinarGeek Connect\nConnected\n"
                                              "jane@example.com (Sandbox Webinars B.V.)\nToken expires at")),
             qPrintable(tooltip));
    QVERIFY2(!tooltip.contains(QLatin1String("john@")), qPrintable(tooltip));
    QTest::qWait(300);
    QCOMPARE(told.size(), 0);
}

QTEST_MAIN(TestTray)
#include "TestTray.moc"
