#include "SettingsFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace SettingsFile {

namespace {

QString problemWithType(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return QString(); // nothing written yet: the defaults apply
    if (!info.exists()) {
        return QCoreApplication::translate("SettingsFile", "The settings file %1 is a link to nothing.")
            .arg(QDir::toNativeSeparators(path));
    }
    // isFile() follows a link and is false for directories, FIFOs, sockets and devices.
    if (!info.isFile()) {
        return QCoreApplication::translate("SettingsFile", "The settings file %1 is not a regular file.")
            .arg(QDir::toNativeSeparators(path));
    }
    if (!info.isReadable()) {
        return QCoreApplication::translate("SettingsFile", "The settings file %1 cannot be read.")
            .arg(QDir::toNativeSeparators(path));
    }
    return QString();
}

} // namespace

Opened open(const QString &path)
{
    Opened opened;
    opened.problem = problemWithType(path);
    if (opened.problem.isEmpty()) {
        opened.settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
        // Only the first QSettings of a path in a process reports a parse error: Qt keeps what it
        // read for the later ones (see main/main.cpp).
        switch (opened.settings->status()) {
        case QSettings::NoError:
            return opened;
        case QSettings::AccessError:
            opened.problem = QCoreApplication::translate("SettingsFile", "The settings file %1 cannot be read.")
                                 .arg(QDir::toNativeSeparators(path));
            break;
        case QSettings::FormatError:
            opened.problem =
                QCoreApplication::translate("SettingsFile", "The settings file %1 is damaged and cannot be read.")
                    .arg(QDir::toNativeSeparators(path));
            break;
        }
    }
    // QSettings with no file name keeps its values in memory only and refuses to be saved.
    opened.settings = std::make_unique<QSettings>(QString(), QSettings::IniFormat);
    return opened;
}

} // namespace SettingsFile
