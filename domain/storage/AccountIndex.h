#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

// One signed-in WebinarGeek account, as the list of accounts records it. Its secrets are in the
// keychain under its slot (TokenStore); what is here is what a person may see on screen.
struct AccountEntry
{
    QString slot; // names its keychain entries; "" for the first, the one an earlier version used
    QString email; // as the API reports it: how the person and --account name the account
    QString company;
};

// The accounts of one server (Configuration::storageKey()), in the order they were added, and
// which one the command line uses when no --account is given.
struct AccountList
{
    QList<AccountEntry> accounts;
    QString active; // a slot of `accounts`; anything else when there are none
    // False: nothing was ever recorded for this server. An earlier version kept one session, in
    // slot "": that one is the first account (AccountIndex::read() lists it, email unknown).
    bool recorded = false;
    // The file is there but cannot be used (damaged, not a file, written by a later version): a
    // sentence saying so. The list is then taken as nothing recorded, and never written over.
    QString problem;

    int indexOf(const QString &slot) const;
    const AccountEntry *entry(const QString &slot) const;
    // The active account, or null when there is none.
    const AccountEntry *activeEntry() const;
    // The account `query` names: its email, or a prefix of exactly one account's email, in any
    // case. Null with `error` saying why (none matches, or several, named) otherwise.
    const AccountEntry *find(const QString &query, QString *error) const;
    // A slot no account uses: "" while nothing is recorded and no account has it (the first
    // account keeps the entries an earlier version read), otherwise a new random one, so that two
    // processes adding accounts at once never choose the same.
    QString freeSlot() const;
};

// The list of accounts, in accounts.json beside the settings file. It holds no secret: emails,
// companies and the slots that name the keychain entries. Every process of the person reads and
// changes it (the window, `login`, `switch` and `logout`), each change under a lock file and
// written whole, so two of them never lose each other's change.
class AccountIndex
{
public:
    // `fileName` empty: defaultPath().
    explicit AccountIndex(const QString &fileName = QString());

    QString fileName() const { return m_fileName; }
    // ~/.config/WebinarGeek/accounts.json
    static QString defaultPath();

    AccountList read(const QString &serverKey) const;
    // Reads the list, lets `change` change it, and writes it back, all under the lock; a list left
    // with no account is nothing recorded again. False with `error` saying why when it could not be
    // written (the list is then as it was), also when the file cannot be read (AccountList::problem).
    bool update(const QString &serverKey, const std::function<void(AccountList &)> &change, QString *error = nullptr);

    // The key an account's keychain entries are filed under (TokenStoreNames).
    static QString accountKey(const QString &serverKey, const QString &slot);

    Q_DECLARE_TR_FUNCTIONS(AccountIndex)

private:
    QString m_fileName;
};
