// NotificationPolicy: when the desktop interrupts the person. The session's states are fed by
// hand in the order a real Session goes through them; time comes from a FakeClock.

#include "FakeClock.h"
#include "Sandbox.h"

#include "api/NetworkAccess.h"
#include "desktop/NotificationPolicy.h"
#include "storage/TokenStore.h"

#include <QSignalSpy>
#include <QTest>

using S = Session::State;

namespace {

struct Step
{
    S state;
    AuthError error;
    qint64 secondsLater = 0; // the clock moves this much before the step
};

const AuthError kOffline = AuthError::make(AuthError::Kind::NetworkError, QStringLiteral("connection refused"));
const AuthError kRejected = AuthError::make(AuthError::Kind::InvalidGrant, QStringLiteral("grant request is invalid"));
const AuthError kKeychain = AuthError::make(AuthError::Kind::Keychain, QStringLiteral("locked"));
const AuthError kApiKey = AuthError::make(AuthError::Kind::ApiKeyRejected);

Step at(S state, const AuthError &error = {}, qint64 secondsLater = 0)
{
    return Step {state, error, secondsLater};
}

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class TestNotificationPolicy : public QObject
{
    Q_OBJECT
private slots:
    void sequences_data();
    void sequences();
    void removedByAnotherProgram();
    void ownSignOutDuringRefreshIsQuiet();
    void aConditionIsToldAgainOnlyAfterItCleared();
    void withdrawnWhenTheStateNoLongerCallsForIt_data();
    void withdrawnWhenTheStateNoLongerCallsForIt();
    void namesTheAccountAndWhatToDo();
    void namesTheAccountFromTheListWhenTheSessionCannot();
};

void TestNotificationPolicy::sequences_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<QStringList>("titles"); // the notifications, in order

    const QList<Step> startSignedIn {at(S::Loading), at(S::SignedIn)};
    QList<Step> routine = startSignedIn;
    for (int i = 0; i < 10; ++i)
        routine << at(S::Refreshing, {}, 3000) << at(S::SignedIn);
    QTest::newRow("routine refreshes: never") << routine << QStringList();
    QTest::newRow("start signed out, sign in, sign out: never")
        << QList<Step> {at(S::Loading), at(S::SignedOut), at(S::SigningIn), at(S::SignedIn), at(S::SignedOut)}
        << QStringList();
    QTest::newRow("a denied sign-in: never (the window says it)")
        << QList<Step> {at(S::Loading), at(S::SignedOut), at(S::SigningIn), at(S::SignedOut)} << QStringList();

    QTest::newRow("refresh rejected: sign in again")
        << (startSignedIn + QList<Step> {at(S::Refreshing, {}, 3000), at(S::NeedsSignIn, kRejected)})
        << QStringList {QStringLiteral("Sign in again")};
    QTest::newRow("rejected session found at start: sign in again")
        << QList<Step> {at(S::Loading), at(S::NeedsSignIn, kRejected)} << QStringList {QStringLiteral("Sign in again")};
    QTest::newRow("API key rejected") << (startSignedIn + QList<Step> {at(S::NeedsSignIn, kApiKey)})
                                      << QStringList {QStringLiteral("API key rejected")};
    QTest::newRow("keychain became unavailable, retried: told once")
        << (startSignedIn
            + QList<Step> {at(S::Refreshing, {}, 3000), at(S::KeychainUnavailable, kKeychain),
                           at(S::Refreshing, kKeychain, 30), at(S::KeychainUnavailable, kKeychain),
                           at(S::Refreshing, kKeychain, 60), at(S::KeychainUnavailable, kKeychain)})
        << QStringList {QStringLiteral("Keychain unavailable")};
    QTest::newRow("keychain unavailable at start")
        << QList<Step> {at(S::Loading), at(S::KeychainUnavailable, kKeychain)}
        << QStringList {QStringLiteral("Keychain unavailable")};

    // Retries at 5, 10, 20, 40, 80 s: 155 s offline, then back. Short: quiet.
    QList<Step> shortOutage = startSignedIn;
    shortOutage << at(S::Refreshing, {}, 3000) << at(S::Retrying, kOffline);
    for (qint64 pause : {5, 10, 20, 40, 80})
        shortOutage << at(S::Refreshing, kOffline, pause) << at(S::Retrying, kOffline);
    QList<Step> shortEnd = shortOutage;
    shortEnd << at(S::Refreshing, kOffline, 10) << at(S::SignedIn);
    QTest::newRow("outage of under three minutes ends: quiet") << shortEnd << QStringList();

    QList<Step> longEnd = shortOutage;
    longEnd << at(S::Refreshing, kOffline, 160) << at(S::Retrying, kOffline) << at(S::Refreshing, kOffline, 300)
            << at(S::SignedIn);
    QTest::newRow("outage of ten minutes ends: connected again, once")
        << (longEnd + QList<Step> {at(S::Refreshing, {}, 3000), at(S::SignedIn)})
        << QStringList {QStringLiteral("Connected again")};
    QList<Step> exactly = startSignedIn;
    exactly << at(S::Refreshing, {}, 3000) << at(S::Retrying, kOffline)
            << at(S::Refreshing, kOffline, NotificationPolicy::kLongOutageSeconds) << at(S::SignedIn);
    QTest::newRow("outage of exactly the threshold ends: connected again")
        << exactly << QStringList {QStringLiteral("Connected again")};
    QList<Step> endsRejected = longEnd;
    endsRejected.removeLast();
    endsRejected << at(S::NeedsSignIn, kRejected) << at(S::SigningIn) << at(S::SignedIn);
    QTest::newRow("long outage ends in a rejection: only sign in again")
        << endsRejected << QStringList {QStringLiteral("Sign in again")};
    QList<Step> signedOutDuring = shortOutage;
    signedOutDuring << at(S::SignedOut, {}, 600) << at(S::SigningIn) << at(S::SignedIn);
    QTest::newRow("signed out during an outage, signed in later: quiet") << signedOutDuring << QStringList();
}

void TestNotificationPolicy::sequences()
{
    QFETCH(QList<Step>, steps);
    QFETCH(QStringList, titles);

    FakeClock clock;
    NotificationPolicy policy(&clock);
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    for (const Step &step : steps) {
        clock.advance(step.secondsLater);
        policy.stateChanged(step.state, step.error);
        // What Session emits after a refresh's state: the error, or none.
        if (step.state == S::Retrying || step.state == S::NeedsSignIn || step.state == S::KeychainUnavailable)
            policy.refreshFinished(step.error);
    }
    QStringList told;
    for (const QList<QVariant> &args : spy) {
        told << args.at(0).toString();
        QVERIFY(!args.at(1).toString().isEmpty());
    }
    QCOMPARE(told, titles);
}

void TestNotificationPolicy::removedByAnotherProgram()
{
    // `webinargeek-connect logout` ran elsewhere: the next refresh finds nothing stored.
    FakeClock clock;
    NotificationPolicy policy(&clock);
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    policy.stateChanged(S::Loading, {});
    policy.stateChanged(S::SignedIn, {});
    policy.stateChanged(S::Refreshing, {});
    policy.stateChanged(S::SignedOut, {});
    policy.refreshFinished(AuthError::make(AuthError::Kind::NotSignedIn));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Signed out"));
    QCOMPARE(spy.at(0).at(2).value<NotificationPolicy::Kind>(), NotificationPolicy::Kind::Warning);

    // A refresh asked for while signed out finds nothing too: that is not news.
    policy.stateChanged(S::Refreshing, {});
    policy.stateChanged(S::SignedOut, {});
    policy.refreshFinished(AuthError::make(AuthError::Kind::NotSignedIn));
    QCOMPARE(spy.size(), 1);
}

void TestNotificationPolicy::ownSignOutDuringRefreshIsQuiet()
{
    // Session::signOut() during a refresh lets the refresh finish (SignedIn), then signs out.
    FakeClock clock;
    NotificationPolicy policy(&clock);
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    policy.stateChanged(S::Loading, {});
    policy.stateChanged(S::SignedIn, {});
    policy.stateChanged(S::Refreshing, {});
    policy.stateChanged(S::SignedIn, {});
    policy.refreshFinished({});
    policy.stateChanged(S::SignedOut, {});
    QCOMPARE(spy.size(), 0);
}

void TestNotificationPolicy::aConditionIsToldAgainOnlyAfterItCleared()
{
    FakeClock clock;
    NotificationPolicy policy(&clock);
    QSignalSpy spy(&policy, &NotificationPolicy::notify);
    policy.stateChanged(S::Loading, {});
    policy.stateChanged(S::SignedIn, {});
    policy.stateChanged(S::Refreshing, {});
    policy.stateChanged(S::NeedsSignIn, kRejected);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(2).value<NotificationPolicy::Kind>(), NotificationPolicy::Kind::Critical);
    // A sign-in that fails leaves the condition as it was: not told again.
    policy.stateChanged(S::SigningIn, {});
    policy.stateChanged(S::NeedsSignIn, kRejected);
    QCOMPARE(spy.size(), 1);
    // Signed in again, then rejected again: a new condition, told.
    policy.stateChanged(S::SigningIn, {});
    policy.stateChanged(S::SignedIn, {});
    policy.stateChanged(S::Refreshing, {});
    policy.stateChanged(S::NeedsSignIn, kRejected);
    QCOMPARE(spy.size(), 2);
}

void TestNotificationPolicy::withdrawnWhenTheStateNoLongerCallsForIt_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<QStringList>("events"); // titles told, and "withdrawn", in order

    const QList<Step> rejected {at(S::Loading), at(S::SignedIn), at(S::Refreshing, {}, 3000),
                                at(S::NeedsSignIn, kRejected)};
    const QString withdrawn = QStringLiteral("withdrawn");
    const QString signInAgain = QStringLiteral("Sign in again");
    QTest::newRow("sign in again: withdrawn as the sign-in starts, not again when it ends")
        << (rejected + QList<Step> {at(S::SigningIn), at(S::SignedIn), at(S::Refreshing, {}, 3000), at(S::SignedIn)})
        << QStringList {signInAgain, withdrawn};
    QTest::newRow("sign in again: withdrawn when signed out instead")
        << (rejected + QList<Step> {at(S::SignedOut)}) << QStringList {signInAgain, withdrawn};
    QTest::newRow("sign in again: stays while nothing changes")
        << (rejected + QList<Step> {at(S::NeedsSignIn, kRejected, 600)}) << QStringList {signInAgain};
    QTest::newRow("API key rejected: withdrawn when a new key is checked")
        << QList<Step> {at(S::Loading), at(S::SignedIn), at(S::NeedsSignIn, kApiKey), at(S::SigningIn)}
        << QStringList {QStringLiteral("API key rejected"), withdrawn};
    QTest::newRow("keychain: stays through the retries, withdrawn once readable")
        << QList<Step> {at(S::Loading),
                        at(S::KeychainUnavailable, kKeychain),
                        at(S::Refreshing, kKeychain, 30),
                        at(S::KeychainUnavailable, kKeychain),
                        at(S::Loading, kKeychain, 30),
                        at(S::SignedIn)}
        << QStringList {QStringLiteral("Keychain unavailable"), withdrawn};

    QList<Step> longOutage {at(S::Loading),
                            at(S::SignedIn),
                            at(S::Refreshing, {}, 3000),
                            at(S::Retrying, kOffline),
                            at(S::Refreshing, kOffline, 600),
                            at(S::SignedIn)};
    QTest::newRow("connected again: stays through routine refreshes")
        << (longOutage + QList<Step> {at(S::Refreshing, {}, 60), at(S::SignedIn)})
        << QStringList {QStringLiteral("Connected again")};
    QTest::newRow("connected again: withdrawn when offline again")
        << (longOutage + QList<Step> {at(S::Refreshing, {}, 60), at(S::Retrying, kOffline)})
        << QStringList {QStringLiteral("Connected again"), withdrawn};
    QTest::newRow("a new one takes the place of the one shown: withdrawn, then shown")
        << (longOutage + QList<Step> {at(S::Refreshing, {}, 60), at(S::NeedsSignIn, kRejected)})
        << QStringList {QStringLiteral("Connected again"), withdrawn, signInAgain};
}

void TestNotificationPolicy::withdrawnWhenTheStateNoLongerCallsForIt()
{
    QFETCH(QList<Step>, steps);
    QFETCH(QStringList, events);

    FakeClock clock;
    NotificationPolicy policy(&clock);
    QStringList seen;
    connect(&policy, &NotificationPolicy::notify, this, [&seen](const QString &title) { seen << title; });
    connect(&policy, &NotificationPolicy::withdraw, this, [&seen] { seen << QStringLiteral("withdrawn"); });
    for (const Step &step : steps) {
        clock.advance(step.secondsLater);
        policy.stateChanged(step.state, step.error);
        if (step.state == S::Retrying || step.state == S::NeedsSignIn || step.state == S::KeychainUnavailable)
            policy.refreshFinished(step.error);
    }
    QCOMPARE(seen, events);
    QCOMPARE(policy.isShowing(), !events.isEmpty() && events.last() != QLatin1String("withdrawn"));
}

void TestNotificationPolicy::namesTheAccountAndWhatToDo()
{
    using Action = NotificationPolicy::Action;
    StoredSession account;
    account.email = QStringLiteral("jane@example.com");
    account.company = QStringLiteral("Jane B.V.");
    FakeClock clock;
    NotificationPolicy policy(&clock);
    QSignalSpy spy(&policy, &NotificationPolicy::notify);

    // Rejected on refresh: the session still knows the account as it changes state.
    policy.stateChanged(S::Loading, {});
    policy.stateChanged(S::SignedIn, {}, account);
    policy.stateChanged(S::Refreshing, {}, account);
    policy.stateChanged(S::NeedsSignIn, kRejected, account);
    QCOMPARE(spy.size(), 1);
    QVERIFY2(spy.at(0).at(1).toString().contains(QLatin1String("jane@example.com (Jane B.V.)")),
             qPrintable(spy.at(0).at(1).toString()));
    QCOMPARE(spy.at(0).at(3).value<Action>(), Action::SignIn);

    // Removed by another program: the session is empty by then, the account remembered.
    policy.stateChanged(S::SigningIn, {});
    policy.stateChanged(S::SignedIn, {}, account);
    policy.stateChanged(S::Refreshing, {}, account);
    policy.stateChanged(S::SignedOut, {});
    policy.refreshFinished(AuthError::make(AuthError::Kind::NotSignedIn));
    QCOMPARE(spy.size(), 2);
    QVERIFY2(spy.at(1).at(1).toString().contains(QLatin1String("jane@example.com")),
             qPrintable(spy.at(1).at(1).toString()));
    QCOMPARE(spy.at(1).at(3).value<Action>(), Action::SignIn);

    // An API key: the window is where a new one goes.
    account.email.clear();
    policy.stateChanged(S::SigningIn, {});
    policy.stateChanged(S::SignedIn, {}, account);
    policy.stateChanged(S::NeedsSignIn, kApiKey, account);
    QCOMPARE(spy.size(), 3);
    QVERIFY2(spy.at(2).at(1).toString().contains(QLatin1String("of Jane B.V.")),
             qPrintable(spy.at(2).at(1).toString()));
    QCOMPARE(spy.at(2).at(3).value<Action>(), Action::OpenWindow);
}

// A watched session whose keychain entry is gone or unreadable knows no account; the list of
// accounts (Accounts::displayName()) still does, and the notification names it from there.
void TestNotificationPolicy::namesTheAccountFromTheListWhenTheSessionCannot()
{
    const Configuration config = unreachableConfiguration(QStringLiteral("webinargeek-connect-test"));
    NetworkAccess network;
    TokenStore store(config.storageKey(), QStringLiteral("second"));
    Session session(config, &network, &store);
    QVERIFY(session.stored().email.isEmpty());
    FakeClock clock;
    NotificationPolicy policy(&clock);
    QString listed = QStringLiteral("john@example.com (Sandbox Webinars B.V.)");
    policy.watch(&session, [&listed] { return listed; });
    QSignalSpy spy(&policy, &NotificationPolicy::notify);

    emit session.stateChanged(S::NeedsSignIn);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Sign in again"));
    QVERIFY2(spy.at(0).at(1).toString().contains(listed), qPrintable(spy.at(0).at(1).toString()));
    QCOMPARE(spy.at(0).at(3).value<NotificationPolicy::Action>(), NotificationPolicy::Action::SignIn);

    // Nothing known there either: the text without a name, not an empty one.
    listed.clear();
    emit session.stateChanged(S::SignedOut);
    emit session.stateChanged(S::NeedsSignIn);
    QCOMPARE(spy.size(), 2);
    QVERIFY2(spy.at(1).at(1).toString().startsWith(QLatin1String("Your WebinarGeek session has ended")),
             qPrintable(spy.at(1).at(1).toString()));
}

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "TestNotificationPolicy.moc"
