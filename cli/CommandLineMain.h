#pragma once

// The command line's side of the app (login, status, token, logout): parses the arguments, builds
// the session, runs the command to its end, and returns the exit code. No widgets are loaded.
int runCommandLine(int argc, char **argv);
