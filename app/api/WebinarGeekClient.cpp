#include "WebinarGeekClient.h"

#include "NetworkAccess.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("WebinarGeekClient", text);
}
} // namespace

QString ApiError::message() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Unauthorized:
        text = tr("WebinarGeek did not accept the token (401 Unauthorized).");
        break;
    case Kind::NetworkError:
        text = tr("Could not reach the WebinarGeek API.");
        break;
    case Kind::NoAnswer:
        text = tr("The WebinarGeek API did not answer in time.");
        break;
    case Kind::ServerError:
        text = tr("The WebinarGeek API had a problem (HTTP %1).").arg(httpStatus);
        break;
    case Kind::BadReply:
        text = tr("The WebinarGeek API's answer could not be used.");
        break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + detail;
    return text;
}

WebinarGeekClient::WebinarGeekClient(const QUrl &apiUrl, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_apiUrl(apiUrl)
    , m_network(network)
{ }

QUrl WebinarGeekClient::endpoint(const QString &path) const
{
    QUrl url = m_apiUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void WebinarGeekClient::fetchAccount(const QString &accessToken, const AccountDone &done)
{
    QNetworkRequest request(endpoint(QStringLiteral("/account")));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        Account account;
        ApiError error;
        if (NetworkAccess::isTooLarge(reply)) {
            error.kind = ApiError::Kind::BadReply;
            error.detail = tr("The answer is larger than 1 MiB.");
        } else {
            error =
                parseAccount(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
                             reply->errorString(),
                             reply->isOpen() ? reply->read(NetworkAccess::kMaxReplyBytes + 1) : QByteArray(), &account);
        }
        if (error.isError())
            qCInfo(lcApi) << "Account request failed:" << error.message();
        done(account, error);
    });
}

ApiError WebinarGeekClient::parseAccount(int httpStatus, int networkError, const QString &networkErrorText,
                                         const QByteArray &body, Account *account)
{
    ApiError error;
    error.httpStatus = httpStatus;
    if (httpStatus == 0) {
        const bool timedOut =
            networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError;
        error.kind = timedOut ? ApiError::Kind::NoAnswer : ApiError::Kind::NetworkError;
        error.detail = networkErrorText;
        return error;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject object = doc.object();
    if (httpStatus == 401) {
        error.kind = ApiError::Kind::Unauthorized;
        error.detail = object.value(QLatin1String("message")).toString();
        return error;
    }
    if (httpStatus >= 500) {
        error.kind = ApiError::Kind::ServerError;
        return error;
    }
    if (httpStatus != 200) {
        error.kind = ApiError::Kind::BadReply;
        error.detail = tr("Unexpected HTTP status %1.").arg(httpStatus);
        return error;
    }
    const QJsonValue email = object.value(QLatin1String("email"));
    const QJsonValue company = object.value(QLatin1String("company"));
    if (!doc.isObject() || !email.isString() || email.toString().isEmpty()
        || !(company.isString() || company.isNull() || company.isUndefined())) {
        error.kind = ApiError::Kind::BadReply;
        error.detail = doc.isObject() ? tr("It is not an account.") : tr("It is not JSON.");
        return error;
    }
    account->email = email.toString();
    account->company = company.toString();
    return error;
}
