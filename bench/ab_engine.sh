#!/usr/bin/env bash
# A/B of engine builds on one query: runs each engine_bench binary in turn,
# ROUNDS times (so slow and fast spells of a shared machine hit every build
# alike), each run --cold with RUNS repetitions, and prints per build the
# median over rounds of the engine's and the JSON writer's median times.
#
# usage: bench/ab_engine.sh DATA.nt QUERY.rq ROUNDS RUNS BIN_A BIN_B [BIN ...]
# e.g.   bench/ab_engine.sh /tmp/gen100k.nt /tmp/q06.rq 12 15 ./engine_bench-old build/bench/engine_bench
set -euo pipefail
[ $# -ge 6 ] || { sed -n 2,8p "$0" >&2; exit 2; }
data=$1; query=$2; rounds=$3; runs=$4; shift 4
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 0; r < rounds; r++)); do
  for bin in "$@"; do
    report=$("$bin" "$data" "$query" "$runs" --json --cold)
    engine=$(sed -n 1p <<<"$report" | sed -E 's/.*median ([0-9.]+) ms.*/\1/')
    json=$(sed -n 2p <<<"$report" | sed -E 's/.*median ([0-9.]+) ms.*/\1/')
    echo "$bin $engine $json" >>"$out"
  done
done
python3 - "$out" "$@" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for bin in sys.argv[2:]:
    e = [float(r[1]) for r in rows if r[0] == bin]
    j = [float(r[2]) for r in rows if r[0] == bin]
    s = [a + b for a, b in zip(e, j)]
    print('%s: engine %.2f ms, JSON %.2f ms, sum %.2f ms (median of %d rounds; fastest round %.2f)'
          % (bin, statistics.median(e), statistics.median(j), statistics.median(s), len(s), min(s)))
EOF
