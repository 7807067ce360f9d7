// TrayStatus: which of the four icons, what the tooltip says and what the tray's menu offers, for
// every state of the session. No tray, server or keychain: the inputs are made by hand.

#include "desktop/AppIcons.h"
#include "desktop/TrayStatus.h"

#include <QFile>
#include <QLocale>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(Session::State)
Q_DECLARE_METATYPE(StoredSession)
Q_DECLARE_METATYPE(TrayStatus::Kind)
Q_DECLARE_METATYPE(TrayStatus::AccountAction)
Q_DECLARE_METATYPE(TrayAccount)

namespace {

// Local noon, so "in an hour" is still today wherever the test runs.
QDateTime now()
{
    return QDateTime(QDate(2030, 5, 6), QTime(12, 0), Qt::LocalTime).toUTC();
}

StoredSession oauthSession()
{
    StoredSession session;
    session.accessToken = QStringLiteral("secret-access-token");
    session.refreshToken = QStringLiteral("secret-refresh-token");
    session.scope = QStringLiteral("api");
    session.updatedAt = now().addSecs(-600);
    session.expiresAt = now().addSecs(3600);
    session.email = QStringLiteral("jane@example.com");
    session.company = QStringLiteral("Sandbox Webinars B.V.");
    return session;
}

StoredSession apiKeySession()
{
    StoredSession session;
    session.method = QStringLiteral("api_key");
    session.accessToken = QStringLiteral("secret-api-key");
    session.email = QStringLiteral("api-key-user@example.com");
    return session;
}

} // namespace

class TestTrayStatus : public QObject
{
    Q_OBJECT
private slots:
    void states_data();
    void states();
    void expiryIsLocalTimeAndSaysWhetherItPassed();
    void tooltipSaysWhenTheClockChangesIt();
    void severalAccounts_data();
    void severalAccounts();
    void oneAccountIsAsBefore();
    void noAccountOrOneBeingAdded();
    void fourDistinctIconsInTheResources();
    void iconsOfEverySize();
};

void TestTrayStatus::states_data()
{
    QTest::addColumn<Session::State>("state");
    QTest::addColumn<StoredSession>("stored");
    QTest::addColumn<AuthError>("error");
    QTest::addColumn<TrayStatus::Kind>("kind");
    QTest::addColumn<TrayStatus::AccountAction>("action");
    QTest::addColumn<bool>("canRefresh");
    QTest::addColumn<QStringList>("says"); // lines the tooltip must hold
    QTest::addColumn<QStringList>("doesNotSay");

    using K = TrayStatus::Kind;
    using A = TrayStatus::AccountAction;
    using S = Session::State;
    const QString email = QStringLiteral("jane@example.com");
    const QString account = QStringLiteral("jane@example.com (Sandbox Webinars B.V.)");
    const QStringList secrets {QStringLiteral("secret")};
    const AuthError none;
    const AuthError offline = AuthError::make(AuthError::Kind::NetworkError, QStringLiteral("connection refused"));
    const AuthError rejected =
        AuthError::make(AuthError::Kind::InvalidGrant, QStringLiteral("grant request is invalid"));
    const AuthError keychain = AuthError::make(AuthError::Kind::Keychain, QStringLiteral("the keyring is locked"));
    const AuthError apiKeyRejected = AuthError::make(AuthError::Kind::ApiKeyRejected);

    QTest::newRow("connected: account and expiry")
        << S::SignedIn << oauthSession() << none << K::SignedIn << A::SignOut << true
        << QStringList {QStringLiteral("WebinarGeek Connect"), QStringLiteral("Connected"), account,
                        QStringLiteral("Token expires at")}
        << secrets;
    QTest::newRow("connected with an API key: no expiry, no refresh")
        << S::SignedIn << apiKeySession() << none << K::SignedIn << A::SignOut << false
        << QStringList {QStringLiteral("Connected with an API key"), QStringLiteral("api-key-user@example.com")}
        << (secrets + QStringList {QStringLiteral("expire")});
    QTest::newRow("refreshing: busy, the account still shown")
        << S::Refreshing << oauthSession() << none << K::Refreshing << A::SignOut << false
        << QStringList {QStringLiteral("Refreshing the token"), account} << secrets;
    QTest::newRow("reading the keychain at start: busy, nothing to click")
        << S::Loading << StoredSession() << none << K::Refreshing << A::None << false
        << QStringList {QStringLiteral("Reading the keychain")} << QStringList {email};
    QTest::newRow("signing in: busy, waiting for the browser")
        << S::SigningIn << StoredSession() << none << K::Refreshing << A::None << false
        << QStringList {QStringLiteral("waiting for your browser")} << QStringList();
    QTest::newRow("offline and retrying: attention, why, the account kept")
        << S::Retrying << oauthSession() << offline << K::NeedsAttention << A::SignOut << true
        << QStringList {QStringLiteral("Offline, retrying"), QStringLiteral("Could not reach the server"), account}
        << secrets;
    QTest::newRow("refresh rejected: attention, sign in again")
        << S::NeedsSignIn << StoredSession() << rejected << K::NeedsAttention << A::SignIn << false
        << QStringList {QStringLiteral("Needs sign-in"), QStringLiteral("please sign in again")}
        << QStringList {QStringLiteral("expire")};
    QTest::newRow("refresh rejected, the account kept: named, the server's words on their own line")
        << S::NeedsSignIn <<
        [] {
            StoredSession kept = oauthSession();
            kept.rejected = true;
            return kept;
        }()
        << rejected << K::NeedsAttention << A::SignIn << false
        << QStringList {QStringLiteral("Needs sign-in"), account, QStringLiteral("\ngrant request is invalid")}
        << QStringList {QStringLiteral("expire"), QStringLiteral("secret")};
    QTest::newRow("signing in again while connected: still connected, the attempt a second line")
        << S::SigningIn << oauthSession() << none << K::SignedIn << A::None << false
        << QStringList {QStringLiteral("Connected"), QStringLiteral("Signing in again…"), account}
        << QStringList {QStringLiteral("waiting for your browser"), QStringLiteral("secret")};
    QTest::newRow("API key rejected: attention, the account named")
        << S::NeedsSignIn <<
        [] {
            StoredSession s = apiKeySession();
            s.rejected = true;
            return s;
        }()
        << apiKeyRejected << K::NeedsAttention << A::SignIn << false
        << QStringList {QStringLiteral("did not accept the API key"), QStringLiteral("api-key-user@example.com")}
        << secrets;
    QTest::newRow("keychain unavailable with a session: attention, sign-out offered")
        << S::KeychainUnavailable << oauthSession() << keychain << K::NeedsAttention << A::SignOut << true
        << QStringList {QStringLiteral("Keychain unavailable"), QStringLiteral("the keyring is locked")} << secrets;
    QTest::newRow("keychain unavailable at start: attention, sign-in offered")
        << S::KeychainUnavailable << StoredSession() << keychain << K::NeedsAttention << A::SignIn << false
        << QStringList {QStringLiteral("keychain unavailable: the keyring is locked")} << QStringList();
    QTest::newRow("signed out: no account")
        << S::SignedOut << StoredSession() << none << K::SignedOut << A::SignIn << false
        << QStringList {QStringLiteral("Signed out"), QStringLiteral("Sign in from")}
        << QStringList {email, QStringLiteral("expire")};
}

void TestTrayStatus::states()
{
    QFETCH(Session::State, state);
    QFETCH(StoredSession, stored);
    QFETCH(AuthError, error);
    QFETCH(TrayStatus::Kind, kind);
    QFETCH(TrayStatus::AccountAction, action);
    QFETCH(bool, canRefresh);
    QFETCH(QStringList, says);
    QFETCH(QStringList, doesNotSay);

    const TrayStatus status = TrayStatus::compute(state, stored, error, now());
    QCOMPARE(status.kind, kind);
    QCOMPARE(status.accountAction, action);
    QCOMPARE(status.canRefresh, canRefresh);
    QVERIFY(!status.headline.isEmpty());
    QVERIFY2(status.tooltip.contains(status.headline), qPrintable(status.tooltip));
    for (const QString &text : says)
        QVERIFY2(status.tooltip.contains(text, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" not in:\n%2").arg(text, status.tooltip)));
    for (const QString &text : doesNotSay)
        QVERIFY2(!status.tooltip.contains(text, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" in:\n%2").arg(text, status.tooltip)));
}

void TestTrayStatus::expiryIsLocalTimeAndSaysWhetherItPassed()
{
    StoredSession session = oauthSession();
    const QLocale locale;
    const QString today = locale.toString(session.expiresAt.toLocalTime().time(), QLocale::ShortFormat);
    QString tooltip = TrayStatus::compute(Session::State::SignedIn, session, AuthError(), now()).tooltip;
    QVERIFY2(tooltip.contains(QStringLiteral("Token expires at %1").arg(today)), qPrintable(tooltip));
    QVERIFY(!tooltip.contains(locale.toString(session.expiresAt.toLocalTime().date(), QLocale::ShortFormat)));

    // Tomorrow: the date is given too.
    session.expiresAt = now().addDays(1);
    tooltip = TrayStatus::compute(Session::State::SignedIn, session, AuthError(), now()).tooltip;
    QVERIFY2(tooltip.contains(locale.toString(session.expiresAt.toLocalTime(), QLocale::ShortFormat)),
             qPrintable(tooltip));

    // Offline past the expiry: said as it is.
    session.expiresAt = now().addSecs(-120);
    tooltip = TrayStatus::compute(Session::State::Retrying, session, AuthError::make(AuthError::Kind::NoAnswer), now())
                  .tooltip;
    QVERIFY2(tooltip.contains(QStringLiteral("Token expired at")), qPrintable(tooltip));
}

// The tooltip is computed when the session changes; the tray computes it again when the clock
// alone would change it, so that "10:00" never means yesterday's ten o'clock.
void TestTrayStatus::tooltipSaysWhenTheClockChangesIt()
{
    const QDateTime midnight = QDateTime(QDate(2030, 5, 7), QTime(0, 0), Qt::LocalTime).toUTC();
    StoredSession session = oauthSession(); // expires in an hour, before midnight
    QCOMPARE(TrayStatus::compute(Session::State::SignedIn, session, AuthError(), now()).tooltipChangesAt,
             session.expiresAt);
    session.expiresAt = now().addDays(1); // tomorrow: the date is shown until the day changes
    QCOMPARE(TrayStatus::compute(Session::State::SignedIn, session, AuthError(), now()).tooltipChangesAt, midnight);
    session.expiresAt = now().addSecs(-120); // passed: shown with the time alone until midnight
    QCOMPARE(TrayStatus::compute(Session::State::Retrying, session, AuthError(), now()).tooltipChangesAt, midnight);
    // Nothing in it depends on the clock: no expiry shown.
    QVERIFY(!TrayStatus::compute(Session::State::SignedOut, StoredSession(), AuthError(), now())
                 .tooltipChangesAt.isValid());
    QVERIFY(
        !TrayStatus::compute(Session::State::SignedIn, apiKeySession(), AuthError(), now()).tooltipChangesAt.isValid());
}

namespace {

TrayAccount account(const QString &email, Session::State state, const AuthError &error = {}, bool active = false)
{
    StoredSession stored = oauthSession();
    stored.email = email;
    stored.rejected = state == Session::State::NeedsSignIn;
    return TrayAccount {email + QStringLiteral(" (Sandbox Webinars B.V.)"), active, state,
                        TrayStatus::compute(state, stored, error, now())};
}

} // namespace

// Two or three accounts: the icon is the one whose state most needs the person; the tooltip names
// each account with its state on a line of its own, and nothing of any token.
void TestTrayStatus::severalAccounts_data()
{
    QTest::addColumn<QList<TrayAccount>>("accounts");
    QTest::addColumn<TrayStatus::Kind>("kind");
    QTest::addColumn<QStringList>("lines"); // the tooltip's lines after the application's name

    using S = Session::State;
    using K = TrayStatus::Kind;
    const QString jane = QStringLiteral("jane@example.com");
    const QString john = QStringLiteral("john@example.com");
    const QString jack = QStringLiteral("jack@example.com");
    const AuthError rejected =
        AuthError::make(AuthError::Kind::InvalidGrant, QStringLiteral("grant request is invalid"));
    const AuthError offline = AuthError::make(AuthError::Kind::NetworkError, QStringLiteral("connection refused"));
    const AuthError keychain = AuthError::make(AuthError::Kind::Keychain, QStringLiteral("the keyring is locked"));

    QTest::newRow("both connected: connected")
        << QList<TrayAccount> {account(jane, S::SignedIn, {}, true), account(john, S::SignedIn)} << K::SignedIn
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Connected"),
                        QStringLiteral("john@example.com (Sandbox Webinars B.V.): Connected")};
    QTest::newRow("one revoked, the other connected: attention, whichever comes first")
        << QList<TrayAccount> {account(jane, S::NeedsSignIn, rejected), account(john, S::SignedIn, {}, true)}
        << K::NeedsAttention
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Needs sign-in"),
                        QStringLiteral("john@example.com (Sandbox Webinars B.V.): Connected")};
    QTest::newRow("the connected one first, the revoked one second: attention")
        << QList<TrayAccount> {account(john, S::SignedIn, {}, true), account(jane, S::NeedsSignIn, rejected)}
        << K::NeedsAttention
        << QStringList {QStringLiteral("john@example.com (Sandbox Webinars B.V.): Connected"),
                        QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Needs sign-in")};
    QTest::newRow("one refreshing: busy")
        << QList<TrayAccount> {account(jane, S::SignedIn), account(john, S::Refreshing)} << K::Refreshing
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Connected"),
                        QStringLiteral("john@example.com (Sandbox Webinars B.V.): Refreshing the token…")};
    QTest::newRow("one signed out elsewhere, one refreshing: signed out outweighs busy")
        << QList<TrayAccount> {account(jane, S::Refreshing), account(john, S::SignedOut)} << K::SignedOut
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Refreshing the token…"),
                        QStringLiteral("john@example.com (Sandbox Webinars B.V.): Signed out")};
    QTest::newRow("offline and keychain locked: attention")
        << QList<TrayAccount> {account(jane, S::Retrying, offline), account(john, S::KeychainUnavailable, keychain),
                               account(jack, S::SignedIn)}
        << K::NeedsAttention
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Offline, retrying"),
                        QStringLiteral("john@example.com (Sandbox Webinars B.V.): Keychain unavailable"),
                        QStringLiteral("jack@example.com (Sandbox Webinars B.V.): Connected")};
    QTest::newRow("an account not read yet: a stand-in name")
        << QList<TrayAccount> {account(jane, S::SignedIn),
                               TrayAccount {QString(), false, S::Loading,
                                            TrayStatus::compute(S::Loading, StoredSession(), AuthError(), now())}}
        << K::Refreshing
        << QStringList {QStringLiteral("jane@example.com (Sandbox Webinars B.V.): Connected"),
                        QStringLiteral("WebinarGeek account: Reading the keychain…")};
}

void TestTrayStatus::severalAccounts()
{
    QFETCH(QList<TrayAccount>, accounts);
    QFETCH(TrayStatus::Kind, kind);
    QFETCH(QStringList, lines);

    const TrayStatus status = TrayStatus::combine(accounts, false, now());
    QCOMPARE(status.kind, kind);
    // Short: the application, then one line per account, and nothing else (no expiry, no server's words).
    QCOMPARE(status.tooltip, (QStringList {QStringLiteral("WebinarGeek Connect")} + lines).join(QLatin1Char('\n')));
    QVERIFY(!status.tooltip.contains(QLatin1String("secret")));
    QVERIFY(!status.tooltipChangesAt.isValid());
    // Each account has its own actions in the menu; none is for them all.
    QCOMPARE(status.accountAction, TrayStatus::AccountAction::None);
    QVERIFY(!status.canRefresh);

    // A new account's sign-in on top: the icon is busy where all was well, the tooltip says so.
    const TrayStatus adding = TrayStatus::combine(accounts, true, now());
    QCOMPARE(adding.kind, kind == TrayStatus::Kind::SignedIn ? TrayStatus::Kind::Refreshing : kind);
    QVERIFY2(adding.tooltip.startsWith(status.tooltip + QLatin1Char('\n')), qPrintable(adding.tooltip));
    QVERIFY2(adding.tooltip.endsWith(QStringLiteral("Adding an account: waiting for your browser…")),
             qPrintable(adding.tooltip));
}

// One account: the tray says what it said when there was only ever one session.
void TestTrayStatus::oneAccountIsAsBefore()
{
    const TrayStatus alone = TrayStatus::compute(Session::State::SignedIn, oauthSession(), AuthError(), now());
    const TrayStatus combined =
        TrayStatus::combine({TrayAccount {QStringLiteral("jane@example.com (Sandbox Webinars B.V.)"), true,
                                          Session::State::SignedIn, alone}},
                            false, now());
    QCOMPARE(combined.kind, alone.kind);
    QCOMPARE(combined.tooltip, alone.tooltip);
    QVERIFY(combined.tooltip.contains(QLatin1String("Token expires at")));
    QCOMPARE(combined.tooltipChangesAt, alone.tooltipChangesAt);
    QCOMPARE(combined.accountAction, TrayStatus::AccountAction::SignOut);
    QVERIFY(combined.canRefresh);
}

void TestTrayStatus::noAccountOrOneBeingAdded()
{
    const TrayStatus none = TrayStatus::combine({}, false, now());
    QCOMPARE(none.kind, TrayStatus::Kind::SignedOut);
    QCOMPARE(none.accountAction, TrayStatus::AccountAction::SignIn);
    QVERIFY(none.tooltip.contains(QLatin1String("Signed out")));

    // The first account's sign-in: as signing in was with one session.
    const TrayStatus first = TrayStatus::combine({}, true, now());
    QCOMPARE(first.kind, TrayStatus::Kind::Refreshing);
    QCOMPARE(first.accountAction, TrayStatus::AccountAction::None);
    QVERIFY2(first.tooltip.contains(QLatin1String("waiting for your browser")), qPrintable(first.tooltip));

    // A second account's, beside a connected one: busy, the first one still named.
    const TrayStatus second = TrayStatus::combine(
        {TrayAccount {QStringLiteral("jane@example.com (Sandbox Webinars B.V.)"), true, Session::State::SignedIn,
                      TrayStatus::compute(Session::State::SignedIn, oauthSession(), AuthError(), now())}},
        true, now());
    QCOMPARE(second.kind, TrayStatus::Kind::Refreshing);
    QVERIFY2(second.tooltip.contains(QLatin1String("jane@example.com (Sandbox Webinars B.V.)")),
             qPrintable(second.tooltip));
    QVERIFY2(second.tooltip.endsWith(QStringLiteral("Adding an account: waiting for your browser…")),
             qPrintable(second.tooltip));
}

void TestTrayStatus::fourDistinctIconsInTheResources()
{
    const QList<TrayStatus::Kind> kinds {TrayStatus::Kind::SignedIn, TrayStatus::Kind::Refreshing,
                                         TrayStatus::Kind::NeedsAttention, TrayStatus::Kind::SignedOut};
    QSet<QString> names;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        QSet<QByteArray> contents;
        for (TrayStatus::Kind kind : kinds) {
            names.insert(TrayStatus::iconName(kind));
            const QString path =
                QStringLiteral(":/icons/hicolor/%1x%1/status/%2.png").arg(size).arg(TrayStatus::iconName(kind));
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray png = file.readAll();
            QVERIFY2(png.startsWith("\x89PNG"), qPrintable(path));
            contents.insert(png);
        }
        QCOMPARE(contents.size(), 4);
    }
    QCOMPARE(names.size(), 4);
}

// AppIcons finds the sizes in the resources themselves, and each of them holds the application's
// icon and the four states' icons.
void TestTrayStatus::iconsOfEverySize()
{
    QCOMPARE(AppIcons::sizes(), (QList<int> {16, 22, 24, 32, 48, 64, 128, 256}));
    for (int size : AppIcons::sizes()) {
        const QString folder = QStringLiteral(":/icons/hicolor/%1x%1/").arg(size);
        QVERIFY(QFile::exists(folder + QStringLiteral("apps/webinargeek-connect.png")));
        for (TrayStatus::Kind kind : {TrayStatus::Kind::SignedIn, TrayStatus::Kind::Refreshing,
                                      TrayStatus::Kind::NeedsAttention, TrayStatus::Kind::SignedOut})
            QVERIFY(QFile::exists(folder + QStringLiteral("status/%1.png").arg(TrayStatus::iconName(kind))));
    }
}

QTEST_GUILESS_MAIN(TestTrayStatus)
#include "TestTrayStatus.moc"
