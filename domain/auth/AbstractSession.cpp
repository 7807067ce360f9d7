#include "AbstractSession.h"

QString AbstractSession::stateName(State state)
{
    switch (state) {
    case State::Loading:
        return tr("Loading");
    case State::SignedOut:
        return tr("Signed out");
    case State::SigningIn:
        return tr("Signing in");
    case State::SignedIn:
        return tr("Connected");
    case State::Refreshing:
        return tr("Refreshing");
    case State::Retrying:
        return tr("Offline, retrying");
    case State::NeedsSignIn:
        return tr("Needs sign-in");
    case State::KeychainUnavailable:
        return tr("Keychain unavailable");
    }
    return QString();
}
