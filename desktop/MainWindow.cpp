#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "auth/Session.h"
#include "desktop/AccountListModel.h"
#include "desktop/StatusSummary.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLayout>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace {
// Lands just after a countdown's second or minute mark, not just before it.
constexpr int kTickSlackMs = 20;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
    , m_tick(this) // a child, so tests (and people debugging) find it by name
    , m_browserQuietSeconds(StatusSummary::kBrowserQuietSeconds)
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->messageLabel->hide();
    m_ui->signInPage->hide();
    addAction(m_ui->quitAction);

    m_tick.setObjectName(QStringLiteral("countdownTimer"));
    m_tick.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: before the mark, for a wasted wake-up.
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::showSession);

    connect(m_ui->signInButton, &QPushButton::clicked, this, &MainWindow::startSignIn);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, [this] {
        showMessage(QString());
        m_session->refresh();
    });
    connect(m_ui->signOutButton, &QPushButton::clicked, this, [this] {
        showMessage(QString());
        // A listed account signs out as the tray's Sign out and `logout` do: off the list, with
        // no question (signing out is what was asked), so no account is left listed signed out.
        if (m_accounts && m_accounts->selectedIsListed())
            m_accounts->removeSelected();
        else
            m_session->signOut();
    });
    connect(m_ui->useApiKeyButton, &QPushButton::clicked, this, &MainWindow::apiKeyRequested);
    connect(m_ui->settingsButton, &QPushButton::clicked, this, &MainWindow::settingsRequested);
    // The settings change the session's connection: there is nothing to change before it exists.
    m_ui->settingsButton->setEnabled(false);
    connect(m_ui->quitAction, &QAction::triggered, this, &MainWindow::quitRequested);

    SignInPage *page = m_ui->signInPage;
    connect(page, &SignInPage::copyLinkRequested, this, [this] {
        QGuiApplication::clipboard()->setText(m_session->authorizationUrl().toString(QUrl::FullyEncoded));
        showMessage(tr("The sign-in link is on the clipboard. Paste it into your browser's address bar."));
    });
    connect(page, &SignInPage::openAgainRequested, this, [this] { openBrowser(m_session->authorizationUrl()); });
    connect(page, &SignInPage::cancelRequested, this, [this] { m_session->cancelSignIn(); });
    connect(page, &SignInPage::tryAgainRequested, this, &MainWindow::startSignIn);
    connect(page, &SignInPage::dismissRequested, this, [this] {
        m_signInFailure.clear();
        showSession();
        m_ui->signInButton->setFocus(Qt::OtherFocusReason);
    });

    alignCaptionColumns();
    showSession();
}

MainWindow::~MainWindow() = default;

// The Account and Token status cards are two forms; their values start at one x, in every
// language, when their caption columns are as wide as the widest caption of both.
void MainWindow::alignCaptionColumns()
{
    QList<QWidget *> captions;
    for (QWidget *panel :
         {static_cast<QWidget *>(m_ui->accountPanel), static_cast<QWidget *>(m_ui->tokenStatusPanel)}) {
        const auto *form = qobject_cast<QFormLayout *>(panel->layout());
        for (int row = 0; form && row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                captions << item->widget();
        }
    }
    int widest = 0;
    for (QWidget *caption : captions) {
        caption->setMinimumWidth(0);
        widest = std::max(widest, caption->sizeHint().width());
    }
    for (QWidget *caption : captions)
        caption->setMinimumWidth(widest);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::LanguageChange)
        alignCaptionColumns();
}

// Back to the height the window had before the sign-in page showed, or what its content needs
// now if that is more: a window that only ever grows keeps an empty band after signing in.
void MainWindow::shrinkToFit()
{
    m_shrinkPending = false;
    // A maximized or full-screen window keeps the size the person or the desktop gave it.
    if (windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    // Bottom up: each layout's minimum is made of its children's, and the page has just
    // swapped its parts.
    m_ui->signInPage->layout()->activate();
    centralWidget()->layout()->activate();
    fitWrappedText();
    layout()->activate();
    resize(width(), std::max(minimumSizeHint().height(), m_heightWithoutPage));
}

void MainWindow::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    // What the window remembers of the last account's sign-in is not this one's.
    m_signInFailure.clear();
    m_signInFailureDetails.clear();
    m_browserAttempt = false;
    m_wasSigningIn = false;
    m_focusToPage = false;
    m_browserOpenedAt = QDateTime();
    showMessage(QString());
    m_session = session;
    m_ui->settingsButton->setEnabled(!m_session.isNull());
    if (!m_session) {
        showSession();
        return;
    }
    connect(m_session, &Session::stateChanged, this, &MainWindow::showSession);
    connect(m_session, &Session::sessionChanged, this, &MainWindow::showSession);
    connect(m_session, &Session::authorizationUrlReady, this, [this](const QUrl &url) {
        m_browserAttempt = true;
        openBrowser(url);
        showSession();
    });
    connect(m_session, &Session::signInFinished, this, &MainWindow::signInFinished);
    connect(m_session, &Session::refreshFinished, this, [this](const AuthError &error) {
        // A failure stays in the status panel for as long as it holds; success needs no words.
        Q_UNUSED(error)
        showSession();
    });
    connect(m_session, &Session::signOutFinished, this, [this](const AuthError &error, const QString &warning) {
        if (error.isError())
            showMessage(error.message());
        else
            showMessage(warning.isEmpty() ? tr("Signed out. Nothing of the session is stored any more.") : warning);
    });
    showSession();
}

void MainWindow::setAccounts(AccountListModel *accounts)
{
    Q_ASSERT(!m_accounts);
    m_accounts = accounts;
    m_ui->accountListPanel->setModel(accounts);
    connect(accounts, &AccountListModel::selectedChanged, this, &MainWindow::setSession);
    connect(accounts, &AccountListModel::removeFinished, this, &MainWindow::showMessage);
    AccountListPanel *panel = m_ui->accountListPanel;
    connect(panel, &AccountListPanel::addInBrowserRequested, this, [this] { addAccount(false); });
    connect(panel, &AccountListPanel::addWithApiKeyRequested, this, [this] { addAccount(true); });
    connect(panel, &AccountListPanel::removeRequested, this, &MainWindow::confirmRemove);
    connect(panel, &AccountListPanel::makeActiveRequested, this, &MainWindow::makeActive);
    setSession(accounts->selected());
}

void MainWindow::signInTo(Session *session)
{
    if (!m_accounts)
        return;
    if (!session) {
        addAccount(false);
        return;
    }
    if (m_accounts->rowOf(session) >= 0) {
        addAccount(false); // see startSignIn()
        emit signingInAgain(session);
        return;
    }
    m_accounts->select(session);
    if (m_session == session && session->state() != Session::State::SigningIn)
        startSignIn();
}

void MainWindow::addAccount(bool withApiKey)
{
    Session *session = m_accounts->addAccount();
    if (withApiKey) {
        emit apiKeyRequested();
    } else if (session->state() != Session::State::SigningIn) {
        startSignIn();
    }
}

void MainWindow::confirmRemove()
{
    if (!m_accounts->canRemove())
        return;
    // Asked without waiting here: the window goes on showing the accounts' states meanwhile.
    auto *question = new QMessageBox(QMessageBox::Question, tr("Remove account"), m_accounts->removeQuestion(),
                                     QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("removeQuestion"));
    QPushButton *remove = question->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<Session> account = m_accounts->selected();
    connect(question, &QMessageBox::finished, this, [this, question, remove, account] {
        // The same account still: another process may have removed it, or switched, meanwhile.
        if (question->clickedButton() == remove && account && account == m_accounts->selected())
            m_accounts->removeSelected();
    });
    question->open();
}

void MainWindow::makeActive()
{
    QString error;
    if (!m_accounts->makeSelectedActive(&error) && !error.isEmpty())
        showMessage(error);
}

void MainWindow::showInFront()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::startSignIn()
{
    // Signing in again to a listed account is a new account's sign-in: the browser may still be
    // logged in as someone else, whose tokens must not take this account's place. Accounts renews
    // the account with the same email, and adds another person's beside it.
    if (m_accounts && m_accounts->selectedIsListed()) {
        Session *listed = m_session;
        addAccount(false);
        emit signingInAgain(listed);
        return;
    }
    m_signInFailure.clear();
    showMessage(QString());
    m_browserAttempt = true; // a failure before the browser opens (a port, the settings) shows here too
    m_session->signIn(Configuration::kSignInTimeoutSeconds);
    showSession();
}

void MainWindow::openBrowser(const QUrl &url)
{
    // False when no opener could be started at all. An opener that starts and then fails
    // (xdg-open with no working default browser exits 4 and never tries $BROWSER) reports
    // nothing: the quiet browser (StatusSummary::browserQuiet) is the hint then.
    const bool opened = QDesktopServices::openUrl(url);
    m_browserOpenedAt = opened ? QDateTime::currentDateTimeUtc() : QDateTime();
    m_ui->signInPage->setBrowserFailed(!opened);
}

void MainWindow::signInFinished(const AuthError &error)
{
    const bool fromBrowser = std::exchange(m_browserAttempt, false);
    if (error.isError() && m_accounts && m_accounts->selected() == m_session) {
        // An account being added that did not sign in has nothing to show: back to one that is
        // listed, with what happened said above it.
        const QString said = error.kind == AuthError::Kind::Cancelled
            ? tr("Sign-in was cancelled.")
            : StatusSummary::of(*m_session, QDateTime::currentDateTimeUtc()).error;
        if (m_accounts->leaveNewAccount()) {
            showMessage(said);
            return;
        }
    }
    if (error.kind == AuthError::Kind::Cancelled) {
        showMessage(tr("Sign-in was cancelled."));
    } else if (error.isError() && fromBrowser) {
        const StatusSummary summary = StatusSummary::of(*m_session, QDateTime::currentDateTimeUtc());
        // Settings that cannot work are said in the status, with the focus on Settings: Try
        // again would fail the same way.
        if (!summary.needsSettings) {
            m_signInFailure = summary.error;
            m_signInFailureDetails = summary.errorDetails;
        }
    } else {
        showMessage(QString());
    }
    showSession();
    if (!m_signInFailure.isEmpty())
        m_ui->signInPage->focusMainAction();
}

void MainWindow::showSession()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Before the session: "Loading", with nothing to do yet.
    StatusSummary::Input input;
    if (m_session) {
        input = StatusSummary::Input::from(*m_session);
        input.browserOpenedAt = m_browserOpenedAt;
        input.browserQuietSeconds = m_browserQuietSeconds;
    }
    showSummary(StatusSummary::compute(input, now));
}

void MainWindow::showSummary(const StatusSummary &summary)
{
    m_ui->accountPanel->show(summary);

    SignInPage *page = m_ui->signInPage;
    const bool waiting = summary.waitingForBrowser;
    // Read before the buttons change: disabling the focused Sign in moves the focus on at once.
    QWidget *focused = focusWidget();
    const bool focusOnSignIn = !focused || focused == m_ui->signInButton || page->isAncestorOf(focused);
    if (waiting)
        m_signInFailure.clear();
    const bool failure = !waiting && !m_signInFailure.isEmpty();
    StatusSummary forStatus = summary;
    if (failure) {
        forStatus.error.clear(); // said once, on the sign-in page, next to Try again
        forStatus.errorDetails.clear();
    }
    m_ui->tokenStatusPanel->show(forStatus);
    const bool pageWasShown = !page->isHidden();
    const bool pageShowedFailure = pageWasShown && page->isShowingFailure();
    if (waiting)
        page->show(summary);
    else if (failure)
        page->showFailure(m_signInFailure, m_signInFailureDetails);
    // (Not while a shrink is pending: the page was hidden a moment ago, between the end of an
    // attempt and its failure showing, and the window is not back to its height yet.)
    if (!pageWasShown && (waiting || failure) && !m_shrinkPending)
        m_heightWithoutPage = isVisible() ? height() : 0;
    page->setVisible(waiting || failure);
    // Once the layouts have taken the page out, or put its shorter failure part in place of the
    // waiting part: no empty band stays where the link and its buttons were.
    if (pageWasShown && (page->isHidden() || (failure && !pageShowedFailure)) && !m_shrinkPending) {
        m_shrinkPending = true;
        QMetaObject::invokeMethod(this, &MainWindow::shrinkToFit, Qt::QueuedConnection);
    }

    m_ui->signInButton->setEnabled(summary.canSignIn);
    m_ui->refreshButton->setEnabled(summary.canRefresh);
    m_ui->signOutButton->setEnabled(summary.canSignOut);
    m_ui->useApiKeyButton->setVisible(summary.offerApiKey);
    m_ui->useApiKeyButton->setEnabled(summary.canUseApiKey);
    if (!waiting)
        m_browserOpenedAt = QDateTime();

    // Nothing can sign in with these settings: the way on is Settings (or an API key), and the
    // keyboard is there before anyone tries.
    if (summary.needsSettings && !m_neededSettings)
        m_ui->settingsButton->setFocus(Qt::OtherFocusReason);
    m_neededSettings = summary.needsSettings;

    // Sign in just went grey under the keyboard focus: the page takes it as soon as it shows
    // (the link comes a moment after the state changes).
    const bool signingIn = summary.badge == StatusSummary::Badge::SigningIn;
    if (signingIn && !m_wasSigningIn)
        m_focusToPage = focusOnSignIn;
    if (waiting && m_focusToPage) {
        m_focusToPage = false;
        page->focusMainAction();
    }
    m_wasSigningIn = signingIn;

    // Nothing ticks while the window is hidden (in the tray): an idle app sleeps.
    if (isVisible() && summary.msUntilChange > 0)
        m_tick.start(int(summary.msUntilChange) + kTickSlackMs);
    else
        m_tick.stop();
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize)
        fitWrappedText();
    return handled;
}

// A window's minimum size leaves out the height that wrapped text needs at the window's width
// (a sentence of an error, the sign-in hint), so the rest would be squeezed to make room; the
// central widget asks for that height itself, and the window grows to it.
void MainWindow::fitWrappedText()
{
    QWidget *central = centralWidget();
    QLayout *layout = central->layout();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(central->width()) : 0;
    if (central->minimumHeight() != needed)
        central->setMinimumHeight(needed);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    showSession();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_tick.stop();
}

void MainWindow::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}
