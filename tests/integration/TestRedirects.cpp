// No credential follows a redirect to another host. The token endpoint, the revocation endpoint
// and the API (fake servers on 127.0.0.1) answer with a redirect to a receiver on 127.0.0.2, a
// foreign host as far as any origin check goes: it must never see a request, let alone one that
// carries the client secret, a code, a token or the API key. Within the API's own origin a
// redirect is followed, credential and all. A real (private) gnome-keyring holds the session.

#include "FaultRig.h"
#include "ScriptedServer.h"
#include "TokenEndpointFaults.h"

#include <QTest>

namespace {

const QByteArray kAccount = R"({"company":"C","email":"e@x"})";

enum Operation { CodeExchange, Refresh, Revoke, ApiWithBearer, ApiWithStoredKey, ApiKeyCheck };

// Every secret a request in the test could carry, as sent: raw and form-encoded.
QList<QByteArray> asSent(const QStringList &secrets)
{
    QList<QByteArray> forms;
    for (const QString &secret : secrets) {
        forms << secret.toUtf8() << QUrl::toPercentEncoding(secret);
    }
    return forms;
}

// Why a request the foreign host received gives a secret away; empty when it does not.
QString leak(const HttpRequest &request, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (request.raw.contains(secret))
            return QStringLiteral("%1 %2 carried a secret")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path()));
    }
    for (const QByteArray name : {"authorization", "api-token"}) {
        if (!request.header(name).isEmpty())
            return QStringLiteral("%1 %2 carried %3")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path()),
                     QString::fromLatin1(name));
    }
    for (const QByteArray field : {"client_secret=", "refresh_token=", "code=", "code_verifier=", "token="}) {
        if (request.raw.contains(field))
            return QStringLiteral("%1 %2 carried %3")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.path()),
                     QString::fromLatin1(field));
    }
    return QString();
}

// The foreign host answers whatever it is asked as well as it can, so that a request that
// reached it would also look like a success to the app.
void answerEverything(ScriptedServer &server)
{
    server.setHandler([](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path().endsWith("/token"))
            answer(tokenAnswer(Rotated));
        else if (request.path().endsWith("/revoke"))
            answer(HttpAnswer::json(200, "{}"));
        else
            answer(HttpAnswer::json(200, kAccount));
    });
}

int countPath(const ScriptedServer &server, const QByteArray &path)
{
    return int(std::count_if(server.requests().begin(), server.requests().end(),
                             [&path](const HttpRequest &request) { return request.path() == path; }));
}

} // namespace

class TestRedirects : public QObject
{
    Q_OBJECT
private slots:
    void noSecretFollowsARedirect_data();
    void noSecretFollowsARedirect();
    void apiFollowsARedirectWithinItsOrigin_data();
    void apiFollowsARedirectWithinItsOrigin();
};

void TestRedirects::noSecretFollowsARedirect_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("samehostOtherPort");
    const QList<QPair<Operation, const char *>> operations = {
        {CodeExchange, "code exchange"},
        {Refresh, "refresh"},
        {Revoke, "revoke"},
        {ApiWithBearer, "API with Bearer"},
        {ApiWithStoredKey, "API with key"},
        {ApiKeyCheck, "checking a new API key"},
    };
    for (const auto &[operation, name] : operations) {
        for (const int status : {301, 302, 303, 307, 308}) {
            QTest::addRow("%s, %d to 127.0.0.2", name, status) << int(operation) << status << false;
        }
        // Another port is another origin, on the same host.
        QTest::addRow("%s, 307 to another port of 127.0.0.1", name) << int(operation) << 307 << true;
    }
}

void TestRedirects::noSecretFollowsARedirect()
{
    QFETCH(int, operation);
    QFETCH(int, status);
    QFETCH(bool, samehostOtherPort);

    ScriptedServer foreign(samehostOtherPort ? QHostAddress(QHostAddress::LocalHost)
                                             : QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY2(foreign.isListening(), "cannot listen on the foreign address");
    answerEverything(foreign);
    ScriptedServer server;
    server.setHandler([&foreign, status](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        answer(HttpAnswer::redirect(status, foreign.url(QString::fromLatin1(request.path()))));
    });

    Configuration config = fakeConfiguration(server, server);
    config.revokeUrl = server.url(QStringLiteral("/oauth/revoke"));
    const QByteArray salt = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    config.clientSecret = QString::fromLatin1("redirect-client-secret/+=" + salt);
    FaultRig rig(config);
    StoredSession before = rig.seed();
    if (Operation(operation) == ApiWithStoredKey) {
        before.method = QStringLiteral("api_key");
        before.accessToken = QString::fromLatin1("redirect-api-key-" + salt);
        before.refreshToken.clear();
        before.tokenType = QStringLiteral("Api-Token");
        before.expiresAt = QDateTime();
        before.scope.clear();
    }
    QVERIFY(rig.seedAndRestore(before));
    const QString code = QString::fromLatin1("redirect-code/+" + salt);
    const QString newKey = QString::fromLatin1("redirect-new-api-key-" + salt);
    const QList<QByteArray> secrets =
        asSent({config.clientSecret, before.accessToken, before.refreshToken, code, newKey, QString::fromLatin1(salt)});

    const QString statusText = QStringLiteral("HTTP %1").arg(status);
    const QString foreignHost = QStringLiteral("%1:%2").arg(foreign.address().toString()).arg(foreign.port());
    // Checked first, as soon as the app is done: nothing reached the other origin, no request
    // at all and so none that carries a secret.
    const auto whatReachedTheOtherOrigin = [&foreign, &secrets] {
        for (const HttpRequest &request : foreign.requests()) {
            const QString leaked = leak(request, secrets);
            if (!leaked.isEmpty())
                return QStringLiteral("the other origin received %1").arg(leaked);
        }
        if (!foreign.requests().isEmpty() || foreign.connections() != 0)
            return QStringLiteral("the other origin received %1 request(s) on %2 connection(s)")
                .arg(foreign.requests().size())
                .arg(foreign.connections());
        return QString();
    };
    bool storedStays = true;
    switch (Operation(operation)) {
    case CodeExchange: {
        QSignalSpy finished(&rig.session, &Session::signInFinished);
        const auto [port, state] = rig.startSignIn();
        QVERIFY(port != 0);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
        query.addQueryItem(QStringLiteral("state"), state);
        const auto [pageStatus, page] = getLoopback(
            QUrl(QStringLiteral("http://127.0.0.1:%1/?%2").arg(port).arg(query.toString(QUrl::FullyEncoded))));
        QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));
        QCOMPARE(pageStatus, 200);
        QVERIFY2(page.contains(QLatin1String("Sign-in did not complete")), qPrintable(page));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));
        const AuthError error = finished.first().first().value<AuthError>();
        QCOMPARE(error.kind, AuthError::Kind::Redirected);
        QVERIFY2(error.message().contains(statusText) && error.message().contains(foreignHost),
                 qPrintable(error.message()));
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(rig.session.state(), Session::State::SignedIn); // the earlier session goes on
        QCOMPARE(countPath(server, "/oauth/token"), 1);
        QVERIFY(server.requests().first().body.contains("client_secret="));
        break;
    }
    case Refresh: {
        QSignalSpy finished(&rig.session, &Session::refreshFinished);
        rig.session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));
        const AuthError error = finished.first().first().value<AuthError>();
        QCOMPARE(error.kind, AuthError::Kind::Redirected);
        QVERIFY2(error.message().contains(statusText) && error.message().contains(foreignHost),
                 qPrintable(error.message()));
        QVERIFY(error.isTransient() && !error.isPermanent());
        QCOMPARE(rig.session.lastError().kind, AuthError::Kind::Redirected);
        QCOMPARE(rig.session.state(), Session::State::SignedIn);
        QVERIFY(rig.session.stored().accessToken == before.accessToken);
        QCOMPARE(countPath(server, "/oauth/token"), 1);
        QVERIFY(server.requests().first().body.contains("refresh_token="));
        break;
    }
    case Revoke: {
        QSignalSpy finished(&rig.session, &Session::signOutFinished);
        rig.session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));
        QVERIFY(!finished.first().at(0).value<AuthError>().isError());
        // Signing out on this computer works; the warning says what the server did.
        const QString warning = finished.first().at(1).toString();
        QVERIFY2(warning.contains(QLatin1String("did not confirm the revocation"))
                     && warning.contains(QLatin1String("redirect")) && warning.contains(statusText)
                     && warning.contains(foreignHost),
                 qPrintable(warning));
        QCOMPARE(rig.session.state(), Session::State::SignedOut);
        QCOMPARE(countPath(server, "/oauth/revoke"), 2); // the refresh token, then the access token
        storedStays = false;
        break;
    }
    case ApiWithBearer:
    case ApiWithStoredKey:
    case ApiKeyCheck: {
        Account account;
        ApiError apiError;
        AuthError signInError;
        bool done = false;
        if (Operation(operation) == ApiKeyCheck) {
            connect(&rig.session, &Session::signInFinished, this, [&](const AuthError &error) {
                signInError = error;
                done = true;
            });
            rig.session.signInWithApiKey(newKey);
        } else {
            rig.session.api()->fetchAccount([&](const Account &a, const ApiError &e) {
                account = a;
                apiError = e;
                done = true;
            });
        }
        QVERIFY(waitFor([&done] { return done; }, 15000));
        QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));
        const QString message = Operation(operation) == ApiKeyCheck ? signInError.message() : apiError.message();
        if (Operation(operation) == ApiKeyCheck) {
            QCOMPARE(signInError.kind, AuthError::Kind::ApiKeyUnchecked);
        } else {
            QCOMPARE(apiError.kind, ApiError::Kind::Redirected);
            QCOMPARE(apiError.httpStatus, status);
            QVERIFY(account.email.isEmpty());
        }
        QVERIFY2(message.contains(QStringLiteral("(HTTP %1)").arg(status)) && message.contains(foreignHost)
                     && message.contains(QLatin1String("another address")),
                 qPrintable(message));
        QCOMPARE(countPath(server, "/api/v2/account"), 1);
        const HttpRequest &sent = server.requests().first();
        if (Operation(operation) == ApiWithBearer)
            QVERIFY(sent.header("authorization") == "Bearer " + before.accessToken.toUtf8());
        else
            QVERIFY(sent.header("api-token")
                    == (Operation(operation) == ApiKeyCheck ? newKey : before.accessToken).toUtf8());
        QCOMPARE(countPath(server, "/oauth/token"), 0);
        break;
    }
    }

    QVERIFY2(whatReachedTheOtherOrigin().isEmpty(), qPrintable(whatReachedTheOtherOrigin()));

    const TokenStore::Result after = KeychainAccess::load(rig.store);
    if (storedStays) {
        QCOMPARE(after.status, TokenStore::Status::Ok);
        QVERIFY2(sameSession(after.session, before), "the stored session changed");
        QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
    } else {
        QCOMPARE(after.status, TokenStore::Status::NotFound);
    }
}

void TestRedirects::apiFollowsARedirectWithinItsOrigin_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("apiKey");
    for (const int status : {301, 302, 303, 307, 308}) {
        QTest::addRow("%d, Bearer", status) << status << false;
    }
    QTest::addRow("307, API key") << 307 << true;
}

void TestRedirects::apiFollowsARedirectWithinItsOrigin()
{
    QFETCH(int, status);
    QFETCH(bool, apiKey);

    ScriptedServer server;
    server.setHandler([&server, status](const HttpRequest &request, const ScriptedServer::Answer &answer) {
        if (request.path() == "/api/v2/account")
            answer(HttpAnswer::redirect(status, server.url(QStringLiteral("/api/v2/moved/account"))));
        else if (request.path() == "/api/v2/moved/account")
            answer(HttpAnswer::json(200, kAccount));
        else
            answer(HttpAnswer::json(404, "{}"));
    });
    FaultRig rig(fakeConfiguration(server, server));
    StoredSession before = rig.seed();
    if (apiKey) {
        before.method = QStringLiteral("api_key");
        before.refreshToken.clear();
        before.tokenType = QStringLiteral("Api-Token");
        before.expiresAt = QDateTime();
    }
    QVERIFY(rig.seedAndRestore(before));

    const AccountAnswer answer = fetchAccountOf(rig.session);
    QVERIFY(answer.answered);
    QVERIFY2(!answer.error.isError(), qPrintable(answer.error.message()));
    QCOMPARE(answer.account.email, QStringLiteral("e@x"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).path(), QByteArray("/api/v2/moved/account"));
    QCOMPARE(server.requests().at(1).method, QByteArray("GET"));
    // The credential goes along to the same origin.
    for (const HttpRequest &request : server.requests()) {
        if (apiKey)
            QVERIFY(request.header("api-token") == before.accessToken.toUtf8());
        else
            QVERIFY(request.header("authorization") == "Bearer " + before.accessToken.toUtf8());
    }
    QVERIFY(sameSession(KeychainAccess::load(rig.store).session, before));
    QVERIFY(KeychainAccess::clear(rig.store) == TokenStore::Status::Ok);
}

QTEST_GUILESS_MAIN(TestRedirects)
#include "TestRedirects.moc"
