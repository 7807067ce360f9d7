#include "StatusSummary.h"

#include <QLocale>

#include <algorithm>

namespace {

// Ends a sentence that came from elsewhere (a server's description, a reply's error string).
QString asSentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('!'))
        || trimmed.endsWith(QLatin1Char('?')) || trimmed.endsWith(QLatin1Char(')')))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

bool isOffline(AuthError::Kind kind)
{
    return kind == AuthError::Kind::NetworkError || kind == AuthError::Kind::NoAnswer;
}

// One countdown on screen: it changes every second near its end (or always, when `everySecond`),
// otherwise at each minute mark.
qint64 msUntilCountdownChanges(const QDateTime &now, const QDateTime &target, bool everySecond)
{
    const qint64 left = now.msecsTo(target);
    if (left <= 0)
        return -1; // shows "expired" or "now" from here on
    // What is shown is whole units left, rounded down: it changes one millisecond after the
    // time left passes a whole unit.
    const qint64 unit = everySecond || left < StatusSummary::kSecondsShownBelow * 1000 ? 1000 : 60000;
    return left % unit + 1;
}

} // namespace

const QString &StatusSummary::none()
{
    static const QString dash = QStringLiteral("–");
    return dash;
}

StatusSummary::Input StatusSummary::Input::from(const Session &session)
{
    Input input;
    input.state = session.state();
    input.stored = session.stored();
    input.lastError = session.lastError();
    input.nextRefreshAt = session.nextRefreshAt();
    input.signInDeadline = session.signInDeadline();
    input.authorizationUrl = session.authorizationUrl();
    input.lastErrorFromSignIn = session.lastErrorFromSignIn();
    input.settingsProblems = session.configuration().problems();
    input.noClientId = session.configuration().clientId.isEmpty();
    return input;
}

QString StatusSummary::accountName(const StoredSession &stored)
{
    if (!stored.email.isEmpty() && !stored.company.isEmpty())
        //: The account: email (company).
        return tr("%1 (%2)").arg(stored.email, stored.company);
    return stored.email.isEmpty() ? stored.company : stored.email;
}

QString StatusSummary::countdown(qint64 seconds, const QString &past)
{
    if (seconds <= 0)
        return past;
    //: How far away a moment is, shown in a narrow column: keep it short.
    if (seconds < kSecondsShownBelow)
        return tr("in %n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("in %n min", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600) {
        const qint64 hours = seconds / 3600;
        const qint64 minutes = (seconds % 3600) / 60;
        return minutes == 0 ? tr("in %1 h").arg(hours) : tr("in %1 h %2 min").arg(hours).arg(minutes);
    }
    return tr("in %n days", nullptr, int(seconds / 86400));
}

QString StatusSummary::localTime(const QDateTime &moment, const QDateTime &now)
{
    const QDateTime local = moment.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString StatusSummary::clockTime(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

namespace {

// What the person can do about `error`, in the state the session is in now.
QString adviceFor(const AuthError &error, Session::State state)
{
    using Kind = AuthError::Kind;
    if (state == Session::State::Retrying)
        return StatusSummary::tr("WebinarGeek Connect keeps trying by itself; choose Refresh now to try at once.");
    if (state == Session::State::NeedsSignIn && error.kind != Kind::ApiKeyRejected && error.kind != Kind::InvalidGrant)
        return StatusSummary::tr("Choose Sign in to connect again.");
    if (state == Session::State::KeychainUnavailable || error.kind == Kind::Keychain)
        return StatusSummary::tr(
            "Unlock your keyring (or start your desktop's keyring service), then choose Refresh now.");
    switch (error.kind) {
    case Kind::Denied:
        return StatusSummary::tr("To connect, sign in again and allow access.");
    case Kind::TimedOut:
    case Kind::AuthorizationError:
    case Kind::BadCallback:
    case Kind::Account:
        return StatusSummary::tr("Sign in again to try once more.");
    case Kind::ApiKeyUnchecked:
        return StatusSummary::tr("Check the connection, then connect with the key again.");
    case Kind::ListenerFailed:
        return StatusSummary::tr("Check that nothing on this computer blocks local connections, then sign in again.");
    case Kind::Configuration:
    case Kind::InvalidClient:
    case Kind::Redirected: // a server that moved is configured at its new address, not followed
        return StatusSummary::tr("Check the endpoints and the client id under Settings.");
    case Kind::RefreshLock:
        return StatusSummary::tr("Make that folder private to you, or remove it, then choose Refresh now.");
    case Kind::NotSignedIn:
        return StatusSummary::tr("Choose Sign in to connect again.");
    case Kind::NetworkError:
    case Kind::NoAnswer:
    case Kind::ServerError:
    case Kind::RateLimited:
    case Kind::BadReply:
    case Kind::RequestRejected:
        return StatusSummary::tr("Choose Refresh now to try again.");
    case Kind::ApiKeyRejected: // these messages say what to do
    case Kind::InvalidGrant:
    case Kind::RenewedNotSaved:
    case Kind::Keychain: // handled above
    case Kind::Cancelled:
    case Kind::None:
        break;
    }
    return QString();
}

QString errorSentence(const AuthError &error, Session::State state)
{
    QString text;
    if (error.kind == AuthError::Kind::Keychain) {
        // AuthError's own words are the command line's ("keychain unavailable: …"), which
        // scripts match; a person reading the window gets a whole sentence.
        text = StatusSummary::tr("The system keychain cannot be used: %1").arg(error.description);
        text = asSentence(text);
    } else {
        // The app's own sentence; what the server said goes to errorDetails.
        text = asSentence(error.headline());
    }
    const QString advice = adviceFor(error, state);
    return advice.isEmpty() ? text : text + QLatin1Char(' ') + advice;
}

} // namespace

StatusSummary StatusSummary::compute(const Input &input, const QDateTime &now)
{
    using State = Session::State;
    StatusSummary s;
    const StoredSession &stored = input.stored;
    const State state = input.state;
    const auto secondsTo = [&now](const QDateTime &when) { return now.secsTo(when); };
    qint64 nextChange = -1;
    const auto countsDown = [&](const QDateTime &target, bool everySecond) {
        const qint64 ms = msUntilCountdownChanges(now, target, everySecond);
        if (ms > 0)
            nextChange = nextChange < 0 ? ms : std::min(nextChange, ms);
    };

    switch (state) {
    case State::Loading:
        s.badge = Badge::Loading;
        break;
    case State::SignedOut:
        s.badge = Badge::SignedOut;
        break;
    case State::SigningIn:
        s.badge = Badge::SigningIn;
        break;
    case State::SignedIn:
        s.badge = Badge::Connected;
        break;
    case State::Refreshing:
        s.badge = Badge::Refreshing;
        break;
    case State::Retrying:
        s.badge = Badge::OfflineRetrying;
        break;
    case State::NeedsSignIn:
        s.badge = Badge::NeedsSignIn;
        break;
    case State::KeychainUnavailable:
        s.badge = Badge::KeychainUnavailable;
        break;
    }
    s.badgeText = Session::stateName(state);
    if (state == State::Retrying) {
        const bool offline = isOffline(input.lastError.kind) || !input.lastError.isError();
        if (input.nextRefreshAt.isValid()) {
            const QString when = countdown(secondsTo(input.nextRefreshAt), tr("now"));
            //: %1 is when: "in 45 s", "in 2 min" or "now".
            s.badgeText = offline ? tr("Offline – retrying %1").arg(when) : tr("Retrying %1").arg(when);
        } else {
            s.badgeText = offline ? tr("Offline – retrying") : tr("Retrying");
        }
    }

    s.hasAccount = !stored.isEmpty();
    const bool apiKey = s.hasAccount && stored.isApiKey();
    s.company = s.hasAccount && !stored.company.isEmpty() ? stored.company : none();
    s.email = s.hasAccount && !stored.email.isEmpty() ? stored.email : none();
    s.connectedWith = !s.hasAccount ? none() : apiKey ? tr("API key") : tr("OAuth (browser sign-in)");

    if (!s.hasAccount || stored.rejected) {
        // A session the server ended has no token to count down to, whatever it was issued with.
        s.expiresAt = none();
    } else if (apiKey) {
        s.expiresAt = tr("Never (API key)");
    } else if (!stored.expiresAt.isValid()) {
        s.expiresAt = tr("Unknown");
    } else {
        s.expiresAt = localTime(stored.expiresAt, now);
        //: Shown in brackets after the expiry time: "(expired)".
        s.expiresIn = countdown(secondsTo(stored.expiresAt), tr("expired"));
        countsDown(stored.expiresAt, false);
    }

    const QStringList scopes = stored.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    s.scopes = s.hasAccount && !scopes.isEmpty() ? scopes.join(QStringLiteral(", ")) : none();
    s.lastRefresh = s.hasAccount && stored.updatedAt.isValid() ? localTime(stored.updatedAt, now) : none();

    // While retrying (also a keychain that may come back), the next refresh is the next try.
    const bool retrying = state == State::Retrying || state == State::KeychainUnavailable;
    if (state == State::Refreshing) {
        s.nextRefresh = tr("Now");
    } else if (apiKey) {
        s.nextRefresh = tr("Not needed (API key)");
    } else if (input.nextRefreshAt.isValid() && (s.hasAccount || retrying) && state != State::NeedsSignIn) {
        //: The next refresh: the time of day, then how far away it is ("14:05 (in 25 min)").
        s.nextRefresh = tr("%1 (%2)").arg(localTime(input.nextRefreshAt, now),
                                          countdown(secondsTo(input.nextRefreshAt), tr("now")));
        countsDown(input.nextRefreshAt, retrying);
    } else if (s.hasAccount && (state == State::SignedIn || state == State::SigningIn)) {
        s.nextRefresh = tr("Not scheduled");
    } else {
        s.nextRefresh = none();
    }

    if (s.hasAccount && !stored.rejected) // a rejected session was removed from the keychain
        s.storedIn = StoredSession::backendName();
    else if (state == State::KeychainUnavailable)
        s.storedIn = tr("%1 (cannot be read now)").arg(StoredSession::backendName());
    else
        s.storedIn = none();

    // A session that is still usable: a sign-in that did not finish changed nothing of it.
    const bool live = s.hasAccount && !stored.rejected && state != State::NeedsSignIn;
    const AuthError &error = input.lastError;
    const QString account = accountName(stored);
    // (Also after a sign-in from here was cancelled: the session is still the one that ended.)
    if (state == State::NeedsSignIn && error.kind != AuthError::Kind::ApiKeyRejected
        && (!error.isError() || error.isPermanent() || error.kind == AuthError::Kind::Cancelled)) {
        // The app's own sentence, with the account to sign back in to; the server's words apart.
        const QString ended = error.kind == AuthError::Kind::InvalidClient
            ? error.headline()
            : tr("The server no longer accepts this computer's session.");
        s.error = !account.isEmpty() ? tr("%1 Sign in again as %2.").arg(ended, account)
                                     : tr("%1 Choose Sign in to connect again.").arg(ended);
        s.errorDetails = error.details();
    } else if (error.isError() && error.kind != AuthError::Kind::Cancelled) {
        if (input.lastErrorFromSignIn && live) {
            // Not "sign in to connect": the connection that was there still is.
            s.error = asSentence(error.headline()) + QLatin1Char(' ')
                + (account.isEmpty() ? tr("The existing connection is unchanged.")
                                     : tr("The existing connection is unchanged: still connected as %1.").arg(account));
        } else {
            s.error = errorSentence(error, state);
        }
        s.errorDetails = error.details();
    } else if (state == State::KeychainUnavailable) {
        s.error = tr("The system keychain cannot be read. %1").arg(adviceFor(AuthError(), state));
    }

    s.authorizationUrl = input.authorizationUrl;
    s.waitingForBrowser = state == State::SigningIn && input.authorizationUrl.isValid();
    if (s.waitingForBrowser) {
        if (input.signInDeadline.isValid()) {
            s.signInTimeLeft = clockTime(secondsTo(input.signInDeadline));
            countsDown(input.signInDeadline, true);
        } else {
            s.signInTimeLeft = none();
        }
        if (input.browserOpenedAt.isValid()) {
            const QDateTime quietAt = input.browserOpenedAt.addSecs(input.browserQuietSeconds);
            s.browserQuiet = now >= quietAt;
            countsDown(quietAt, true);
        }
    }

    // Signing in again while connected: the connection stays as it is until the new one is
    // stored, so the state says Connected, and the attempt is a second line.
    if (state == State::SigningIn && live) {
        s.badge = Badge::Connected;
        s.badgeText = Session::stateName(State::SignedIn);
        s.activity = tr("Signing in again…");
    }

    // No browser sign-in can work yet (first start, no client id): said before anyone tries.
    const bool browserReady = input.settingsProblems.isEmpty();
    const bool idle = state == State::SignedOut || state == State::NeedsSignIn;
    s.needsSettings = !browserReady && idle && !s.hasAccount;
    if (s.needsSettings) {
        s.error = input.noClientId
            ? tr("Signing in with the browser needs a client id, and none is set yet. Enter it under Settings, "
                 "or connect with an API key instead.")
            : tr("Signing in with the browser cannot work with these settings: %1 Correct them under Settings, "
                 "or connect with an API key instead.")
                  .arg(input.settingsProblems.join(QLatin1Char(' ')));
        s.errorDetails.clear();
    }

    const bool busy = state == State::Loading || state == State::SigningIn || state == State::Refreshing;
    s.canSignIn = !busy && browserReady;
    s.canUseApiKey = !busy;
    s.canSignOut = s.hasAccount && !busy;
    s.canRefresh =
        !busy && ((s.hasAccount && !apiKey && state != State::NeedsSignIn) || state == State::KeychainUnavailable);
    s.canCancel = s.waitingForBrowser;
    s.offerApiKey = (!s.hasAccount || state == State::NeedsSignIn) && !busy;
    s.msUntilChange = nextChange;
    return s;
}
