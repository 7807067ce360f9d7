#pragma once

#include "desktop/SingleInstance.h" // its Answer

#include <QString>

#include <functional>

class CommandLine;
class InstanceLock;
class MainWindow;
class Preferences;
class QObject;

// The session library (sign-in, refresh, keychain, tray, settings, the command line's commands,
// and everything else that needs Qt Network), seen from the app library. On Linux it is a second
// shared library, loaded the first time one of these is called: after the window is on the
// screen, so that Qt Network, QtNetworkAuth and the keychain's libraries are not loaded on the way
// to it. Elsewhere it is linked into the app library and these are plain calls.
namespace SessionLibrary {

// Loads the library, once. False, with `error` saying why, when it cannot be loaded: an
// incomplete installation.
bool load(QString *error);

// The entry points of SessionMain.h; each needs load() to have succeeded.
int runCommand(const CommandLine &commandLine, Preferences *preferences);
SingleInstance::Answer askRunningInstance(bool activate, const std::function<bool()> &gone, QString *error);
QObject *startDesktop(MainWindow *window, Preferences *preferences, bool startHidden, InstanceLock *lock);

} // namespace SessionLibrary
