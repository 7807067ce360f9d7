#include "CommandRunner.h"

#include "StatusReport.h"
#include "api/ApiRequest.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrlQuery>

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <termios.h>
#include <unistd.h>

CommandRunner::CommandRunner(const CommandLine &commandLine, Session *session, BrowserOpener openBrowser,
                             QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_session(session)
    , m_openBrowser(std::move(openBrowser))
{ }

bool CommandRunner::openWithSystemBrowser(const QUrl &url)
{
#if defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
#endif
}

void CommandRunner::start()
{
    const QString command = m_commandLine.command();
    if (command == QLatin1String("login"))
        login();
    else if (command == QLatin1String("status"))
        status();
    else if (command == QLatin1String("token"))
        token();
    else if (command == QLatin1String("logout"))
        logout();
    else if (command == QLatin1String("api"))
        api();
}

void CommandRunner::done(int exitCode)
{
    stopPaste();
    emit finished(exitCode);
}

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

void CommandRunner::login()
{
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
    if (!isatty(STDIN_FILENO))
        return;
    const pid_t foreground = tcgetpgrp(STDIN_FILENO); // -1: a terminal but not ours, read freely
    if (foreground != -1 && foreground != getpgrp())
        return;
    m_redirectUri = QUrlQuery(authorizationUrl).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    printErr(tr("If the browser runs on another computer, it ends on a page that cannot connect to %1. "
                "Copy that page's whole address from the browser's address bar, paste it here and press Enter:")
                 .arg(m_redirectUri));
    m_paste = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_paste, &QSocketNotifier::activated, this, &CommandRunner::readPaste);
    connect(m_session, &Session::signInRedirectTaken, this, [this] {
        if (!m_paste || m_takingPaste)
            return;
        stopPaste();
        printErr(tr("The browser came back to this computer; no address needs to be pasted."));
    });
}

void CommandRunner::readPaste()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        // End of input (Ctrl+D) or a terminal that went away: the listener still waits.
        stopPaste();
        return;
    }
    m_pasted.append(buffer, int(n));
    int end;
    while (m_paste && (end = m_pasted.indexOf('\n')) >= 0) {
        const QByteArray line = m_pasted.left(end).trimmed();
        m_pasted.remove(0, end + 1);
        if (!line.isEmpty())
            takePaste(line);
    }
    // A terminal hands over one line at a time, at most a few KiB; anything longer is no address.
    if (m_pasted.size() > 64 * 1024)
        m_pasted.clear();
}

void CommandRunner::takePaste(const QByteArray &line)
{
    // Taking the address announces the redirect before the verdict is back.
    m_takingPaste = true;
    const RedirectVerdict verdict = m_session->takePastedRedirect(QString::fromUtf8(line));
    m_takingPaste = false;
    if (verdict == RedirectVerdict::Taken) {
        // An address that carries the server's error (a denial) has ended the attempt already.
        const bool exchanging = m_paste != nullptr;
        stopPaste();
        if (exchanging)
            printErr(tr("Address received; finishing sign-in…"));
        return;
    }
    // Never repeated back: the text may be anything, a secret pasted in the wrong place included.
    printError(pasteRefusal(verdict, m_redirectUri));
    if (verdict == RedirectVerdict::NotWaiting) {
        stopPaste();
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

void CommandRunner::stopPaste()
{
    if (!m_paste)
        return;
    m_paste->setEnabled(false);
    std::exchange(m_paste, nullptr)->deleteLater();
    m_pasted.clear();
}

// A configuration that cannot work is named and ends the command with exit 2: `status` and
// `token` would otherwise look up a session under a key that means nothing and say "not signed
// in". An API key needs the API's address only, so a stored key is judged by that alone (after
// restore()); login judges the whole configuration before it starts. `status --json` still
// prints its JSON, with the problems as its error.
bool CommandRunner::refusedConfiguration()
{
    const Configuration &config = m_session->configuration();
    const QStringList problems = m_session->stored().isApiKey() ? config.apiKeyProblems() : config.problems();
    if (problems.isEmpty())
        return false;
    const bool json = m_commandLine.command() == QLatin1String("status") && m_commandLine.json();
    StatusReport::reportProblems(problems, json, config.clientId, config.tokenUrl.toString(QUrl::RemoveUserInfo));
    done(UsageError);
    return true;
}

void CommandRunner::status()
{
    connect(m_session, &Session::restoreFinished, this, [this] {
        if (refusedConfiguration())
            return;
        const Session::State state = m_session->state();
        StatusReport report;
        report.state = state == Session::State::SignedIn ? StatusReport::State::SignedIn
            : state == Session::State::SignedOut         ? StatusReport::State::SignedOut
                                                         : StatusReport::State::Error;
        report.session = m_session->stored();
        report.error = m_session->lastError().isError() ? m_session->lastError().message() : QString();
        report.clientId = m_session->configuration().clientId;
        report.tokenUrl = m_session->configuration().tokenUrl.toString(QUrl::RemoveUserInfo);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_commandLine.json()) {
            printOut(report.toJson(now));
        } else {
            for (const QString &line : report.toText(now))
                printErr(line);
        }
        done(report.exitCode());
    });
    m_session->restore();
}

void CommandRunner::token()
{
    connect(m_session, &Session::restoreFinished, this, [this] {
        if (refusedConfiguration())
            return;
        const Session::State state = m_session->state();
        if (state == Session::State::SignedOut) {
            printErr(tr("Not signed in. Run \"webinargeek-connect login\" to sign in."));
            done(Failure);
            return;
        }
        if (state != Session::State::SignedIn) {
            printError(m_session->lastError().message());
            done(state == Session::State::NeedsSignIn ? Failure : UsageError);
            return;
        }
        const StoredSession &stored = m_session->stored();
        if (stored.isFreshAt(QDateTime::currentDateTimeUtc())) {
            printOut(stored.accessToken.toUtf8());
            done(Success);
            return;
        }
        connect(m_session, &Session::refreshFinished, this, [this](const AuthError &error) {
            if (!error.isError()) {
                printOut(m_session->stored().accessToken.toUtf8());
                done(Success);
                return;
            }
            printError(error.message());
            if (error.isPermanent() || m_session->state() == Session::State::NeedsSignIn
                || m_session->state() == Session::State::SignedOut)
                printErr(tr("Sign in again with \"webinargeek-connect login\"."));
            // 2: something on this computer is in the way (the settings, the keychain, the
            // refresh lock), not the server's answer.
            using Kind = AuthError::Kind;
            const bool local = error.kind == Kind::Configuration || error.kind == Kind::Keychain
                || error.kind == Kind::RefreshLock || error.kind == Kind::RenewedNotSaved;
            done(local ? UsageError : Failure);
        });
        m_session->refresh();
    });
    m_session->restore();
}

void CommandRunner::logout()
{
    connect(m_session, &Session::signOutFinished, this, [this](const AuthError &error, const QString &warning) {
        if (!warning.isEmpty())
            printWarning(warning);
        if (error.isError()) {
            printError(error.message());
            done(UsageError);
            return;
        }
        printErr(tr("Signed out; nothing is stored any more."));
        done(Success);
    });
    m_session->signOut();
}

void CommandRunner::api()
{
    connect(m_session, &Session::restoreFinished, this, [this] {
        if (refusedConfiguration())
            return;
        const Session::State state = m_session->state();
        if (state == Session::State::SignedOut) {
            printError(tr("Not signed in. Run \"webinargeek-connect login\" to sign in."));
            done(UsageError);
            return;
        }
        if (state != Session::State::SignedIn) {
            printError(m_session->lastError().message());
            done(UsageError);
            return;
        }
        sendApiRequest();
    });
    m_session->restore();
}

// ApiRequest does the work; this only reads the arguments and stdin, and prints the answer.
void CommandRunner::sendApiRequest()
{
    auto *request = new ApiRequest(m_session->configuration().apiUrl, m_session->network(), m_session, this);
    QString error;
    QList<ApiRequest::Field> fields;
    const auto addFields = [&](const QStringList &arguments, bool typed) {
        for (const QString &argument : arguments) {
            const std::optional<ApiRequest::Field> field = ApiRequest::parseField(argument, typed, &error);
            if (!field)
                return false;
            fields.append(*field);
        }
        return true;
    };
    const QString input = m_commandLine.apiInput();
    // Stdin can be read once: it cannot be both the body and a field's value.
    if (input == QLatin1String("-")) {
        for (const QString &argument : m_commandLine.apiTypedFields()) {
            if (argument.section(QLatin1Char('='), 1) == QLatin1String("@-")) {
                printError(tr("--input - and -F %1=@- both read stdin, which can be read once; give one a file.")
                               .arg(argument.section(QLatin1Char('='), 0, 0)));
                done(UsageError);
                return;
            }
        }
    }
    ApiRequest::Headers headers;
    bool usable = addFields(m_commandLine.apiRawFields(), false) && addFields(m_commandLine.apiTypedFields(), true);
    for (const QString &argument : m_commandLine.apiHeaders()) {
        if (!usable)
            break;
        const auto header = ApiRequest::parseHeader(argument, &error);
        usable = header.has_value();
        if (usable)
            headers.append(*header);
    }
    if (usable && !input.isEmpty()) {
        const std::optional<QByteArray> body = ApiRequest::readFile(input, &error);
        usable = body.has_value();
        if (usable)
            request->setBody(*body);
    }
    if (!usable) {
        printError(error);
        done(UsageError);
        return;
    }
    request->setMethod(m_commandLine.apiMethod());
    request->setFields(fields);
    request->setHeaders(headers);
    request->setMaxWaitSeconds(m_commandLine.apiMaxWaitSeconds());
    if (m_commandLine.apiVerbose()) {
        connect(request, &ApiRequest::sending, this,
                [](const QByteArray &method, const QUrl &url, const ApiRequest::Headers &headers) {
                    printErr(QStringLiteral("> %1 %2").arg(QString::fromLatin1(method),
                                                           url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded)));
                    for (const auto &[name, value] : headers)
                        printErr(QStringLiteral("> %1: %2").arg(QString::fromLatin1(name), QString::fromUtf8(value)));
                });
    }
    connect(request, &ApiRequest::waiting, this, [](int status, qint64 seconds) {
        printErr(tr("The API is busy (HTTP %1): trying again in %2 s, as it asks.").arg(status).arg(seconds));
    });
    connect(request, &ApiRequest::finished, this, [this](const ApiRequest::Result &result) {
        if ((m_commandLine.apiInclude() || m_commandLine.apiVerbose()) && result.status != 0) {
            // The answer's headers; the request's (--verbose) went out above, the credential hidden.
            printErr(QString::fromLatin1(result.statusLine()));
            for (const auto &[name, value] : result.headers)
                printErr(QString::fromLatin1(name) + QLatin1String(": ") + QString::fromUtf8(value));
            printErr(QString());
        }
        if (!m_commandLine.apiSilent() && !result.body.isEmpty()) {
            // Unchanged for a script; pretty and plain text for a person at a terminal.
            const QByteArray shown = isatty(STDOUT_FILENO) ? ApiRequest::forTerminal(result.body) : result.body;
            std::fwrite(shown.constData(), 1, size_t(shown.size()), stdout);
            std::fflush(stdout);
        }
        if (!result.succeeded())
            printError(result.error);
        done(result.exitCode());
    });
    request->start(m_commandLine.apiPath());
}

void CommandRunner::printError(const QString &text)
{
    printErr(tr("error: %1").arg(text));
}

void CommandRunner::printWarning(const QString &text)
{
    printErr(tr("warning: %1").arg(text));
}
