// CommandRunner's login: in the browser (with the address pasted back from a remote shell) or
// with an API key, and what is typed at the terminal (the pasted address, switch's choice).

#include "CommandRunner.h"

#include "StatusReport.h"
#include "auth/Accounts.h"
#include "auth/Session.h"

#include <QFile>
#include <QSocketNotifier>
#include <QUrlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <termios.h>
#include <unistd.h>

// Reads the API key from stdin: typed at a prompt with echo off, or piped in by a script.
QString CommandRunner::readApiKey()
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        std::fputs(qPrintable(tr("API key (input hidden): ")), stderr);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    QByteArray key;
    if (terminal) {
        char line[4096];
        if (std::fgets(line, sizeof line, stdin))
            key = QByteArray(line);
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
        std::memset(line, 0, sizeof line);
    } else {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            key = in.read(64 * 1024);
    }
    return QString::fromUtf8(key).trimmed();
}

void CommandRunner::loginWithApiKey()
{
    m_session->signInWithApiKey(readApiKey());
}

// Every account was restored (restoreAll()).
void CommandRunner::login()
{
    // A new account, or the one signed in again: Accounts lists it as the active one once it is in.
    if (m_accounts)
        m_session = m_accounts->newAccount();
    connect(m_session, &Session::signInFinished, this, [this](const AuthError &error) {
        if (error.isError()) {
            printError(error.message());
            // Exit 2, as for status and token: the configuration or the keychain must be fixed
            // before signing in can work.
            const bool local = error.kind == AuthError::Kind::Configuration || error.kind == AuthError::Kind::Keychain;
            done(local ? UsageError : Failure);
            return;
        }
        printErr(StatusReport::accountLine(m_session->stored()));
        if (m_accounts && !m_accounts->sessions().contains(m_session)) {
            // Stored, but no command would find it by name, nor make it active.
            printError(tr("The account could not be added to the list of accounts: %1").arg(m_accounts->listError()));
            if (m_session->slot().isEmpty()) {
                // Where an earlier version kept its session: found there once the list can be written.
                done(UsageError);
                return;
            }
            // In a slot of its own nothing would ever find it: signed out again, not left behind.
            connect(m_session, &Session::signOutFinished, this, [this] {
                printErr(tr("It was signed out again; sign in once the list can be written."));
                done(UsageError);
            });
            m_session->signOut();
            return;
        }
        QStringList others;
        for (const Session *session : sessions()) {
            const QString name = nameOf(session);
            if (session != m_session && !name.isEmpty()
                && m_accounts->entry(session).email.compare(m_session->stored().email, Qt::CaseInsensitive) != 0)
                others << name;
        }
        if (!others.isEmpty())
            printErr(tr("It is the active account now. Still signed in: %1.").arg(others.join(QLatin1String("; "))));
        done(Success);
    });
    if (m_commandLine.apiKey()) {
        loginWithApiKey();
        return;
    }
    if (refusedConfiguration())
        return;
    connect(m_session, &Session::authorizationUrlReady, this, [this](const QUrl &url) {
        const int minutes = m_commandLine.timeoutSeconds() / 60;
        const int seconds = m_commandLine.timeoutSeconds() % 60;
        const QString timeLeft = QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
        if (m_commandLine.noBrowser()) {
            printErr(tr("Open this address in a browser to sign in (times out in %1):").arg(timeLeft));
            printOut(url.toString(QUrl::FullyEncoded).toUtf8());
            offerPaste(url);
            return;
        }
        if (m_openBrowser(url)) {
            printErr(tr("Your browser has been opened to sign in. If it did not open, visit:"));
        } else {
            printErr(tr("Could not open a browser. Open this address yourself to sign in:"));
        }
        printErr(url.toString(QUrl::FullyEncoded));
        printErr(tr("Waiting for the browser (times out in %1)…").arg(timeLeft));
    });
    m_session->signIn(m_commandLine.timeoutSeconds(), m_commandLine.port());
}

// Over SSH the browser runs on another computer and its redirect to 127.0.0.1 goes nowhere: it
// shows a page that cannot connect, whose address holds the code. On a terminal that address
// can be pasted here while the listener waits too; the first of the two wins. A script's stdin
// is left alone, and so is the terminal of a login started in the background (`login &`):
// reading it would stop the whole process, listener and all (SIGTTIN).
void CommandRunner::offerPaste(const QUrl &authorizationUrl)
{
    if (!mayAskTerminal())
        return;
    m_redirectUri = QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    printErr(tr("If the browser runs on another computer, it ends on a page that cannot connect to %1. "
                "Copy that page's whole address from the browser's address bar, paste it here and press Enter:")
                 .arg(m_redirectUri));
    readLines([this](const QByteArray &line) { takePaste(line); });
    connect(m_session, &Session::signInRedirectTaken, this, [this] {
        if (!m_terminal || m_takingPaste)
            return;
        stopReading();
        printErr(tr("The browser came back to this computer; no address needs to be pasted."));
    });
}

// Whether stdin is a terminal this process may read: not a script's stdin, and not the terminal
// of a command started in the background, which reading would stop (SIGTTIN).
bool CommandRunner::mayAskTerminal()
{
    if (!isatty(STDIN_FILENO))
        return false;
    const pid_t foreground = tcgetpgrp(STDIN_FILENO); // -1: a terminal but not ours, read freely
    return foreground == -1 || foreground == getpgrp();
}

void CommandRunner::readLines(const std::function<void(const QByteArray &)> &takeLine)
{
    m_takeLine = takeLine;
    m_terminal = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_terminal, &QSocketNotifier::activated, this, &CommandRunner::readTerminal);
}

void CommandRunner::readTerminal()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        // End of input (Ctrl+D) or a terminal that went away: a sign-in's listener still waits; a
        // choice is not made.
        stopReading();
        if (m_inputEnded)
            m_inputEnded();
        return;
    }
    m_typed.append(buffer, int(n));
    int end;
    while (m_terminal && (end = m_typed.indexOf('\n')) >= 0) {
        const QByteArray line = m_typed.left(end).trimmed();
        m_typed.remove(0, end + 1);
        m_takeLine(line);
    }
    // A terminal hands over one line at a time, at most a few KiB; anything longer is no answer.
    if (m_typed.size() > 64 * 1024)
        m_typed.clear();
}

void CommandRunner::takePaste(const QByteArray &line)
{
    if (line.isEmpty())
        return;
    // Taking the address announces the redirect before the verdict is back.
    m_takingPaste = true;
    const RedirectVerdict verdict = m_session->takePastedRedirect(QString::fromUtf8(line));
    m_takingPaste = false;
    if (verdict == RedirectVerdict::Taken) {
        // An address that carries the server's error (a denial) has ended the attempt already.
        const bool exchanging = m_terminal != nullptr;
        stopReading();
        if (exchanging)
            printErr(tr("Address received; finishing sign-in…"));
        return;
    }
    // Never repeated back: the text may be anything, a secret pasted in the wrong place included.
    printError(pasteRefusal(verdict, m_redirectUri));
    if (verdict == RedirectVerdict::NotWaiting) {
        stopReading();
        return;
    }
    printErr(tr("Paste the address again, or wait for the browser:"));
}

QString CommandRunner::pasteRefusal(RedirectVerdict verdict, const QString &redirectUri)
{
    switch (verdict) {
    case RedirectVerdict::NotAnAddress:
        return tr("That is not a web address. Copy the whole address from the browser's address bar; it starts "
                  "with %1")
            .arg(redirectUri);
    case RedirectVerdict::WrongAddress:
        return tr("That address does not lead to this sign-in, which waits at %1").arg(redirectUri);
    case RedirectVerdict::NotGet:
    case RedirectVerdict::WrongPath:
        return tr("That address has another path than this sign-in's address, %1").arg(redirectUri);
    case RedirectVerdict::WrongState:
        return tr("That address belongs to another sign-in: its state does not match this one. Open the address "
                  "printed above, and paste the address the browser ends on then.");
    case RedirectVerdict::NotWaiting:
        return tr("This sign-in no longer waits for an address.");
    case RedirectVerdict::Taken:
        break;
    }
    return QString();
}

void CommandRunner::stopReading()
{
    if (!m_terminal)
        return;
    m_terminal->setEnabled(false);
    std::exchange(m_terminal, nullptr)->deleteLater();
    m_typed.clear();
}
