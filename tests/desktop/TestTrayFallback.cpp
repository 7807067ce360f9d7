// With no tray host at all (tests/with-desktop.sh --no-tray): the app looks for a tray a few
// times, then settles on a plain window, with no timer left running; closing that window quits.
// Started hidden, it shows the window once it has given up on the tray, so it is never invisible.
// Shown, it reads the keychain and makes its tray icon only once the window is painted, or after
// a while when the window is never exposed.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Sandbox.h"
#include "TrayIndicator.h"

#include "auth/Session.h"

#include <QElapsedTimer>
#include <QExposeEvent>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QWindow>

namespace {

constexpr int kRetryMs = 300;
constexpr int kAttempts = 3;

// Holds back every expose of a window, as a window mapped where nobody sees it never gets one.
// On the application, so it sees the event before the window or any filter on it does.
class ExposeHold : public QObject
{
public:
    int held = 0;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Expose || !watched->isWindowType())
            return false;
        ++held;
        return true;
    }
};

} // namespace

class TestTrayFallback : public QObject
{
    Q_OBJECT
private slots:
    void retryIsAFewTimesEveryTwoSeconds();
    void plainWindowAndClosingQuits();
    void startHiddenShowsTheWindowOnceThereIsNoTray();
    void restStartsOnceTheWindowIsPainted();
    void restStartsAnywayWhenTheWindowIsNeverExposed();
    void startHiddenStartsTheRestAtOnce();
    void shownWindowHandedOverStartsTheRestAtOnce();
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

void TestTrayFallback::restStartsOnceTheWindowIsPainted()
{
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")));
    app.setTrayRetry(kRetryMs, kAttempts);
    app.setFirstPaintTimeout(60000); // out of the way: only the expose may start the rest
    QSignalSpy restored(app.session(), &Session::restoreFinished);
    ExposeHold hold;
    qApp->installEventFilter(&hold);
    app.start();
    QWindow *window = app.window()->windowHandle();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(hold.held > 0, 5000); // the X server exposed it; held back here
    QTest::qWait(300); // time enough for anything queued at show() to have run
    QVERIFY(!app.tray());
    QCOMPARE(restored.size(), 0); // a keychain read would have answered by now

    qApp->removeEventFilter(&hold);
    QVERIFY(window->isExposed());
    QExposeEvent expose(QRect(QPoint(), window->size()));
    QCoreApplication::sendEvent(window, &expose);
    QVERIFY(!app.tray()); // after the paint, not in the middle of it
    QTRY_VERIFY_WITH_TIMEOUT(app.tray(), 2000);
    QVERIFY(app.isWaitingForTray());
    QVERIFY(restored.size() > 0 || restored.wait(10000));
    QCOMPARE(app.session()->state(), Session::State::SignedOut);
    // Only once: a later expose starts nothing again.
    QCoreApplication::sendEvent(window, &expose);
    TrayIndicator *tray = app.tray();
    QTest::qWait(100);
    QCOMPARE(app.tray(), tray);
    QCOMPARE(restored.size(), 1);
}

void TestTrayFallback::restStartsAnywayWhenTheWindowIsNeverExposed()
{
    constexpr int kTimeoutMs = 400;
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")));
    app.setTrayRetry(kRetryMs, kAttempts);
    app.setFirstPaintTimeout(kTimeoutMs);
    QSignalSpy restored(app.session(), &Session::restoreFinished);
    ExposeHold hold;
    qApp->installEventFilter(&hold);
    QElapsedTimer elapsed;
    elapsed.start();
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(hold.held > 0, 5000);
    QVERIFY(!app.tray());
    QTRY_VERIFY_WITH_TIMEOUT(app.tray(), 5000);
    QVERIFY2(elapsed.elapsed() >= kTimeoutMs - 50, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(app.isWaitingForTray());
    QVERIFY(restored.size() > 0 || restored.wait(10000));
    QCOMPARE(app.session()->state(), Session::State::SignedOut);
    qApp->removeEventFilter(&hold);
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

// As the app library hands its window over once it is painted: the rest starts at once, without
// waiting for another expose, and the window is left as it is (not raised again).
void TestTrayFallback::shownWindowHandedOverStartsTheRestAtOnce()
{
    auto *window = new MainWindow;
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ExposeHold hold; // no expose from here on: only the window's state may start the rest
    qApp->installEventFilter(&hold);
    DesktopApp app(unreachableConfiguration(QStringLiteral("fallback-test")), window);
    QCOMPARE(app.window(), window);
    app.setTrayRetry(kRetryMs, kAttempts);
    app.setFirstPaintTimeout(60000);
    QSignalSpy restored(app.session(), &Session::restoreFinished);
    app.start();
    QVERIFY(app.tray()); // before start() returned
    QVERIFY(restored.wait(10000));
    QCOMPARE(app.session()->state(), Session::State::SignedOut);
    QVERIFY(window->isVisible());
    qApp->removeEventFilter(&hold);
}

QTEST_MAIN(TestTrayFallback)
#include "TestTrayFallback.moc"
