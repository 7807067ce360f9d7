// The API's answer to GET {api}/account, read by WebinarGeekClient::parseAccount. Every input
// is parsed as the body of several statuses.
#include "QuietMessages.h"
#include "api/WebinarGeekClient.h"

#include <QByteArray>

namespace {
const int kStatuses[] = {200, 401, 404, 500};
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    installQuietMessageHandler();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024 * 1024)
        return -1;
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const int status : kStatuses) {
        Account account;
        const ApiError error = WebinarGeekClient::parseAccount(status, 0, QString(), body, &account);
        if (error.isError()) {
            FUZZ_CHECK(account.email.isEmpty());
            (void)error.message().size();
        } else {
            FUZZ_CHECK(status == 200);
            FUZZ_CHECK(!account.email.isEmpty());
        }
    }
    return 0;
}
