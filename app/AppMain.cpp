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
#include <QMessageBox>
#include <QSystemTrayIcon>

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

// The exit status when a library of the app is missing, as the launcher's (man page, EXIT STATUS).
constexpr int kNotInstalled = 2;

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

// Until the session library takes the window over, closing it does what it will do then: hide it
// when there is a tray to find it in again (the app goes on starting, in the tray), and quit when
// there is none.
class CloseBeforeTheSession : public QObject
{
public:
    CloseBeforeTheSession(QWidget *window, bool *startHidden)
        : QObject(window)
        , m_window(window)
        , m_startHidden(startHidden)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_window || event->type() != QEvent::Close || !QSystemTrayIcon::isSystemTrayAvailable())
            return false;
        event->ignore();
        m_window->hide();
        *m_startHidden = true;
        return true;
    }

private:
    QWidget *m_window;
    bool *m_startHidden;
};

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
    if (!preferences.problem().isEmpty()) {
        printErr(errorLine(preferences.problem()));
        return CommandRunner::UsageError;
    }
    preferences.setCommandLine(commandLine);
    if (!loadSessionLibrary())
        return kNotInstalled;
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
    if (!preferences.problem().isEmpty()) {
        // Running on the built-in defaults instead would sign in somewhere the person did not
        // choose; saving settings would overwrite the file.
        printErr(errorLine(preferences.problem()));
        QMessageBox::critical(nullptr, QStringLiteral("WebinarGeek Connect"),
                              QCoreApplication::translate("AppMain",
                                                          "%1\n\nCorrect or remove it, then start "
                                                          "WebinarGeek Connect again.")
                                  .arg(preferences.problem()));
        return CommandRunner::UsageError;
    }
    // One window per user: a later launch hands over to the running one before anything heavy
    // (keychain, network, widgets) exists. It loads the session library to ask, over the one
    // instance's socket.
    InstanceLock lock;
    switch (lock.claim()) {
    case InstanceLock::Result::HeldByAnother: {
        if (!loadSessionLibrary())
            return kNotInstalled;
        // Started at login (--background) while it already runs: nothing to bring forward.
        QString error;
        switch (SessionLibrary::askRunningInstance(
            !commandLine.background(), [&lock] { return lock.claim() == InstanceLock::Result::Claimed; }, &error)) {
        case SingleInstance::Answer::Answered:
            return 0;
        case SingleInstance::Answer::NoAnswer:
            printErr(errorLine(error));
            return CommandRunner::Failure;
        case SingleInstance::Answer::Gone:
            // The one instance went away while it was asked: this launch is the one instance now.
            break;
        }
        break;
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
    bool startHidden = commandLine.background() || preferences.startHidden();
    // Quit works from the start, and closing the window does what it will do later.
    const QMetaObject::Connection earlyQuit = QObject::connect(
        window.get(), &MainWindow::quitRequested, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    auto *earlyClose = new CloseBeforeTheSession(window.get(), &startHidden);
    std::unique_ptr<QObject> desktop;
    // The session, the tray icon and the rest: from the session library, which brings Qt Network,
    // QtNetworkAuth and the keychain's libraries with it. From here on it decides about quitting
    // and closing.
    const auto startDesktop = [&] {
        qCInfo(lcUi, "%s; loading the session library",
               startHidden ? "Starting hidden" : "The window is on the screen");
        // After the first paint too: the icon's pixels (87 KB of them) would go to the X server
        // ahead of the window's map. The window manager takes the icon when it comes.
        QApplication::setWindowIcon(
            renderedIcon(QStringLiteral("apps"), QStringLiteral("webinargeek-connect"), {16, 32, 64, 128}));
        if (!loadSessionLibrary())
            return false;
        QObject::disconnect(earlyQuit);
        delete earlyClose;
        desktop.reset(SessionLibrary::startDesktop(window.release(), &preferences, startHidden, &lock));
        return true;
    };
    if (startHidden) {
        if (!startDesktop())
            return kNotInstalled;
    } else {
        // The window first, the rest once it is on the screen.
        window->showInFront();
        afterFirstPaint(window.get(), kFirstPaintTimeoutMs, &app, [&] {
            if (!startDesktop())
                QCoreApplication::exit(kNotInstalled);
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
