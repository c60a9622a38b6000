#!/bin/sh
# Parse every ontology/*.ttl on its own with Raptor's rapper (rapper -c -i turtle).
# Fails on a parse error and on any warning or error message.
# Usage: check_rapper.sh [ONTOLOGY_DIR]
dir=${1:-$(dirname "$0")/../../ontology}
command -v rapper >/dev/null 2>&1 || { echo "rapper not found (Debian package raptor2-utils)"; exit 1; }
pass=0; fail=0; n=0
for f in "$dir"/*.ttl; do
  [ -e "$f" ] || continue
  n=$((n + 1))
  err=$(rapper -c -i turtle "$f" 2>&1 >/dev/null); rc=$?
  msgs=$(printf '%s\n' "$err" | grep -Ei 'warning|error' )
  if [ $rc -ne 0 ] || [ -n "$msgs" ]; then
    echo "FAIL $f (exit $rc)"; printf '%s\n' "$err" | sed 's/^/    /'; fail=$((fail + 1))
  else
    echo "ok   $(basename "$f"): $(printf '%s\n' "$err" | sed -n 's/.*returned \([0-9]*\) triples.*/\1 triples/p')"; pass=$((pass + 1))
  fi
done
[ $n -gt 0 ] || { echo "no .ttl files in $dir"; exit 1; }
echo "rapper: $pass passed, $fail failed"
[ $fail -eq 0 ]
