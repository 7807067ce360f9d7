#pragma once

#include "Credential.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// The account a token belongs to: GET {api}/account.
struct Account
{
    QString company;
    QString email;
};

struct ApiError
{
    enum class Kind {
        None,
        Unauthorized,
        NetworkError,
        NoAnswer,
        ServerError,
        BadReply,
        Redirected, // to another origin: not followed, the credential was not sent there
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString detail; // the server's message, or what was wrong with the answer

    bool isError() const { return kind != Kind::None; }
    QString message() const;

    Q_DECLARE_TR_FUNCTIONS(ApiError)
};

// WebinarGeek's REST API. Every request has a timeout and a cap on the answer's size
// (NetworkAccess). With a CredentialProvider, a 401 leads to one renewed credential and one retry.
// A redirect is followed only within the API's origin (scheme, host, port), credential and all;
// one to anywhere else is an error, and the credential is never sent there.
class WebinarGeekClient : public QObject
{
    Q_OBJECT
public:
    WebinarGeekClient(const QUrl &apiUrl, QNetworkAccessManager *network, QObject *parent = nullptr);

    void setCredentialProvider(CredentialProvider *provider) { m_provider = provider; }

    using AccountDone = std::function<void(const Account &, const ApiError &)>;
    // With the provider's credential; on 401, once more with a renewed one.
    void fetchAccount(const AccountDone &done);
    // With this credential only: checking a new API key or a token just granted.
    void fetchAccount(const Credential &credential, const AccountDone &done);

    // Shared with ApiRequest, which sends what a person asks for with the same credential rules.
    // Puts `credential` on `request` in the header its kind goes in.
    static void attachCredential(QNetworkRequest *request, const Credential &credential);
    // Lets `reply` follow redirects within the origin of `url` only (the request must ask for
    // UserVerifiedRedirectPolicy); one to another origin is aborted, and refusedRedirect() says where it pointed.
    static void followSameOriginOnly(QNetworkReply *reply, const QUrl &url);
    static QUrl refusedRedirect(const QNetworkReply *reply);
    // `path` (starting with "/", as written in a URL) under the API URL's path.
    static QUrl endpoint(const QUrl &apiUrl, const QString &path);

    // Reads an account answer; public so tests and fuzzers can feed it bytes directly.
    static ApiError parseAccount(int httpStatus, int networkError, const QString &networkErrorText,
                                 const QByteArray &body, Account *account);

private:
    QUrl endpoint(const QString &path) const;
    QNetworkReply *get(const QUrl &url, const Credential &credential);
    void fetchAccountWith(const Credential &credential, bool mayRetry, const AccountDone &done);

    QUrl m_apiUrl;
    QNetworkAccessManager *m_network;
    CredentialProvider *m_provider = nullptr;
};
