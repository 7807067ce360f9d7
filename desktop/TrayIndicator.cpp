#include "TrayIndicator.h"

#include "AppIcons.h"

#include "auth/Session.h"

#include <QAction>
#include <QDateTime>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>

namespace {

// How long a notification balloon stays up, unless the person closes it first.
constexpr int kNotificationMs = 15000;

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
        if (m_status.accountAction == TrayStatus::AccountAction::SignOut) {
            m_session->signOut();
            return;
        }
        // The window shows the sign-in's progress (waiting for the browser, the link, Cancel).
        emit openRequested();
        m_session->signIn(Configuration::kSignInTimeoutSeconds);
    });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIndicator::quitRequested);
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    m_icon->setContextMenu(m_menu);

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

void TrayIndicator::notify(const QString &title, const QString &text, NotificationPolicy::Kind kind)
{
    m_icon->showMessage(title, text, messageIcon(kind), kNotificationMs);
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
        m_account->setText(tr("&Sign in…"));
        m_account->setEnabled(true);
        break;
    case TrayStatus::AccountAction::SignOut:
        m_account->setText(tr("Sign &out"));
        m_account->setEnabled(true);
        break;
    case TrayStatus::AccountAction::None:
        m_account->setText(m_session->state() == Session::State::SigningIn ? tr("Signing in…") : tr("&Sign in…"));
        m_account->setEnabled(false);
        break;
    }
}
