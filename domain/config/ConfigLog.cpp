#include "ConfigLog.h"

Q_LOGGING_CATEGORY(lcConfig, "wgc.config", QtWarningMsg)
