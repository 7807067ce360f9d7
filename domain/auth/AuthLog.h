#pragma once

#include <QLoggingCategory>

// The sign-in flow, refresh and session state: QT_LOGGING_RULES="wgc.auth.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
