// The loopback redirect: whatever reaches 127.0.0.1 is a request head, read by
// RedirectRequest::parse, whose query AuthorizationFlow::handleRequest then reads.
#include "QuietMessages.h"
#include "auth/LoopbackListener.h"

#include <QByteArray>
#include <QUrl>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    installQuietMessageHandler();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // As LoopbackListener hands it over: at most kMaxHeadBytes, cut before the blank line.
    if (size > static_cast<size_t>(LoopbackListener::kMaxHeadBytes))
        return -1;
    QByteArray head(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const int headEnd = head.indexOf("\r\n\r\n");
    if (headEnd >= 0)
        head.truncate(headEnd);

    RedirectRequest request;
    if (!RedirectRequest::parse(head, &request))
        return 0;
    FUZZ_CHECK(!request.method.isEmpty());

    // Exactly the reads AuthorizationFlow makes.
    const QString state = request.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    const QString error = request.query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    QString description = request.query.queryItemValue(QStringLiteral("error_description"), QUrl::PrettyDecoded);
    description = QUrl::fromPercentEncoding(description.replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
    const QString code = request.query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    (void)state.size();
    (void)error.size();
    (void)code.size();
    (void)items.size();
    return 0;
}
