#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;

// One window per user, its second half: the conversation between launches. The one instance
// (it holds the InstanceLock) listens on a local socket in the user's runtime folder
// (XDG_RUNTIME_DIR: private to them); a later launch connects, asks it to show its window, waits
// for the answer and leaves. A socket left behind by a crashed instance is taken over. The
// command-line subcommands never come here.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // What a later launch asks of the first one.
    enum class Request {
        Activate, // show and raise the window
        Ping, // only make sure one runs (a start at login while the app already runs)
    };

    // `serverName` as InstanceLock's; empty: InstanceLock::defaultServerName().
    explicit SingleInstance(const QString &serverName = QString(), QObject *parent = nullptr);
    ~SingleInstance() override;

    QString serverName() const { return m_name; }

    enum class Answer {
        Answered, // the one instance said yes
        NoAnswer, // it holds the lock, but did not answer in time (errorString())
        Gone, // it went away meanwhile (`gone` said so): this launch may be the one instance
    };

    // The one instance, holding the lock: listens for later launches. False when the socket
    // cannot be opened, or another program answers on it (errorString()).
    bool listen();
    // A later launch, finding the lock held: asks the one instance, which may still be starting
    // and not listen yet, so it asks again until `timeoutMs`, and between tries asks `gone`
    // whether the one instance went away (it crashed, or quit). Synchronous: the launch has
    // nothing else to do meanwhile.
    Answer ask(Request request, const std::function<bool()> &gone = {}, int timeoutMs = 10000);
    // Why listen() or ask() failed, for the person.
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
    bool m_activationPending = false;
    QString m_error;
};
