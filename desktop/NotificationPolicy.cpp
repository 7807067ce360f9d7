#include "NotificationPolicy.h"

#include "DesktopLog.h"

#include "auth/Clock.h"

#include <utility>

NotificationPolicy::NotificationPolicy(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : new SystemClock(this))
{ }

void NotificationPolicy::watch(Session *session)
{
    connect(session, &Session::stateChanged, this,
            [this, session](Session::State state) { stateChanged(state, session->lastError()); });
    connect(session, &Session::refreshFinished, this, &NotificationPolicy::refreshFinished);
}

void NotificationPolicy::stateChanged(Session::State state, const AuthError &lastError)
{
    const Session::State previous = std::exchange(m_previous, state);
    switch (state) {
    case Session::State::SignedIn: {
        // Monotonic time: a machine that slept through the night was not offline all that while.
        const bool longOutage =
            m_outageSinceMs >= 0 && m_clock->monotonicMs() - m_outageSinceMs >= kLongOutageSeconds * 1000;
        m_outageSinceMs = -1;
        m_told.clear();
        m_hadAccount = true;
        if (longOutage)
            emit notify(tr("Connected again"),
                        tr("WebinarGeek Connect reached the server again and renewed your session."),
                        Kind::Information);
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
                 tr("WebinarGeek did not accept the API key. Open WebinarGeek Connect to connect again."),
                 Kind::Critical);
        else
            tell(Condition::NeedsSignIn, tr("Sign in again"),
                 tr("Your WebinarGeek session has ended and could not be renewed. Open WebinarGeek Connect "
                    "and sign in again."),
                 Kind::Critical);
        return;
    case Session::State::KeychainUnavailable:
        tell(Condition::KeychainUnavailable, tr("Keychain unavailable"),
             tr("WebinarGeek Connect cannot read the system keychain, so it cannot keep you signed in. Unlock "
                "the keychain; the app tries again by itself."),
             Kind::Warning);
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
    if (error.kind == AuthError::Kind::NotSignedIn && std::exchange(m_removedElsewhere, false))
        tell(Condition::RemovedElsewhere, tr("Signed out"),
             tr("Your WebinarGeek session was removed outside this window. Sign in again to reconnect."),
             Kind::Warning);
}

void NotificationPolicy::tell(Condition condition, const QString &title, const QString &text, Kind kind)
{
    if (m_told.contains(condition))
        return;
    m_told.insert(condition);
    qCInfo(lcDesktop) << "Notification:" << title;
    emit notify(title, text, kind);
}
