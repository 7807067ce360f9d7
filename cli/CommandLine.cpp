#include "CommandLine.h"

#include "api/ApiRequest.h"

#include <QCoreApplication>

namespace {

const QStringList kValueOptions = {QStringLiteral("authorize-url"), QStringLiteral("token-url"),
                                   QStringLiteral("revoke-url"), QStringLiteral("api-url"), QStringLiteral("client-id"),
                                   QStringLiteral("scope"), QStringLiteral("timeout"), QStringLiteral("issuer"),
                                   // api
                                   QStringLiteral("X"), QStringLiteral("method"), QStringLiteral("f"),
                                   QStringLiteral("raw-field"), QStringLiteral("F"), QStringLiteral("field"),
                                   QStringLiteral("H"), QStringLiteral("header"), QStringLiteral("input"),
                                   QStringLiteral("max-wait"),
                                   // login
                                   QStringLiteral("port"),
                                   // status, token, api, logout
                                   QStringLiteral("account")};

// The options of `api`, which no other command takes.
const QStringList kApiOptions = {QStringLiteral("method"), QStringLiteral("raw-field"), QStringLiteral("field"),
                                 QStringLiteral("header"), QStringLiteral("input"),     QStringLiteral("include"),
                                 QStringLiteral("silent"), QStringLiteral("max-wait"),  QStringLiteral("verbose")};

} // namespace

const QStringList &CommandLine::commands()
{
    static const QStringList names = {QStringLiteral("login"),  QStringLiteral("status"), QStringLiteral("token"),
                                      QStringLiteral("logout"), QStringLiteral("api"),    QStringLiteral("switch")};
    return names;
}

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(
        tr("Connects your WebinarGeek account and keeps it connected.\n\n"
           "Without a command, opens the window. Commands:\n"
           "  login     Sign in through the browser; the account is added and becomes the\n"
           "            active one.\n"
           "  status    Show whether you are signed in (from the keychain; no network).\n"
           "  token     Print a valid access token, refreshing it first when it has expired.\n"
           "  logout    Revoke the active account's tokens and remove it.\n"
           "  api PATH  Send a request to the WebinarGeek API with the stored credential and\n"
           "            print the answer (PATH is relative to the API address).\n"
           "  switch [ACCOUNT]\n"
           "            Make another signed-in account the active one; without ACCOUNT, choose\n"
           "            from a list."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("command"), tr("login, status, token, logout, api or switch."),
                                   QStringLiteral("[command]"));
    m_parser.addOptions({
        {QStringLiteral("issuer"),
         tr("Authorization server whose metadata names the endpoints not set one by one "
            "(WEBINARGEEK_ISSUER)."),
         tr("url")},
        {QStringLiteral("authorize-url"), tr("Authorization endpoint (WEBINARGEEK_AUTHORIZE_URL)."), tr("url")},
        {QStringLiteral("token-url"), tr("Token endpoint (WEBINARGEEK_TOKEN_URL)."), tr("url")},
        {QStringLiteral("revoke-url"), tr("Revocation endpoint (WEBINARGEEK_REVOKE_URL)."), tr("url")},
        {QStringLiteral("api-url"), tr("API base address (WEBINARGEEK_API_URL)."), tr("url")},
        {QStringLiteral("client-id"),
         tr("OAuth client id (WEBINARGEEK_CLIENT_ID). The client secret is read "
            "only from WEBINARGEEK_CLIENT_SECRET."),
         tr("id")},
        {QStringLiteral("scope"), tr("Scope to ask for (WEBINARGEEK_SCOPE); none by default."), tr("scope")},
        {QStringLiteral("no-browser"),
         tr("login: print the sign-in address instead of opening a browser; on a terminal, then also take the address "
            "the browser ends on, pasted.")},
        {QStringLiteral("api-key"),
         tr("login: connect with a personal API key, read from stdin (never an "
            "argument).")},
        {QStringLiteral("timeout"), tr("login: give up after this many seconds (default 300)."), tr("seconds")},
        {QStringLiteral("port"),
         tr("login: let the browser return to this port on 127.0.0.1 (for ssh -L); a free port by default."),
         tr("port")},
        {QStringLiteral("json"), tr("status: print JSON on stdout.")},
        {QStringLiteral("account"),
         tr("status, token, api, logout: use this account instead of the active one, named by its email (a "
            "prefix of it that fits one account is enough)."),
         tr("email")},
        {QStringLiteral("all"), tr("logout: sign out of every account.")},
        {QStringLiteral("background"), tr("Without a command: start hidden in the system tray.")},
    });
    m_parser.addOptions({
        {{QStringLiteral("X"), QStringLiteral("method")},
         tr("api: the HTTP method (default GET, or POST with fields or --input)."),
         tr("method")},
        {{QStringLiteral("f"), QStringLiteral("raw-field")},
         tr("api: a string parameter; in the query for GET, in the JSON body otherwise."),
         tr("key=value")},
        {{QStringLiteral("F"), QStringLiteral("field")},
         tr("api: a typed parameter: true, false, null and numbers as JSON, @file for a file's content (@- for "
            "stdin)."),
         tr("key=value")},
        {{QStringLiteral("H"), QStringLiteral("header")}, tr("api: an extra request header."), tr("Name: value")},
        {QStringLiteral("input"), tr("api: the request body, from a file or - for stdin."), tr("file")},
        {{QStringLiteral("i"), QStringLiteral("include")}, tr("api: print the status line and headers on stderr.")},
        {QStringLiteral("silent"), tr("api: do not print the answer's body.")},
        {QStringLiteral("verbose"),
         tr("api: also print the request line and its headers on stderr (the credential hidden); implies "
            "--include.")},
        {QStringLiteral("max-wait"),
         tr("api: wait at most this many seconds in all when the API asks to (429 or 503 with Retry-After; "
            "default 60)."),
         tr("seconds")},
    });
}

bool CommandLine::wantsCommandLine(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") || arg == QLatin1String("--version")
            || arg == QLatin1String("-v") || arg == QLatin1String("--help-all"))
            return true;
        if (arg.startsWith(QLatin1Char('-'))) {
            const QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
            if (kValueOptions.contains(name))
                ++i; // its value follows
            continue;
        }
        return true; // a command (or a stray word, which the helper reports as a usage error)
    }
    return false;
}

bool CommandLine::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return false;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.value(0) == QLatin1String("api"))
        return parseApi(positional);
    for (const QString &option : kApiOptions) {
        if (m_parser.isSet(option)) {
            m_error = tr("--%1 goes with api.").arg(option);
            return false;
        }
    }
    if (positional.value(0) == QLatin1String("switch") && positional.size() == 2) {
        m_switchTo = positional.at(1);
    } else if (positional.size() > 1) {
        // Not repeated back: a stray word may be a secret pasted in the wrong place.
        m_error = tr("Too many arguments: give one command (secrets such as an API key are read from stdin).");
        return false;
    }
    m_command = positional.value(0);
    if (!m_command.isEmpty() && !commands().contains(m_command)) {
        m_error = tr("Unknown command \"%1\". Commands: %2.").arg(m_command, commands().join(QStringLiteral(", ")));
        return false;
    }
    if (m_parser.isSet(QStringLiteral("no-browser")) && m_command != QLatin1String("login")) {
        m_error = tr("--no-browser goes with login.");
        return false;
    }
    if (m_parser.isSet(QStringLiteral("api-key")) && m_command != QLatin1String("login")) {
        m_error = tr("--api-key goes with login.");
        return false;
    }
    if (m_parser.isSet(QStringLiteral("api-key")) && m_parser.isSet(QStringLiteral("no-browser"))) {
        m_error = tr("--api-key and --no-browser do not go together: an API key needs no browser.");
        return false;
    }
    if (m_parser.isSet(QStringLiteral("background")) && !m_command.isEmpty()) {
        m_error = tr("--background goes with the window, not with a command.");
        return false;
    }
    if (m_parser.isSet(QStringLiteral("json")) && m_command != QLatin1String("status")) {
        m_error = tr("--json goes with status.");
        return false;
    }
    if (!parseAccountOptions())
        return false;
    m_timeout = Configuration::kSignInTimeoutSeconds;
    if (m_parser.isSet(QStringLiteral("timeout"))) {
        if (m_command != QLatin1String("login")) {
            m_error = tr("--timeout goes with login.");
            return false;
        }
        bool ok = false;
        m_timeout = m_parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || m_timeout < 1 || m_timeout > 24 * 3600) {
            m_error = tr("--timeout takes a number of seconds from 1 to 86400.");
            return false;
        }
    }
    if (m_parser.isSet(QStringLiteral("port"))) {
        // For a browser on another computer (ssh -L). The window opens a browser on the same
        // computer, where any free port does.
        if (m_command != QLatin1String("login") || apiKey()) {
            m_error = tr("--port goes with login in the browser (not with --api-key, nor the window).");
            return false;
        }
        bool ok = false;
        const int port = m_parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            m_error = tr("--port takes a port number from 1 to 65535.");
            return false;
        }
        m_port = quint16(port);
    }
    return true;
}

// `api PATH` and its options; the endpoint options apply as for every command.
bool CommandLine::parseApi(const QStringList &positional)
{
    m_command = positional.at(0);
    if (positional.size() == 1 && (helpRequested() || versionRequested()))
        return true; // `api --help`
    if (positional.size() != 2) {
        m_error = positional.size() < 2 ? tr("api needs a PATH, such as \"account\".")
                                        : tr("Too many arguments: api takes one PATH (quote it if it has spaces).");
        return false;
    }
    m_apiPath = positional.at(1);
    for (const QString &option :
         {QStringLiteral("no-browser"), QStringLiteral("api-key"), QStringLiteral("timeout"), QStringLiteral("port"),
          QStringLiteral("json"), QStringLiteral("background"), QStringLiteral("all")}) {
        if (m_parser.isSet(option)) {
            m_error = tr("--%1 does not go with api.").arg(option);
            return false;
        }
    }
    if (!parseAccountOptions())
        return false;
    m_maxWait = ApiRequest::kDefaultMaxWaitSeconds;
    if (m_parser.isSet(QStringLiteral("max-wait"))) {
        bool ok = false;
        m_maxWait = m_parser.value(QStringLiteral("max-wait")).toInt(&ok);
        if (!ok || m_maxWait < 0 || m_maxWait > 3600) {
            m_error = tr("--max-wait takes a number of seconds from 0 to 3600.");
            return false;
        }
    }
    return true;
}

// --account and --all: which accounts a command is about.
bool CommandLine::parseAccountOptions()
{
    static const QStringList withAccount = {QStringLiteral("status"), QStringLiteral("token"), QStringLiteral("api"),
                                            QStringLiteral("logout")};
    if (m_parser.isSet(QStringLiteral("account"))) {
        if (!withAccount.contains(m_command)) {
            m_error = m_command == QLatin1String("switch")
                ? tr("--account does not go with switch: name the account after it (switch ACCOUNT).")
                : tr("--account goes with status, token, api and logout.");
            return false;
        }
        m_account = m_parser.value(QStringLiteral("account")).trimmed();
        if (m_account.isEmpty()) {
            m_error = tr("--account needs an account's email, or the start of it.");
            return false;
        }
    }
    if (m_parser.isSet(QStringLiteral("all"))) {
        if (m_command != QLatin1String("logout")) {
            m_error = tr("--all goes with logout.");
            return false;
        }
        if (!m_account.isEmpty()) {
            m_error = tr("--all and --account do not go together: --all signs out of every account.");
            return false;
        }
    }
    return true;
}

bool CommandLine::allAccounts() const
{
    return m_parser.isSet(QStringLiteral("all"));
}

QString CommandLine::apiMethod() const
{
    return m_parser.value(QStringLiteral("method"));
}

QStringList CommandLine::apiRawFields() const
{
    return m_parser.values(QStringLiteral("raw-field"));
}

QStringList CommandLine::apiTypedFields() const
{
    return m_parser.values(QStringLiteral("field"));
}

QStringList CommandLine::apiHeaders() const
{
    return m_parser.values(QStringLiteral("header"));
}

QString CommandLine::apiInput() const
{
    return m_parser.value(QStringLiteral("input"));
}

bool CommandLine::apiInclude() const
{
    return m_parser.isSet(QStringLiteral("include"));
}

bool CommandLine::apiVerbose() const
{
    return m_parser.isSet(QStringLiteral("verbose"));
}

bool CommandLine::apiSilent() const
{
    return m_parser.isSet(QStringLiteral("silent"));
}

bool CommandLine::helpRequested() const
{
    // --help-all is Qt's own addition to --help; our help covers every option either way.
    return m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"));
}

bool CommandLine::versionRequested() const
{
    return m_parser.isSet(QStringLiteral("version"));
}

QString CommandLine::helpText() const
{
    return m_parser.helpText();
}

bool CommandLine::noBrowser() const
{
    return m_parser.isSet(QStringLiteral("no-browser"));
}

bool CommandLine::apiKey() const
{
    return m_parser.isSet(QStringLiteral("api-key"));
}

bool CommandLine::background() const
{
    return m_parser.isSet(QStringLiteral("background"));
}

bool CommandLine::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

void CommandLine::applyTo(ConfigurationLoader *loader) const
{
    for (const SettingNames &names : allSettings()) {
        if (names.option && m_parser.isSet(QString::fromLatin1(names.option)))
            loader->setOption(names.setting, m_parser.value(QString::fromLatin1(names.option)));
    }
}

QHash<Setting, QString> CommandLine::options() const
{
    ConfigurationLoader probe(QProcessEnvironment(), nullptr);
    applyTo(&probe);
    return probe.options();
}
