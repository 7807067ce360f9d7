#include "SingleInstance.h"

#include "DesktopLog.h"
#include "InstanceLock.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMetaMethod>
#include <QThread>
#include <QTimer>

#include <utility>

namespace {

const QByteArray kActivate = QByteArrayLiteral("activate");
const QByteArray kPing = QByteArrayLiteral("ping");
const QByteArray kOk = QByteArrayLiteral("ok");
// A request is one short line; anything longer is not one of ours.
constexpr qint64 kMaximumLine = 64;
// A client that connects and says nothing is dropped after this long.
constexpr int kClientTimeoutMs = 5000;
// How often a later launch knocks while the one instance is still starting.
constexpr unsigned long kAskAgainMs = 50;
// A program on the socket answers its connection at once; a left-over socket refuses at once.
constexpr int kProbeMs = 500;

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_name(serverName.isEmpty() ? InstanceLock::defaultServerName() : serverName)
{ }

SingleInstance::~SingleInstance() = default;

SingleInstance::Answer SingleInstance::ask(Request request, const std::function<bool()> &gone, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto remaining = [&deadline] { return int(qMax<qint64>(0, deadline.remainingTime())); };
    QLocalSocket socket;
    while (!deadline.hasExpired()) {
        socket.connectToServer(m_name);
        if (socket.waitForConnected(remaining())) {
            socket.write((request == Request::Activate ? kActivate : kPing) + '\n');
            socket.waitForBytesWritten(remaining());
            while (!socket.canReadLine() && socket.waitForReadyRead(remaining())) { }
            if (socket.canReadLine() && socket.readLine(kMaximumLine).trimmed() == kOk) {
                qCInfo(lcDesktop) << "Another instance runs; asked it to"
                                  << (request == Request::Activate ? "show its window" : "stay");
                return Answer::Answered;
            }
            socket.abort();
        }
        // No socket yet (the one instance is still starting), one a crashed instance left, or
        // one that closed without answering (it is quitting).
        if (gone && gone())
            return Answer::Gone;
        QThread::msleep(kAskAgainMs);
    }
    m_error = tr("WebinarGeek Connect is already running but does not answer.");
    return Answer::NoAnswer;
}

bool SingleInstance::listen()
{
    // Whoever holds the lock may take the name, unless a program still answers on it (an instance
    // of a version without the lock): a socket nobody answers on was left by a crashed instance.
    if (QFileInfo::exists(m_name)) {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(kProbeMs)) {
            m_error = tr("Another program answers on %1.").arg(m_name);
            return false;
        }
        qCInfo(lcDesktop) << "Taking over a socket no instance answers on:" << m_name;
    }
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        m_error = tr("Could not listen on %1: %2").arg(m_name, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::answer);
    qCInfo(lcDesktop) << "The one instance, listening on" << m_name;
    return true;
}

void SingleInstance::answer()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        QTimer::singleShot(kClientTimeoutMs, client, [client] { client->abort(); });
        connect(client, &QLocalSocket::readyRead, this, [this, client] {
            if (!client->canReadLine()) {
                if (client->bytesAvailable() > kMaximumLine)
                    client->abort();
                return;
            }
            const QByteArray line = client->readLine(kMaximumLine).trimmed();
            if (line != kActivate && line != kPing) {
                client->abort();
                return;
            }
            client->write(kOk + '\n');
            client->disconnectFromServer(); // after the answer is written
            if (line != kActivate)
                return;
            // Nobody listens yet while the app is still starting: keep the request for it.
            if (isSignalConnected(QMetaMethod::fromSignal(&SingleInstance::activationRequested)))
                emit activationRequested();
            else
                m_activationPending = true;
        });
    }
}

bool SingleInstance::takePendingActivation()
{
    return std::exchange(m_activationPending, false);
}
