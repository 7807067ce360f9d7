// CommandRunner's commands about the list of accounts: `logout` (one account, or --all) and
// `switch`, which changes the active account.

#include "CommandRunner.h"

#include "StatusReport.h"
#include "auth/Accounts.h"
#include "auth/Session.h"

// "jane@example.com (Company B.V.)"; empty for the place of an earlier version's session with
// nothing in it.
QString CommandRunner::nameOf(const Session *session) const
{
    const QString name = m_accounts ? m_accounts->displayName(session)
                                    : Accounts::displayName(session->stored().email, session->stored().company);
    return name.isEmpty() ? session->stored().email : name;
}

// Every account was restored (restoreAll()): each one's name is known, also one an earlier
// version signed in.
void CommandRunner::logout()
{
    m_activeBefore = activeSession();
    if (m_commandLine.allAccounts()) {
        for (Session *session : sessions())
            m_removing << session;
    } else {
        if (!chooseAccount())
            return;
        if (m_session)
            m_removing << m_session;
    }
    if (m_removing.isEmpty()) {
        printErr(tr("Signed out; nothing is stored any more."));
        done(Success);
        return;
    }
    if (m_accounts)
        connect(m_accounts, &Accounts::removeFinished, this, &CommandRunner::removed);
    removeNext();
}

void CommandRunner::removed(Session *session, const AuthError &error, const QString &warning)
{
    if (!warning.isEmpty())
        printWarning(warning);
    if (error.isError()) {
        m_removeFailed = true;
        printError(m_commandLine.allAccounts() && !m_removingName.isEmpty()
                       ? tr("%1 could not be signed out of: %2").arg(m_removingName, error.message())
                       : error.message());
    } else {
        const QList<Session *> left = sessions();
        const bool lastOne = left.isEmpty() || (left.size() == 1 && left.first() == session);
        printErr(lastOne || m_removingName.isEmpty()
                     ? tr("Signed out; nothing is stored any more.")
                     : tr("Signed out of %1; nothing of it is stored any more.").arg(m_removingName));
    }
    removeNext();
}

// One account after the other: each has its own tokens and refresh lock, but the list is one.
void CommandRunner::removeNext()
{
    while (!m_removing.isEmpty() && !m_removing.first())
        m_removing.removeFirst();
    if (m_removing.isEmpty()) {
        Session *active = activeSession();
        if (active && active != m_activeBefore && !nameOf(active).isEmpty())
            printErr(tr("The active account is now %1.").arg(nameOf(active)));
        done(m_removeFailed ? UsageError : Success);
        return;
    }
    Session *next = m_removing.takeFirst();
    m_removingName = nameOf(next);
    if (m_accounts && next != m_unlisted) {
        m_accounts->remove(next);
        return;
    }
    // The one session it was given, or one the list does not name: signed out, there is no
    // entry to take off the list.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(next, &Session::signOutFinished, this,
                          [this, next, connection](const AuthError &error, const QString &warning) {
                              disconnect(*connection);
                              removed(next, error, warning);
                          });
    next->signOut();
}

void CommandRunner::switchAccount()
{
    if (!m_accounts) {
        printError(tr("There is no list of accounts to switch in."));
        done(UsageError);
        return;
    }
    if (!m_commandLine.switchTo().isEmpty()) {
        QString error;
        Session *session = m_accounts->find(m_commandLine.switchTo(), &error);
        if (!session) {
            printError(error);
            done(UsageError);
            return;
        }
        makeActive(session);
        return;
    }
    QList<Session *> sessions;
    QStringList names;
    for (Session *session : m_accounts->sessions()) {
        if (nameOf(session).isEmpty())
            continue; // the place of an earlier version's session, with nothing in it
        sessions << session;
        names << nameOf(session);
    }
    if (sessions.isEmpty()) {
        printErr(tr("No account is signed in. Run \"webinargeek-connect login\" to sign in."));
        done(Failure);
        return;
    }
    if (sessions.size() == 1) {
        printErr(tr("Only one account is signed in, %1, and it is the active one. Sign in to another with "
                    "\"webinargeek-connect login\".")
                     .arg(names.first()));
        done(Success);
        return;
    }
    if (!mayAskTerminal()) {
        printError(tr("Name the account to switch to, as in \"webinargeek-connect switch EMAIL\" (there is no "
                      "terminal to ask on). The accounts are: %1.")
                       .arg(names.join(QLatin1String("; "))));
        done(UsageError);
        return;
    }
    offerChoice(sessions);
}

// The accounts, numbered, on stderr; the number is read from the terminal.
void CommandRunner::offerChoice(const QList<Session *> &sessions)
{
    printErr(tr("Signed-in accounts:"));
    const Session *active = m_accounts->active();
    for (int i = 0; i < sessions.size(); ++i) {
        const QString name = nameOf(sessions.at(i));
        printErr(
            QStringLiteral("  %1. %2").arg(i + 1).arg(sessions.at(i) == active ? tr("%1 (active)").arg(name) : name));
    }
    printErr(tr("Type the number of the account to make active and press Enter (Ctrl+D leaves it as it is):"));
    m_inputEnded = [this] {
        printErr(tr("Nothing chosen; the active account stays as it was."));
        done(Failure);
    };
    readLines([this, sessions](const QByteArray &typed) { takeChoice(sessions, typed); });
}

void CommandRunner::takeChoice(const QList<Session *> &sessions, const QByteArray &typed)
{
    const int index = chosenIndex(typed, int(sessions.size()));
    if (index < 0) {
        // Not repeated back: it may be anything, a secret typed in the wrong place included.
        printError(
            tr("Type a number from 1 to %1, or Ctrl+D to leave the active account as it is.").arg(sessions.size()));
        return;
    }
    stopReading();
    makeActive(sessions.at(index));
}

int CommandRunner::chosenIndex(const QByteArray &typed, int count)
{
    bool ok = false;
    const int number = typed.trimmed().toInt(&ok, 10);
    return ok && number >= 1 && number <= count ? number - 1 : -1;
}

void CommandRunner::makeActive(Session *session)
{
    QString error;
    if (!m_accounts->setActive(session, &error)) {
        printError(error);
        done(UsageError);
        return;
    }
    printErr(tr("The active account is now %1.").arg(nameOf(session)));
    done(Success);
}
