#pragma once

#include "auth/Clock.h"

#include <QDateTime>

#include <algorithm>

// A clock the test moves by hand, so hours pass without sleeping. advance() is time spent
// awake (both clocks move); jumpWallClock() is a sleep or a clock change (only the wall clock
// moves). Every move emits moved(), so waiting parties look again at once.
//
// Header-only and without Q_OBJECT: it declares no signals or slots of its own, and it needs
// no moc run in the targets that include it.
class FakeClock : public Clock
{
public:
    explicit FakeClock(const QDateTime &start = QDateTime::currentDateTimeUtc(), QObject *parent = nullptr)
        : Clock(parent)
        , m_now(start.toUTC())
    { }

    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    void advance(qint64 seconds) { advanceMs(seconds * 1000); }
    void advanceMs(qint64 milliseconds)
    {
        m_now = m_now.addMSecs(milliseconds);
        m_monotonicMs += milliseconds;
        emit moved();
    }
    // Both clocks forward to `when`; never backwards.
    void advanceTo(const QDateTime &when) { advanceMs(std::max<qint64>(0, m_now.msecsTo(when))); }
    // The machine slept (or somebody set the clock): the monotonic clock saw none of it.
    void jumpWallClock(qint64 seconds)
    {
        m_now = m_now.addSecs(seconds);
        emit moved();
    }

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};
