#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "auth/Accounts.h"
#include "config/Preferences.h"
#include "config/Translations.h"
#include "desktop/SettingsChange.h"

#include <QCloseEvent>
#include <QKeyEvent>
#include <QPushButton>

SettingsDialog::SettingsDialog(Accounts *accounts, Preferences *preferences, AutostartEntry *autostart, QWidget *parent)
    : QDialog(parent)
    , m_ui(new Ui::SettingsDialog)
    , m_accounts(accounts)
    , m_preferences(preferences)
    , m_change(new SettingsChange(preferences, accounts, autostart, this))
{
    m_ui->setupUi(this);
    m_edits = {
        {Setting::Issuer, m_ui->issuerEdit},
        {Setting::AuthorizeUrl, m_ui->authorizeUrlEdit},
        {Setting::TokenUrl, m_ui->tokenUrlEdit},
        {Setting::RevokeUrl, m_ui->revokeUrlEdit},
        {Setting::ApiUrl, m_ui->apiUrlEdit},
        {Setting::ClientId, m_ui->clientIdEdit},
        {Setting::ClientSecret, m_ui->clientSecretEdit},
        {Setting::Scope, m_ui->scopeEdit},
    };
    m_reasons = {
        {Setting::Issuer, m_ui->issuerReason},
        {Setting::AuthorizeUrl, m_ui->authorizeUrlReason},
        {Setting::TokenUrl, m_ui->tokenUrlReason},
        {Setting::RevokeUrl, m_ui->revokeUrlReason},
        {Setting::ApiUrl, m_ui->apiUrlReason},
        {Setting::ClientId, m_ui->clientIdReason},
        {Setting::ClientSecret, m_ui->clientSecretReason},
        {Setting::Scope, m_ui->scopeReason},
    };
    //: The language setting: use the language the system is set to.
    m_ui->languageCombo->addItem(tr("System default"), QString());
    // Only languages the app has its texts in; each in its own words.
    for (const QString &language : Translations::available())
        m_ui->languageCombo->addItem(Translations::nativeName(language), language);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the settings"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without saving"));

    showStored();

    for (QLineEdit *edit : std::as_const(m_edits))
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->clientSecretEdit, &QLineEdit::textChanged, this, &SettingsDialog::showClientSecret);
    connect(m_ui->issuerEdit, &QLineEdit::textChanged, this, &SettingsDialog::showDiscovered);
    connect(m_ui->removeClientSecretButton, &QPushButton::clicked, this, [this] {
        m_change->removeClientSecret = true;
        m_ui->clientSecretEdit->setText(QString());
        showClientSecret();
    });
    connect(m_ui->connectApiKeyButton, &QPushButton::clicked, this, &SettingsDialog::connectWithApiKey);
    connect(m_ui->apiKeyEdit, &QLineEdit::returnPressed, this, &SettingsDialog::connectWithApiKey);
    connect(m_ui->apiKeyEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ui->connectApiKeyButton->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_change, &SettingsChange::applied, this, &SettingsDialog::applied);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showPage(Page page)
{
    QWidget *pages[] = {m_ui->connectionPage, m_ui->apiKeyPage, m_ui->generalPage};
    m_ui->tabs->setCurrentWidget(pages[int(page)]);
    if (page == Page::ApiKey)
        m_ui->apiKeyEdit->setFocus();
}

void SettingsDialog::showStored()
{
    m_change->reset();
    const Configuration effective = m_preferences->configuration();
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        QLineEdit *edit = it.value();
        QLabel *reason = m_reasons.value(it.key());
        const QString overriddenBy = m_preferences->overriddenBy(it.key());
        if (it.key() == Setting::ClientId)
            edit->setPlaceholderText(tr("Needed to sign in through the browser"));
        else if (it.key() == Setting::Issuer)
            //: The issuer field is empty: the endpoints are set one by one, or WebinarGeek's apply.
            edit->setPlaceholderText(tr("None: the endpoints below apply"));
        else if (it.key() == Setting::RevokeUrl)
            //: The revocation URL is empty: signing out does not revoke tokens at the server.
            edit->setPlaceholderText(tr("None: tokens are not revoked when you sign out"));
        else if (it.key() == Setting::Scope && Preferences::defaultValue(it.key()).isEmpty())
            //: The scope field is empty: the request names no scope, and the server grants its default.
            edit->setPlaceholderText(tr("None: the server's default scope"));
        else if (it.key() != Setting::ClientSecret)
            edit->setPlaceholderText(Preferences::defaultValue(it.key()));
        if (overriddenBy.isEmpty()) {
            edit->setText(m_change->connection.value(it.key()));
            edit->setReadOnly(false);
            reason->hide();
            continue;
        }
        // What applies, read-only: the file's value would change nothing.
        QString value;
        switch (it.key()) {
        case Setting::Issuer:
            value = effective.issuer.toString();
            break;
        case Setting::AuthorizeUrl:
            value = effective.authorizeUrl.toString();
            break;
        case Setting::TokenUrl:
            value = effective.tokenUrl.toString();
            break;
        case Setting::RevokeUrl:
            value = effective.revokeUrl.toString();
            break;
        case Setting::ApiUrl:
            value = effective.apiUrl.toString();
            break;
        case Setting::ClientId:
            value = effective.clientId;
            break;
        case Setting::Scope:
            value = effective.scope;
            break;
        case Setting::ClientSecret:
            break; // never shown, not even as dots
        }
        edit->setText(value);
        edit->setReadOnly(true);
        reason->setText(overriddenBy + QLatin1Char('.'));
        reason->show();
        edit->setAccessibleDescription(overriddenBy);
    }
    m_ui->startAtLoginCheck->setChecked(m_change->startAtLogin);
    m_ui->startHiddenCheck->setChecked(m_change->startHidden);
    m_ui->languageCombo->setCurrentIndex(qMax(0, m_ui->languageCombo->findData(m_change->language)));
    m_ui->connectApiKeyButton->setEnabled(false);
    m_ui->apiKeyResult->hide();
    m_ui->applyError->hide();
    showClientSecret();
    showDiscovered();
    validate();
}

// With an issuer, the empty endpoint fields show what its metadata named, as their placeholders,
// and the line under the issuer says where and when it was read, or why it could not be used.
void SettingsDialog::showDiscovered()
{
    const QString typed = m_ui->issuerEdit->text().trimmed();
    const SettingsChange::Discovered discovered = m_change->discovered(QUrl(typed, QUrl::StrictMode));
    const IssuerMetadata &metadata = discovered.metadata;
    const bool read = discovered.inUse ? discovered.problem.isEmpty() : !metadata.isEmpty();
    const QList<QPair<Setting, QUrl>> endpoints = {
        {Setting::AuthorizeUrl, metadata.authorizationEndpoint},
        {Setting::TokenUrl, metadata.tokenEndpoint},
        {Setting::RevokeUrl, metadata.revocationEndpoint},
    };
    for (const auto &[setting, url] : endpoints) {
        QLineEdit *edit = m_edits.value(setting);
        if (typed.isEmpty())
            edit->setPlaceholderText(setting == Setting::RevokeUrl
                                         ? tr("None: tokens are not revoked when you sign out")
                                         : Preferences::defaultValue(setting));
        else if (!url.isEmpty())
            edit->setPlaceholderText(url.toString());
        else if (setting == Setting::RevokeUrl && read)
            //: The issuer's metadata names no revocation endpoint.
            edit->setPlaceholderText(tr("None: the server offers no revocation"));
        else
            //: The endpoint field is empty: the address comes from the issuer's metadata.
            edit->setPlaceholderText(tr("From the issuer's metadata"));
    }
    QString text;
    if (!discovered.problem.isEmpty())
        text = discovered.problem;
    else if (!metadata.source.isEmpty() && !metadata.fetchedAt.isValid())
        text = tr("Endpoints read from %1. They are read again as soon as the server answers: one of them failed.")
                   .arg(metadata.source.toDisplayString());
    else if (!metadata.source.isEmpty())
        //: %1 is an address, %2 a date and time.
        text = tr("Endpoints read from %1 on %2.")
                   .arg(metadata.source.toDisplayString(),
                        QLocale().toString(metadata.fetchedAt.toLocalTime(), QLocale::ShortFormat));
    else if (!typed.isEmpty() && !discovered.inUse)
        text = tr("The endpoints left empty are read from the issuer's metadata once you press OK.");
    m_ui->issuerDiscovered->setText(text);
    m_ui->issuerDiscovered->setVisible(!text.isEmpty());
}

void SettingsDialog::showClientSecret()
{
    QLineEdit *edit = m_ui->clientSecretEdit;
    const bool fromEnvironment = m_preferences->isOverridden(Setting::ClientSecret);
    const bool stored = m_preferences->clientSecretStored() && !m_change->removeClientSecret;
    QString status;
    if (fromEnvironment) {
        edit->setPlaceholderText(tr("Set in the environment"));
    } else if (!edit->text().isEmpty()) {
        status = tr("The new client secret is stored in the keychain when you press OK.");
    } else if (m_change->removeClientSecret) {
        status = tr("The client secret is removed from the keychain when you press OK.");
    } else if (stored && m_change->movesClientSecret()) {
        edit->setPlaceholderText(tr("Stored in the keychain"));
        status = tr("Moves to the new client when you press OK.");
    } else if (stored) {
        edit->setPlaceholderText(tr("Stored in the keychain"));
        status = tr("A client secret is stored in the keychain.");
    } else {
        //: The client secret field is empty: the client is a public one, which needs no secret.
        edit->setPlaceholderText(tr("None (a public client)"));
    }
    m_ui->clientSecretStatus->setText(status);
    m_ui->clientSecretStatus->setVisible(!status.isEmpty());
    m_ui->removeClientSecretButton->setVisible(stored && !fromEnvironment && edit->text().isEmpty());
}

void SettingsDialog::collect()
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (it.key() != Setting::ClientSecret && !it.value()->isReadOnly())
            m_change->connection.insert(it.key(), it.value()->text());
    }
    m_change->newClientSecret = m_ui->clientSecretEdit->isReadOnly() ? QString() : m_ui->clientSecretEdit->text();
    m_change->startAtLogin = m_ui->startAtLoginCheck->isChecked();
    m_change->startHidden = m_ui->startHiddenCheck->isChecked();
    m_change->language = m_ui->languageCombo->currentData().toString();
}

void SettingsDialog::validate()
{
    collect();
    const QStringList problems = m_change->problems();
    m_ui->problemsLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->problemsLabel->setVisible(!problems.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty() && !m_change->isApplying());
    showClientSecret(); // the client id or token URL decides where a stored secret belongs
}

void SettingsDialog::accept()
{
    validate();
    if (!m_change->problems().isEmpty()) {
        showPage(Page::Connection);
        return;
    }
    m_ui->applyError->hide();
    m_ui->buttonBox->setEnabled(false);
    m_change->apply();
}

void SettingsDialog::reject()
{
    if (m_change->isApplying())
        return;
    QDialog::reject();
}

void SettingsDialog::closeEvent(QCloseEvent *event)
{
    if (m_change->isApplying()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void SettingsDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in the API-key field connects (returnPressed); it must not also press OK.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && focusWidget() == m_ui->apiKeyEdit) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SettingsDialog::applied(const QString &error)
{
    m_ui->buttonBox->setEnabled(true);
    if (error.isEmpty()) {
        m_ui->clientSecretEdit->setText(QString());
        if (!m_change->warning().isEmpty()) {
            // Saved, but the person should read this before the dialog goes.
            m_ui->applyError->setText(m_change->warning());
            m_ui->applyError->show();
            showClientSecret();
            validate();
            return;
        }
        QDialog::accept();
        return;
    }
    m_ui->applyError->setText(tr("The settings were not saved. %1").arg(error));
    m_ui->applyError->show();
    validate();
}

void SettingsDialog::connectWithApiKey()
{
    const QString key = m_ui->apiKeyEdit->text().trimmed();
    if (key.isEmpty() || m_waitingForApiKey)
        return;
    // Not kept in the field once it is on its way; setText() (unlike clear()) also empties the
    // field's undo history.
    m_ui->apiKeyEdit->setText(QString());
    m_ui->apiKeyResult->show();
    // A new account: or, when the key is an account's that is already there, that one renewed.
    Session *account = m_accounts->newAccount();
    if (account->state() == Session::State::SigningIn) {
        m_ui->apiKeyResult->setText(
            tr("A sign-in is already in progress. Finish or cancel it, then connect with the API key."));
        return;
    }
    m_waitingForApiKey = true;
    m_ui->apiKeyEdit->setReadOnly(true); // keeps the focus, so Enter stays in the field
    m_ui->apiKeyResult->setText(tr("Checking the API key with WebinarGeek…"));
    m_apiKeyAccount = account;
    connect(account, &Session::signInFinished, this, &SettingsDialog::apiKeyFinished, Qt::UniqueConnection);
    account->signInWithApiKey(key);
}

void SettingsDialog::apiKeyFinished(const AuthError &error)
{
    if (!m_waitingForApiKey || sender() != m_apiKeyAccount)
        return;
    m_waitingForApiKey = false;
    m_ui->apiKeyEdit->setReadOnly(false);
    if (error.isError()) {
        m_ui->apiKeyResult->setText(tr("Not connected. %1").arg(error.message()));
        m_ui->apiKeyEdit->setFocus();
        return;
    }
    const StoredSession &stored = m_apiKeyAccount->stored();
    m_ui->apiKeyResult->setText(
        tr("Connected as %1 with the API key.").arg(Accounts::displayName(stored.email, stored.company)));
}
