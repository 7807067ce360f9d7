#include "IssuerMetadata.h"

#include "Configuration.h"
#include "OutsideText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The server's words in a sentence for a person: printable, and not a page long.
QString quoted(const QString &text)
{
    const QString line = OutsideText::printable(text);
    return line.size() > 200 ? line.left(200) + QChar(0x2026) : line;
}

} // namespace

bool IssuerMetadata::isStaleAt(const QDateTime &now) const
{
    // A few minutes of clock adjustment are no reason to ask again.
    return !fetchedAt.isValid() || fetchedAt.secsTo(now) > kFreshSeconds || now.secsTo(fetchedAt) > 300;
}

QList<QUrl> IssuerMetadata::wellKnownUrls(const QUrl &issuer)
{
    QString path = issuer.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QUrl rfc8414 = issuer.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    rfc8414.setPath(QLatin1String("/.well-known/oauth-authorization-server") + path);
    QUrl openId = issuer.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    openId.setPath(path + QLatin1String("/.well-known/openid-configuration"));
    return {rfc8414, openId};
}

IssuerMetadata::Parsed IssuerMetadata::parse(const QByteArray &document, const QUrl &issuer, const QUrl &source)
{
    Parsed result;
    const QString where = source.toDisplayString();
    const QJsonDocument json = QJsonDocument::fromJson(document);
    if (!json.isObject()) {
        result.problem = tr("The server's metadata at %1 is not a JSON object. Check the issuer URL.").arg(where);
        result.notAnObject = true;
        return result;
    }
    const QJsonObject object = json.object();
    // Exactly as configured, character for character: metadata that names another issuer may
    // be another server's, served to send the sign-in elsewhere (RFC 8414 §3.3).
    const QString named = object.value(QLatin1String("issuer")).toString();
    if (named != issuer.toString()) {
        result.problem = tr("The server's metadata at %1 names the issuer \"%2\", not \"%3\" as configured. The "
                            "issuer URL must match the server's exactly.")
                             .arg(where, quoted(named), issuer.toString());
        return result;
    }
    QStringList methods;
    for (const QJsonValue &method : object.value(QLatin1String("code_challenge_methods_supported")).toArray())
        methods << method.toString();
    if (!methods.contains(QLatin1String("S256"))) {
        result.problem = methods.isEmpty()
            ? tr("The server at %1 does not offer PKCE (its metadata lists no code_challenge_methods_supported). "
                 "The app signs in only with PKCE's S256 method.")
                  .arg(issuer.toDisplayString())
            : tr("The server at %1 does not offer PKCE's S256 method (it offers %2). The app signs in only with "
                 "S256.")
                  .arg(issuer.toDisplayString(), quoted(methods.join(QLatin1String(", "))));
        return result;
    }

    IssuerMetadata metadata;
    metadata.issuer = issuer;
    metadata.source = source;
    metadata.document = document;
    const struct
    {
        const char *field;
        Setting setting;
        QUrl *url;
        bool required;
    } endpoints[] = {
        {"authorization_endpoint", Setting::AuthorizeUrl, &metadata.authorizationEndpoint, true},
        {"token_endpoint", Setting::TokenUrl, &metadata.tokenEndpoint, true},
        {"revocation_endpoint", Setting::RevokeUrl, &metadata.revocationEndpoint, false},
    };
    for (const auto &endpoint : endpoints) {
        const QString text = object.value(QLatin1String(endpoint.field)).toString().trimmed();
        if (text.isEmpty()) {
            if (!endpoint.required)
                continue;
            //: %2 is a field name such as token_endpoint.
            result.problem = tr("The server's metadata at %1 names no %2.").arg(where, QLatin1String(endpoint.field));
            return result;
        }
        *endpoint.url = QUrl(text, QUrl::StrictMode);
        const QString problem = Configuration::problemWith(endpoint.setting, *endpoint.url);
        if (!problem.isEmpty()) {
            //: %1 is an address; %2 a whole sentence saying what is wrong with an endpoint it names.
            result.problem =
                tr("The server's metadata at %1 names an endpoint the app does not use: %2").arg(where, problem);
            return result;
        }
    }
    result.metadata = metadata;
    return result;
}

void IssuerMetadata::applyTo(Configuration *config) const
{
    if (config->authorizeUrl.isEmpty())
        config->authorizeUrl = authorizationEndpoint;
    if (config->tokenUrl.isEmpty())
        config->tokenUrl = tokenEndpoint;
    if (config->revokeUrl.isEmpty())
        config->revokeUrl = revocationEndpoint;
}
