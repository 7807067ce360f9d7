#include "StorageLog.h"

Q_LOGGING_CATEGORY(lcStorage, "wgc.storage", QtWarningMsg)
