#include "AuthorizationFlow.h"

#include "AuthLog.h"
#include "LoopbackListener.h"
#include "Pkce.h"
#include "RedirectPage.h"

#include <QOAuth2AuthorizationCodeFlow>

using Outcome = RedirectPage::Outcome;

AuthorizationFlow::AuthorizationFlow(const Configuration &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(AuthError::make(AuthError::Kind::TimedOut)); });
}

AuthorizationFlow::~AuthorizationFlow()
{
    if (m_listener)
        m_listener->close();
}

QString AuthorizationFlow::redirectUri() const
{
    return m_parameters.redirectUri;
}

void AuthorizationFlow::start(int timeoutSeconds, quint16 port)
{
    Q_ASSERT(m_phase == Phase::Idle);
    m_phase = Phase::WaitingForBrowser;

    m_listener = new LoopbackListener(this);
    if (!m_listener->listen(port)) {
        const QString reason = port != 0 && m_listener->serverError() == QAbstractSocket::AddressInUseError
            ? tr("Port %1 is already in use by another program.").arg(port)
            : port != 0 ? tr("Port %1: %2").arg(port).arg(m_listener->errorString())
                        : m_listener->errorString();
        fail(AuthError::make(AuthError::Kind::ListenerFailed, reason));
        return;
    }
    connect(m_listener, &LoopbackListener::requestReceived, this, &AuthorizationFlow::handleRequest);

    m_parameters.clientId = m_config.clientId;
    m_parameters.clientSecret = m_config.clientSecret;
    m_parameters.scope = m_config.scope;
    // RFC 8252 §7.3: an IP literal, not "localhost", and the port of this attempt.
    m_parameters.redirectUri = QStringLiteral("http://127.0.0.1:%1/").arg(m_listener->port());
    m_parameters.codeVerifier = Pkce::makeVerifier();
    // Defect 7 (QTBUG-104655): Qt's own state is 8 characters from a clock-seeded generator,
    // reused across grants. Each attempt gets 128 bits from the system generator.
    m_state = QString::fromLatin1(Pkce::makeState());

    m_handler = new OAuthReplyHandler(this);
    m_handler->setCallbackUrl(m_parameters.redirectUri);
    connect(m_handler, &OAuthReplyHandler::tokenReplyRead, this, &AuthorizationFlow::handleTokenReply);

    m_flow = makeOAuthFlow(m_config, m_parameters, m_network, m_handler, this);
    m_flow->setState(m_state);
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        emit authorizationUrlReady(url);
    });

    m_deadline = QDateTime::currentDateTimeUtc().addSecs(timeoutSeconds);
    m_timeout.start(timeoutSeconds * 1000);
    qCInfo(lcAuth) << "Sign-in started; waiting for the browser on" << m_parameters.redirectUri;
    m_flow->grant();
}

void AuthorizationFlow::cancel()
{
    // Once the tokens are here the owner is storing them; finish() ends the attempt.
    if (isActive() && m_phase != Phase::Finishing)
        fail(AuthError::make(AuthError::Kind::Cancelled));
}

void AuthorizationFlow::handleRequest(quint64 id, const RedirectRequest &request)
{
    const auto ignore = [this, id](int status, const QString &heading, const QString &detail) {
        m_listener->respond(id, status, RedirectPage::render(Outcome::Ignored, heading, detail));
    };
    switch (takeRedirect(request, id)) {
    case RedirectVerdict::Taken:
        break; // answered once the outcome is known
    case RedirectVerdict::NotGet:
        ignore(405, tr("Not a sign-in request"), tr("WebinarGeek Connect only expects the browser here."));
        break;
    case RedirectVerdict::WrongPath:
    case RedirectVerdict::NotAnAddress:
    case RedirectVerdict::WrongAddress:
        ignore(404, tr("Page not found"), tr("This address is not part of signing in to WebinarGeek Connect."));
        break;
    case RedirectVerdict::NotWaiting:
        ignore(409, tr("This sign-in is already complete"),
               tr("The browser came back a second time. Nothing was changed."));
        break;
    case RedirectVerdict::WrongState:
        // Another program on this computer, or an old tab: worth a line in the log. (A paste
        // with a wrong state is explained to the person instead.)
        qCWarning(lcAuth) << "Ignored a redirect whose state does not belong to this sign-in";
        ignore(400, tr("This link does not belong to the sign-in in progress"),
               tr("Start signing in again from WebinarGeek Connect."));
        break;
    }
}

RedirectVerdict AuthorizationFlow::takePastedRedirect(const QString &address)
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return RedirectVerdict::NotAnAddress;
    const QUrl redirect(m_parameters.redirectUri);
    if (url.scheme() != redirect.scheme() || url.host() != redirect.host() || url.port() != redirect.port()
        || !url.userInfo().isEmpty())
        return RedirectVerdict::WrongAddress;
    // What the browser would have sent the listener: an empty path is requested as "/".
    RedirectRequest request;
    request.method = "GET";
    request.path = url.path().isEmpty() ? QStringLiteral("/") : url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    return takeRedirect(request, 0);
}

RedirectVerdict AuthorizationFlow::takeRedirect(const RedirectRequest &request, quint64 id)
{
    if (request.method != "GET")
        return RedirectVerdict::NotGet;
    // Defect 9: Qt matches the callback path by prefix; only "/" is the redirect address.
    if (request.path != QLatin1String("/"))
        return RedirectVerdict::WrongPath;
    if (m_phase != Phase::WaitingForBrowser)
        return RedirectVerdict::NotWaiting;
    const QString state = request.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state.isEmpty() || state != m_state) {
        // Defect 8: Qt only warns on a wrong state. Nothing reaches the token endpoint, and the
        // attempt goes on waiting for the real redirect.
        return RedirectVerdict::WrongState;
    }

    // From here on the attempt takes no other redirect, from either side.
    m_phase = Phase::Exchanging;
    m_heldRequest = id;
    if (id == 0) {
        // Pasted: a browser that reaches the listener later finds it closed.
        qCInfo(lcAuth) << "Took the redirect address pasted by the person; closing the listener";
        m_listener->close();
    }
    emit redirectTaken();
    if (m_phase != Phase::Exchanging)
        return RedirectVerdict::Taken; // cancelled by whoever heard of it

    const QString error = request.query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        // Defect 11: the description is form-encoded; a '+' is a space.
        QString description = request.query.queryItemValue(QStringLiteral("error_description"), QUrl::PrettyDecoded);
        description = QUrl::fromPercentEncoding(description.replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
        fail(AuthError::make(error == QLatin1String("access_denied") ? AuthError::Kind::Denied
                                                                     : AuthError::Kind::AuthorizationError,
                             description, error));
        return RedirectVerdict::Taken;
    }
    const QString code = request.query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(AuthError::make(AuthError::Kind::BadCallback));
        return RedirectVerdict::Taken;
    }

    // Defect 4 (QTBUG-81624): fixOAuthParameters takes the code from here and encodes it once;
    // what Qt makes of the one in `values` differs between Qt versions.
    *m_parameters.receivedCode = code;
    QVariantMap values;
    values.insert(QStringLiteral("code"), code);
    values.insert(QStringLiteral("state"), state);
    emit m_handler->callbackReceived(values);
    return RedirectVerdict::Taken;
}

void AuthorizationFlow::handleTokenReply(const TokenReply &reply)
{
    if (m_phase != Phase::Exchanging)
        return;
    if (!reply.ok()) {
        fail(reply.error);
        return;
    }
    m_phase = Phase::Finishing;
    m_timeout.stop();
    TokenSet tokens = reply.tokens;
    if (tokens.scope.isEmpty())
        tokens.scope = m_config.scope; // RFC 6749 §5.1: omitted means as requested
    emit tokensReceived(tokens);
}

void AuthorizationFlow::finish(const AuthError &error, const QString &successDetail)
{
    if (m_phase != Phase::Finishing)
        return;
    if (error.isError()) {
        fail(error);
        return;
    }
    m_listener->respond(m_heldRequest, 200,
                        RedirectPage::render(Outcome::Success, tr("You are signed in"), successDetail));
    end();
}

void AuthorizationFlow::fail(const AuthError &error)
{
    if (!isActive())
        return;
    qCInfo(lcAuth) << "Sign-in ended:" << error.message();
    if (m_heldRequest && m_listener) {
        m_listener->respond(m_heldRequest, 200,
                            RedirectPage::render(Outcome::Failure, tr("Sign-in did not complete"), error.message()));
    }
    end();
    emit failed(error);
}

void AuthorizationFlow::end()
{
    m_phase = Phase::Ended;
    m_timeout.stop();
    m_heldRequest = 0;
    if (m_listener)
        m_listener->close();
}
