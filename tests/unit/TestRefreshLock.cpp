// The refresh lock's directory: one fixed, private directory per user, made safely, and refused
// (with the reason, naming it) when someone else could hold or remove the lock in it. The tests
// run as root, so "another user" is nobody, by chown.

#include "auth/RefreshLock.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

unsigned modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

class TestRefreshLock : public QObject
{
    Q_OBJECT
private slots:
    void sameDirectoryWhateverTheEnvironment();
    void madePrivateWhenMissing();
    void keptWhenPrivate();
    void refused_data();
    void refused();
    void anotherOwnerIsRefused();
    void twoLocksOfOneNameExcludeEachOther();
    void aSecondCallerHereGoesNext();
    void aHolderThatNeverLetsGoEndsTheWait();
};

// Neither XDG_RUNTIME_DIR nor TMPDIR moves it: every process of the user must find it.
void TestRefreshLock::sameDirectoryWhateverTheEnvironment()
{
    const QString expected = QStringLiteral("/tmp/webinargeek-connect-%1").arg(geteuid());
    QCOMPARE(RefreshLock::directory(), expected);
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    const QByteArray tmp = qgetenv("TMPDIR");
    qunsetenv("XDG_RUNTIME_DIR");
    qputenv("TMPDIR", "/var/tmp");
    QCOMPARE(RefreshLock::directory(), expected);
    qputenv("XDG_RUNTIME_DIR", "/nonexistent/run");
    QCOMPARE(RefreshLock::directory(), expected);
    RefreshLock lock(QStringLiteral("some-client@https://auth.example"));
    QVERIFY(lock.fileName().startsWith(expected + QLatin1Char('/')));
    if (runtime.isNull())
        qunsetenv("XDG_RUNTIME_DIR");
    else
        qputenv("XDG_RUNTIME_DIR", runtime);
    if (tmp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", tmp);
}

void TestRefreshLock::madePrivateWhenMissing()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString path = scratch.filePath(QStringLiteral("lock"));
    // Whatever the umask would allow, the directory is made private.
    const mode_t before = ::umask(0);
    const QString problem = RefreshLock::prepareDirectory(path);
    ::umask(before);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(modeOf(path), 0700u);
}

void TestRefreshLock::keptWhenPrivate()
{
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("lock"));
    QVERIFY(QDir().mkdir(path));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0700) == 0);
    QFile marker(path + QStringLiteral("/kept"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    QCOMPARE(RefreshLock::prepareDirectory(path), QString());
    QVERIFY(marker.exists());
    QCOMPARE(modeOf(path), 0700u);
}

void TestRefreshLock::refused_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("problem");
    QTest::newRow("writable by everybody")
        << QStringLiteral("mode 0777") << QStringLiteral("is open to other users (mode 0777)");
    QTest::newRow("writable by the group")
        << QStringLiteral("mode 0770") << QStringLiteral("is open to other users (mode 0770)");
    QTest::newRow("readable by others") << QStringLiteral("mode 0755")
                                        << QStringLiteral("is open to other users (mode 0755)");
    QTest::newRow("sticky and writable, as /tmp")
        << QStringLiteral("mode 1777") << QStringLiteral("is open to other users (mode 01777)");
    QTest::newRow("a symbolic link to a private directory")
        << QStringLiteral("symlink") << QStringLiteral("is a symbolic link, not a directory");
    QTest::newRow("a dangling symbolic link")
        << QStringLiteral("dangling symlink") << QStringLiteral("is a symbolic link, not a directory");
    QTest::newRow("a file") << QStringLiteral("file") << QStringLiteral("is not a directory");
    QTest::newRow("under a file") << QStringLiteral("under a file") << QStringLiteral("cannot be created");
}

void TestRefreshLock::refused()
{
    QFETCH(QString, setup);
    QFETCH(QString, problem);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QString path = scratch.filePath(QStringLiteral("lock"));
    const QByteArray native = QFile::encodeName(path);
    if (setup.startsWith(QLatin1String("mode "))) {
        QVERIFY(QDir().mkdir(path));
        QVERIFY(::chmod(native.constData(), setup.mid(5).toUInt(nullptr, 8)) == 0);
    } else if (setup == QLatin1String("symlink")) {
        const QString target = scratch.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkdir(target));
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0700) == 0);
        QVERIFY(QFile::link(target, path));
    } else if (setup == QLatin1String("dangling symlink")) {
        // Someone points the name at a place they choose; mkdir must not follow it there.
        QVERIFY(QFile::link(scratch.filePath(QStringLiteral("theirs")), path));
    } else if (setup == QLatin1String("file")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else if (setup == QLatin1String("under a file")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        path += QStringLiteral("/inner");
    }
    const unsigned before = modeOf(path);

    const QString said = RefreshLock::prepareDirectory(path);
    QVERIFY2(said.startsWith(path + QLatin1Char(' ')), qPrintable(said)); // it names the directory
    QVERIFY2(said.contains(problem), qPrintable(said));
    // Refused as found: nothing was changed or made to fit.
    QCOMPARE(modeOf(path), before);
    QVERIFY(!QFileInfo::exists(scratch.filePath(QStringLiteral("theirs"))));
}

void TestRefreshLock::anotherOwnerIsRefused()
{
    const passwd *nobody = ::getpwnam("nobody");
    QVERIFY(nobody);
    QVERIFY2(geteuid() != nobody->pw_uid, "the test must not run as nobody");
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("lock"));
    QVERIFY(QDir().mkdir(path));
    const QByteArray native = QFile::encodeName(path);
    QVERIFY(::chmod(native.constData(), 0700) == 0);
    QVERIFY2(::chown(native.constData(), nobody->pw_uid, nobody->pw_gid) == 0, "chown needs root");
    const QString said = RefreshLock::prepareDirectory(path);
    QVERIFY2(said.startsWith(path + QLatin1Char(' ')), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("belongs to another user (uid %1)").arg(nobody->pw_uid)), qPrintable(said));
}

// The lock itself: a second holder of the same name waits until the first lets go.
void TestRefreshLock::twoLocksOfOneNameExcludeEachOther()
{
    const QString name = QStringLiteral("test-lock-%1@http://127.0.0.1:1").arg(QCoreApplication::applicationPid());
    RefreshLock first(name);
    RefreshLock second(name);
    QCOMPARE(first.fileName(), second.fileName());
    bool firstHeld = false;
    first.acquireOrRefuse([&](const AuthError &error) {
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        firstHeld = true;
    });
    QVERIFY(firstHeld);
    QVERIFY(first.isHeld());
    bool secondHeld = false;
    second.acquireOrRefuse([&](const AuthError &error) { secondHeld = !error.isError(); });
    QTest::qWait(3 * RefreshLock::kRetryMs);
    QVERIFY(!secondHeld);
    // Kept, a release leaves it held, and whoever asks here has it at once.
    first.setKept(true);
    first.release();
    QVERIFY(first.isHeld());
    bool shared = false;
    first.acquireOrRefuse([&](const AuthError &error) { shared = !error.isError(); });
    QVERIFY(shared);
    QTest::qWait(3 * RefreshLock::kRetryMs);
    QVERIFY(!secondHeld);
    first.setKept(false);
    first.release();
    QVERIFY(!first.isHeld());
    QTRY_VERIFY_WITH_TIMEOUT(secondHeld, 5000);
    second.release();
}

// Two callers of one lock object (a refresh holds it; a sign-in waits to store): the second
// goes when the first lets go, and is not forgotten.
void TestRefreshLock::aSecondCallerHereGoesNext()
{
    RefreshLock lock(QStringLiteral("test-lock-next-%1@http://127.0.0.1:1").arg(QCoreApplication::applicationPid()));
    bool first = false;
    lock.acquireOrRefuse([&](const AuthError &error) { first = !error.isError(); });
    QVERIFY(first);
    bool second = false;
    lock.acquire([&] { second = true; });
    QTest::qWait(3 * RefreshLock::kRetryMs);
    QVERIFY(!second);
    lock.release();
    QTRY_VERIFY_WITH_TIMEOUT(second, 5000);
    QVERIFY(lock.isHeld());
    lock.release();
    QVERIFY(!lock.isHeld());
}

// A holder that keeps the lock (a window whose keychain cannot take its renewed session, or one
// that hangs) does not make a `token` or `logout` wait for ever: the wait ends with an error
// naming the holder, and a sign-out goes on without the lock.
void TestRefreshLock::aHolderThatNeverLetsGoEndsTheWait()
{
    const QString name = QStringLiteral("test-lock-held-%1@http://127.0.0.1:1").arg(QCoreApplication::applicationPid());
    RefreshLock holder(name);
    holder.acquireOrRefuse([](const AuthError &) {});
    QVERIFY(holder.isHeld());
    holder.setKept(true);

    RefreshLock waiter(name);
    waiter.setMaxWait(500);
    AuthError refused;
    bool answered = false;
    waiter.acquireOrRefuse([&](const AuthError &error) {
        refused = error;
        answered = true;
    });
    QTest::qWait(3 * RefreshLock::kRetryMs);
    QVERIFY(!answered); // it waits first
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    QCOMPARE(refused.kind, AuthError::Kind::RefreshLock);
    QVERIFY2(refused.message().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(refused.message()));
    QVERIFY(!waiter.isHeld());

    bool wentOn = false;
    waiter.acquire([&] { wentOn = true; });
    QTRY_VERIFY_WITH_TIMEOUT(wentOn, 5000);
    QVERIFY(!waiter.isHeld());
    holder.setKept(false);
    holder.release();
}

QTEST_GUILESS_MAIN(TestRefreshLock)
#include "TestRefreshLock.moc"
