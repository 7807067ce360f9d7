#pragma once

#include "config/Configuration.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QScopedPointer>

class AutostartEntry;
class Preferences;
class QLabel;
class QLineEdit;
class Accounts;
class Session;
class SettingsChange;
struct AuthError;

namespace Ui {
class SettingsDialog;
}

// The settings: where to sign in (Connection), connecting with a personal API key instead
// (API key), and start at login, start hidden, language (General). A view: SettingsChange checks
// and applies what is typed here, an API key signs in a new account (Accounts::newAccount()).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Connection, ApiKey, General };

    SettingsDialog(Accounts *accounts, Preferences *preferences, AutostartEntry *autostart, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);

    // Refused while the settings have problems; closes once they are applied.
    void accept() override;
    // Refused while the settings are being applied: the keychain is still answering.
    void reject() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void showStored();
    void showClientSecret();
    void showDiscovered();
    void collect();
    void validate();
    void connectWithApiKey();
    void apiKeyFinished(const AuthError &error);
    void applied(const QString &error);

    QScopedPointer<Ui::SettingsDialog> m_ui;
    Accounts *m_accounts;
    QPointer<Session> m_apiKeyAccount; // signing in with the key typed here
    Preferences *m_preferences;
    SettingsChange *m_change;
    QHash<Setting, QLineEdit *> m_edits;
    QHash<Setting, QLabel *> m_reasons;
    bool m_waitingForApiKey = false;
};
