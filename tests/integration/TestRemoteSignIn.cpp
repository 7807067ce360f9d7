// Signing in when the browser runs on another computer (over SSH): its redirect to 127.0.0.1
// goes nowhere, and the person pastes the address it ended on. Debian's Chromium plays that
// browser (tests/sandbox/chromium.mjs --stop-at-redirect: the redirect is refused inside the
// browser, so the app's listener never sees it) against the sandbox's real authorization server;
// the keychain is a real (private) gnome-keyring. The command line reads the paste from a real
// pseudo-terminal. Also `login --port`, for `ssh -L` port forwarding.

#include "AppOnTerminal.h"
#include "AppProcess.h"
#include "FaultRig.h" // getLoopback(), redirectPort()
#include "Sandbox.h"
#include "SessionRig.h"

#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <unistd.h>

namespace {

struct ChromiumResult
{
    int exitCode = -1;
    QString out; // "REDIRECT <address>", or "FINAL <status> <origin><path>" and the page's text
    QString errorText;
};

// Runs chromium.mjs on `authorizationUrl`, spinning the event loop so an app in this process
// can answer it.
ChromiumResult runChromium(const QUrl &authorizationUrl, const QStringList &extraArguments = {})
{
    QProcess browser;
    browser.setWorkingDirectory(QStringLiteral(WGC_SANDBOX_DIR));
    browser.start(QStringLiteral("node"),
                  QStringList {QStringLiteral("chromium.mjs")} << extraArguments
                                                               << authorizationUrl.toString(QUrl::FullyEncoded));
    ChromiumResult result;
    if (!waitFor([&browser] { return browser.state() == QProcess::NotRunning; }, 90000)) {
        browser.kill();
        browser.waitForFinished(2000);
        result.errorText = QStringLiteral("chromium.mjs did not finish");
        return result;
    }
    result.exitCode = browser.exitCode();
    result.out = QString::fromUtf8(browser.readAllStandardOutput());
    result.errorText = QString::fromUtf8(browser.readAllStandardError());
    return result;
}

// The address the real browser ended on, which the app's listener never received; empty when
// the browser did not get there.
QString addressFromChromium(const QUrl &authorizationUrl, QString *why, const QStringList &extraArguments = {})
{
    const ChromiumResult browser =
        runChromium(authorizationUrl, QStringList {QStringLiteral("--stop-at-redirect")} << extraArguments);
    *why = browser.errorText + browser.out;
    const QString line = browser.out.trimmed();
    if (browser.exitCode != 0 || !line.startsWith(QLatin1String("REDIRECT ")))
        return QString();
    return line.mid(9);
}

// `address` with its query item `name` replaced by `value`.
QString withQueryItem(const QString &address, const QString &name, const QString &value)
{
    QUrl url(address);
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, value);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool portIsClosed(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return !socket.waitForConnected(2000);
}

// A port on 127.0.0.1 that was free a moment ago.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

const QString kPrompt = QStringLiteral("paste it here and press Enter");

} // namespace

class TestRemoteSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void pasteWinsAndClosesTheListener();
    void loopbackWinsAndRefusesThePaste();
    void pastedAddressesAreChecked();
    void commandLineTakesAPaste();
    void commandLineTakesADeniedPaste();
    void commandLineStopsReadingWhenTheBrowserComesBack();
    void commandLineOffersNoPasteWithoutATerminal();
    void commandLineInTheBackgroundLeavesTheTerminal();
    void fixedPort();
    void portInUse();

private:
    std::unique_ptr<Sandbox> m_sandbox;
};

void TestRemoteSignIn::initTestCase()
{
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

// Every test starts signed out.
void TestRemoteSignIn::init()
{
    TokenStore store(m_sandbox->configuration().storageKey());
    bool done = false;
    store.clear([&done](const TokenStore::Result &) { done = true; });
    QVERIFY(waitFor([&done] { return done; }, 10000));
}

// The pasted address is taken: the listener closes at once, so the browser's own redirect, should
// it still arrive, finds nobody; the address counts once.
void TestRemoteSignIn::pasteWinsAndClosesTheListener()
{
    const int grantsBefore = m_sandbox->grantsOf("authorization_code");
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy taken(&rig.session, &Session::signInRedirectTaken);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();
    const quint16 port = redirectPort(url);

    QString why;
    const QString address = addressFromChromium(url, &why);
    QVERIFY2(address.startsWith(QStringLiteral("http://127.0.0.1:%1/?").arg(port)), qPrintable(why));
    QVERIFY(!portIsClosed(port)); // the browser's redirect never reached the listener

    QCOMPARE(rig.session.takePastedRedirect(address), RedirectVerdict::Taken);
    QCOMPARE(taken.size(), 1);
    QVERIFY(portIsClosed(port));
    QCOMPARE(getLoopback(QUrl(address)).first, 0);
    QCOMPARE(rig.session.takePastedRedirect(address), RedirectVerdict::NotWaiting);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AuthError error = finished.first().first().value<AuthError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
    QCOMPARE(rig.session.stored().email, QStringLiteral("jane@example.com"));
    QCOMPARE(m_sandbox->accountStatus(rig.session.stored().accessToken), 200);
    QCOMPARE(m_sandbox->grantsOf("authorization_code"), grantsBefore + 1);
}

// The browser's redirect reaches the listener first: a paste of the same address from then on is
// refused, and nothing is exchanged twice.
void TestRemoteSignIn::loopbackWinsAndRefusesThePaste()
{
    const int grantsBefore = m_sandbox->grantsOf("authorization_code");
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    QString why;
    const QString address = addressFromChromium(urlSpy.first().first().toUrl(), &why);
    QVERIFY2(!address.isEmpty(), qPrintable(why));

    // The same address pasted the moment the listener took it, while the code is exchanged.
    QList<RedirectVerdict> pasted;
    connect(&rig.session, &Session::signInRedirectTaken, this,
            [&] { pasted << rig.session.takePastedRedirect(address); });
    const QPair<int, QString> page = getLoopback(QUrl(address));
    QCOMPARE(page.first, 200);
    QVERIFY2(page.second.contains(QLatin1String("You are signed in")), qPrintable(page.second));
    QCOMPARE(pasted, QList<RedirectVerdict> {RedirectVerdict::NotWaiting});

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(!finished.first().first().value<AuthError>().isError());
    QCOMPARE(rig.session.takePastedRedirect(address), RedirectVerdict::NotWaiting);
    QCOMPARE(m_sandbox->grantsOf("authorization_code"), grantsBefore + 1);
}

// What is pasted passes the listener's checks, and is this attempt's redirect address; a wrong
// one changes nothing, and the right one pasted after it still signs in.
void TestRemoteSignIn::pastedAddressesAreChecked()
{
    SessionRig rig(m_sandbox->configuration());
    QSignalSpy urlSpy(&rig.session, &Session::authorizationUrlReady);
    QSignalSpy taken(&rig.session, &Session::signInRedirectTaken);
    QSignalSpy finished(&rig.session, &Session::signInFinished);
    QVERIFY(rig.session.signIn(60));
    QTRY_COMPARE_WITH_TIMEOUT(urlSpy.size(), 1, 5000);
    const QUrl url = urlSpy.first().first().toUrl();
    const quint16 port = redirectPort(url);
    QString why;
    const QString address = addressFromChromium(url, &why);
    QVERIFY2(!address.isEmpty(), qPrintable(why));
    const QString query = QUrl(address).query(QUrl::FullyEncoded);
    const QString code = QUrlQuery(QUrl(address)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const QList<QPair<QString, RedirectVerdict>> wrong = {
        {QString(), RedirectVerdict::NotAnAddress},
        {QStringLiteral("allow"), RedirectVerdict::NotAnAddress},
        {code, RedirectVerdict::NotAnAddress},
        {QStringLiteral("127.0.0.1:%1/?%2").arg(port).arg(query), RedirectVerdict::NotAnAddress}, // no scheme
        {QStringLiteral("http://localhost:%1/?%2").arg(port).arg(query), RedirectVerdict::WrongAddress},
        {QStringLiteral("https://127.0.0.1:%1/?%2").arg(port).arg(query), RedirectVerdict::WrongAddress},
        {QStringLiteral("http://127.0.0.1:%1/?%2").arg(port == 65535 ? 65534 : port + 1).arg(query),
         RedirectVerdict::WrongAddress},
        {QStringLiteral("http://127.0.0.1/?%1").arg(query), RedirectVerdict::WrongAddress},
        {QStringLiteral("http://me@127.0.0.1:%1/?%2").arg(port).arg(query), RedirectVerdict::WrongAddress},
        {QStringLiteral("http://127.0.0.1:%1/cb?%2").arg(port).arg(query), RedirectVerdict::WrongPath},
        {QStringLiteral("http://127.0.0.1:%1//?%2").arg(port).arg(query), RedirectVerdict::WrongPath},
        {withQueryItem(address, QStringLiteral("state"), QStringLiteral("another-sign-in")),
         RedirectVerdict::WrongState},
        {withQueryItem(address, QStringLiteral("state"), QString()), RedirectVerdict::WrongState},
    };
    for (const auto &[text, verdict] : wrong) {
        QVERIFY2(rig.session.takePastedRedirect(text) == verdict, qPrintable(text));
        QVERIFY(!portIsClosed(port));
    }
    QCOMPARE(taken.size(), 0);
    QCOMPARE(finished.size(), 0);

    // Spaces around it, as a terminal paste may bring, are no part of the address.
    QCOMPARE(rig.session.takePastedRedirect(QStringLiteral("  %1 \t").arg(address)), RedirectVerdict::Taken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY2(!finished.first().first().value<AuthError>().isError(),
             qPrintable(finished.first().first().value<AuthError>().message()));
    QCOMPARE(rig.session.state(), Session::State::SignedIn);
}

// `login --no-browser` on a terminal: wrong pastes are explained and the attempt goes on; the
// right one signs in.
void TestRemoteSignIn::commandLineTakesAPaste()
{
    AppOnTerminal login(m_sandbox->environment());
    QVERIFY(login.start({QStringLiteral("login"), QStringLiteral("--no-browser")}));
    const QString url = login.firstOutLine();
    QVERIFY2(url.startsWith(m_sandbox->baseUrl().toString()), qPrintable(url + login.err()));
    QVERIFY2(login.waitForErr(kPrompt), qPrintable(login.err()));
    const quint16 port = redirectPort(QUrl(url));
    QVERIFY(login.err().contains(QStringLiteral("http://127.0.0.1:%1/").arg(port)));

    QString why;
    const QString address = addressFromChromium(QUrl(url), &why);
    QVERIFY2(!address.isEmpty(), qPrintable(why));

    const QList<QPair<QString, QString>> wrong = {
        {QStringLiteral("not an address"), QStringLiteral("That is not a web address")},
        {QStringLiteral("http://127.0.0.1:%1/cb?%2").arg(port).arg(QUrl(address).query(QUrl::FullyEncoded)),
         QStringLiteral("another path")},
        {QStringLiteral("http://127.0.0.1:%1/?%2").arg(port == 65535 ? 65534 : port + 1).arg(QUrl(address).query()),
         QStringLiteral("does not lead to this sign-in")},
        {withQueryItem(address, QStringLiteral("state"), QStringLiteral("another-sign-in")),
         QStringLiteral("belongs to another sign-in")},
    };
    for (const auto &[text, explanation] : wrong) {
        const qsizetype from = login.err().size();
        login.type(text.toUtf8());
        QVERIFY2(login.waitForErr(explanation, from), qPrintable(login.err()));
        QVERIFY2(login.waitForErr(QStringLiteral("Paste the address again"), from), qPrintable(login.err()));
        QVERIFY(login.running());
    }
    // Explained once, in the person's words; no log line besides.
    QVERIFY2(!login.err().contains(QLatin1String("Ignored a redirect")), qPrintable(login.err()));
    // What was pasted is never repeated back.
    QVERIFY(!login.err().contains(QLatin1String("not an address")));
    QVERIFY(!login.err().contains(QLatin1String("another-sign-in")));
    // Nor the authorization code it carries, wrong paste or right.
    const QString code = QUrlQuery(QUrl(address)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    QVERIFY(!login.err().contains(code));

    login.type(address.toUtf8());
    QCOMPARE(login.finish(), 0);
    QVERIFY2(login.err().contains(QLatin1String("Signed in as jane@example.com")), qPrintable(login.err()));
    QVERIFY(login.err().contains(QLatin1String("Address received")));
    const AppRun status = runApp(m_sandbox->environment(), {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.out.contains("\"signed_in\""));
    // The token it stored works, and was never printed by login.
    const AppRun token = runApp(m_sandbox->environment(), {QStringLiteral("token")});
    const QString accessToken = QString::fromUtf8(token.out).trimmed();
    QCOMPARE(m_sandbox->accountStatus(accessToken), 200);
    QVERIFY(!login.err().contains(accessToken));
    QVERIFY(!login.err().contains(code));
}

// Denied in the browser: the pasted address carries the server's error, and login says so.
void TestRemoteSignIn::commandLineTakesADeniedPaste()
{
    AppOnTerminal login(m_sandbox->environment());
    QVERIFY(login.start({QStringLiteral("login"), QStringLiteral("--no-browser")}));
    const QString url = login.firstOutLine();
    QVERIFY2(login.waitForErr(kPrompt), qPrintable(login.err()));
    QString why;
    const QString address = addressFromChromium(QUrl(url), &why, {QStringLiteral("--deny")});
    QVERIFY2(address.contains(QLatin1String("error=access_denied")), qPrintable(why));

    login.type(address.toUtf8());
    QCOMPARE(login.finish(), 1);
    QVERIFY2(login.err().contains(QLatin1String("Sign-in was denied.")), qPrintable(login.err()));
    QVERIFY(!login.err().contains(QLatin1String("Address received")));
    QVERIFY(!login.err().contains(QLatin1String("Signed in")));
}

// The browser does come back to this computer: the prompt is withdrawn, and sign-in completes
// through the listener.
void TestRemoteSignIn::commandLineStopsReadingWhenTheBrowserComesBack()
{
    AppOnTerminal login(m_sandbox->environment());
    QVERIFY(login.start({QStringLiteral("login"), QStringLiteral("--no-browser")}));
    const QString url = login.firstOutLine();
    QVERIFY2(login.waitForErr(kPrompt), qPrintable(login.err()));

    const ChromiumResult browser = runChromium(QUrl(url));
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QVERIFY2(browser.out.contains(QLatin1String("You are signed in")), qPrintable(browser.out));
    QCOMPARE(login.finish(), 0);
    QVERIFY2(login.err().contains(QLatin1String("no address needs to be pasted")), qPrintable(login.err()));
    QVERIFY(!login.err().contains(QLatin1String("Address received")));
    QVERIFY(login.err().contains(QLatin1String("Signed in as jane@example.com")));
}

// A script's stdin is not a terminal: nothing is read from it and no paste is offered.
void TestRemoteSignIn::commandLineOffersNoPasteWithoutATerminal()
{
    QProcess login;
    login.setProcessEnvironment(m_sandbox->environment());
    login.start(QStringLiteral(WGC_APP_BINARY), {QStringLiteral("login"), QStringLiteral("--no-browser")});
    QVERIFY(login.waitForStarted(10000));
    QByteArray out;
    QVERIFY(waitFor(
        [&] {
            out += login.readAllStandardOutput();
            return out.contains('\n');
        },
        15000));
    const QUrl url(QString::fromUtf8(out.left(out.indexOf('\n'))));
    QString why;
    const QString address = addressFromChromium(url, &why);
    QVERIFY2(!address.isEmpty(), qPrintable(why));
    // The address on a pipe is not taken: the attempt goes on waiting for the browser.
    login.write(address.toUtf8() + '\n');
    QTest::qWait(500);
    QCOMPARE(login.state(), QProcess::Running);
    QVERIFY(!portIsClosed(redirectPort(url)));
    QCOMPARE(getLoopback(QUrl(address)).first, 200);
    const AppRun run = finishApp(login, 30000);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.err.contains(kPrompt.toUtf8()));
    QVERIFY(run.err.contains("Signed in as jane@example.com"));
}

// `login --no-browser &` at a shell: a background job that read its terminal would be stopped
// (SIGTTIN), listener and all. script(1) gives bash a terminal of its own, and bash's job control
// (-m) runs the login as a background job on it: no paste is offered, and the attempt runs on
// to its end (here its timeout).
void TestRemoteSignIn::commandLineInTheBackgroundLeavesTheTerminal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString errFile = dir.filePath(QStringLiteral("login.err"));
    const QString job =
        QStringLiteral("\"$0\" login --no-browser --timeout 2 >/dev/null 2>\"$1\" & wait $!; echo exit=$?");
    QProcess shell;
    shell.setProcessEnvironment(m_sandbox->environment());
    shell.start(QStringLiteral("script"),
                {QStringLiteral("-qec"),
                 QStringLiteral("bash -mc '%1' '%2' '%3'").arg(job, QStringLiteral(WGC_APP_BINARY), errFile),
                 QStringLiteral("/dev/null")});
    QVERIFY(shell.waitForStarted(10000));
    const AppRun run = finishApp(shell, 30000);
    QVERIFY2(run.out.contains("exit=1"), run.out.constData()); // the timeout, not a stopped job
    QFile err(errFile);
    QVERIFY(err.open(QIODevice::ReadOnly));
    const QByteArray said = err.readAll();
    QVERIFY2(said.contains("times out in"), said.constData());
    QVERIFY2(!said.contains(kPrompt.toUtf8()), said.constData());
}

// `login --port N` (for ssh -L N:127.0.0.1:N): the browser returns to that port, still on 127.0.0.1.
void TestRemoteSignIn::fixedPort()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QProcess login;
    login.setProcessEnvironment(m_sandbox->environment());
    login.start(
        QStringLiteral(WGC_APP_BINARY),
        {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--port"), QString::number(port)});
    QVERIFY(login.waitForStarted(10000));
    QByteArray out;
    QVERIFY(waitFor(
        [&] {
            out += login.readAllStandardOutput();
            return out.contains('\n');
        },
        15000));
    const QUrl url(QString::fromUtf8(out.left(out.indexOf('\n'))));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:%1/").arg(port));
    // Only the loopback interface: the port is not open on the machine's other addresses.
    QTcpSocket any;
    any.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), port);
    QVERIFY(!any.waitForConnected(2000));

    const ChromiumResult browser = runChromium(url);
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QVERIFY2(browser.out.startsWith(QStringLiteral("FINAL 200 http://127.0.0.1:%1/").arg(port)),
             qPrintable(browser.out));
    const AppRun run = finishApp(login, 30000);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.contains("Signed in as jane@example.com"));
    QVERIFY(portIsClosed(port));
}

// A port another program holds: a clear error naming it, and nothing else happens.
void TestRemoteSignIn::portInUse()
{
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(other.serverPort());
    const AppRun run =
        runApp(m_sandbox->environment(),
               {QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--port"), port});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("Port " + port.toUtf8() + " is already in use"), run.err.constData());
    QVERIFY(run.out.isEmpty()); // no address to open: it would lead nowhere
    QVERIFY(other.isListening());
}

QTEST_GUILESS_MAIN(TestRemoteSignIn)
#include "TestRemoteSignIn.moc"
