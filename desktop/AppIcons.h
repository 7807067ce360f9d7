#pragma once

#include "TrayStatus.h"

#include <QIcon>

// The app's icons, from the PNGs in its resources (resources/icons/hicolor/, rendered from the
// SVGs by resources/icons/render-png.sh): every size there is, so Qt picks the one that fits.
namespace AppIcons {

QIcon application();
QIcon tray(TrayStatus::Kind kind);

// The sizes the resources hold, smallest first: one folder each ("16x16" and so on), as in an
// icon theme. resources/CMakeLists.txt lists them, as render-png.sh renders them.
QList<int> sizes();

} // namespace AppIcons
