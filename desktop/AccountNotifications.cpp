#include "AccountNotifications.h"

#include "auth/Accounts.h"

AccountNotifications::AccountNotifications(Accounts *accounts, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_clock(clock)
{
    // The accounts listed at load() come without accountAdded().
    connect(m_accounts, &Accounts::loaded, this, &AccountNotifications::follow);
    connect(m_accounts, &Accounts::accountAdded, this, &AccountNotifications::follow);
    connect(m_accounts, &Accounts::accountRemoved, this, &AccountNotifications::drop);
    // The new account comes and goes without a signal of its own.
    connect(m_accounts, &Accounts::changed, this, &AccountNotifications::follow);
    follow();
}

void AccountNotifications::follow()
{
    QList<Session *> sessions = m_accounts->sessions();
    // With no account listed, the new account's state is the app's (a locked keychain, say), as
    // with its one session before.
    Session *pending = sessions.isEmpty() ? m_accounts->pending() : nullptr;
    if (pending)
        sessions.append(pending);
    for (Session *session : std::as_const(sessions)) {
        if (m_policies.contains(session))
            continue;
        auto *policy = new NotificationPolicy(m_clock, this);
        policy->watch(session, [this, session] { return m_accounts->displayName(session); });
        connect(policy, &NotificationPolicy::notify, this,
                [this, session](const QString &title, const QString &text, NotificationPolicy::Kind kind,
                                NotificationPolicy::Action action) {
                    m_shown = session;
                    m_shownAction = action;
                    emit notify(title, text, kind, action, session);
                });
        connect(policy, &NotificationPolicy::withdraw, this, [this, session] {
            if (m_shown == session) {
                m_shown = nullptr;
                emit withdraw();
            }
        });
        m_policies.insert(session, policy);
        // Followed once its state has changed (Accounts::changed): that change is heard here.
        if (session == pending)
            policy->stateChanged(session->state(), session->lastError(), session->stored());
    }
    for (Session *session : m_policies.keys()) {
        if (!sessions.contains(session))
            drop(session);
    }
}

void AccountNotifications::signingInAgain(Session *session)
{
    if (session && m_shown == session && m_shownAction == NotificationPolicy::Action::SignIn) {
        m_shown = nullptr;
        emit withdraw();
    }
}

void AccountNotifications::drop(Session *session)
{
    // Off the list (removed here or elsewhere, or replaced by signing in again): nothing to tell.
    if (NotificationPolicy *policy = m_policies.take(session)) {
        disconnect(policy, nullptr, this, nullptr);
        policy->deleteLater(); // it may be in the middle of hearing from the session
    }
    if (m_shown == session) {
        m_shown = nullptr;
        emit withdraw();
    }
}
