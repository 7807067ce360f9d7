#pragma once

#include "config/Configuration.h"
#include "storage/StoredSession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

// What `status` says, as JSON for scripts or as lines for a person. Qt Core only: the launcher's
// fast path prints it without loading the rest of the app.
struct StatusReport
{
    enum class State { SignedIn, SignedOut, Error };

    State state = State::SignedOut;
    StoredSession session;
    QString error; // a sentence, for State::Error (and set, for example, for a rejected API key)
    QString clientId;
    QString tokenUrl;

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

    Q_DECLARE_TR_FUNCTIONS(StatusReport)
};

// The command line's two channels: people read stderr, scripts read stdout.
void printErr(const QString &text);
void printOut(const QByteArray &text);
