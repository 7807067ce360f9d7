#include "Accounts.h"

#include "AuthLog.h"
#include "Reachability.h"
#include "storage/TokenStore.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>

namespace {

// Takes `slot`'s account off `list`; when it was the active one, the first left becomes active.
void dropFrom(AccountList &list, const QString &slot)
{
    if (const int at = list.indexOf(slot); at >= 0)
        list.accounts.removeAt(at);
    if (!list.entry(list.active))
        list.active = list.accounts.isEmpty() ? QString() : list.accounts.first().slot;
}

bool sameEmail(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

Accounts::Accounts(const Configuration &config, QNetworkAccessManager *network, Clock *clock, const QString &indexFile,
                   QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_clock(clock)
    , m_index(indexFile)
{ }

Accounts::~Accounts() = default;

void Accounts::setAutoRefresh(bool enabled)
{
    m_autoRefresh = enabled;
    for (Session *session : sessions())
        session->setAutoRefresh(enabled);
    if (m_pending)
        m_pending->setAutoRefresh(enabled);
}

void Accounts::setReachability(Reachability *reachability)
{
    m_reachability = reachability;
    for (Session *session : sessions())
        session->setReachability(reachability);
    if (m_pending)
        m_pending->setReachability(reachability);
}

void Accounts::watchForChanges()
{
    if (m_watcher)
        return;
    // The folder, not the file: the list is replaced whole (QSaveFile), which a watch on the
    // file itself would not survive.
    const QString folder = QFileInfo(m_index.fileName()).absolutePath();
    QDir().mkpath(folder);
    m_watcher = new QFileSystemWatcher({folder}, this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &Accounts::reread);
}

Session *Accounts::makeSession(const QString &slot)
{
    auto *store = new TokenStore(m_config.storageKey(), slot);
    auto *session = new Session(m_config, m_network, store, m_clock, this);
    store->setParent(session);
    session->setAutoRefresh(m_autoRefresh);
    if (m_reachability)
        session->setReachability(m_reachability);
    watch(session);
    return session;
}

void Accounts::watch(Session *session)
{
    connect(session, &Session::stateChanged, this, &Accounts::changed);
    connect(session, &Session::sessionChanged, this, [this, session] {
        recordAccount(session);
        emit changed();
    });
    connect(session, &Session::signInFinished, this, [this, session](const AuthError &error) {
        if (!error.isError())
            signedIn(session);
    });
    connect(session, &Session::restoreFinished, this, [this, session] { restored(session); });
    connect(session, &Session::issuerEndpointFailed, this, &Accounts::issuerEndpointFailed);
}

void Accounts::load()
{
    setList(m_index.read(m_config.storageKey()));
}

// Makes the sessions follow `list`: a session for every account it has, none for one it has not.
void Accounts::setList(const AccountList &list)
{
    const Session *activeBefore = active();
    QList<Session *> kept;
    QList<Session *> newcomers;
    for (const AccountEntry &entry : list.accounts) {
        Session *session = nullptr;
        for (Session *existing : std::as_const(m_sessions)) {
            if (existing->slot() == entry.slot)
                session = existing;
        }
        const bool added = !session;
        if (added && m_pending && m_pending->slot() == entry.slot) {
            // Listed by another process meanwhile (a `login` that chose the same free slot):
            // the listed account wins, and the next sign-in here takes a slot of its own.
            session = std::exchange(m_pending, nullptr);
            session->cancelSignIn();
        } else if (added) {
            session = makeSession(entry.slot);
        }
        kept.append(session);
        if (added)
            newcomers.append(session);
    }
    const QList<Session *> before = std::exchange(m_sessions, kept);
    m_list = list;
    // Once sessions() and active() have them.
    for (Session *session : std::as_const(newcomers)) {
        if (!m_loaded)
            continue;
        session->restore();
        emit accountAdded(session);
    }
    for (Session *session : before) {
        if (!m_sessions.contains(session)) {
            emit accountRemoved(session);
            retire(session);
        }
    }
    if (active() != activeBefore)
        emit activeChanged(active());
    emit changed();
}

void Accounts::restoreAll()
{
    m_awaiting = QSet<Session *>(m_sessions.cbegin(), m_sessions.cend());
    if (m_awaiting.isEmpty()) {
        m_loaded = true;
        emit loaded();
        return;
    }
    for (Session *session : std::as_const(m_sessions))
        session->restore();
}

void Accounts::restored(Session *session)
{
    const AccountEntry *listed = m_list.entry(session->slot());
    if (m_sessions.contains(session) && listed && listed->email.isEmpty()
        && session->state() == Session::State::SignedOut) {
        // An entry nobody signed in to (the first start after an earlier version that kept no
        // session, or one that never finished): no account. Its slot serves the next sign-in.
        m_sessions.removeAll(session);
        const QString slot = session->slot();
        if (m_list.recorded) {
            m_index.update(m_config.storageKey(), [slot](AccountList &list) {
                if (const int at = list.indexOf(slot); at >= 0)
                    list.accounts.removeAt(at);
            });
        }
        m_list.accounts.removeAt(m_list.indexOf(slot));
        if (!m_pending) {
            m_pending = session;
        } else {
            retire(session);
        }
        emit accountRemoved(session);
    } else {
        recordAccount(session);
    }
    if (!m_loaded && m_awaiting.remove(session) && m_awaiting.isEmpty()) {
        m_loaded = true;
        emit loaded();
    }
}

QList<Session *> Accounts::sessions() const
{
    return m_sessions;
}

AccountEntry Accounts::entry(const Session *session) const
{
    if (!session)
        return AccountEntry();
    AccountEntry result;
    if (const AccountEntry *listed = m_list.entry(session->slot()); listed && m_sessions.contains(session))
        result = *listed;
    result.slot = session->slot();
    // What the keychain says is newer than the list.
    if (!session->stored().email.isEmpty()) {
        result.email = session->stored().email;
        result.company = session->stored().company;
    }
    return result;
}

QString Accounts::displayName(const Session *session) const
{
    const AccountEntry account = entry(session);
    return displayName(account.email, account.company);
}

QString Accounts::displayName(const QString &email, const QString &company)
{
    if (company.isEmpty() || email.isEmpty())
        return email;
    //: An account: email (company).
    return tr("%1 (%2)").arg(email, company);
}

Session *Accounts::active() const
{
    for (Session *session : m_sessions) {
        if (session->slot() == m_list.active)
            return session;
    }
    return nullptr;
}

bool Accounts::setActive(Session *session, QString *error)
{
    if (!session || !m_sessions.contains(session))
        return false;
    const QString slot = session->slot();
    AccountList updated;
    const bool written = m_index.update(
        m_config.storageKey(),
        [slot, &updated](AccountList &list) {
            list.active = slot;
            updated = list;
        },
        error);
    if (written)
        setList(updated);
    return written;
}

Session *Accounts::find(const QString &query, QString *error) const
{
    // Accounts whose email is not known yet (an earlier version's, not read) cannot be named.
    const AccountEntry *found = m_list.find(query, error);
    if (!found)
        return nullptr;
    for (Session *session : m_sessions) {
        if (session->slot() == found->slot)
            return session;
    }
    return nullptr;
}

Session *Accounts::newAccount()
{
    if (!m_pending) {
        m_pending = makeSession(m_list.freeSlot());
        // Nothing to read in a slot no account uses: SignedOut as soon as the keychain says so.
        m_pending->restore();
    }
    return m_pending;
}

// The list learns the account's email and company as the keychain has them (after an upgrade,
// or after signing in again as someone else).
void Accounts::recordAccount(Session *session)
{
    const StoredSession &stored = session->stored();
    const AccountEntry *listed = m_list.entry(session->slot());
    if (stored.email.isEmpty() || !listed || !m_sessions.contains(session))
        return;
    if (m_list.recorded && listed->email == stored.email && listed->company == stored.company)
        return;
    const QString slot = session->slot();
    AccountList updated;
    if (m_index.update(m_config.storageKey(), [&](AccountList &list) {
            const int at = list.indexOf(slot);
            if (at < 0)
                return;
            list.accounts[at].email = stored.email;
            list.accounts[at].company = stored.company;
            updated = list;
        }))
        m_list = updated;
}

void Accounts::signedIn(Session *session)
{
    const StoredSession stored = session->stored();
    const QString slot = session->slot();
    AccountEntry mine;
    mine.slot = slot;
    mine.email = stored.email;
    mine.company = stored.company;
    QStringList replaced;
    AccountList updated;
    QString error;
    const bool written = m_index.update(
        m_config.storageKey(),
        [&](AccountList &list) {
            // In place of the account it renews, or of itself (signed in again), or last.
            QList<AccountEntry> accounts;
            bool placed = false;
            for (const AccountEntry &entry : std::as_const(list.accounts)) {
                const bool same = entry.slot == slot || sameEmail(entry.email, mine.email);
                if (!same) {
                    accounts.append(entry);
                    continue;
                }
                if (entry.slot != slot)
                    replaced.append(entry.slot);
                if (!placed)
                    accounts.append(mine);
                placed = true;
            }
            if (!placed)
                accounts.append(mine);
            list.accounts = accounts;
            list.active = slot;
            updated = list;
        },
        &error);
    m_listError = written ? QString() : error;
    if (!written) {
        qCWarning(lcAuth).noquote() << "The account is signed in but not listed:" << error;
        return;
    }
    if (m_pending == session)
        m_pending = nullptr;
    const bool added = !m_sessions.contains(session);
    // The session of a replaced account goes with it (setList()); its tokens are deleted, not
    // revoked: they belong to the same grant as the new ones at many servers.
    QList<Session *> replacedSessions;
    for (Session *other : std::as_const(m_sessions)) {
        if (replaced.contains(other->slot()))
            replacedSessions.append(other);
    }
    for (Session *other : replacedSessions) {
        m_sessions.removeAll(other);
        emit accountRemoved(other);
        other->signOut(Session::Revocation::Keep);
        retire(other);
    }
    if (added) {
        m_sessions.append(session); // setList() puts it where the list has it
        emit accountAdded(session);
    }
    setList(updated);
    for (const QString &slot : std::as_const(replaced)) {
        bool hadSession = false;
        for (Session *other : std::as_const(replacedSessions))
            hadSession = hadSession || other->slot() == slot;
        if (!hadSession)
            forgetSlot(slot);
    }
}

// Deletes the tokens of an account this process has no session for.
void Accounts::forgetSlot(const QString &slot)
{
    Session *session = makeSession(slot);
    session->signOut(Session::Revocation::Keep);
    retire(session);
}

void Accounts::remove(Session *session)
{
    if (!session)
        return;
    if (session == m_pending) {
        session->cancelSignIn();
        emit removeFinished(session, AuthError(), QString());
        return;
    }
    auto *once = new QObject(this);
    connect(session, &Session::signOutFinished, once,
            [this, session, once](const AuthError &error, const QString &warning) {
                once->deleteLater();
                if (error.isError()) {
                    emit removeFinished(session, error, warning);
                    return;
                }
                const QString slot = session->slot();
                AccountList updated;
                QString listError;
                const bool written = m_index.update(
                    m_config.storageKey(),
                    [slot, &updated](AccountList &list) {
                        dropFrom(list, slot);
                        updated = list;
                    },
                    &listError);
                if (!written) {
                    // Signed out all the same; the next start finds no session in its slot.
                    updated = m_list;
                    dropFrom(updated, slot);
                    m_listError = listError;
                }
                setList(updated); // accountRemoved(), retires the session
                // Signed out either way: a list that could not be written is said as a warning.
                emit removeFinished(session, AuthError(),
                                    written ? warning
                                            : (warning.isEmpty() ? listError : warning + QLatin1Char(' ') + listError));
            });
    session->signOut();
}

// Deletes `session` once nothing of it is in flight (a keychain job, a refresh, a sign-out).
void Accounts::retire(Session *session)
{
    if (!session || session == m_pending)
        return;
    disconnect(session, nullptr, this, nullptr);
    // A sign-in for an account that is gone would store tokens nobody lists.
    session->cancelSignIn();
    const auto tryDelete = [session] {
        if (!session->isBusy() && session->state() != Session::State::Loading)
            session->deleteLater();
    };
    for (const auto signal : {&Session::restoreFinished, &Session::reconfigured})
        connect(session, signal, session, tryDelete, Qt::QueuedConnection);
    connect(session, &Session::refreshFinished, session, tryDelete, Qt::QueuedConnection);
    connect(session, &Session::signInFinished, session, tryDelete, Qt::QueuedConnection);
    connect(session, &Session::signOutFinished, session, tryDelete, Qt::QueuedConnection);
    QMetaObject::invokeMethod(session, tryDelete, Qt::QueuedConnection);
}

void Accounts::reread()
{
    const AccountList list = m_index.read(m_config.storageKey());
    // A file that cannot be read says nothing about the accounts: the sessions there are stay.
    if (!list.problem.isEmpty())
        return;
    bool same = list.active == m_list.active && list.accounts.size() == m_list.accounts.size();
    for (int i = 0; same && i < list.accounts.size(); ++i) {
        same = list.accounts.at(i).slot == m_list.accounts.at(i).slot
            && list.accounts.at(i).email == m_list.accounts.at(i).email
            && list.accounts.at(i).company == m_list.accounts.at(i).company;
    }
    if (same)
        return;
    qCInfo(lcAuth) << "The list of accounts changed elsewhere; following it";
    setList(list);
}

int Accounts::severity(Session::State state)
{
    switch (state) {
    case Session::State::NeedsSignIn:
        return 7;
    case Session::State::KeychainUnavailable:
        return 6;
    case Session::State::Retrying:
        return 5;
    case Session::State::SignedOut: // a listed account whose session is gone
        return 4;
    case Session::State::SigningIn:
        return 3;
    case Session::State::Refreshing:
        return 2;
    case Session::State::Loading:
        return 1;
    case Session::State::SignedIn:
        break;
    }
    return 0;
}

Session::State Accounts::worstState() const
{
    if (m_sessions.isEmpty())
        return m_loaded ? Session::State::SignedOut : Session::State::Loading;
    Session::State worst = Session::State::SignedIn;
    for (const Session *session : m_sessions) {
        if (severity(session->state()) > severity(worst))
            worst = session->state();
    }
    return worst;
}

void Accounts::reconfigure(const Configuration &config)
{
    const bool otherServer = config.storageKey() != m_config.storageKey();
    m_config = config;
    for (Session *session : std::as_const(m_sessions))
        session->reconfigure(config);
    if (m_pending)
        m_pending->reconfigure(config);
    // The new server's first account may have the new account's slot: setList() makes the new
    // account's session that account's.
    if (otherServer)
        setList(m_index.read(m_config.storageKey()));
    emit reconfigured();
}
