#!/bin/sh
# Runs a test in a real, private desktop session: an X server (Xvfb), a system tray host
# (trayer, an XEmbed tray), the accessibility bus (AT-SPI), a private session bus and an
# unlocked gnome-keyring with a throwaway HOME (tests/with-keyring.sh).
#
#   tests/with-desktop.sh [--no-tray] COMMAND…
#
# --no-tray leaves the tray host out, for the fallback to a plain window.
# WGC_SCREEN (default 1024x768x24) sets the screen size.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${WGC_DESKTOP_INNER:-}" ]; then
    export WGC_DESKTOP_INNER=1
    # Xvfb picks a free display number itself and tells it through -displayfd: no race with
    # other X servers starting at the same moment (xvfb-run -a guesses, and may collide).
    xdir=$(mktemp -d "${TMPDIR:-/tmp}/wgc-x.XXXXXX")
    Xvfb -displayfd 3 -screen 0 "${WGC_SCREEN:-1024x768x24}" -nolisten tcp 3>"$xdir/display" \
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

tray=1
if [ "${1:-}" = "--no-tray" ]; then
    tray=0
    shift
fi
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# The accessibility bus, so assistive technology (and the AT-SPI tests) can see the widgets.
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids="$pids $!"
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb NO_AT_BRIDGE=0

if [ "$tray" = 1 ]; then
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
