// The window comes first: the app library, which shows it, needs Qt Widgets and nothing of the
// network or the keychain; Qt Network, QtNetworkAuth and qtkeychain come with the session library,
// which the app loads only once its window is painted. Checked on the built libraries
// (their dynamic sections) and on a real start of the app binary in a real X session, with the
// dynamic loader reporting every library it loads. Every address is under .invalid.

#include "AppProcess.h"
#include "Sandbox.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString kAppLibrary = QStringLiteral(WGC_APP_LIBRARY);
const QString kSessionLibrary = QStringLiteral(WGC_SESSION_LIBRARY);
// (Qt D-Bus is not among them: Qt Gui needs it.)
const QStringList kNetworkSide = {QStringLiteral("libQt6Network.so"), QStringLiteral("libQt6NetworkAuth.so"),
                                  QStringLiteral("libqt6keychain.so")};

// The libraries `file` names as needed (DT_NEEDED), as readelf prints them.
QStringList neededBy(const QString &file)
{
    const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
    if (readelf.isEmpty())
        qFatal("readelf is missing: install binutils (scripts/setup.sh does)");
    QProcess process;
    process.start(readelf, {QStringLiteral("--dynamic"), file});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {QStringLiteral("readelf failed: ") + QString::fromLocal8Bit(process.readAllStandardError())};
    QStringList needed;
    static const QRegularExpression line(QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"));
    auto matches = line.globalMatch(QString::fromLocal8Bit(process.readAllStandardOutput()));
    while (matches.hasNext())
        needed << matches.next().captured(1);
    return needed;
}

bool needsAny(const QStringList &needed, const QStringList &prefixes)
{
    return std::any_of(needed.begin(), needed.end(), [&prefixes](const QString &library) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&library](const QString &prefix) { return library.startsWith(prefix); });
    });
}

QProcessEnvironment appEnvironment()
{
    QProcessEnvironment env = unreachableAppEnvironment(QStringLiteral("window-first-test"));
    // The loader says which file it opens, and for whom, on the same stderr as the app's log.
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    return env;
}

// The position in `log` of the first line containing `text`, or -1.
int lineOf(const QStringList &log, const QString &text)
{
    for (int i = 0; i < log.size(); ++i) {
        if (log.at(i).contains(text))
            return i;
    }
    return -1;
}

// Where the loader's log says it opened the library `name` (by name, or by a path ending in it).
int loadOf(const QStringList &log, const QString &name)
{
    const QRegularExpression opened(QStringLiteral(R"(\bfile=(\S*/)?)") + QRegularExpression::escape(name));
    for (int i = 0; i < log.size(); ++i) {
        if (opened.match(log.at(i)).hasMatch())
            return i;
    }
    return -1;
}

} // namespace

class TestWindowFirst : public QObject
{
    Q_OBJECT
private slots:
    void appLibraryLeavesTheNetworkOut();
    void networkLoadsAfterTheWindowIsPainted();
};

void TestWindowFirst::appLibraryLeavesTheNetworkOut()
{
    const QStringList app = neededBy(kAppLibrary);
    QVERIFY2(needsAny(app, {QStringLiteral("libQt6Widgets.so")}), qPrintable(app.join(u' ')));
    QVERIFY2(!needsAny(app, kNetworkSide), qPrintable(app.join(u' ')));
    QVERIFY2(!needsAny(app, {QStringLiteral("libsecret"), QStringLiteral("libwebinargeek-connect-session")}),
             qPrintable(app.join(u' ')));

    const QStringList session = neededBy(kSessionLibrary);
    QVERIFY2(needsAny(session, {QStringLiteral("libQt6Network.so")}), qPrintable(session.join(u' ')));
    QVERIFY2(needsAny(session, {QStringLiteral("libQt6NetworkAuth.so")}), qPrintable(session.join(u' ')));
    // It builds on the app library's window and session interface, already loaded when it is.
    QVERIFY2(session.contains(QFileInfo(kAppLibrary).fileName()), qPrintable(session.join(u' ')));
}

void TestWindowFirst::networkLoadsAfterTheWindowIsPainted()
{
    QProcess app;
    app.setProcessEnvironment(appEnvironment());
    app.start(QStringLiteral(WGC_APP_BINARY), {});
    QByteArray err;
    // The session library is up once the one instance listens for later launches.
    const bool listening = waitFor(
        [&] {
            err += app.readAllStandardError();
            return err.contains("The one instance, listening on");
        },
        20000);
    app.terminate();
    if (!app.waitForFinished(5000))
        app.kill();
    err += app.readAllStandardError();
    const QStringList log = QString::fromLocal8Bit(err).split(u'\n');
    QVERIFY2(listening, qPrintable(log.filter(QStringLiteral("wgc.")).join(u'\n')));

    const int painted = lineOf(log, QStringLiteral("The window is on the screen; loading the session library"));
    const int session = loadOf(log, QFileInfo(kSessionLibrary).fileName());
    const int network = loadOf(log, QStringLiteral("libQt6Network.so"));
    const int networkAuth = loadOf(log, QStringLiteral("libQt6NetworkAuth.so"));
    QVERIFY2(painted >= 0, qPrintable(log.filter(QStringLiteral("wgc.")).join(u'\n')));
    // Painted, not given up on after the time-out.
    QCOMPARE(lineOf(log, QStringLiteral("The window was not painted within")), -1);
    QVERIFY2(session > painted,
             qPrintable(QStringLiteral("painted at line %1, session library at %2").arg(painted).arg(session)));
    QVERIFY2(network > session,
             qPrintable(QStringLiteral("session library at line %1, Qt Network at %2").arg(session).arg(network)));
    QVERIFY2(networkAuth > session, qPrintable(log.at(qMax(0, networkAuth))));
    // Loaded for the session library, not for anything else.
    QVERIFY2(log.at(network).contains(QFileInfo(kSessionLibrary).fileName()), qPrintable(log.at(network)));
}

QTEST_GUILESS_MAIN(TestWindowFirst)
#include "TestWindowFirst.moc"
