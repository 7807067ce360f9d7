// The composition root: picks the window or the command line, resolves the configuration and
// wires Session to its parts: here for the command line, in DesktopApp for the window.

#include "AppMain.h"

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/StatusReport.h" // printErr
#include "config/Configuration.h"
#include "config/Translations.h"
#include "desktop/Preferences.h"
#include "desktop/QuitOnSignals.h"
#include "desktop/SingleInstance.h"
#include "storage/TokenStore.h"

#include "DesktopApp.h"
#include "RenderedIcon.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("WebinarGeek"));
    QCoreApplication::setApplicationName(QStringLiteral("webinargeek-connect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WGC_VERSION));
}

int runCommandLine(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    // The command line speaks the window's language, from its first message (help included).
    // JSON is for scripts: the same in every language, as the launcher's own answer is.
    Preferences preferences;
    if (!app.arguments().contains(QLatin1String("--json")))
        Translations::install(&app, preferences.language());
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        printErr(CommandRunner::tr("error: %1").arg(commandLine.errorText()));
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

    preferences.setCommandLine(commandLine);
    NetworkAccess network;
    std::unique_ptr<TokenStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<CommandRunner> runner;
    // The client secret may be in the keychain: the session is built once it is known.
    resolveConfiguration(preferences, &app, [&](const Configuration &config, const QString &problem) {
        if (!problem.isEmpty())
            printErr(CommandRunner::tr("warning: %1").arg(problem));
        store = std::make_unique<TokenStore>(config.storageKey());
        session = std::make_unique<Session>(config, &network, store.get());
        runner = std::make_unique<CommandRunner>(commandLine, session.get(), &CommandRunner::openWithSystemBrowser);
        QObject::connect(runner.get(), &CommandRunner::finished, &app, [](int code) {
            // Queued: the loopback listener may still be answering the browser in this turn.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
        });
        runner->start();
    });
    return app.exec();
}

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationNames();
    // Before any message or widget, so every string is translated from the start.
    Preferences preferences;
    Translations::install(&app, preferences.language());
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        printErr(CommandRunner::tr("error: %1").arg(commandLine.errorText()));
        return CommandRunner::UsageError;
    }
    // One window per user: a later launch hands over to the running one before anything heavy
    // (keychain, network, widgets) exists.
    auto instance = std::make_unique<SingleInstance>();
    // Started at login (--background) while it already runs: nothing to bring forward.
    const auto request = commandLine.background() ? SingleInstance::Request::Ping : SingleInstance::Request::Activate;
    switch (instance->claim(request)) {
    case SingleInstance::Role::Secondary:
        return 0;
    case SingleInstance::Role::NoAnswer:
        printErr(CommandRunner::tr("error: %1").arg(instance->errorString()));
        return 1;
    case SingleInstance::Role::NotListening:
        // Better one window too many than none: run, unreachable for later launches.
        printErr(CommandRunner::tr("warning: %1").arg(instance->errorString()));
        instance.reset();
        break;
    case SingleInstance::Role::Primary:
        break;
    }

    preferences.setCommandLine(commandLine);
    QApplication::setApplicationDisplayName(QStringLiteral("WebinarGeek Connect"));
    // The installed desktop entry (packaging/), so the desktop matches windows and
    // notifications to its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("com.webinargeek.connect"));
    // The sizes the window system is given when an icon has no sizes of its own.
    QApplication::setWindowIcon(
        renderedIcon(QStringLiteral("apps"), QStringLiteral("webinargeek-connect"), {16, 32, 64, 128}));
    QuitOnSignals quitOnSignals;
    std::unique_ptr<DesktopApp> desktop;
    // The client secret may be in the keychain: the session is built once it is known.
    resolveConfiguration(preferences, &app, [&](const Configuration &config, const QString &problem) {
        if (!problem.isEmpty())
            printErr(CommandRunner::tr("warning: %1").arg(problem));
        desktop = std::make_unique<DesktopApp>(config);
        desktop->setPreferences(&preferences);
        if (instance)
            desktop->setSingleInstance(instance.release());
        desktop->setStartHidden(commandLine.background() || preferences.startHidden());
        // exit(), not quit(): Qt 6's quit() first asks every window to close and gives up when
        // one refuses, and the window refuses (it hides to the tray instead). Queued: Quit may
        // come from inside a menu or a close event.
        QObject::connect(
            desktop.get(), &DesktopApp::quitRequested, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
        desktop->start();
    });
    const int code = app.exec();
    // The widgets go while the application still exists.
    desktop.reset();
    return code;
}

} // namespace

int wgc_run(int argc, char **argv)
{
    if (CommandLine::wantsCommandLine(argc, argv))
        return runCommandLine(argc, argv);
    return runWindow(argc, argv);
}
