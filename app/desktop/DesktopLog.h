#pragma once

#include "Shared.h"

#include <QLoggingCategory>

// The desktop side that needs no widgets: tray state, notifications, one instance, preferences,
// start at login: QT_LOGGING_RULES="wgc.desktop.debug=true".
// Shared: both libraries log here (Shared.h).
WGC_SHARED const QLoggingCategory &lcDesktop();
