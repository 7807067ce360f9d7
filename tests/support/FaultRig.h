#pragma once

#include "FakeClock.h"
#include "KeychainAccess.h"
#include "Sandbox.h" // waitFor()
#include "ScriptedServer.h"

#include "api/NetworkAccess.h"
#include "api/WebinarGeekClient.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrlQuery>

// One Session with everything it needs, on a FakeClock that starts at the current second (the
// keychain keeps times to the second, so what goes in comes back equal).
struct FaultRig
{
    explicit FaultRig(const Configuration &config)
        : clock(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC))
        , store(config.storageKey())
        , session(config, &network, &store, &clock)
    { }

    // A signed-in session as a sign-in just now would leave it: valid for an hour.
    StoredSession seed()
    {
        const QByteArray salt = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
        StoredSession stored;
        stored.method = QStringLiteral("oauth");
        stored.accessToken = QString::fromLatin1("seeded-access-" + salt);
        stored.refreshToken = QString::fromLatin1("seeded-refresh/+=" + salt); // needs encoding
        stored.tokenType = QStringLiteral("Bearer");
        stored.scope = QStringLiteral("api");
        stored.expiresAt = clock.now().addSecs(3600);
        stored.updatedAt = clock.now();
        stored.company = QStringLiteral("Seeded B.V.");
        stored.email = QStringLiteral("seeded@example.com");
        return stored;
    }

    // Stores `stored` and restores the session from it; true when it is SignedIn.
    bool seedAndRestore(const StoredSession &stored)
    {
        if (KeychainAccess::save(store, stored) != TokenStore::Status::Ok)
            return false;
        return restore() && session.state() == Session::State::SignedIn;
    }
    bool restore()
    {
        QSignalSpy restored(&session, &Session::restoreFinished);
        session.restore();
        return restored.wait(15000);
    }
    // Starts a sign-in: the redirect's port and state, or port 0.
    QPair<quint16, QString> startSignIn();

    FakeClock clock;
    NetworkAccess network;
    TokenStore store;
    Session session;
};

// Everything the keychain holds for a session, compared field by field.
inline bool sameSession(const StoredSession &a, const StoredSession &b)
{
    return a.method == b.method && a.accessToken == b.accessToken && a.refreshToken == b.refreshToken
        && a.tokenType == b.tokenType && a.scope == b.scope && a.expiresAt == b.expiresAt && a.updatedAt == b.updatedAt
        && a.company == b.company && a.email == b.email && a.rejected == b.rejected;
}

// The account as the session's API client fetches it (with the session's credential, renewed
// once on a 401), waited for; `answered` is false when no answer came within 15 s.
struct AccountAnswer
{
    Account account;
    ApiError error;
    bool answered = false;
};

inline AccountAnswer fetchAccountOf(Session &session)
{
    AccountAnswer answer;
    bool done = false;
    session.api()->fetchAccount([&answer, &done](const Account &account, const ApiError &error) {
        answer.account = account;
        answer.error = error;
        done = true;
    });
    answer.answered = waitFor([&done] { return done; }, 15000);
    return answer;
}

// A port on 127.0.0.1 where nothing listens.
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

inline quint16 redirectPort(const QUrl &authorizationUrl)
{
    const QUrl redirect(QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    return static_cast<quint16>(redirect.port());
}

inline QString stateOf(const QUrl &authorizationUrl)
{
    return QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
}

// One GET to the app's loopback listener, as a browser sends it: status (0: no answer) and page.
inline QPair<int, QString> getLoopback(const QUrl &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    waitFor([reply] { return reply->isFinished(); }, 15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString page = QString::fromUtf8(reply->readAll());
    delete reply;
    return {status, page};
}

// Every endpoint on fake servers of the test; the authorization URL is never opened.
inline Configuration fakeConfiguration(const QUrl &tokenUrl, const QUrl &apiUrl)
{
    Configuration config;
    config.authorizeUrl = tokenUrl.resolved(QUrl(QStringLiteral("/oauth/authorize")));
    config.tokenUrl = tokenUrl;
    config.apiUrl = apiUrl;
    config.clientId = QStringLiteral("wgc-fault-matrix");
    return config;
}

// The token endpoint on one fake server, the API (at /api/v2) on another or the same.
inline Configuration fakeConfiguration(const ScriptedServer &tokenServer, const ScriptedServer &apiServer)
{
    return fakeConfiguration(tokenServer.url(QStringLiteral("/oauth/token")), apiServer.url(QStringLiteral("/api/v2")));
}

inline QPair<quint16, QString> FaultRig::startSignIn()
{
    QSignalSpy urlSpy(&session, &Session::authorizationUrlReady);
    if (!session.signIn(60) || (urlSpy.isEmpty() && !urlSpy.wait(5000)))
        return {0, QString()};
    const QUrl url = urlSpy.first().first().toUrl();
    return {redirectPort(url), stateOf(url)};
}
