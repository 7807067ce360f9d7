#pragma once

#include "Sandbox.h" // waitFor(), WGC_APP_BINARY

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

// The command-line helper with its stdin on a pseudo-terminal, as in a person's SSH session.
// What is "typed" goes to the terminal's master side; stdout and stderr are pipes, read as they come.
class AppOnTerminal
{
public:
    explicit AppOnTerminal(const QProcessEnvironment &env) { m_process.setProcessEnvironment(env); }
    ~AppOnTerminal()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
        if (m_master >= 0)
            ::close(m_master);
        if (m_terminal >= 0)
            ::close(m_terminal);
    }

    bool start(const QStringList &arguments)
    {
        if (::openpty(&m_master, &m_terminal, nullptr, nullptr, nullptr) != 0)
            return false;
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
        const int terminal = m_terminal;
        m_process.setChildProcessModifier([terminal] {
            ::dup2(terminal, STDIN_FILENO);
            ::close(terminal);
        });
        m_process.start(QStringLiteral(WGC_APP_BINARY), arguments);
        return m_process.waitForStarted(10000);
    }

    // Types `line` and Enter, as a paste into the terminal does.
    void type(const QByteArray &line)
    {
        const QByteArray bytes = line + '\n';
        QCOMPARE(::write(m_master, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
    }

    // Waits until stderr holds `text` (from `from` on); false when it does not come in time.
    bool waitForErr(const QString &text, qsizetype from = 0, int ms = 15000)
    {
        return waitFor(
            [&] {
                collect();
                return m_err.indexOf(text, from) >= 0;
            },
            ms);
    }
    QString firstOutLine(int ms = 15000)
    {
        waitFor(
            [&] {
                collect();
                return m_out.contains('\n');
            },
            ms);
        return QString::fromUtf8(m_out.left(m_out.indexOf('\n')));
    }
    QString err()
    {
        collect();
        return m_err;
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    int finish(int ms = 30000)
    {
        if (!waitFor([this] { return !running(); }, ms))
            return -1;
        collect();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    void collect()
    {
        m_out += m_process.readAllStandardOutput();
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        char echo[4096];
        while (::read(m_master, echo, sizeof echo) > 0) { } // the terminal's echo; a full one would block
    }

    QProcess m_process;
    int m_master = -1;
    int m_terminal = -1;
    QByteArray m_out;
    QString m_err;
};
