#!/bin/sh
# Runs a test in a real, private desktop session: an X server (Xvfb), a system tray host
# (trayer, an XEmbed tray), the accessibility bus (AT-SPI), a private session bus and an
# unlocked gnome-keyring with a throwaway HOME (tests/with-keyring.sh).
#
#   tests/with-desktop.sh [--no-tray | --sni] COMMAND…
#
# --no-tray leaves the tray host out, for the fallback to a plain window.
# --sni hosts the tray as today's desktops do, over D-Bus (StatusNotifierItem): a watcher
# (status-notifier-watcher), a host (gtk-sni-tray-standalone) and a notification daemon (dunst)
# instead of trayer. Qt then draws no tray icon or balloon of its own. WGC_SNI=1 tells the test.
# WGC_SCREEN (default 1024x768x24) sets the screen size.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${WGC_DESKTOP_INNER:-}" ]; then
    export WGC_DESKTOP_INNER=1
    # Xvfb picks a free display number itself and tells it through -displayfd: no race with
    # other X servers starting at the same moment (xvfb-run -a guesses, and may collide).
    # -noreset: an X server resets itself when its last client leaves, and refuses connections
    # meanwhile; without a tray host, a test's short-lived X client (a screenshot, a check) could
    # be the last one just as the app connects, and the app found no display.
    xdir=$(mktemp -d "${TMPDIR:-/tmp}/wgc-x.XXXXXX")
    Xvfb -displayfd 3 -screen 0 "${WGC_SCREEN:-1024x768x24}" -nolisten tcp -noreset 3>"$xdir/display" \
        >"$xdir/xvfb.log" 2>&1 &
    xvfb=$!
    tries=0
    until [ -s "$xdir/display" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 200 ] || ! kill -0 "$xvfb" 2>/dev/null; then
            echo "with-desktop: Xvfb did not start:" >&2
            cat "$xdir/xvfb.log" >&2
            kill "$xvfb" 2>/dev/null
            rm -rf "$xdir"
            exit 1
        fi
        sleep 0.05
    done
    DISPLAY=:$(head -n 1 "$xdir/display")
    export DISPLAY
    status=0
    "$here/with-keyring.sh" "$0" "$@" || status=$?
    kill "$xvfb" 2>/dev/null
    wait "$xvfb" 2>/dev/null
    rm -rf "$xdir"
    exit "$status"
fi

tray=xembed
case "${1:-}" in
--no-tray)
    tray=none
    shift
    ;;
--sni)
    tray=sni
    shift
    # Under the sanitizers: Qt 6.4's D-Bus tray keeps objects for the whole process, which
    # tests/fuzz/lsan.supp names by Qt's functions. Qt's libraries have no frame pointers, so
    # only the full unwinder sees those functions in an allocation's stack.
    if [ -n "${ASAN_OPTIONS:-}" ]; then
        export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"
    fi
    ;;
esac
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# The accessibility bus, so assistive technology (and the AT-SPI tests) can see the widgets.
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids="$pids $!"
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb NO_AT_BRIDGE=0

# Waits up to 30 s for the shell command $1 to succeed; says $2 and fails if it never does.
wait_until() {
    tries=0
    until sh -c "$1" >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -gt 300 ]; then
            echo "with-desktop: $2" >&2
            exit 1
        fi
        sleep 0.1
    done
}
watcher_property() {
    echo "dbus-send --session --print-reply --dest=org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
        org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierWatcher string:$1"
}

if [ "$tray" = sni ]; then
    export WGC_SNI=1
    logs="$XDG_RUNTIME_DIR/sni"
    mkdir -p "$logs"
    status-notifier-watcher >"$logs/watcher.log" 2>&1 &
    pids="$pids $!"
    wait_until "$(watcher_property ProtocolVersion)" "status-notifier-watcher did not start"
    gtk-sni-tray-standalone --bottom >"$logs/host.log" 2>&1 &
    pids="$pids $!"
    # Qt takes the StatusNotifierItem path only when the watcher has a host at the app's start.
    wait_until "$(watcher_property IsStatusNotifierHostRegistered) | grep -q 'boolean true'" \
        "gtk-sni-tray-standalone did not register as a host"
    # dunst with a configuration of this session only: nothing of the machine's or the user's,
    # and nothing it could start (no browser, no menu program). A left click runs the
    # notification's default action and closes it, as on most desktops.
    mkdir -p "$XDG_CONFIG_HOME/dunst"
    cat >"$XDG_CONFIG_HOME/dunst/dunstrc" <<'EOF'
[global]
    monitor = 0
    follow = none
    origin = top-right
    offset = 10x10
    idle_threshold = 0
    show_indicators = no
    dmenu = /bin/false
    browser = /bin/false
    mouse_left_click = do_action, close_current
    mouse_middle_click = close_current
    mouse_right_click = close_all
EOF
    dunst -config "$XDG_CONFIG_HOME/dunst/dunstrc" >"$logs/dunst.log" 2>&1 &
    dunst_pid=$!
    pids="$pids $dunst_pid"
    # Asked of the bus, not of the name: a call to org.freedesktop.Notifications before dunst
    # owns it would have the bus start another dunst (D-Bus activation), with the machine's
    # configuration.
    wait_until "dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.Notifications \
        | grep -q 'uint32 $dunst_pid\$'" "dunst did not start"
fi

if [ "$tray" = xembed ]; then
    trayer --edge bottom --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
    trayer_pid=$!
    pids="$pids $trayer_pid"
    # Wait until the tray's panel window exists, so the app sees a tray at start. On a loaded
    # machine trayer may take a while, or (seen once in CI) end before its window appears: it is
    # started again then, up to three times, within 30 seconds in all.
    tries=0
    starts=1
    until xwininfo -root -tree 2>/dev/null | grep -q '"panel": ("panel" "trayer")'; do
        tries=$((tries + 1))
        if ! kill -0 "$trayer_pid" 2>/dev/null && [ "$starts" -lt 3 ]; then
            echo "with-desktop: trayer ended before its window appeared; starting it again" >&2
            trayer --edge bottom --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
            trayer_pid=$!
            pids="$pids $trayer_pid"
            starts=$((starts + 1))
        fi
        if [ "$tries" -gt 300 ]; then
            echo "with-desktop: trayer did not start" >&2
            exit 1
        fi
        sleep 0.1
    done
fi
# The bus launcher registers itself on the session bus; give it a moment to answer.
tries=0
until dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
        echo "with-desktop: the accessibility bus did not start" >&2
        exit 1
    fi
    sleep 0.1
done

"$@"
