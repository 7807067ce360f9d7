#!/usr/bin/env bash
# Soaks the app's core (no widgets) with 5-second access tokens: for 2 minutes it calls the
# account API every 200 ms with automatic refresh on, then prints the refreshes done, the API
# requests refused because their token had expired (target 0) and the growth of resident memory
# (target under 1 MiB).
#
#   bench/refresh-soak.sh [refresh-soak options: --seconds N --interval-ms N --warmup-seconds N]
#
# It builds the targets refresh-soak and webinargeek-connect into build-soak/ (Release,
# -DWGC_BUILD_BENCH=ON; configured on first use, after that only rebuilt when sources changed).
# Then, in a keychain of its own (private session bus, throwaway HOME, gnome-keyring unlocked
# with a throwaway password), it starts the sandbox server (tests/sandbox) with
# SANDBOX_ACCESS_TOKEN_TTL=5, signs in with `webinargeek-connect login --no-browser` and
# tests/sandbox/browser.mjs, and runs build-soak/bin/refresh-soak. No token is printed.
#
# Environment: SOAK_TTL (default 5) is the access token lifetime in seconds, SOAK_BUILD the
# build folder (default build-soak), SOAK_RUN_UNDER a command to run refresh-soak under, such
# as "heaptrack -o /tmp/soak" to see where memory goes.
# Exit status: 0 after printing the figures (also when one is over its target: this is a
# measurement, not a test), 2 when a tool is missing or the set-up failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"

die() {
    echo "refresh-soak: $*" >&2
    exit 2
}

if [ -z "${WGC_SOAK_INNER:-}" ]; then
    # --- Outside the private session: check the tools, build, re-exec. ---
    case "${1:-}" in -h | --help)
        sed -n '2,22s/^# \{0,1\}//p' "$self"
        exit 0
        ;;
    esac
    for tool in cmake ninja dbus-run-session gnome-keyring-daemon node; do
        command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool (the project's setup script installs it)"
    done
    build=${SOAK_BUILD:-$root/build-soak}
    log=$(mktemp "${TMPDIR:-/tmp}/wgc-soak-build.XXXXXX")
    if [ ! -f "$build/CMakeCache.txt" ]; then
        echo "configuring $build (Release, benchmarks on, tests off)…" >&2
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWGC_BUILD_BENCH=ON \
            -DWGC_BUILD_TESTS=OFF >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; die "cmake failed"; }
    fi
    cmake --build "$build" --target refresh-soak webinargeek-connect >"$log" 2>&1 \
        || { cat "$log" >&2; rm -f "$log"; die "the build failed"; }
    rm -f "$log"
    echo "binary: $build/bin/refresh-soak (CMAKE_BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' \
        "$build/CMakeCache.txt"))"
    export WGC_SOAK_INNER=1 WGC_SOAK_BUILD="$build"
    # dbus-daemon complains that it may not raise its fd limit when not root-capable: noise.
    exec dbus-run-session -- "$self" "$@" 2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi

# --- Inside the private session bus. ---
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-soak.XXXXXX")
trap 'bench_cleanup "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

bench_private_keychain "$scratch"
export SANDBOX_ACCESS_TOKEN_TTL=${SOAK_TTL:-5}
bench_start_sandbox "$scratch"
bench_sign_in "$scratch" "$WGC_SOAK_BUILD/bin/webinargeek-connect"
grep -m1 '^Signed in' "$scratch/login.err" || true

rc=0
# shellcheck disable=SC2086 # SOAK_RUN_UNDER is a command line: split it into words
${SOAK_RUN_UNDER:-} "$WGC_SOAK_BUILD/bin/refresh-soak" "$@" || rc=$?
# The server's side of the same run, from its log (paths and status codes only).
log="$scratch/sandbox.err"
echo "  sandbox saw           $(grep -c 'GET /api/v2/account -> ' "$log") account requests" \
    "($(grep -c 'GET /api/v2/account -> 401' "$log") answered 401)," \
    "$(grep -c 'grant_type=refresh_token' "$log") refresh grants"
exit "$rc"
