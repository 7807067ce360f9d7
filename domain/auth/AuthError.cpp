#include "AuthError.h"

#include "config/OutsideText.h"

#include <QCoreApplication>

AuthError AuthError::make(Kind kind, const QString &description, const QString &code, int httpStatus)
{
    AuthError error;
    error.kind = kind;
    // The description and the code come from a server, the browser's callback or the network
    // layer as often as from the app: every message shows them, so they are made plain here.
    error.description = OutsideText::printable(description);
    error.code = OutsideText::printable(code);
    error.httpStatus = httpStatus;
    return error;
}

QString AuthError::message() const
{
    const QString serverSaid = details();
    return serverSaid.isEmpty() ? headline() : headline() + QLatin1Char(' ') + serverSaid;
}

QString AuthError::details() const
{
    // These carry their description inside their headline: it is the app's own text (a problem
    // with the settings, the lock's folder) or the keychain's reason.
    if (kind == Kind::None || kind == Kind::Keychain || kind == Kind::RenewedNotSaved || kind == Kind::Configuration
        || kind == Kind::RefreshLock)
        return QString();
    return said();
}

QString AuthError::said() const
{
    QStringList codes;
    if (!code.isEmpty())
        codes << code;
    if (httpStatus > 0)
        codes << QStringLiteral("HTTP %1").arg(httpStatus);
    QString result;
    const QString text = description.trimmed();
    if (!text.isEmpty()) {
        result = text;
        // A server's description or a reply's error string seldom ends its sentence.
        static const QString endings = QStringLiteral(".!?)");
        if (!endings.contains(text.back()))
            result += QLatin1Char('.');
    }
    if (!codes.isEmpty()) {
        if (!result.isEmpty())
            result += QLatin1Char(' ');
        result += QStringLiteral("(%1)").arg(codes.join(QStringLiteral(", ")));
    }
    return result;
}

QString AuthError::headline() const
{
    QString headline;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Denied:
        headline = tr("Sign-in was denied.");
        break;
    case Kind::AuthorizationError:
        headline = tr("The sign-in server reported an error, so sign-in did not finish.");
        break;
    case Kind::BadCallback:
        headline = tr("The sign-in server sent the browser back without an authorization code.");
        break;
    case Kind::TimedOut:
        headline = tr("Sign-in timed out: nothing came back from the browser in time.");
        break;
    case Kind::Cancelled:
        headline = tr("Sign-in was cancelled.");
        break;
    case Kind::ListenerFailed:
        headline = tr("Could not open a port on 127.0.0.1 for the browser to return to.");
        break;
    case Kind::InvalidGrant:
        headline = tr("The server rejected the sign-in grant; please sign in again.");
        break;
    case Kind::InvalidClient:
        headline = tr("The server does not accept the client id or client secret; check them in the settings.");
        break;
    case Kind::RequestRejected:
        headline = tr("The server turned down the request for a token.");
        break;
    case Kind::ServerError:
        headline = tr("The sign-in server had a problem; try again later.");
        break;
    case Kind::RateLimited:
        headline = tr("The server is busy (too many requests); try again later.");
        break;
    case Kind::BadReply:
        headline = tr("The server's answer could not be used.");
        break;
    case Kind::NetworkError:
        headline = tr("Could not reach the server.");
        break;
    case Kind::NoAnswer:
        headline = tr("The server did not answer in time.");
        break;
    case Kind::Configuration:
        headline = tr("The settings are incomplete.");
        if (!said().isEmpty())
            headline += QLatin1Char(' ') + said(); // the problems, in the app's own words
        break;
    case Kind::Keychain:
        // Translated like every message: scripts read `status --json`'s state, which is not.
        //: %1 says why, e.g. "the keyring is locked; unlock it and try again".
        return tr("keychain unavailable: %1").arg(description);
    case Kind::ApiKeyUnchecked:
        headline = tr("The API key could not be checked, so it was not stored.");
        break;
    case Kind::ApiKeyRejected:
        headline = tr("WebinarGeek did not accept the API key; connect again with a valid key.");
        break;
    case Kind::NotSignedIn:
        headline = tr("Not signed in.");
        break;
    case Kind::Account:
        headline = tr("Signed in, but the account could not be read.");
        break;
    case Kind::RefreshLock:
        //: The description that follows names the lock's directory and what is wrong with it.
        headline = tr("The token was not refreshed, because the refresh lock cannot be used (nothing was sent to the "
                      "server):");
        if (!said().isEmpty())
            headline += QLatin1Char(' ') + said();
        break;
    case Kind::RenewedNotSaved:
        // The server has retired the refresh token that is still stored: this session is over.
        //: %1 says why the keychain could not save it, e.g. "the keyring is locked".
        return tr("The token was renewed, but the renewed session could not be saved in the keychain (%1). The "
                  "refresh token it replaced was spent, so the stored session cannot be renewed any more: unlock "
                  "or start the keychain, then sign in again with \"webinargeek-connect login\".")
            .arg(description);
    case Kind::Redirected:
        //: The description that follows names the other address.
        headline = tr("The server answered with a redirect to another address. Requests that carry tokens or the "
                      "client secret never follow a redirect, so nothing was sent there.");
        break;
    }
    return headline;
}
