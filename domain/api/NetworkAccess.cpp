#include "NetworkAccess.h"

#include "SystemProxyFactory.h"

#include <QNetworkReply>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcApi, "wgc.api", QtWarningMsg)

namespace {

// A request body that can be read once and never rewound.
//
// Qt 6.4's HTTP/1 channel sends a request again on its own, on a new connection, when the
// connection closes or resets before the answer's status line arrived
// (QHttpNetworkConnectionChannel::handleUnexpectedEOF(), and _q_error() for RemoteHostClosedError
// while waiting: up to three times, reconnectAttemptsDefault), whatever the method. That is meant
// for a stale keep-alive connection, but it cannot tell a request the server never saw from one
// it read and acted on, so a code exchange or a refresh could reach the token endpoint twice,
// and a server that detects refresh-token reuse then revokes the whole grant. There is no
// attribute to turn the resending off. Every resend first rewinds the body
// (QHttpNetworkConnectionChannel::resetUploadData() → QIODevice::reset() of the device given
// to QNetworkAccessManager); when that fails, the reply ends with ContentReSendError instead and
// nothing is sent again. So a body that cannot be rewound makes a POST go out at most once.
class SendOnceBody : public QIODevice
{
public:
    SendOnceBody(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_read >= m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_read >= m_data.size())
            return -1;
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_read);
        memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace

NetworkAccess::NetworkAccess(QObject *parent)
    : QNetworkAccessManager(parent)
{
    // Behind a company proxy the app goes out the way the browser does.
    setProxyFactory(new SystemProxyFactory);
}

void NetworkAccess::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

bool NetworkAccess::isTooLarge(const QNetworkReply *reply)
{
    return reply->property(kTooLargeProperty).toBool();
}

NetworkAccess *NetworkAccess::forOneExchange(const QNetworkAccessManager *like, QObject *parent)
{
    auto *network = new NetworkAccess(parent);
    if (const auto *settings = qobject_cast<const NetworkAccess *>(like))
        network->setTimeout(settings->timeout());
    return network;
}

bool NetworkAccess::isSameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme() == QLatin1String("https") ? 443 : url.scheme() == QLatin1String("http") ? 80 : -1;
    };
    return a.isValid() && b.isValid() && !a.host().isEmpty() && a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QString NetworkAccess::hostOf(const QUrl &url)
{
    // Qt's own authority: the port when there is one, an IPv6 address in brackets.
    return url.adjusted(QUrl::RemoveUserInfo).authority();
}

QUrl NetworkAccess::redirectTarget(const QNetworkReply *reply)
{
    QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (target.isEmpty())
        target = QUrl::fromEncoded(reply->rawHeader("Location"));
    return target.isEmpty() ? QUrl() : reply->url().resolved(target);
}

QNetworkReply *NetworkAccess::createRequest(Operation op, const QNetworkRequest &original, QIODevice *outgoingData)
{
    QNetworkRequest request(original);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Only a sender that checks each hop itself may follow redirects: Qt's NoLessSafeRedirectPolicy
    // only refuses https → http, and follows a redirect to any other host with the request's
    // Authorization header and body. Set here, per request, so no default of the manager's or
    // of a caller's can let one through.
    if (request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt()
        != QNetworkRequest::UserVerifiedRedirectPolicy)
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    SendOnceBody *body = nullptr;
    if (outgoingData && !outgoingData->isSequential()) {
        // QNetworkAccessManager::post(QByteArray), as Qt's OAuth classes and TokenRevoker call
        // it, hands over a QBuffer: all of the body is there to read now.
        body = new SendOnceBody(outgoingData->readAll(), nullptr);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body->bytesAvailable());
        // Without this, Qt copies a sequential body into a buffer of its own, which rewinds.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        // What makes the body go out once is HTTP/1's handling of a dropped connection (above);
        // Qt 6 would otherwise use HTTP/2 with an https server that offers it, whose handling
        // of a lost connection is another one's. A token request is small: HTTP/1.1 costs
        // nothing.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        outgoingData = body;
    }
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    if (body)
        body->setParent(reply);
    const qint64 cap = request.attribute(kMaxReplyBytesAttribute, kMaxReplyBytes).toLongLong();
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, cap](qint64 received, qint64 total) {
        if (received > cap || total > cap) {
            reply->setProperty(kTooLargeProperty, true);
            reply->abort();
        }
    });
    return reply;
}
