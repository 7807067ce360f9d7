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
