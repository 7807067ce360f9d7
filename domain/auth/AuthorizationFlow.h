#pragma once

#include "AuthError.h"
#include "QtOAuthWorkarounds.h"
#include "RedirectVerdict.h"
#include "TokenSet.h"
#include "config/Configuration.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class LoopbackListener;
class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;
struct RedirectRequest;

// One sign-in attempt: Authorization Code with PKCE through the system browser and a loopback
// redirect (RFC 8252). Wraps QOAuth2AuthorizationCodeFlow so nothing else in the app touches it.
//
// An attempt opens its own listener on 127.0.0.1 and closes it when it ends, however it ends:
// tokens, denial, error, timeout or cancel. A redirect with a wrong state or path gets an error
// page and is otherwise ignored, so another program on this computer cannot end or take over
// somebody's sign-in.
//
// When the browser runs on another computer (over SSH) its redirect cannot reach the listener;
// the person pastes the address it ended on instead. The first redirect taken, from either
// side, wins: a pasted one closes the listener, and nothing is taken after the first.
class AuthorizationFlow : public QObject
{
    Q_OBJECT
public:
    AuthorizationFlow(const Configuration &config, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuthorizationFlow() override;

    // Opens the listener (on `port`, or a free port when 0) and builds the authorization URL:
    // authorizationUrlReady() or failed().
    void start(int timeoutSeconds = Configuration::kSignInTimeoutSeconds, quint16 port = 0);
    void cancel();
    // The address the browser ended on, pasted by the person: checked as the listener checks a
    // redirect, and also that it is this attempt's redirect address. Anything but Taken changes
    // nothing, so the person can paste again.
    RedirectVerdict takePastedRedirect(const QString &address);

    // After tokensReceived(): tells the browser how sign-in ended and closes the listener.
    void finish(const AuthError &error, const QString &successDetail);

    bool isActive() const { return m_phase != Phase::Idle && m_phase != Phase::Ended; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QString redirectUri() const;
    QDateTime deadline() const { return m_deadline; }

signals:
    void authorizationUrlReady(const QUrl &url);
    // This attempt's redirect arrived, from the listener or pasted; the other way is closed.
    void redirectTaken();
    // The code was exchanged. The owner stores the tokens, then calls finish().
    void tokensReceived(const TokenSet &tokens);
    // The attempt is over without tokens.
    void failed(const AuthError &error);

private:
    enum class Phase { Idle, WaitingForBrowser, Exchanging, Finishing, Ended };

    void handleRequest(quint64 id, const RedirectRequest &request);
    // The checks shared by both ways in; `id` is the listener's request, 0 for a pasted address.
    RedirectVerdict takeRedirect(const RedirectRequest &request, quint64 id);
    void handleTokenReply(const TokenReply &reply);
    void fail(const AuthError &error);
    void end();

    Configuration m_config;
    QNetworkAccessManager *m_network;
    LoopbackListener *m_listener = nullptr;
    OAuthReplyHandler *m_handler = nullptr;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    TokenRequestParameters m_parameters;
    QString m_state;
    QUrl m_authorizationUrl;
    QDateTime m_deadline;
    QTimer m_timeout;
    Phase m_phase = Phase::Idle;
    quint64 m_heldRequest = 0; // the browser's redirect, answered once the outcome is known
};
