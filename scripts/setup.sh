#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for kg and then serves or tests.
#   scripts/setup.sh serve   install dependencies, build, start kg serve on 127.0.0.1:7878
#   scripts/setup.sh test    install dependencies, build, run the whole test suite
#   scripts/setup.sh deps    only install dependencies
#   scripts/setup.sh build   only build (into build/)
#   scripts/setup.sh bench   also install Virtuoso and nginx, build, run bench/side_by_side.py
# Every dependency comes from Debian packages (apt-get) or the npm registry.
# Environment: KG_PORT (default 7878), KG_BUILD_DIR (default build), JOBS,
# SANITIZE_STAGES (test only; default "asan fuzz tsan", "none" skips them).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${KG_BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config make
  # RDF: Redland librdf with Raptor (syntaxes) and Rasqal (SPARQL), and their CLI tools
  librdf0-dev libraptor2-dev librasqal3-dev raptor2-utils rasqal-utils
  # HTTP (Boost.Asio/Beast), CLI options, JSON, unit tests
  libboost-dev libboost-program-options-dev rapidjson-dev libgtest-dev googletest
  # SPARQL functions: PCRE2 for REGEX/REPLACE, OpenSSL's libcrypto for MD5/SHA*
  libpcre2-dev libssl-dev
  # end-to-end and conformance tests: a real SPARQL client, rdflib, curl, a load tool
  python3 python3-rdflib python3-sparqlwrapper curl wrk ca-certificates
  # browsing pages: diagrams drawn with the Graphviz C library; browser tests in Chromium
  libgraphviz-dev chromium fonts-dejavu-core
  # sanitizer and fuzzing stages (tests/sanitizers/ci_stages.sh): clang with its runtimes,
  # llvm-symbolizer-14 (llvm-14) for function and file:line in sanitizer reports
  clang-14 libclang-rt-14-dev llvm-14
)
# The side-by-side benchmark's reference servers (scripts/setup.sh bench only).
BENCH_PACKAGES=(virtuoso-opensource nginx)

install_deps() {
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
  fi
  # npm packages of the tests (SHACL validation, OpenAPI validation, ...),
  # each folder pinned by its package-lock.json
  for lock in tests/*/package-lock.json service/ui/assets/package-lock.json; do
    (cd "$(dirname "$lock")" && npm ci --no-audit --no-fund --loglevel=error)
  done
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

run_tests() {
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" --timeout 1500
  # then the ASan/UBSan suite, each fuzzer for a bounded time and the
  # ThreadSanitizer suite (README, "Sanitizers and fuzzing");
  # SANITIZE_STAGES=none skips them, SANITIZE_STAGES=asan picks one
  SANITIZE_STAGES=${SANITIZE_STAGES:-asan fuzz tsan} JOBS=$JOBS tests/sanitizers/ci_stages.sh
}

case "${1:-}" in
  deps) install_deps ;;
  build) build ;;
  serve)
    install_deps
    build
    exec "$BUILD_DIR/service/kg" serve --host 127.0.0.1 --port "${KG_PORT:-7878}" --data ontology
    ;;
  test)
    install_deps
    build
    run_tests
    ;;
  bench)
    install_deps
    $SUDO apt-get install -y -qq --no-install-recommends "${BENCH_PACKAGES[@]}"
    # the packages' own services would listen on every interface: stop them
    # (the benchmark starts its own instances on 127.0.0.1)
    for svc in virtuoso-opensource-7 nginx; do
      if command -v systemctl >/dev/null && systemctl is-active --quiet "$svc" 2>/dev/null; then
        $SUDO systemctl disable --now "$svc" || true
      elif [ -x "/etc/init.d/$svc" ]; then
        $SUDO "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
      fi
    done
    build
    exec bench/side_by_side.py --kg "$BUILD_DIR/service/kg" "${@:2}"
    ;;
  *)
    echo "usage: $0 serve|test|deps|build|bench" >&2
    exit 2
    ;;
esac
