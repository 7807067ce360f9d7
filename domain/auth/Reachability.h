#pragma once

#include <QObject>

// Tells the session when the network comes back, so a waiting refresh need not wait out its
// back-off. It watches only once asked to (watch()): the session asks the first time a refresh
// fails for a network reason and a retry waits, which most runs never see. The base class never
// fires by itself: tests read isWatching() and emit becameReachable() by hand.
class Reachability : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts watching, the first time; later calls do nothing. It keeps watching from then on: a
    // network that failed once is likely to fail again, and starting costs more than running.
    void watch();
    bool isWatching() const { return m_watching; }

signals:
    void becameReachable();

protected:
    // What watch() starts, once.
    virtual void startWatching() { }

private:
    bool m_watching = false;
};

// The system's view, through QNetworkInformation where the platform has a backend (NetworkManager
// on Linux). Without one it stays silent and the back-off alone decides. Loading a backend loads
// plugins (the GLib one links GIO) and asks the system bus, so it waits for watch().
class SystemReachability : public Reachability
{
    Q_OBJECT
public:
    using Reachability::Reachability;

protected:
    void startWatching() override;
};
