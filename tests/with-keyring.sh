#!/bin/sh
# Runs a test with a keychain of its own: a private session bus, gnome-keyring's Secret Service
# unlocked with a throwaway password, and a throwaway HOME. The real user's keychain is never
# touched, and nothing a test stores outlives it.
set -eu
if [ -z "${WGC_KEYRING_INNER:-}" ]; then
    export WGC_KEYRING_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-test.XXXXXX")
# gnome-keyring-daemon leaves with the session bus when dbus-run-session ends.
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_CONFIG_HOME="$scratch/home/.config" \
    XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache"
# Whatever desktop the caller runs in: qtkeychain, where the app still uses it, picks KWallet on KDE.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
printf 'wgc-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
