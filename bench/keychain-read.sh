#!/usr/bin/env bash
# Times `webinargeek-connect status` and `webinargeek-connect token` (token still fresh) as whole
# processes against `secret-tool lookup` reading the same entry from the same keychain, in one
# hyperfine run, and prints the medians, the ratios to secret-tool and whether each holds its
# budget (at most 1.6x).
#
#   bench/keychain-read.sh [--breakdown] [path/to/webinargeek-connect]
#
# The binary defaults to build-bench/bin/webinargeek-connect (a Release build) if present, else
# build/bin/webinargeek-connect.
#
# The launcher answers a plain `status` and `token` itself, reading the entry through qtkeychain
# with Qt Core, and loads the app library only for everything else (main/main.cpp). Before timing,
# the script checks with the dynamic loader's log (LD_DEBUG=files) that `token` ran that way, and
# prints which of Qt's, qtkeychain's and the keychain's libraries it loaded.
#
# --breakdown: afterwards, build the start-up probes in bench/probe (into build-bench/probe, with
# their own small CMake project) and time them in a second hyperfine run, to show where the time
# goes: process and loader, Qt Core, QCoreApplication, loading qtkeychain, the read itself.
#
# Everything happens in a keychain of its own: a private session bus (dbus-run-session), a
# throwaway HOME and XDG folders, gnome-keyring unlocked with a throwaway password, and the local
# sandbox authorization server (tests/sandbox, on 127.0.0.1) to sign in against. The real user's
# keychain and settings are never touched. The access token is never printed.
#
# Environment: BENCH_RUNS (default 60), BENCH_WARMUP (default 5), BENCH_BUDGET (default 1.6),
# BENCH_KEEP_JSON=path to keep hyperfine's JSON export.
# Exit status: 0 after printing the figures (also when a budget is not met: this is a
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
        sed -n '2,28s/^# \{0,1\}//p' "$self"
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
    bench_describe_build "$(dirname "$(dirname "$bin")")" "binary: $bin"

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
budget=${BENCH_BUDGET:-1.6}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-bench.XXXXXX")
trap 'bench_cleanup "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

bench_private_keychain "$scratch"
[ -d "$root/tests/sandbox/node_modules" ] || echo "installing the sandbox's packages (npm ci)…" >&2
bench_start_sandbox "$scratch"
# Configuration::storageKey() is "<client id>@<origin of the token URL>" and the session entry
# appends "/session" (domain/storage/TokenStoreNames.h). The sandbox's base address is already an
# origin (no path).
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

# Which path `token` took: the launcher alone, or the app library (then this measures the wrong
# thing, and says so).
LD_DEBUG=files "$bin" token 2>"$scratch/ld.log" >/dev/null || die "\`token\` failed under LD_DEBUG"
objects=$(grep -o 'file=[^ ;]\+' "$scratch/ld.log" | sort -u | grep -c . || true)
libraries=$(grep -o 'file=[^ ;]\+' "$scratch/ld.log" | sed 's,^file=,,; s,.*/,,' | sort -u \
    | grep -E 'Qt6|keychain|secret|gio-|gcrypt|webinargeek' | tr '\n' ' ' || true)
if grep -q 'libwebinargeek-connect-app' "$scratch/ld.log"; then
    echo "WARNING: \`token\` loaded the app library: the launcher did not answer it itself" >&2
fi
echo "\`token\` loads $objects objects, among them: $libraries"

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
node - "$json" "$budget" "$runs" "$warmup" <<'JS'
const fs = require('fs');
const [json, budget, runs, warmup] = process.argv.slice(2);
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
const b = Number(budget);
console.log(`medians (${runs} runs each after ${warmup} warm-up runs; fastest run; mean user+sys CPU):`);
for (const r of [base, status, token])
    console.log(`  ${r.name.padEnd(28)} ${ms(r.median).padStart(8)} ms   (min ${ms(r.min)} ms, cpu ${ms(r.cpu)} ms)`);
console.log(`ratios of the medians to secret-tool (budget: at most ${b.toFixed(1)}x):`);
let met = 0;
for (const r of [status, token]) {
    const ratio = r.median / base.median;
    met += ratio <= b;
    const name = r.name.replace('webinargeek-connect ', '') + ' / secret-tool';
    console.log(`  ${name.padEnd(28)} ${ratio.toFixed(2).padStart(8)}x   ${ratio <= b ? 'ok' : 'OVER'}` +
                `   (fastest runs: ${(r.min / base.min).toFixed(2)}x, CPU time: ${(r.cpu / base.cpu).toFixed(2)}x)`);
}
console.log(`\nbudgets: ${met} of 2 met` + (met === 2 ? '' : ', the rest OVER'));
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
        -n "empty main, Qt Core + qtkeychain linked" "$(q "$p/probe-empty-keychain")" \
        -n "qtkeychain read, Qt Core + qtkeychain" "$(q "$p/probe-keychain") $svc" \
        -n "webinargeek-connect status" "$(q "$bin") status" \
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
