#pragma once

#include <QString>

#include <functional>

// What a request to WebinarGeek's API carries: an OAuth access token (`Authorization: Bearer`)
// or a personal API key (`Api-Token`).
struct Credential
{
    enum class Kind { None, Bearer, ApiKey };
    Kind kind = Kind::None;
    QString value;

    bool isValid() const { return kind != Kind::None && !value.isEmpty(); }
};

// Hands the API client a usable credential, and a new one after the API refused one. Session
// is the provider: it refreshes tokens, shares one refresh among all who wait, and marks a
// refused API key.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;

    // `error` is empty when `credential` can be used.
    using Done = std::function<void(const Credential &credential, const QString &error)>;

    // A credential that should still be valid: refreshed first when it has expired.
    virtual void credential(const Done &done) = 0;
    // The API answered 401 to `rejected`: a renewed one (a refreshed token), or an error.
    virtual void credentialRejected(const Credential &rejected, const Done &done) = 0;
};
