#pragma once

#include "IssuerMetadata.h"

#include <QString>

// The issuer's metadata as last read, with the time it was read, in a file of its own under the
// user's cache folder (~/.cache/WebinarGeek/issuer-metadata.json): endpoints are no secret, and
// the settings file stays the person's. One issuer at a time; another issuer's entry is ignored.
//
// What is read back is checked by IssuerMetadata::parse() again, so a file edited by hand gets
// no further than the server's answer would.
class IssuerMetadataCache
{
public:
    explicit IssuerMetadataCache(const QString &fileName = defaultPath());

    // The stored metadata of `issuer`, stale or not; empty when there is none that passes.
    IssuerMetadata read(const QUrl &issuer) const;
    // False when the file could not be written (the app then asks again at the next start).
    bool write(const IssuerMetadata &metadata) const;
    // An endpoint the metadata of `issuer` named failed: the next resolveConfiguration() asks the
    // server again. The entry stays, as a stale one, for when the server cannot be reached. False,
    // and nothing changes, when the file holds another issuer's metadata (or none).
    bool markStale(const QUrl &issuer) const;

    static QString defaultPath();

private:
    QString m_fileName;
};
