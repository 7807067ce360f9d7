#include "TrayIndicator.h"

#include "AppIcons.h"
#include "DesktopLog.h"
#include "DesktopNotifications.h"

#include "auth/Session.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDateTime>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {

// How long a notification balloon stays up, unless the person closes it first.
constexpr int kNotificationMs = 15000;

// Whether Qt makes the tray icon a StatusNotifierItem: it does when, as the icon is created, a
// StatusNotifierWatcher on the session bus has a host registered (QGenericUnixTheme's
// createPlatformSystemTrayIcon(), asked once per process), and draws an XEmbed icon otherwise.
bool statusNotifierHostRegistered()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Asked as Qt asks it, without starting a watcher through activation, and briefly: this
    // runs on the GUI thread while the app starts.
    static const bool registered = [] {
        const QString watcher = QStringLiteral("org.kde.StatusNotifierWatcher");
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.interface() || !bus.interface()->isServiceRegistered(watcher).value())
            return false;
        QDBusMessage get =
            QDBusMessage::createMethodCall(watcher, QStringLiteral("/StatusNotifierWatcher"),
                                           QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << watcher << QStringLiteral("IsStatusNotifierHostRegistered");
        get.setAutoStartService(false);
        const QDBusMessage reply = bus.call(get, QDBus::Block, 1000);
        return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
            && qvariant_cast<QDBusVariant>(reply.arguments().first()).variant().toBool();
    }();
    return registered;
#else
    return false;
#endif
}

DesktopNotifications::Urgency urgency(NotificationPolicy::Kind kind)
{
    switch (kind) {
    case NotificationPolicy::Kind::Information:
        return DesktopNotifications::Urgency::Low;
    case NotificationPolicy::Kind::Warning:
        return DesktopNotifications::Urgency::Normal;
    case NotificationPolicy::Kind::Critical:
        break;
    }
    return DesktopNotifications::Urgency::Critical;
}

QSystemTrayIcon::MessageIcon messageIcon(NotificationPolicy::Kind kind)
{
    switch (kind) {
    case NotificationPolicy::Kind::Information:
        return QSystemTrayIcon::Information;
    case NotificationPolicy::Kind::Warning:
        return QSystemTrayIcon::Warning;
    case NotificationPolicy::Kind::Critical:
        break;
    }
    return QSystemTrayIcon::Critical;
}

} // namespace

TrayIndicator::TrayIndicator(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
    , m_clock(new QTimer(this))
{
    // A QMenu is a widget and cannot have a QObject parent; deleted in the destructor.
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_open = m_menu->addAction(tr("&Open WebinarGeek Connect"), this, &TrayIndicator::openRequested);
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    m_refresh = m_menu->addAction(tr("&Refresh now"), m_session, &Session::refresh);
    m_refresh->setObjectName(QStringLiteral("trayRefreshAction"));
    m_account = m_menu->addAction(tr("&Sign in"));
    m_account->setObjectName(QStringLiteral("trayAccountAction"));
    connect(m_account, &QAction::triggered, this, [this] {
        if (m_status.accountAction == TrayStatus::AccountAction::SignOut)
            m_session->signOut();
        else
            signIn();
    });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIndicator::quitRequested);
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    m_icon->setContextMenu(m_menu);

    if (statusNotifierHostRegistered()) {
        m_notifications = new DesktopNotifications(this);
        connect(m_notifications, &DesktopNotifications::clicked, this, [this] { act(m_notificationAction); });
    }
    // Qt's balloon, on an XEmbed tray.
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] { act(m_notificationAction); });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    connect(m_session, &Session::stateChanged, this, &TrayIndicator::update);
    connect(m_session, &Session::sessionChanged, this, &TrayIndicator::update);
    m_clock->setSingleShot(true);
    connect(m_clock, &QTimer::timeout, this, &TrayIndicator::update);
    update();
}

TrayIndicator::~TrayIndicator()
{
    delete m_menu;
}

void TrayIndicator::show()
{
    m_icon->show();
}

void TrayIndicator::hide()
{
    m_icon->hide();
}

bool TrayIndicator::isVisible() const
{
    return m_icon->isVisible();
}

void TrayIndicator::notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                           NotificationPolicy::Action action)
{
    m_notificationAction = action;
    if (m_notifications) {
        //: The button of a notification: what clicking it does.
        const QString label = action == NotificationPolicy::Action::SignIn ? tr("Sign in") : tr("Open");
        m_notifications->show(title, text, urgency(kind), label, kNotificationMs);
        return;
    }
    m_icon->showMessage(title, text, messageIcon(kind), kNotificationMs);
    m_balloonShown = true;
}

void TrayIndicator::withdraw()
{
    if (m_notifications) {
        m_notifications->withdraw();
        return;
    }
    // Qt has no call to hide its balloon, but an empty message takes the place of the one shown
    // and is not drawn (QBalloonTip::showBalloon()). Without it, a balloon the pointer rests on
    // stays until it is clicked. (Only after a balloon: should Qt have chosen the D-Bus tray
    // after all, the empty message would be an empty notification.)
    if (std::exchange(m_balloonShown, false))
        m_icon->showMessage(QString(), QString(), QSystemTrayIcon::NoIcon, 0);
}

void TrayIndicator::popUpMenu(QWidget *window)
{
    QWidget *focused = window->focusWidget();
    const QPoint at = focused && focused->isVisible()
        ? focused->mapToGlobal(QPoint(0, focused->height()))
        : window->mapToGlobal(QPoint(window->width() / 4, window->height() / 2));
    m_menu->popup(at); // Qt keeps it on the screen
    m_menu->setActiveAction(m_open);
}

void TrayIndicator::signIn()
{
    // The window shows the sign-in's progress (waiting for the browser, the link, Cancel).
    emit openRequested();
    m_session->signIn(Configuration::kSignInTimeoutSeconds);
}

void TrayIndicator::act(NotificationPolicy::Action action)
{
    qCInfo(lcDesktop) << "Notification clicked:" << action;
    // Only where signing in is what the menu offers now: the state may have moved on.
    if (action == NotificationPolicy::Action::SignIn && m_status.accountAction == TrayStatus::AccountAction::SignIn)
        signIn();
    else
        emit openRequested();
}

void TrayIndicator::update()
{
    const TrayStatus previous = m_status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_status = TrayStatus::of(*m_session, now);
    if (m_status.tooltipChangesAt.isValid()) {
        // A moment past it, so that the next look finds it passed; at most a day ahead.
        const qint64 ms = std::clamp<qint64>(now.msecsTo(m_status.tooltipChangesAt) + 500, 1000, 24 * 3600 * 1000);
        m_clock->start(int(ms));
    } else {
        m_clock->stop();
    }
    if (m_icon->icon().isNull() || previous.kind != m_status.kind)
        m_icon->setIcon(AppIcons::tray(m_status.kind));
    m_icon->setToolTip(m_status.tooltip);
    m_refresh->setEnabled(m_status.canRefresh);
    switch (m_status.accountAction) {
    case TrayStatus::AccountAction::SignIn:
        m_account->setText(tr("&Sign in"));
        m_account->setEnabled(true);
        break;
    case TrayStatus::AccountAction::SignOut:
        m_account->setText(tr("Sign &out"));
        m_account->setEnabled(true);
        break;
    case TrayStatus::AccountAction::None:
        m_account->setText(m_session->state() == Session::State::SigningIn ? tr("Signing in…") : tr("&Sign in"));
        m_account->setEnabled(false);
        break;
    }
}
