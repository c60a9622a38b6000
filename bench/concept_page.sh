#!/usr/bin/env bash
# Concept-page latency over HTTP: starts kg serve on a free port with the given
# data, and drives the workload's concept-page query (q01: every label,
# definition and note of one concept) with wrk; prints wrk's latency
# distribution (the 50% line is the median).
#   bench/concept_page.sh [DATA] [CONCEPT_IRI] [SECONDS] [CONNECTIONS]
# Defaults: the built-in ontology/, the concept "pedagogische basis", 10 s, 4.
# Needs: a build in build/ (scripts/setup.sh build) and wrk (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-ontology}
CONCEPT=${2:-https://w3id.org/utrecht-leert/begrip/pedagogische-basis}
SECONDS_=${3:-10}
CONNS=${4:-4}
KG=${KG:-build/service/kg}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

QUERY="PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?property ?value ?lang WHERE {
  <$CONCEPT> ?property ?value .
  FILTER(?property IN (skos:prefLabel, skos:altLabel, skos:hiddenLabel, skos:notation,
                       skos:definition, skos:scopeNote, skos:note, skos:example,
                       skos:historyNote, skos:editorialNote, skos:changeNote))
  BIND(LANG(?value) AS ?lang)
} ORDER BY ?property ?lang ?value"
ENCODED=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")

"$KG" serve --quiet --port "$PORT" --data "$DATA" 2>/tmp/kg-bench.log &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done
URL="http://127.0.0.1:$PORT/sparql?query=$ENCODED"
ROWS=$(curl -sf -H 'Accept: text/tab-separated-values' "$URL" | tail -n +2 | wc -l)
echo "data: $DATA; concept: $CONCEPT; rows per answer: $ROWS"
[ "$ROWS" -gt 0 ] || { echo "the concept-page query returned no rows" >&2; exit 1; }
wrk -t 1 -c "$CONNS" -d "${SECONDS_}s" --latency -H 'Accept: application/sparql-results+json' "$URL"
