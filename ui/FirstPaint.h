#pragma once

#include "Shared.h"

#include <functional>

class QObject;
class QWidget;

// How long the rest of the start (the session, tray icon, keychain read) waits for the window's
// first paint before it goes anyway: the first expose comes within a few tens of milliseconds of
// show(), a few hundred on a busy machine, and never for a window mapped where it cannot be
// seen (another virtual desktop). A second is past the slow case and still before a person
// looks for the tray icon.
constexpr int kFirstPaintTimeoutMs = 1000;

// Calls `then` once `window` (shown) is on the screen and painted: queued after its first expose,
// which the window paints in its own handling of that event. Soon (queued) when it is exposed
// already; after `timeoutMs` when no expose comes, as for a window mapped on another virtual
// desktop. Once; not at all when `context` goes first.
//
// What can wait for the window waits for this: anything done between show() and the first paint
// takes the CPU from the X server's map and from the paint, and the window comes later.
WGC_SHARED void afterFirstPaint(QWidget *window, int timeoutMs, QObject *context, const std::function<void()> &then);
