#pragma once

#include "Credential.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// One request a person sends to WebinarGeek's API by hand (`webinargeek-connect api PATH`, after
// `gh api`): to an address of the API's own origin, with the stored credential attached. A 401
// gets one renewed credential and one retry (an API key, which cannot be renewed, is first
// checked on the account: only a key refused there too is marked rejected); a 429 or 503 with
// Retry-After is waited out and sent again while the waiting stays within the limit. Redirects
// are followed within the API's origin only, as WebinarGeekClient does. What comes back is
// handed over as it is: printing it is the command line's part.
class ApiRequest : public QObject
{
    Q_OBJECT
public:
    // A parameter: `-f name=value` (always a string) or `-F name=value` (typed).
    struct Field
    {
        QString name;
        QJsonValue value;
    };

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Result
    {
        int status = 0; // 0: no answer
        QByteArray reason; // the status line's reason phrase
        bool http2 = false;
        Headers headers;
        QByteArray body;
        // Why the request failed, for a person: empty for a 2xx. Server text in it is printable.
        QString error;
        // A problem on this side (not signed in, the credential, the network, a refused
        // address), as opposed to the server's answer.
        bool local = false;

        bool succeeded() const { return error.isEmpty(); }
        // 0 for a 2xx, 1 for an HTTP error, 2 for a local problem.
        int exitCode() const { return succeeded() ? 0 : local ? 2 : 1; }
        // "HTTP/1.1 200 OK", as the answer's first line read.
        QByteArray statusLine() const;
    };

    static constexpr int kDefaultMaxWaitSeconds = 60;
    // The most a body given with --input (or a field's @file) may hold.
    static constexpr qint64 kMaxInputBytes = 16 * 1024 * 1024;
    // The largest answer handed over. Far above the app's own cap (NetworkAccess, 1 MiB): the
    // body is the person's to have unchanged, and this only keeps memory bounded.
    static constexpr qint64 kMaxAnswerBytes = 256 * 1024 * 1024;

    ApiRequest(const QUrl &apiUrl, QNetworkAccessManager *network, CredentialProvider *provider,
               QObject *parent = nullptr);

    // Empty: GET, or POST when there are fields or a body (as `gh api`).
    void setMethod(const QString &method) { m_method = method.toUpper(); }
    void setFields(const QList<Field> &fields) { m_fields = fields; }
    // Extra request headers; they replace the defaults of the same name (Accept, Content-Type).
    void setHeaders(const Headers &headers) { m_headers = headers; }
    // The request body as it is (--input); the fields then go in the query.
    void setBody(const QByteArray &body) { m_body = body; }
    // How long, in all, the request may wait for Retry-After.
    void setMaxWaitSeconds(int seconds) { m_maxWaitSeconds = seconds; }

    // Sends it. finished() follows once, also when nothing could be sent.
    void start(const QString &path);

    // The address `path` stands for: relative to `apiUrl` (with or without a leading slash, a
    // query allowed), or an absolute http(s) URL of the API's origin. Empty with `error` set
    // for any other origin.
    static QUrl resolve(const QUrl &apiUrl, const QString &path, QString *error);
    // `name=value` of -f (`typed` false) or -F (`typed`: true, false, null, numbers, and
    // @file for a file's content, @- for stdin). Nothing, with `error` set, when it is not one.
    static std::optional<Field> parseField(const QString &argument, bool typed, QString *error);
    // A file's content (--input, a field's @file), or stdin's for "-"; at most kMaxInputBytes.
    static std::optional<QByteArray> readFile(const QString &name, QString *error);
    // `Name: value` of -H. Refused for the credential's headers: the stored credential is sent.
    static std::optional<QPair<QByteArray, QByteArray>> parseHeader(const QString &argument, QString *error);
    // Seconds a Retry-After value asks to wait (delay-seconds or an HTTP date); nothing when it
    // cannot be read.
    static std::optional<qint64> retryAfterSeconds(const QByteArray &value, const QDateTime &now);
    // The body as a terminal shows it: JSON pretty-printed, and every line plain text
    // (OutsideText), since a terminal obeys what the server's text may carry.
    static QByteArray forTerminal(const QByteArray &body);

signals:
    // A request goes out now (for --verbose): its method, address and the headers set here, the
    // credential's by name only: its value is never handed out.
    void sending(const QByteArray &method, const QUrl &url, const ApiRequest::Headers &headers);
    // A 429 or 503 asked to wait; the request goes out again after `seconds`.
    void waiting(int status, qint64 seconds);
    void finished(const ApiRequest::Result &result);

private:
    void send(const Credential &credential, bool mayRenew);
    void answered(QNetworkReply *reply, const Credential &credential, bool mayRenew);
    void checkApiKey(const Result &result, const Credential &credential);
    void renew(const Result &result, const Credential &credential);
    void finish(const Result &result);
    void finishLocally(const QString &error);
    QByteArray method() const;

    QUrl m_apiUrl;
    QNetworkAccessManager *m_network;
    CredentialProvider *m_provider;
    QString m_method;
    QList<Field> m_fields;
    Headers m_headers;
    std::optional<QByteArray> m_body;
    int m_maxWaitSeconds = kDefaultMaxWaitSeconds;
    qint64 m_waitedSeconds = 0;
    bool m_renewed = false; // one renewal per command, waits included
    QUrl m_url;
    QTimer *m_retryTimer;

    Q_DISABLE_COPY(ApiRequest)
};
