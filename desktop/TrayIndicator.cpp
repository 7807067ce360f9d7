#include "TrayIndicator.h"

#include "AppIcons.h"
#include "DesktopLog.h"
#include "DesktopNotifications.h"

#include "auth/Accounts.h"
#include "auth/Session.h"

#include <QAction>
#include <QActionGroup>
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

TrayIndicator::TrayIndicator(Accounts *accounts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
    , m_activeAccount(new QActionGroup(this))
    , m_clock(new QTimer(this))
{
    // A QMenu is a widget and cannot have a QObject parent; deleted in the destructor.
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_open = m_menu->addAction(tr("&Open WebinarGeek Connect"), this, &TrayIndicator::openRequested);
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    // With one account, its actions are here, as they were before there could be several.
    m_refresh = m_menu->addAction(tr("&Refresh now"), this, [this] {
        if (Session *session = onlySession())
            session->refresh();
    });
    m_refresh->setObjectName(QStringLiteral("trayRefreshAction"));
    m_account = m_menu->addAction(tr("&Sign in"));
    m_account->setObjectName(QStringLiteral("trayAccountAction"));
    connect(m_account, &QAction::triggered, this, [this] {
        Session *session = onlySession();
        if (session && m_status.accountAction == TrayStatus::AccountAction::SignOut)
            m_accounts->remove(session);
        else if (m_status.accountAction == TrayStatus::AccountAction::SignIn)
            emit signInRequested(session); // null: no account yet, a new one
    });
    // With several, each account's submenu goes here (followAccounts()).
    m_addAccount = m_menu->addAction(tr("&Add account…"), this, [this] { emit signInRequested(nullptr); });
    m_addAccount->setObjectName(QStringLiteral("trayAddAccountAction"));
    m_quitSeparator = m_menu->addSeparator();
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
    // changed() covers every account's state, its account and expiry, and the new account's
    // sign-in; the list's own changes come apart.
    connect(m_accounts, &Accounts::changed, this, &TrayIndicator::update);
    connect(m_accounts, &Accounts::loaded, this, &TrayIndicator::update);
    connect(m_accounts, &Accounts::accountAdded, this, &TrayIndicator::update);
    connect(m_accounts, &Accounts::accountRemoved, this, &TrayIndicator::update);
    connect(m_accounts, &Accounts::activeChanged, this, &TrayIndicator::update);
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

QMenu *TrayIndicator::accountMenu(Session *session) const
{
    const auto found = m_accountMenus.constFind(session);
    return found != m_accountMenus.cend() && m_menu->actions().contains(found->menu->menuAction()) ? found->menu
                                                                                                   : nullptr;
}

void TrayIndicator::notify(const QString &title, const QString &text, NotificationPolicy::Kind kind,
                           NotificationPolicy::Action action, Session *session)
{
    m_notificationAction = action;
    m_notificationSession = session;
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

Session *TrayIndicator::onlySession() const
{
    const QList<Session *> sessions = m_accounts->sessions();
    return sessions.size() == 1 ? sessions.first() : nullptr;
}

void TrayIndicator::act(NotificationPolicy::Action action)
{
    qCInfo(lcDesktop) << "Notification clicked:" << action;
    // Only where signing in is what the menu offers now: the state may have moved on.
    Session *session = m_notificationSession;
    const bool listed = session && m_accounts->sessions().contains(session);
    if (action == NotificationPolicy::Action::SignIn && listed
        && TrayStatus::of(*session, QDateTime::currentDateTimeUtc()).accountAction == TrayStatus::AccountAction::SignIn)
        emit signInRequested(session);
    else
        emit openRequested();
}

void TrayIndicator::makeActive(Session *session)
{
    QString error;
    if (!m_accounts->setActive(session, &error))
        qCWarning(lcDesktop).noquote() << "Could not make the account active:" << error;
}

TrayIndicator::AccountMenu TrayIndicator::makeAccountMenu(Session *session)
{
    AccountMenu entry;
    entry.menu = new QMenu(m_menu);
    entry.menu->setObjectName(QStringLiteral("trayAccountMenu"));
    // Checked for the active account, the one the command line uses: one of them, as radio buttons.
    entry.menu->menuAction()->setCheckable(true);
    entry.menu->menuAction()->setActionGroup(m_activeAccount);
    // The session is deleted some time after it left the list, and its submenu with it at once.
    const QPointer<Session> guarded(session);
    entry.refresh = entry.menu->addAction(tr("&Refresh now"), this, [guarded] {
        if (guarded)
            guarded->refresh();
    });
    entry.refresh->setObjectName(QStringLiteral("trayAccountRefreshAction"));
    entry.signIn = entry.menu->addAction(tr("&Sign in again"), this, [this, guarded] {
        if (guarded)
            emit signInRequested(guarded);
    });
    entry.signIn->setObjectName(QStringLiteral("trayAccountSignInAction"));
    entry.makeActive = entry.menu->addAction(tr("&Make active"), this, [this, guarded] {
        if (guarded)
            makeActive(guarded);
    });
    entry.makeActive->setObjectName(QStringLiteral("trayAccountMakeActiveAction"));
    entry.remove = entry.menu->addAction(tr("Sign &out"), this, [this, guarded] {
        if (guarded)
            m_accounts->remove(guarded);
    });
    entry.remove->setObjectName(QStringLiteral("trayAccountRemoveAction"));
    return entry;
}

void TrayIndicator::followAccounts()
{
    const QList<Session *> sessions = m_accounts->sessions();
    for (auto it = m_accountMenus.begin(); it != m_accountMenus.end();) {
        if (sessions.contains(it.key())) {
            ++it;
            continue;
        }
        m_menu->removeAction(it->menu->menuAction());
        // Not deleted at once: the click that removed the account may still be on its way out.
        it->menu->deleteLater();
        it = m_accountMenus.erase(it);
    }
    for (Session *session : sessions) {
        if (!m_accountMenus.contains(session))
            m_accountMenus.insert(session, makeAccountMenu(session));
    }
}

// Hidden actions would still be read out by a screen reader (Qt's accessible menu lists every
// action), so what a menu does not offer now is taken out of it, not hidden. Changed only when
// it differs, since every change is sent to a StatusNotifierItem host.
void TrayIndicator::arrange(QMenu *menu, const QList<QAction *> &actions)
{
    if (menu->actions() == actions)
        return;
    for (QAction *action : menu->actions())
        menu->removeAction(action);
    menu->addActions(actions);
}

void TrayIndicator::showAccountMenu(const AccountMenu &menu, const TrayAccount &account)
{
    using A = TrayStatus::AccountAction;
    // A name with an ampersand ("A & B B.V.") is not a mnemonic.
    QString title = TrayStatus::accountLine(account);
    menu.menu->setTitle(title.replace(QLatin1Char('&'), QLatin1String("&&")));
    menu.menu->menuAction()->setChecked(account.active);
    menu.refresh->setEnabled(account.status.canRefresh);
    QList<QAction *> actions {menu.refresh};
    if (account.status.accountAction == A::SignIn)
        actions << menu.signIn;
    if (!account.active)
        actions << menu.makeActive;
    actions << menu.remove;
    arrange(menu.menu, actions);
    // Connected, it signs out; otherwise there is no session to sign out of, only the account
    // to take off the list.
    menu.remove->setText(account.status.accountAction == A::SignOut ? tr("Sign &out") : tr("R&emove"));
    const bool busy = account.state == Session::State::Loading || account.state == Session::State::SigningIn;
    menu.remove->setEnabled(!busy);
}

void TrayIndicator::update()
{
    followAccounts();
    const TrayStatus previous = m_status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Session *> sessions = m_accounts->sessions();
    Session *active = m_accounts->active();
    QList<TrayAccount> accounts;
    for (Session *session : sessions)
        accounts.append(TrayAccount {m_accounts->displayName(session), session == active, session->state(),
                                     TrayStatus::of(*session, now)});
    const Session *pending = m_accounts->pending();
    const bool adding = pending && pending->state() == Session::State::SigningIn;
    // With no account listed, the new account's own state is the app's, as with its one session
    // before: reading the keychain, or the keychain locked.
    m_status =
        sessions.isEmpty() && pending ? TrayStatus::of(*pending, now) : TrayStatus::combine(accounts, adding, now);
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

    // With one account (or none) its actions at the top, as before there could be several; with
    // several, a submenu each, in the list's order. Adding one is for when there is one already:
    // without, Sign in does it.
    QList<QAction *> actions {m_open};
    if (sessions.size() > 1) {
        for (int i = 0; i < sessions.size(); ++i) {
            const AccountMenu &menu = m_accountMenus[sessions.at(i)];
            showAccountMenu(menu, accounts.at(i));
            actions << menu.menu->menuAction();
        }
    } else {
        actions << m_refresh << m_account;
    }
    if (!sessions.isEmpty())
        actions << m_addAccount;
    actions << m_quitSeparator << m_quit;
    arrange(m_menu, actions);
    m_addAccount->setEnabled(!adding);
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
    case TrayStatus::AccountAction::None: {
        const Session *only = onlySession();
        const bool signingIn = only ? only->state() == Session::State::SigningIn : adding;
        m_account->setText(signingIn ? tr("Signing in…") : tr("&Sign in"));
        m_account->setEnabled(false);
        break;
    }
    }
}
