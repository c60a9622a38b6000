#!/usr/bin/env bash
# Builds the libFuzzer targets (clang++-14, -DKG_FUZZ=ON, into build-fuzz/)
# and runs each for FUZZ_SECONDS (default 30) on its seed corpus
# tests/fuzz/corpus/<target>/. New inputs go to a scratch copy of the corpus,
# so the checked-in seeds stay as they are. Fails on the first crash, leak,
# timeout or sanitizer report; the reproducer is left in $FUZZ_OUT.
# Environment: FUZZ_SECONDS, FUZZ_BUILD_DIR (build-fuzz), FUZZ_OUT
# (build-fuzz/fuzz-out), FUZZ_TARGETS (default: all), JOBS.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${FUZZ_SECONDS:-30}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
OUT=${FUZZ_OUT:-$BUILD/fuzz-out}
TARGETS=${FUZZ_TARGETS:-parser http negotiate protocol serialize}
JOBS=${JOBS:-$(nproc)}
CLANG=${FUZZ_CXX:-clang++-14}

command -v "$CLANG" >/dev/null || { echo "run_fuzzers: $CLANG not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
CXX=$CLANG cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_FUZZ=ON >/dev/null
cmake --build "$BUILD" --target kg_fuzzers -j "$JOBS"

# the slow unwinder: tests/sanitizers/lsan.supp needs the library frames
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:malloc_context_size=8}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/sanitizers/ubsan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp}
mkdir -p "$OUT"
status=0
for t in $TARGETS; do
  seeds=tests/fuzz/corpus/$t
  work=$OUT/$t-corpus
  rm -rf "$work" && mkdir -p "$work"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  log=$OUT/$t.log
  if "$BUILD/tests/fuzz/${t}_fuzz" "$work" "$seeds" "${dict[@]}" -max_total_time="$SECONDS_EACH" \
      -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$OUT/$t-" >"$log" 2>&1; then
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz $t: ok, ${execs:-?} executions in ${SECONDS_EACH}s, $cov"
  else
    echo "fuzz $t: FAILED (log $log)" >&2
    grep -E 'ERROR|SUMMARY|Test unit written|runtime error' "$log" | head -20 >&2 || true
    status=1
  fi
done
exit $status
