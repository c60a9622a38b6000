#!/usr/bin/env bash
# The sanitizer and fuzzing stages of `scripts/setup.sh test` (after the
# normal build and test suite; SANITIZE_STAGES=none skips them):
#   asan  one clang-14 build with -DKG_FUZZ=ON (everything compiled with
#         -fsanitize=fuzzer-no-link,address,undefined) runs the whole test
#         suite under ASan + UBSan + LeakSanitizer;
#   fuzz  each libFuzzer target of that same build for FUZZ_SECONDS (60) on
#         tests/fuzz/corpus/<target>/ (tests/fuzz/run_fuzzers.sh);
#   tsan  a clang-14 -DKG_TSAN=ON build runs the whole test suite under
#         ThreadSanitizer (suppressions: tsan.supp); any report (also from a
#         kg server an e2e or browser test started) fails the stage.
# Left out of both suites, because they run no kg code: the ontology checks
# that use rapper, rdflib and SHACL only (ontology_rapper, _shacl, _queries,
# _quotes, _mutations; ontology_queries_kg, which runs kg, is in). Left out of
# the ASan suite: w3c_sparql_conformance_rasqal, the comparison run of the
# Rasqal engine — Rasqal 0.9.33 leaks inside its own parser and evaluator on
# many of the W3C queries it fails (expressions, blank-node ids, sequences,
# all under rasqal_query_prepare/execute); kg's side of that engine
# (store/query_runner.cc) runs under LeakSanitizer in the store unit tests.
# The TSan suite runs the Rasqal comparison too: its old crash there (SEGV
# in rasqal_new_literal_from_literal) was Rasqal reading past the row of an
# invalid VALUES it accepted, which kg's parser now rejects first
# (evaluator/engine.h ExecuteOnRasqal).
# Sanitizer builds: -O1 -gline-tables-only (cheaper to compile than
# RelWithDebInfo's -O2 -g, still file:line in every stack), no benchmarks.
# Environment: JOBS, SANITIZE_STAGES (default "asan fuzz tsan"; "none"),
# FUZZ_SECONDS, SOAK_PER_CLIENT, CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache),
# ASAN_BUILD_DIR, TSAN_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

JOBS=${JOBS:-$(nproc)}
STAGES=${SANITIZE_STAGES:-asan fuzz tsan}
[ "$STAGES" = none ] && exit 0
CLANG=${SANITIZE_CXX:-clang++-14}
ASAN_BUILD=${ASAN_BUILD_DIR:-build-asan}
TSAN_BUILD=${TSAN_BUILD_DIR:-build-tsan}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SUPP=$PWD/tests/sanitizers
# The tests left out (see above).
ASAN_EXCLUDE='^(ontology_(rapper|shacl|queries|quotes|mutations)|w3c_sparql_conformance_rasqal)$'
TSAN_EXCLUDE='^ontology_(rapper|shacl|queries|quotes|mutations)$'
launcher=()
[ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="$CMAKE_CXX_COMPILER_LAUNCHER")
command -v "$CLANG" >/dev/null || { echo "ci_stages: $CLANG not found (scripts/setup.sh deps)" >&2; exit 1; }
# Readable stacks (function, file:line) need llvm-symbolizer (Debian llvm-14).
symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
sym=${symbolizer:+:external_symbolizer_path=$symbolizer}

stamp() { date +%s; }
report() { echo "== $1: $(( $(stamp) - $2 )) s"; }

configure() {  # dir, extra cmake args...
  local dir=$1; shift
  CXX=$CLANG cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_BENCH=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    "${launcher[@]}" "$@" >/dev/null
}

# The ASan/UBSan/LSan options of the asan and fuzz stages. The slow unwinder
# on malloc gives LeakSanitizer whole stacks through Raptor, Rasqal and
# fontconfig (no frame pointers), which lsan.supp needs to tell their own
# leaks from kg's.
ASAN_BASE="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:fast_unwind_on_malloc=0:malloc_context_size=8$sym"
UBSAN_BASE="print_stacktrace=1:halt_on_error=1:suppressions=$SUPP/ubsan.supp$sym"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"

# Runs ctest with the sanitizer reports of every process (test binaries and
# the kg servers tests start) written to files under $logs; fails if ctest
# fails or if any report was written (some tests do not check a server's
# exit status), and prints the reports.
run_suite() {  # name, ctest args...
  local name=$1; shift
  local status=0
  ctest "$@" || status=1
  if compgen -G "$logs/*" >/dev/null; then
    for f in "$logs"/*; do echo "---- $f" >&2; cat "$f" >&2; done
    echo "$name: sanitizer reports (above)" >&2
    status=1
  fi
  rm -rf "$logs"
  return $status
}

failed=""
for stage in $STAGES; do
  t0=$(stamp)
  case $stage in
    asan)
      configure "$ASAN_BUILD" -DKG_FUZZ=ON
      cmake --build "$ASAN_BUILD" -j "$JOBS"
      report "ASan/UBSan build" "$t0"
      t1=$(stamp)
      logs=$(mktemp -d)
      # the soak's memory bound: ASan keeps up to 256 MiB of freed memory in
      # quarantine (quarantine_size_mb), so RSS grows by that much by design;
      # the normal stage checks the 64 MiB bound
      ASAN_OPTIONS="$ASAN_BASE:log_path=$logs/asan" UBSAN_OPTIONS="$UBSAN_BASE:log_path=$logs/ubsan" \
      SOAK_PER_CLIENT=${SOAK_PER_CLIENT:-150} SOAK_RSS_BOUND_MB=$((64 + 256 + 64)) KG_E2E_START_SECONDS=60 \
        run_suite "ASan/UBSan" --test-dir "$ASAN_BUILD" --output-on-failure -j "$JOBS" \
          --timeout 1500 -E "$ASAN_EXCLUDE" || failed+=" asan"
      report "ASan/UBSan tests" "$t1"
      ;;
    fuzz)
      # the slow unwinder here too (lsan.supp needs the library frames; the
      # fuzzers then do a quarter to half of their executions)
      ASAN_OPTIONS=$ASAN_BASE UBSAN_OPTIONS=$UBSAN_BASE \
      FUZZ_BUILD_DIR=$ASAN_BUILD FUZZ_SECONDS=$FUZZ_SECONDS JOBS=$JOBS \
        tests/fuzz/run_fuzzers.sh || failed+=" fuzz"
      report "fuzzing ($FUZZ_SECONDS s per target)" "$t0"
      ;;
    tsan)
      configure "$TSAN_BUILD" -DKG_TSAN=ON
      cmake --build "$TSAN_BUILD" -j "$JOBS"
      report "ThreadSanitizer build" "$t0"
      t1=$(stamp)
      logs=$(mktemp -d)
      # halt_on_error: a report kills the process, so the test that caused it
      # fails (and run_suite fails on the report file in any case).
      TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$SUPP/tsan.supp:log_path=$logs/tsan$sym" \
      SOAK_PER_CLIENT=${SOAK_PER_CLIENT:-100} KG_E2E_START_SECONDS=120 \
        run_suite "ThreadSanitizer" --test-dir "$TSAN_BUILD" --output-on-failure -j "$JOBS" \
          --timeout 1500 -E "$TSAN_EXCLUDE" || failed+=" tsan"
      report "ThreadSanitizer tests" "$t1"
      ;;
    *) echo "ci_stages: unknown stage $stage" >&2; exit 2 ;;
  esac
done
if [ -n "$failed" ]; then
  echo "ci_stages: failed:$failed" >&2
  exit 1
fi
