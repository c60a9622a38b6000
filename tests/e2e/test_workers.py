#!/usr/bin/python3
"""End-to-end tests of the worker replicas (--workers N): every write reaches
every replica in order, with the same blank-node labels and versions (ETags),
a failed update leaves all of them as they were, and SIGTERM finishes the
requests in flight on every worker."""
import argparse
import http.client
import json
import os
import signal
import sys
import threading
import time
import unittest
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
ONTOLOGY = os.path.join(REPO, 'ontology')
TOKEN = 's3cret'
WORKERS = 3
# Occupies a worker for `timeout` seconds, so that other requests go to the others.
BUSY = ('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l '
        'FILTER(STRLEN(CONCAT(STR(?c), STR(?l))) < 0) }')
EVERYTHING = 'SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o'


def exchange(port, method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


class WorkersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = KgServer(KG, '--data', ONTOLOGY, '--workers', str(WORKERS), '--quiet',
                              '--queries', os.path.join(REPO, 'queries'), token=TOKEN)
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def update(self, text):
        return exchange(self.port, 'POST', '/update', body=text.encode(),
                        headers={'Content-Type': 'application/sparql-update',
                                 'Authorization': 'Bearer ' + TOKEN})

    def on_every_worker(self, path, headers=None):
        """GETs `path` until every worker has answered it (the others kept busy
        meanwhile); returns {worker: (status, headers, body)}."""
        seen = {}
        busy_path = '/sparql?timeout=0.4&query=' + urllib.parse.quote(BUSY)
        with ThreadPoolExecutor(max_workers=WORKERS + 2) as pool:
            for _ in range(12):
                if len(seen) == WORKERS:
                    break
                # keep all but one worker busy, then ask; repeated, the free
                # one differs from round to round
                busy = [pool.submit(exchange, self.port, 'GET', busy_path)
                        for _ in range(WORKERS - 1)]
                time.sleep(0.1)
                status, h, body = exchange(self.port, 'GET', path, headers=headers)
                seen.setdefault(h['x-kg-worker'], (status, h, body))
                for b in busy:
                    b.result()
                # and a burst, which spreads over the idle workers
                for f in [pool.submit(exchange, self.port, 'GET', path, None, headers)
                          for _ in range(WORKERS * 2)]:
                    status, h, body = f.result()
                    seen.setdefault(h['x-kg-worker'], (status, h, body))
        self.assertEqual(len(seen), WORKERS, 'not every worker answered: %s' % sorted(seen))
        return seen

    def assert_replicas_equal(self):
        answers = self.on_every_worker('/sparql?query=' + urllib.parse.quote(EVERYTHING),
                                       {'Accept': 'application/sparql-results+json'})
        bodies = {w: a[2] for w, a in answers.items()}
        for w, (status, _, body) in answers.items():
            self.assertEqual(status, 200, body)
        first = next(iter(bodies.values()))
        for w, body in bodies.items():
            self.assertEqual(body, first, 'worker %s answers differently' % w)
        return json.loads(first)['results']['bindings']

    def test_writes_reach_every_replica_identically(self):
        # blank nodes (fresh labels per request), UUID()/NOW()/RAND() in a
        # template: replaying the text on each replica would give different
        # answers; replaying the recorded changes gives the same.
        st, _, body = self.update(
            'PREFIX ex: <http://example.org/> INSERT DATA { GRAPH ex:w { ex:a ex:p [ ex:q "b" ] } }')
        self.assertEqual(st, 204, body)
        st, _, body = self.update(
            'PREFIX ex: <http://example.org/> INSERT { GRAPH ex:w { ?s ex:id ?id ; ex:at ?t ; '
            'ex:r ?r ; ex:n [ ex:k 1 ] } } WHERE { GRAPH ex:w { ?s ex:p ?x } '
            'BIND(UUID() AS ?id) BIND(NOW() AS ?t) BIND(RAND() AS ?r) }')
        self.assertEqual(st, 204, body)
        st, _, body = exchange(self.port, 'PUT', '/rdf-graphs?graph=http%3A%2F%2Fexample.org%2Fput',
                               body=b'<http://example.org/x> <http://example.org/y> _:z .',
                               headers={'Content-Type': 'application/n-triples',
                                        'Authorization': 'Bearer ' + TOKEN})
        self.assertIn(st, (201, 204), body)
        rows = self.assert_replicas_equal()
        graphs = {r['g']['value'] for r in rows}
        self.assertIn('http://example.org/w', graphs)
        self.assertIn('http://example.org/put', graphs)
        # a failed update (its second operation fails) leaves every replica unchanged
        st, _, body = self.update(
            'PREFIX ex: <http://example.org/> INSERT DATA { GRAPH ex:w { ex:c ex:p "c" } } ; '
            'DROP GRAPH ex:does-not-exist')
        self.assertEqual(st, 404, body)
        after = self.assert_replicas_equal()
        self.assertEqual(after, rows)
        # a removal
        st, _, body = self.update('PREFIX ex: <http://example.org/> DROP GRAPH ex:put')
        self.assertEqual(st, 204, body)
        rows = self.assert_replicas_equal()
        self.assertNotIn('http://example.org/put', {r['g']['value'] for r in rows})

    def test_read_your_write_on_any_worker(self):
        for i in range(6):
            st, _, body = self.update(
                'INSERT DATA { GRAPH <http://example.org/ryw> { <http://example.org/s> '
                '<http://example.org/n> %d } }' % i)
            self.assertEqual(st, 204, body)
            # the very next read, wherever it runs, sees the write
            q = 'ASK { GRAPH <http://example.org/ryw> { ?s ?p %d } }' % i
            st, h, body = exchange(self.port, 'GET', '/sparql?query=' + urllib.parse.quote(q),
                                   headers={'Accept': 'application/sparql-results+json'})
            self.assertEqual(st, 200, body)
            self.assertTrue(json.loads(body)['boolean'], 'worker %s missed write %d' %
                            (h.get('x-kg-worker'), i))

    def test_etags_agree_across_workers(self):
        self.update('INSERT DATA { <http://example.org/e> <http://example.org/e> "e" }')
        answers = self.on_every_worker('/api/queries')
        etags = {a[1].get('etag') for a in answers.values()}
        self.assertEqual(len(etags), 1, etags)
        etag = etags.pop()
        self.assertTrue(etag)
        for w, (st, h, _) in self.on_every_worker('/api/queries', {'If-None-Match': etag}).items():
            self.assertEqual(st, 304, 'worker %s' % w)


class ShutdownTest(unittest.TestCase):
    def test_sigterm_finishes_in_flight_requests_on_every_worker(self):
        server = KgServer(KG, '--data', ONTOLOGY, '--workers', '2', '--query-timeout', '120',
                          '--quiet')
        # Each request keeps its worker busy for 1.5 s (then its time limit
        # answers it), so two run at once and two wait in the queue when the
        # signal comes; all four must still be answered.
        slow = '/sparql?timeout=1.5&query=' + urllib.parse.quote(BUSY)
        results = []
        lock = threading.Lock()

        def query():
            st, h, body = exchange(server.port, 'GET', slow,
                                   headers={'Accept': 'application/sparql-results+json'},
                                   timeout=120)
            with lock:
                results.append((st, h.get('x-kg-worker'), body))
        threads = [threading.Thread(target=query) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        start = time.time()
        rc = server.stop(signal.SIGTERM, timeout=120)
        for t in threads:
            t.join(120)
        self.assertEqual(rc, 0)
        self.assertEqual(len(results), 4, results)
        for st, worker, body in results:
            self.assertEqual(st, 503, body)
            self.assertIn(b'time limit of 1.5 s', body)
        self.assertEqual({r[1] for r in results}, {'0', '1'})
        self.assertGreater(time.time() - start, 1.0)  # it waited for the queued ones

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = os.path.abspath(args.kg)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
