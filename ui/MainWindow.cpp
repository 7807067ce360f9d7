#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "auth/Session.h"
#include "storage/TokenStore.h"

#include <QDesktopServices>
#include <QLineEdit>
#include <QLocale>

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
    , m_session(session)
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->storageValue->setText(StoredSession::backendName());
    m_ui->messageLabel->setOpenExternalLinks(false);

    connect(m_ui->signInButton, &QPushButton::clicked, this, [this] {
        showMessage(QString(), false);
        m_session->signIn(Configuration::kSignInTimeoutSeconds);
    });
    connect(m_ui->cancelButton, &QPushButton::clicked, m_session, &Session::cancelSignIn);
    connect(m_ui->refreshButton, &QPushButton::clicked, m_session, &Session::refresh);
    const auto connectWithKey = [this] {
        showMessage(QString(), false);
        const QString key = m_ui->apiKeyEdit->text();
        m_ui->apiKeyEdit->clear(); // the key lives in the keychain, not in a widget
        m_session->signInWithApiKey(key);
    };
    connect(m_ui->apiKeyButton, &QPushButton::clicked, this, connectWithKey);
    connect(m_ui->apiKeyEdit, &QLineEdit::returnPressed, this, connectWithKey);
    // Counts down to the next retry while one is waiting and the window is visible.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::showSession);
    connect(m_ui->signOutButton, &QPushButton::clicked, m_session, &Session::signOut);

    connect(m_session, &Session::stateChanged, this, &MainWindow::showSession);
    connect(m_session, &Session::sessionChanged, this, &MainWindow::showSession);
    connect(m_session, &Session::authorizationUrlReady, this, [this](const QUrl &url) {
        if (!QDesktopServices::openUrl(url)) {
            showMessage(
                tr("Could not open a browser. Open this address yourself: %1").arg(url.toString(QUrl::FullyEncoded)),
                true);
            return;
        }
        showMessage(tr("Waiting for your browser… Finish signing in there."), false);
    });
    connect(m_session, &Session::signInFinished, this, [this](const AuthError &error) {
        showMessage(error.isError() ? error.message() : tr("Signed in."), error.isError());
    });
    connect(m_session, &Session::refreshFinished, this, [this](const AuthError &error) {
        if (error.isError())
            showMessage(error.message(), true);
        else
            showMessage(QString(), false);
    });
    connect(m_session, &Session::signOutFinished, this, [this](const AuthError &error, const QString &warning) {
        if (error.isError())
            showMessage(error.message(), true);
        else
            showMessage(warning.isEmpty() ? tr("Signed out.") : warning, !warning.isEmpty());
    });
    showSession();
}

MainWindow::~MainWindow() = default;

void MainWindow::showSession()
{
    const Session::State state = m_session->state();
    const StoredSession &stored = m_session->stored();
    const bool hasSession = !stored.isEmpty();
    const QString none = QStringLiteral("–");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto localTime = [](const QDateTime &time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };

    m_ui->companyValue->setText(hasSession && !stored.company.isEmpty() ? stored.company : none);
    m_ui->emailValue->setText(hasSession && !stored.email.isEmpty() ? stored.email : none);

    QString stateText = Session::stateName(state);
    const QDateTime next = m_session->nextRefreshAt();
    if (state == Session::State::Retrying && next.isValid())
        stateText = tr("Offline, retrying in %n s", nullptr, int(std::max<qint64>(0, now.secsTo(next))));
    else if (hasSession && stored.isApiKey() && state == Session::State::SignedIn)
        stateText = tr("Connected with an API key");
    m_ui->stateValue->setText(stateText);

    if (hasSession && stored.expiresAt.isValid()) {
        const QString when = localTime(stored.expiresAt);
        m_ui->expiresValue->setText(stored.expiresAt <= now ? tr("%1 (expired)").arg(when) : when);
    } else {
        m_ui->expiresValue->setText(hasSession && stored.isApiKey() ? tr("never (API key)") : none);
    }
    m_ui->nextRefreshValue->setText(next.isValid() ? localTime(next) : none);
    m_ui->scopeValue->setText(hasSession && !stored.scope.isEmpty() ? stored.scope : none);

    const bool signingIn = state == Session::State::SigningIn;
    const bool busy = state == Session::State::Loading || state == Session::State::Refreshing;
    m_ui->signInButton->setEnabled(!signingIn && !busy);
    m_ui->signInButton->setText(hasSession ? tr("&Sign in again") : tr("&Sign in"));
    m_ui->cancelButton->setVisible(signingIn);
    m_ui->signOutButton->setEnabled(hasSession && !signingIn && !busy);
    m_ui->refreshButton->setEnabled(hasSession && !stored.isApiKey() && !signingIn && !busy);
    m_ui->apiKeyButton->setEnabled(!signingIn && !busy);

    const bool counting = state == Session::State::Retrying && isVisible();
    if (counting && !m_tick.isActive())
        m_tick.start();
    else if (!counting)
        m_tick.stop();

    if (state == Session::State::KeychainUnavailable || state == Session::State::NeedsSignIn
        || state == Session::State::Retrying)
        showMessage(m_session->lastError().message(), true);
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setStyleSheet(isError ? QStringLiteral("color: #c5221f;") : QString());
    m_ui->messageLabel->setVisible(!text.isEmpty());
}
