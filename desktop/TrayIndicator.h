#pragma once

#include "desktop/NotificationPolicy.h"
#include "desktop/TrayStatus.h"

#include <QObject>

class QTimer;

class DesktopNotifications;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;
class Session;

// The icon in the system tray: one of four pictures and a tooltip that follow the session, a
// menu (Open, Refresh now, Sign in or Sign out, Quit), and the notifications. A view: the words
// and the choices come from TrayStatus, when to notify from NotificationPolicy, the actions go to
// the session or out as signals.
//
// Two kinds of tray: a StatusNotifierItem over D-Bus (KDE Plasma, GNOME's AppIndicator extension,
// XFCE, most panels today), where the desktop shows the notifications; and an XEmbed tray, where
// Qt draws its own balloon.
class TrayIndicator : public QObject
{
    Q_OBJECT
public:
    explicit TrayIndicator(Session *session, QObject *parent = nullptr);
    ~TrayIndicator() override;

    void show();
    void hide();
    bool isVisible() const;

    TrayStatus status() const { return m_status; }
    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }

    // Shown as the desktop's notification, or as a balloon from the tray icon; replaces the one
    // shown before. A click on it does `action`.
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                NotificationPolicy::Action action);
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
    void quitRequested();

private:
    void update();
    void signIn();
    void act(NotificationPolicy::Action action);

    Session *m_session;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_open;
    QAction *m_refresh;
    QAction *m_account;
    QAction *m_quit;
    QTimer *m_clock; // computes the tooltip again when the clock alone changes it
    TrayStatus m_status;
    DesktopNotifications *m_notifications = nullptr; // on a StatusNotifierItem tray only
    // What a click on the notification shown (the desktop's or the balloon) does.
    NotificationPolicy::Action m_notificationAction = NotificationPolicy::Action::OpenWindow;
    bool m_balloonShown = false; // Qt's balloon (not the D-Bus notification) is or may be up
};
