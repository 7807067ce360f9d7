#pragma once

#include "config/Preferences.h"

#include <functional>

class QObject;

// Start-up, for the command line and the window alike: the configuration with its client secret
// and, when an issuer is set, the endpoints its metadata names (cached for a day; see
// IssuerMetadataCache). When the metadata cannot be used, Configuration::issuerProblem says why
// and problems() reports it: nothing stored is touched.
// WEBINARGEEK_CLIENT_SECRET wins; otherwise, when the settings file says one is stored, it is read
// from the keychain (and Configuration::clientSecretInKeychain is set, so the session reads it
// again when this read failed). The keychain is touched only then: reading it costs start-up time.
// `done` is called once (at once when nothing is read or fetched), and not at all when `context` was deleted
// meanwhile; `problem` says why a stored secret could not be read.
// `status` reads the keychain only: with EndpointLookup::CacheOnly the issuer's endpoints come
// from the cached copy, however old, and the server is never asked.
enum class EndpointLookup { Network, CacheOnly };
using ConfigurationLoaded = std::function<void(const Configuration &config, const QString &problem)>;
void resolveConfiguration(const Preferences &preferences, QObject *context, const ConfigurationLoaded &done,
                          EndpointLookup lookup = EndpointLookup::Network);

// The endpoints part of it alone, for `config` as the settings give it: filled in from the
// issuer's metadata (the fresh copy, or the server's), or Configuration::issuerProblem set. The
// running window reads the metadata again with it (IssuerRefresh).
void discoverEndpoints(const Configuration &config, QObject *context,
                       const std::function<void(const Configuration &config)> &done);
