// RefreshScheduler decides when the access token is refreshed. Time comes from a FakeClock the
// test moves by hand: every assertion is about the clocks the scheduler was shown, never about
// how long the test took.

#include "FakeClock.h"

#include "auth/RefreshScheduler.h"

#include <QSignalSpy>
#include <QTest>

class TestRefreshScheduler : public QObject
{
    Q_OBJECT
private slots:
    void leadSeconds_data();
    void leadSeconds();
    void retryDelaySeconds_data();
    void retryDelaySeconds();
    void aimsBeforeExpiryWithJitter_data();
    void aimsBeforeExpiryWithJitter();
    void firesOnceWhenTheClockPassesTheDueTime();
    void doesNotFireEarly();
    void unknownExpiryMeansNoTimer();
    void wallClockJumpWithExpiredTokenFiresAtOnce();
    void wallClockJumpLeavingTimeToSpareDoesNotFire();
    void networkBackWhileRetryingFiresAtOnce();
    void networkBackWithTokenFarFromExpiryDoesNothing();
    void networkBackWithTokenAboutToExpireFires();
    void retriesBackOff();
    void retryAfterIsObeyedExactly();
    void retryFiresWhenDue();
    void successAfterRetriesResetsTheCounter();
    void stopClearsEverything();
};

void TestRefreshScheduler::leadSeconds_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("lead");
    QTest::newRow("one hour: a tenth") << qint64(3600) << qint64(360);
    QTest::newRow("five minutes: the 60 s minimum") << qint64(300) << qint64(60);
    QTest::newRow("100 s: capped at half") << qint64(100) << qint64(50);
    QTest::newRow("60 s: half") << qint64(60) << qint64(30);
    QTest::newRow("10 s: half") << qint64(10) << qint64(5);
    QTest::newRow("no lifetime") << qint64(0) << qint64(0);
    QTest::newRow("negative lifetime") << qint64(-5) << qint64(0);
    QTest::newRow("one day: a tenth") << qint64(86400) << qint64(8640);
}

void TestRefreshScheduler::leadSeconds()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, lead);
    QCOMPARE(RefreshScheduler::leadSeconds(lifetime), lead);
}

void TestRefreshScheduler::retryDelaySeconds_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("retryAfter");
    QTest::addColumn<qint64>("delay");
    QTest::newRow("attempt 1") << 1 << qint64(-1) << qint64(5);
    QTest::newRow("attempt 2") << 2 << qint64(-1) << qint64(10);
    QTest::newRow("attempt 3") << 3 << qint64(-1) << qint64(20);
    QTest::newRow("attempt 4") << 4 << qint64(-1) << qint64(40);
    QTest::newRow("attempt 5") << 5 << qint64(-1) << qint64(80);
    QTest::newRow("attempt 6") << 6 << qint64(-1) << qint64(160);
    QTest::newRow("attempt 7: capped at 5 minutes") << 7 << qint64(-1) << qint64(300);
    QTest::newRow("attempt 50: still capped") << 50 << qint64(-1) << qint64(300);
    QTest::newRow("Retry-After 17") << 1 << qint64(17) << qint64(17);
    QTest::newRow("Retry-After 17 on attempt 6") << 6 << qint64(17) << qint64(17);
    QTest::newRow("Retry-After 0") << 3 << qint64(0) << qint64(0);
    QTest::newRow("Retry-After 99999: capped at an hour") << 1 << qint64(99999) << qint64(3600);
}

void TestRefreshScheduler::retryDelaySeconds()
{
    QFETCH(int, attempt);
    QFETCH(qint64, retryAfter);
    QFETCH(qint64, delay);
    QCOMPARE(RefreshScheduler::retryDelaySeconds(attempt, retryAfter), delay);
}

void TestRefreshScheduler::aimsBeforeExpiryWithJitter_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("one hour") << qint64(3600);
    QTest::newRow("five minutes") << qint64(300);
    QTest::newRow("one day") << qint64(86400);
}

void TestRefreshScheduler::aimsBeforeExpiryWithJitter()
{
    QFETCH(qint64, lifetime);
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    const qint64 lead = RefreshScheduler::leadSeconds(lifetime);
    const QDateTime expiry = clock.now().addSecs(lifetime);
    const QDateTime latest = expiry.addSecs(-lead);
    const QDateTime earliest = latest.addMSecs(-lead * 100); // a tenth of the lead earlier
    // The jitter is random: many draws must all stay in the window.
    for (int i = 0; i < 200; ++i) {
        scheduler.scheduleBeforeExpiry(clock.now(), expiry);
        const QDateTime due = scheduler.nextRefreshAt();
        QVERIFY(due.isValid());
        QVERIFY2(due >= earliest && due <= latest,
                 qPrintable(
                     QStringLiteral("due %1 s before expiry, lead %2 s").arg(due.msecsTo(expiry) / 1000.0).arg(lead)));
    }
    QVERIFY(!scheduler.isRetrying());
    QCOMPARE(scheduler.failedAttempts(), 0);
}

void TestRefreshScheduler::firesOnceWhenTheClockPassesTheDueTime()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    const QDateTime at = scheduler.nextRefreshAt();

    clock.advanceTo(at.addSecs(1));
    QCOMPARE(due.size(), 1);
    QVERIFY(!scheduler.nextRefreshAt().isValid()); // spent: nothing aimed until Session says so
    // More time passing does not fire it again.
    clock.advance(60);
    clock.advance(3600);
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::doesNotFireEarly()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    const QDateTime at = scheduler.nextRefreshAt();

    clock.advance(clock.now().secsTo(at) - 1);
    QVERIFY(clock.now() < at);
    QCOMPARE(due.size(), 0);
    QCOMPARE(scheduler.nextRefreshAt(), at); // still aimed at the same moment
    clock.advanceTo(at);
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::unknownExpiryMeansNoTimer()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), QDateTime());
    QVERIFY(!scheduler.nextRefreshAt().isValid());
    clock.advance(30 * 24 * 3600);
    QCOMPARE(due.size(), 0);
}

void TestRefreshScheduler::wallClockJumpWithExpiredTokenFiresAtOnce()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    const QDateTime expiry = clock.now().addSecs(3600);
    scheduler.scheduleBeforeExpiry(clock.now(), expiry);

    // The lid was closed for two hours: the monotonic clock saw none of it.
    const qint64 monotonicBefore = clock.monotonicMs();
    clock.jumpWallClock(2 * 3600);
    QCOMPARE(clock.monotonicMs(), monotonicBefore);
    QVERIFY(clock.now() > expiry);
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::wallClockJumpLeavingTimeToSpareDoesNotFire()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(10 * 3600));
    const QDateTime at = scheduler.nextRefreshAt();
    clock.jumpWallClock(2 * 3600);
    QCOMPARE(due.size(), 0);
    QCOMPARE(scheduler.nextRefreshAt(), at);
}

void TestRefreshScheduler::networkBackWhileRetryingFiresAtOnce()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    scheduler.scheduleRetry();
    scheduler.scheduleRetry();
    QVERIFY(scheduler.isRetrying());
    QVERIFY(scheduler.nextRefreshAt() > clock.now());

    scheduler.networkBecameReachable();
    QCOMPARE(due.size(), 1);
    QVERIFY(!scheduler.nextRefreshAt().isValid());
    // The waiting retry was replaced, not added to.
    clock.advance(3600);
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::networkBackWithTokenFarFromExpiryDoesNothing()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    const QDateTime at = scheduler.nextRefreshAt();
    scheduler.networkBecameReachable();
    QCOMPARE(due.size(), 0);
    QCOMPARE(scheduler.nextRefreshAt(), at);
}

void TestRefreshScheduler::networkBackWithTokenAboutToExpireFires()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    // A short-lived token: 50 s left, its refresh aimed about 25 s from now, no retry waiting.
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(50));
    QVERIFY(scheduler.nextRefreshAt() > clock.now());
    QVERIFY(!scheduler.isRetrying());
    scheduler.networkBecameReachable();
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::retriesBackOff()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    // Each retry waits about twice as long as the one before (a fifth either way).
    const QList<qint64> expected = {5, 10, 20, 40, 80, 160, 300, 300};
    for (int i = 0; i < expected.size(); ++i) {
        const QDateTime due = scheduler.scheduleRetry();
        QCOMPARE(scheduler.failedAttempts(), i + 1);
        QVERIFY(scheduler.isRetrying());
        QCOMPARE(scheduler.nextRefreshAt(), due);
        const qint64 ms = clock.now().msecsTo(due);
        const qint64 nominal = expected.at(i) * 1000;
        QVERIFY2(
            ms >= nominal * 4 / 5 && ms <= nominal * 6 / 5,
            qPrintable(QStringLiteral("retry %1 after %2 ms, expected about %3 ms").arg(i + 1).arg(ms).arg(nominal)));
    }
}

void TestRefreshScheduler::retryAfterIsObeyedExactly()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QCOMPARE(scheduler.scheduleRetry(17), clock.now().addSecs(17));
    QCOMPARE(scheduler.failedAttempts(), 1);
    QCOMPARE(scheduler.scheduleRetry(99999), clock.now().addSecs(3600));
    QCOMPARE(scheduler.failedAttempts(), 2);
}

void TestRefreshScheduler::retryFiresWhenDue()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    const QDateTime at = scheduler.scheduleRetry(120);
    clock.advance(119);
    QCOMPARE(due.size(), 0);
    clock.advanceTo(at);
    QCOMPARE(due.size(), 1);
}

void TestRefreshScheduler::successAfterRetriesResetsTheCounter()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    scheduler.scheduleRetry();
    scheduler.scheduleRetry();
    QCOMPARE(scheduler.failedAttempts(), 2);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    QCOMPARE(scheduler.failedAttempts(), 0);
    QVERIFY(!scheduler.isRetrying());
    // The next failure starts the back-off from the beginning.
    const QDateTime retry = scheduler.scheduleRetry();
    QVERIFY(clock.now().msecsTo(retry) <= 6000);
}

void TestRefreshScheduler::stopClearsEverything()
{
    FakeClock clock;
    RefreshScheduler scheduler(&clock);
    QSignalSpy due(&scheduler, &RefreshScheduler::refreshDue);
    scheduler.scheduleBeforeExpiry(clock.now(), clock.now().addSecs(3600));
    scheduler.scheduleRetry();
    QVERIFY(scheduler.nextRefreshAt().isValid());
    scheduler.stop();
    QVERIFY(!scheduler.nextRefreshAt().isValid());
    QCOMPARE(scheduler.failedAttempts(), 0);
    QVERIFY(!scheduler.isRetrying());
    // Nothing fires afterwards: not time, not a sleep, not the network.
    clock.advance(2 * 3600);
    clock.jumpWallClock(2 * 3600);
    scheduler.networkBecameReachable();
    scheduler.check();
    QCOMPARE(due.size(), 0);
}

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "TestRefreshScheduler.moc"
