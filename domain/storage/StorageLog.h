#pragma once

#include <QLoggingCategory>

// The keychain ("wgc.storage").
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
