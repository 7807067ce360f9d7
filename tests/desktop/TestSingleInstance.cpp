// One instance per user, with real processes of the app binary in a real X session: a second
// launch hands over to the first and leaves at once, the first shows its window; `status` answers
// on its own and neither opens a window nor talks to the first; a socket left by a crashed first
// launch is taken over; launches at the same moment end up with exactly one instance.
// Every address the app could reach is under .invalid.

#include "AppProcess.h"
#include "Sandbox.h"

#include "desktop/InstanceLock.h"
#include "desktop/SingleInstance.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QProcessEnvironment appEnvironment()
{
    return unreachableAppEnvironment(QStringLiteral("single-instance-test"));
}

// The app's main windows that are on screen now, found as X sees them: top-level, named like the
// app, of the app's class, larger than a tray icon, and mapped.
int mainWindowsOnScreen()
{
    QProcess tree;
    tree.start(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-tree")});
    if (!tree.waitForFinished(10000))
        return -1;
    static const QRegularExpression line(QStringLiteral(
        R"((0x[0-9a-f]+) "WebinarGeek Connect": \("webinargeek-connect" "webinargeek-connect"\)\s+(\d+)x(\d+))"));
    int shown = 0;
    auto matches = line.globalMatch(QString::fromLocal8Bit(tree.readAllStandardOutput()));
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.captured(2).toInt() < 200)
            continue; // the tray icon
        QProcess info;
        info.start(QStringLiteral("xwininfo"), {QStringLiteral("-id"), match.captured(1)});
        if (info.waitForFinished(10000) && info.readAllStandardOutput().contains("Map State: IsViewable"))
            ++shown;
    }
    return shown;
}

// One long-running app process (the window), its log collected as it comes.
class RunningApp
{
public:
    explicit RunningApp(const QStringList &arguments = {})
    {
        m_process.setProcessEnvironment(appEnvironment());
        m_process.start(QStringLiteral(WGC_APP_BINARY), arguments);
    }
    ~RunningApp()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }
    QString log()
    {
        m_log += QString::fromLocal8Bit(m_process.readAllStandardError());
        return m_log;
    }
    int count(const QString &text) { return int(log().count(text)); }
    bool waitForLog(const QString &text, int ms = 15000)
    {
        return waitFor([this, &text] { return log().contains(text); }, ms);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void crash()
    {
        m_process.kill(); // SIGKILL: nothing is cleaned up, the socket stays behind
        m_process.waitForFinished(5000);
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_log;
};

const QString kListening = QStringLiteral("The one instance, listening on");
const QString kHolding = QStringLiteral("The one instance: holding");
const QString kAskedForWindow = QStringLiteral("Another launch asked for the window");

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void secondLaunchShowsTheFirstAndLeaves();
    void secondLaunchWhileTheFirstStarts();
    void staleSocketIsTakenOver();
    void launchesAtTheSameMomentEndWithOne();
    void activationWhileStartingIsKept();
    void lockIsHeldUntilReleased();
    void askNoticesTheInstanceWentOrGivesUp();
};

void TestSingleInstance::secondLaunchShowsTheFirstAndLeaves()
{
    RunningApp first({QStringLiteral("--background")});
    QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));
    QVERIFY2(first.waitForLog(QStringLiteral("In the system tray")), qPrintable(first.log()));
    QCOMPARE(mainWindowsOnScreen(), 0); // hidden in the tray

    QElapsedTimer elapsed;
    elapsed.start();
    const AppRun second = runApp(appEnvironment(), {});
    const qint64 took = elapsed.elapsed();
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(took < 3000, qPrintable(QString::number(took)));
    QVERIFY2(second.err.contains("Another instance runs"), second.err.constData());
    QVERIFY2(first.waitForLog(kAskedForWindow, 5000), qPrintable(first.log()));
    QTRY_COMPARE_WITH_TIMEOUT(mainWindowsOnScreen(), 1, 5000);

    // `status` answers by itself: no second window, not a word to the running one.
    const AppRun status = runApp(appEnvironment(), {QStringLiteral("status")});
    QCOMPARE(status.exitCode, 1); // not signed in
    QVERIFY2((status.out + status.err).contains("Not signed in"), (status.out + status.err).constData());
    QVERIFY(!status.err.contains("Another instance"));
    QTest::qWait(500);
    QCOMPARE(first.count(kAskedForWindow), 1);
    QCOMPARE(mainWindowsOnScreen(), 1);

    // A start at login while it runs (--background) only checks; the window is not brought up.
    const AppRun background = runApp(appEnvironment(), {QStringLiteral("--background")});
    QCOMPARE(background.exitCode, 0);
    QTest::qWait(500);
    QCOMPARE(first.count(kAskedForWindow), 1);
    QVERIFY(first.isRunning());
    QCOMPARE(first.count(kListening), 1);
}

void TestSingleInstance::staleSocketIsTakenOver()
{
    const QString socket = InstanceLock::defaultServerName();
    {
        RunningApp crashed({QStringLiteral("--background")});
        QVERIFY2(crashed.waitForLog(kListening), qPrintable(crashed.log()));
        QVERIFY(crashed.log().contains(socket));
        crashed.crash();
    }
    QVERIFY2(QFileInfo::exists(socket), qPrintable(socket)); // left behind

    RunningApp next({QStringLiteral("--background")});
    QVERIFY2(next.waitForLog(kListening), qPrintable(next.log()));
    QVERIFY(next.log().contains(QStringLiteral("Taking over a socket")));
    const AppRun second = runApp(appEnvironment(), {});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(next.waitForLog(kAskedForWindow, 5000), qPrintable(next.log()));
}

void TestSingleInstance::launchesAtTheSameMomentEndWithOne()
{
    std::vector<std::unique_ptr<RunningApp>> apps;
    for (int i = 0; i < 3; ++i)
        apps.push_back(std::make_unique<RunningApp>(QStringList {QStringLiteral("--background")}));
    // All but one hand over and leave with 0; one stays and listens.
    QVERIFY(waitFor(
        [&apps] {
            int finished = 0;
            for (const auto &app : apps)
                finished += app->isRunning() ? 0 : 1;
            return finished == 2;
        },
        15000));
    int listening = 0;
    for (const auto &app : apps) {
        if (app->isRunning()) {
            QVERIFY2(app->waitForLog(kListening), qPrintable(app->log()));
            ++listening;
        } else {
            QCOMPARE(app->process().exitStatus(), QProcess::NormalExit);
            QCOMPARE(app->process().exitCode(), 0);
            QVERIFY(!app->log().contains(kListening));
        }
    }
    QCOMPARE(listening, 1);
}

// The one instance listens before the app has finished starting (the client secret may still be
// read from the keychain); a launch in that moment must not lose its request for the window.
void TestSingleInstance::activationWhileStartingIsKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(QStringLiteral("instance.socket"));
    InstanceLock lock(name);
    QCOMPARE(lock.claim(), InstanceLock::Result::Claimed);
    SingleInstance primary(name);
    QVERIFY(primary.listen());

    const auto askForTheWindow = [&] {
        QLocalSocket later;
        later.connectToServer(primary.serverName());
        QVERIFY(later.waitForConnected(5000));
        later.write("activate\n");
        QTRY_VERIFY(later.canReadLine());
        QCOMPARE(later.readLine().trimmed(), QByteArray("ok"));
    };

    askForTheWindow(); // nobody connected to activationRequested yet
    QVERIFY(primary.takePendingActivation());
    QVERIFY(!primary.takePendingActivation()); // once

    QSignalSpy activated(&primary, &SingleInstance::activationRequested);
    askForTheWindow();
    QTRY_COMPARE(activated.count(), 1);
    QVERIFY(!primary.takePendingActivation()); // told at once, nothing kept
}

// The first launch claims the lock before it listens (DesktopMain.cpp), so a second launch right
// after it may find the lock held before anyone listens: it knocks until the first listens, and
// the first shows its window once.
void TestSingleInstance::secondLaunchWhileTheFirstStarts()
{
    RunningApp first;
    QVERIFY2(first.waitForLog(kHolding), qPrintable(first.log()));
    const AppRun second = runApp(appEnvironment(), {});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.err.contains("Another instance runs"), second.err.constData());
    QVERIFY2(!second.err.contains(kHolding.toUtf8()), second.err.constData());
    QVERIFY2(first.waitForLog(kListening), qPrintable(first.log()));
    QVERIFY2(first.waitForLog(kAskedForWindow, 5000), qPrintable(first.log()));
    QTRY_COMPARE_WITH_TIMEOUT(mainWindowsOnScreen(), 1, 5000);
    QCOMPARE(first.count(kAskedForWindow), 1);
}

// In one process, as two launches would see it: the lock is the one instance's until it lets go.
void TestSingleInstance::lockIsHeldUntilReleased()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(QStringLiteral("instance.socket"));
    InstanceLock first(name);
    QCOMPARE(first.claim(), InstanceLock::Result::Claimed);
    QVERIFY(first.isClaimed());
    QVERIFY(QFileInfo::exists(name + QStringLiteral(".lock")));

    InstanceLock later(name);
    QCOMPARE(later.claim(), InstanceLock::Result::HeldByAnother);
    QVERIFY(!later.isClaimed());

    first.release();
    QVERIFY(!first.isClaimed());
    QCOMPARE(later.claim(), InstanceLock::Result::Claimed);

    // Where no lock file can be made: said, not taken for another instance.
    InstanceLock nowhere(dir.filePath(QStringLiteral("missing/folder/instance.socket")));
    QCOMPARE(nowhere.claim(), InstanceLock::Result::Failed);
    QVERIFY2(nowhere.errorString().contains(QStringLiteral("missing/folder")), qPrintable(nowhere.errorString()));
}

// Nobody listens: a later launch notices when the one instance went away (the lock came free),
// and otherwise gives up after its time with a sentence for the person.
void TestSingleInstance::askNoticesTheInstanceWentOrGivesUp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = dir.filePath(QStringLiteral("instance.socket"));
    int asked = 0;
    SingleInstance later(name);
    QCOMPARE(later.ask(SingleInstance::Request::Activate, [&asked] { return ++asked == 3; }),
             SingleInstance::Answer::Gone);
    QCOMPARE(asked, 3);

    SingleInstance patient(name);
    QCOMPARE(patient.ask(
                 SingleInstance::Request::Activate, [] { return false; }, 300),
             SingleInstance::Answer::NoAnswer);
    QCOMPARE(patient.errorString(), QStringLiteral("WebinarGeek Connect is already running but does not answer."));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
