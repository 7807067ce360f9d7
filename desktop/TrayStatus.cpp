#include "TrayStatus.h"

#include "auth/Accounts.h"

#include <QLocale>

#include <algorithm>

namespace {

// The app's own sentence, then the server's words on a line of their own.
QString ownThenServers(const AuthError &error)
{
    return QStringList {error.headline(), error.details()}.join(u'\n').trimmed();
}

// A moment in local time, as short as is still unambiguous: the time alone when it is today.
QString localMoment(const QDateTime &moment, const QDateTime &now)
{
    const QDateTime local = moment.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

TrayStatus::Kind TrayStatus::kindFor(Session::State state)
{
    switch (state) {
    case Session::State::SignedIn:
        return Kind::SignedIn;
    case Session::State::Loading:
    case Session::State::SigningIn:
    case Session::State::Refreshing:
        return Kind::Refreshing;
    case Session::State::Retrying:
    case Session::State::NeedsSignIn:
    case Session::State::KeychainUnavailable:
        return Kind::NeedsAttention;
    case Session::State::SignedOut:
        break;
    }
    return Kind::SignedOut;
}

QString TrayStatus::iconName(Kind kind)
{
    switch (kind) {
    case Kind::SignedIn:
        return QStringLiteral("webinargeek-connect-tray-signed-in");
    case Kind::Refreshing:
        return QStringLiteral("webinargeek-connect-tray-refreshing");
    case Kind::NeedsAttention:
        return QStringLiteral("webinargeek-connect-tray-attention");
    case Kind::SignedOut:
        break;
    }
    return QStringLiteral("webinargeek-connect-tray-signed-out");
}

TrayStatus TrayStatus::compute(Session::State state, const StoredSession &stored, const AuthError &lastError,
                               const QDateTime &now)
{
    TrayStatus status;
    status.kind = kindFor(state);
    const bool hasAccount = !stored.isEmpty();
    QString problem; // what is wrong and what to do, for the states that need attention

    switch (state) {
    case Session::State::Loading:
        status.headline = tr("Reading the keychain…");
        status.accountAction = AccountAction::None;
        break;
    case Session::State::SigningIn:
        if (hasAccount && !stored.rejected) {
            // Signing in again while connected: the connection stays as it is until the new
            // one is stored, as the window says.
            status.kind = Kind::SignedIn;
            status.headline = tr("Connected");
            problem = tr("Signing in again…");
        } else {
            status.headline = tr("Signing in: waiting for your browser…");
        }
        status.accountAction = AccountAction::None;
        break;
    case Session::State::SignedIn:
        status.headline = stored.isApiKey() ? tr("Connected with an API key") : tr("Connected");
        status.accountAction = AccountAction::SignOut;
        break;
    case Session::State::Refreshing:
        status.headline = tr("Refreshing the token…");
        status.accountAction = AccountAction::SignOut;
        break;
    case Session::State::Retrying:
        status.headline = tr("Offline, retrying");
        status.accountAction = AccountAction::SignOut;
        problem = lastError.isError() ? ownThenServers(lastError) : tr("Could not reach the server.");
        break;
    case Session::State::NeedsSignIn:
        status.headline = tr("Needs sign-in");
        status.accountAction = AccountAction::SignIn;
        problem = lastError.isError() ? ownThenServers(lastError) : tr("The session has ended; sign in again.");
        break;
    case Session::State::KeychainUnavailable:
        status.headline = tr("Keychain unavailable");
        status.accountAction = hasAccount ? AccountAction::SignOut : AccountAction::SignIn;
        problem = lastError.isError() ? ownThenServers(lastError)
                                      : tr("The system keychain cannot be read; unlock it or start it.");
        break;
    case Session::State::SignedOut:
        status.headline = tr("Signed out");
        status.accountAction = AccountAction::SignIn;
        break;
    }

    const bool live = state == Session::State::SignedIn || state == Session::State::Retrying
        || state == Session::State::KeychainUnavailable;
    status.canRefresh = live && hasAccount && !stored.isApiKey();

    //: The first line of the tray icon's tooltip: the application's name.
    QStringList lines {tr("WebinarGeek Connect"), status.headline};
    const bool showAccount = hasAccount && state != Session::State::SignedOut && state != Session::State::Loading;
    if (showAccount) {
        if (!stored.email.isEmpty())
            lines << Accounts::displayName(stored.email, stored.company);
        else if (!stored.company.isEmpty())
            lines << stored.company;
        if (!stored.isApiKey() && stored.expiresAt.isValid() && state != Session::State::NeedsSignIn) {
            const QString when = localMoment(stored.expiresAt, now);
            lines << (stored.expiresAt > now ? tr("Token expires at %1").arg(when)
                                             : tr("Token expired at %1").arg(when));
            const QDateTime midnight(now.toLocalTime().date().addDays(1), QTime(0, 0), Qt::LocalTime);
            status.tooltipChangesAt =
                stored.expiresAt > now ? std::min(stored.expiresAt, midnight.toUTC()) : midnight.toUTC();
        }
    }
    if (!problem.isEmpty())
        lines << problem;
    if (state == Session::State::SignedOut)
        lines << tr("Sign in from this icon's menu or the window.");
    status.tooltip = lines.join(QLatin1Char('\n'));
    return status;
}

QString TrayStatus::accountName(const QString &name)
{
    //: An account whose email is not known yet (an earlier version's before it is read, or a new one).
    return name.isEmpty() ? tr("WebinarGeek account") : name;
}

QString TrayStatus::accountLine(const TrayAccount &account)
{
    //: One account in the tray's tooltip and menu: the account, then its state ("Connected").
    return tr("%1: %2").arg(accountName(account.name), account.status.headline);
}

TrayStatus TrayStatus::combine(const QList<TrayAccount> &accounts, bool addingAccount, const QDateTime &now)
{
    if (accounts.isEmpty())
        return compute(addingAccount ? Session::State::SigningIn : Session::State::SignedOut, StoredSession(),
                       AuthError(), now);
    //: In the tray's tooltip, while a new account's sign-in waits for the browser.
    const QString adding = tr("Adding an account: waiting for your browser…");
    if (accounts.size() == 1) {
        TrayStatus status = accounts.first().status;
        if (addingAccount) {
            if (status.kind == Kind::SignedIn)
                status.kind = Kind::Refreshing;
            status.tooltip += QLatin1Char('\n') + adding;
        }
        return status;
    }

    // The account that most needs the person gives the icon and the headline; the first of them
    // when several are as bad.
    const TrayAccount *worst = &accounts.first();
    for (const TrayAccount &account : accounts) {
        if (Accounts::severity(account.state) > Accounts::severity(worst->state))
            worst = &account;
    }
    TrayStatus status;
    status.kind = worst->status.kind;
    if (addingAccount && status.kind == Kind::SignedIn)
        status.kind = Kind::Refreshing;
    status.headline = worst->status.headline;
    // Each account is in the menu with its own actions; none applies to them all.
    status.accountAction = AccountAction::None;
    status.canRefresh = false;
    QStringList lines {tr("WebinarGeek Connect")};
    for (const TrayAccount &account : accounts)
        lines << accountLine(account);
    if (addingAccount)
        lines << adding;
    status.tooltip = lines.join(QLatin1Char('\n'));
    return status;
}
