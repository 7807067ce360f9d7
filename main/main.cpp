// The launcher. Scripts call `status` and `token` often and expect them to be as quick as
// reading a secret with `secret-tool`; loading the widgets and network stack would take longer
// than the answer. So this executable links Qt Core and qtkeychain alone, answers those two from
// the keychain when the answer is plain (signed in, token still fresh; for the active account or
// the one --account names, found in the list of accounts), and otherwise loads the app library
// and hands over, arguments untouched.

#include "cli/CommandLine.h"
#include "cli/StatusReport.h"
#include "config/Configuration.h"
#include "config/IssuerMetadataCache.h"
#include "config/SettingsFile.h"
#include "config/Translations.h"
#include "storage/AccountIndex.h"
#include "storage/QuickLookup.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>
#include <QProcessEnvironment>

#include <cstdio>

#if defined(Q_OS_WIN)
#include <qt_windows.h>

#include <iterator>
#elif defined(Q_OS_MACOS)
#include <mach-o/dyld.h>
#else
#include <unistd.h>
#endif

namespace {

// Whether this run is a plain `status` or `token`, which the launcher may answer itself.
bool mayAnswerQuickly(int argc, char **argv)
{
    if (!CommandLine::wantsCommandLine(argc, argv))
        return false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "status" || argument == "token")
            return true;
    }
    return false;
}

// Reads the session of `account` when it is there and plain (not rejected; an older entry that
// does not say whether its refresh token is stored is the app library's to read, to tell).
bool readPlainSession(const QString &serverKey, const AccountEntry &account, StoredSession *session)
{
    return QuickLookup::readSession(AccountIndex::accountKey(serverKey, account.slot), session) && !session->rejected
        && session->renewableRecorded;
}

// Returns true and sets `exitCode` when the fast path answered. Needs the application object:
// the keychain is read through qtkeychain's jobs.
bool answerQuickly(const QStringList &arguments, int *exitCode)
{
    CommandLine commandLine;
    if (!commandLine.parse(arguments) || commandLine.helpRequested() || commandLine.versionRequested())
        return false;
    const QString command = commandLine.command();
    if (command != QLatin1String("status") && command != QLatin1String("token"))
        return false;

    // A settings file that cannot be used is said here, in English: the language it might have
    // chosen cannot be read, and the app library would not see the problem again (QSettings
    // keeps what it parsed of a file for the whole process, without the parse error).
    const SettingsFile::Opened opened = SettingsFile::open(ConfigurationLoader::defaultSettingsPath());
    if (!opened.problem.isEmpty()) {
        *exitCode =
            StatusReport::reportProblems({opened.problem}, command == QLatin1String("status") && commandLine.json());
        return true;
    }
    const QSettings &settings = *opened.settings;
    // Sentences in another language than English need the translations, which the app library
    // carries; `token` and JSON have none.
    if (command == QLatin1String("status") && !commandLine.json()) {
        const QString preference = Translations::preferenceIn(settings);
        if (Translations::choose(preference, QLocale::system(), Translations::known()) != QLatin1String("en"))
            return false;
    }
    ConfigurationLoader loader(QProcessEnvironment::systemEnvironment(), &settings);
    commandLine.applyTo(&loader);
    Configuration config = loader.load();
    // The endpoints the issuer's metadata named when it was last read (for `status`; no network
    // here, and the session's key does not depend on them).
    if (!config.issuer.isEmpty())
        IssuerMetadataCache().read(config.issuer).applyTo(&config);
    // The active account, or the one --account names; an account that cannot be found is the app
    // library's to explain.
    const QString serverKey = config.storageKey();
    const AccountList list = AccountIndex().read(serverKey);
    if (!list.problem.isEmpty())
        return false; // the app library says what is wrong with the list
    const AccountEntry *chosen =
        commandLine.account().isEmpty() ? list.activeEntry() : list.find(commandLine.account(), nullptr);
    if (!chosen)
        return false;
    // A configuration with a problem is the app library's to explain (exit 2), in the person's
    // language.
    StoredSession session;
    if (!readPlainSession(serverKey, *chosen, &session))
        return false;
    if (!(session.isApiKey() ? config.apiKeyProblems() : config.problems()).isEmpty())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (command == QLatin1String("token")) {
        if (!session.isFreshAt(now))
            return false; // refreshing needs the network: the full app does it
        printOut(session.accessToken.toUtf8());
        *exitCode = 0;
        return true;
    }
    StatusReport report;
    report.state = StatusReport::State::SignedIn;
    report.session = session;
    report.clientId = config.clientId;
    report.tokenUrl = config.tokenUrl.toString(QUrl::RemoveUserInfo);
    // Every account is listed; one that is not plainly signed in is the app library's to describe.
    for (const AccountEntry &entry : list.accounts) {
        StoredSession stored;
        if (&entry == chosen)
            stored = session;
        else if (!readPlainSession(serverKey, entry, &stored))
            return false;
        const auto listed =
            StatusReport::listed(entry, StatusReport::State::SignedIn, stored, &entry == list.activeEntry());
        if (!listed)
            continue;
        if (&entry == chosen)
            report.reported = int(report.accounts.size());
        report.accounts << *listed;
    }
    if (commandLine.json()) {
        printOut(report.toJson(now));
    } else {
        for (const QString &line : report.toText(now))
            printErr(line);
    }
    *exitCode = report.exitCode();
    return true;
}

// The app library: where the installation puts it (packaging/CMakeLists.txt), relative to the
// executable; the build tree has the same layout.
QString appLibraryPath()
{
#if defined(Q_OS_WIN)
    wchar_t path[32768];
    const DWORD length = GetModuleFileNameW(nullptr, path, DWORD(std::size(path)));
    const QString executable = QString::fromWCharArray(path, int(length));
    const QString relative = QStringLiteral("/");
#elif defined(Q_OS_MACOS)
    char path[4096];
    uint32_t size = sizeof path;
    const QString executable = _NSGetExecutablePath(path, &size) == 0 ? QString::fromUtf8(path) : QString();
    const QString relative = QStringLiteral("/../Frameworks/");
#else
    char path[4096];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    const QString executable = length > 0 ? QString::fromLocal8Bit(path, int(length)) : QString();
    const QString relative = QStringLiteral("/../lib/webinargeek-connect/");
#endif
    return QFileInfo(executable).absolutePath() + relative + QStringLiteral(WGC_APP_LIBRARY);
}

} // namespace

int main(int argc, char **argv)
{
    if (mayAnswerQuickly(argc, argv)) {
        // Gone before the app library makes its own.
        QCoreApplication app(argc, argv);
        int exitCode = 0;
        if (answerQuickly(QCoreApplication::arguments(), &exitCode))
            return exitCode;
    }
    QLibrary library(appLibraryPath());
    // Lazy binding (QLibrary's default): most of the library's calls into Qt are never made in
    // one run. Never unloaded: Qt's own libraries keep pointers into it until the process ends.
    if (!library.load()) {
        std::fprintf(stderr, "error: WebinarGeek Connect is not completely installed: %s\n",
                     qPrintable(library.errorString()));
        return 2;
    }
    using Run = int (*)(int, char **);
    const auto run = reinterpret_cast<Run>(library.resolve("wgc_run"));
    if (!run) {
        std::fprintf(stderr, "error: %s has no entry point: %s\n", qPrintable(library.fileName()),
                     qPrintable(library.errorString()));
        return 2;
    }
    return run(argc, argv);
}
