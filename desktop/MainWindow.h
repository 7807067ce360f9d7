#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QScopedPointer>
#include <QTimer>

struct AuthError;
class AccountListModel;
class Session;
class StatusSummary;

namespace Ui {
class MainWindow;
}

// The main window: the accounts, and the chosen account's detail: the account, the token's
// status, the sign-in in progress, and the actions. A view over the accounts (AccountListModel)
// and the chosen one's session: what it shows comes from the model and StatusSummary, what it is
// asked to do goes to them (or out as a signal); it keeps no state of the session's own. It may
// be shown before the session exists, and says "Loading" until setSession().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The session to show and drive in the detail; not owned. Another one later replaces it.
    void setSession(Session *session);
    Session *session() const { return m_session; }
    // The accounts to list above the detail; not owned. The detail follows the account chosen
    // there (setSession()). Without it the window shows the one session it is given.
    void setAccounts(AccountListModel *accounts);
    // Signs in in the browser, showing its progress: for a listed account (or null) as a new
    // account, as Add account does, which renews the listed one when it is the same person. For
    // the tray, whose sign-ins show their progress here.
    void signInTo(Session *session);
    // Shows the window, un-minimized, raised and with the keyboard focus.
    void showInFront();

    // Puts `summary` on screen. Called with the session's own summary whenever it changes and
    // as countdowns tick; tests call it to show any state.
    void showSummary(const StatusSummary &summary);

    // How long the window waits for the browser to come back before it points to Copy link
    // (StatusSummary::kBrowserQuietSeconds); tests shorten it.
    void setBrowserQuietSeconds(int seconds) { m_browserQuietSeconds = seconds; }

signals:
    // A sign-in again to `session`, a listed account, started (as a new account's).
    void signingInAgain(Session *session);
    void settingsRequested();
    void apiKeyRequested();
    void quitRequested();

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showSession();
    void startSignIn();
    void addAccount(bool withApiKey);
    void confirmRemove();
    void makeActive();
    void openBrowser(const QUrl &url);
    void signInFinished(const AuthError &error);
    void showMessage(const QString &text);
    void fitWrappedText();
    void alignCaptionColumns();
    void shrinkToFit();

    QScopedPointer<Ui::MainWindow> m_ui;
    QPointer<Session> m_session;
    AccountListModel *m_accounts = nullptr;
    // Wakes when a countdown on screen changes; runs only while the window is visible.
    QTimer m_tick;
    // Why the last browser sign-in did not finish, until the person tries again or dismisses it.
    QString m_signInFailure;
    QString m_signInFailureDetails; // the server's words about it
    bool m_browserAttempt = false;
    bool m_wasSigningIn = false;
    bool m_focusToPage = false; // Sign in had the focus when the attempt began
    bool m_neededSettings = false;
    // The window's height before the sign-in page showed: it goes back to that once it hides.
    int m_heightWithoutPage = 0;
    bool m_shrinkPending = false; // shrinkToFit() is queued
    // When the browser was last sent to the sign-in link; invalid when it could not be.
    QDateTime m_browserOpenedAt;
    int m_browserQuietSeconds;
};
