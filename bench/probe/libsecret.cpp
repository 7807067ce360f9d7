// Reads one entry straight through libsecret's synchronous C API (as secret-tool does), from a
// program with a QCoreApplication: the floor for a Qt helper that skips qtkeychain and Qt D-Bus.
// libsecret is dlopened, like qtkeychain does, so no -dev package is needed to build this.
// Usage: probe-libsecret SERVICE KEY. Prints nothing; exit 0 when the entry was read.
#include <QCoreApplication>

#include <dlfcn.h>

namespace {

// The public layout of libsecret's SecretSchema (secret-schema.h), stable since libsecret 0.7.
struct SchemaAttribute {
    const char *name;
    int type; // SECRET_SCHEMA_ATTRIBUTE_STRING = 0
};
struct Schema {
    const char *name;
    int flags; // SECRET_SCHEMA_DONT_MATCH_NAME = 1 << 1
    SchemaAttribute attributes[32];
    int reserved;
    void *reserved1, *reserved2, *reserved3, *reserved4, *reserved5, *reserved6, *reserved7;
};
using LookupSync = char *(*)(const Schema *, void *cancellable, void **error, ...);
using PasswordFree = void (*)(char *);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    void *lib = dlopen("libsecret-1.so.0", RTLD_NOW);
    if (!lib)
        return 3;
    auto lookup = reinterpret_cast<LookupSync>(dlsym(lib, "secret_password_lookup_sync"));
    auto release = reinterpret_cast<PasswordFree>(dlsym(lib, "secret_password_free"));
    if (!lookup || !release)
        return 3;
    Schema schema{};
    schema.name = "org.qt.keychain";
    schema.flags = 1 << 1;
    schema.attributes[0] = {"user", 0};
    schema.attributes[1] = {"server", 0};
    void *error = nullptr;
    char *secret = lookup(&schema, nullptr, &error, "user", argv[2], "server", argv[1], nullptr);
    const int code = secret && *secret ? 0 : 1;
    if (secret)
        release(secret);
    return code;
}
