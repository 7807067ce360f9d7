#include "SystemProxyFactory.h"

#include "NetworkAccess.h"

#include <QHostAddress>

bool SystemProxyFactory::isThisComputer(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> SystemProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isThisComputer(query.peerHostName()))
        return {QNetworkProxy::NoProxy};
    QList<QNetworkProxy> proxies = systemProxyForQuery(query);
    if (!proxies.isEmpty() && proxies.first().type() != QNetworkProxy::NoProxy)
        qCInfo(lcApi) << "Through the proxy" << proxies.first().hostName() << proxies.first().port() << "for"
                      << query.peerHostName();
    return proxies;
}
