// The session library's side of the start: the command line, the conversation with a running
// instance, and the desktop app put together around a window that is already on the screen.

#include "SessionMain.h"

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "cli/CommandLine.h"
#include "cli/CommandRunner.h"
#include "cli/StatusReport.h" // printErr
#include "config/Configuration.h"
#include "desktop/InstanceLock.h"
#include "desktop/Preferences.h"
#include "desktop/ResolveConfiguration.h"
#include "desktop/SingleInstance.h"
#include "storage/TokenStore.h"

#include "DesktopApp.h"
#include "MainWindow.h"

#include <QCoreApplication>

#include <memory>

namespace {

// The window's part of the run: owns the window until the desktop app takes it, the socket later
// launches knock on, and the desktop app once the configuration is known.
class DesktopRun : public QObject
{
public:
    DesktopRun(MainWindow *window, Preferences *preferences, bool startHidden)
        : m_window(window)
        , m_preferences(preferences)
        , m_startHidden(startHidden)
    { }
    ~DesktopRun() override
    {
        // The widgets go while the application still exists, the views before the session.
        m_desktop.reset();
        m_window.reset();
    }

    void listen(InstanceLock *lock)
    {
        m_instance = new SingleInstance(lock->serverName(), this);
        if (!m_instance->listen()) {
            // Better one window too many than none: run, unreachable, and let a later launch be
            // the one instance instead of waiting for an answer that cannot come.
            printErr(CommandRunner::tr("warning: %1").arg(m_instance->errorString()));
            delete m_instance;
            m_instance = nullptr;
            lock->release();
        }
    }

    void start()
    {
        // The client secret may be in the keychain: the session is built once it is known.
        resolveConfiguration(*m_preferences, this, [this](const Configuration &config, const QString &problem) {
            if (!problem.isEmpty())
                printErr(CommandRunner::tr("warning: %1").arg(problem));
            m_desktop = std::make_unique<DesktopApp>(config, m_window.release());
            m_desktop->setPreferences(m_preferences);
            if (m_instance)
                m_desktop->setSingleInstance(m_instance);
            m_desktop->setStartHidden(m_startHidden);
            // exit(), not quit(): Qt 6's quit() first asks every window to close and gives up when
            // one refuses, and the window refuses (it hides to the tray instead). Queued: Quit may
            // come from inside a menu or a close event.
            QObject::connect(
                m_desktop.get(), &DesktopApp::quitRequested, qApp, [] { QCoreApplication::exit(0); },
                Qt::QueuedConnection);
            m_desktop->start();
        });
    }

private:
    std::unique_ptr<MainWindow> m_window;
    Preferences *m_preferences;
    SingleInstance *m_instance = nullptr;
    std::unique_ptr<DesktopApp> m_desktop;
    bool m_startHidden;
};

} // namespace

int wgc_run_command(const CommandLine &commandLine, Preferences *preferences)
{
    NetworkAccess network;
    std::unique_ptr<TokenStore> store;
    std::unique_ptr<Session> session;
    std::unique_ptr<CommandRunner> runner;
    // The client secret may be in the keychain: the session is built once it is known.
    QCoreApplication *app = QCoreApplication::instance();
    resolveConfiguration(*preferences, app, [&](const Configuration &config, const QString &problem) {
        if (!problem.isEmpty())
            printErr(CommandRunner::tr("warning: %1").arg(problem));
        store = std::make_unique<TokenStore>(config.storageKey());
        session = std::make_unique<Session>(config, &network, store.get());
        runner = std::make_unique<CommandRunner>(commandLine, session.get(), &CommandRunner::openWithSystemBrowser);
        QObject::connect(runner.get(), &CommandRunner::finished, app, [](int code) {
            // Queued: the loopback listener may still be answering the browser in this turn.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [code] { QCoreApplication::exit(code); }, Qt::QueuedConnection);
        });
        runner->start();
    });
    return QCoreApplication::exec();
}

SingleInstance::Answer wgc_ask_running_instance(bool activate, const std::function<bool()> &gone, QString *error)
{
    SingleInstance instance;
    const auto answer =
        instance.ask(activate ? SingleInstance::Request::Activate : SingleInstance::Request::Ping, gone);
    *error = instance.errorString();
    return answer;
}

QObject *wgc_start_desktop(MainWindow *window, Preferences *preferences, bool startHidden, InstanceLock *lock)
{
    auto *run = new DesktopRun(window, preferences, startHidden);
    if (lock && lock->isClaimed())
        run->listen(lock);
    run->start();
    return run;
}
