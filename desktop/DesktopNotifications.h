#pragma once

#include <QObject>
#include <QString>

// The desktop's own notifications (org.freedesktop.Notifications on the session bus), for when
// the tray icon is a StatusNotifierItem and Qt's balloon is not drawn. Qt 6.4 sends these itself
// from QSystemTrayIcon::showMessage(), but it keeps no notification id: it can never withdraw one
// (it sends no CloseNotification, and always asks for a new one instead of replacing the last),
// and it reports a click only for Critical messages, as an "OK" button. So the tray keeps its one
// notification here: shown, replaced, withdrawn, clicked. Only these four calls; the rest of the
// specification (sounds, images, markup) is left to the desktop's defaults.
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    enum class Urgency : uchar { Low = 0, Normal = 1, Critical = 2 };

    explicit DesktopNotifications(QObject *parent = nullptr);
    ~DesktopNotifications() override;

    // Shows `title` and `text` in place of the notification shown before. A click on it, or on
    // its one button `actionLabel`, emits clicked().
    void show(const QString &title, const QString &text, Urgency urgency, const QString &actionLabel, int timeoutMs);
    // Takes the notification shown off the screen (and out of the desktop's list).
    void withdraw();

signals:
    void clicked();

private slots:
    // Signals of the notification server (QtDBus connects them by signature).
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void close(uint id);

    uint m_id = 0; // the notification on screen; 0: none
    // Notify() answers later: a show() counts up, a withdraw() notes the count it withdrew, so an
    // answer that arrives after a withdraw() or a newer show() closes what it created.
    quint64 m_sent = 0;
    quint64 m_withdrawnUpTo = 0;
};
