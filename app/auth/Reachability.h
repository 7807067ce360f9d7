#pragma once

#include <QObject>

// Tells the session when the network comes back, so a waiting refresh need not wait out its
// back-off. The base class never fires by itself: tests emit becameReachable() by hand.
class Reachability : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void becameReachable();
};

// The system's view, through QNetworkInformation where the platform has a backend (NetworkManager
// on Linux). Without one it stays silent and the back-off alone decides.
class SystemReachability : public Reachability
{
    Q_OBJECT
public:
    explicit SystemReachability(QObject *parent = nullptr);
};
