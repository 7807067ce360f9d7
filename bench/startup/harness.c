/* startup-harness: starts a program under X and measures, from outside, how long it takes until
 * its first top-level window is mapped, and how much memory it has used by then. bench/startup.sh
 * and bench/idle.sh run it.
 *
 *   startup-harness [options] -- PROGRAM [ARGUMENT...]
 *
 *   --settle-ms N    after the map, wait N ms before reading the peak RSS (default 1000)
 *   --timeout-ms N   give up when no window is mapped within N ms (default 30000); exit 3
 *   --title TEXT     wait for the map of the top-level window with this title (WM_NAME or
 *                    _NET_WM_NAME), not the first one: for a program that maps another window
 *                    first (Nextcloud's tray panel before its setup wizard); first_map_ms
 *                    still tells when the first one was mapped
 *   --no-map         expect no window (the program starts hidden); settle from the start
 *   --close          after settling, send WM_DELETE_WINDOW to the window, as a window manager's
 *                    close button does, and report whether the program hid the window or exited
 *   --idle-s N       then measure CPU time and wake-ups of every thread for N s
 *   --trace FILE     then trace every thread with strace for --trace-s s (default 60) into FILE
 *   --trace-s N
 *
 * Why from outside: the program's own clock starts too late (the dynamic loader runs first) and
 * sees the map too early (the X server maps later than the request is queued). So the harness
 * selects SubstructureNotify on the root window before it forks, takes the time, fork/execs the
 * program and waits for the first MapNotify of a top-level window whose _NET_WM_PID is the
 * child. There is no window manager under Xvfb, so a MapNotify follows the client's MapWindow
 * request directly. Override-redirect windows (menus, tooltips) do not count. A tray icon is not
 * seen: the tray host reparents it before it maps it, so its MapNotify goes to the tray's window.
 *
 * Output, one `key=value` a line on stdout. Times are milliseconds, sizes KiB, CPU times of the
 * whole process from its CPU clock (nanosecond resolution). Exit status: 0, 2 on bad usage or when
 * the program could not run, 3 when no window was mapped in time. The program is always ended.
 * WGC_HARNESS_DEBUG=1 prints every MapNotify seen on stderr. */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <xcb/xcb.h>

static pid_t child;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *message)
{
    fprintf(stderr, "startup-harness: %s\n", message);
    if (child > 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    exit(2);
}

/* The whole process's CPU time (user + system, every thread) in ms; -1 when it cannot be read. */
static double process_cpu_ms(pid_t pid)
{
    clockid_t clock;
    struct timespec ts;
    if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &ts) != 0)
        return -1;
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One thread's CPU time (utime + stime from /proc, 10 ms ticks: the kernel lets no other process
 * read a thread's CPU clock) in ms, -1 when it cannot be read. */
static double thread_cpu_ms(pid_t pid, pid_t tid)
{
    char path[96], text[1024];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", (int)pid, (int)tid);
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    const size_t length = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[length] = 0;
    /* The name may hold spaces and parentheses: the fields start after the last ')'. Fields 14 and
     * 15 are utime and stime; state is field 3, the first after the name. */
    const char *p = strrchr(text, ')');
    if (!p)
        return -1;
    unsigned long utime = 0, stime = 0;
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
        return -1;
    return (utime + stime) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

/* A field "Name:   value" of a /proc status file, or -1. */
static long status_field(const char *path, const char *name)
{
    FILE *file = fopen(path, "r");
    if (!file)
        return -1;
    char line[256];
    long value = -1;
    const size_t length = strlen(name);
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, name, length) == 0 && line[length] == ':') {
            value = strtol(line + length + 1, NULL, 10);
            break;
        }
    }
    fclose(file);
    return value;
}

static long proc_status(pid_t pid, const char *name)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    return status_field(path, name);
}

/* --- threads: names, wake-ups (voluntary context switches), CPU time --- */

#define MAX_THREADS 256
struct thread_sample
{
    pid_t tid;
    char name[32];
    long voluntary, involuntary;
    double cpu_ms;
};

static int sample_threads(pid_t pid, struct thread_sample *out)
{
    char path[96];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *dir = opendir(path);
    if (!dir)
        return 0;
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) && count < MAX_THREADS) {
        if (entry->d_name[0] == '.')
            continue;
        struct thread_sample *t = &out[count];
        t->tid = (pid_t)atoi(entry->d_name);
        snprintf(path, sizeof path, "/proc/%d/task/%d/comm", (int)pid, (int)t->tid);
        FILE *file = fopen(path, "r");
        t->name[0] = 0;
        if (file) {
            if (fgets(t->name, sizeof t->name, file))
                t->name[strcspn(t->name, "\n")] = 0;
            fclose(file);
        }
        for (char *c = t->name; *c; ++c)
            if (*c == ' ')
                *c = '_';
        snprintf(path, sizeof path, "/proc/%d/task/%d/status", (int)pid, (int)t->tid);
        t->voluntary = status_field(path, "voluntary_ctxt_switches");
        t->involuntary = status_field(path, "nonvoluntary_ctxt_switches");
        t->cpu_ms = thread_cpu_ms(pid, t->tid);
        ++count;
    }
    closedir(dir);
    return count;
}

/* --- X --- */

static xcb_atom_t intern(xcb_connection_t *connection, const char *name)
{
    xcb_intern_atom_reply_t *reply =
        xcb_intern_atom_reply(connection, xcb_intern_atom(connection, 0, (uint16_t)strlen(name), name), NULL);
    const xcb_atom_t atom = reply ? reply->atom : XCB_ATOM_NONE;
    free(reply);
    return atom;
}

static int window_pid(xcb_connection_t *connection, xcb_window_t window, xcb_atom_t net_wm_pid)
{
    xcb_get_property_reply_t *reply = xcb_get_property_reply(
        connection, xcb_get_property(connection, 0, window, net_wm_pid, XCB_ATOM_CARDINAL, 0, 1), NULL);
    int pid = -1;
    if (reply && reply->format == 32 && xcb_get_property_value_length(reply) >= 4)
        pid = (int)*(uint32_t *)xcb_get_property_value(reply);
    free(reply);
    return pid;
}

/* Prints the window's id, size and WM_NAME. */
static void describe_window(xcb_connection_t *connection, xcb_window_t window)
{
    xcb_get_geometry_reply_t *geometry = xcb_get_geometry_reply(connection, xcb_get_geometry(connection, window), NULL);
    xcb_get_property_reply_t *name = xcb_get_property_reply(
        connection, xcb_get_property(connection, 0, window, XCB_ATOM_WM_NAME, XCB_GET_PROPERTY_TYPE_ANY, 0, 64), NULL);
    printf("window=0x%x\n", window);
    if (geometry)
        printf("window_size=%ux%u\n", geometry->width, geometry->height);
    if (name)
        printf("window_title=%.*s\n", xcb_get_property_value_length(name), (const char *)xcb_get_property_value(name));
    free(geometry);
    free(name);
}

/* Waits up to `deadline` (now_ms() time) for an X event of type `type` (response type, without the
 * "sent" bit) that `accept` takes, or for the child to exit. Returns the event (free it) or NULL. */
typedef int (*accept_fn)(xcb_connection_t *, xcb_generic_event_t *, void *);
static xcb_generic_event_t *wait_event(xcb_connection_t *connection, double deadline, accept_fn accept, void *data)
{
    struct pollfd fd = {.fd = xcb_get_file_descriptor(connection), .events = POLLIN};
    for (;;) {
        xcb_generic_event_t *event;
        while ((event = xcb_poll_for_event(connection))) {
            if (accept(connection, event, data))
                return event;
            free(event);
        }
        if (xcb_connection_has_error(connection))
            die("the X connection failed");
        if (waitpid(child, NULL, WNOHANG) == child) {
            child = 0;
            return NULL;
        }
        const double left = deadline - now_ms();
        if (left <= 0)
            return NULL;
        poll(&fd, 1, left > 50 ? 50 : (int)left + 1); /* 50 ms: notice the child's exit */
    }
}

struct map_filter
{
    xcb_atom_t net_wm_pid;
    xcb_atom_t net_wm_name;
    const char *title; /* NULL: any top-level window of the child */
    double start_ms;
    /* When the last MapNotify arrived, and the child's CPU time then: taken before asking whose
     * window it is, since that question queues behind whatever the program has sent the X server
     * since its map (its first paint), which is not start-up. */
    double seen_ms;
    double seen_cpu_ms;
    double first_ms; /* the first map of any top-level window of the child; 0 before */
};

/* Whether the window's WM_NAME or _NET_WM_NAME is `title`. */
static int window_titled(xcb_connection_t *connection, xcb_window_t window, const struct map_filter *filter)
{
    const xcb_atom_t names[2] = {XCB_ATOM_WM_NAME, filter->net_wm_name};
    const size_t length = strlen(filter->title);
    int match = 0;
    for (int n = 0; n < 2 && !match; ++n) {
        xcb_get_property_reply_t *reply = xcb_get_property_reply(
            connection, xcb_get_property(connection, 0, window, names[n], XCB_GET_PROPERTY_TYPE_ANY, 0, 256), NULL);
        match = reply && (size_t)xcb_get_property_value_length(reply) == length
             && memcmp(xcb_get_property_value(reply), filter->title, length) == 0;
        free(reply);
    }
    return match;
}

static int is_program_window_map(xcb_connection_t *connection, xcb_generic_event_t *event, void *data)
{
    struct map_filter *filter = data;
    if ((event->response_type & 0x7f) != XCB_MAP_NOTIFY)
        return 0;
    filter->seen_ms = now_ms();
    filter->seen_cpu_ms = process_cpu_ms(child);
    const xcb_map_notify_event_t *map = (const xcb_map_notify_event_t *)event;
    if (getenv("WGC_HARNESS_DEBUG")) {
        xcb_get_property_reply_t *name = xcb_get_property_reply(
            connection,
            xcb_get_property(connection, 0, map->window, XCB_ATOM_WM_NAME, XCB_GET_PROPERTY_TYPE_ANY, 0, 64), NULL);
        fprintf(stderr, "MapNotify 0x%x override_redirect=%d pid=%d at %.1f ms: %.*s\n", map->window,
                map->override_redirect, window_pid(connection, map->window, filter->net_wm_pid),
                filter->seen_ms - filter->start_ms, name ? xcb_get_property_value_length(name) : 0,
                name ? (const char *)xcb_get_property_value(name) : "");
        free(name);
    }
    if (map->override_redirect || window_pid(connection, map->window, filter->net_wm_pid) != (int)child)
        return 0;
    if (filter->first_ms == 0)
        filter->first_ms = filter->seen_ms;
    return !filter->title || window_titled(connection, map->window, filter);
}

static int is_unmap_of(xcb_connection_t *connection, xcb_generic_event_t *event, void *data)
{
    (void)connection;
    return (event->response_type & 0x7f) == XCB_UNMAP_NOTIFY
        && ((const xcb_unmap_notify_event_t *)event)->window == *(const xcb_window_t *)data;
}

/* Waits `ms`, or less when the child exits first. Returns 1 when it still runs. */
static int sleep_alive(double ms)
{
    const double deadline = now_ms() + ms;
    while (child > 0) {
        if (waitpid(child, NULL, WNOHANG) == child) {
            child = 0;
            break;
        }
        const double left = deadline - now_ms();
        if (left <= 0)
            break;
        usleep((useconds_t)((left > 100 ? 100 : left) * 1000));
    }
    return child > 0;
}

static void measure_idle(double seconds)
{
    static struct thread_sample before[MAX_THREADS], after[MAX_THREADS];
    const int count_before = sample_threads(child, before);
    const double cpu_before = process_cpu_ms(child);
    const double start = now_ms();
    if (!sleep_alive(seconds * 1000)) {
        printf("idle_error=the program exited during the idle window\n");
        return;
    }
    const double cpu_after = process_cpu_ms(child);
    const int count_after = sample_threads(child, after);
    printf("idle_s=%.1f\n", (now_ms() - start) / 1000);
    printf("idle_cpu_ms=%.2f\n", cpu_after - cpu_before);
    long total = 0;
    for (int i = 0; i < count_after; ++i) {
        long voluntary = after[i].voluntary, involuntary = after[i].involuntary;
        double cpu = after[i].cpu_ms;
        int found = 0;
        for (int j = 0; j < count_before; ++j) {
            if (before[j].tid == after[i].tid) {
                voluntary -= before[j].voluntary;
                involuntary -= before[j].involuntary;
                cpu -= before[j].cpu_ms;
                found = 1;
            }
        }
        total += voluntary;
        /* thread TID NAME wake-ups (voluntary switches) involuntary-switches cpu-ms new? */
        printf("idle_thread=%d %s %ld %ld %.3f%s\n", (int)after[i].tid, after[i].name, voluntary, involuntary,
               after[i].cpu_ms >= 0 ? cpu : -1.0, found ? "" : " new");
    }
    printf("idle_wakeups=%ld\n", total);
    printf("idle_threads=%d\n", count_after);
}

static void trace(const char *file, double seconds)
{
    char pid_text[16];
    snprintf(pid_text, sizeof pid_text, "%d", (int)child);
    const pid_t tracer = fork();
    if (tracer < 0)
        die("fork failed");
    if (tracer == 0) {
        /* -f with -p attaches every thread of the process. */
        execlp("strace", "strace", "-f", "-ttt", "-T", "-qq", "-o", file, "-p", pid_text, (char *)NULL);
        _exit(127);
    }
    sleep_alive(seconds * 1000);
    kill(tracer, SIGINT);
    int status = 0;
    waitpid(tracer, &status, 0);
    printf("trace_file=%s\n", file);
    printf("trace_s=%.1f\n", seconds);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        printf("trace_error=strace could not run\n");
}

static void usage(void)
{
    fputs("usage: startup-harness [--settle-ms N] [--timeout-ms N] [--title TEXT] [--no-map] [--close] [--idle-s N]\n"
          "                       [--trace FILE [--trace-s N]] -- PROGRAM [ARGUMENT...]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    double settle_ms = 1000, timeout_ms = 30000, idle_s = 0, trace_s = 60;
    int expect_map = 1, close_window = 0;
    const char *trace_file = NULL, *title = NULL;
    int i = 1;
    for (; i < argc; ++i) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--") == 0) {
            ++i;
            break;
        } else if (strcmp(a, "--settle-ms") == 0 && value) {
            settle_ms = atof(value), ++i;
        } else if (strcmp(a, "--timeout-ms") == 0 && value) {
            timeout_ms = atof(value), ++i;
        } else if (strcmp(a, "--title") == 0 && value) {
            title = value, ++i;
        } else if (strcmp(a, "--idle-s") == 0 && value) {
            idle_s = atof(value), ++i;
        } else if (strcmp(a, "--trace") == 0 && value) {
            trace_file = value, ++i;
        } else if (strcmp(a, "--trace-s") == 0 && value) {
            trace_s = atof(value), ++i;
        } else if (strcmp(a, "--no-map") == 0) {
            expect_map = 0;
        } else if (strcmp(a, "--close") == 0) {
            close_window = 1;
        } else {
            usage();
        }
    }
    if (i >= argc)
        usage();

    xcb_connection_t *connection = xcb_connect(NULL, NULL);
    if (xcb_connection_has_error(connection))
        die("cannot connect to the X server (is DISPLAY set?)");
    const xcb_screen_t *screen = xcb_setup_roots_iterator(xcb_get_setup(connection)).data;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_void_cookie_t cookie = xcb_change_window_attributes_checked(connection, screen->root, XCB_CW_EVENT_MASK, &mask);
    xcb_generic_error_t *error = xcb_request_check(connection, cookie);
    if (error)
        die("cannot select SubstructureNotify on the root window");
    struct map_filter filter = {.net_wm_pid = intern(connection, "_NET_WM_PID"),
                                .net_wm_name = intern(connection, "_NET_WM_NAME"),
                                .title = title};
    const xcb_atom_t wm_protocols = intern(connection, "WM_PROTOCOLS");
    const xcb_atom_t wm_delete_window = intern(connection, "WM_DELETE_WINDOW");

    const double start = now_ms();
    filter.start_ms = start;
    child = fork();
    if (child < 0)
        die("fork failed");
    if (child == 0) {
        execvp(argv[i], argv + i);
        fprintf(stderr, "startup-harness: cannot run %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }
    printf("pid=%d\n", (int)child);
    /* CLOCK_MONOTONIC, as Qt's %{time boot} in QT_MESSAGE_PATTERN: lines up the program's log. */
    printf("start_monotonic_s=%.6f\n", start / 1e3);

    xcb_window_t window = XCB_WINDOW_NONE;
    if (expect_map) {
        xcb_generic_event_t *event = wait_event(connection, start + timeout_ms, is_program_window_map, &filter);
        const double mapped = filter.seen_ms;
        if (!event) {
            if (child == 0)
                die("the program exited before it mapped a window");
            printf("error=no window mapped within %.0f ms\n", timeout_ms);
            kill(child, SIGKILL);
            waitpid(child, NULL, 0);
            return 3;
        }
        window = ((xcb_map_notify_event_t *)event)->window;
        free(event);
        printf("map_ms=%.2f\n", mapped - start);
        printf("first_map_ms=%.2f\n", filter.first_ms - start);
        printf("cpu_at_map_ms=%.2f\n", filter.seen_cpu_ms);
        printf("rss_at_map_kib=%ld\n", proc_status(child, "VmRSS"));
        describe_window(connection, window);
    } else {
        /* No map is expected; one would mean the program did not start hidden. */
        xcb_generic_event_t *event = wait_event(connection, start + settle_ms, is_program_window_map, &filter);
        if (event) {
            printf("unexpected_map_ms=%.2f\n", now_ms() - start);
            describe_window(connection, ((xcb_map_notify_event_t *)event)->window);
            free(event);
        }
        if (child == 0)
            die("the program exited");
    }

    if (expect_map && !sleep_alive(settle_ms))
        die("the program exited while settling");
    printf("hwm_kib=%ld\n", proc_status(child, "VmHWM"));
    printf("rss_kib=%ld\n", proc_status(child, "VmRSS"));
    printf("cpu_ms=%.2f\n", process_cpu_ms(child));
    printf("threads=%ld\n", proc_status(child, "Threads"));

    if (close_window && window != XCB_WINDOW_NONE) {
        xcb_client_message_event_t message = {0};
        message.response_type = XCB_CLIENT_MESSAGE;
        message.format = 32;
        message.window = window;
        message.type = wm_protocols;
        message.data.data32[0] = wm_delete_window;
        message.data.data32[1] = XCB_CURRENT_TIME;
        xcb_send_event(connection, 0, window, XCB_EVENT_MASK_NO_EVENT, (const char *)&message);
        xcb_flush(connection);
        const double sent = now_ms();
        xcb_generic_event_t *event = wait_event(connection, sent + 5000, is_unmap_of, &window);
        const double unmapped = now_ms();
        /* Hidden only if it still runs a while later: quitting unmaps the window too. */
        const int alive = sleep_alive(settle_ms);
        if (event && alive)
            printf("close=hidden\nclose_ms=%.2f\n", unmapped - sent);
        else if (!alive)
            printf("close=exited\n");
        else
            printf("close=still-mapped\n");
        free(event);
    }

    if (child > 0 && idle_s > 0)
        measure_idle(idle_s);
    if (child > 0 && trace_file)
        trace(trace_file, trace_s);
    fflush(stdout);

    if (child > 0) {
        struct rusage usage;
        int status;
        pid_t ended = 0;
        kill(child, SIGTERM);
        for (int tries = 0; tries < 40 && (ended = wait4(child, &status, WNOHANG, &usage)) == 0; ++tries)
            usleep(50 * 1000);
        if (ended != child) {
            kill(child, SIGKILL);
            ended = wait4(child, &status, 0, &usage);
        }
        if (ended == child)
            printf("maxrss_kib=%ld\n", usage.ru_maxrss);
    }
    xcb_disconnect(connection);
    return 0;
}
