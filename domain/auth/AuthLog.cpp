#include "AuthLog.h"

Q_LOGGING_CATEGORY(lcAuth, "wgc.auth", QtWarningMsg)
