#pragma once

#include "Configuration.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QSettings;

// What the person chose in the settings dialog, in the settings file
// (~/.config/WebinarGeek/webinargeek-connect.conf): the connection settings under the names
// Configuration reads (allSettings()), and the desktop's own. The client secret is never written
// here; the file only says whether one is stored in the keychain.
//
// Setters change this object only; save() writes the file.
class Preferences
{
    Q_DECLARE_TR_FUNCTIONS(Preferences)
public:
    explicit Preferences(const QString &fileName = ConfigurationLoader::defaultSettingsPath(),
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    ~Preferences();

    QString fileName() const;
    // Why the settings file cannot be used (not a regular file, unreadable, damaged), or empty.
    // Then nothing is read from it and save() refuses: the command line and the window stop
    // with this sentence instead of running on the built-in defaults.
    QString problem() const { return m_problem; }

    // The endpoint options given on this run's command line (CommandLine::options()): they win
    // over the file. Kept as typed, so a wrong one can be shown and quoted as it was given.
    void setOptions(const QHash<Setting, QString> &options);
    // The text that applies to `setting`: option > environment > file > default, as written
    // (an address that is not valid stays what was typed). Never the client secret.
    QString effectiveText(Setting setting) const;

    // As written in the file; empty: the built-in default applies. Never the client secret.
    QString connectionValue(Setting setting) const;
    // Ignored for Setting::ClientSecret: a secret does not go into a file.
    void setConnectionValue(Setting setting, const QString &value);
    // What applies when the file and the environment say nothing.
    static QString defaultValue(Setting setting);

    // Set by an environment variable or a command-line option, so editing the file would change
    // nothing: the sentence says which (empty when the setting is the file's to decide).
    QString overriddenBy(Setting setting) const;
    bool isOverridden(Setting setting) const { return !overriddenBy(setting).isEmpty(); }

    bool startAtLogin() const;
    void setStartAtLogin(bool enabled);
    bool startHidden() const; // start hidden in the tray
    void setStartHidden(bool hidden);
    // "" follows the system; otherwise "en", "nl" or "de".
    QString language() const;
    void setLanguage(const QString &language);
    static QStringList languages();
    // A client secret is stored in the keychain for the configured client; only then does
    // start-up read the keychain for one.
    bool clientSecretStored() const;
    void setClientSecretStored(bool stored);

    // Option > environment > this object's values > default; the client secret from the
    // environment only (resolveConfiguration() adds the keychain's).
    Configuration configuration() const;

    // Writes the file. False when it cannot be written; errorString() says why.
    bool save();
    QString errorString() const { return m_error; }

    // The names in the file, for tests and documentation.
    static QString startAtLoginKey() { return QStringLiteral("start_at_login"); }
    static QString startHiddenKey() { return QStringLiteral("start_hidden"); }
    static QString languageKey() { return Translations::settingsKey(); }
    static QString clientSecretStoredKey() { return QStringLiteral("client_secret_in_keychain"); }

private:
    QString m_fileName;
    std::unique_ptr<QSettings> m_settings;
    QString m_problem;
    QProcessEnvironment m_env;
    QHash<Setting, QString> m_options; // given on the command line
    QString m_error;
};
