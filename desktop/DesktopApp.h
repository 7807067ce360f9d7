#pragma once

#include "config/Configuration.h"

#include <QObject>
#include <QTimer>

#include <memory>

class AccountListModel;
class AccountNotifications;
class Accounts;
class AutostartEntry;
class IssuerRefresh;
class MainWindow;
class Preferences;
class SettingsDialog;
class NetworkAccess;
class Reachability;
class Session;
class SingleInstance;
class TrayIndicator;

// The desktop app put together: the accounts and their parts, the window, the tray icon, the
// notifications and the one-instance server. It decides what closing the window means (hide to
// the tray when there is one, quit when there is none) and waits a little for a tray that is
// late at login. It owns everything it creates.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTrayRetryIntervalMs = 2000;
    static constexpr int kTrayRetryAttempts = 5;

    explicit DesktopApp(const Configuration &config, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Start hidden in the tray (--background, or the preference). With no tray, the window is
    // shown once waiting for one has given up.
    void setStartHidden(bool hidden) { m_startHidden = hidden; }
    bool startHidden() const { return m_startHidden; }
    // How often and how many times to look again for a tray that was not there at start.
    void setTrayRetry(int intervalMs, int attempts);
    // Takes `instance` (already the one instance): a later launch brings the window forward.
    void setSingleInstance(SingleInstance *instance);

    // The settings file behind the settings dialog; not owned. Without it, Settings… does nothing.
    void setPreferences(Preferences *preferences) { m_preferences = preferences; }

    // Shows what should be shown and reads the stored sessions.
    void start();

    Accounts *accounts() const { return m_accounts.get(); }
    // The accounts as the window lists them, and which one it shows.
    AccountListModel *accountList() const { return m_accountList.get(); }
    // The session of the account the window shows: the active one at start, the new account to
    // sign in with when there is none. Never null.
    Session *session() const;
    MainWindow *window() const { return m_window.get(); }
    // Made by start(); null before.
    TrayIndicator *tray() const { return m_tray.get(); }
    AccountNotifications *notifications() const { return m_notifications; }
    // The tray icon is shown: closing the window hides it there.
    bool hasTray() const { return m_hasTray; }
    // Still looking for a tray that was not there at start.
    bool isWaitingForTray() const { return m_trayRetry.isActive(); }

    // Shows the window, un-minimized, raised and focused.
    void showWindow();
    // Opens the settings dialog (one at a time), on its API-key page when asked for.
    void openSettings(bool apiKeyPage = false);
    SettingsDialog *settingsDialog() const { return m_settings; }

signals:
    // Quit chosen in the tray or the window, or the window closed with no tray to hide in.
    void quitRequested();
    // The tray question is answered: shown in it (true), or a plain window from now on (false).
    void traySettled(bool hasTray);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void lookForTray();
    void useTray();

    std::unique_ptr<NetworkAccess> m_network;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<Reachability> m_reachability;
    std::unique_ptr<IssuerRefresh> m_issuerRefresh; // made by start(), with the preferences
    std::unique_ptr<AccountListModel> m_accountList;
    // Widgets after the accounts, so they go first.
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIndicator> m_tray;
    AccountNotifications *m_notifications = nullptr;
    SingleInstance *m_instance = nullptr;
    Preferences *m_preferences = nullptr;
    std::unique_ptr<AutostartEntry> m_autostart;
    SettingsDialog *m_settings = nullptr; // owned by the window while open
    QTimer m_trayRetry;
    int m_trayAttemptsLeft = kTrayRetryAttempts;
    bool m_startHidden = false;
    bool m_hasTray = false;
    bool m_quitting = false;
};
