#include "WebinarGeekClient.h"

#include "NetworkAccess.h"
#include "config/OutsideText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {

// Set on a reply whose redirect to another origin was refused: where it pointed.
constexpr const char *kRefusedRedirectProperty = "wgcRefusedRedirect";

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
    case Kind::Redirected:
        text = tr("The WebinarGeek API sent the request on to another address (HTTP %1), so it was not followed.")
                   .arg(httpStatus);
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

QUrl WebinarGeekClient::endpoint(const QUrl &apiUrl, const QString &path)
{
    QUrl url = apiUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::TolerantMode);
    return url;
}

QUrl WebinarGeekClient::endpoint(const QString &path) const
{
    return endpoint(m_apiUrl, path);
}

void WebinarGeekClient::fetchAccount(const AccountDone &done)
{
    Q_ASSERT(m_provider);
    m_provider->credential([this, done](const Credential &credential, const QString &error) {
        if (!error.isEmpty()) {
            ApiError apiError;
            apiError.kind = ApiError::Kind::Unauthorized;
            apiError.detail = error;
            done(Account(), apiError);
            return;
        }
        fetchAccountWith(credential, true, done);
    });
}

void WebinarGeekClient::fetchAccount(const Credential &credential, const AccountDone &done)
{
    fetchAccountWith(credential, false, done);
}

void WebinarGeekClient::attachCredential(QNetworkRequest *request, const Credential &credential)
{
    if (credential.kind == Credential::Kind::ApiKey)
        request->setRawHeader("Api-Token", credential.value.toUtf8());
    else
        request->setRawHeader("Authorization", "Bearer " + credential.value.toUtf8());
}

void WebinarGeekClient::followSameOriginOnly(QNetworkReply *reply, const QUrl &url)
{
    connect(reply, &QNetworkReply::redirected, reply, [reply, origin = url](const QUrl &target) {
        if (NetworkAccess::isSameOrigin(origin, target)) {
            emit reply->redirectAllowed();
            return;
        }
        qCInfo(lcApi).noquote() << "Not following a redirect to another origin:" << NetworkAccess::hostOf(target);
        reply->setProperty(kRefusedRedirectProperty, target);
        reply->abort();
    });
}

QUrl WebinarGeekClient::refusedRedirect(const QNetworkReply *reply)
{
    return reply->property(kRefusedRedirectProperty).toUrl();
}

QNetworkReply *WebinarGeekClient::get(const QUrl &url, const Credential &credential)
{
    QNetworkRequest request(url);
    attachCredential(&request, credential);
    request.setRawHeader("Accept", "application/json");
    // Qt copies every header, the credential's too, into the request that follows a redirect,
    // wherever it points; so each hop is checked here before Qt may follow it.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    followSameOriginOnly(reply, url);
    return reply;
}

void WebinarGeekClient::fetchAccountWith(const Credential &credential, bool mayRetry, const AccountDone &done)
{
    const QUrl url = endpoint(QStringLiteral("/account"));
    QNetworkReply *reply = get(url, credential);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, credential, mayRetry, done] {
        reply->deleteLater();
        Account account;
        ApiError error;
        const QUrl refused = refusedRedirect(reply);
        if (!refused.isEmpty()) {
            error.kind = ApiError::Kind::Redirected;
            error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            error.detail = tr("The credential is sent only to %1, not to %2.")
                               .arg(NetworkAccess::hostOf(url), NetworkAccess::hostOf(refused));
        } else if (NetworkAccess::isTooLarge(reply)) {
            error.kind = ApiError::Kind::BadReply;
            error.detail = tr("The answer is larger than 1 MiB.");
        } else {
            error =
                parseAccount(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
                             reply->errorString(),
                             reply->isOpen() ? reply->read(NetworkAccess::kMaxReplyBytes + 1) : QByteArray(), &account);
        }
        if (error.kind == ApiError::Kind::Unauthorized && mayRetry && m_provider) {
            // One renewed credential and one retry; a second 401 is the answer.
            m_provider->credentialRejected(credential,
                                           [this, done, error](const Credential &renewed, const QString &renewError) {
                                               if (!renewError.isEmpty()) {
                                                   ApiError failed = error;
                                                   failed.detail = renewError;
                                                   done(Account(), failed);
                                                   return;
                                               }
                                               fetchAccountWith(renewed, false, done);
                                           });
            return;
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
        // Qt's error string quotes the server's reason phrase.
        error.detail = OutsideText::printable(networkErrorText);
        return error;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject object = doc.object();
    if (httpStatus == 401) {
        error.kind = ApiError::Kind::Unauthorized;
        error.detail = OutsideText::printable(object.value(QLatin1String("message")).toString());
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
    // Both are shown in the window and on the terminal, and stored: plain text from here on. An
    // email that is nothing but control characters is no email.
    const QString plainEmail = OutsideText::printable(email.toString());
    if (!doc.isObject() || !email.isString() || plainEmail.isEmpty()
        || !(company.isString() || company.isNull() || company.isUndefined())) {
        error.kind = ApiError::Kind::BadReply;
        error.detail = doc.isObject() ? tr("It is not an account.") : tr("It is not JSON.");
        return error;
    }
    account->email = plainEmail;
    account->company = OutsideText::printable(company.toString());
    return error;
}
