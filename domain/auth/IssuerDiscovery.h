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
    // `reachedServer` is false when no address gave any HTTP answer (the network, the name, a
    // refused connection, a timeout): only then may an older copy stand in.
    void finished(const IssuerMetadata &metadata, const QString &problem, bool reachedServer);

private:
    void ask(int index);
    void answered(QNetworkReply *reply, int index);

    QNetworkAccessManager *m_network;
    QUrl m_issuer;
    QList<QUrl> m_urls;
};
