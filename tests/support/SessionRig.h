#pragma once

#include "api/NetworkAccess.h"
#include "auth/Accounts.h"
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

// The accounts of `config`'s server, as the window has them: listed (load()), not yet restored.
// With no list written, the first is the account in the slot an earlier version used.
struct AccountsRig
{
    explicit AccountsRig(const Configuration &config)
        : accounts(config, &network)
    {
        accounts.load();
    }
    Session &first() { return *accounts.sessions().first(); }
    NetworkAccess network;
    Accounts accounts;
};
