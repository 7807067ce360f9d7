#include "QuickLookup.h"

#include "StoredSession.h"
#include "TokenStoreNames.h"

#include <QByteArray>
#include <QString>

#ifdef WGC_HAVE_LIBSECRET
// libsecret's headers use `signals` as a name, which Qt defines as a keyword.
#undef signals
#include <libsecret/secret.h>

#include <dlfcn.h>

namespace {

// libsecret is loaded here, when a quick answer is wanted, not linked: linked, it and GIO and
// libgcrypt would be mapped and relocated at every start of the window too, which never uses
// them from here. Only its types come from the headers.
struct LibSecret
{
    using LookupSync = gchar *(*)(const SecretSchema *, GCancellable *, GError **, ...);
    using PasswordFree = void (*)(gchar *);
    using ErrorFree = void (*)(GError *);
    LookupSync lookupSync = nullptr;
    PasswordFree passwordFree = nullptr;
    ErrorFree errorFree = nullptr;

    bool load()
    {
        // Never unloaded: GLib keeps threads and type registrations that outlive any call.
        void *library = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!library)
            return false;
        lookupSync = reinterpret_cast<LookupSync>(dlsym(library, "secret_password_lookup_sync"));
        passwordFree = reinterpret_cast<PasswordFree>(dlsym(library, "secret_password_free"));
        errorFree = reinterpret_cast<ErrorFree>(dlsym(library, "g_error_free")); // from its GLib
        return lookupSync && passwordFree && errorFree;
    }
};

} // namespace
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
    LibSecret libsecret;
    if (!libsecret.load())
        return false; // the full app reads it through Keychain, or says why it cannot
    GError *error = nullptr;
    gchar *secret = libsecret.lookupSync(&schema, nullptr, &error, "user", user.constData(), "server",
                                         server.constData(), "type", "base64", nullptr);
    if (error) {
        libsecret.errorFree(error);
        return false;
    }
    if (!secret)
        return false;
    const QByteArray json = QByteArray::fromBase64(QByteArray(secret));
    libsecret.passwordFree(secret);
    return StoredSession::fromJson(json, out);
#else
    Q_UNUSED(storageKey)
    Q_UNUSED(out)
    return false;
#endif
}
