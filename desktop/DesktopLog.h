#pragma once

#include <QLoggingCategory>

// The desktop side: the window, the tray icon and its state, notifications, one instance, start at
// login ("wgc.desktop").
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)
