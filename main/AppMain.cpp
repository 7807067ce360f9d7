// The app library's entry point: the command line or the window.

#include "AppMain.h"

#include "cli/CommandLine.h"
#include "cli/CommandLineMain.h"
#include "desktop/DesktopMain.h"

#include <QCoreApplication>

int wgc_run(int argc, char **argv)
{
    // Before the application object, so that everything named after the app sees them.
    QCoreApplication::setOrganizationName(QStringLiteral("WebinarGeek"));
    QCoreApplication::setApplicationName(QStringLiteral("webinargeek-connect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WGC_VERSION));
    if (CommandLine::wantsCommandLine(argc, argv))
        return runCommandLine(argc, argv);
    return runDesktop(argc, argv);
}
