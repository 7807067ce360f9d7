// The command line's composition root: from the arguments to a finished CommandRunner.

#include "CommandLineMain.h"

#include "CommandLine.h"
#include "CommandRunner.h"
#include "StatusReport.h" // printErr

#include "api/NetworkAccess.h"
#include "auth/Accounts.h"
#include "auth/ResolveConfiguration.h"
#include "config/Preferences.h"
#include "config/Translations.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

int runCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The command line speaks the window's language, from its first message (help included).
    // JSON is for scripts: the same in every language, as the launcher's own answer is.
    Preferences preferences;
    if (!app.arguments().contains(QLatin1String("--json")))
        Translations::install(&app, preferences.language());
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        CommandRunner::printError(commandLine.errorText());
        printErr(CommandLine::tr("Run with --help to see the commands."));
        return CommandRunner::UsageError;
    }
    if (commandLine.helpRequested()) {
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return 0;
    }
    if (commandLine.versionRequested()) {
        std::printf("webinargeek-connect %s\n", WGC_VERSION);
        return 0;
    }
    if (!preferences.problem().isEmpty()) {
        CommandRunner::printError(preferences.problem());
        return CommandRunner::UsageError;
    }
    preferences.setOptions(commandLine.options());

    NetworkAccess network;
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<CommandRunner> runner;
    // `status` reads the keychain only: it takes the issuer's endpoints from the cached copy.
    const EndpointLookup lookup =
        commandLine.command() == QLatin1String("status") ? EndpointLookup::CacheOnly : EndpointLookup::Network;
    // The client secret may be in the keychain: the accounts are built once it is known.
    const auto start = [&](const Configuration &config, const QString &problem) {
        if (!problem.isEmpty())
            CommandRunner::printWarning(problem);
        accounts = std::make_unique<Accounts>(config, &network);
        accounts->load();
        runner = std::make_unique<CommandRunner>(commandLine, accounts.get(), &CommandRunner::openWithSystemBrowser);
        QObject::connect(runner.get(), &CommandRunner::finished, &app, [](int code) {
            // Queued: the loopback listener may still be answering the browser in this turn.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
        });
        runner->start();
    };
    resolveConfiguration(preferences, &app, start, lookup);
    return QCoreApplication::exec();
}
