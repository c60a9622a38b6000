#!/usr/bin/python3
"""Soak test: a bounded run of mixed good and bad requests from several
concurrent clients against one kg serve (several workers, writes allowed).

Bounded by a fixed number of requests (CLIENTS x PER_CLIENT, default 8 x 400)
and a wall-clock cap (SOAK_MAX_SECONDS, default 120 s). Afterwards:
- every request got an HTTP answer with the status its case expects (none
  unanswered, no connection error, no 500);
- the server still answers correctly (the reference queries give the same
  answers as before the soak, writes are all visible);
- its resident memory (VmRSS) after the run is at most RSS_BOUND_MB (default
  64 MiB) above what it was after a warm-up round of every case.
Environment: SOAK_CLIENTS, SOAK_PER_CLIENT, SOAK_MAX_SECONDS, SOAK_RSS_BOUND_MB.
"""
import argparse
import http.client
import json
import os
import random
import socket
import sys
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
ONTOLOGY = os.path.join(REPO, 'ontology')
TOKEN = 'soak-token'
CLIENTS = int(os.environ.get('SOAK_CLIENTS', 8))
PER_CLIENT = int(os.environ.get('SOAK_PER_CLIENT', 400))
MAX_SECONDS = float(os.environ.get('SOAK_MAX_SECONDS', 120))
RSS_BOUND_MB = float(os.environ.get('SOAK_RSS_BOUND_MB', 64))
BODY_LIMIT = 65536

SKOS = 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> '
REFERENCE = [
    SKOS + 'SELECT ?c ?l WHERE { ?c skos:prefLabel ?l } ORDER BY ?c ?l',
    'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
    SKOS + 'SELECT ?c (COUNT(?n) AS ?k) WHERE { ?c skos:narrower ?n } GROUP BY ?c ORDER BY ?c',
]
EXPLODING = ('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o '
             'FILTER(STRLEN(CONCAT(STR(?c), STR(?o))) < 0) }')


def q(query, extra=''):
    return '/sparql?query=' + urllib.parse.quote(query) + extra


class Client:
    """One HTTP/1.1 client with a keep-alive connection (reopened when the
    server closes it, e.g. after an error answer)."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection('127.0.0.1', self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader('Connection', '').lower() == 'close':
                    self.conn.close()
                    self.conn = None
                return r.status, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # a kept-alive connection the server closed between requests
                # (idle timeout): that request was never sent; retry once
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


def once(port, method, path, headers=None):
    c = Client(port)
    try:
        return c.call(method, path, headers=headers)
    finally:
        if c.conn:
            c.conn.close()


def raw(port, data):
    """Sends raw bytes on a fresh socket; returns the status line's code."""
    s = socket.create_connection(('127.0.0.1', port), timeout=30)
    s.sendall(data)
    reply = b''
    while b'\r\n' not in reply:
        chunk = s.recv(4096)
        if not chunk:
            break
        reply += chunk
    s.close()
    return int(reply.split(b' ', 2)[1]) if reply.startswith(b'HTTP/1.1 ') else 0


def rss_kb(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


class SoakTest(unittest.TestCase):
    def test_soak(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--workers', '2', '--quiet',
                          '--query-timeout', '5', '--max-results', '2000',
                          '--body-limit', str(BODY_LIMIT), '--queries',
                          os.path.join(REPO, 'queries'), token=TOKEN)
        port = server.port
        try:
            before = [once(port, 'GET', q(x), headers={'Accept': 'text/csv'})
                      for x in REFERENCE]
            for st, body in before:
                self.assertEqual(st, 200, body)

            def case_list(client_id):
                g = urllib.parse.quote('http://example.org/soak/%d' % client_id, safe='')
                auth = {'Authorization': 'Bearer ' + TOKEN}
                nt = ('<http://example.org/s%d> <http://example.org/p> "v" .\n' % client_id).encode()
                return [
                    # (name, weight, function(client) -> status, expected statuses)
                    ('select', 8, lambda c: c.call('GET', q(REFERENCE[0]),
                                                   headers={'Accept': 'text/csv'}), {200}),
                    ('count', 3, lambda c: c.call('GET', q(REFERENCE[1]),
                                                  headers={'Accept': 'application/sparql-results+json'}), {200}),
                    ('ask-post', 3, lambda c: c.call(
                        'POST', '/sparql', body=urllib.parse.urlencode({'query': 'ASK { ?s ?p ?o }'}),
                        headers={'Content-Type': 'application/x-www-form-urlencoded'}), {200}),
                    ('construct', 2, lambda c: c.call('GET', q('CONSTRUCT WHERE { ?s a ?t } LIMIT 50'),
                                                      headers={'Accept': 'text/turtle'}), {200}),
                    ('healthz', 2, lambda c: c.call('GET', '/healthz'), {200}),
                    ('api', 2, lambda c: c.call('GET', '/api/queries'), {200}),
                    ('syntax', 3, lambda c: c.call('GET', q('SELECT * WHERE { ?s ?p }')), {400}),
                    ('bad-timeout', 1, lambda c: c.call('GET', q('ASK {}', '&timeout=-3')), {400}),
                    ('too-large', 1, lambda c: c.call('GET', q('SELECT * { ?s ?p ?o . ?a ?b ?c }')), {400}),
                    ('timeout', 1, lambda c: c.call('GET', q(EXPLODING, '&timeout=0.2')), {503}),
                    ('not-found', 2, lambda c: c.call('GET', '/no/such/path'), {404}),
                    ('method', 1, lambda c: c.call('DELETE', '/sparql'), {405}),
                    ('not-acceptable', 1, lambda c: c.call('GET', q('ASK {}'),
                                                           headers={'Accept': 'image/png'}), {406}),
                    ('media-type', 1, lambda c: c.call('POST', '/sparql', body=b'x',
                                                       headers={'Content-Type': 'image/png'}), {415}),
                    ('too-big', 1, lambda c: c.call('POST', '/sparql', body=b'q' * (BODY_LIMIT + 10),
                                                    headers={'Content-Type': 'application/sparql-query'}), {413}),
                    ('no-token', 1, lambda c: c.call('PUT', '/rdf-graphs?graph=' + g, body=nt,
                                                     headers={'Content-Type': 'application/n-triples'}), {401}),
                    ('put', 2, lambda c: c.call('PUT', '/rdf-graphs?graph=' + g, body=nt,
                                                headers=dict(auth, **{'Content-Type': 'application/n-triples'})),
                     {201, 204}),
                    ('update', 1, lambda c: c.call(
                        'POST', '/update',
                        body=('INSERT DATA { GRAPH <http://example.org/soak/u%d> { '
                              '<http://example.org/x> <http://example.org/n> %d } }'
                              % (client_id, random.randrange(50))).encode(),
                        headers=dict(auth, **{'Content-Type': 'application/sparql-update'})), {204}),
                    ('garbage', 1, lambda c: (raw(port, b'\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'
                                                  b'GARBAGE \r\n\r\n'), b''), {400}),
                    ('header-too-large', 1, lambda c: (raw(port, b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: '
                                                           + b'a' * 70000 + b'\r\n\r\n'), b''), {431}),
                ]

            failures = []
            counts = {'sent': 0, 'answered': 0}
            lock = threading.Lock()
            deadline = time.time() + MAX_SECONDS

            def run(client_id, n, record=True):
                rnd = random.Random(client_id)
                cases = case_list(client_id)
                weighted = [c for c in cases for _ in range(c[1])]
                c = Client(port)
                order = cases if not record else [rnd.choice(weighted) for _ in range(n)]
                for name, _, fn, expect in order:
                    if time.time() > deadline:
                        break
                    with lock:
                        counts['sent'] += record
                    try:
                        st, body = fn(c)
                    except Exception as e:  # noqa: BLE001 - any failure to get an answer counts
                        with lock:
                            failures.append((name, 'no answer: %r' % e))
                        continue

                    with lock:
                        counts['answered'] += record
                        if st not in expect:
                            failures.append((name, st, body[:200]))
                if c.conn:
                    c.conn.close()

            # warm-up: every case once per client, then measure memory
            for i in range(CLIENTS):
                run(i, 0, record=False)
            self.assertEqual(failures, [])
            rss_warm = rss_kb(server.proc.pid)
            start = time.time()
            threads = [threading.Thread(target=run, args=(i, PER_CLIENT)) for i in range(CLIENTS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(MAX_SECONDS + 60)
            elapsed = time.time() - start
            rss_end = rss_kb(server.proc.pid)
            print('soak: %d requests from %d clients in %.1f s (%.0f/s); RSS %.1f MiB after warm-up, '
                  '%.1f MiB after the run (bound +%.0f MiB)' %
                  (counts['sent'], CLIENTS, elapsed, counts['sent'] / elapsed, rss_warm / 1024,
                   rss_end / 1024, RSS_BOUND_MB), flush=True)
            self.assertEqual(failures[:20], [])
            self.assertEqual(counts['answered'], counts['sent'], 'requests went unanswered')
            self.assertGreater(counts['sent'], CLIENTS * PER_CLIENT // 4, 'the run was cut short')
            self.assertLessEqual(rss_end - rss_warm, RSS_BOUND_MB * 1024)

            # still answering, and correctly
            after = [once(port, 'GET', q(x), headers={'Accept': 'text/csv'})
                     for x in REFERENCE[:1] + REFERENCE[2:]]
            self.assertEqual(after, before[:1] + before[2:])
            st, body = once(port, 'GET', q(
                'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
                'FILTER(STRSTARTS(STR(?g), "http://example.org/soak/")) }'),
                headers={'Accept': 'application/sparql-results+json'})
            self.assertEqual(st, 200)
            graphs = int(json.loads(body)['results']['bindings'][0]['n']['value'])
            self.assertEqual(graphs, 2 * CLIENTS)  # every client's PUT graph and update graph
            st, body = once(port, 'GET', '/healthz')
            self.assertEqual(st, 200)
        finally:
            rc = server.stop()
        self.assertEqual(rc, 0)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = os.path.abspath(args.kg)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
