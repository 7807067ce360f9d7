#pragma once

#include "CommandLine.h"
#include "auth/RedirectVerdict.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QSocketNotifier;
class Session;

// Runs one subcommand of the credential helper against a Session and ends the process's event
// loop with its exit code. Human messages go to stderr; stdout carries only what scripts read
// (the token, the sign-in address with --no-browser, the status JSON, the API's answer).
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    using BrowserOpener = std::function<bool(const QUrl &)>;

    CommandRunner(const CommandLine &commandLine, Session *session, BrowserOpener openBrowser,
                  QObject *parent = nullptr);

    // Starts the command; finished() carries the exit code.
    void start();

    // Opens a URL in the person's browser without a GUI application (xdg-open and friends).
    static bool openWithSystemBrowser(const QUrl &url);
    // "error: …" and "warning: …" on stderr, as every part of the app prints them.
    static void printError(const QString &text);
    static void printWarning(const QString &text);

signals:
    void finished(int exitCode);

private:
    void login();
    void loginWithApiKey();
    void offerPaste(const QUrl &authorizationUrl);
    void readPaste();
    void takePaste(const QByteArray &line);
    void stopPaste();
    static QString pasteRefusal(RedirectVerdict verdict, const QString &redirectUri);
    static QString readApiKey();
    void status();
    void token();
    void logout();
    void api();
    void sendApiRequest();
    bool refusedConfiguration();
    void done(int exitCode);

    const CommandLine &m_commandLine; // outlives the runner (main owns both)
    Session *m_session;
    BrowserOpener m_openBrowser;
    // login --no-browser on a terminal: the address the browser ended on, pasted on stdin.
    QSocketNotifier *m_paste = nullptr;
    QByteArray m_pasted; // what was typed since the last line ended
    QString m_redirectUri;
    bool m_takingPaste = false;
};
