#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM, SIGINT and SIGHUP into an ordinary quit of the event loop, so the app ends the
// way Quit ends it: the sign-in listener and the instance socket closed, nothing half-written.
// A desktop session sends SIGTERM at logout. One per process; Unix only (elsewhere it does
// nothing).
class QuitOnSignals : public QObject
{
    Q_OBJECT
public:
    explicit QuitOnSignals(QObject *parent = nullptr);
    ~QuitOnSignals() override;

private:
    QSocketNotifier *m_notifier = nullptr;
};
