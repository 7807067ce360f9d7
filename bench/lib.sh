# shellcheck shell=bash
# Shared set-up for the benchmarks: what build they measure, and signing in against the sandbox
# inside a private session bus. Sourced (not run) by the scripts in bench/; the caller sets `root`
# (the repository) and may define its own die() first. Nothing here prints a token.
# shellcheck disable=SC2154 # root: set by the caller

# die MESSAGE: "<script name>: MESSAGE" on stderr, exit status 2. A caller's own die() is kept.
if ! declare -F die >/dev/null; then
    die() {
        echo "$(basename "$0" .sh): $*" >&2
        exit 2
    }
fi

# bench_describe_build BUILD_DIR WHAT: prints "WHAT (CMAKE_BUILD_TYPE=…; source … at commit …)",
# from the build folder's CMakeCache.txt and the source tree's git, so the figures name what they
# measured.
bench_describe_build() {
    local cache="$1/CMakeCache.txt" type="" source="" commit=""
    if [ -f "$cache" ]; then
        type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
        source=$(sed -n 's/^CMAKE_HOME_DIRECTORY:[A-Z]*=//p' "$cache")
    fi
    if [ -n "$source" ] && commit=$(git -C "$source" rev-parse --short=12 HEAD 2>/dev/null); then
        git -C "$source" diff --quiet HEAD 2>/dev/null || commit="$commit with uncommitted changes"
    fi
    echo "$2 (CMAKE_BUILD_TYPE=${type:-unknown}; source ${source:-unknown} at commit ${commit:-unknown})"
}

# A throwaway HOME and XDG folders under $1, and gnome-keyring unlocked with a throwaway password.
bench_private_keychain() {
    export HOME="$1/home" XDG_RUNTIME_DIR="$1/run" XDG_CONFIG_HOME="$1/home/.config" \
        XDG_DATA_HOME="$1/home/.local/share" XDG_CACHE_HOME="$1/home/.cache"
    mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
    mkdir -m 700 "$XDG_RUNTIME_DIR"
    # Only the sandbox's configuration applies; the caller's Qt debugging settings do not.
    unset QT_LOGGING_RULES QT_DEBUG_PLUGINS WEBINARGEEK_CLIENT_SECRET WEBINARGEEK_SCOPE
    printf 'wgc-bench-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
        || die "gnome-keyring-daemon did not start"
}

# Waits up to 30 s for `$1` (a command printing the awaited line) while process $2 lives.
bench_wait_for() {
    local line="" _
    for _ in $(seq 300); do
        line=$(eval "$1")
        [ -n "$line" ] && break
        kill -0 "$2" 2>/dev/null || break
        sleep 0.1
    done
    printf '%s' "$line"
}

# Starts tests/sandbox (its log in $1/sandbox.err), sets bench_sandbox_pid and exports the app's
# WEBINARGEEK_* settings for its public client. The sandbox's own SANDBOX_* variables apply.
bench_start_sandbox() {
    local dir="$root/tests/sandbox" base
    if [ ! -d "$dir/node_modules" ]; then
        (cd "$dir" && npm ci --no-audit --no-fund >"$1/npm.log" 2>&1) \
            || { cat "$1/npm.log" >&2; die "npm ci failed in $dir"; }
    fi
    (cd "$dir" && exec node server.mjs --port 0) >"$1/sandbox.out" 2>"$1/sandbox.err" &
    bench_sandbox_pid=$!
    base=$(bench_wait_for "sed -n 's/^SANDBOX_READY //p' '$1/sandbox.out' | head -n 1" "$bench_sandbox_pid")
    [ -n "$base" ] || { cat "$1/sandbox.err" >&2; die "the sandbox did not become ready"; }
    export WEBINARGEEK_AUTHORIZE_URL="$base/oauth/authorize" WEBINARGEEK_TOKEN_URL="$base/oauth/token" \
        WEBINARGEEK_REVOKE_URL="$base/oauth/revoke" WEBINARGEEK_API_URL="$base/api/v2" \
        WEBINARGEEK_CLIENT_ID="webinargeek-connect-sandbox"
}

# Signs in with the app binary $2 (`login --no-browser`), tests/sandbox/browser.mjs playing the person.
bench_sign_in() {
    local url rc=0
    "$2" login --no-browser --timeout 60 >"$1/login.out" 2>"$1/login.err" &
    bench_login_pid=$!
    url=$(bench_wait_for "head -n 1 '$1/login.out'" "$bench_login_pid")
    [ -n "$url" ] || { cat "$1/login.err" >&2; die "login printed no address"; }
    (cd "$root/tests/sandbox" && node browser.mjs "$url") >"$1/browser.out" 2>"$1/browser.err" \
        || { cat "$1/browser.err" >&2; die "the browser stand-in failed"; }
    wait "$bench_login_pid" || rc=$?
    bench_login_pid=""
    [ "$rc" -eq 0 ] || { cat "$1/login.err" >&2; die "login failed (exit $rc)"; }
}

# Stops what the functions above started and removes $1. For an EXIT trap.
bench_cleanup() {
    local pid
    for pid in "${bench_login_pid:-}" "${bench_sandbox_pid:-}"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    # gnome-keyring-daemon normally leaves with the private bus; ours (by its HOME) if it did not.
    for pid in $(pgrep -u "$(id -u)" -x gnome-keyring-d 2>/dev/null || true); do
        if grep -qzxF "HOME=$HOME" "/proc/$pid/environ" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$1"
}
