#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, in ./build-fuzz) and runs each for a bounded
# time on a copy of its seed corpus in tests/fuzz/corpus/<target>/, which is never written to.
# Fails when any target finds a crash, a sanitizer report, a timeout or runs out of memory; the
# input that did it is kept in build-fuzz/fuzz-artifacts/ with the command that replays it.
#   tests/fuzz/run.sh [seconds per target]      default 30
#   WGC_FUZZ_BUILD=dir  build directory (default ./build-fuzz)
#   CXX_FUZZ=clang++-14 the compiler
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: tests/fuzz/run.sh [seconds per target]" >&2; exit 2; }
build=${WGC_FUZZ_BUILD:-$root/build-fuzz}
targets=(fuzz_redirect_request fuzz_token_reply fuzz_account_json fuzz_stored_session)

if [[ ! -f "$build/build.ninja" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-14}" -DWGC_FUZZ=ON \
        -DWGC_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target wgc_fuzzers

symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
[[ -n "$symbolizer" ]] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen

artifacts="$build/fuzz-artifacts"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failed=()
for target in "${targets[@]}"; do
    seeds="$root/tests/fuzz/corpus/$target"
    corpus="$scratch/$target"
    cp -r "$seeds" "$corpus"
    rm -rf "$artifacts/$target"
    mkdir -p "$artifacts/$target"
    log="$artifacts/$target/last-run.log"
    status=0
    "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target/" "$corpus" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    grown=$(find "$corpus" -type f | wc -l)
    if ((status != 0)); then
        failed+=("$target")
        echo "fuzz: $target FAILED (exit $status) after ${runs:-?} runs; last lines of $log:" >&2
        tail -n 60 "$log" >&2
        for input in "$artifacts/$target"/crash-* "$artifacts/$target"/leak-* "$artifacts/$target"/timeout-* \
            "$artifacts/$target"/oom-*; do
            [[ -e "$input" ]] && echo "fuzz: replay with: $build/bin/$target $input" >&2
        done
    else
        echo "fuzz: $target clean: ${runs:-?} inputs in ${seconds} s, corpus $(find "$seeds" -type f | wc -l) -> $grown"
    fi
done

if ((${#failed[@]})); then
    echo "fuzz: ${#failed[@]} of ${#targets[@]} targets failed: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets clean (${seconds} s each)"
