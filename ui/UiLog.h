#pragma once

#include <QLoggingCategory>

// The widgets and how the desktop app is put together (tray, window, hide to the tray):
// QT_LOGGING_RULES="wgc.ui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUi)
