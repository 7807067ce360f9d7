#!/usr/bin/env bash
# The app at rest, hidden in the tray: CPU time over 60 s (target: at most 0.05 s) and its
# wake-ups, to show that no timer fires more than once a minute.
#
#   bench/idle.sh [--seconds N] [--state signed-in|signed-out|both] [--a11y] [--shown] [BUILD_DIR]
#
# BUILD_DIR as for bench/startup.sh (configured with -DWGC_BUILD_BENCH=ON; default build-bench/
# if it exists, else build/).
#
# The app runs in the same private desktop as bench/startup.sh (tests/with-desktop.sh: Xvfb,
# trayer, the accessibility bus, a private keychain), signed in against tests/sandbox on
# 127.0.0.1 and/or signed out with every address under .invalid (--state, default both).
# It starts with --background (hidden in the tray) when the app has that option; otherwise it
# starts shown and the harness closes the window as a window manager would (WM_DELETE_WINDOW),
# which hides it to the tray. If the app quits on close instead, or with --shown, it is measured
# with the window shown, and the report says so.
# After BENCH_SETTLE_MS (default 5000) for start-up to finish, two windows of N s each
# (--seconds, default 60):
#   1. untouched: the process's CPU time (user + system, all threads, from its CPU clock) and
#      each thread's voluntary context switches (each is a wake-up after a wait);
#   2. under `strace -f` (all threads): every wait that ended, split into timer expiries (a poll
#      or futex that timed out) and wake-ups by a file descriptor (the X connection, D-Bus), per
#      thread. A timer firing more than once a minute shows as a thread with two expiries.
# strace slows what it traces, so only window 1 gives the CPU figure.
# BENCH_KEEP_DIR=path keeps the harness's output and the raw traces.
#
# Exit status: 0 after the report (also when a figure is OVER: this is a measurement), 2 when a
# tool is missing or the set-up failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=bench/lib.sh
. "$here/lib.sh" # die() and the sandbox set-up (bench_*)
# shellcheck source=bench/startup/desktop.sh
. "$here/startup/desktop.sh" # startup_*

if [ -z "${WGC_IDLE_INNER:-}" ]; then
    seconds=60
    state=both
    a11y=0
    shown=0
    build=""
    while [ $# -gt 0 ]; do
        case "$1" in
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --state) state=${2:?--state needs signed-in, signed-out or both}; shift 2 ;;
        --a11y) a11y=1; shift ;;
        --shown) shown=1; shift ;;
        -h | --help) sed -n '2,29s/^# \{0,1\}//p' "$self"; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) build=$1; shift ;;
        esac
    done
    case "$state" in signed-in | signed-out | both) ;; *) die "--state: signed-in, signed-out or both" ;; esac
    if [ "$state" = signed-out ]; then startup_tools 0 strace; else startup_tools 1 strace; fi
    startup_build "$build"
    export WGC_IDLE_INNER=1 WGC_BENCH_BUILD=$build WGC_BENCH_SECONDS=$seconds WGC_BENCH_STATE=$state \
        WGC_BENCH_A11Y=$a11y WGC_BENCH_SHOWN=$shown
    exec "$root/tests/with-desktop.sh" "$self" 2> >(grep --line-buffered -v 'Failed to set fd limit' >&2)
fi

# --- Inside the private desktop. ---
build=$WGC_BENCH_BUILD
seconds=$WGC_BENCH_SECONDS
app=$build/bin/webinargeek-connect
harness=$build/bin/startup-harness
settle=${BENCH_SETTLE_MS:-5000}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-idle.XXXXXX")
trap 'bench_cleanup "$scratch"' EXIT
trap 'exit 2' INT TERM HUP
startup_environment "$WGC_BENCH_A11Y"

# measure LABEL: runs the app hidden (or shown), both windows; the harness's output in
# $scratch/LABEL.out, the trace in $scratch/LABEL.trace, the way it was hidden in $scratch/LABEL.how.
measure() {
    local label=$1 out=$scratch/$1.out
    local common=(--settle-ms "$settle" --idle-s "$seconds" --trace "$scratch/$label.trace" --trace-s "$seconds")
    echo "$label: settling ${settle} ms, then ${seconds} s untouched and ${seconds} s under strace…" >&2
    if [ "$WGC_BENCH_SHOWN" = 1 ]; then
        echo "window shown (--shown)" >"$scratch/$label.how"
        "$harness" "${common[@]}" -- "$app" >"$out" || die "the app did not start ($label)"
        return
    fi
    if "$app" --help 2>/dev/null | grep -q -- '--background'; then
        echo "started with --background (hidden in the tray)" >"$scratch/$label.how"
        "$harness" --no-map "${common[@]}" -- "$app" --background >"$out" || die "the app did not start ($label)"
        if grep -q '^unexpected_map_ms=' "$out"; then
            echo "started with --background, but it mapped a window anyway" >"$scratch/$label.how"
        fi
        return
    fi
    "$harness" --close "${common[@]}" -- "$app" >"$out" || die "the app did not start ($label)"
    if grep -qx 'close=hidden' "$out"; then
        echo "started shown, window closed with WM_DELETE_WINDOW: hidden to the tray" >"$scratch/$label.how"
        return
    fi
    echo "window SHOWN: this build has no --background and quits (or stays) on close" >"$scratch/$label.how"
    "$harness" "${common[@]}" -- "$app" >"$out" || die "the app did not start ($label)"
}

labels=()
if [ "$WGC_BENCH_STATE" != signed-in ]; then
    (
        startup_signed_out
        measure signed-out
    )
    labels+=(signed-out)
fi
if [ "$WGC_BENCH_STATE" != signed-out ]; then
    startup_signed_in "$scratch" "$app"
    measure signed-in
    labels+=(signed-in)
fi

if [ -n "${BENCH_KEEP_DIR:-}" ]; then
    mkdir -p "$BENCH_KEEP_DIR"
    cp "$scratch"/*.out "$scratch"/*.trace "$BENCH_KEEP_DIR"/ 2>/dev/null || true
fi
for label in "${labels[@]}"; do
    python3 - "$label" "$scratch/$label.out" "$scratch/$label.trace" "$(cat "$scratch/$label.how")" <<'PY'
import re, sys
from collections import defaultdict

label, out_path, trace_path, how = sys.argv[1:5]
CPU_TARGET_MS = 50
values, threads = {}, {}
for line in open(out_path):
    key, _, value = line.rstrip("\n").partition("=")
    if key == "idle_thread":
        tid, name, voluntary, involuntary, cpu = value.split()[:5]
        threads[tid] = (name, int(voluntary), int(involuntary), float(cpu))
    else:
        values.setdefault(key, value)

print(f"\n{label} ({how}):")
if "idle_error" in values:
    print(f"  {values['idle_error']}")
    sys.exit(0)
cpu = float(values["idle_cpu_ms"])
print(f"  CPU time over {values['idle_s']} s untouched: {cpu:.2f} ms (target <= {CPU_TARGET_MS} ms)  "
      f"{'ok' if cpu <= CPU_TARGET_MS else 'OVER'}")
print(f"  peak RSS {int(values['hwm_kib']) / 1024:.1f} MiB, {values['threads']} threads")
print(f"  wake-ups (voluntary context switches) over the same {values['idle_s']} s, per thread:")
for tid, (name, voluntary, involuntary, tcpu) in threads.items():
    print(f"    {name:18} {voluntary:5d}   (cpu {tcpu:.0f} ms, 10 ms ticks)")
print(f"    {'total':18} {values['idle_wakeups']:>5}")

# The trace: "TID TIME syscall(args) = result <duration>", split into "<unfinished ...>" and
# "<... name resumed>" halves when threads interleave.
WAITS = {"poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "futex", "nanosleep",
         "clock_nanosleep", "restart_syscall", "read", "recvmsg"}
pending, ended, waiting = {}, [], {}
start_re = re.compile(r"^(\d+)\s+([\d.]+)\s+(\w+)\((.*)$")
resumed_re = re.compile(r"^(\d+)\s+([\d.]+)\s+<\.\.\. (\w+) resumed>(.*)$")
first = last = None
try:
    lines = open(trace_path).read().splitlines()
except OSError:
    lines = []
for line in lines:
    m = resumed_re.match(line)
    if m:
        tid, t, name, rest = m.groups()
        begun = pending.pop(tid, (name, "", float(t)))
        ended.append((tid, begun[0], begun[1] + rest, float(t)))
    else:
        m = start_re.match(line)
        if not m:
            continue
        tid, t, name, rest = m.groups()
        if name in ("poll", "ppoll") and (rest.endswith("<detached ...>") or rest.endswith("<unfinished ...>")):
            # The wait in progress: poll's timeout (ms) says when its next timer is due.
            asked = re.search(r"\], \d+, (-?\d+)\s*<", rest)
            waiting[tid] = f"{int(asked.group(1)) / 1000:.1f} s" if asked and asked.group(1) != "-1" else "no timeout"
        if rest.endswith("<detached ...>"):
            continue  # still waiting when strace let go: it did not end in the window
        if rest.endswith("<unfinished ...>"):
            pending[tid] = (name, rest, float(t))
            continue
        ended.append((tid, name, rest, float(t)))
    first = float(t) if first is None else first
    last = float(t)

def timed_out(name, text):
    if "ETIMEDOUT" in text or "(Timeout)" in text:
        return True
    # A sleep that ended, or a poll interrupted by strace's attach and resumed by the kernel
    # (restart_syscall), which returns 0, undecoded, when its timeout ran out.
    return name in ("nanosleep", "clock_nanosleep", "restart_syscall") and re.search(r"= 0 <", text) is not None

expiries, fd_wakes, other = defaultdict(list), defaultdict(int), defaultdict(int)
for tid, name, text, t in ended:
    if name not in WAITS:
        other[tid] += 1
        continue
    if timed_out(name, text):
        # How long the thread slept: strace's -T duration at the end of the line.
        slept = re.search(r"<([\d.]+)>$", text)
        expiries[tid].append((t, name, f"{float(slept.group(1)):.1f} s" if slept else "?"))
    elif name in ("poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "restart_syscall"):
        fd_wakes[tid] += 1

span = (last - first) if first is not None else 0
print(f"  under strace, {values.get('trace_s', '?')} s ({len(ended)} system calls ended):")
worst = 0
for tid in sorted(set(threads) | set(expiries) | set(fd_wakes), key=int):
    name = threads.get(tid, ("(new thread)",))[0]
    times = [e[0] for e in expiries[tid]]
    gaps = [b - a for a, b in zip(times, times[1:])]
    worst = max(worst, len(times))
    detail = ", ".join(f"{e[1]} after {e[2]}" for e in expiries[tid])
    gap = f"; shortest gap {min(gaps):.1f} s" if gaps else ""
    print(f"    {name:18} timer expiries {len(times):3d}{(' (' + detail + ')') if detail else ''}{gap};"
          f" woken by a descriptor {fd_wakes[tid]:3d}; other calls {other[tid]}"
          + (f"; then polls with a timeout of {waiting[tid]}" if tid in waiting else ""))
verdict = "ok" if worst <= 1 else "OVER"
print(f"  timers: at most {worst} expir{'y' if worst == 1 else 'ies'} in one thread over the window "
      f"(target: at most one a minute)  {verdict}")
PY
done
exit 0
