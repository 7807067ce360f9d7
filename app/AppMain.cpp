// The app library's side of the start: picks the window or the command line, and puts the
// window on the screen before the session library (SessionLibrary.h) is loaded. The desktop app is
// put together there (SessionMain.cpp), around this window.

#include "AppMain.h"

#include "SessionLibrary.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h" // its exit codes
#include "cli/StatusReport.h" // printErr
#include "config/Translations.h"
#include "desktop/InstanceLock.h"
#include "desktop/Preferences.h"
#include "desktop/QuitOnSignals.h"

#include "AccessibleLabel.h"
#include "FirstPaint.h"
#include "MainWindow.h"
#include "RenderedIcon.h"
#include "UiLog.h"

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

// The command line's messages are the session library's texts (CommandRunner), also where this
// library prints them.
QString errorLine(const QString &text)
{
    return QCoreApplication::translate("CommandRunner", "error: %1").arg(text);
}

QString warningLine(const QString &text)
{
    return QCoreApplication::translate("CommandRunner", "warning: %1").arg(text);
}

// False, with the reason printed, when the installation lacks the session library.
bool loadSessionLibrary()
{
    QString error;
    if (SessionLibrary::load(&error))
        return true;
    printErr(errorLine(
        QCoreApplication::translate("AppMain", "WebinarGeek Connect is not completely installed: %1").arg(error)));
    return false;
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
        printErr(errorLine(commandLine.errorText()));
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
    if (!loadSessionLibrary())
        return CommandRunner::Failure;
    return SessionLibrary::runCommand(commandLine, &preferences);
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
        printErr(errorLine(commandLine.errorText()));
        return CommandRunner::UsageError;
    }
    // One window per user: a later launch hands over to the running one before anything heavy
    // (keychain, network, widgets) exists.
    InstanceLock lock;
    switch (lock.claim()) {
    case InstanceLock::Result::HeldByAnother: {
        // Started at login (--background) while it already runs: nothing to bring forward.
        QString error;
        if (!loadSessionLibrary())
            return CommandRunner::Failure;
        if (SessionLibrary::askRunningInstance(!commandLine.background(), &error) == 0)
            return 0;
        printErr(errorLine(error));
        return CommandRunner::Failure;
    }
    case InstanceLock::Result::Failed:
        // Better one window too many than none: run, unreachable for later launches.
        printErr(warningLine(lock.errorString()));
        break;
    case InstanceLock::Result::Claimed:
        break;
    }

    preferences.setCommandLine(commandLine);
    QApplication::setApplicationDisplayName(QStringLiteral("WebinarGeek Connect"));
    // The installed desktop entry (packaging/), so the desktop matches windows and
    // notifications to its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("com.webinargeek.connect"));
    QuitOnSignals quitOnSignals;
    installAccessibleLabels();
    auto window = std::make_unique<MainWindow>();
    // Quit works from the start, before the session library is there to decide anything else.
    QObject::connect(
        window.get(), &MainWindow::quitRequested, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    const bool startHidden = commandLine.background() || preferences.startHidden();
    std::unique_ptr<QObject> desktop;
    // The session, the tray icon and the rest: from the session library, which brings Qt Network,
    // QtNetworkAuth and the keychain's libraries with it.
    const auto startDesktop = [&] {
        qCInfo(lcUi, "%s; loading the session library",
               startHidden ? "Starting hidden" : "The window is on the screen");
        // After the first paint too: the icon's pixels (87 KB of them) would go to the X server
        // ahead of the window's map. The window manager takes the icon when it comes.
        QApplication::setWindowIcon(
            renderedIcon(QStringLiteral("apps"), QStringLiteral("webinargeek-connect"), {16, 32, 64, 128}));
        if (!loadSessionLibrary())
            return false;
        desktop.reset(SessionLibrary::startDesktop(window.release(), &preferences, startHidden, lock.isClaimed()));
        return true;
    };
    if (startHidden) {
        if (!startDesktop())
            return CommandRunner::Failure;
    } else {
        // The window first, the rest once it is on the screen.
        window->show();
        afterFirstPaint(window.get(), kFirstPaintTimeoutMs, &app, [&] {
            if (!startDesktop())
                QCoreApplication::exit(CommandRunner::Failure);
        });
    }
    const int code = app.exec();
    // The widgets go while the application still exists.
    desktop.reset();
    window.reset();
    return code;
}

} // namespace

int wgc_run(int argc, char **argv)
{
    if (CommandLine::wantsCommandLine(argc, argv))
        return runCommandLine(argc, argv);
    return runWindow(argc, argv);
}
