#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

// Where the session gets the time from. The wall clock says when a token expires; the monotonic
// clock says how much time this process has really spent awake. When the wall clock moves ahead
// of the monotonic one, the machine slept (or the clock was set). Tests inject a clock they move
// by hand, so they cover hours without sleeping.
class Clock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QDateTime now() const = 0; // UTC
    virtual qint64 monotonicMs() const = 0;

signals:
    // Emitted by clocks that move in steps (the tests' clock), so waiting parties look again.
    void moved();
};

class SystemClock : public Clock
{
    Q_OBJECT
public:
    explicit SystemClock(QObject *parent = nullptr)
        : Clock(parent)
    {
        m_monotonic.start();
    }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override { return m_monotonic.elapsed(); }

private:
    QElapsedTimer m_monotonic;
};
