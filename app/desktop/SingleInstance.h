#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One window per user. The first launch listens on a local socket in the user's runtime folder
// (XDG_RUNTIME_DIR: private to them); a later launch connects, asks it to show its window, waits
// for the answer and leaves. A socket left behind by a crashed first launch answers nobody and
// is taken over. The command-line subcommands never come here.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role {
        Primary, // this process listens: it is the one instance
        Secondary, // another instance answered and was asked to show itself
        NoAnswer, // another instance holds the socket (or the lock) but does not answer
        NotListening, // nobody else runs, but the socket could not be opened: alone, unreachable
    };
    Q_ENUM(Role)

    // What a later launch asks of the first one.
    enum class Request {
        Activate, // show and raise the window
        Ping, // only make sure one runs (a start at login while the app already runs)
    };

    // `serverName` is a socket path (or, off Unix, a pipe name); empty: defaultServerName().
    explicit SingleInstance(const QString &serverName = QString(), QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultServerName();
    QString serverName() const { return m_name; }

    // Decides the role, synchronously: it runs at start-up before the event loop and anything
    // heavy exists, and a launch that is not the one instance has nothing else to do meanwhile.
    // The wait is generous: at login the first instance may be busy starting.
    Role claim(Request request = Request::Activate, int timeoutMs = 10000);
    Role role() const { return m_role; }
    // Why claim() failed, for the person.
    QString errorString() const { return m_error; }
    // A later launch asked for the window before anyone listened for activationRequested (the
    // one instance was still starting). True once; then false until it happens again.
    bool takePendingActivation();

signals:
    // A later launch asked the one instance to show its window.
    void activationRequested();

private:
    void answer();

    QString m_name;
    QLocalServer *m_server = nullptr;
    Role m_role = Role::NotListening;
    bool m_activationPending = false;
    QString m_error;
};
