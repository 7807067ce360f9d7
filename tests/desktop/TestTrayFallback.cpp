// With no tray host at all (tests/with-desktop.sh --no-tray): the app looks for a tray a few
// times, then settles on a plain window, with no timer left running; closing that window quits.
// Started hidden, it shows the window once it has given up on the tray, so it is never invisible.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Sandbox.h"
#include "TrayIndicator.h"

#include "auth/Session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

namespace {

constexpr int kRetryMs = 300;
constexpr int kAttempts = 3;

} // namespace

class TestTrayFallback : public QObject
{
    Q_OBJECT
private slots:
    void retryIsAFewTimesEveryTwoSeconds();
    void plainWindowAndClosingQuits();
    void startHiddenShowsTheWindowOnceThereIsNoTray();
    void startHiddenStartsTheRestAtOnce();
};

void TestTrayFallback::retryIsAFewTimesEveryTwoSeconds()
{
    QCOMPARE(DesktopApp::kTrayRetryIntervalMs, 2000);
    QCOMPARE(DesktopApp::kTrayRetryAttempts, 5);
}

void TestTrayFallback::plainWindowAndClosingQuits()
{
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")));
    app.setTrayRetry(kRetryMs, kAttempts);
    QSignalSpy settled(&app, &DesktopApp::traySettled);
    QSignalSpy quit(&app, &DesktopApp::quitRequested);
    QElapsedTimer elapsed;
    elapsed.start();
    app.start();
    // The window does not wait for the tray; the tray's search starts once it is painted.
    QVERIFY(QTest::qWaitForWindowExposed(app.window()));
    QTRY_VERIFY_WITH_TIMEOUT(app.isWaitingForTray(), 1000);
    QVERIFY(!app.hasTray());

    QVERIFY(settled.wait(10000));
    QCOMPARE(settled.first().first().toBool(), false);
    QVERIFY2(elapsed.elapsed() >= kRetryMs * kAttempts - 50, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!app.isWaitingForTray()); // settled: no timer keeps running
    QVERIFY(!app.hasTray());
    QVERIFY(!app.tray()->isVisible());
    QVERIFY(app.window()->isVisible());
    // Nothing more happens later.
    QTest::qWait(kRetryMs * 2);
    QCOMPARE(settled.size(), 1);

    QVERIFY(app.window()->close());
    QVERIFY(!app.window()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, 2000);
}

void TestTrayFallback::startHiddenShowsTheWindowOnceThereIsNoTray()
{
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")));
    app.setTrayRetry(kRetryMs, kAttempts);
    app.setStartHidden(true);
    QSignalSpy settled(&app, &DesktopApp::traySettled);
    app.start();
    QVERIFY(!app.window()->isVisible()); // waiting for a tray to hide in
    QVERIFY(settled.wait(10000));
    QCOMPARE(settled.first().first().toBool(), false);
    QVERIFY(QTest::qWaitForWindowExposed(app.window()));
    QVERIFY(!app.isWaitingForTray());
}

void TestTrayFallback::startHiddenStartsTheRestAtOnce()
{
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")));
    app.setTrayRetry(kRetryMs, kAttempts);
    app.setStartHidden(true);
    QSignalSpy restored(app.session(), &Session::restoreFinished);
    app.start();
    // No window to wait for: the tray icon is made and the keychain asked before start() returns.
    QVERIFY(app.tray());
    QVERIFY(app.isWaitingForTray());
    QVERIFY(restored.wait(10000));
    QCOMPARE(app.session()->state(), Session::State::SignedOut);
}

QTEST_MAIN(TestTrayFallback)
#include "TestTrayFallback.moc"
