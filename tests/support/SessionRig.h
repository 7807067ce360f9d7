#pragma once

#include "api/NetworkAccess.h"
#include "auth/Session.h"
#include "config/Configuration.h"
#include "storage/TokenStore.h"

// One app's worth of session parts for a test: its network access, its keychain entries for
// `config`, and the Session over them, with the system clock.
struct SessionRig
{
    explicit SessionRig(const Configuration &config)
        : store(config.storageKey())
        , session(config, &network, &store)
    { }
    NetworkAccess network;
    TokenStore store;
    Session session;
};
