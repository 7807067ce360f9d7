#include "NetworkAccess.h"

#include "SystemProxyFactory.h"

#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcApi, "wgc.api", QtWarningMsg)

NetworkAccess::NetworkAccess(QObject *parent)
    : QNetworkAccessManager(parent)
{
    // Qt's NoLessSafeRedirectPolicy only refuses https → http: it follows a redirect to any
    // other host and sends the request's Authorization header and body there. createRequest()
    // enforces this for each request as well.
    setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // Behind a company proxy the app goes out the way the browser does.
    setProxyFactory(new SystemProxyFactory);
}

void NetworkAccess::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

bool NetworkAccess::isTooLarge(const QNetworkReply *reply)
{
    return reply->property(kTooLargeProperty).toBool();
}

bool NetworkAccess::isSameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme() == QLatin1String("https") ? 443 : url.scheme() == QLatin1String("http") ? 80 : -1;
    };
    return a.isValid() && b.isValid() && !a.host().isEmpty() && a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QString NetworkAccess::hostOf(const QUrl &url)
{
    const QString host = url.host();
    return url.port() < 0 ? host : QStringLiteral("%1:%2").arg(host).arg(url.port());
}

QUrl NetworkAccess::redirectTarget(const QNetworkReply *reply)
{
    QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (target.isEmpty())
        target = QUrl::fromEncoded(reply->rawHeader("Location"));
    return target.isEmpty() ? QUrl() : reply->url().resolved(target);
}

QNetworkReply *NetworkAccess::createRequest(Operation op, const QNetworkRequest &original, QIODevice *outgoingData)
{
    QNetworkRequest request(original);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Only a sender that checks each hop itself may follow redirects.
    if (request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt()
        != QNetworkRequest::UserVerifiedRedirectPolicy)
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > kMaxReplyBytes || total > kMaxReplyBytes) {
            reply->setProperty(kTooLargeProperty, true);
            reply->abort();
        }
    });
    return reply;
}
