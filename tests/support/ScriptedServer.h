#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

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
    QByteArray raw; // the request's bytes as they arrived, head and body
    int connection = 0; // which connection it came on: 1 for the server's first, and so on

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
    // What becomes of the connection: closed after the answer (the default), kept open for the
    // next request, or ended without any answer, with a FIN (HangUp) or an RST (Reset).
    enum class Ending { Close, KeepAlive, HangUp, Reset };

    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool silent = false;
    Ending ending = Ending::Close;

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
    // Reads the request, then closes the connection without a word (FIN).
    static HttpAnswer hangUp()
    {
        HttpAnswer answer;
        answer.ending = Ending::HangUp;
        return answer;
    }
    // Reads the request, then resets the connection (RST).
    static HttpAnswer reset()
    {
        HttpAnswer answer;
        answer.ending = Ending::Reset;
        return answer;
    }
    // A redirect to `location`.
    static HttpAnswer redirect(int status, const QUrl &location)
    {
        HttpAnswer answer = of(status, "text/html", "<a href=\"" + location.toEncoded() + "\">moved</a>");
        return answer.withHeader("Location", location.toEncoded());
    }
    // Answers and keeps the connection open for the next request (HTTP/1.1 keep-alive).
    HttpAnswer &keptAlive()
    {
        ending = Ending::KeepAlive;
        return *this;
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
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        if (ending != Ending::KeepAlive)
            bytes += "Connection: close\r\n";
        return bytes + "\r\n" + body;
    }

private:
    QByteArray reason() const
    {
        switch (status) {
        case 200:
            return "OK";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 307:
            return "Temporary Redirect";
        case 308:
            return "Permanent Redirect";
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

// Closes `socket` with an RST instead of a FIN (linger 0), as a server or a middlebox that drops
// a connection does.
inline void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const linger hard {1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    socket->abort();
}

// A tiny HTTP/1.1 server on 127.0.0.1 (or another loopback address: 127.0.0.2 plays a foreign
// host) whose answers the test writes: a token endpoint or an API that misbehaves in ways the
// sandbox will not, or a proxy in front of the sandbox that counts. Every request is recorded.
// One request per connection (it answers "Connection: close") unless an answer is keptAlive().
//
// Header-only and without Q_OBJECT (no signals or slots of its own), so any test can include it.
class ScriptedServer : public QObject
{
public:
    // Call it now or later (a proxy answers once its upstream did).
    using Answer = std::function<void(const HttpAnswer &)>;
    using Handler = std::function<void(const HttpRequest &, const Answer &)>;

    explicit ScriptedServer(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
    {
        m_server.listen(address, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                auto buffer = std::make_shared<QByteArray>();
                const int connection = ++m_connections;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, connection] {
                    *buffer += socket->readAll();
                    HttpRequest request;
                    const qsizetype used = parse(*buffer, &request);
                    if (used == 0)
                        return;
                    request.raw = buffer->left(used);
                    request.connection = connection;
                    buffer->clear(); // nothing is pipelined to this server
                    m_requests.append(request);
                    const QPointer<QTcpSocket> guarded(socket);
                    m_handler(request, [guarded](const HttpAnswer &answer) {
                        if (!guarded || answer.silent)
                            return;
                        switch (answer.ending) {
                        case HttpAnswer::Ending::Close:
                            guarded->write(answer.toBytes());
                            guarded->disconnectFromHost();
                            break;
                        case HttpAnswer::Ending::KeepAlive:
                            guarded->write(answer.toBytes());
                            break;
                        case HttpAnswer::Ending::HangUp:
                            guarded->disconnectFromHost();
                            break;
                        case HttpAnswer::Ending::Reset:
                            resetConnection(guarded);
                            break;
                        }
                    });
                });
            }
        });
    }

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    QUrl url(const QString &path) const
    {
        const QString host = address().protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(address().toString())
            : address().toString();
        return QUrl(QStringLiteral("http://%1:%2%3").arg(host).arg(port()).arg(path));
    }
    // How many connections were opened to it so far.
    int connections() const { return m_connections; }
    // Closes every connection that is still open (a kept-alive one, say), as a server does
    // when its keep-alive timeout runs out.
    void closeConnections()
    {
        for (QTcpSocket *socket : findChildren<QTcpSocket *>())
            socket->disconnectFromHost();
    }

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
    // A whole request (head and Content-Length body): the bytes it took, or 0 for "not yet".
    static qsizetype parse(const QByteArray &buffer, HttpRequest *out)
    {
        const int headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return 0;
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
            return 0;
        out->body = buffer.mid(headEnd + 4, length);
        return headEnd + 4 + length;
    }

    QTcpServer m_server;
    Handler m_handler = [](const HttpRequest &, const Answer &reply) { reply(HttpAnswer::json(404, "{}")); };
    QList<HttpRequest> m_requests;
    int m_connections = 0;
};
