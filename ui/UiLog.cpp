#include "UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "wgc.ui", QtWarningMsg)
