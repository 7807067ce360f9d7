#include "AppIcons.h"

#include <QDir>

#include <algorithm>

namespace {

const QString kTheme = QStringLiteral(":/icons/hicolor");

QIcon fromResources(const QString &context, const QString &name)
{
    QIcon icon;
    for (int size : AppIcons::sizes()) {
        icon.addFile(QStringLiteral("%1/%2x%2/%3/%4.png").arg(kTheme).arg(size).arg(context, name), QSize(size, size));
    }
    return icon;
}

} // namespace

QList<int> AppIcons::sizes()
{
    QList<int> sizes;
    for (const QString &folder : QDir(kTheme).entryList(QDir::Dirs)) {
        const int size = folder.section(QLatin1Char('x'), 0, 0).toInt();
        if (size > 0)
            sizes << size;
    }
    std::sort(sizes.begin(), sizes.end());
    return sizes;
}

QIcon AppIcons::application()
{
    return fromResources(QStringLiteral("apps"), QStringLiteral("webinargeek-connect"));
}

QIcon AppIcons::tray(TrayStatus::Kind kind)
{
    return fromResources(QStringLiteral("status"), TrayStatus::iconName(kind));
}
