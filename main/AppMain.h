#pragma once

#include <QtGlobal>

// The app library's one entry point; the launcher (main.cpp) loads the library and calls it for
// everything but its own quick `status` and `token`.
extern "C" Q_DECL_EXPORT int wgc_run(int argc, char **argv);
