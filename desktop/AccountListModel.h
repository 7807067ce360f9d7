#pragma once

#include "auth/Session.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

class Accounts;

// The window's list of accounts (Accounts) and which one's detail it shows: a row per listed
// account, in the order they were added, with its name, its state and whether it is the active
// one; and the actions on the account chosen in it (add, remove, make active). No widgets: the
// window shows the rows and forwards the clicks, a test drives it directly.
//
// The account shown is one of the list, or the new account being added (Accounts::newAccount()),
// which is not listed until it has signed in. With no account at all, the new account is shown:
// the window signs in with it as it did with its one session.
class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        SessionRole = Qt::UserRole + 1, // Session*
        StateRole, // Session::State
        ActiveRole, // bool
        NameRole, // Accounts::displayName(), or a stand-in while nothing is known of the account
    };

    explicit AccountListModel(Accounts *accounts, QObject *parent = nullptr);

    Accounts *accounts() const { return m_accounts; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    Session *sessionAt(int row) const;
    // -1 for a session that is not listed (the new account).
    int rowOf(const Session *session) const;

    // The account whose detail is shown; never null.
    Session *selected() const { return m_selected; }
    bool selectedIsListed() const { return rowOf(m_selected) >= 0; }
    // Shows `session` (one of the list, or the new account).
    void select(Session *session);
    void selectRow(int row) { select(sessionAt(row)); }
    // Shows the new account, to sign in with: the caller starts its sign-in (in the browser, or
    // with an API key). The same one until its sign-in succeeds, then it is listed and stays shown.
    Session *addAccount();
    // The new account's sign-in failed or was cancelled: with accounts listed, the active one
    // (else the first) is shown again, and true. False while none is listed: the new account
    // stays, to sign in with.
    bool leaveNewAccount();

    // Remove… and Make active apply to the account shown: one of the list, and for Make active
    // not the active one already.
    bool canRemove() const;
    bool canMakeActive() const;
    // The question Remove… asks first, naming the account.
    QString removeQuestion() const;
    void removeSelected();
    // False with `error` when the list could not be written.
    bool makeSelectedActive(QString *error);

    // "jane@example.com (Company B.V.)"; TrayStatus::accountName()'s stand-in while the email is
    // not known yet.
    QString nameOf(const Session *session) const;

signals:
    // Another account is shown (the detail follows it).
    void selectedChanged(Session *session);
    // What Remove…, Make active and the rows' states allow may have changed.
    void actionsChanged();
    // A removal ended: `message` says how when there is something to say (an error, a warning).
    void removeFinished(const QString &message);

private:
    void accountRemoved(Session *session);
    void rowsChanged();
    void sync();
    // After the shown account went: the active one, else the first, else the new account.
    void selectFallback();

    Accounts *m_accounts;
    QList<Session *> m_rows; // Accounts::sessions() as last shown
    QPointer<Session> m_selected;
    // The new account is shown because Add account… asked for it, not for want of any other.
    bool m_adding = false;
    QHash<Session *, QString> m_removing; // their names, for the message when removal ends
};
