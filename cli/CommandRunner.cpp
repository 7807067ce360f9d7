#include "CommandRunner.h"

#include "StatusReport.h"
#include "api/ApiRequest.h"
#include "auth/Accounts.h"
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

CommandRunner::CommandRunner(const CommandLine &commandLine, Accounts *accounts, BrowserOpener openBrowser,
                             QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_accounts(accounts)
    , m_openBrowser(std::move(openBrowser))
{ }

CommandRunner::CommandRunner(const CommandLine &commandLine, Session *session, BrowserOpener openBrowser,
                             QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_session(session)
    , m_openBrowser(std::move(openBrowser))
{ }

const Configuration &CommandRunner::configuration() const
{
    return m_accounts ? m_accounts->configuration() : m_session->configuration();
}

QList<Session *> CommandRunner::sessions() const
{
    if (!m_accounts)
        return m_session ? QList<Session *> {m_session} : QList<Session *>();
    QList<Session *> result = m_accounts->sessions();
    if (m_unlisted)
        result << m_unlisted;
    return result;
}

Session *CommandRunner::activeSession() const
{
    if (!m_accounts)
        return m_session;
    return m_accounts->active() ? m_accounts->active() : m_unlisted.data();
}

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
    // A new account takes the slot of an earlier version's session only once that is known to
    // be empty (Accounts::newAccount()): login too starts with every account restored.
    if (command == QLatin1String("login"))
        restoreAll([this] { login(); });
    else if (command == QLatin1String("status"))
        restoreAll([this] { status(); });
    else if (command == QLatin1String("token"))
        restoreChosen([this] { token(); });
    else if (command == QLatin1String("logout"))
        restoreAll([this] { logout(); });
    else if (command == QLatin1String("api"))
        restoreChosen([this] { api(); });
    else if (command == QLatin1String("switch"))
        restoreAll([this] { switchAccount(); });
}

bool CommandRunner::chooseAccount()
{
    if (!m_accounts)
        return true; // the one session it was given
    const QString query = m_commandLine.account();
    if (query.isEmpty()) {
        m_session = activeSession();
        return true;
    }
    QString error;
    m_session = m_accounts->find(query, &error);
    if (m_session)
        return true;
    // Said as a configuration problem is (exit 2), and as JSON to a script that asked for it.
    const Configuration &config = configuration();
    StatusReport::reportProblems({error}, m_commandLine.command() == QLatin1String("status") && m_commandLine.json(),
                                 config.clientId, config.tokenUrl.toString(QUrl::RemoveUserInfo));
    done(UsageError);
    return false;
}

// Restoring reads each account's entry in the keychain (no network): what an account's name and
// state are, also for one an earlier version signed in.
void CommandRunner::restoreAll(const std::function<void()> &then)
{
    if (!m_accounts) {
        restoreChosen(then);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_accounts, &Accounts::loaded, this, [this, connection, then] {
        disconnect(*connection);
        readUnlisted(then);
    });
    m_accounts->restoreAll();
}

// With no account listed, the slot an earlier version used is read as that version read it: a
// session it stored after this version recorded its list (it was run again meanwhile) is what
// the command is about, and a keychain that cannot be read is said so (exit 2), not taken for
// "not signed in".
void CommandRunner::readUnlisted(const std::function<void()> &then)
{
    if (!sessions().isEmpty() || m_commandLine.command() == QLatin1String("login")) {
        then();
        return;
    }
    Session *probe = m_accounts->newAccount(); // its slot is the earlier version's: the list is empty
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(probe, &Session::restoreFinished, this, [this, probe, connection, then] {
        disconnect(*connection);
        if (probe->state() != Session::State::SignedOut) {
            m_unlisted = probe;
            if (!m_session && m_commandLine.account().isEmpty())
                m_session = probe;
        }
        then();
    });
    probe->restore();
}

// token and api read the active account alone, so that nothing of another account is read or
// waited for. With --account every account is read first: one an earlier version signed in is
// named by its email only once its session has been read.
void CommandRunner::restoreChosen(const std::function<void()> &then)
{
    if (m_accounts && !m_commandLine.account().isEmpty()) {
        restoreAll([this, then] {
            if (chooseAccount())
                then();
        });
        return;
    }
    chooseAccount();
    if (!m_session) {
        readUnlisted(then);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_session, &Session::restoreFinished, this, [connection, then] {
        disconnect(*connection);
        then();
    });
    m_session->restore();
}

void CommandRunner::done(int exitCode)
{
    stopReading();
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

// A configuration that cannot work is named and ends the command with exit 2: `status` and
// `token` would otherwise look up a session under a key that means nothing and say "not signed
// in". An API key needs the API's address only, so a stored key is judged by that alone (after
// restore()); login judges the whole configuration before it starts. `status --json` still
// prints its JSON, with the problems as its error.
bool CommandRunner::refusedConfiguration()
{
    const Configuration &config = configuration();
    const bool apiKey = m_session && m_session->stored().isApiKey();
    const QStringList problems = apiKey ? config.apiKeyProblems() : config.problems();
    if (problems.isEmpty())
        return false;
    const bool json = m_commandLine.command() == QLatin1String("status") && m_commandLine.json();
    StatusReport::reportProblems(problems, json, config.clientId, config.tokenUrl.toString(QUrl::RemoveUserInfo));
    done(UsageError);
    return true;
}

namespace {

StatusReport::State reportedState(Session::State state)
{
    return state == Session::State::SignedIn ? StatusReport::State::SignedIn
        : state == Session::State::SignedOut ? StatusReport::State::SignedOut
                                             : StatusReport::State::Error;
}

} // namespace

// Every account was restored (restoreAll()).
void CommandRunner::status()
{
    if (!chooseAccount() || refusedConfiguration())
        return;
    StatusReport report;
    if (m_session) {
        report.state = reportedState(m_session->state());
        report.session = m_session->stored();
        report.error = m_session->lastError().isError() ? m_session->lastError().message() : QString();
    }
    report.clientId = configuration().clientId;
    report.tokenUrl = configuration().tokenUrl.toString(QUrl::RemoveUserInfo);
    const Session *active = activeSession();
    for (const Session *session : sessions()) {
        const AccountEntry entry = m_accounts ? m_accounts->entry(session) : AccountEntry();
        const auto listed =
            StatusReport::listed(entry, reportedState(session->state()), session->stored(), session == active);
        if (!listed)
            continue;
        if (session == m_session)
            report.reported = int(report.accounts.size());
        report.accounts << *listed;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_commandLine.json()) {
        printOut(report.toJson(now));
    } else {
        for (const QString &line : report.toText(now))
            printErr(line);
    }
    done(report.exitCode());
}

// The account it is about was restored (restoreChosen()).
void CommandRunner::token()
{
    if (refusedConfiguration())
        return;
    const Session::State state = m_session ? m_session->state() : Session::State::SignedOut;
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
}

// The account it is about was restored (restoreChosen()).
void CommandRunner::api()
{
    if (refusedConfiguration())
        return;
    const Session::State state = m_session ? m_session->state() : Session::State::SignedOut;
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
