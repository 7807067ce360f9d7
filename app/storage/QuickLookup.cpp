#include "QuickLookup.h"

#include "StoredSession.h"
#include "TokenStoreNames.h"

#include <QByteArray>
#include <QString>

#ifdef WGC_HAVE_LIBSECRET
// libsecret's headers use `signals` as a name, which Qt defines as a keyword.
#undef signals
#include <libsecret/secret.h>
#endif

bool QuickLookup::readSession(const QString &storageKey, StoredSession *out)
{
#ifdef WGC_HAVE_LIBSECRET
    // The schema qtkeychain files its entries under.
    static const SecretSchema schema = {"org.qt.keychain",
                                        SECRET_SCHEMA_DONT_MATCH_NAME,
                                        {{"user", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                         {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                         {"type", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                         {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                        0,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr,
                                        nullptr};
    const QByteArray user = TokenStoreNames::sessionEntryKey(storageKey).toUtf8();
    const QByteArray server = TokenStoreNames::serviceName().toUtf8();
    GError *error = nullptr;
    gchar *secret = secret_password_lookup_sync(&schema, nullptr, &error, "user", user.constData(), "server",
                                                server.constData(), "type", "base64", nullptr);
    if (error) {
        g_error_free(error);
        return false;
    }
    if (!secret)
        return false;
    const QByteArray json = QByteArray::fromBase64(QByteArray(secret));
    secret_password_free(secret);
    return StoredSession::fromJson(json, out);
#else
    Q_UNUSED(storageKey)
    Q_UNUSED(out)
    return false;
#endif
}
