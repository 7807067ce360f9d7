#pragma once

#include "desktop/NotificationPolicy.h"
#include "desktop/TrayStatus.h"

#include <QObject>

class QTimer;

class QAction;
class QMenu;
class QSystemTrayIcon;
class Session;

// The icon in the system tray: one of four pictures and a tooltip that follow the session, a
// menu (Open, Refresh now, Sign in or Sign out, Quit), and the notifications. A view: the words
// and the choices come from TrayStatus, the actions go to the session or out as signals.
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

    // Shown as a balloon (or the desktop's notification) from the tray icon.
    void notify(const QString &title, const QString &text, NotificationPolicy::Kind kind);

signals:
    // Open, or a click on the icon: show the window.
    void openRequested();
    void quitRequested();

private:
    void update();

    Session *m_session;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_open;
    QAction *m_refresh;
    QAction *m_account;
    QAction *m_quit;
    QTimer *m_clock; // computes the tooltip again when the clock alone changes it
    TrayStatus m_status;
};
