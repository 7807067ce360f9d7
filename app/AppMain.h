#pragma once

#include <QtGlobal>

// The app's entry point, exported from its shared library; the launcher (main.cpp) calls it for
// everything but the fast `status` and `token`.
extern "C" Q_DECL_EXPORT int wgc_run(int argc, char **argv);
