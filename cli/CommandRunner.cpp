#include "CommandRunner.h"

#include "StatusReport.h"
#include "api/ApiRequest.h"
#include "auth/Accounts.h"
#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QCoreApplication>
#include <QProcess>

#include <cstdio>

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
    if (m_accounts && !m_accounts->problem().isEmpty()) {
        // Without the list, the active account and the names of the others are not known: a
        // token for whichever account came first would be the wrong one for a script.
        const Configuration &config = configuration();
        StatusReport::reportProblems({m_accounts->problem()},
                                     command == QLatin1String("status") && m_commandLine.json(), config.clientId,
                                     config.tokenUrl.toString(QUrl::RemoveUserInfo));
        done(UsageError);
        return;
    }
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
    // Its slot is the earlier version's, the list being empty; newAccount() reads it.
    Session *probe = m_accounts->newAccount();
    const auto read = [this, probe, then] {
        if (probe->state() != Session::State::SignedOut) {
            m_unlisted = probe;
            if (!m_session && m_commandLine.account().isEmpty())
                m_session = probe;
        }
        then();
    };
    if (probe->state() != Session::State::Loading) {
        read();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(probe, &Session::restoreFinished, this, [connection, read] {
        disconnect(*connection);
        read();
    });
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
