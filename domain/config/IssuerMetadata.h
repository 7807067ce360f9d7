#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

struct Configuration;

// What an authorization server says about itself (RFC 8414, or OpenID Connect Discovery, which
// has the same fields): the endpoints the app uses, read only once every rule holds. Widget-free
// and network-free: IssuerDiscovery fetches the document, IssuerMetadataCache keeps it.
struct IssuerMetadata
{
    Q_DECLARE_TR_FUNCTIONS(IssuerMetadata)
public:
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // empty: the server offers none
    QUrl source; // the address the document was read from
    QDateTime fetchedAt; // UTC
    QByteArray document; // the document as the server sent it, for the cache

    // Read again after this long, so a server that moves its endpoints is followed.
    static constexpr qint64 kFreshSeconds = 24 * 3600;

    bool isEmpty() const { return tokenEndpoint.isEmpty(); }
    // Older than kFreshSeconds, or fetched "in the future" (the clock was changed).
    bool isStaleAt(const QDateTime &now) const;

    // Where to ask, in order: RFC 8414's /.well-known/oauth-authorization-server (inserted
    // before the issuer's path, §3.1), then OpenID Connect's /.well-known/openid-configuration
    // (appended to it), which most servers that speak OpenID Connect answer.
    static QList<QUrl> wellKnownUrls(const QUrl &issuer);

    struct Parsed;
    // Reads `document`, fetched from `source`, as the metadata of `issuer`. Refused, with a
    // sentence naming the address and the rule: not a JSON object, an `issuer` other than the
    // configured one (compared exactly, RFC 8414 §3.3), no S256 in
    // `code_challenge_methods_supported`, a missing authorization or token endpoint, an endpoint
    // the https rule refuses (Configuration::problemWith()).
    static Parsed parse(const QByteArray &document, const QUrl &issuer, const QUrl &source);

    // Fills in the endpoints `config` leaves empty: an endpoint set one by one wins.
    void applyTo(Configuration *config) const;
};

struct IssuerMetadata::Parsed
{
    IssuerMetadata metadata; // empty when refused
    QString problem;
    // Not a JSON object at all: a captive portal's page, say, rather than the issuer's metadata,
    // so it says nothing about the issuer.
    bool notAnObject = false;
};
