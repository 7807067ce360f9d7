#pragma once

#include "Session.h"
#include "config/Configuration.h"
#include "storage/AccountIndex.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class Clock;
class QFileSystemWatcher;
class QNetworkAccessManager;
class Reachability;

// The WebinarGeek accounts signed in side by side at one server, each a Session of its own: its
// tokens in the keychain under its slot, its own refresh timer, state and refresh lock, so that
// refreshing one never waits for or spends another's. The list (AccountIndex) says which
// accounts there are and which one is active: the one the command line uses unless --account
// names another. Signing in adds an account, or renews the one with the same email.
//
// The window and the command line both drive it; the window also follows what the command line
// changes meanwhile (watchForChanges()).
class Accounts : public QObject
{
    Q_OBJECT
public:
    // `clock` may be null: the system clock is used. `indexFile` empty: AccountIndex::defaultPath().
    Accounts(const Configuration &config, QNetworkAccessManager *network, Clock *clock = nullptr,
             const QString &indexFile = QString(), QObject *parent = nullptr);
    ~Accounts() override;

    const Configuration &configuration() const { return m_config; }
    AccountIndex &index() { return m_index; }

    // For every session, those there are and those to come (the window's; Session::setAutoRefresh).
    void setAutoRefresh(bool enabled);
    void setReachability(Reachability *reachability);
    // Reads the list again whenever another process changes it (`login`, `switch`, `logout`
    // while the window runs): new accounts appear, removed ones go, the active one follows.
    void watchForChanges();

    // Reads the list and makes a Session for every account, not yet restored. The one session
    // an earlier version kept becomes the first account, without a new sign-in.
    void load();
    // Restores every session; loaded() once each has answered.
    void restoreAll();
    bool isLoaded() const { return m_loaded; }

    // The accounts, in the order they were added.
    QList<Session *> sessions() const;
    // What the list says about `session`'s account: its email and company even when the keychain
    // no longer holds its session (signed out elsewhere, rejected for good, before restoring).
    AccountEntry entry(const Session *session) const;
    // "jane@example.com (Company B.V.)", or what is known of it; empty for a new account.
    QString displayName(const Session *session) const;
    static QString displayName(const QString &email, const QString &company);

    // The active account; null when there is none.
    Session *active() const;
    // False with `error` when the list could not be written.
    bool setActive(Session *session, QString *error = nullptr);
    // The account `query` names (AccountList::find): its email, or a unique prefix of it. Null
    // with `error` saying why.
    Session *find(const QString &query, QString *error) const;

    // A session for an account not listed yet, restoring (Loading, then SignedOut when the
    // keychain has answered for its empty slot): sign in with it (in the
    // browser or with an API key). Signed in, it is listed (accountAdded()) and made active; an
    // account with the same email is replaced by it (its tokens deleted, not revoked: they belong
    // to the same grant). The same one is returned until its sign-in succeeds.
    // Call it once loaded(): the first account then keeps the slot an earlier version used.
    Session *newAccount();
    // The list's file cannot be used (AccountList::problem): what is listed is then only the
    // first account, and nothing is written. Empty when it can.
    QString problem() const { return m_list.problem; }
    // Why the list could not be written the last time an account was to be listed (it is signed
    // in and stored, but not listed) or taken off it; empty when it was.
    QString listError() const { return m_listError; }
    // The session newAccount() made, while it has not signed in; null otherwise (also after a
    // reconfigure() to a server whose first account has its slot).
    Session *pending() const { return m_pending; }

    // Signs `session`'s account out (revoking its tokens) and takes it off the list; when it was
    // the active one, the first that is left becomes active. removeFinished() either way.
    void remove(Session *session);

    // The state that most needs the person, over every account: NeedsSignIn, then
    // KeychainUnavailable, Retrying, SigningIn, Refreshing, Loading, SignedIn. SignedOut when there
    // is no account.
    Session::State worstState() const;
    static int severity(Session::State state);

    // Another server or client from now on: every session switches (Session::reconfigure) and the
    // list is the new server's.
    void reconfigure(const Configuration &config);

signals:
    void loaded();
    void accountAdded(Session *session);
    // Off the list; the session is deleted once nothing of it is in flight.
    void accountRemoved(Session *session);
    void activeChanged(Session *session);
    // remove() is over: with an error when the account could not be signed out (it stays
    // listed); `warning` when its tokens could not be revoked but were deleted here, or when it
    // is signed out but the list could not be written (listError()).
    void removeFinished(Session *session, const AuthError &error, const QString &warning);
    // Any account's state, account or expiry changed (worstState() may have).
    void changed();
    // An endpoint the issuer's metadata named failed for some account (Session::issuerEndpointFailed).
    void issuerEndpointFailed();
    // reconfigure() switched every session; each restores for the new configuration.
    void reconfigured();

private:
    Session *makeSession(const QString &slot);
    void watch(Session *session);
    void signedIn(Session *session);
    void recordAccount(Session *session);
    void restored(Session *session);
    void forgetSlot(const QString &slot);
    void retire(Session *session);
    void reread();
    void setList(const AccountList &list);

    Configuration m_config;
    QNetworkAccessManager *m_network;
    Clock *m_clock;
    AccountIndex m_index;
    AccountList m_list; // as last read or written
    QList<Session *> m_sessions; // in m_list's order
    QPointer<Session> m_pending;
    QString m_listError;
    QPointer<Reachability> m_reachability;
    QFileSystemWatcher *m_watcher = nullptr;
    QSet<Session *> m_awaiting; // restoreAll() waits for these
    bool m_loaded = false;
    bool m_autoRefresh = false;
};
