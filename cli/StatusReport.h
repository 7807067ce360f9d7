#pragma once

#include "config/Configuration.h"
#include "storage/AccountIndex.h"
#include "storage/StoredSession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

// What `status` says, as JSON for scripts or as lines for a person. Qt Core only: the launcher's
// fast path prints it without loading the rest of the app.
struct StatusReport
{
    enum class State { SignedIn, SignedOut, Error };

    // One of the accounts signed in side by side, for the list `status` adds.
    struct Account
    {
        QString email;
        QString company;
        State state = State::SignedOut;
        StoredSession session; // what the keychain holds for it (its tokens are never printed)
        bool active = false;
    };

    // The fields below describe one account: the active one, or the one --account named.
    State state = State::SignedOut;
    StoredSession session;
    QString error; // a sentence, for State::Error (and set, for example, for a rejected API key)
    QString clientId;
    QString tokenUrl;
    // Every account, in the list's order; `reported` is the index of the one described above
    // (-1: none of them).
    QList<Account> accounts;
    int reported = -1;

    QByteArray toJson(const QDateTime &now) const;
    QStringList toText(const QDateTime &now) const;
    // "Signed in as jane@example.com (Company)." and the like.
    static QString accountLine(const StoredSession &session);
    // 0 signed in, 1 signed out, 2 error.
    int exitCode() const;

    // Prints problems that stop `status` or `token` before any session is read (a configuration
    // or a settings file that cannot work): one "error:" line each, or for `status --json` the
    // JSON with state "error" and the problems as its error. Returns the exit code, 2.
    static int reportProblems(const QStringList &problems, bool json, const QString &clientId = {},
                              const QString &tokenUrl = {});
    // The state as reported at `now`: an OAuth session without a refresh token (it cannot be
    // renewed) is an error once its access token has expired.
    State stateAt(const QDateTime &now) const;
    static State stateAt(State state, const StoredSession &session, const QDateTime &now);
    // An account of the list as `status` shows it: its email and company as the keychain has
    // them, or as the list recorded them when nothing is stored. Nullopt for the place an earlier
    // version's session would be in (AccountList::recorded) when nothing is there.
    static std::optional<Account> listed(const AccountEntry &entry, State state, const StoredSession &session,
                                         bool active);

    Q_DECLARE_TR_FUNCTIONS(StatusReport)

private:
    QStringList otherAccounts(const QDateTime &now) const;
};

// The command line's two channels: people read stderr, scripts read stdout.
void printErr(const QString &text);
void printOut(const QByteArray &text);
