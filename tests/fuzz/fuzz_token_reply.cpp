// The token endpoint's answer to a code exchange or a refresh, read by TokenReply::parse.
//
// Input: one selector byte, then the body. The selector picks the Content-Type (byte % 8, so
// the seed files start with '0'…'7'); every input is parsed as the answer of several statuses.
// The body is also read as a Retry-After header, which comes from the same server.
#include "QuietMessages.h"
#include "auth/TokenReply.h"

#include <QByteArray>
#include <QDateTime>

#include <iterator>

namespace {
const char *const kContentTypes[] = {
    "application/json",
    "application/json; charset=utf-8",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "text/plain",
    "text/html; charset=utf-8",
    "",
    "application/problem+json",
};
const int kStatuses[] = {200, 201, 400, 401, 429, 500};
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    installQuietMessageHandler();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > static_cast<size_t>(TokenReply::kMaxBytes) + 2)
        return -1;
    const QByteArray contentType(kContentTypes[data[0] % std::size(kContentTypes)]);
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

    for (const int status : kStatuses) {
        const TokenReply reply = TokenReply::parse(status, 0, QString(), contentType, body, now);
        if (reply.ok()) {
            FUZZ_CHECK(status < 400);
            FUZZ_CHECK(!reply.tokens.accessToken.isEmpty());
            FUZZ_CHECK(!reply.tokens.tokenType.isEmpty());
            FUZZ_CHECK(!reply.tokens.expiresAt.isValid() || reply.tokens.expiresAt >= now);
        } else {
            (void)reply.error.message().size();
        }
    }
    FUZZ_CHECK(TokenReply::parseRetryAfter(body, now) >= -1);
    return 0;
}
