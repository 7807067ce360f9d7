#pragma once

#include "Shared.h"

#include <QLoggingCategory>

// The widgets and how the desktop app is put together (tray, window, hide to the tray):
// QT_LOGGING_RULES="wgc.ui.debug=true".
// Shared: both libraries log here (Shared.h).
WGC_SHARED const QLoggingCategory &lcUi();
