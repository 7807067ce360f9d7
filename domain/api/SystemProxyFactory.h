#pragma once

#include <QNetworkProxyFactory>

// The proxies the system is set up with (http_proxy, https_proxy, all_proxy and no_proxy in the
// environment, or the desktop's proxy settings, through libproxy where Qt is built with it), as
// a browser would use them. Never for an address on this computer: a proxy elsewhere cannot
// reach this computer's 127.0.0.1, and libproxy sends even loopback addresses to the proxy.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;
};
