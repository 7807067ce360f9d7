#pragma once

#include "config/IssuerMetadata.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

// Reads an issuer's metadata from the server: the well-known addresses in turn
// (IssuerMetadata::wellKnownUrls()), the next one only when the one before answers 404. One
// discovery per object; finished() comes once, with the metadata or a sentence that names the
// address and what was wrong.
class IssuerDiscovery : public QObject
{
    Q_OBJECT
public:
    IssuerDiscovery(QNetworkAccessManager *network, QObject *parent = nullptr);

    // The window and the commands wait for the metadata before they start: a server that does
    // not answer should not hold them for NetworkAccess's usual 30 seconds.
    static constexpr int kTimeoutMs = 10000;

    void start(const QUrl &issuer);

signals:
    // `transient` is true when the failure says nothing about the issuer's metadata, so an older
    // copy may stand in: no answer (the network, the name, a refused connection, a timeout), a
    // 5xx or 429 (a server that is down or busy), or a 200 that is not JSON at all (a captive
    // portal's page). It is false when the server's answer rules the copy out: metadata refused
    // on the app's rules, 404 at both addresses, a redirect.
    void finished(const IssuerMetadata &metadata, const QString &problem, bool transient);

private:
    void ask(int index);
    void answered(QNetworkReply *reply, int index);

    QNetworkAccessManager *m_network;
    QUrl m_issuer;
    QList<QUrl> m_urls;
};
