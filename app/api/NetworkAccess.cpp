#include "NetworkAccess.h"

#include "SystemProxyFactory.h"

#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcApi, "wgc.api", QtWarningMsg)

NetworkAccess::NetworkAccess(QObject *parent)
    : QNetworkAccessManager(parent)
{
    // Never follow a redirect to another host with a token attached.
    setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
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

QNetworkReply *NetworkAccess::createRequest(Operation op, const QNetworkRequest &original, QIODevice *outgoingData)
{
    QNetworkRequest request(original);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > kMaxReplyBytes || total > kMaxReplyBytes) {
            reply->setProperty(kTooLargeProperty, true);
            reply->abort();
        }
    });
    return reply;
}
