// The launcher. Scripts call `status` and `token` often and expect them to be as quick as
// reading a secret with `secret-tool`; loading the widgets and network stack would take longer
// than the answer. So this executable links Qt Core alone, answers those two from the keychain
// when the answer is plain (signed in, token still fresh), and otherwise loads the app library
// and hands over, arguments untouched.

#include "cli/CommandLine.h"
#include "cli/StatusReport.h"
#include "config/Configuration.h"
#include "config/SettingsFile.h"
#include "config/Translations.h"
#include "storage/QuickLookup.h"

#include <QFileInfo>
#include <QProcessEnvironment>

#include <cstdio>

#ifdef WGC_APP_LIBRARY
#include <dlfcn.h>
#include <unistd.h>
#else
#include "AppMain.h"
#endif

namespace {

// Returns true and sets `exitCode` when the fast path answered.
bool answerQuickly(int argc, char **argv, int *exitCode)
{
    if (!CommandLine::wantsCommandLine(argc, argv))
        return false;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
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
    const Configuration config = loader.load();
    // A configuration with a problem is the app library's to explain (exit 2), in the person's
    // language.
    StoredSession session;
    // An older entry that does not say whether its refresh token is stored: the app library reads
    // that entry too, to tell.
    if (!QuickLookup::readSession(config.storageKey(), &session) || session.rejected || !session.renewableRecorded)
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
    if (commandLine.json()) {
        printOut(report.toJson(now));
    } else {
        for (const QString &line : report.toText(now))
            printErr(line);
    }
    *exitCode = report.exitCode();
    return true;
}

#ifdef WGC_APP_LIBRARY
// The app library lives in ../lib/webinargeek-connect/ next to the executable, installed or
// in the build tree.
QString appLibraryPath()
{
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    const QString executable = length > 0 ? QString::fromLocal8Bit(self, int(length)) : QString();
    const QString directory = QFileInfo(executable).absolutePath();
    return directory + QStringLiteral("/../lib/webinargeek-connect/") + QStringLiteral(WGC_APP_LIBRARY);
}
#endif

} // namespace

int main(int argc, char **argv)
{
    int exitCode = 0;
    if (answerQuickly(argc, argv, &exitCode))
        return exitCode;
#ifdef WGC_APP_LIBRARY
    const QByteArray path = appLibraryPath().toLocal8Bit();
    // Lazy: most of the library's calls into Qt are never made in one run, so resolving them all
    // up front would be time spent before the window for nothing.
    void *library = dlopen(path.constData(), RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        std::fprintf(stderr, "error: cannot load %s: %s\n", path.constData(), dlerror());
        return 2;
    }
    using Run = int (*)(int, char **);
    const auto run = reinterpret_cast<Run>(dlsym(library, "wgc_run"));
    if (!run) {
        std::fprintf(stderr, "error: %s has no entry point: %s\n", path.constData(), dlerror());
        return 2;
    }
    return run(argc, argv);
#else
    return wgc_run(argc, argv);
#endif
}
