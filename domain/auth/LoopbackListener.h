#pragma once

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrlQuery>

#include <chrono>

class QTcpSocket;

// One request the browser sent to the loopback redirect address.
struct RedirectRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QUrlQuery query; // values still percent-encoded; read them with QUrl::FullyDecoded

    // Parses a request head ("GET /?a=b HTTP/1.1\r\nHost: …\r\n\r\n"). False for anything else.
    static bool parse(const QByteArray &head, RedirectRequest *out);
};

// The browser's side of the loopback redirect: an HTTP listener on 127.0.0.1 that reads whole
// request heads however they arrive, and answers each with a page chosen by its owner.
//
// Qt's own listener (QOAuthHttpServerReplyHandler in 6.4) answers nothing when a request's
// headers arrive in more than one TCP segment, and matches the callback path by prefix
// (fixed in 6.7.2): defects 9 and 10 in docs/qt-6.4-workarounds.md. This one does neither.
//
// Any local process can connect too, so no one can hold the door shut: a connection gets
// kHeadTimeout from its accept to send a whole request head (trickling bytes buys no time),
// and when kMaxConnections are open a new connection closes the oldest one still sending
// its head, instead of being turned away itself.
class LoopbackListener : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    // Binds 127.0.0.1 on `port`, or on a free port when it is 0. Never any other interface.
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;
    QAbstractSocket::SocketError serverError() const;

    // Answers request `id` (from requestReceived) and closes its connection.
    void respond(quint64 id, int status, const QByteArray &html);
    // Answers every request still waiting for an answer.
    void respondToAll(int status, const QByteArray &html);

    // How long a connection may take, from its accept, to send a complete request head. Applies
    // to connections accepted from then on; tests shorten it.
    void setHeadTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds headTimeout() const;
    // Connections open now: those still sending their head and those waiting for respond().
    int connectionCount() const;

    static constexpr int kMaxHeadBytes = 16 * 1024;
    static constexpr int kMaxConnections = 32;
    // A browser sends its head at once, in milliseconds on the loopback; a few seconds leave
    // room for a machine under load.
    static constexpr std::chrono::milliseconds kHeadTimeout {5000};

signals:
    // A complete request. The owner must call respond(id, …), now or later.
    void requestReceived(quint64 id, const RedirectRequest &request);

private:
    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void dropOldestReading();
    void write(QTcpSocket *socket, int status, const QByteArray &html);

    // A connection whose request head is not complete yet.
    struct Reading
    {
        quint64 accepted = 0; // the order in which connections were accepted
        QByteArray head;
    };

    QTcpServer m_server;
    QHash<QTcpSocket *, Reading> m_reading;
    QHash<quint64, QTcpSocket *> m_waiting;
    quint64 m_nextId = 1;
    quint64 m_acceptedCount = 0;
    quint64 m_droppedCount = 0;
    std::chrono::milliseconds m_headTimeout = kHeadTimeout;
};
