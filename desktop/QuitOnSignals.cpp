#include "QuitOnSignals.h"

#include "DesktopLog.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// Written by the signal handler (only async-signal-safe calls there), read by the event loop.
int g_signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    // The interrupted code may be about to read errno.
    const int savedErrno = errno;
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
    errno = savedErrno;
}
} // namespace
#endif

QuitOnSignals::QuitOnSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    // Non-blocking: a handler must never wait for the main thread, which it has interrupted.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0) {
        qCWarning(lcDesktop) << "Cannot watch for termination signals:" << qt_error_string(errno);
        return;
    }
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [] {
        char byte = 0;
        if (::read(g_signalPipe[1], &byte, 1) == 1)
            qCInfo(lcDesktop) << "Quitting on signal" << int(byte);
        // exit(), not quit(): Qt 6's quit() asks the windows to close first and gives up when
        // one refuses, as a window that hides to the tray does.
        QCoreApplication::exit(0);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(number, &action, nullptr);
#endif
}

QuitOnSignals::~QuitOnSignals()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    // Back to the default: a signal after this point ends the process as usual.
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        ::signal(number, SIG_DFL);
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    g_signalPipe[0] = g_signalPipe[1] = -1;
#endif
}
