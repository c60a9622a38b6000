#!/usr/bin/env python3
"""Median latency of the search-as-you-type endpoint (/api/concepts?q=&lang=)
over real HTTP, as the search box calls it: for sample labels of the data,
every prefix from 2 letters on (what typing sends), each query asked once so
that the /api answer cache never answers (cold, every request computed).

  bench/search_latency.py [--kg build/service/kg] [--data FILE] [--labels N]

Prints the number of queries, median, p90, p99 and mean in milliseconds.
"""
import argparse
import json
import os
import random
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'tests', 'e2e'))
from kg_server import KgServer, request  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', default='build/service/kg')
    ap.add_argument('--data', action='append', default=[])
    ap.add_argument('--labels', type=int, default=150, help='sample labels to type')
    args = ap.parse_args()
    extra = []
    for d in args.data:
        extra += ['--data', d]
    server = KgServer(args.kg, '--quiet', *extra)
    try:
        # The labels to type: prefLabels from a SPARQL query (both languages).
        q = ('SELECT DISTINCT ?l WHERE { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> ?l '
             'FILTER(lang(?l) = "nl" || lang(?l) = "en") }')
        status, _, body = request(server.base, 'GET', '/sparql?query=' + urllib.parse.quote(q),
                                  headers={'Accept': 'application/sparql-results+json'})
        assert status == 200, body
        labels = [b['l']['value'] for b in json.loads(body)['results']['bindings']]
        random.Random(7).shuffle(labels)
        labels = labels[:args.labels]
        queries, seen = [], set()
        for label in labels:
            lang = 'en' if label.isascii() else 'nl'
            for n in range(2, min(len(label), 12) + 1):
                key = (label[:n].lower(), lang)
                if key not in seen:
                    seen.add(key)
                    queries.append(key)
        times = []
        for text, lang in queries:
            path = '/api/concepts?' + urllib.parse.urlencode({'q': text, 'lang': lang, 'limit': 10})
            t0 = time.perf_counter()
            status, _, body = request(server.base, 'GET', path)
            times.append((time.perf_counter() - t0) * 1000)
            assert status == 200, (path, status, body[:200])
        times.sort()
        pct = lambda p: times[min(len(times) - 1, int(p * len(times)))]
        print('%d queries from %d labels: median %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms'
              % (len(times), len(labels), statistics.median(times), pct(0.9), pct(0.99),
                 statistics.mean(times)))
    finally:
        server.stop()


if __name__ == '__main__':
    main()
