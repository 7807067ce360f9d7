#pragma once

#include "config/Configuration.h"

#include <QObject>
#include <QTimer>

class Preferences;
class Reachability;
class Accounts;

// Keeps a long-running window's endpoints in step with its issuer's metadata. Start-up reads the
// metadata once (resolveConfiguration()); a command line runs again with every use, but the
// window may run for weeks. So it reads the metadata again when
//  - an endpoint the metadata named failed for an account (Accounts::issuerEndpointFailed()): the
//    server may have moved it;
//  - the copy it runs on turns stale (IssuerMetadata::kFreshSeconds after it was fetched);
//  - the last read failed (an issuer problem, or a stale copy standing in): when the network
//    comes back (Reachability), and every kRetryMs meanwhile.
// When the endpoints (or the problem) it finds differ from the accounts', every account is
// reconfigured with them; otherwise nothing changes. Does nothing without an issuer, or with
// every endpoint set one by one.
class IssuerRefresh : public QObject
{
    Q_OBJECT
public:
    // `preferences` says which endpoints are set one by one (the rest come from the metadata).
    IssuerRefresh(const Preferences *preferences, Accounts *accounts, Reachability *reachability,
                  QObject *parent = nullptr);

    // Between attempts while the metadata cannot be read.
    static constexpr int kRetryMs = 5 * 60 * 1000;

    // Arms the timer for the configuration as it is now.
    void start();
    // Reads the metadata now (the fresh copy, when there is one), unless a read is under way.
    void refresh();

    bool isReading() const { return m_reading; }
    // When the next read is due by itself: inactive when none is.
    const QTimer &timer() const { return m_timer; }

signals:
    // A read ended; `changed` when the accounts were reconfigured with what it found.
    void finished(bool changed);

private:
    void arm();

    const Preferences *m_preferences;
    Accounts *m_accounts;
    Reachability *m_reachability;
    QTimer m_timer;
    bool m_reading = false;
    bool m_failed = false; // the last read could not use the server's answer
    // Counts the reconfigurations, so a read that a change of settings overtook is
    // dropped instead of overwriting what the person has just set.
    quint64 m_generation = 0;
};
