#include "AccountListModel.h"

#include "AppIcons.h"
#include "DesktopLog.h"
#include "TrayStatus.h"
#include "auth/Accounts.h"

#include <QFont>

#include <algorithm>

AccountListModel::AccountListModel(Accounts *accounts, QObject *parent)
    : QAbstractListModel(parent)
    , m_accounts(accounts)
{
    m_rows = accounts->sessions();
    connect(accounts, &Accounts::accountAdded, this, &AccountListModel::rowsChanged);
    connect(accounts, &Accounts::accountRemoved, this, &AccountListModel::accountRemoved);
    connect(accounts, &Accounts::loaded, this, &AccountListModel::rowsChanged);
    connect(accounts, &Accounts::changed, this, &AccountListModel::rowsChanged);
    connect(accounts, &Accounts::activeChanged, this, &AccountListModel::rowsChanged);
    // Another server: the new account shown may have given way to an account of that server.
    connect(accounts, &Accounts::reconfigured, this, [this] {
        sync();
        if (!selectedIsListed() && m_selected != m_accounts->pending())
            selectFallback();
        emit actionsChanged();
    });
    connect(accounts, &Accounts::removeFinished, this,
            [this](Session *session, const AuthError &error, const QString &warning) {
                // Removed elsewhere (the tray): that says how it went itself, and the name of an
                // account this did not remove is not known here any more.
                if (!m_removing.contains(session)) {
                    emit actionsChanged();
                    return;
                }
                const QString name = m_removing.take(session);
                if (error.isError())
                    //: %1 names the account, %2 says why (a whole sentence).
                    emit removeFinished(tr("%1 was not removed. %2").arg(name, error.message()));
                else
                    emit removeFinished(warning.isEmpty() ? tr("%1 was removed from this computer.").arg(name)
                                                          : warning);
                emit actionsChanged();
            });
    selectFallback();
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    Session *session = sessionAt(index.row());
    if (!session)
        return QVariant();
    const bool active = session == m_accounts->active();
    const QString state = Session::stateName(session->state());
    switch (role) {
    case Qt::DisplayRole:
        //: An account in the window's list: its name, then its state, marked when it is the active one.
        return active ? tr("%1\n%2 · active").arg(nameOf(session), state)
                      : QStringLiteral("%1\n%2").arg(nameOf(session), state);
    case Qt::AccessibleTextRole:
        //: What a screen reader says for an account in the list: its name and its state.
        return active ? tr("%1: %2, the active account").arg(nameOf(session), state)
                      : tr("%1: %2").arg(nameOf(session), state);
    case Qt::DecorationRole:
        return AppIcons::tray(TrayStatus::kindFor(session->state()));
    case Qt::FontRole: {
        if (!active)
            return QVariant();
        QFont font;
        font.setBold(true);
        return font;
    }
    case SessionRole:
        return QVariant::fromValue(session);
    case StateRole:
        return QVariant::fromValue(session->state());
    case ActiveRole:
        return active;
    case NameRole:
        return nameOf(session);
    default:
        return QVariant();
    }
}

Session *AccountListModel::sessionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : nullptr;
}

int AccountListModel::rowOf(const Session *session) const
{
    return session ? int(m_rows.indexOf(const_cast<Session *>(session))) : -1;
}

QString AccountListModel::nameOf(const Session *session) const
{
    QString name = m_accounts->displayName(session);
    if (name.isEmpty())
        name = Accounts::displayName(session->stored().email, session->stored().company);
    return TrayStatus::accountName(name);
}

void AccountListModel::select(Session *session)
{
    if (!session || session == m_selected)
        return;
    m_adding = false;
    m_selected = session;
    emit selectedChanged(session);
    emit actionsChanged();
}

Session *AccountListModel::addAccount()
{
    Session *session = m_accounts->newAccount();
    select(session);
    m_adding = true;
    return session;
}

bool AccountListModel::leaveNewAccount()
{
    if (m_rows.isEmpty() || selectedIsListed())
        return false;
    m_adding = false;
    selectFallback();
    return true;
}

bool AccountListModel::canRemove() const
{
    return selectedIsListed() && !m_removing.contains(m_selected);
}

bool AccountListModel::canMakeActive() const
{
    return selectedIsListed() && m_selected != m_accounts->active();
}

QString AccountListModel::removeQuestion() const
{
    //: %1 names the account.
    return tr("Remove %1 from this computer? It is signed out and its stored tokens are revoked. The other "
              "accounts stay signed in.")
        .arg(nameOf(m_selected));
}

void AccountListModel::removeSelected()
{
    if (!canRemove())
        return;
    Session *session = m_selected;
    m_removing.insert(session, nameOf(session));
    qCInfo(lcDesktop) << "Removing account" << rowOf(session) + 1 << "of" << m_rows.size();
    emit actionsChanged();
    m_accounts->remove(session);
}

bool AccountListModel::makeSelectedActive(QString *error)
{
    if (!canMakeActive())
        return false;
    return m_accounts->setActive(m_selected, error);
}

// Brings the rows in line with Accounts::sessions(): those gone out, those new in at their place.
void AccountListModel::sync()
{
    const QList<Session *> now = m_accounts->sessions();
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!now.contains(m_rows.at(row))) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < now.size(); ++row) {
        Session *session = now.at(row);
        if (m_rows.contains(session))
            continue;
        const int at = std::min(row, int(m_rows.size()));
        beginInsertRows(QModelIndex(), at, at);
        m_rows.insert(at, session);
        endInsertRows();
    }
    // The order of those already shown changes only by removals and insertions; anything else
    // (a list rewritten by another process) is shown as it is now.
    // std::equal, not QList's ==: Qt 6.4 compares two empty lists of pointers with memcmp on null
    // data, which UBSan reports.
    if (!std::equal(m_rows.cbegin(), m_rows.cend(), now.cbegin(), now.cend())) {
        beginResetModel();
        m_rows = now;
        endResetModel();
    }
}

void AccountListModel::accountRemoved(Session *session)
{
    sync();
    if (session == m_selected || !m_selected)
        selectFallback();
    emit actionsChanged();
}

void AccountListModel::rowsChanged()
{
    // Accounts added (here or by another process), or an account signed in again in the place of
    // the one it renews: the rows and their order may have changed.
    sync();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    // The new account, shown while nothing else was asked for (no account yet, its sign-in has
    // not started): the first account listed takes its place.
    if (!selectedIsListed() && !m_adding && (!m_selected || m_selected->state() != Session::State::SigningIn))
        selectFallback();
    emit actionsChanged();
}

void AccountListModel::selectFallback()
{
    if (m_selected && selectedIsListed())
        return;
    Session *next = m_accounts->active();
    if (!next && !m_rows.isEmpty())
        next = m_rows.first();
    if (!next) {
        // Not a second new account: the one being added stays until it signs in.
        next = m_accounts->newAccount();
    }
    const bool adding = m_adding;
    select(next);
    m_adding = adding && rowOf(next) < 0;
}
