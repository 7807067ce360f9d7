#include "SingleInstance.h"

#include "DesktopLog.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QMetaMethod>
#include <QStandardPaths>
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

} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_name(serverName.isEmpty() ? defaultServerName() : serverName)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultServerName()
{
#ifdef Q_OS_UNIX
    // The runtime folder belongs to the user alone (0700), so the socket is per user and no one
    // else can reach it.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("webinargeek-connect.socket"));
#endif
    return QStringLiteral("webinargeek-connect-%1").arg(qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER")));
}

SingleInstance::Role SingleInstance::claim(Request request, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // Two launches at the same moment must not both find no server and both listen (the second
    // would delete the first one's socket): the check and the listen happen under a lock.
    const QString lockPath = QFileInfo(m_name).isAbsolute() ? m_name + QStringLiteral(".lock")
                                                            : QDir::temp().filePath(m_name + QStringLiteral(".lock"));
    QLockFile lock(lockPath);
    if (!lock.tryLock(int(qMax<qint64>(0, deadline.remainingTime())))) {
        m_error = tr("Another start of WebinarGeek Connect is holding %1.").arg(lockPath);
        m_role = Role::NoAnswer;
        return m_role;
    }

    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (socket.waitForConnected(int(qMax<qint64>(0, deadline.remainingTime())))) {
        socket.write((request == Request::Activate ? kActivate : kPing) + '\n');
        socket.waitForBytesWritten(int(qMax<qint64>(0, deadline.remainingTime())));
        while (!socket.canReadLine() && socket.waitForReadyRead(int(qMax<qint64>(0, deadline.remainingTime())))) { }
        if (socket.canReadLine() && socket.readLine(kMaximumLine).trimmed() == kOk) {
            qCInfo(lcDesktop) << "Another instance runs; asked it to"
                              << (request == Request::Activate ? "show its window" : "stay");
            m_role = Role::Secondary;
            return m_role;
        }
        m_error = tr("WebinarGeek Connect is already running but does not answer.");
        m_role = Role::NoAnswer;
        return m_role;
    }

    // Nobody listens: either no socket, or one a crashed instance left behind. Take it over.
    if (QFileInfo::exists(m_name))
        qCInfo(lcDesktop) << "Taking over a socket no instance answers on:" << m_name;
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        m_error = tr("Could not listen on %1: %2").arg(m_name, m_server->errorString());
        delete m_server;
        m_server = nullptr;
        m_role = Role::NotListening;
        return m_role;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::answer);
    qCInfo(lcDesktop) << "The one instance, listening on" << m_name;
    m_role = Role::Primary;
    return m_role;
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
