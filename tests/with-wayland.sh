#!/bin/sh
# Runs a command in a private Wayland session with no X server at all: Debian's weston on its
# headless backend, the accessibility bus (AT-SPI), a private session bus and an unlocked
# gnome-keyring with a throwaway HOME (tests/with-keyring.sh). Qt runs on its Wayland platform
# plugin (qt6-wayland).
#
#   tests/with-wayland.sh COMMAND…
#
# DISPLAY is unset, so a client that quietly fell back to X would fail instead of passing.
# weston draws with its CPU renderer (--use-pixman) and runs with its debug protocol (--debug),
# which is what lets `weston-screenshooter` take a picture of the screen, as a person sees it.
# WGC_SCREEN (default 1024x768) sets the screen size. For the command: WAYLAND_DISPLAY,
# WGC_WESTON_PID and WGC_WESTON_LOG.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${WGC_WAYLAND_INNER:-}" ]; then
    export WGC_WAYLAND_INNER=1
    # The keyring runner makes the private XDG_RUNTIME_DIR (0700) weston puts its socket in.
    exec "$here/with-keyring.sh" "$0" "$@"
fi
unset DISPLAY
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

size=${WGC_SCREEN:-1024x768}
width=${size%%x*}
height=${size#*x}
height=${height%%x*}
scratch="$XDG_RUNTIME_DIR/wayland"
mkdir -p "$scratch"
export WGC_WESTON_LOG="$scratch/weston.log"
# The socket's name is fixed: XDG_RUNTIME_DIR is this session's own, so no other compositor
# can hold it. --no-config keeps the caller's weston.ini out; --idle-time=0 keeps the screen
# from locking while a slow test runs.
weston --backend=headless-backend.so --use-pixman --width="$width" --height="$height" \
    --socket=wgc-wayland --idle-time=0 --no-config --debug --log="$WGC_WESTON_LOG" \
    >"$scratch/weston.out" 2>&1 &
WGC_WESTON_PID=$!
export WGC_WESTON_PID
pids="$pids $WGC_WESTON_PID"
# As a login manager sets them for a Wayland session.
export WAYLAND_DISPLAY=wgc-wayland XDG_SESSION_TYPE=wayland
# Ready when a client can connect and read the globals (weston-info ends at once then).
tries=0
until [ -S "$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY" ] && weston-info >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ] || ! kill -0 "$WGC_WESTON_PID" 2>/dev/null; then
        echo "with-wayland: weston did not start:" >&2
        cat "$WGC_WESTON_LOG" "$scratch/weston.out" >&2 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done

# The accessibility bus, so assistive technology (and the AT-SPI tests) can see the widgets.
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids="$pids $!"
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=wayland NO_AT_BRIDGE=0
tries=0
until dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
        echo "with-wayland: the accessibility bus did not start" >&2
        exit 1
    fi
    sleep 0.1
done

"$@"
