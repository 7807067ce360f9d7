#include "SignInPage.h"

#include "ui_SignInPage.h"

#include "GroupBoxFrame.h"

#include "desktop/StatusSummary.h"

SignInPage::SignInPage(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(new Ui::SignInPage)
{
    m_ui->setupUi(this);
    for (QLabel *heading : {m_ui->headingLabel, m_ui->failedHeadingLabel}) {
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
    }
    m_ui->failedPart->hide();
    connect(m_ui->copyLinkButton, &QPushButton::clicked, this, &SignInPage::copyLinkRequested);
    connect(m_ui->openAgainButton, &QPushButton::clicked, this, &SignInPage::openAgainRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SignInPage::cancelRequested);
    connect(m_ui->tryAgainButton, &QPushButton::clicked, this, &SignInPage::tryAgainRequested);
    connect(m_ui->dismissButton, &QPushButton::clicked, this, &SignInPage::dismissRequested);
}

SignInPage::~SignInPage() = default;

void SignInPage::show(const StatusSummary &summary)
{
    m_ui->failedPart->hide();
    m_ui->waitingPart->show();
    setTitle(tr("Signing in"));
    setAccessibleName(tr("Sign-in in progress"));
    const QString link = summary.authorizationUrl.toString(QUrl::FullyEncoded);
    if (m_ui->linkEdit->text() != link) {
        m_ui->linkEdit->setText(link);
        m_ui->linkEdit->setCursorPosition(0); // the start of an address says where it goes
    }
    m_ui->timeLeftValue->setText(summary.signInTimeLeft);
    m_ui->cancelButton->setEnabled(summary.canCancel);
    m_browserQuiet = summary.browserQuiet;
    showHint();
}

void SignInPage::showFailure(const QString &reason, const QString &details)
{
    m_ui->waitingPart->hide();
    m_ui->failedPart->show();
    setTitle(tr("Sign in"));
    setAccessibleName(tr("Sign-in result"));
    m_ui->reasonValue->setText(reason);
    // The server's words, apart from the app's sentence (which is in the app's language).
    m_ui->reasonDetailsValue->setText(details.isEmpty() ? QString() : tr("Details: %1").arg(details));
    m_ui->reasonDetailsValue->setVisible(!details.isEmpty());
    setBrowserFailed(false);
}

void SignInPage::setBrowserFailed(bool failed)
{
    m_browserFailed = failed;
    m_browserQuiet = false;
    showHint();
}

void SignInPage::showHint()
{
    if (m_browserFailed) {
        m_ui->headingLabel->setText(tr("Your browser could not be opened"));
        m_ui->hintLabel->setText(tr("Choose Copy link, then paste the link into a browser's address bar to finish "
                                    "signing in."));
    } else if (m_browserQuiet) {
        m_ui->headingLabel->setText(tr("Still waiting for your browser…"));
        m_ui->hintLabel->setText(tr("If no browser window opened, choose Copy link and paste the link into a "
                                    "browser's address bar. If you are still signing in there, take your time."));
    } else {
        m_ui->headingLabel->setText(tr("Waiting for your browser…"));
        m_ui->hintLabel->setText(tr("Finish signing in to WebinarGeek in your browser. If no browser window "
                                    "opened, open it again or copy the link into a browser yourself."));
    }
}

bool SignInPage::isShowingFailure() const
{
    return !m_ui->failedPart->isHidden();
}

void SignInPage::focusMainAction()
{
    QPushButton *next = isShowingFailure() ? m_ui->tryAgainButton : m_ui->copyLinkButton;
    next->setFocus(Qt::OtherFocusReason);
}

void SignInPage::paintEvent(QPaintEvent *)
{
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    paintGroupBox(this, option);
}
