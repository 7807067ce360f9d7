#!/usr/bin/env bash
# Start-up time (process start until the main window is mapped) and peak resident memory of the
# app, against a bare QApplication + QMainWindow + QLabel built by the same CMake project
# (bench/startup/Baseline.cpp) and against two Qt desktop programs from Debian, KeePassXC and the
# Nextcloud desktop client, each on its first start. All are timed by one harness, in turn, in
# the same run and the same private desktop. Prints the medians, the ratios and whether each
# budget holds:
#   start-up and peak RSS at most 1.6x and 1.5x the baseline's;
#   both at most half of KeePassXC's, and less than Nextcloud's.
#
#   bench/startup.sh [--runs N] [--a11y] [--no-peers] [--signed-out-only | --breakdown] [BUILD_DIR]
#
# BUILD_DIR is a build folder configured with -DWGC_BUILD_BENCH=ON, with the targets
# webinargeek-connect, startup-baseline and startup-harness built; default build-bench/ if it
# exists, else build/. Build it Release, as in bench/README.md.
#
# --runs N (default 20; BENCH_RUNS): timed rounds per state, after 2 warm-up rounds.
# --a11y: force Qt's AT-SPI bridge on in every program (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), as
#   when a screen reader runs. By default the accessibility bus runs, as on a person's desktop,
#   and Qt asks it whether a screen reader is on (it is not) and leaves its bridge off.
# --no-peers: leave KeePassXC and Nextcloud out (a quicker run; no budget against them).
# --signed-out-only: skip the signed-in series (it needs Node.js and tests/sandbox).
# --breakdown: instead, signed out, four programs in turn: the app, the baseline, the baseline at
#   the app's window size (the backing store grows with it) and startup-baseline-libs (the
#   baseline linked with every library the app library links, unused), to split the app's excess
#   into window size, libraries and the rest (plugins, the app's own work).
#
# The peers are Debian's `keepassxc` and `nextcloud-desktop`. When one is missing the script
# installs it (apt-get install -y --no-install-recommends; it must run as root for that). Each
# peer run gets a new, empty HOME, XDG folders and TMPDIR: a first start. KeePassXC's window is
# its main window with the welcome page; Nextcloud first maps its (then hidden) tray panel and
# then its setup wizard, "Add Nextcloud account", which is the window timed. Neither has an
# account, a server or a proxy configured (the proxy variables are unset for every program), and
# on such a first start neither sends anything over the network: under strace they open unix
# sockets (X, D-Bus, AT-SPI) and netlink; Nextcloud also lists the network interfaces (netlink and
# ioctls on a UDP socket it never sends on). bench/README.md has the trace.
#
# The desktop is tests/with-desktop.sh: Xvfb, the trayer tray host, the accessibility bus, a
# private session bus and an unlocked gnome-keyring with a throwaway HOME. Every program runs in
# the C.UTF-8 locale (English texts: the harness knows Nextcloud's wizard by its title). Series:
#   signed out: the app's URLs point at hosts under .invalid and the keychain is empty;
#   signed in:  tests/sandbox on 127.0.0.1, signed in once with `login --no-browser`
#               (tests/sandbox/browser.mjs plays the person); the app restores that session.
# Nothing but loopback is contacted. Each run: startup-harness selects SubstructureNotify on the
# root window, forks and execs the program, takes the time of the MapNotify of its top-level
# window, waits BENCH_SETTLE_MS (default 1000) and reads VmHWM from /proc, then ends it.
#
# Exit status: 0 after printing the figures (also when a budget is not met: this is a
# measurement), 2 when a tool is missing or the set-up failed.
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
    peers=1
    signed_in=1
    breakdown=0
    build=""
    while [ $# -gt 0 ]; do
        case "$1" in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --a11y) a11y=1; shift ;;
        --no-peers) peers=0; shift ;;
        --signed-out-only) signed_in=0; shift ;;
        --breakdown) breakdown=1; shift ;;
        -h | --help) sed -n '2,47s/^# \{0,1\}//p' "$self"; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) build=$1; shift ;;
        esac
    done
    if [ "$breakdown" = 1 ]; then
        signed_in=0
        peers=0
    fi
    startup_tools "$signed_in"
    startup_build "$build"
    [ "$peers" = 0 ] || startup_peers_installed
    export WGC_STARTUP_INNER=1 WGC_BENCH_BUILD=$build WGC_BENCH_RUNS=$runs WGC_BENCH_A11Y=$a11y \
        WGC_BENCH_PEERS=$peers WGC_BENCH_SIGNED_IN=$signed_in WGC_BENCH_BREAKDOWN=$breakdown
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

# The command line of program $1 into the array `command`, the harness's options for it into
# `options`.
command_for() {
    options=()
    case "$1" in
    app) command=("$app") ;;
    baseline) command=("$baseline") ;;
    baseline-sized) command=("$baseline" --size "$app_size") ;;
    baseline-libs) command=("$build/bin/startup-baseline-libs") ;;
    keepassxc) command=(keepassxc) ;;
    nextcloud) command=(nextcloud) options=(--title "Add Nextcloud account") ;;
    esac
}

# Runs the harness on program $1 into file $2. A peer starts for the first time: a new, empty
# HOME, XDG folders and TMPDIR, removed afterwards.
run_one() {
    local program=$1 out=$2 home
    command_for "$program"
    case "$program" in
    keepassxc | nextcloud)
        home=$(mktemp -d "$scratch/first-start.XXXXXX")
        mkdir -p "$home/home" "$home/tmp"
        mkdir -m 700 "$home/run"
        (
            export HOME="$home/home" XDG_CONFIG_HOME="$home/home/.config" XDG_DATA_HOME="$home/home/.local/share" \
                XDG_CACHE_HOME="$home/home/.cache" XDG_STATE_HOME="$home/home/.local/state" \
                XDG_RUNTIME_DIR="$home/run" TMPDIR="$home/tmp"
            exec "$harness" --settle-ms "$settle" "${options[@]}" -- "${command[@]}"
        ) >"$out" 2>>"$scratch/$label-$program.err"
        local rc=$?
        rm -rf "$home"
        return $rc
        ;;
    esac
    "$harness" --settle-ms "$settle" "${options[@]}" -- "${command[@]}" >"$out" 2>>"$scratch/$label-$program.err"
}

# One series: $1 label, then the programs; runs them in turn, starting one later each round (so
# none always goes first), 2 warm-up rounds, then $runs rounds. Lines "label program map_ms
# hwm_kib cpu_at_map_ms size threads first_map_ms" go to $scratch/results.
series() {
    local round i n program out
    label=$1
    shift
    local programs=("$@")
    n=${#programs[@]}
    echo "$label: $runs rounds of ${programs[*]} after 2 warm-up rounds…" >&2
    for round in $(seq -1 "$runs"); do
        for i in $(seq 0 $((n - 1))); do
            program=${programs[$(((i + round + 1) % n))]}
            out=$scratch/run.out
            run_one "$program" "$out" || {
                cat "$out" "$scratch/$label-$program.err" >&2
                die "$program did not map its window ($label)"
            }
            if [ "$program" = app ]; then
                app_size=$(sed -n 's/^window_size=//p' "$out")
            fi
            [ "$round" -ge 1 ] || continue
            awk -v label="$label" -v program="$program" -F= '
                { v[$1] = $2 }
                END { print label, program, v["map_ms"], v["hwm_kib"], v["cpu_at_map_ms"], v["window_size"], v["threads"],
                      v["first_map_ms"] }
            ' "$out" >>"$scratch/results"
        done
    done
}

peers=()
if [ "$WGC_BENCH_PEERS" = 1 ]; then
    peers=(keepassxc nextcloud)
    echo "peers: KeePassXC $(dpkg-query -W -f='${Version}' keepassxc 2>/dev/null || echo '?')," \
        "Nextcloud $(dpkg-query -W -f='${Version}' nextcloud-desktop 2>/dev/null || echo '?'), each on its first start"
fi
echo "settle before reading the peak RSS: $settle ms"
app_size=""
label=""
if [ "$WGC_BENCH_BREAKDOWN" = 1 ]; then
    [ -x "$build/bin/startup-baseline-libs" ] || die "no $build/bin/startup-baseline-libs: build that target"
    (
        startup_signed_out
        series breakdown app baseline baseline-sized baseline-libs
    )
else
    (
        startup_signed_out
        series signed-out app baseline "${peers[@]}"
    )
    if [ "$WGC_BENCH_SIGNED_IN" = 1 ]; then
        startup_signed_in "$scratch" "$app"
        series signed-in app baseline "${peers[@]}"
    fi
fi

python3 - "$scratch/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
# The budgets: against the baseline, a ceiling each; against the peers, a share of theirs.
START_BUDGET, MEMORY_BUDGET = 1.6, 1.5
PEER_BUDGETS = {"keepassxc": (0.5, "at most half of"), "nextcloud": (1.0, "less than")}
def med(label, program, column):
    values = [float(r[column]) for r in rows if r[0] == label and r[1] == program and r[column] not in ("", "-1")]
    return statistics.median(values) if values else float("nan"), values
NAMES = {"app": "app", "baseline": "baseline", "baseline-sized": "baseline, app's window size",
         "baseline-libs": "baseline + app's libraries", "keepassxc": "KeePassXC", "nextcloud": "Nextcloud"}
verdicts = []
for label in dict.fromkeys(r[0] for r in rows):
    print(f"\n{label}:")
    figures = {}
    for program in sorted(set(r[1] for r in rows if r[0] == label), key=list(NAMES).index):
        (m, times), (h, _), (c, _) = (med(label, program, i) for i in (2, 3, 4))
        size = next((r[5] for r in rows if r[0] == label and r[1] == program), "?")
        threads = next((r[6] for r in rows if r[0] == label and r[1] == program), "?")
        figures[program] = (m, h, c)
        print(f"  {NAMES[program]:28} to map {m:6.1f} ms (min {min(times):6.1f}, max {max(times):6.1f}, n={len(times)})"
              f"  peak RSS {h / 1024:6.1f} MiB  CPU until map {c:6.1f} ms  window {size}, {threads} threads")
        first, _ = med(label, program, 7)
        if first < m - 0.5:
            print(f"  {'':28} (an earlier top-level window mapped at {first:6.1f} ms, median)")
    bm, bh, bc = figures["baseline"]
    am, ah, ac = figures["app"]
    for program, (pm, ph, pc) in figures.items():
        if program in ("baseline", "app") or program in PEER_BUDGETS:
            continue
        print(f"  {NAMES[program]} / baseline: start-up {pm / bm:.2f}x (CPU until map {pc / bc:.2f}x,"
              f" {pc - bc:+.1f} ms), peak RSS {ph / bh:.2f}x ({(ph - bh) / 1024:+.1f} MiB)")
    def verdict(what, ratio, ceiling, strict=False):
        ok = ratio < ceiling if strict else ratio <= ceiling
        limit = f"< {ceiling}x" if strict else f"<= {ceiling}x"
        verdicts.append(ok)
        return f"{what:9} {ratio:5.2f}x  (budget {limit:8}) {'ok' if ok else 'OVER'}"
    print("  app / baseline:")
    print(f"    {verdict('start-up', am / bm, START_BUDGET)}   [CPU until map: {ac / bc:.2f}x, {ac - bc:+.1f} ms]")
    print(f"    {verdict('peak RSS', ah / bh, MEMORY_BUDGET)}   [{(ah - bh) / 1024:+.1f} MiB]")
    for peer, (share, words) in PEER_BUDGETS.items():
        if peer not in figures:
            continue
        pm, ph, pc = figures[peer]
        strict = share == 1.0
        print(f"  app / {NAMES[peer]} (budget: {words} {NAMES[peer]}'s;"
              f" {NAMES[peer]} / baseline: start-up {pm / bm:.2f}x, peak RSS {ph / bh:.2f}x):")
        print(f"    {verdict('start-up', am / pm, share, strict)}   [CPU until map: {ac / pc:.2f}x]")
        print(f"    {verdict('peak RSS', ah / ph, share, strict)}")
print(f"\nbudgets: {sum(verdicts)} of {len(verdicts)} met" + ("" if all(verdicts) else ", the rest OVER"))
PY
exit 0
