// The composition root: picks the window or the command line, resolves the configuration and
// wires Session to its parts. Nothing else creates these objects.

#include "AppMain.h"

#include "api/NetworkAccess.h"
#include "auth/Reachability.h"
#include "auth/Session.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "config/Configuration.h"
#include "storage/TokenStore.h"

#include "MainWindow.h"

#include <QApplication>
#include <QDesktopServices>
#include <QSettings>

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("WebinarGeek"));
    QCoreApplication::setApplicationName(QStringLiteral("webinargeek-connect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WGC_VERSION));
}

Configuration loadConfiguration(const CommandLine &commandLine)
{
    const QSettings settings(ConfigurationLoader::defaultSettingsPath(), QSettings::IniFormat);
    ConfigurationLoader loader(QProcessEnvironment::systemEnvironment(), &settings);
    commandLine.applyTo(&loader);
    return loader.load();
}

int runCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        std::fprintf(stderr, "error: %s\n%s", qPrintable(commandLine.errorText()),
                     qPrintable(QCoreApplication::translate("main", "Run with --help to see the commands.\n")));
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

    const Configuration config = loadConfiguration(commandLine);
    NetworkAccess network;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store);
    CommandRunner runner(commandLine, &session, &CommandRunner::openWithSystemBrowser);
    QObject::connect(&runner, &CommandRunner::finished, &app, [](int code) {
        // Queued: the loopback listener may still be answering the browser in this turn.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    });
    runner.start();
    return app.exec();
}

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("WebinarGeek Connect"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/webinargeek-connect.svg")));
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        std::fprintf(stderr, "error: %s\n", qPrintable(commandLine.errorText()));
        return CommandRunner::UsageError;
    }
    const Configuration config = loadConfiguration(commandLine);
    NetworkAccess network;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store);
    // The window keeps the session fresh for as long as it runs.
    SystemReachability reachability;
    session.setReachability(&reachability);
    session.setAutoRefresh(true);
    MainWindow window(&session);
    window.show();
    session.restore();
    return app.exec();
}

} // namespace

int wgc_run(int argc, char **argv)
{
    if (CommandLine::wantsCommandLine(argc, argv))
        return runCommandLine(argc, argv);
    return runWindow(argc, argv);
}
