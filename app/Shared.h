#pragma once

#include <QtGlobal>

// Marks what the app library shares with the session library. The session library (sign-in,
// refresh, keychain, tray, settings) is loaded only after the window is on screen, and it builds
// on the few classes marked here: the session's interface, the window, the preferences. All other
// code is hidden in the library it is linked into (CMAKE_CXX_VISIBILITY_PRESET), so the dynamic
// loader has nothing more to bind at start.
#define WGC_SHARED Q_DECL_EXPORT
