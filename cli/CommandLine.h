#pragma once

#include "config/Configuration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

// The command line shared by the window and the credential helper: the endpoint options, the
// subcommands and their options. Parsing only; running is CommandRunner's.
class CommandLine
{
public:
    CommandLine();

    // False on a usage error; errorText() says what.
    bool parse(const QStringList &arguments);
    QString errorText() const { return m_error; }

    // "login", "status", "token", "logout", "api", "switch", or empty for the window.
    QString command() const { return m_command; }
    bool helpRequested() const;
    bool versionRequested() const;
    QString helpText() const;

    bool noBrowser() const;
    bool json() const;
    bool apiKey() const;
    // The window starts hidden in the system tray.
    bool background() const;
    int timeoutSeconds() const { return m_timeout; }
    // The loopback port for the browser sign-in; 0 for a free one.
    quint16 port() const { return m_port; }

    // --account: the account a command is about instead of the active one (an email, or the
    // start of one: AccountList::find); empty for the active one.
    QString account() const { return m_account; }
    // logout --all
    bool allAccounts() const;
    // switch ACCOUNT; empty when no account was named (switch then offers a choice).
    QString switchTo() const { return m_switchTo; }

    // api: its PATH and options, as given (ApiRequest reads the fields and headers).
    QString apiPath() const { return m_apiPath; }
    QString apiMethod() const;
    QStringList apiRawFields() const; // -f
    QStringList apiTypedFields() const; // -F
    QStringList apiHeaders() const;
    QString apiInput() const; // empty: no body given
    bool apiInclude() const;
    bool apiSilent() const;
    bool apiVerbose() const;
    int apiMaxWaitSeconds() const { return m_maxWait; }

    // Applies the endpoint options on top of environment and settings file.
    void applyTo(ConfigurationLoader *loader) const;
    // The endpoint options given, as typed (Preferences::setOptions()).
    QHash<Setting, QString> options() const;

    // True when these arguments ask for the command line rather than the window, decided
    // before any QCoreApplication exists (the window needs a QApplication, the helper must not).
    static bool wantsCommandLine(int argc, char **argv);

    static const QStringList &commands();

private:
    bool parseApi(const QStringList &positional);
    bool parseAccountOptions();

    QCommandLineParser m_parser;
    QString m_command;
    QString m_error;
    int m_timeout = 0;
    quint16 m_port = 0;
    QString m_apiPath;
    int m_maxWait = 0;
    QString m_account;
    QString m_switchTo;

    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};
