#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The account a token belongs to: GET {api}/account.
struct Account
{
    QString company;
    QString email;
};

struct ApiError
{
    enum class Kind { None, Unauthorized, NetworkError, NoAnswer, ServerError, BadReply };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString detail; // the server's message, or what was wrong with the answer

    bool isError() const { return kind != Kind::None; }
    QString message() const;
};

// WebinarGeek's REST API. Authenticates with `Authorization: Bearer <access token>` (OAuth).
class WebinarGeekClient : public QObject
{
    Q_OBJECT
public:
    WebinarGeekClient(const QUrl &apiUrl, QNetworkAccessManager *network, QObject *parent = nullptr);

    using AccountDone = std::function<void(const Account &, const ApiError &)>;
    void fetchAccount(const QString &accessToken, const AccountDone &done);

    // Reads an account answer; public so tests and fuzzers can feed it bytes directly.
    static ApiError parseAccount(int httpStatus, int networkError, const QString &networkErrorText,
                                 const QByteArray &body, Account *account);

private:
    QUrl endpoint(const QString &path) const;

    QUrl m_apiUrl;
    QNetworkAccessManager *m_network;
};
