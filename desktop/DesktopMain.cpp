// The desktop app's composition root: from the command line to a running DesktopApp.

#include "DesktopMain.h"

#include "AppIcons.h"
#include "DesktopApp.h"
#include "DesktopLog.h"
#include "InstanceLock.h"
#include "QuitOnSignals.h"
#include "SingleInstance.h"

#include "auth/ResolveConfiguration.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h" // its exit codes
#include "config/Preferences.h"
#include "config/Translations.h"

#include <QApplication>
#include <QMessageBox>

#include <memory>

namespace {

// A later launch: hands over to the one instance, which shows its window (or, started at login
// with --background, only checks that it runs). True when this launch is done; false when the
// one instance went away meanwhile and this launch is the one instance now.
bool handOver(InstanceLock *lock, bool activate, int *exitCode)
{
    SingleInstance instance;
    const auto answer = instance.ask(activate ? SingleInstance::Request::Activate : SingleInstance::Request::Ping,
                                     [lock] { return lock->claim() == InstanceLock::Result::Claimed; });
    switch (answer) {
    case SingleInstance::Answer::Answered:
        *exitCode = 0;
        return true;
    case SingleInstance::Answer::NoAnswer:
        CommandRunner::printError(instance.errorString());
        *exitCode = CommandRunner::Failure;
        return true;
    case SingleInstance::Answer::Gone:
        break;
    }
    return false;
}

} // namespace

int runDesktop(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Before any message or widget, so every string is translated from the start.
    Preferences preferences;
    Translations::install(&app, preferences.language());
    CommandLine commandLine;
    if (!commandLine.parse(app.arguments())) {
        CommandRunner::printError(commandLine.errorText());
        return CommandRunner::UsageError;
    }
    if (!preferences.problem().isEmpty()) {
        // Running on the built-in defaults instead would sign in somewhere the person did not
        // choose; saving settings would overwrite the file.
        CommandRunner::printError(preferences.problem());
        QMessageBox::critical(nullptr, QStringLiteral("WebinarGeek Connect"),
                              QCoreApplication::translate("AppMain",
                                                          "%1\n\nCorrect or remove it, then start "
                                                          "WebinarGeek Connect again.")
                                  .arg(preferences.problem()));
        return CommandRunner::UsageError;
    }

    // One window per user: a later launch hands over to the running one before anything heavy
    // (keychain, network, widgets) exists.
    InstanceLock lock;
    switch (lock.claim()) {
    case InstanceLock::Result::HeldByAnother: {
        int exitCode = 0;
        if (handOver(&lock, !commandLine.background(), &exitCode))
            return exitCode;
        break;
    }
    case InstanceLock::Result::Failed:
        // Better one window too many than none: run, unreachable for later launches.
        CommandRunner::printWarning(lock.errorString());
        break;
    case InstanceLock::Result::Claimed:
        break;
    }
    SingleInstance *instance = nullptr;
    if (lock.isClaimed()) {
        instance = new SingleInstance(lock.serverName(), &app);
        if (!instance->listen()) {
            // Run, unreachable, and let a later launch be the one instance instead of waiting
            // for an answer that cannot come.
            CommandRunner::printWarning(instance->errorString());
            delete instance;
            instance = nullptr;
            lock.release();
        }
    }

    preferences.setOptions(commandLine.options());
    QApplication::setApplicationDisplayName(QStringLiteral("WebinarGeek Connect"));
    // The installed desktop entry (packaging/), so the desktop matches windows and
    // notifications to its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("com.webinargeek.connect"));
    QApplication::setWindowIcon(AppIcons::application());
    QuitOnSignals quitOnSignals;

    std::unique_ptr<DesktopApp> desktop;
    // The client secret may be in the keychain: the app is built once it is known.
    resolveConfiguration(preferences, &app, [&](const Configuration &config, const QString &problem) {
        if (!problem.isEmpty())
            CommandRunner::printWarning(problem);
        desktop = std::make_unique<DesktopApp>(config);
        desktop->setPreferences(&preferences);
        if (instance)
            desktop->setSingleInstance(instance);
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
