#pragma once

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

class QNetworkReply;

// The one network access manager of the app. Every request it makes has a timeout and a cap on
// the size of the answer (1 MiB unless the request sets kMaxReplyBytesAttribute), including the
// requests Qt's OAuth classes make on our behalf.
//
// Two rules keep credentials where they belong, also for those requests:
// - No request follows a redirect by itself (ManualRedirectPolicy): a 3xx comes back as the
//   answer. Only a request that asks for UserVerifiedRedirectPolicy is let through, and its
//   sender checks every hop itself (WebinarGeekClient allows the API's own origin only).
// - A request with a body (the token and revocation POSTs) goes out once: Qt is not allowed to
//   send it again on its own (see createRequest()).
class NetworkAccess : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit NetworkAccess(QObject *parent = nullptr);

    // A reply cut off at the cap carries this property set to true.
    static constexpr const char *kTooLargeProperty = "wgcTooLarge";
    static constexpr qint64 kMaxReplyBytes = 1024 * 1024;
    // A request may set another cap (a qint64) in this attribute: the `api` command hands over
    // whatever a person asked for, which may be far more than the app's own answers.
    static constexpr QNetworkRequest::Attribute kMaxReplyBytesAttribute =
        QNetworkRequest::Attribute(QNetworkRequest::User + 1);
    static constexpr int kDefaultTimeoutMs = 30000;

    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }

    static bool isTooLarge(const QNetworkReply *reply);

    // A manager of its own for one exchange with the token or revocation endpoint, with the
    // settings of `like` (when it is a NetworkAccess): its requests open a new connection and
    // never reuse one that an API request left open, which the server may be closing just then
    // (that would fail the request, as it is never sent twice). Qt keeps a connection cache per
    // manager, and nothing else selects a fresh connection in Qt 6.4.
    static NetworkAccess *forOneExchange(const QNetworkAccessManager *like, QObject *parent);

    // True when `a` and `b` share scheme, host and port (RFC 6454), default ports counted.
    static bool isSameOrigin(const QUrl &a, const QUrl &b);
    // "host" or "host:port" of `url` (no user information), for messages.
    static QString hostOf(const QUrl &url);
    // For a reply that finished with a 3xx status: where it pointed (resolved against the
    // request's URL); empty when it did not say.
    static QUrl redirectTarget(const QNetworkReply *reply);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    int m_timeoutMs = kDefaultTimeoutMs;
};
