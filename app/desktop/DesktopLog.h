#pragma once

#include <QLoggingCategory>

// The desktop side that needs no widgets: tray state, notifications, one instance, preferences,
// start at login: QT_LOGGING_RULES="wgc.desktop.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcDesktop)
