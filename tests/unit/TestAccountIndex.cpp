// The list of accounts (accounts.json): what an earlier version left, changes under the lock,
// one list per server, naming an account, and files that are not a list.

#include "storage/AccountIndex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kServer = QStringLiteral("client@https://one.example");
const QString kOther = QStringLiteral("client@https://two.example");

AccountEntry account(const QString &slot, const QString &email)
{
    AccountEntry entry;
    entry.slot = slot;
    entry.email = email;
    return entry;
}

} // namespace

class TestAccountIndex : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void nothingRecordedIsTheEarlierVersionsSlot();
    void updatesAndReadsBack();
    void serversHaveListsOfTheirOwn();
    void aSlotListedTwiceCountsOnce();
    void notAListIsNothingRecorded_data();
    void notAListIsNothingRecorded();
    void aFolderInItsPlaceIsSaid();
    void laterVersionIsLeftAlone();
    void lockedByAnotherProgramIsSaid();
    void findsByEmailOrUniquePrefix();
    void freeSlot();
    void accountKey();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

void TestAccountIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_file = m_dir->filePath(QStringLiteral("sub/accounts.json"));
}

void TestAccountIndex::nothingRecordedIsTheEarlierVersionsSlot()
{
    const AccountList list = AccountIndex(m_file).read(kServer);
    QVERIFY(!list.recorded);
    QCOMPARE(list.accounts.size(), 1);
    QCOMPARE(list.accounts.first().slot, QString());
    QCOMPARE(list.accounts.first().email, QString());
    QCOMPARE(list.active, QString());
    QVERIFY(list.activeEntry());
    QVERIFY(!QFile::exists(m_file)); // reading writes nothing
}

void TestAccountIndex::updatesAndReadsBack()
{
    AccountIndex index(m_file);
    QString error;
    QVERIFY(index.update(
        kServer,
        [](AccountList &list) {
            list.accounts = {account(QString(), QStringLiteral("jane@example.com")),
                             account(QStringLiteral("7f"), QStringLiteral("joe@example.com"))};
            list.accounts[1].company = QStringLiteral("Joe B.V.");
            list.active = QStringLiteral("7f");
        },
        &error));
    QCOMPARE(error, QString());
    const AccountList list = index.read(kServer);
    QVERIFY(list.recorded);
    QCOMPARE(list.accounts.size(), 2);
    QCOMPARE(list.accounts.at(0).email, QStringLiteral("jane@example.com"));
    QCOMPARE(list.accounts.at(1).company, QStringLiteral("Joe B.V."));
    QCOMPARE(list.activeEntry()->email, QStringLiteral("joe@example.com"));

    // A change sees the list as it is in the file, not as this process last knew it.
    QVERIFY(AccountIndex(m_file).update(kServer, [](AccountList &list) { list.accounts.removeFirst(); }));
    QCOMPARE(index.read(kServer).accounts.size(), 1);
    // No lock file is left behind.
    QVERIFY(!QFile::exists(m_file + QStringLiteral(".lock")));
}

void TestAccountIndex::serversHaveListsOfTheirOwn()
{
    AccountIndex index(m_file);
    QVERIFY(
        index.update(kServer, [](AccountList &list) { list.accounts = {account(QString(), QStringLiteral("a@x"))}; }));
    QVERIFY(index.update(
        kOther, [](AccountList &list) { list.accounts = {account(QStringLiteral("9"), QStringLiteral("b@x"))}; }));
    QCOMPARE(index.read(kServer).accounts.size(), 1);
    QCOMPARE(index.read(kOther).accounts.first().email, QStringLiteral("b@x"));
    // A list left with no account is nothing recorded again: the next first account takes the
    // earlier version's slot.
    QVERIFY(index.update(kOther, [](AccountList &list) { list.accounts.clear(); }));
    QVERIFY(!index.read(kOther).recorded);
    QCOMPARE(index.read(kOther).accounts.size(), 1);
    QCOMPARE(index.read(kOther).accounts.first().slot, QString());
    QCOMPARE(index.read(kServer).accounts.size(), 1);
    QVERIFY(!index.read(QStringLiteral("client@https://three.example")).recorded);
}

void TestAccountIndex::aSlotListedTwiceCountsOnce()
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version":1,"servers":{"client@https://one.example":{"active":"a","accounts":[
        {"slot":"a","email":"one@x"},{"slot":"a","email":"two@x"},{"slot":"b","email":"three@x"}]}}})");
    file.close();
    const AccountList list = AccountIndex(m_file).read(kServer);
    QCOMPARE(list.accounts.size(), 2);
    QCOMPARE(list.accounts.at(0).email, QStringLiteral("one@x"));
}

void TestAccountIndex::notAListIsNothingRecorded_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("problem"); // empty: nothing recorded, and writable
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("not JSON") << QByteArray("accounts: jane") << QStringLiteral("at character");
    QTest::newRow("a stray comma") << QByteArray(R"({"version": 1,, "servers": {}})") << QStringLiteral("at character");
    QTest::newRow("an array") << QByteArray("[1,2]") << QStringLiteral("it is not a list of accounts");
    QTest::newRow("servers not an object")
        << QByteArray(R"({"version":1,"servers":[]})") << QStringLiteral("it is not a list of accounts");
    QTest::newRow("no version") << QByteArray(R"({"servers":{}})") << QStringLiteral("it is not a list of accounts");
}

void TestAccountIndex::notAListIsNothingRecorded()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, problem);
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    AccountIndex index(m_file);
    const AccountList list = index.read(kServer);
    QVERIFY(!list.recorded);
    QCOMPARE(list.accounts.size(), 1); // the earlier version's slot, as with no file
    const auto write = [](AccountList &list) { list.accounts = {account(QString(), QStringLiteral("a@x"))}; };
    QString error;
    if (problem.isEmpty()) {
        QCOMPARE(list.problem, QString());
        QVERIFY(index.update(kServer, write, &error));
        QCOMPARE(index.read(kServer).accounts.first().email, QStringLiteral("a@x"));
        return;
    }
    // Said, with the file, and never written over: it may list accounts a person can mend.
    QVERIFY2(list.problem.contains(problem), qPrintable(list.problem));
    QVERIFY(list.problem.startsWith(QStringLiteral("The list of accounts (%1) cannot be read: ").arg(m_file)));
    QVERIFY(list.problem.endsWith(QStringLiteral("Correct or remove it.")));
    QVERIFY(!index.update(kServer, write, &error));
    QCOMPARE(error, list.problem);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), contents);
}

void TestAccountIndex::aFolderInItsPlaceIsSaid()
{
    QVERIFY(QDir().mkpath(m_file));
    const AccountList list = AccountIndex(m_file).read(kServer);
    QVERIFY2(list.problem.contains(QStringLiteral("it is not a file")), qPrintable(list.problem));
}

void TestAccountIndex::laterVersionIsLeftAlone()
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray later = R"({"version":2,"profiles":{}})";
    file.write(later);
    file.close();
    AccountIndex index(m_file);
    QVERIFY(!index.read(kServer).recorded);
    QVERIFY(index.read(kServer).problem.contains(QStringLiteral("later version")));
    QString error;
    QVERIFY(!index.update(
        kServer, [](AccountList &list) { list.accounts.clear(); }, &error));
    QVERIFY2(error.contains(QStringLiteral("later version")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), later);
}

void TestAccountIndex::lockedByAnotherProgramIsSaid()
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    AccountIndex index(m_file);
    QVERIFY(index.update(kServer, [](AccountList &list) { list.accounts.clear(); }));
    // Held by a live process: this one (a lock file another program holds looks the same).
    QLockFile other(m_file + QStringLiteral(".lock"));
    QVERIFY(other.tryLock(0));
    QString error;
    bool called = false;
    QVERIFY(!index.update(
        kServer, [&called](AccountList &) { called = true; }, &error));
    QVERIFY(!called);
    QVERIFY2(error.contains(QStringLiteral("locked by another program")), qPrintable(error));
    QVERIFY(error.contains(m_file));
    other.unlock();
    QVERIFY(index.update(
        kServer, [&called](AccountList &) { called = true; }, &error));
    QVERIFY(called);
}

void TestAccountIndex::findsByEmailOrUniquePrefix()
{
    AccountList list;
    list.recorded = true;
    list.accounts = {account(QString(), QStringLiteral("jane@example.com")),
                     account(QStringLiteral("a1"), QStringLiteral("jane@example.com.au")),
                     account(QStringLiteral("b2"), QStringLiteral("joe@example.com"))};
    QString error;
    // The whole email, in any case, wins over a longer one it begins.
    QCOMPARE(list.find(QStringLiteral("JANE@example.com"), &error)->slot, QString());
    QCOMPARE(list.find(QStringLiteral(" jane@example.com.a "), &error)->slot, QStringLiteral("a1"));
    QCOMPARE(list.find(QStringLiteral("jo"), &error)->slot, QStringLiteral("b2"));
    QVERIFY(!list.find(QStringLiteral("ja"), &error));
    QCOMPARE(error,
             QStringLiteral("\"ja\" matches several accounts: jane@example.com, jane@example.com.au. Give more of the "
                            "email."));
    QVERIFY(!list.find(QStringLiteral("ada"), &error));
    QCOMPARE(error,
             QStringLiteral("No account matches \"ada\". The accounts are: jane@example.com, jane@example.com.au, "
                            "joe@example.com."));
    QVERIFY(!list.find(QString(), &error));
    QVERIFY(!AccountList().find(QStringLiteral("x"), &error));
    QCOMPARE(error, QStringLiteral("No account matches \"x\": no account is signed in."));
}

void TestAccountIndex::freeSlot()
{
    AccountList list;
    QCOMPARE(list.freeSlot(), QString());
    list.accounts = {account(QString(), QStringLiteral("a@x"))};
    const QString slot = list.freeSlot();
    QVERIFY(!slot.isEmpty());
    list.accounts.append(account(slot, QStringLiteral("b@x")));
    QVERIFY(list.freeSlot() != slot);
    QVERIFY(!list.freeSlot().isEmpty());
    // Once a list is recorded, never "", even when no account has it: two processes adding an
    // account at once must not both take it.
    list.recorded = true;
    list.accounts.removeFirst();
    QVERIFY(!list.freeSlot().isEmpty());
}

void TestAccountIndex::accountKey()
{
    // The first account's entries are where an earlier version kept its one session.
    QCOMPARE(AccountIndex::accountKey(kServer, QString()), kServer);
    QCOMPARE(AccountIndex::accountKey(kServer, QStringLiteral("7f")), kServer + QStringLiteral("#7f"));
}

QTEST_GUILESS_MAIN(TestAccountIndex)
#include "TestAccountIndex.moc"
