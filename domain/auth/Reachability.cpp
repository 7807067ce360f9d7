#include "Reachability.h"

#include "AuthLog.h"

#include <QNetworkInformation>

namespace {

// By name, most likely first: loading by features would load every backend plugin there is and
// start each one (the NetworkManager one asks the system bus) just to compare them.
bool loadBackend()
{
    for (const QString &name : {QStringLiteral("networkmanager"), QStringLiteral("glib")}) {
        if (QNetworkInformation::loadBackendByName(name)
            && QNetworkInformation::instance()->supports(QNetworkInformation::Feature::Reachability))
            return true;
    }
    return QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
}

} // namespace

void Reachability::watch()
{
    if (m_watching)
        return;
    m_watching = true;
    startWatching();
}

void SystemReachability::startWatching()
{
    if (!loadBackend()) {
        qCInfo(lcAuth) << "No network information backend; retries follow the back-off alone";
        return;
    }
    qCInfo(lcAuth) << "Watching the network, so that a retry goes as soon as it is back";
    QNetworkInformation *info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online)
                    emit becameReachable();
            });
}
