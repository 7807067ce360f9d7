#pragma once

#include "CommandLine.h"
#include "auth/AuthError.h"
#include "auth/RedirectVerdict.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class Accounts;
class QSocketNotifier;
class Session;

// Runs one subcommand of the credential helper and ends the process's event loop with its exit
// code. A command is about one account's Session: the active one, the one --account names, or
// for login a new one; switch and logout change the list of Accounts. Human messages go to stderr; stdout carries only
// what scripts read (the token, the sign-in address with --no-browser, the status JSON, the API's answer).
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    using BrowserOpener = std::function<bool(const QUrl &)>;

    // `accounts` is loaded (Accounts::load()), not restored.
    CommandRunner(const CommandLine &commandLine, Accounts *accounts, BrowserOpener openBrowser,
                  QObject *parent = nullptr);
    // Over one Session and no list of accounts (a test's): every command is about `session`;
    // --account and switch find no other.
    CommandRunner(const CommandLine &commandLine, Session *session, BrowserOpener openBrowser,
                  QObject *parent = nullptr);

    // Starts the command; finished() carries the exit code.
    void start();

    // Opens a URL in the person's browser without a GUI application (xdg-open and friends).
    static bool openWithSystemBrowser(const QUrl &url);
    // "error: …" and "warning: …" on stderr, as every part of the app prints them.
    static void printError(const QString &text);
    static void printWarning(const QString &text);
    // What a person typed to choose one of `count` accounts by its number: its index, or -1.
    static int chosenIndex(const QByteArray &typed, int count);

signals:
    void finished(int exitCode);

private:
    const Configuration &configuration() const;
    // The accounts (the one session without a list) and the active one.
    QList<Session *> sessions() const;
    Session *activeSession() const;
    // Sets m_session to the account the command is about; false (and done) when --account names none.
    bool chooseAccount();
    // Restores every account, then calls `then` (for what lists them: status, switch, logout).
    void restoreAll(const std::function<void()> &then);
    // Restores the account the command is about (chooseAccount()), then calls `then`.
    void restoreChosen(const std::function<void()> &then);
    void readUnlisted(const std::function<void()> &then);
    void login();
    void loginWithApiKey();
    void offerPaste(const QUrl &authorizationUrl);
    void takePaste(const QByteArray &line);
    static bool mayAskTerminal();
    // Hands each line typed at the terminal (stdin) to `takeLine`, until stopReading().
    void readLines(const std::function<void(const QByteArray &)> &takeLine);
    void readTerminal();
    void stopReading();
    static QString pasteRefusal(RedirectVerdict verdict, const QString &redirectUri);
    static QString readApiKey();
    void status();
    void token();
    void api();
    void sendApiRequest();
    bool refusedConfiguration();
    void done(int exitCode);
    // The commands about the list of accounts (CommandRunnerAccounts.cpp)
    void logout();
    void removeNext();
    void removed(Session *session, const AuthError &error, const QString &warning);
    void switchAccount();
    void offerChoice(const QList<Session *> &sessions);
    void takeChoice(const QList<Session *> &sessions, const QByteArray &typed);
    void makeActive(Session *session);
    QString nameOf(const Session *session) const;

    const CommandLine &m_commandLine; // outlives the runner (main owns both)
    Accounts *m_accounts = nullptr; // null: one session, no list
    QPointer<Session> m_session; // the account the command is about; null when there is none
    // No account is listed, and the slot an earlier version used is not empty, or the keychain
    // cannot be read (readUnlisted()).
    QPointer<Session> m_unlisted;
    BrowserOpener m_openBrowser;
    // logout: the accounts still to sign out of, the name of the one being signed out of, the
    // active account before, and whether one could not be signed out of.
    QList<QPointer<Session>> m_removing;
    QString m_removingName;
    QPointer<Session> m_activeBefore;
    bool m_removeFailed = false;
    // What is typed at the terminal: login --no-browser's pasted address, switch's choice.
    QSocketNotifier *m_terminal = nullptr;
    QByteArray m_typed; // what was typed since the last line ended
    std::function<void(const QByteArray &)> m_takeLine;
    std::function<void()> m_inputEnded;
    QString m_redirectUri;
    bool m_takingPaste = false;
};
