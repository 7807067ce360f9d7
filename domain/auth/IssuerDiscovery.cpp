#include "IssuerDiscovery.h"

#include "AuthLog.h"
#include "api/NetworkAccess.h"
#include "config/OutsideText.h"

#include <QNetworkReply>
#include <QNetworkRequest>

IssuerDiscovery::IssuerDiscovery(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

void IssuerDiscovery::start(const QUrl &issuer)
{
    m_issuer = issuer;
    m_urls = IssuerMetadata::wellKnownUrls(issuer);
    ask(0);
}

void IssuerDiscovery::ask(int index)
{
    QNetworkRequest request(m_urls.at(index));
    request.setRawHeader("Accept", "application/json");
    qCInfo(lcAuth) << "Reading the issuer's metadata from" << m_urls.at(index).toDisplayString();
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        answered(reply, index);
    });
}

void IssuerDiscovery::answered(QNetworkReply *reply, int index)
{
    const QUrl url = m_urls.at(index);
    const QString where = url.toDisplayString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // RFC 8414 servers answer at the first address, OpenID Connect ones at the second; a 404
    // says only that this one is not where this server keeps it.
    if (status == 404 && index + 1 < m_urls.size()) {
        ask(index + 1);
        return;
    }
    // Problems are logged at info level only: the caller reports them (the command's error, the
    // window), and a warning too would say each one twice on stderr.
    QString problem;
    if (NetworkAccess::isTooLarge(reply)) {
        problem = tr("The server's metadata at %1 is too large to be metadata.").arg(where);
    } else if (status == 0 || (status == 200 && reply->error() != QNetworkReply::NoError)) {
        // No answer, or a 200 whose body was cut off mid-way: what arrived would read as "not a
        // JSON object", which blames the issuer URL for what the connection did.
        problem = tr("The issuer's metadata could not be read from %1: %2")
                      .arg(where, OutsideText::printable(reply->errorString()));
        qCInfo(lcAuth).noquote() << problem;
        emit finished(IssuerMetadata(), problem, true);
        return;
    } else if (status == 404) {
        problem = tr("The server has no metadata for this issuer: %1 and %2 answered 404 Not Found. Check the "
                     "issuer URL.")
                      .arg(m_urls.constFirst().toDisplayString(), where);
    } else if (status >= 300 && status < 400) {
        // Not followed (NetworkAccess): the metadata must come from the issuer's own address.
        problem = tr("The server sent the request for its metadata at %1 on to another address (HTTP %2), so it "
                     "was not followed.")
                      .arg(where)
                      .arg(status);
    } else if (status != 200) {
        problem =
            tr("The issuer's metadata could not be read from %1: the server answered HTTP %2.").arg(where).arg(status);
    }
    if (!problem.isEmpty()) {
        qCInfo(lcAuth).noquote() << problem;
        // A server that is down (5xx) or busy (429) says nothing about its metadata; a 404 at
        // both addresses, a redirect or another refusal does.
        emit finished(IssuerMetadata(), problem, status >= 500 || status == 429);
        return;
    }
    IssuerMetadata::Parsed parsed = IssuerMetadata::parse(reply->readAll(), m_issuer, url);
    if (!parsed.problem.isEmpty())
        qCInfo(lcAuth).noquote() << parsed.problem;
    parsed.metadata.fetchedAt = QDateTime::currentDateTimeUtc();
    emit finished(parsed.metadata, parsed.problem, parsed.notAnObject);
}
