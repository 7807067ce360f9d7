#pragma once

#include "auth/AuthError.h"
#include "auth/Session.h"
#include "storage/StoredSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

struct TrayAccount;

// What the tray icon says about the accounts at one moment: which of its four icons, the tooltip
// in words, and what its menu offers. Computed from each session's state alone (compute()), then
// over every account (combine()), so a test covers every state without a tray, a server or a
// keychain.
class TrayStatus
{
    Q_DECLARE_TR_FUNCTIONS(TrayStatus)
public:
    // One icon each; every state the session can be in falls into one of them.
    enum class Kind {
        SignedIn,
        Refreshing, // also reading the keychain at start and a sign-in in progress: busy, wait
        NeedsAttention, // offline and retrying, refresh rejected, keychain unavailable
        SignedOut,
    };

    // The single menu item that signs in or out.
    enum class AccountAction {
        SignIn,
        SignOut,
        None, // busy (reading the keychain, a sign-in running): shown, disabled
    };

    // The icon of a state alone; compute() may choose another with the session in hand.
    static Kind kindFor(Session::State state);
    // `now` decides whether the expiry is today (time alone) and whether it has passed.
    static TrayStatus compute(Session::State state, const StoredSession &stored, const AuthError &lastError,
                              const QDateTime &now);
    static TrayStatus of(const Session &session, const QDateTime &now)
    {
        return compute(session.state(), session.stored(), session.lastError(), now);
    }
    // Over every account, in the list's order. One account: its own status, as today with one
    // session. Several: the icon of the one whose state most needs the person (Accounts::severity),
    // and a tooltip that names each account with its state, one line each. `addingAccount`: a new
    // account's sign-in is under way (Accounts::pending()); with no account, that is the status.
    static TrayStatus combine(const QList<TrayAccount> &accounts, bool addingAccount, const QDateTime &now);
    // An account and its state on one line: "jane@example.com (Company B.V.): Needs sign-in".
    static QString accountLine(const TrayAccount &account);
    // `name` (Accounts::displayName()), or the one stand-in for an account whose email is not
    // known yet, in the tray and the window alike.
    static QString accountName(const QString &name);
    // The name of the icon for `kind` (AppIcons.h): "webinargeek-connect-tray-signed-in".
    static QString iconName(Kind kind);

    Kind kind = Kind::SignedOut;
    QString headline; // the state in a few words: "Connected", "Offline, retrying"
    // Several lines: application, headline, account, expiry or what is wrong; with several
    // accounts, the application and a line per account (accountLine()).
    QString tooltip;
    // When the tooltip would read differently by the clock alone: the expiry passes, or the day
    // changes (a time without a date then means another day). Invalid when nothing in it does.
    QDateTime tooltipChangesAt;
    AccountAction accountAction = AccountAction::SignIn;
    bool canRefresh = false;
};

// One account among those the tray shows.
struct TrayAccount
{
    QString name; // Accounts::displayName(); empty while nothing is known of it
    bool active = false; // the one the command line uses
    Session::State state = Session::State::Loading;
    TrayStatus status; // of its session alone (TrayStatus::of())
};
