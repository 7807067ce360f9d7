#pragma once

#include "desktop/SingleInstance.h" // its Answer

#include <QtGlobal>

#include <functional>

class CommandLine;
class InstanceLock;
class MainWindow;
class Preferences;
class QObject;

// The session library's entry points (SessionMain.cpp). The app library calls them through
// SessionLibrary, which loads this library the first time one is needed.
extern "C" {

// A command (login, status, token, logout), parsed, with the preferences it amends: runs it to
// the end in the application the caller made, and returns the exit code.
Q_DECL_EXPORT int wgc_run_command(const CommandLine &commandLine, Preferences *preferences);

// A later launch of the window: asks the one instance to show its window (`activate`), or only
// whether it runs; `gone` says whether it went away meanwhile (SingleInstance::ask()). `error`
// says why when it did not answer.
Q_DECL_EXPORT SingleInstance::Answer wgc_ask_running_instance(bool activate, const std::function<bool()> &gone,
                                                              QString *error);

// The window is on the screen (or starts hidden, `startHidden`): reads the client secret when
// one is stored, then builds the session, the tray icon, the settings and the rest around the
// window, and starts them. Takes `window`; `preferences` and `lock` stay the caller's and must
// outlive the result. `lock`, when this process holds it, is the one instance's: it listens for
// later launches, and lets go of the lock when it cannot. Returns what to delete before the
// application goes.
Q_DECL_EXPORT QObject *wgc_start_desktop(MainWindow *window, Preferences *preferences, bool startHidden,
                                         InstanceLock *lock);
}
