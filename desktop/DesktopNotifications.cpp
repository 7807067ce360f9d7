#include "DesktopNotifications.h"

#include "DesktopLog.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

#include <utility>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// The action a click on the notification itself runs (the specification's name for it).
const QString kDefaultAction = QStringLiteral("default");

} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
}

DesktopNotifications::~DesktopNotifications()
{
    // Nobody would act on it any more.
    withdraw();
}

void DesktopNotifications::show(const QString &title, const QString &text, Urgency urgency, const QString &actionLabel,
                                int timeoutMs)
{
    QDBusMessage notify = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QVariantMap hints {
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency))},
        // The installed desktop entry: the desktop shows the app's name and icon with it.
        {QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName()},
    };
    notify << QGuiApplication::applicationDisplayName() << m_id << QStringLiteral("webinargeek-connect") << title
           << text << QStringList {kDefaultAction, actionLabel} << hints << timeoutMs;
    const quint64 sent = ++m_sent;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, sent](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<uint> reply = *call;
        if (reply.isError()) {
            qCWarning(lcDesktop).noquote() << "The desktop did not show the notification:" << reply.error().message();
            return;
        }
        if (sent <= m_withdrawnUpTo || sent < m_sent) {
            // Withdrawn, or replaced by a newer one, before the desktop said which it is.
            if (reply.value() != m_id)
                close(reply.value());
            return;
        }
        m_id = reply.value();
    });
}

void DesktopNotifications::withdraw()
{
    m_withdrawnUpTo = m_sent;
    if (m_id != 0)
        close(std::exchange(m_id, 0));
}

void DesktopNotifications::close(uint id)
{
    QDBusMessage close =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification"));
    close << id;
    QDBusConnection::sessionBus().asyncCall(close);
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    Q_UNUSED(actionKey); // one action: the click and the button do the same
    if (id != 0 && id == m_id)
        emit clicked();
}

void DesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    if (id == m_id)
        m_id = 0;
}
