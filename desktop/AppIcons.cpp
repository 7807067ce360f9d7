#include "AppIcons.h"

namespace {

QIcon fromResources(const QString &context, const QString &name)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/%2/%3.png").arg(size).arg(context, name), QSize(size, size));
    return icon;
}

} // namespace

QIcon AppIcons::application()
{
    return fromResources(QStringLiteral("apps"), QStringLiteral("webinargeek-connect"));
}

QIcon AppIcons::tray(TrayStatus::Kind kind)
{
    return fromResources(QStringLiteral("status"), TrayStatus::iconName(kind));
}
