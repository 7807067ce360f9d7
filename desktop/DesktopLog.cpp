#include "DesktopLog.h"

Q_LOGGING_CATEGORY(lcDesktop, "wgc.desktop", QtWarningMsg)
