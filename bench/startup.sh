#!/usr/bin/env bash
# Start-up time (process start until the main window is mapped) and peak resident memory of the
# app, against a bare QApplication + QMainWindow + QLabel built by the same CMake project
# (bench/startup/Baseline.cpp), alternated in the same run in the same private desktop. Prints
# the medians and the ratios against the targets (start-up 1.2x, memory 1.3x).
#
#   bench/startup.sh [--runs N] [--a11y] [--signed-out-only | --breakdown] [BUILD_DIR]
#
# BUILD_DIR is a build folder configured with -DWGC_BUILD_BENCH=ON, with the targets
# webinargeek-connect, startup-baseline and startup-harness built; default build-bench/ if it
# exists, else build/. Build it Release, as in bench/README.md.
#
# --runs N (default 20; BENCH_RUNS): timed rounds per state, after 2 warm-up rounds.
# --a11y: force Qt's AT-SPI bridge on in both programs (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), as
#   when a screen reader runs. By default the accessibility bus runs, as on a person's desktop,
#   and Qt asks it whether a screen reader is on (it is not) and leaves its bridge off.
# --signed-out-only: skip the signed-in series (it needs Node.js and tests/sandbox).
# --breakdown: instead, signed out, four programs in turn: the app, the baseline, the baseline at
#   the app's window size (the backing store grows with it) and startup-baseline-libs (the
#   baseline linked with every library the app links, unused), to split the app's excess into
#   window size, libraries and the rest (plugins, the app's own work).
#
# The desktop is tests/with-desktop.sh: Xvfb, the trayer tray host, the accessibility bus, a
# private session bus and an unlocked gnome-keyring with a throwaway HOME. Two series:
#   signed out: the app's URLs point at hosts under .invalid and the keychain is empty;
#   signed in:  tests/sandbox on 127.0.0.1, signed in once with `login --no-browser`
#               (tests/sandbox/browser.mjs plays the person); the app restores that session.
# Nothing but loopback is contacted. Each run: startup-harness selects SubstructureNotify on the
# root window, forks and execs the program, takes the time of the first MapNotify of its
# top-level window, waits BENCH_SETTLE_MS (default 1000) and reads VmHWM from /proc, then ends it.
#
# Exit status: 0 after printing the figures (also when a ratio is OVER: this is a measurement),
# 2 when a tool is missing or the set-up failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=bench/lib.sh
. "$here/lib.sh" # die() and the sandbox set-up (bench_*)
# shellcheck source=bench/startup/desktop.sh
. "$here/startup/desktop.sh" # startup_*

if [ -z "${WGC_STARTUP_INNER:-}" ]; then
    runs=${BENCH_RUNS:-20}
    a11y=0
    signed_in=1
    breakdown=0
    build=""
    while [ $# -gt 0 ]; do
        case "$1" in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --a11y) a11y=1; shift ;;
        --signed-out-only) signed_in=0; shift ;;
        --breakdown) breakdown=1; shift ;;
        -h | --help) sed -n '2,32s/^# \{0,1\}//p' "$self"; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) build=$1; shift ;;
        esac
    done
    [ "$breakdown" = 0 ] || signed_in=0
    startup_tools "$signed_in"
    startup_build "$build"
    export WGC_STARTUP_INNER=1 WGC_BENCH_BUILD=$build WGC_BENCH_RUNS=$runs WGC_BENCH_A11Y=$a11y \
        WGC_BENCH_SIGNED_IN=$signed_in WGC_BENCH_BREAKDOWN=$breakdown
    # dbus-daemon's complaint that it may not raise its fd limit is noise.
    exec "$root/tests/with-desktop.sh" "$self" 2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi

# --- Inside the private desktop. ---
build=$WGC_BENCH_BUILD
runs=$WGC_BENCH_RUNS
app=$build/bin/webinargeek-connect
baseline=$build/bin/startup-baseline
harness=$build/bin/startup-harness
settle=${BENCH_SETTLE_MS:-1000}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-startup.XXXXXX")
trap 'bench_cleanup "$scratch"' EXIT
trap 'exit 2' INT TERM HUP
startup_environment "$WGC_BENCH_A11Y"

# The command line of program $1 into the array `command`.
command_for() {
    case "$1" in
    app) command=("$app") ;;
    baseline) command=("$baseline") ;;
    baseline-sized) command=("$baseline" --size "$app_size") ;;
    baseline-libs) command=("$build/bin/startup-baseline-libs") ;;
    esac
}

# One series: $1 label, then the programs; runs them in turn, starting one later each round (so
# none always goes first), 2 warm-up rounds, then $runs rounds. Lines "label program map_ms
# hwm_kib cpu_at_map_ms size threads" go to $scratch/results.
series() {
    local label=$1 round i n program out
    shift
    local programs=("$@")
    n=${#programs[@]}
    echo "$label: $runs rounds of ${programs[*]} after 2 warm-up rounds…" >&2
    for round in $(seq -1 "$runs"); do
        for i in $(seq 0 $((n - 1))); do
            program=${programs[$(((i + round + 1) % n))]}
            command_for "$program"
            out=$scratch/run.out
            "$harness" --settle-ms "$settle" -- "${command[@]}" >"$out" 2>>"$scratch/$label-$program.err" || {
                cat "$out" "$scratch/$label-$program.err" >&2
                die "$program did not map its window ($label)"
            }
            if [ "$program" = app ]; then
                app_size=$(sed -n 's/^window_size=//p' "$out")
            fi
            [ "$round" -ge 1 ] || continue
            awk -v label="$label" -v program="$program" -F= '
                { v[$1] = $2 }
                END { print label, program, v["map_ms"], v["hwm_kib"], v["cpu_at_map_ms"], v["window_size"], v["threads"] }
            ' "$out" >>"$scratch/results"
        done
    done
}

echo "settle before reading the peak RSS: $settle ms"
app_size=""
if [ "$WGC_BENCH_BREAKDOWN" = 1 ]; then
    [ -x "$build/bin/startup-baseline-libs" ] || die "no $build/bin/startup-baseline-libs: build that target"
    (
        startup_signed_out
        series breakdown app baseline baseline-sized baseline-libs
    )
else
    (
        startup_signed_out
        series signed-out app baseline
    )
    if [ "$WGC_BENCH_SIGNED_IN" = 1 ]; then
        startup_signed_in "$scratch" "$app"
        series signed-in app baseline
    fi
fi

python3 - "$scratch/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
START_TARGET, MEMORY_TARGET = 1.2, 1.3
def med(label, program, column):
    values = [float(r[column]) for r in rows if r[0] == label and r[1] == program and r[column] not in ("", "-1")]
    return statistics.median(values) if values else float("nan"), values
NAMES = {"app": "app", "baseline": "baseline", "baseline-sized": "baseline, app's window size",
         "baseline-libs": "baseline + app's libraries"}
for label in dict.fromkeys(r[0] for r in rows):
    print(f"\n{label}:")
    figures = {}
    for program in dict.fromkeys(r[1] for r in rows if r[0] == label):
        (m, times), (h, _), (c, _) = (med(label, program, i) for i in (2, 3, 4))
        size = next((r[5] for r in rows if r[0] == label and r[1] == program), "?")
        threads = next((r[6] for r in rows if r[0] == label and r[1] == program), "?")
        figures[program] = (m, h, c)
        print(f"  {NAMES[program]:28} to map {m:6.1f} ms (min {min(times):6.1f}, max {max(times):6.1f}, n={len(times)})"
              f"  peak RSS {h / 1024:5.1f} MiB  CPU until map {c:6.1f} ms  window {size}, {threads} threads")
    bm, bh, bc = figures["baseline"]
    for program, (am, ah, ac) in figures.items():
        if program == "baseline":
            continue
        r1, r2 = am / bm, ah / bh
        print(f"  {NAMES[program]} / baseline:")
        print(f"    start-up {r1:5.2f}x  (target <= {START_TARGET}x)  {'ok' if r1 <= START_TARGET else 'OVER'}"
              f"   [CPU until map: {ac / bc:.2f}x, {ac - bc:+.1f} ms]")
        print(f"    peak RSS {r2:5.2f}x  (target <= {MEMORY_TARGET}x)  {'ok' if r2 <= MEMORY_TARGET else 'OVER'}"
              f"   [{(ah - bh) / 1024:+.1f} MiB]")
PY
exit 0
