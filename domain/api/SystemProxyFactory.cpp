#include "SystemProxyFactory.h"

#include "NetworkAccess.h"
#include "config/Configuration.h"

QList<QNetworkProxy> SystemProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy::NoProxy};
    QList<QNetworkProxy> proxies = systemProxyForQuery(query);
    if (!proxies.isEmpty() && proxies.first().type() != QNetworkProxy::NoProxy)
        qCInfo(lcApi) << "Through the proxy" << proxies.first().hostName() << proxies.first().port() << "for"
                      << query.peerHostName();
    return proxies;
}
