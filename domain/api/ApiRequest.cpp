#include "ApiRequest.h"

#include "NetworkAccess.h"
#include "WebinarGeekClient.h"
#include "config/OutsideText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace {

// The text of a field's value where it goes into the query.
QString queryText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::String:
        return value.toString();
    default:
        return QString(); // null
    }
}

// `first` and `second` as two sentences: the server's message may end without a full stop.
QString sentences(const QString &first, const QString &second)
{
    if (second.isEmpty())
        return first;
    static const QRegularExpression ended(QStringLiteral("[.!?]$"));
    return first + (ended.match(first).hasMatch() ? QLatin1String(" ") : QLatin1String(". ")) + second;
}

// The server's own message in an error answer, when it gives one as WebinarGeek does.
QString serverMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const QLatin1String key :
         {QLatin1String("message"), QLatin1String("error_description"), QLatin1String("error")}) {
        const QString text = OutsideText::printable(object.value(key).toString());
        if (!text.isEmpty())
            return text;
    }
    return QString();
}

// Valid JSON text indented as QJsonDocument would, but from the server's own bytes: QJsonDocument
// sorts the keys and rounds integers past 2^53 (ids), and a person should see what came.
QByteArray indentedJson(const QByteArray &json)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    QByteArray out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newLine = [&] { out += '\n' + QByteArray(depth * 4, ' '); };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isSpace(c))
            continue; // the server's own layout gives way to ours
        if (c == '{' || c == '[') {
            // An empty one stays on its line: {} or [].
            qsizetype next = i + 1;
            while (next < json.size() && isSpace(json.at(next)))
                ++next;
            const char close = c == '{' ? '}' : ']';
            out += c;
            if (next < json.size() && json.at(next) == close) {
                out += close;
                i = next;
            } else {
                ++depth;
                newLine();
            }
        } else if (c == '}' || c == ']') {
            --depth;
            newLine();
            out += c;
        } else if (c == ',') {
            out += c;
            newLine();
        } else if (c == ':') {
            out += ": ";
        } else {
            out += c;
            inString = c == '"';
        }
    }
    return out + '\n';
}

} // namespace

QByteArray ApiRequest::Result::statusLine() const
{
    return (http2 ? QByteArray("HTTP/2 ") : QByteArray("HTTP/1.1 ")) + QByteArray::number(status)
        + (reason.isEmpty() ? QByteArray() : ' ' + reason);
}

ApiRequest::ApiRequest(const QUrl &apiUrl, QNetworkAccessManager *network, CredentialProvider *provider,
                       QObject *parent)
    : QObject(parent)
    , m_apiUrl(apiUrl)
    , m_network(network)
    , m_provider(provider)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    // Not a coarse timer, which may fire up to 5% early: the server asked for at least this long.
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        // The credential is asked for again: a wait may outlast the access token.
        m_provider->credential([this](const Credential &credential, const QString &error) {
            if (!error.isEmpty())
                finishLocally(error);
            else
                send(credential, !m_renewed);
        });
    });
}

QUrl ApiRequest::resolve(const QUrl &apiUrl, const QString &path, QString *error)
{
    static const QRegularExpression absolute(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (absolute.match(path).hasMatch()) {
        const QUrl url = QUrl(path, QUrl::StrictMode).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
        if (!NetworkAccess::isSameOrigin(apiUrl, url)) {
            *error = url.isValid() && !url.host().isEmpty()
                ? tr("%1 is not the API's address (%2): the credential is sent only there.")
                      .arg(NetworkAccess::hostOf(url), NetworkAccess::hostOf(apiUrl))
                : tr("That is not an address of the API (%1): the credential is sent only there.")
                      .arg(NetworkAccess::hostOf(apiUrl));
            return QUrl();
        }
        return url;
    }
    const qsizetype hash = path.indexOf(QLatin1Char('#'));
    const QString rest = hash < 0 ? path : path.left(hash);
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QString query = question < 0 ? QString() : rest.mid(question + 1);
    QString relative = question < 0 ? rest : rest.left(question);
    // `api account` and `api /account` both mean {API URL}/account; "//host" is no way out.
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QUrl url = WebinarGeekClient::endpoint(apiUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment),
                                           QLatin1Char('/') + relative);
    if (question >= 0)
        url.setQuery(query, QUrl::TolerantMode);
    if (!url.isValid()) {
        *error = tr("The path is not a valid address: %1").arg(url.errorString());
        return QUrl();
    }
    return url;
}

std::optional<ApiRequest::Field> ApiRequest::parseField(const QString &argument, bool typed, QString *error)
{
    const qsizetype equals = argument.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        // Not repeated back: the value may be a secret.
        *error = typed ? tr("-F takes name=value; one has no name or no \"=\".")
                       : tr("-f takes name=value; one has no name or no \"=\".");
        return std::nullopt;
    }
    Field field {argument.left(equals), QJsonValue(argument.mid(equals + 1))};
    if (!typed)
        return field;
    const QString text = argument.mid(equals + 1);
    static const QRegularExpression number(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    bool isInteger = false;
    const qint64 integer = text.toLongLong(&isInteger);
    if (text == QLatin1String("true") || text == QLatin1String("false")) {
        field.value = text == QLatin1String("true");
    } else if (text == QLatin1String("null")) {
        field.value = QJsonValue::Null;
    } else if (number.match(text).hasMatch()) {
        // Whole numbers stay exact (ids can pass 2^53).
        field.value = isInteger ? QJsonValue(integer) : QJsonValue(text.toDouble());
    } else if (text.startsWith(QLatin1Char('@'))) {
        const std::optional<QByteArray> content = readFile(text.mid(1), error);
        if (!content)
            return std::nullopt;
        field.value = QString::fromUtf8(*content);
    }
    return field;
}

std::optional<QByteArray> ApiRequest::readFile(const QString &name, QString *error)
{
    QFile file(name);
    const bool isStdin = name == QLatin1String("-");
    const QString shown = isStdin ? QStringLiteral("stdin") : name; // "- is larger…" says nothing
    const bool opened = isStdin ? file.open(fileno(stdin), QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        *error = tr("Cannot read %1: %2.").arg(shown, file.errorString());
        return std::nullopt;
    }
    // To the end: one read of a pipe returns only what the writer has written so far.
    QByteArray content;
    while (content.size() <= kMaxInputBytes) {
        const QByteArray chunk = file.read(kMaxInputBytes + 1 - content.size());
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                *error = tr("Cannot read %1: %2.").arg(shown, file.errorString());
                return std::nullopt;
            }
            break;
        }
        content += chunk;
    }
    if (content.size() > kMaxInputBytes) {
        *error = tr("%1 is larger than 16 MiB.").arg(shown);
        return std::nullopt;
    }
    return content;
}

std::optional<QPair<QByteArray, QByteArray>> ApiRequest::parseHeader(const QString &argument, QString *error)
{
    const qsizetype colon = argument.indexOf(QLatin1Char(':'));
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    const QString name = argument.left(std::max<qsizetype>(colon, 0)).trimmed();
    const QString value = argument.mid(colon + 1).trimmed();
    if (colon <= 0 || !token.match(name).hasMatch() || value.contains(QLatin1Char('\r'))
        || value.contains(QLatin1Char('\n'))) {
        *error = tr("-H takes \"Name: value\" on one line.");
        return std::nullopt;
    }
    if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("Api-Token"), Qt::CaseInsensitive) == 0) {
        *error = tr("-H %1: the stored credential is sent by itself; give none on the command line.").arg(name);
        return std::nullopt;
    }
    return QPair<QByteArray, QByteArray>(name.toLatin1(), value.toUtf8());
}

std::optional<qint64> ApiRequest::retryAfterSeconds(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds);
    // An HTTP date (RFC 9110): "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.secsTo(at));
}

QByteArray ApiRequest::forTerminal(const QByteArray &body)
{
    QJsonParseError parseError;
    QJsonDocument::fromJson(body, &parseError); // only whether it is JSON: indentedJson() keeps the bytes
    const QByteArray text = parseError.error == QJsonParseError::NoError ? indentedJson(body) : body;
    QByteArray shown;
    for (const QByteArray &line : text.split('\n'))
        shown += OutsideText::printable(QString::fromUtf8(line)).toUtf8() + '\n';
    while (shown.endsWith("\n\n"))
        shown.chop(1);
    return shown == "\n" ? QByteArray() : shown;
}

QByteArray ApiRequest::method() const
{
    if (!m_method.isEmpty())
        return m_method.toLatin1();
    return m_fields.isEmpty() && !m_body ? QByteArray("GET") : QByteArray("POST");
}

void ApiRequest::start(const QString &path)
{
    QString error;
    m_url = resolve(m_apiUrl, path, &error);
    if (m_url.isEmpty()) {
        finishLocally(error);
        return;
    }
    // The fields go in the query for GET, and when the body is given as it is; otherwise they
    // are the JSON body.
    if (!m_fields.isEmpty() && (method() == "GET" || method() == "HEAD" || m_body)) {
        // Encoded here, every character that is not unreserved: QUrlQuery would send "+" as it is
        // (a space to the server) and take "%25" as already encoded.
        QByteArray query = m_url.query(QUrl::FullyEncoded).toLatin1();
        for (const Field &field : std::as_const(m_fields)) {
            if (!query.isEmpty())
                query += '&';
            query += QUrl::toPercentEncoding(field.name) + '=' + QUrl::toPercentEncoding(queryText(field.value));
        }
        m_url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    } else if (!m_fields.isEmpty()) {
        QJsonObject object;
        for (const Field &field : std::as_const(m_fields))
            object.insert(field.name, field.value);
        m_body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    m_provider->credential([this](const Credential &credential, const QString &error) {
        if (!error.isEmpty())
            finishLocally(error);
        else
            send(credential, true);
    });
}

void ApiRequest::send(const Credential &credential, bool mayRenew)
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "application/json");
    if (m_body)
        request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : std::as_const(m_headers))
        request.setRawHeader(name, value);
    Headers shown;
    for (const QByteArray &name : request.rawHeaderList())
        shown.append({name, request.rawHeader(name)});
    shown.append(credential.kind == Credential::Kind::ApiKey
                     ? qMakePair(QByteArray("Api-Token"), QByteArray("(hidden)"))
                     : qMakePair(QByteArray("Authorization"), QByteArray("Bearer (hidden)")));
    WebinarGeekClient::attachCredential(&request, credential);
    // Qt copies every header, the credential's too, into the request that follows a redirect.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setAttribute(NetworkAccess::kMaxReplyBytesAttribute, kMaxAnswerBytes);
    const QByteArray verb = method();
    emit sending(verb, m_url, shown);
    QNetworkReply *reply = nullptr;
    if (verb == "GET" && !m_body)
        reply = m_network->get(request);
    else if (verb == "HEAD" && !m_body)
        reply = m_network->head(request);
    else // with a body, empty if need be, so that it carries a Content-Length
        reply = m_network->sendCustomRequest(request, verb, m_body.value_or(QByteArray()));
    WebinarGeekClient::followSameOriginOnly(reply, m_url);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, credential, mayRenew] { answered(reply, credential, mayRenew); });
}

void ApiRequest::answered(QNetworkReply *reply, const Credential &credential, bool mayRenew)
{
    reply->deleteLater();
    Result result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    result.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    result.headers = reply->rawHeaderPairs();
    // NetworkAccess holds the answer to kMaxAnswerBytes; read(max) would reserve that much.
    result.body = reply->isOpen() ? reply->readAll() : QByteArray();
    qCInfo(lcApi).noquote() << "api:" << method() << m_url.path() << "->" << result.status;

    const QUrl refused = WebinarGeekClient::refusedRedirect(reply);
    if (!refused.isEmpty()) {
        ApiError error {ApiError::Kind::Redirected, result.status,
                        tr("The credential is sent only to %1, not to %2.")
                            .arg(NetworkAccess::hostOf(m_url), NetworkAccess::hostOf(refused))};
        result.error = error.message();
        finish(result);
        return;
    }
    if (NetworkAccess::isTooLarge(reply)) {
        finishLocally(tr("The answer is larger than 256 MiB."));
        return;
    }
    if (result.status == 0) {
        const bool timedOut =
            reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError;
        const ApiError error {timedOut ? ApiError::Kind::NoAnswer : ApiError::Kind::NetworkError, 0,
                              OutsideText::printable(reply->errorString())};
        finishLocally(error.message());
        return;
    }
    if (result.status >= 200 && result.status < 300) {
        finish(result);
        return;
    }
    const QString server = serverMessage(result.body);
    result.error = sentences(tr("The WebinarGeek API answered HTTP %1.").arg(result.status), server);
    const QUrl target = result.status >= 300 && result.status < 400 ? NetworkAccess::redirectTarget(reply) : QUrl();
    if (m_body && !target.isEmpty()) {
        // Qt follows a redirect of a request with a body only when the body can be sent again,
        // and ours goes out once (NetworkAccess): say so, rather than leave a bare 307.
        result.error = tr("The WebinarGeek API redirected to %1; a request with a body is not sent again.")
                           .arg(OutsideText::printable(target.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded)));
    }
    if (result.status == 401 && mayRenew) {
        m_renewed = true;
        if (credential.kind == Credential::Kind::ApiKey)
            checkApiKey(result, credential);
        else
            renew(result, credential);
        return;
    }
    if (result.status == 429 || result.status == 503) {
        const std::optional<qint64> wait =
            retryAfterSeconds(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        if (wait) {
            // At least a second: "Retry-After: 0" must not make a loop of requests.
            const qint64 seconds = std::max<qint64>(1, *wait);
            // No sum: a hostile Retry-After near the largest qint64 would overflow it.
            if (seconds <= m_maxWaitSeconds - m_waitedSeconds) {
                m_waitedSeconds += seconds;
                emit waiting(result.status, seconds);
                m_retryTimer->start(int(std::min<qint64>(seconds, std::numeric_limits<int>::max() / 1000) * 1000));
                return;
            }
            result.error = sentences(result.error,
                                     tr("It asks to wait %1 s more, past the limit of --max-wait (%2 s).")
                                         .arg(seconds)
                                         .arg(m_maxWaitSeconds));
        }
    }
    finish(result);
}

// A 401 to one resource says nothing yet about an API key, which has no renewal: the account
// is asked with that key, as when it was added. Only when the account refuses it too is the key
// rejected (and the connection ended); otherwise the 401 is that resource's answer.
void ApiRequest::checkApiKey(const Result &result, const Credential &credential)
{
    auto *client = new WebinarGeekClient(m_apiUrl, m_network, this);
    client->fetchAccount(credential, [this, client, result, credential](const Account &, const ApiError &error) {
        client->deleteLater();
        if (error.kind == ApiError::Kind::Unauthorized)
            renew(result, credential);
        else
            finish(result);
    });
}

// One renewed credential and one retry; a second 401 is the answer.
void ApiRequest::renew(const Result &result, const Credential &credential)
{
    // A token that could not be renewed (the network, the keychain, a sign-in that ended) leaves
    // nothing to send: a problem on this side. A key the account refused too is the server's
    // answer.
    const bool local = credential.kind != Credential::Kind::ApiKey;
    m_provider->credentialRejected(credential, [this, result, local](const Credential &renewed, const QString &error) {
        if (error.isEmpty()) {
            send(renewed, false);
            return;
        }
        Result failed = result;
        failed.error = sentences(failed.error, error);
        failed.local = local;
        finish(failed);
    });
}

void ApiRequest::finishLocally(const QString &error)
{
    Result result;
    result.error = error;
    result.local = true;
    finish(result);
}

void ApiRequest::finish(const Result &result)
{
    emit finished(result);
}
