#!/usr/bin/env bash
# The /api answer cache, cold vs warm: starts kg serve on a free port with the
# built-in graph and queries, and drives each kind of /api call with wrk twice:
# warm (one request repeated: served from the cache after the first) and cold
# (every request a new cache key, see bench/api_cache.lua: computed each time).
# Prints requests/s and latency (median, 99th percentile, mean) per call.
#   bench/api_cache.sh [SECONDS] [CONNECTIONS]
# Defaults: 5 s per run, 4 connections, 1 wrk thread.
# Needs: a build in build/ (scripts/setup.sh build) and wrk (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-5}
CONNS=${2:-4}
KG=${KG:-build/service/kg}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

"$KG" serve --quiet --port "$PORT" --data ontology --queries queries 2>/tmp/kg-bench-api.log &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
GRENS=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("https://w3id.org/utrecht-leert/begrip/grens", safe=""))')
CALLS=(
  "/api/concepts?q=gr&lang=en"
  "/api/concepts/grens"
  "/api/concepts/pedagogische-sociale-relaties/hierarchy"
  "/api/schemes"
  "/api/works"
  "/api/works/akkerman-bakker-2011"
  "/api/queries/api/concept?concept=$GRENS&lang=nl"
)
printf '%-58s %-5s %10s %9s %9s %9s\n' call cache 'req/s' 'p50 ms' 'p99 ms' 'mean ms'
for call in "${CALLS[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$call")
  [ "$status" = 200 ] || { echo "$call answered $status" >&2; exit 1; }
  for mode in cold warm; do
    line=$(MODE=$mode wrk -t 1 -c "$CONNS" -d "${SECONDS_}s" -s bench/api_cache.lua "$BASE$call" |
           grep '^RESULT')
    read -r _ rps p50 p99 mean errors total <<<"$line"
    [ "$errors" = 0 ] || { echo "$call ($mode): $errors of $total answers were not 2xx/3xx" >&2; exit 1; }
    printf '%-58s %-5s %10s %9s %9s %9s\n' "${call:0:58}" "$mode" "$rps" "$p50" "$p99" "$mean"
  done
done
