#pragma once

#include "TrayStatus.h"

#include <QIcon>

// The app's icons, from the PNGs in its resources (resources/icons/hicolor/, rendered from the
// SVGs by resources/icons/render-png.sh): every size there is, so Qt picks the one that fits.
namespace AppIcons {

QIcon application();
QIcon tray(TrayStatus::Kind kind);

} // namespace AppIcons
