#include "AccountIndex.h"

#include "StorageLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

const QLatin1String kVersion("version");
const QLatin1String kServers("servers");
const QLatin1String kAccounts("accounts");
const QLatin1String kActive("active");
const QLatin1String kSlot("slot");
const QLatin1String kEmail("email");
const QLatin1String kCompany("company");

// Far more than any person's accounts; a bigger file is not ours.
constexpr qint64 kMaxFileBytes = 1024 * 1024;
// Another process holds the lock for a read and a write, a few milliseconds.
constexpr int kLockWaitMs = 5000;

// What the file holds: its JSON, or why it cannot be used. No file at all is neither: nothing
// was recorded yet.
struct FileContents
{
    QJsonObject object;
    QString problem;
};

FileContents readFile(const QString &fileName)
{
    FileContents contents;
    const QFileInfo info(fileName);
    if (!info.exists())
        return contents;
    QFile file(fileName);
    QString why;
    if (!info.isFile()) {
        why = AccountIndex::tr("it is not a file");
    } else if (info.size() > kMaxFileBytes) {
        why = AccountIndex::tr("it is larger than any list of accounts");
    } else if (!file.open(QIODevice::ReadOnly)) {
        why = file.errorString();
    } else if (file.size() > 0) { // empty: nothing written yet
        QJsonParseError parsed {};
        const QJsonObject object = QJsonDocument::fromJson(file.readAll(), &parsed).object();
        const int version = object.value(kVersion).toInt();
        if (parsed.error != QJsonParseError::NoError) {
            why = AccountIndex::tr("%1 at character %2").arg(parsed.errorString()).arg(parsed.offset);
        } else if (version > 1) {
            // Written by a later version, which the person may go back to: left as it is.
            contents.problem = AccountIndex::tr("The list of accounts (%1) was written by a later version of "
                                                "WebinarGeek Connect; it is left as it is.")
                                   .arg(fileName);
        } else if (version < 1 || !object.value(kServers).isObject()) {
            why = AccountIndex::tr("it is not a list of accounts");
        } else {
            contents.object = object;
        }
    }
    if (!why.isEmpty())
        contents.problem =
            AccountIndex::tr("The list of accounts (%1) cannot be read: %2. Correct or remove it.").arg(fileName, why);
    if (!contents.problem.isEmpty())
        qCWarning(lcStorage).noquote() << contents.problem;
    return contents;
}

AccountList fromJson(const QJsonObject &server)
{
    AccountList list;
    list.recorded = true;
    list.active = server.value(kActive).toString();
    const QJsonArray accounts = server.value(kAccounts).toArray();
    for (const QJsonValue &value : accounts) {
        const QJsonObject object = value.toObject();
        AccountEntry entry;
        entry.slot = object.value(kSlot).toString();
        entry.email = object.value(kEmail).toString();
        entry.company = object.value(kCompany).toString();
        // A slot names keychain entries: one listed twice would be two accounts sharing tokens.
        if (list.indexOf(entry.slot) < 0)
            list.accounts.append(entry);
    }
    return list;
}

QJsonObject toJson(const AccountList &list)
{
    QJsonArray accounts;
    for (const AccountEntry &entry : list.accounts) {
        accounts.append(QJsonObject {
            {kSlot, entry.slot},
            {kEmail, entry.email},
            {kCompany, entry.company},
        });
    }
    return QJsonObject {{kActive, list.active}, {kAccounts, accounts}};
}

AccountList listIn(const FileContents &file, const QString &serverKey)
{
    const QJsonObject servers = file.object.value(kServers).toObject();
    if (!servers.contains(serverKey)) {
        // An earlier version's one session, if it left one, is in slot "": the first account.
        AccountList list;
        list.accounts.append(AccountEntry());
        list.problem = file.problem;
        return list;
    }
    return fromJson(servers.value(serverKey).toObject());
}

} // namespace

int AccountList::indexOf(const QString &slot) const
{
    for (int i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).slot == slot)
            return i;
    }
    return -1;
}

const AccountEntry *AccountList::entry(const QString &slot) const
{
    const int index = indexOf(slot);
    return index < 0 ? nullptr : &accounts.at(index);
}

const AccountEntry *AccountList::activeEntry() const
{
    return entry(active);
}

const AccountEntry *AccountList::find(const QString &query, QString *error) const
{
    const QString wanted = query.trimmed();
    QList<const AccountEntry *> matches;
    for (const AccountEntry &account : accounts) {
        // The email as typed wins over a longer one it is a prefix of.
        if (account.email.compare(wanted, Qt::CaseInsensitive) == 0)
            return &account;
        if (!wanted.isEmpty() && account.email.startsWith(wanted, Qt::CaseInsensitive))
            matches.append(&account);
    }
    if (matches.size() == 1)
        return matches.first();
    QStringList names;
    for (const AccountEntry *account : matches)
        names << account->email;
    if (matches.isEmpty()) {
        for (const AccountEntry &account : accounts)
            names << account.email;
    }
    if (error) {
        if (accounts.isEmpty())
            *error = AccountIndex::tr("No account matches \"%1\": no account is signed in.").arg(wanted);
        else if (matches.isEmpty())
            *error = AccountIndex::tr("No account matches \"%1\". The accounts are: %2.")
                         .arg(wanted, names.join(QLatin1String(", ")));
        else
            *error = AccountIndex::tr("\"%1\" matches several accounts: %2. Give more of the email.")
                         .arg(wanted, names.join(QLatin1String(", ")));
    }
    return nullptr;
}

QString AccountList::freeSlot() const
{
    if (!recorded && indexOf(QString()) < 0)
        return QString();
    QString slot;
    do {
        slot = QString::number(QRandomGenerator::global()->generate(), 16);
    } while (indexOf(slot) >= 0);
    return slot;
}

AccountIndex::AccountIndex(const QString &fileName)
    : m_fileName(fileName.isEmpty() ? defaultPath() : fileName)
{ }

QString AccountIndex::defaultPath()
{
    // Beside the settings file (ConfigurationLoader::defaultSettingsPath()).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/WebinarGeek/accounts.json");
}

QString AccountIndex::accountKey(const QString &serverKey, const QString &slot)
{
    return slot.isEmpty() ? serverKey : serverKey + QLatin1Char('#') + slot;
}

AccountList AccountIndex::read(const QString &serverKey) const
{
    return listIn(readFile(m_fileName), serverKey);
}

bool AccountIndex::update(const QString &serverKey, const std::function<void(AccountList &)> &change, QString *error)
{
    const QString folder = QFileInfo(m_fileName).absolutePath();
    QDir().mkpath(folder);
    QLockFile lock(m_fileName + QLatin1String(".lock"));
    if (!lock.tryLock(kLockWaitMs)) {
        const QString why = tr("The list of accounts (%1) is locked by another program.").arg(m_fileName);
        qCWarning(lcStorage).noquote() << why;
        if (error)
            *error = why;
        return false;
    }
    const FileContents file = readFile(m_fileName);
    if (!file.problem.isEmpty()) {
        // Written over, it would lose every account it lists.
        if (error)
            *error = file.problem;
        return false;
    }
    AccountList list = listIn(file, serverKey);
    change(list);
    QJsonObject object = file.object;
    QJsonObject servers = object.value(kServers).toObject();
    // No account left: nothing recorded, so the next first account takes slot "" again.
    if (list.accounts.isEmpty())
        servers.remove(serverKey);
    else
        servers.insert(serverKey, toJson(list));
    object.insert(kVersion, 1);
    object.insert(kServers, servers);
    QSaveFile out(m_fileName);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(object).toJson()) < 0 || !out.commit()) {
        const QString why =
            tr("The list of accounts could not be written to %1: %2").arg(m_fileName, out.errorString());
        qCWarning(lcStorage).noquote() << why;
        if (error)
            *error = why;
        return false;
    }
    return true;
}
