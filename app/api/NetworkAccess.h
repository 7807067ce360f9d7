#pragma once

#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

// The one network access manager of the app. Every request it makes has a timeout and a cap on
// the size of the answer, including the requests Qt's OAuth classes make on our behalf.
class NetworkAccess : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit NetworkAccess(QObject *parent = nullptr);

    // A reply cut off at the cap carries this property set to true.
    static constexpr const char *kTooLargeProperty = "wgcTooLarge";
    static constexpr qint64 kMaxReplyBytes = 1024 * 1024;
    static constexpr int kDefaultTimeoutMs = 30000;

    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }

    static bool isTooLarge(const QNetworkReply *reply);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    int m_timeoutMs = kDefaultTimeoutMs;
};
