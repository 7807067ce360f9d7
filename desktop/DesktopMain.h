#pragma once

// The window's side of the app: one window per user, the settings, the session, the tray icon
// and the rest put together (DesktopApp), and run until the person quits. Returns the exit code.
int runDesktop(int argc, char **argv);
