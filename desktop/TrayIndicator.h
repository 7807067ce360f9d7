#pragma once

#include "desktop/NotificationPolicy.h"
#include "desktop/TrayStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

class Accounts;
class DesktopNotifications;
class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;
class QWidget;
class Session;

// The icon in the system tray: one of four pictures and a tooltip that follow the accounts, a
// menu, and the notifications. A view: the words and the choices come from TrayStatus, when to
// notify from NotificationPolicy, the actions go to the accounts or out as signals.
//
// The menu: Open, then with one account its Refresh now and Sign in or Sign out as before, with
// several a submenu per account named by it (the active one checked) with its own actions; then
// Add account… and Quit.
//
// Two kinds of tray: a StatusNotifierItem over D-Bus (KDE Plasma, GNOME's AppIndicator extension,
// XFCE, most panels today), where the desktop shows the notifications; and an XEmbed tray, where
// Qt draws its own balloon.
class TrayIndicator : public QObject
{
    Q_OBJECT
public:
    explicit TrayIndicator(Accounts *accounts, QObject *parent = nullptr);
    ~TrayIndicator() override;

    void show();
    void hide();
    bool isVisible() const;

    TrayStatus status() const { return m_status; }
    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    // The submenu of `session`'s account, shown while there are several; null otherwise.
    QMenu *accountMenu(Session *session) const;

    // Shown as the desktop's notification, or as a balloon from the tray icon; replaces the one
    // shown before. A click on it does `action`, for `session`'s account.
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                NotificationPolicy::Action action, Session *session = nullptr);
    // Takes the notification off the screen.
    void withdraw();
    // Opens the menu in `window`, its first entry selected, for the keyboard: just below the
    // control that has the keyboard focus, as a context menu opens from the keyboard, so that
    // it covers neither the window's heading nor the control the person is at.
    void popUpMenu(QWidget *window);
    // The icon is a StatusNotifierItem: the desktop shows the notifications, not Qt.
    bool isStatusNotifierItem() const { return m_notifications != nullptr; }

signals:
    // Open, or a click on the icon: show the window.
    void openRequested();
    // Sign in to `session`'s account again, or to a new account when it is null: the window shows
    // the sign-in's progress, so it starts there (DesktopApp).
    void signInRequested(Session *session);
    void quitRequested();

private:
    // One account's submenu and its actions.
    struct AccountMenu
    {
        QMenu *menu;
        QAction *refresh;
        QAction *signIn;
        QAction *makeActive;
        QAction *remove;
    };

    void update();
    // A submenu for every listed account, none for one that is not.
    void followAccounts();
    AccountMenu makeAccountMenu(Session *session);
    void showAccountMenu(const AccountMenu &menu, const TrayAccount &account);
    // Makes `actions` the entries of `menu`, in that order.
    static void arrange(QMenu *menu, const QList<QAction *> &actions);
    void makeActive(Session *session);
    // The one account's session while there is one alone; null otherwise.
    Session *onlySession() const;
    void act(NotificationPolicy::Action action);

    Accounts *m_accounts;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_open;
    QAction *m_refresh;
    QAction *m_account;
    QAction *m_addAccount;
    QAction *m_quitSeparator;
    QAction *m_quit;
    QHash<Session *, AccountMenu> m_accountMenus;
    QActionGroup *m_activeAccount; // the accounts' submenus: the active one is checked
    QTimer *m_clock; // computes the tooltip again when the clock alone changes it
    TrayStatus m_status;
    DesktopNotifications *m_notifications = nullptr; // on a StatusNotifierItem tray only
    // What a click on the notification shown (the desktop's or the balloon) does.
    NotificationPolicy::Action m_notificationAction = NotificationPolicy::Action::OpenWindow;
    QPointer<Session> m_notificationSession; // the account it is about
    bool m_balloonShown = false; // Qt's balloon (not the D-Bus notification) is or may be up
};
