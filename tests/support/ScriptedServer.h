#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <memory>

// One request as the server read it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name.toLower())
                return value;
        }
        return QByteArray();
    }
    QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
};

// What the server answers; `silent` reads the request and never answers.
struct HttpAnswer
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool silent = false;

    static HttpAnswer json(int status, const QByteArray &body)
    {
        HttpAnswer answer;
        answer.status = status;
        answer.body = body;
        return answer;
    }
    static HttpAnswer of(int status, const QByteArray &contentType, const QByteArray &body)
    {
        HttpAnswer answer;
        answer.status = status;
        answer.contentType = contentType;
        answer.body = body;
        return answer;
    }
    static HttpAnswer never()
    {
        HttpAnswer answer;
        answer.silent = true;
        return answer;
    }
    HttpAnswer &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }

    QByteArray toBytes() const
    {
        QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason() + "\r\n";
        if (!contentType.isEmpty())
            bytes += "Content-Type: " + contentType + "\r\n";
        for (const auto &[name, value] : headers)
            bytes += name + ": " + value + "\r\n";
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        return bytes + body;
    }

private:
    QByteArray reason() const
    {
        switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }
};

// A tiny HTTP/1.1 server on 127.0.0.1 whose answers the test writes: a token endpoint or an API
// that misbehaves in ways the sandbox will not, or a proxy in front of the sandbox that counts.
// Every request is recorded. One request per connection (it answers "Connection: close").
//
// Header-only and without Q_OBJECT (no signals or slots of its own), so any test can include it.
class ScriptedServer : public QObject
{
public:
    // Call it now or later (a proxy answers once its upstream did).
    using Answer = std::function<void(const HttpAnswer &)>;
    using Handler = std::function<void(const HttpRequest &, const Answer &)>;

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    HttpRequest request;
                    if (!parse(*buffer, &request))
                        return;
                    buffer->clear();
                    m_requests.append(request);
                    const QPointer<QTcpSocket> guarded(socket);
                    m_handler(request, [guarded](const HttpAnswer &answer) {
                        if (!guarded || answer.silent)
                            return;
                        guarded->write(answer.toBytes());
                        guarded->disconnectFromHost();
                    });
                });
            }
        });
    }

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path)); }

    void setHandler(const Handler &handler) { m_handler = handler; }
    void answerAlways(const HttpAnswer &answer)
    {
        m_handler = [answer](const HttpRequest &, const Answer &reply) { reply(answer); };
    }
    // One answer per request, in order; the last one repeats.
    void answerInTurn(const QList<HttpAnswer> &answers)
    {
        auto next = std::make_shared<int>(0);
        m_handler = [answers, next](const HttpRequest &, const Answer &reply) {
            reply(answers.at(std::min<int>(*next, answers.size() - 1)));
            ++*next;
        };
    }

    const QList<HttpRequest> &requests() const { return m_requests; }

private:
    // A whole request (head and Content-Length body) or false for "not yet".
    static bool parse(const QByteArray &buffer, HttpRequest *out)
    {
        const int headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        out->method = requestLine.value(0);
        out->target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const int colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            out->headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return false;
        out->body = buffer.mid(headEnd + 4, length);
        return true;
    }

    QTcpServer m_server;
    Handler m_handler = [](const HttpRequest &, const Answer &reply) { reply(HttpAnswer::json(404, "{}")); };
    QList<HttpRequest> m_requests;
};
