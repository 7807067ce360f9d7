# shellcheck shell=bash
# Set-up shared by bench/startup.sh and bench/idle.sh: picking the build folder, checking the
# tools, installing startup.sh's peers, the app's settings for the signed-out and signed-in states. Sourced after bench/lib.sh;
# the caller sets `root`.
# shellcheck disable=SC2154 # root: set by the caller

# startup_build DIR: sets `build` to DIR (or build-bench/, else build/) and checks that the app,
# the baseline and the harness are built there.
startup_build() {
    build=$1
    if [ -z "$build" ]; then
        build=$root/build-bench
        [ -d "$build" ] || build=$root/build
    fi
    build=$(cd "$build" 2>/dev/null && pwd) || die "no build folder $1"
    local f
    for f in bin/webinargeek-connect bin/startup-baseline bin/startup-harness; do
        [ -x "$build/$f" ] || die "no $build/$f: configure with -DWGC_BUILD_BENCH=ON and build webinargeek-connect startup-baseline startup-harness"
    done
    bench_describe_build "$build" "build: $build"
}

# startup_tools SIGNED_IN EXTRA…: exits 2 naming what is missing.
startup_tools() {
    local missing=() signed_in=$1 tool
    shift
    need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 ($2)"); }
    need xvfb-run "apt-get install xvfb xauth"
    need trayer "apt-get install trayer"
    need xwininfo "apt-get install x11-utils"
    need dbus-run-session "apt-get install dbus"
    need gnome-keyring-daemon "apt-get install gnome-keyring"
    need python3 "apt-get install python3"
    [ -x /usr/libexec/at-spi-bus-launcher ] || missing+=("at-spi-bus-launcher (apt-get install at-spi2-core)")
    [ "$signed_in" = 0 ] || need node "Node.js 20+, for the signed-in state"
    for tool in "$@"; do need "$tool" "apt-get install $tool"; done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "$(basename "$0" .sh): missing tools:" >&2
        printf '  - %s\n' "${missing[@]}" >&2
        echo "scripts/setup.sh installs them." >&2
        exit 2
    fi
}

# startup_peers_installed: installs KeePassXC and the Nextcloud desktop client from Debian when
# either is missing (as root; otherwise exits 2 saying what to install).
startup_peers_installed() {
    local missing=() log
    command -v keepassxc >/dev/null 2>&1 || missing+=(keepassxc)
    command -v nextcloud >/dev/null 2>&1 || missing+=(nextcloud-desktop)
    [ ${#missing[@]} -gt 0 ] || return 0
    [ "$(id -u)" = 0 ] || die "the peers are missing: apt-get install --no-install-recommends ${missing[*]} (or --no-peers)"
    echo "installing ${missing[*]} (apt-get install -y --no-install-recommends)…" >&2
    log=$(mktemp "${TMPDIR:-/tmp}/wgc-peers.XXXXXX")
    export DEBIAN_FRONTEND=noninteractive
    # A machine whose package lists were never fetched finds nothing: fetch them once, then retry.
    if ! apt-get install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
        if ! { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            die "could not install ${missing[*]}"
        fi
    fi
    rm -f "$log"
}

# Inside the desktop: Qt's accessibility bridge as asked ($1 = 1: forced on), the app's
# settings cleared of the caller's, no proxy, the C.UTF-8 locale.
startup_environment() {
    # with-desktop.sh forces Qt's bridge on for the AT-SPI tests; a desktop without a screen
    # reader does not.
    if [ "$1" = 1 ]; then
        export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
        echo "accessibility: bus running, Qt's bridge forced on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1)"
    else
        unset QT_LINUX_ACCESSIBILITY_ALWAYS_ON
        echo "accessibility: bus running, no screen reader (Qt's bridge stays off)"
    fi
    unset QT_LOGGING_RULES QT_DEBUG_PLUGINS WEBINARGEEK_CLIENT_SECRET WEBINARGEEK_SCOPE
    # No program is sent through a proxy: only loopback is ever contacted.
    unset http_proxy https_proxy ftp_proxy all_proxy no_proxy HTTP_PROXY HTTPS_PROXY FTP_PROXY ALL_PROXY NO_PROXY
    # The same texts whatever the caller's language (startup.sh knows Nextcloud's wizard by its
    # English title).
    export LC_ALL=C.UTF-8
    unset LANGUAGE
    export QT_QPA_PLATFORM=xcb
}

# Signed out: nothing to restore, and any address the app might try is unreachable by design.
startup_signed_out() {
    export WEBINARGEEK_AUTHORIZE_URL="https://auth.webinargeek.invalid/oauth/authorize" \
        WEBINARGEEK_TOKEN_URL="https://auth.webinargeek.invalid/oauth/token" \
        WEBINARGEEK_REVOKE_URL="https://auth.webinargeek.invalid/oauth/revoke" \
        WEBINARGEEK_API_URL="https://api.webinargeek.invalid/api/v2" \
        WEBINARGEEK_CLIENT_ID="webinargeek-connect-bench"
}

# Signed in: the sandbox on 127.0.0.1 and one OAuth sign-in with the app $2 (scratch dir $1).
startup_signed_in() {
    bench_start_sandbox "$1"
    bench_sign_in "$1" "$2"
    "$2" status >/dev/null 2>&1 || die "\`status\` does not report signed in after the sign-in"
}
