#pragma once

#include <QCoreApplication>
#include <QString>

// Start at login: the XDG autostart entry $XDG_CONFIG_HOME/autostart/webinargeek-connect.desktop
// (Desktop Application Autostart Specification), which desktop sessions read at login.
class AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
public:
    // `executable`: what the entry starts; empty: this running program.
    explicit AutostartEntry(const QString &fileName = defaultFileName(), const QString &executable = QString());

    static QString defaultFileName();
    QString fileName() const { return m_fileName; }

    // The entry exists and no one turned it off (Hidden=true, X-GNOME-Autostart-enabled=false).
    bool isEnabled() const;
    // Writes or removes the entry. False when that failed; errorString() says why.
    bool setEnabled(bool enabled);
    QString errorString() const { return m_error; }

    QByteArray contents() const;
    // One argument of an Exec line: quoted where the Desktop Entry Specification asks for it,
    // then escaped as a string value.
    static QString execArgument(const QString &argument);

private:
    QString m_fileName;
    QString m_executable;
    QString m_error;
};
