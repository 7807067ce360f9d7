#pragma once

#include <QLoggingCategory>

// Settings, endpoints and the language ("wgc.config").
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
