#include "DesktopApp.h"

#include "AccessibleLabel.h"
#include "AccessiblePopups.h"
#include "AccountListModel.h"
#include "AccountNotifications.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TrayIndicator.h"

#include "DesktopLog.h"
#include "api/NetworkAccess.h"
#include "auth/Accounts.h"
#include "auth/IssuerRefresh.h"
#include "auth/Reachability.h"
#include "auth/Session.h"
#include "desktop/AutostartEntry.h"
#include "desktop/SingleInstance.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QShortcut>
#include <QSystemTrayIcon>

namespace {

// Notes that the application is quitting. Qt 6 quits by closing every window first and gives up
// if one refuses, so the window must not hide itself to the tray then. Its own object: a filter
// on the application sees every event of every object, the window's close among them.
class QuitWatch : public QObject
{
public:
    QuitWatch(bool *quitting, QObject *parent)
        : QObject(parent)
        , m_quitting(quitting)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::Quit)
            *m_quitting = true;
        return false;
    }

private:
    bool *m_quitting;
};

} // namespace

DesktopApp::DesktopApp(const Configuration &config, QObject *parent)
    : QObject(parent)
    , m_network(std::make_unique<NetworkAccess>())
    , m_accounts(std::make_unique<Accounts>(config, m_network.get()))
    , m_reachability(std::make_unique<SystemReachability>())
{
    // The window keeps every account fresh for as long as it runs.
    m_accounts->setAutoRefresh(true);
    // Cheap until a session asks it to watch, after a refresh could not reach the server.
    m_accounts->setReachability(m_reachability.get());
    // The list now, the keychain at start(): the window has its accounts (and the new account
    // takes a slot none of them uses) before anything is shown.
    m_accounts->load();
    m_accountList = std::make_unique<AccountListModel>(m_accounts.get());
    m_notifications = new AccountNotifications(m_accounts.get(), nullptr, this);

    installAccessibleLabels();
    installAccessiblePopups();
    m_window = std::make_unique<MainWindow>();
    m_window->setAccounts(m_accountList.get());
    m_window->installEventFilter(this);
    qApp->installEventFilter(new QuitWatch(&m_quitting, this));
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopApp::quitRequested);
    connect(m_window.get(), &MainWindow::settingsRequested, this, [this] { openSettings(); });
    connect(m_window.get(), &MainWindow::apiKeyRequested, this, [this] { openSettings(true); });
    connect(m_window.get(), &MainWindow::signingInAgain, m_notifications, &AccountNotifications::signingInAgain);

    connect(m_notifications, &AccountNotifications::notify, this,
            [this](const QString &title, const QString &text, NotificationPolicy::Kind kind,
                   NotificationPolicy::Action action, Session *session) {
                // Without a tray the window is open (or about to be) and says the same.
                if (m_hasTray)
                    m_tray->notify(title, text, kind, action, session);
            });
    connect(m_notifications, &AccountNotifications::withdraw, this, [this] {
        if (m_hasTray)
            m_tray->withdraw();
    });

    // Quitting is decided here, not by the last window closing: with a tray, the window hides
    // and the tray's menu is the last thing open.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    m_trayRetry.setInterval(kTrayRetryIntervalMs);
    connect(&m_trayRetry, &QTimer::timeout, this, &DesktopApp::lookForTray);
}

DesktopApp::~DesktopApp()
{
    // The views first: they hold on to the sessions.
    m_tray.reset();
    m_window.reset();
}

Session *DesktopApp::session() const
{
    return m_accountList->selected();
}

void DesktopApp::setTrayRetry(int intervalMs, int attempts)
{
    m_trayRetry.setInterval(intervalMs);
    m_trayAttemptsLeft = attempts;
}

void DesktopApp::setSingleInstance(SingleInstance *instance)
{
    m_instance = instance;
    instance->setParent(this);
    connect(instance, &SingleInstance::activationRequested, this, [this] {
        qCInfo(lcDesktop) << "Another launch asked for the window";
        showWindow();
    });
}

void DesktopApp::start()
{
    // The window may run for weeks: it follows the issuer's metadata as it changes.
    if (m_preferences && !m_issuerRefresh) {
        m_issuerRefresh = std::make_unique<IssuerRefresh>(m_preferences, m_accounts.get(), m_reachability.get());
        m_issuerRefresh->start();
    }
    // Launched again while this one was still starting: that launch asked for the window.
    if (m_instance && m_instance->takePendingActivation())
        m_startHidden = false;
    if (!m_startHidden)
        showWindow();
    m_tray = std::make_unique<TrayIndicator>(m_accounts.get());
    connect(m_tray.get(), &TrayIndicator::openRequested, this, &DesktopApp::showWindow);
    // The window shows the sign-in's progress (waiting for the browser, the link, Cancel).
    connect(m_tray.get(), &TrayIndicator::signInRequested, this, [this](Session *session) {
        showWindow();
        m_window->signInTo(session);
    });
    connect(m_tray.get(), &TrayIndicator::quitRequested, this, &DesktopApp::quitRequested);
    // The keyboard's way to the tray's menu, which an XEmbed tray offers only to the mouse: F10 in
    // the window opens it there, as F10 opens the main menu in GNOME's applications.
    auto *menuKey = new QShortcut(QKeySequence(Qt::Key_F10), m_window.get());
    connect(menuKey, &QShortcut::activated, m_tray.get(), [this] { m_tray->popUpMenu(m_window.get()); });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        useTray();
    } else {
        qCInfo(lcDesktop) << "No system tray yet; looking again every" << m_trayRetry.interval() << "ms";
        if (m_trayAttemptsLeft > 0)
            m_trayRetry.start();
        else
            emit traySettled(false);
    }
    // Hidden only where it can be found again: in the tray. Without one yet, the window waits
    // for the tray's answer (lookForTray()).
    if (m_startHidden && !m_hasTray && !isWaitingForTray())
        showWindow();
    // The window follows what `login`, `switch` and `logout` change while it runs.
    m_accounts->watchForChanges();
    m_accounts->restoreAll();
}

void DesktopApp::lookForTray()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayRetry.stop();
        useTray();
        return;
    }
    if (--m_trayAttemptsLeft > 0)
        return;
    // Settled: a plain window from now on, and no timer left running.
    m_trayRetry.stop();
    qCInfo(lcDesktop) << "No system tray; closing the window quits";
    if (!m_window->isVisible())
        showWindow();
    emit traySettled(false);
}

void DesktopApp::useTray()
{
    m_hasTray = true;
    m_tray->show();
    qCInfo(lcDesktop) << "In the system tray; closing the window hides it there";
    emit traySettled(true);
}

void DesktopApp::showWindow()
{
    m_window->showInFront();
}

void DesktopApp::openSettings(bool apiKeyPage)
{
    if (!m_preferences)
        return;
    showWindow();
    if (!m_settings) {
        if (!m_autostart)
            m_autostart = std::make_unique<AutostartEntry>();
        m_settings = new SettingsDialog(m_accounts.get(), m_preferences, m_autostart.get(), m_window.get());
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settings, &QObject::destroyed, this, [this] { m_settings = nullptr; });
    }
    m_settings->showPage(apiKeyPage ? SettingsDialog::Page::ApiKey : SettingsDialog::Page::Connection);
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

bool DesktopApp::eventFilter(QObject *watched, QEvent *event)
{
    // m_window is null while it is being destroyed.
    if (m_window && watched == m_window.get() && event->type() == QEvent::Close) {
        if (m_quitting)
            return false;
        if (m_hasTray) {
            event->ignore();
            m_window->hide();
            qCInfo(lcDesktop) << "Window hidden to the tray";
            return true;
        }
        // Let the window close, then quit: queued, so the close finishes first.
        QMetaObject::invokeMethod(this, &DesktopApp::quitRequested, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}
