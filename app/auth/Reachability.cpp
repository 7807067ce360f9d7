#include "Reachability.h"

#include "AuthLog.h"

#include <QNetworkInformation>

SystemReachability::SystemReachability(QObject *parent)
    : Reachability(parent)
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcAuth) << "No network information backend; retries follow the back-off alone";
        return;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online)
                    emit becameReachable();
            });
}
