// What the main window says in every state of the session, computed without a window, a
// server or a keychain: the words, the actions on offer, and when the countdown next changes.

#include "desktop/StatusSummary.h"

#include <QLocale>
#include <QTest>

using State = Session::State;
using Badge = StatusSummary::Badge;
using Kind = AuthError::Kind;

Q_DECLARE_METATYPE(StatusSummary::Input)

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 3, 5), QTime(10, 0, 0), Qt::UTC);

StoredSession oauthSession(qint64 expiresInSeconds)
{
    StoredSession s;
    s.accessToken = QStringLiteral("access");
    s.scope = QStringLiteral("api webinars.read");
    s.updatedAt = kNow.addSecs(-600);
    s.expiresAt = kNow.addSecs(expiresInSeconds);
    s.company = QStringLiteral("Sandbox Webinars B.V.");
    s.email = QStringLiteral("jane@example.com");
    return s;
}

StoredSession apiKeySession()
{
    StoredSession s;
    s.method = QStringLiteral("api_key");
    s.accessToken = QStringLiteral("key");
    s.updatedAt = kNow.addSecs(-60);
    s.email = QStringLiteral("api-key-user@example.com");
    return s;
}

StatusSummary::Input input(State state, const StoredSession &stored = {}, const AuthError &error = {},
                           const QDateTime &next = {})
{
    StatusSummary::Input in;
    in.state = state;
    in.stored = stored;
    in.lastError = error;
    in.nextRefreshAt = next;
    return in;
}

// A full stop, or the server's code in brackets after one: "… again. (invalid_grant)".
bool endsSentence(const QString &text)
{
    return text.endsWith(QLatin1Char('.')) || (text.endsWith(QLatin1Char(')')) && text.contains(QLatin1String(". (")));
}

} // namespace

class TestStatusSummary : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyState_data();
    void everyState();
    void countdown_data();
    void countdown();
    void nextChange_data();
    void nextChange();
    void localTime();
    void errorsAreSentences_data();
    void errorsAreSentences();
    // Issue 14: the account kept when the server rejects the session; settings that cannot
    // work said before Sign in; signing in again while connected; a browser that is quiet.
    void needsSignInNamesTheAccount();
    void settingsMissingBeforeSignIn();
    void signingInAgainWhileConnected();
    void failedSignInLeavesTheConnection_data();
    void failedSignInLeavesTheConnection();
    void quietBrowser();
};

void TestStatusSummary::needsSignInNamesTheAccount()
{
    StoredSession rejected = oauthSession(-60);
    rejected.rejected = true;
    const AuthError error = AuthError::make(Kind::InvalidGrant, QStringLiteral("grant request is invalid"),
                                            QStringLiteral("invalid_grant"), 400);
    const StatusSummary s = StatusSummary::compute(input(State::NeedsSignIn, rejected, error), kNow);
    QCOMPARE(int(s.badge), int(Badge::NeedsSignIn));
    QCOMPARE(s.company, QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(s.email, QStringLiteral("jane@example.com"));
    QCOMPARE(s.error,
             QStringLiteral("The server no longer accepts this computer's session. Sign in again as "
                            "jane@example.com (Sandbox Webinars B.V.)."));
    // The server's words apart, and not in the sentence.
    QCOMPARE(s.errorDetails, QStringLiteral("grant request is invalid. (invalid_grant, HTTP 400)"));
    QVERIFY(!s.error.contains(QLatin1String("grant request")));
    QVERIFY(s.canSignIn);
    QVERIFY(!s.canRefresh);
    QVERIFY(s.offerApiKey);
    QCOMPARE(s.nextRefresh, StatusSummary::none());
    // Its token is not counted down to, and it is not in the keychain: the server ended it.
    QCOMPARE(s.expiresAt, StatusSummary::none());
    QVERIFY(s.expiresIn.isEmpty());
    QCOMPARE(s.storedIn, StatusSummary::none());
    // A sign-in from here that was cancelled leaves the same sentence.
    const StatusSummary cancelled =
        StatusSummary::compute(input(State::NeedsSignIn, rejected, AuthError::make(Kind::Cancelled)), kNow);
    QCOMPARE(cancelled.error, s.error);
    // A rejected client: its own sentence says to check the settings; the account still named.
    const AuthError client = AuthError::make(Kind::InvalidClient, {}, QStringLiteral("invalid_client"), 401);
    const StatusSummary c = StatusSummary::compute(input(State::NeedsSignIn, rejected, client), kNow);
    QVERIFY2(c.error.startsWith(client.headline()), qPrintable(c.error));
    QVERIFY2(c.error.endsWith(QLatin1String("Sign in again as jane@example.com (Sandbox Webinars B.V.).")),
             qPrintable(c.error));
    QCOMPARE(c.errorDetails, QStringLiteral("(invalid_client, HTTP 401)"));
}

void TestStatusSummary::settingsMissingBeforeSignIn()
{
    StatusSummary::Input in = input(State::SignedOut);
    in.settingsProblems = QStringList {QStringLiteral("No client id is configured.")};
    in.noClientId = true;
    const StatusSummary s = StatusSummary::compute(in, kNow);
    QVERIFY(s.needsSettings);
    QVERIFY(!s.canSignIn);
    QVERIFY(s.offerApiKey);
    QVERIFY(s.canUseApiKey);
    QVERIFY2(s.error.contains(QLatin1String("needs a client id")), qPrintable(s.error));
    QVERIFY(s.error.contains(QLatin1String("Settings")));
    QVERIFY(s.error.contains(QLatin1String("API key")));

    // Another problem is named in the sentence.
    in.noClientId = false;
    in.settingsProblems = QStringList {QStringLiteral("The token URL must use https.")};
    const StatusSummary other = StatusSummary::compute(in, kNow);
    QVERIFY(other.needsSettings);
    QVERIFY2(other.error.contains(QLatin1String("The token URL must use https.")), qPrintable(other.error));

    // Connected with an API key: nothing to fix now, but the browser sign-in still cannot work.
    in.state = State::SignedIn;
    in.stored = apiKeySession();
    const StatusSummary apiKey = StatusSummary::compute(in, kNow);
    QVERIFY(!apiKey.needsSettings);
    QVERIFY(apiKey.error.isEmpty());
    QVERIFY(!apiKey.canSignIn);

    // Settings that work: nothing said, Sign in offered.
    const StatusSummary fine = StatusSummary::compute(input(State::SignedOut), kNow);
    QVERIFY(!fine.needsSettings);
    QVERIFY(fine.canSignIn);
}

void TestStatusSummary::signingInAgainWhileConnected()
{
    StatusSummary::Input in = input(State::SigningIn, oauthSession(3240));
    in.authorizationUrl = QUrl(QStringLiteral("http://127.0.0.1:1/oauth/authorize?state=x"));
    in.signInDeadline = kNow.addSecs(272);
    const StatusSummary s = StatusSummary::compute(in, kNow);
    QCOMPARE(int(s.badge), int(Badge::Connected));
    QCOMPARE(s.badgeText, QStringLiteral("Connected"));
    QCOMPARE(s.activity, QStringLiteral("Signing in again…"));
    QVERIFY(s.waitingForBrowser);
    QVERIFY(s.canCancel);
    QCOMPARE(s.email, QStringLiteral("jane@example.com"));

    // From a rejected session there is no connection to keep: it is a sign-in.
    StoredSession rejected = oauthSession(-60);
    rejected.rejected = true;
    in.stored = rejected;
    const StatusSummary r = StatusSummary::compute(in, kNow);
    QCOMPARE(int(r.badge), int(Badge::SigningIn));
    QVERIFY(r.activity.isEmpty());
    // And with nothing stored, neither.
    in.stored = StoredSession();
    QCOMPARE(int(StatusSummary::compute(in, kNow).badge), int(Badge::SigningIn));
}

void TestStatusSummary::failedSignInLeavesTheConnection_data()
{
    QTest::addColumn<AuthError>("error");
    QTest::addColumn<QString>("headline");
    QTest::newRow("denied") << AuthError::make(Kind::Denied, QStringLiteral("End-User aborted interaction"),
                                               QStringLiteral("access_denied"))
                            << "Sign-in was denied.";
    QTest::newRow("timed out") << AuthError::make(Kind::TimedOut) << "Sign-in timed out";
    QTest::newRow("server error") << AuthError::make(Kind::AuthorizationError, {}, QStringLiteral("server_error"))
                                  << "The sign-in server reported an error";
}

void TestStatusSummary::failedSignInLeavesTheConnection()
{
    QFETCH(AuthError, error);
    QFETCH(QString, headline);
    StatusSummary::Input in = input(State::SignedIn, oauthSession(3240), error, kNow.addSecs(2940));
    in.lastErrorFromSignIn = true;
    const StatusSummary s = StatusSummary::compute(in, kNow);
    QCOMPARE(int(s.badge), int(Badge::Connected));
    QVERIFY2(s.error.startsWith(headline), qPrintable(s.error));
    QVERIFY2(s.error.endsWith(QLatin1String("The existing connection is unchanged: still connected as "
                                            "jane@example.com (Sandbox Webinars B.V.).")),
             qPrintable(s.error));
    QVERIFY2(!s.error.contains(QLatin1String("To connect")), qPrintable(s.error));
    QVERIFY(s.canSignIn && s.canRefresh && s.canSignOut);

    // Signed out, the same failure says how to connect.
    StatusSummary::Input out = input(State::SignedOut, {}, error);
    out.lastErrorFromSignIn = true;
    QVERIFY(!StatusSummary::compute(out, kNow).error.contains(QLatin1String("unchanged")));
}

void TestStatusSummary::quietBrowser()
{
    StatusSummary::Input in = input(State::SigningIn);
    in.authorizationUrl = QUrl(QStringLiteral("http://127.0.0.1:1/oauth/authorize?state=x"));
    in.signInDeadline = kNow.addSecs(272);
    in.browserOpenedAt = kNow.addSecs(-10);
    in.browserQuietSeconds = 30;
    QVERIFY(!StatusSummary::compute(in, kNow).browserQuiet);
    QVERIFY(StatusSummary::compute(in, kNow.addSecs(20)).browserQuiet);
    QVERIFY(StatusSummary::compute(in, kNow.addSecs(25)).browserQuiet);
    // Never when the browser was not sent (it could not be opened: that is said otherwise).
    in.browserOpenedAt = QDateTime();
    QVERIFY(!StatusSummary::compute(in, kNow.addSecs(100)).browserQuiet);
}

void TestStatusSummary::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestStatusSummary::everyState_data()
{
    QTest::addColumn<StatusSummary::Input>("in");
    QTest::addColumn<int>("badge");
    QTest::addColumn<QString>("badgeText");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("connectedWith");
    QTest::addColumn<QString>("expiresIn");
    QTest::addColumn<QString>("nextRefreshContains");
    QTest::addColumn<QString>("errorContains"); // empty: no error shown
    // Sign in, Sign out, Refresh now, Cancel, offer the API key: "1" or "0" each.
    QTest::addColumn<QString>("actions");

    const QString none = StatusSummary::none();
    const QDateTime inFiveMin = kNow.addSecs(300);

    QTest::newRow("loading") << input(State::Loading) << int(Badge::Loading) << "Loading" << none << none << "" << none
                             << ""
                             << "00000";
    QTest::newRow("signed out") << input(State::SignedOut) << int(Badge::SignedOut) << "Signed out" << none << none
                                << "" << none << ""
                                << "10001";
    StatusSummary::Input signingIn = input(State::SigningIn);
    signingIn.authorizationUrl = QUrl(QStringLiteral("http://127.0.0.1:1/oauth/authorize?state=x"));
    signingIn.signInDeadline = kNow.addSecs(272);
    QTest::newRow("signing in") << signingIn << int(Badge::SigningIn) << "Signing in" << none << none << "" << none
                                << ""
                                << "00010";
    QTest::newRow("connected, OAuth") << input(State::SignedIn, oauthSession(3240), {}, kNow.addSecs(2940))
                                      << int(Badge::Connected) << "Connected"
                                      << "jane@example.com"
                                      << "OAuth (browser sign-in)"
                                      << "in 54 min"
                                      << "(in 49 min)"
                                      << ""
                                      << "11100";
    QTest::newRow("connected, API key") << input(State::SignedIn, apiKeySession()) << int(Badge::Connected)
                                        << "Connected"
                                        << "api-key-user@example.com"
                                        << "API key"
                                        << ""
                                        << "Not needed (API key)"
                                        << ""
                                        << "11000";
    QTest::newRow("refreshing") << input(State::Refreshing, oauthSession(20)) << int(Badge::Refreshing) << "Refreshing"
                                << "jane@example.com"
                                << "OAuth (browser sign-in)"
                                << "in 20 s"
                                << "Now"
                                << ""
                                << "00000";
    QTest::newRow("offline, retrying")
        << input(State::Retrying, oauthSession(-100),
                 AuthError::make(Kind::NetworkError, QStringLiteral("Connection refused")), kNow.addSecs(45))
        << int(Badge::OfflineRetrying) << "Offline – retrying in 45 s"
        << "jane@example.com"
        << "OAuth (browser sign-in)"
        << "expired"
        << "(in 45 s)"
        << "Could not reach the server. WebinarGeek Connect keeps trying by itself"
        << "11100";
    QTest::newRow("server error, retrying")
        << input(State::Retrying, oauthSession(600), AuthError::make(Kind::ServerError, {}, {}, 503), inFiveMin)
        << int(Badge::OfflineRetrying) << "Retrying in 5 min"
        << "jane@example.com"
        << "OAuth (browser sign-in)"
        << "in 10 min"
        << "(in 5 min)"
        << "The sign-in server had a problem; try again later."
        << "11100";
    QTest::newRow("needs sign-in (refresh rejected)")
        << input(State::NeedsSignIn, {}, AuthError::make(Kind::InvalidGrant, {}, QStringLiteral("invalid_grant")))
        << int(Badge::NeedsSignIn) << "Needs sign-in" << none << none << "" << none
        << "The server no longer accepts this computer's session. Choose Sign in to connect again."
        << "10001";
    QTest::newRow("needs sign-in (API key refused)")
        << input(State::NeedsSignIn, apiKeySession(), AuthError::make(Kind::ApiKeyRejected)) << int(Badge::NeedsSignIn)
        << "Needs sign-in"
        << "api-key-user@example.com"
        << "API key"
        << ""
        << "Not needed (API key)"
        << "did not accept the API key"
        << "11001";
    QTest::newRow("keychain unavailable")
        << input(State::KeychainUnavailable, {},
                 AuthError::make(Kind::Keychain, QStringLiteral("the keyring is locked")))
        << int(Badge::KeychainUnavailable) << "Keychain unavailable" << none << none << "" << none
        << "The system keychain cannot be used: the keyring is locked. Unlock your keyring"
        << "10101";
    QTest::newRow("signed out after a denial")
        << input(State::SignedOut, {},
                 AuthError::make(Kind::Denied, QStringLiteral("The user denied the request"),
                                 QStringLiteral("access_denied")))
        << int(Badge::SignedOut) << "Signed out" << none << none << "" << none
        << "Sign-in was denied. To connect, sign in again"
        << "10001";
    QTest::newRow("signed out after a cancel: nothing to fix")
        << input(State::SignedOut, {}, AuthError::make(Kind::Cancelled)) << int(Badge::SignedOut) << "Signed out"
        << none << none << "" << none << ""
        << "10001";
}

void TestStatusSummary::everyState()
{
    QFETCH(StatusSummary::Input, in);
    QFETCH(int, badge);
    QFETCH(QString, badgeText);
    QFETCH(QString, email);
    QFETCH(QString, connectedWith);
    QFETCH(QString, expiresIn);
    QFETCH(QString, nextRefreshContains);
    QFETCH(QString, errorContains);
    QFETCH(QString, actions);

    const StatusSummary s = StatusSummary::compute(in, kNow);
    QCOMPARE(int(s.badge), badge);
    QCOMPARE(s.badgeText, badgeText);
    QCOMPARE(s.email, email);
    QCOMPARE(s.connectedWith, connectedWith);
    QCOMPARE(s.expiresIn, expiresIn);
    QVERIFY2(s.nextRefresh.contains(nextRefreshContains), qPrintable(s.nextRefresh));
    if (errorContains.isEmpty())
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    else
        QVERIFY2(s.error.contains(errorContains), qPrintable(s.error));
    // Whatever is wrong reads as sentences: a capital first, a full stop last.
    if (!s.error.isEmpty()) {
        QVERIFY2(s.error.front().isUpper(), qPrintable(s.error));
        QVERIFY2(endsSentence(s.error), qPrintable(s.error));
    }
    const QString got = QStringLiteral("%1%2%3%4%5")
                            .arg(int(s.canSignIn))
                            .arg(int(s.canSignOut))
                            .arg(int(s.canRefresh))
                            .arg(int(s.canCancel))
                            .arg(int(s.offerApiKey));
    QCOMPARE(got, actions);

    QCOMPARE(s.hasAccount, !in.stored.isEmpty());
    QCOMPARE(s.storedIn == StatusSummary::none(), in.stored.isEmpty() && in.state != State::KeychainUnavailable);
    if (s.hasAccount)
        QVERIFY(s.storedIn.contains(StoredSession::backendName()));
    QCOMPARE(s.waitingForBrowser, in.state == State::SigningIn && in.authorizationUrl.isValid());
    if (s.waitingForBrowser) {
        QCOMPARE(s.authorizationUrl, in.authorizationUrl);
        QCOMPARE(s.signInTimeLeft, QStringLiteral("4:32"));
    } else {
        QVERIFY(s.signInTimeLeft.isEmpty());
    }
    if (s.hasAccount && !in.stored.isApiKey()) {
        QCOMPARE(s.scopes, QStringLiteral("api, webinars.read"));
        QCOMPARE(s.lastRefresh, StatusSummary::localTime(in.stored.updatedAt, kNow));
        QCOMPARE(s.expiresAt, StatusSummary::localTime(in.stored.expiresAt, kNow));
    }
    if (s.hasAccount && in.stored.isApiKey())
        QCOMPARE(s.expiresAt, QStringLiteral("Never (API key)"));
}

void TestStatusSummary::countdown_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("past") << qint64(-5) << "expired";
    QTest::newRow("now") << qint64(0) << "expired";
    QTest::newRow("one second") << qint64(1) << "in 1 s";
    QTest::newRow("45 s") << qint64(45) << "in 45 s";
    QTest::newRow("just under two minutes") << qint64(119) << "in 119 s";
    QTest::newRow("two minutes") << qint64(120) << "in 2 min";
    QTest::newRow("54 min 59 s") << qint64(54 * 60 + 59) << "in 54 min";
    QTest::newRow("one hour") << qint64(3600) << "in 1 h";
    QTest::newRow("two hours five") << qint64(2 * 3600 + 5 * 60 + 30) << "in 2 h 5 min";
    QTest::newRow("three days") << qint64(3 * 86400 + 100) << "in 3 days";
}

void TestStatusSummary::countdown()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(StatusSummary::countdown(seconds, QStringLiteral("expired")), text);
}

void TestStatusSummary::nextChange_data()
{
    QTest::addColumn<StatusSummary::Input>("in");
    QTest::addColumn<qint64>("msUntilChange");

    const QDateTime inAnHour = kNow.addSecs(3630);
    QTest::newRow("signed out: nothing counts down") << input(State::SignedOut) << qint64(-1);
    QTest::newRow("API key: nothing counts down") << input(State::SignedIn, apiKeySession()) << qint64(-1);
    // 54 min 10.5 s left: "in 54 min" for 10.5 s more, "in 53 min" a millisecond later.
    StoredSession later = oauthSession(0);
    later.expiresAt = kNow.addMSecs(54 * 60000 + 10500);
    QTest::newRow("an hour away: to the minute mark") << input(State::SignedIn, later, {}, inAnHour) << qint64(10501);
    StoredSession soon = oauthSession(0);
    soon.expiresAt = kNow.addMSecs(90250);
    QTest::newRow("under two minutes: each second") << input(State::SignedIn, soon, {}, inAnHour) << qint64(251);
    QTest::newRow("expired, no refresh: nothing more to change")
        << input(State::SignedIn, oauthSession(-10)) << qint64(-1);
    // The retry counts down every second even when it is minutes away.
    QTest::newRow("retrying: each second")
        << input(State::Retrying, oauthSession(-10), AuthError::make(Kind::NetworkError), kNow.addMSecs(300400))
        << qint64(401);
    StatusSummary::Input signingIn = input(State::SigningIn);
    signingIn.authorizationUrl = QUrl(QStringLiteral("http://127.0.0.1:1/"));
    signingIn.signInDeadline = kNow.addMSecs(280700);
    QTest::newRow("signing in: each second") << signingIn << qint64(701);
}

void TestStatusSummary::nextChange()
{
    QFETCH(StatusSummary::Input, in);
    QFETCH(qint64, msUntilChange);
    const StatusSummary s = StatusSummary::compute(in, kNow);
    QCOMPARE(s.msUntilChange, msUntilChange);
    QVERIFY(s.msUntilChange <= 60000); // a visible window wakes at most once a minute when idle
    if (s.msUntilChange > 0) {
        // Just before the change the words are the same; at the change they differ.
        const StatusSummary before = StatusSummary::compute(in, kNow.addMSecs(s.msUntilChange - 1));
        const StatusSummary after = StatusSummary::compute(in, kNow.addMSecs(s.msUntilChange));
        const auto words = [](const StatusSummary &x) {
            return QStringList {x.badgeText, x.expiresIn, x.nextRefresh, x.signInTimeLeft};
        };
        QCOMPARE(words(before), words(s));
        QVERIFY(words(after) != words(s));
    }
}

void TestStatusSummary::localTime()
{
    const QDateTime today = kNow.toLocalTime();
    const QString sameDay = StatusSummary::localTime(kNow, kNow);
    QCOMPARE(sameDay, QLocale().toString(today.time(), QLocale::ShortFormat));
    const QString otherDay = StatusSummary::localTime(kNow.addDays(3), kNow);
    QVERIFY2(otherDay.contains(sameDay), qPrintable(otherDay));
    QVERIFY2(otherDay.size() > sameDay.size(), qPrintable(otherDay));
}

void TestStatusSummary::errorsAreSentences_data()
{
    QTest::addColumn<int>("kind");
    for (int k = int(Kind::Denied); k <= int(Kind::NotSignedIn); ++k)
        QTest::newRow(qPrintable(QStringLiteral("kind %1").arg(k))) << k;
}

void TestStatusSummary::errorsAreSentences()
{
    // Every kind of error, in each state it can be seen in, with a raw code from the server and
    // a description without a full stop: still sentences with something to do.
    QFETCH(int, kind);
    if (Kind(kind) == Kind::Cancelled)
        return; // a cancel is the person's own choice: nothing is reported (see everyState)
    const AuthError error = AuthError::make(Kind(kind), QStringLiteral("the detail"), QStringLiteral("some_code"));
    for (State state :
         {State::SignedOut, State::SignedIn, State::Retrying, State::NeedsSignIn, State::KeychainUnavailable}) {
        const StatusSummary s = StatusSummary::compute(input(state, oauthSession(600), error, kNow.addSecs(60)), kNow);
        QVERIFY2(s.error.size() > 30, qPrintable(s.error));
        QVERIFY2(s.error.front().isUpper(), qPrintable(s.error));
        QVERIFY2(endsSentence(s.error), qPrintable(s.error));
        QVERIFY2(!s.error.startsWith(QLatin1String("some_code")), qPrintable(s.error));
        // The server's words are shown apart, as details: the sentence is the app's own, in the
        // app's language. Only the errors whose description is the app's own text (the settings'
        // problems, the keychain's reason) carry it inside the sentence.
        const bool ownDescription = Kind(kind) == Kind::Configuration || Kind(kind) == Kind::Keychain;
        if (ownDescription) {
            QVERIFY2(s.error.contains(QLatin1String("the detail")), qPrintable(s.error));
            QVERIFY2(s.errorDetails.isEmpty(), qPrintable(s.errorDetails));
        } else {
            QVERIFY2(!s.error.contains(QLatin1String("the detail")), qPrintable(s.error));
            QVERIFY2(!s.error.contains(QLatin1String("some_code")), qPrintable(s.error));
            QCOMPARE(s.errorDetails, QStringLiteral("the detail. (some_code)"));
        }
    }
    // A sign-in that failed while connected: the same split.
    StatusSummary::Input again = input(State::SignedIn, oauthSession(600), error, kNow.addSecs(60));
    again.lastErrorFromSignIn = true;
    const StatusSummary s = StatusSummary::compute(again, kNow);
    QVERIFY2(s.error.contains(QLatin1String("unchanged")), qPrintable(s.error));
    if (Kind(kind) != Kind::Configuration && Kind(kind) != Kind::Keychain) {
        QVERIFY2(!s.error.contains(QLatin1String("the detail")), qPrintable(s.error));
        QCOMPARE(s.errorDetails, QStringLiteral("the detail. (some_code)"));
    }
}

QTEST_GUILESS_MAIN(TestStatusSummary)
#include "TestStatusSummary.moc"
