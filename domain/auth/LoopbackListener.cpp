#include "LoopbackListener.h"

#include "AuthLog.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

bool RedirectRequest::parse(const QByteArray &head, RedirectRequest *out)
{
    const int lineEnd = head.indexOf("\r\n");
    const QByteArray requestLine = lineEnd < 0 ? head : head.left(lineEnd);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1."))
        return false;
    const QByteArray &method = parts.at(0);
    if (method.isEmpty())
        return false;
    for (const char c : method) {
        if (c < 'A' || c > 'Z')
            return false;
    }
    const QByteArray &target = parts.at(1);
    if (!target.startsWith('/'))
        return false;
    const int q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    const QByteArray rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
    for (const char c : target) {
        // Control characters and non-ASCII bytes have no place in a request target.
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            return false;
    }
    out->method = method;
    out->path = QUrl::fromPercentEncoding(rawPath);
    out->query = QUrlQuery(QString::fromLatin1(rawQuery));
    return true;
}

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent)
{
    m_server.setMaxPendingConnections(kMaxConnections);
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackListener::acceptConnections);
}

LoopbackListener::~LoopbackListener()
{
    close();
}

bool LoopbackListener::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void LoopbackListener::close()
{
    if (m_droppedCount > 0) {
        qCInfo(lcAuth) << "Loopback listener: closed" << m_droppedCount
                       << "connections that kept it full without sending a request";
        m_droppedCount = 0;
    }
    m_server.close();
    const auto sockets = m_reading.keys() + m_waiting.values();
    m_reading.clear();
    m_waiting.clear();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
}

bool LoopbackListener::isListening() const
{
    return m_server.isListening();
}

quint16 LoopbackListener::port() const
{
    return m_server.serverPort();
}

QString LoopbackListener::errorString() const
{
    return m_server.errorString();
}

QAbstractSocket::SocketError LoopbackListener::serverError() const
{
    return m_server.serverError();
}

void LoopbackListener::setHeadTimeout(std::chrono::milliseconds timeout)
{
    m_headTimeout = timeout;
}

std::chrono::milliseconds LoopbackListener::headTimeout() const
{
    return m_headTimeout;
}

int LoopbackListener::connectionCount() const
{
    return int(m_reading.size() + m_waiting.size());
}

void LoopbackListener::acceptConnections()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Turning the newest connection away would let whoever holds the slots keep the browser
        // out for good. Closing the oldest that has not sent its request cannot be gamed:
        // sending bytes does not make a connection younger, and the browser's connection is
        // the newest when it arrives and sends its whole head at once.
        if (connectionCount() >= kMaxConnections)
            dropOldestReading();
        if (connectionCount() >= kMaxConnections) {
            // Every slot holds a complete request for the owner to answer; none is dropped.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        m_reading.insert(socket, Reading {++m_acceptedCount, QByteArray()});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_reading.remove(socket);
            for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
                if (it.value() == socket) {
                    m_waiting.erase(it);
                    break;
                }
            }
        });
        // A connection that does not complete its head in time gives its slot up. The time is
        // counted from the accept, not from the last byte, so trickling a byte now and then
        // buys nothing.
        QTimer::singleShot(m_headTimeout, socket, [this, socket] {
            if (m_reading.remove(socket)) {
                socket->abort();
                socket->deleteLater();
            }
        });
        readFrom(socket);
    }
}

void LoopbackListener::dropOldestReading()
{
    auto oldest = m_reading.end();
    for (auto it = m_reading.begin(); it != m_reading.end(); ++it) {
        if (oldest == m_reading.end() || it->accepted < oldest->accepted)
            oldest = it;
    }
    if (oldest == m_reading.end())
        return;
    QTcpSocket *socket = oldest.key();
    m_reading.erase(oldest);
    if (m_droppedCount++ == 0)
        qCInfo(lcAuth) << "Loopback listener: full; closing the oldest connections that have not sent a request";
    socket->abort();
    socket->deleteLater();
}

void LoopbackListener::readFrom(QTcpSocket *socket)
{
    auto it = m_reading.find(socket);
    if (it == m_reading.end())
        return;
    QByteArray &buffer = it->head;
    buffer.append(socket->read(kMaxHeadBytes + 1 - buffer.size()));
    const int headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > kMaxHeadBytes) {
            m_reading.erase(it);
            write(socket, 431, QByteArrayLiteral("Request header fields too large"));
        }
        return; // wait for the rest of the head, however it is split
    }
    const QByteArray head = buffer.left(headEnd);
    m_reading.erase(it);

    RedirectRequest request;
    if (!RedirectRequest::parse(head, &request)) {
        qCInfo(lcAuth) << "Loopback listener: ignored a request that is not HTTP";
        write(socket, 400, QByteArrayLiteral("Bad request"));
        return;
    }
    const quint64 id = m_nextId++;
    m_waiting.insert(id, socket);
    emit requestReceived(id, request);
}

void LoopbackListener::respond(quint64 id, int status, const QByteArray &html)
{
    QTcpSocket *socket = m_waiting.take(id);
    if (socket)
        write(socket, status, html);
}

void LoopbackListener::respondToAll(int status, const QByteArray &html)
{
    const auto ids = m_waiting.keys();
    for (const quint64 id : ids)
        respond(id, status, html);
}

void LoopbackListener::write(QTcpSocket *socket, int status, const QByteArray &html)
{
    QByteArray reason;
    switch (status) {
    case 200:
        reason = "OK";
        break;
    case 400:
        reason = "Bad Request";
        break;
    case 404:
        reason = "Not Found";
        break;
    case 405:
        reason = "Method Not Allowed";
        break;
    case 409:
        reason = "Conflict";
        break;
    case 431:
        reason = "Request Header Fields Too Large";
        break;
    default:
        reason = "Error";
        break;
    }
    QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    reply += "Content-Type: text/html; charset=utf-8\r\n";
    reply += "Content-Length: " + QByteArray::number(html.size()) + "\r\n";
    // The page is about this one attempt: never cache it, and let it load nothing from elsewhere.
    reply += "Cache-Control: no-store\r\n";
    reply += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:\r\n";
    reply += "Referrer-Policy: no-referrer\r\n";
    reply += "Connection: close\r\n\r\n";
    reply += html;
    socket->write(reply);
    // The page is handed to the kernel now, so it reaches the browser even when the owner
    // closes the listener or the process ends right after answering.
    socket->flush();
    socket->setParent(nullptr);
    socket->disconnectFromHost();
}
