#!/usr/bin/env bash
# The sanitizer and fuzzing stages of `scripts/setup.sh test` (after the
# normal build and test suite):
#   1. ASan + UBSan: one clang-14 build with -DKG_FUZZ=ON (everything compiled
#      with -fsanitize=fuzzer-no-link,address,undefined) runs the test suite
#      (unit tests, e2e incl. soak, W3C Update) and then
#   2. each libFuzzer target for FUZZ_SECONDS (default 30) on tests/fuzz/corpus/
#      (tests/fuzz/run_fuzzers.sh on the same build directory);
#   3. ThreadSanitizer: a clang-14 -DKG_TSAN=ON build of kg and the worker-pool
#      unit tests runs the e2e tests (every server in them has several
#      workers), the W3C Update suite and the http unit tests; any TSan report
#      fails the stage.
# Skipped in the sanitizer builds: the benchmarks (KG_BENCH=OFF), the W3C
# query suites and the differential workload (long, single-threaded, and run
# by the normal stage), the ontology checks (no kg code).
# Environment: JOBS, SANITIZE_STAGES (default "asan fuzz tsan"), FUZZ_SECONDS,
# CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache).
set -euo pipefail
cd "$(dirname "$0")/../.."

JOBS=${JOBS:-$(nproc)}
STAGES=${SANITIZE_STAGES:-asan fuzz tsan}
CLANG=${SANITIZE_CXX:-clang++-14}
ASAN_BUILD=${ASAN_BUILD_DIR:-build-asan}
TSAN_BUILD=${TSAN_BUILD_DIR:-build-tsan}
SUPP=$PWD/tests/sanitizers
launcher=()
[ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="$CMAKE_CXX_COMPILER_LAUNCHER")

stamp() { date +%s; }
report() { echo "== $1: $(( $(stamp) - $2 )) s"; }

configure() {  # dir, extra cmake args...
  local dir=$1; shift
  CXX=$CLANG cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_BENCH=OFF \
    "${launcher[@]}" "$@" >/dev/null
}

for stage in $STAGES; do
  t0=$(stamp)
  case $stage in
    asan)
      configure "$ASAN_BUILD" -DKG_FUZZ=ON
      cmake --build "$ASAN_BUILD" -j "$JOBS"
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
      LSAN_OPTIONS=suppressions=$SUPP/lsan.supp \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$SUPP/ubsan.supp \
      SOAK_PER_CLIENT=${SOAK_PER_CLIENT:-150} \
        ctest --test-dir "$ASAN_BUILD" --output-on-failure -j "$JOBS" --timeout 900 \
          -E '^(w3c_sparql_conformance|differential|ontology)'
      report "ASan/UBSan build and tests" "$t0"
      ;;
    fuzz)
      FUZZ_BUILD_DIR=$ASAN_BUILD FUZZ_SECONDS=${FUZZ_SECONDS:-30} JOBS=$JOBS \
        tests/fuzz/run_fuzzers.sh
      report "fuzzing (${FUZZ_SECONDS:-30} s per target)" "$t0"
      ;;
    tsan)
      configure "$TSAN_BUILD" -DKG_TSAN=ON
      cmake --build "$TSAN_BUILD" -j "$JOBS" --target kg http_tests
      logs=$(mktemp -d)
      # halt_on_error: a report kills the server, so the test that caused it
      # fails; the reports also land in $logs, which must stay empty.
      TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$logs/tsan" \
      SOAK_PER_CLIENT=${SOAK_PER_CLIENT:-100} KG_E2E_START_SECONDS=120 \
        ctest --test-dir "$TSAN_BUILD" --output-on-failure -j "$JOBS" --timeout 900 \
          -R '^(e2e_|w3c_sparql_update$|WorkerPool)'
      if compgen -G "$logs/tsan*" >/dev/null; then
        cat "$logs"/tsan* >&2
        echo "ThreadSanitizer reported races (above)" >&2
        exit 1
      fi
      rm -rf "$logs"
      report "ThreadSanitizer build and tests" "$t0"
      ;;
    *) echo "ci_stages: unknown stage $stage" >&2; exit 2 ;;
  esac
done
