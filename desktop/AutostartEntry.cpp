#include "AutostartEntry.h"

#include "DesktopLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

AutostartEntry::AutostartEntry(const QString &fileName, const QString &executable)
    : m_fileName(fileName)
    , m_executable(executable.isEmpty() ? QCoreApplication::applicationFilePath() : executable)
{ }

QString AutostartEntry::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QLatin1String("/autostart/webinargeek-connect.desktop");
}

bool AutostartEntry::isEnabled() const
{
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    bool inMainGroup = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.startsWith('[')) {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        if (!inMainGroup)
            continue;
        // The person (or their desktop's settings) may have turned the entry off without deleting it.
        QByteArray setting = line;
        setting.replace(' ', "");
        if (setting == "Hidden=true" || setting == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
}

bool AutostartEntry::setEnabled(bool enabled)
{
    m_error.clear();
    if (!enabled) {
        if (QFile::exists(m_fileName) && !QFile::remove(m_fileName)) {
            m_error = tr("The autostart entry %1 cannot be removed.").arg(m_fileName);
            qCWarning(lcDesktop) << m_error;
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(m_fileName).absolutePath())) {
        m_error = tr("The folder for the autostart entry %1 cannot be created.").arg(m_fileName);
        qCWarning(lcDesktop) << m_error;
        return false;
    }
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents()) < 0 || !file.commit()) {
        m_error = tr("The autostart entry %1 cannot be written: %2").arg(m_fileName, file.errorString());
        qCWarning(lcDesktop) << m_error;
        return false;
    }
    return true;
}

QByteArray AutostartEntry::contents() const
{
    // Not translated: the entry is read by the session at login, long after this language was chosen.
    QString text;
    text += QLatin1String("[Desktop Entry]\n");
    text += QLatin1String("Type=Application\n");
    text += QLatin1String("Name=WebinarGeek Connect\n");
    text += QLatin1String("Comment=Keeps your WebinarGeek account connected\n");
    // At login the app goes to the tray without a window in the person's way.
    text += QLatin1String("Exec=") + execArgument(QFileInfo(m_executable).absoluteFilePath())
        + QLatin1String(" --background\n");
    text += QLatin1String("Icon=webinargeek-connect\n");
    text += QLatin1String("Terminal=false\n");
    text += QLatin1String("X-GNOME-Autostart-enabled=true\n");
    return text.toUtf8();
}

QString AutostartEntry::execArgument(const QString &argument)
{
    // Desktop Entry Specification, "The Exec key": an argument with a reserved character is
    // quoted, and inside the quotes `"`, `` ` ``, `$` and `\` take a backslash. `%` is always
    // doubled (field codes). Then the whole value is escaped as a string, which doubles every
    // backslash again.
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument)
        needsQuotes = needsQuotes || reserved.contains(c);
    QString quoted;
    for (const QChar c : argument) {
        if (c == QLatin1Char('%'))
            quoted += QLatin1String("%%");
        else if (needsQuotes
                 && (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\')))
            quoted += QLatin1Char('\\') + c;
        else
            quoted += c;
    }
    if (needsQuotes)
        quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    QString escaped;
    for (const QChar c : quoted) {
        if (c == QLatin1Char('\\'))
            escaped += QLatin1String("\\\\");
        else if (c == QLatin1Char('\n'))
            escaped += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            escaped += QLatin1String("\\t");
        else if (c == QLatin1Char('\r'))
            escaped += QLatin1String("\\r");
        else
            escaped += c;
    }
    return escaped;
}
