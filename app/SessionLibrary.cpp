#include "SessionLibrary.h"

#include "SessionMain.h"

#ifdef WGC_SESSION_LIBRARY
#include <QFileInfo>

#include <dlfcn.h>
#endif

namespace {

struct EntryPoints
{
    decltype(&wgc_run_command) runCommand = nullptr;
    decltype(&wgc_ask_running_instance) askRunningInstance = nullptr;
    decltype(&wgc_start_desktop) startDesktop = nullptr;
};

#ifdef WGC_SESSION_LIBRARY
EntryPoints entryPoints; // filled in by load()

// Beside this library, installed or in the build tree.
QString libraryPath()
{
    Dl_info self {};
    dladdr(reinterpret_cast<const void *>(&libraryPath), &self);
    return QFileInfo(QString::fromLocal8Bit(self.dli_fname)).absolutePath() + QLatin1Char('/')
        + QStringLiteral(WGC_SESSION_LIBRARY);
}

template<typename Function> bool resolve(void *library, const char *name, Function *function, QString *error)
{
    *function = reinterpret_cast<Function>(dlsym(library, name));
    if (!*function)
        *error = QString::fromLocal8Bit(dlerror());
    return *function != nullptr;
}
#else
// Linked in: known from the start.
const EntryPoints entryPoints {&wgc_run_command, &wgc_ask_running_instance, &wgc_start_desktop};
#endif

} // namespace

bool SessionLibrary::load(QString *error)
{
#ifdef WGC_SESSION_LIBRARY
    if (entryPoints.startDesktop)
        return true;
    const QByteArray path = libraryPath().toLocal8Bit();
    // Lazy: most of the library's calls into Qt are never made in one run, so resolving them all
    // up front would be time spent for nothing.
    void *library = dlopen(path.constData(), RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        *error = QString::fromLocal8Bit(dlerror());
        return false;
    }
    EntryPoints found;
    if (!resolve(library, "wgc_run_command", &found.runCommand, error)
        || !resolve(library, "wgc_ask_running_instance", &found.askRunningInstance, error)
        || !resolve(library, "wgc_start_desktop", &found.startDesktop, error))
        return false;
    entryPoints = found;
#else
    Q_UNUSED(error)
#endif
    return true;
}

int SessionLibrary::runCommand(const CommandLine &commandLine, Preferences *preferences)
{
    return entryPoints.runCommand(commandLine, preferences);
}

SingleInstance::Answer SessionLibrary::askRunningInstance(bool activate, const std::function<bool()> &gone,
                                                          QString *error)
{
    return entryPoints.askRunningInstance(activate, gone, error);
}

QObject *SessionLibrary::startDesktop(MainWindow *window, Preferences *preferences, bool startHidden,
                                      InstanceLock *lock)
{
    return entryPoints.startDesktop(window, preferences, startHidden, lock);
}
