#!/usr/bin/env bash
# Times `webinargeek-connect status` and `webinargeek-connect token` (token still fresh) as whole
# processes against `secret-tool lookup` reading one secret from the same keychain, in one
# hyperfine run, and prints the median times and the ratios to secret-tool (target: 1.6x).
#
#   bench/keychain-read.sh [--breakdown] [path/to/webinargeek-connect]
#
# The binary defaults to build-bench/bin/webinargeek-connect (a Release build) if present, else
# build/bin/webinargeek-connect.
#
# --breakdown: afterwards, build the start-up probes in bench/probe (into build-bench/probe, with
# their own small CMake project) and time them in a second hyperfine run, to show where the app's
# start-up goes (process and loader, Qt Core, the other Qt libraries, the qtkeychain read).
#
# Everything happens in a keychain of its own: a private session bus (dbus-run-session), a
# throwaway HOME and XDG folders, gnome-keyring unlocked with a throwaway password, and the local
# sandbox authorization server (tests/sandbox) to sign in against. The real user's keychain and
# settings are never touched. The access token is never printed.
#
# Environment: BENCH_RUNS (default 60), BENCH_WARMUP (default 5), BENCH_TARGET (default 1.6),
# BENCH_KEEP_JSON=path to keep hyperfine's JSON export.
# Exit status: 0 after printing the figures (also when a ratio is over the target: this is a
# measurement, not a test), 2 when a tool is missing or the setup failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=bench/lib.sh
. "$here/lib.sh" # die() and the set-up functions (bench_*)

if [ -z "${WGC_BENCH_INNER:-}" ]; then
    # --- Outside the private session: check the tools, pick the binary, re-exec. ---
    breakdown=""
    if [ "${1:-}" = "--breakdown" ]; then
        breakdown=1
        shift
    fi
    case "${1:-}" in -h | --help)
        sed -n '2,23s/^# \{0,1\}//p' "$self"
        exit 0
        ;;
    esac

    missing=()
    need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 ($2)"); }
    need hyperfine "apt-get install hyperfine"
    need secret-tool "apt-get install libsecret-tools"
    need gnome-keyring-daemon "apt-get install gnome-keyring"
    need dbus-run-session "apt-get install dbus"
    need node "Node.js 20+"
    if [ ! -d "$root/tests/sandbox/node_modules" ]; then
        need npm "npm, to install the sandbox's packages once"
    fi
    if [ -n "$breakdown" ]; then
        need cmake "apt-get install cmake"
        need ninja "apt-get install ninja-build"
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "keychain-read: missing tools:" >&2
        printf '  - %s\n' "${missing[@]}" >&2
        echo "The project's setup script installs them." >&2
        exit 2
    fi

    if [ $# -ge 1 ]; then
        bin=$1
    elif [ -x "$root/build-bench/bin/webinargeek-connect" ]; then
        bin=$root/build-bench/bin/webinargeek-connect
    else
        bin=$root/build/bin/webinargeek-connect
    fi
    [ -x "$bin" ] || die "no executable at $bin (build it, or pass its path as the first argument)"
    bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    build_type="unknown build type"
    cache="$(dirname "$(dirname "$bin")")/CMakeCache.txt"
    if [ -f "$cache" ]; then
        build_type="CMAKE_BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")"
    fi
    echo "binary: $bin ($build_type)"

    probes=""
    if [ -n "$breakdown" ]; then
        probes=$root/build-bench/probe
        log=$(mktemp "${TMPDIR:-/tmp}/wgc-bench-probes.XXXXXX")
        echo "building the start-up probes in $probes (Release)…" >&2
        if ! { cmake -S "$here/probe" -B "$probes" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            && cmake --build "$probes"; } >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            die "the probes did not build"
        fi
        rm -f "$log"
    fi

    export WGC_BENCH_INNER=1 WGC_BENCH_BIN="$bin" WGC_BENCH_PROBES="$probes"
    # dbus-daemon complains that it may not raise its fd limit when not root-capable: noise.
    exec dbus-run-session -- "$self" 2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi

# --- Inside the private session bus. ---
bin=$WGC_BENCH_BIN
runs=${BENCH_RUNS:-60}
warmup=${BENCH_WARMUP:-5}
target=${BENCH_TARGET:-1.6}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-bench.XXXXXX")
trap 'bench_cleanup "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

bench_private_keychain "$scratch"
[ -d "$root/tests/sandbox/node_modules" ] || echo "installing the sandbox's packages (npm ci)…" >&2
bench_start_sandbox "$scratch"
# Configuration::storageKey() is "<client id>@<origin of the token URL>" and TokenStore's session
# entry appends "/session". The sandbox's base address is already an origin (no path).
base=${WEBINARGEEK_TOKEN_URL%/oauth/token}
session_key="$WEBINARGEEK_CLIENT_ID@$base/session"

# Sign in: the app prints the address alone on stdout; browser.mjs plays the person.
bench_sign_in "$scratch" "$bin"
grep -m1 '^Signed in' "$scratch/login.err" >&2 || true

# Check what will be timed, without showing any secret: each command must succeed, and the two
# that print a secret must print something.
secret_bytes=$(secret-tool lookup server "WebinarGeek Connect" user "$session_key" | wc -c) \
    || die "secret-tool could not read the session entry ($session_key)"
[ "$secret_bytes" -gt 0 ] || die "secret-tool read an empty session entry"
"$bin" status 2>/dev/null || die "\`status\` did not report signed in"
token_bytes=$("$bin" token 2>/dev/null | wc -c) || die "\`token\` failed"
[ "$token_bytes" -gt 1 ] || die "\`token\` printed nothing"
echo "session entry: server=\"WebinarGeek Connect\" user=\"$session_key\" ($secret_bytes bytes)" >&2

# With -N no shell runs: hyperfine splits each command as a shell would, so quote accordingly.
q() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
json="$scratch/hyperfine.json"
echo
hyperfine -N --warmup "$warmup" --runs "$runs" --output null --export-json "$json" \
    -n "secret-tool lookup" "secret-tool lookup server 'WebinarGeek Connect' user $(q "$session_key")" \
    -n "webinargeek-connect status" "$(q "$bin") status" \
    -n "webinargeek-connect token" "$(q "$bin") token" \
    || die "hyperfine failed"
[ -z "${BENCH_KEEP_JSON:-}" ] || cp "$json" "$BENCH_KEEP_JSON"

echo
node - "$json" "$target" "$runs" "$warmup" <<'JS'
const fs = require('fs');
const [json, target, runs, warmup] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(json, 'utf8')).results;
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (s) => (s * 1000).toFixed(2);
const row = (r) => ({ name: r.command, median: median(r.times), min: Math.min(...r.times),
                      cpu: r.user + r.system });
const [base, status, token] = results.map(row);
const t = Number(target);
console.log(`medians (${runs} runs each after ${warmup} warm-up runs; fastest run; mean user+sys CPU):`);
for (const r of [base, status, token])
    console.log(`  ${r.name.padEnd(28)} ${ms(r.median).padStart(8)} ms   (min ${ms(r.min)} ms, cpu ${ms(r.cpu)} ms)`);
console.log(`ratios of the medians to secret-tool (target: at most ${t.toFixed(1)}x):`);
for (const r of [status, token]) {
    const ratio = r.median / base.median;
    const name = r.name.replace('webinargeek-connect ', '') + ' / secret-tool';
    console.log(`  ${name.padEnd(28)} ${ratio.toFixed(2).padStart(8)}x   ${ratio <= t ? 'PASS' : 'OVER'}` +
                `   (fastest runs: ${(r.min / base.min).toFixed(2)}x, CPU time: ${(r.cpu / base.cpu).toFixed(2)}x)`);
}
JS

if [ -n "${WGC_BENCH_PROBES:-}" ]; then
    p="$WGC_BENCH_PROBES/bin"
    svc="'WebinarGeek Connect' $(q "$session_key")"
    echo
    echo "start-up breakdown (a second hyperfine run, same settings; medians):"
    hyperfine -N --warmup "$warmup" --runs "$runs" --output null --export-json "$scratch/probes.json" \
        -n "/bin/true" "/bin/true" \
        -n "secret-tool lookup" "secret-tool lookup server 'WebinarGeek Connect' user $(q "$session_key")" \
        -n "empty main, Qt Core linked" "$(q "$p/probe-empty-core")" \
        -n "QCoreApplication only" "$(q "$p/probe-qcoreapp")" \
        -n "empty main, app's libs minus Gui+Widgets" "$(q "$p/probe-empty-nogui")" \
        -n "empty main, the app's libraries" "$(q "$p/probe-empty-applibs")" \
        -n "webinargeek-connect --version" "$(q "$bin") --version" \
        -n "libsecret lookup_sync, QCoreApplication" "$(q "$p/probe-libsecret") $svc" \
        -n "qtkeychain read, Core+keychain" "$(q "$p/probe-keychain") $svc" \
        -n "qtkeychain read, minus Gui+Widgets" "$(q "$p/probe-keychain-nogui") $svc" \
        -n "qtkeychain read, the app's libraries" "$(q "$p/probe-keychain-applibs") $svc" \
        -n "webinargeek-connect token" "$(q "$bin") token" \
        >"$scratch/probes.log" 2>&1 || { cat "$scratch/probes.log" >&2; die "hyperfine failed on the probes"; }
    node - "$scratch/probes.json" <<'JS'
const fs = require('fs');
const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).results;
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = median(results[1].times);
for (const r of results) {
    const m = median(r.times);
    console.log(`  ${r.command.padEnd(42)} ${(m * 1000).toFixed(2).padStart(8)} ms  ${(m / base).toFixed(2).padStart(5)}x secret-tool   cpu ${((r.user + r.system) * 1000).toFixed(1)} ms`);
}
JS
fi
exit 0
