#include "NotificationPolicy.h"

#include "DesktopLog.h"

#include "auth/Clock.h"

#include <utility>

NotificationPolicy::NotificationPolicy(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : new SystemClock(this))
{ }

void NotificationPolicy::watch(Session *session, const AccountName &accountName)
{
    m_accountName = accountName;
    connect(session, &Session::stateChanged, this,
            [this, session](Session::State state) { stateChanged(state, session->lastError(), session->stored()); });
    // The account is read from the server after the sign-in itself.
    connect(session, &Session::sessionChanged, this, [this, session] {
        if (!session->stored().email.isEmpty() || !session->stored().company.isEmpty()) {
            m_email = session->stored().email;
            m_company = session->stored().company;
        }
    });
    connect(session, &Session::refreshFinished, this, &NotificationPolicy::refreshFinished);
}

bool NotificationPolicy::isOver(Condition condition, Session::State state)
{
    using S = Session::State;
    switch (condition) {
    case Condition::NeedsSignIn:
    case Condition::ApiKeyRejected:
        // The person started signing in (from the notification, say), or did without.
        return state == S::SigningIn || state == S::SignedIn || state == S::SignedOut;
    case Condition::KeychainUnavailable:
        // Not Loading or Refreshing: the app reading the keychain again says nothing yet.
        return state == S::SigningIn || state == S::SignedIn || state == S::SignedOut || state == S::NeedsSignIn;
    case Condition::RemovedElsewhere:
        return state == S::SigningIn || state == S::SignedIn;
    case Condition::ConnectedAgain:
        // No longer true.
        return state != S::SignedIn && state != S::Refreshing;
    }
    return true;
}

QString NotificationPolicy::accountName() const
{
    if (m_accountName) {
        if (const QString name = m_accountName(); !name.isEmpty())
            return name;
    }
    if (!m_email.isEmpty() && !m_company.isEmpty())
        //: The account in a notification: email (company).
        return tr("%1 (%2)").arg(m_email, m_company);
    return m_email.isEmpty() ? m_company : m_email;
}

void NotificationPolicy::stateChanged(Session::State state, const AuthError &lastError, const StoredSession &account)
{
    if (!account.email.isEmpty() || !account.company.isEmpty()) {
        m_email = account.email;
        m_company = account.company;
    }
    if (m_shown && isOver(*m_shown, state)) {
        qCInfo(lcDesktop) << "Notification withdrawn";
        m_shown.reset();
        emit withdraw();
    }
    const Session::State previous = std::exchange(m_previous, state);
    const QString who = accountName();
    switch (state) {
    case Session::State::SignedIn: {
        // Monotonic time: a machine that slept through the night was not offline all that while.
        const bool longOutage =
            m_outageSinceMs >= 0 && m_clock->monotonicMs() - m_outageSinceMs >= kLongOutageSeconds * 1000;
        m_outageSinceMs = -1;
        m_told.clear(); // ConnectedAgain too: told at most once per outage
        m_hadAccount = true;
        if (longOutage)
            tell(Condition::ConnectedAgain, tr("Connected again"),
                 who.isEmpty()
                     ? tr("WebinarGeek Connect reached the server again and renewed your session.")
                     : tr("WebinarGeek Connect reached the server again and renewed the session of %1.").arg(who),
                 Kind::Information, Action::OpenWindow);
        return;
    }
    case Session::State::SignedOut:
        // A refresh that finds nothing stored: another program removed the session (its
        // refreshFinished() follows). Signing out here, or a sign-in that did not finish, is not news.
        m_removedElsewhere = m_hadAccount && previous == Session::State::Refreshing;
        m_hadAccount = false;
        // Every condition is over, and so is any outage.
        m_outageSinceMs = -1;
        m_told.remove(Condition::NeedsSignIn);
        m_told.remove(Condition::ApiKeyRejected);
        m_told.remove(Condition::KeychainUnavailable);
        return;
    case Session::State::Retrying:
        m_hadAccount = true;
        if (m_outageSinceMs < 0)
            m_outageSinceMs = m_clock->monotonicMs();
        return;
    case Session::State::NeedsSignIn:
        m_outageSinceMs = -1;
        m_hadAccount = false;
        if (lastError.kind == AuthError::Kind::ApiKeyRejected)
            tell(Condition::ApiKeyRejected, tr("API key rejected"),
                 who.isEmpty()
                     ? tr("WebinarGeek did not accept the API key. Open WebinarGeek Connect to connect again.")
                     : tr("WebinarGeek did not accept the API key of %1. Open WebinarGeek Connect to connect again.")
                           .arg(who),
                 Kind::Critical, Action::OpenWindow);
        else
            tell(Condition::NeedsSignIn, tr("Sign in again"),
                 who.isEmpty() ? tr("Your WebinarGeek session has ended and could not be renewed. Open WebinarGeek "
                                    "Connect and sign in again.")
                               : tr("The session of %1 has ended and could not be renewed. Sign in again to "
                                    "reconnect.")
                                     .arg(who),
                 Kind::Critical, Action::SignIn);
        return;
    case Session::State::KeychainUnavailable:
        tell(Condition::KeychainUnavailable, tr("Keychain unavailable"),
             tr("WebinarGeek Connect cannot read the system keychain, so it cannot keep you signed in. Unlock "
                "the keychain; the app tries again by itself."),
             Kind::Warning, Action::OpenWindow);
        return;
    case Session::State::Loading:
    case Session::State::SigningIn:
    case Session::State::Refreshing:
        // In between: whatever follows decides.
        return;
    }
}

void NotificationPolicy::refreshFinished(const AuthError &error)
{
    // `webinargeek-connect logout`, say, while the window ran. The window's own Sign out ends in
    // signOutFinished(), never here.
    if (error.kind == AuthError::Kind::NotSignedIn && std::exchange(m_removedElsewhere, false)) {
        const QString who = accountName();
        tell(Condition::RemovedElsewhere, tr("Signed out"),
             who.isEmpty()
                 ? tr("Your WebinarGeek session was removed outside this window. Sign in again to reconnect.")
                 : tr("The session of %1 was removed outside this window. Sign in again to reconnect.").arg(who),
             Kind::Warning, Action::SignIn);
    }
}

void NotificationPolicy::tell(Condition condition, const QString &title, const QString &text, Kind kind, Action action)
{
    if (m_told.contains(condition))
        return;
    m_told.insert(condition);
    m_shown = condition;
    qCInfo(lcDesktop) << "Notification:" << title;
    emit notify(title, text, kind, action);
}
