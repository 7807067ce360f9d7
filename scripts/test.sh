#!/usr/bin/env bash
# Sets up, builds, and runs every test headless, in three stages:
#   1. the normal build (./build): the whole ctest suite
#   2. an AddressSanitizer + UndefinedBehaviorSanitizer build (./build-asan, -DWGC_SANITIZE=ON):
#      the same suite again; any sanitizer report fails the test it happened in
#   3. the libFuzzer targets (./build-fuzz, clang): each parser of outside input for
#      $WGC_FUZZ_SECONDS (default 30) seconds; see tests/fuzz/run.sh
#   4. the package: the .deb from ./build, checked by lintian, desktop-file-validate and
#      appstreamcli, installed into a clean Debian 12 root, run there and removed again
#      (scripts/package-check.sh; the root is made once with debootstrap and kept in
#      build/package-root.tar)
# Each test that needs a keychain gets a private session bus and gnome-keyring
# (tests/with-keyring.sh); each that needs a server starts the sandbox on a free port of
# 127.0.0.1. Ends with one summary line per stage and a verdict.
#   scripts/test.sh [--quick] [ctest arguments…]    --quick: stage 1 only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
if [[ "${1:-}" == "--quick" ]]; then
    quick=1
    shift
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
summary=()
failed=0
started=$SECONDS

# Records one stage's result: name, status, what to say.
record() {
    local stage=$1 status=$2 what=$3
    local verdict=passed
    if ((status != 0)); then
        verdict=FAILED
        failed=1
    fi
    summary+=("$stage $verdict in $((SECONDS - started)) s: ${what:-see the output above}")
    started=$SECONDS
}

# Runs ctest in build directory $2 with the remaining arguments; records it as stage $1.
run_suite() {
    local stage=$1 dir=$2
    shift 2
    local status=0
    (cd "$dir" && ctest -j2 --output-on-failure "$@") 2>&1 | tee "$scratch/$stage.log" || status=$?
    record "$stage" "$status" "$(grep -E 'tests passed|No tests were found' "$scratch/$stage.log" | tail -1)"
}

echo "test: stage 1/4: build and the suite (build)" >&2
"$root/scripts/setup.sh"
run_suite "suite" "$root/build" "$@"

if ((!quick)); then
    echo "test: stage 2/4: the suite under AddressSanitizer and UBSan (build-asan)" >&2
    asan="$root/build-asan"
    if [[ ! -f "$asan/build.ninja" ]]; then
        cmake -S "$root" -B "$asan" -G Ninja -DWGC_SANITIZE=ON >/dev/null
    fi
    if cmake --build "$asan"; then
        # Leaks in third-party libraries only are suppressed, in tests/fuzz/lsan.supp.
        ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1" \
            LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0" \
            UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
            run_suite "sanitizers" "$asan" "$@"
    else
        record "sanitizers" 1 "the build failed"
    fi

    echo "test: stage 3/4: fuzzing the parsers (build-fuzz)" >&2
    status=0
    "$root/tests/fuzz/run.sh" "${WGC_FUZZ_SECONDS:-30}" 2>&1 | tee "$scratch/fuzz.log" || status=$?
    record "fuzzers" "$status" "$(grep -E '^fuzz: ' "$scratch/fuzz.log" | tail -1 | sed 's/^fuzz: //')"

    echo "test: stage 4/4: the package (build)" >&2
    status=0
    "$root/scripts/package-check.sh" "$root/build" 2>&1 | tee "$scratch/package.log" || status=$?
    record "package" "$status" "$(grep -E '^package: ' "$scratch/package.log" | tail -1 | sed 's/^package: //')"
fi

echo
for line in "${summary[@]}"; do
    echo "test: $line"
done
if ((failed)); then
    echo "test: FAILED"
    exit 1
fi
echo "test: every stage passed"
