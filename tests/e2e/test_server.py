#!/usr/bin/python3
"""End-to-end tests: a real `kg serve` on the built-in graph, real sockets,
a real SPARQL client (SPARQLWrapper), rdflib to check every RDF format, curl."""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, SPARQLWrapper, TURTLE, XML, CSV

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer, request  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
TOKEN = 'e2e-secret-token'
SKOS = 'http://www.w3.org/2004/02/skos/core#'
CONCEPT = 'https://w3id.org/utrecht-leert/begrip/pedagogische-basis'


def q(query):
    return '/sparql?query=' + urllib.parse.quote(query)


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = KgServer(KG, '--data', os.path.join(REPO, 'ontology'), token=TOKEN,
                              *['--body-limit', '200000'])
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        rc = cls.server.stop()
        assert rc == 0, 'kg serve exited with %s' % rc

    def get(self, path, **headers):
        return request(self.base, 'GET', path, headers=headers)

    # --- SPARQL Protocol with a real client -------------------------------
    def test_sparqlwrapper_select_json(self):
        w = SPARQLWrapper(self.base + '/sparql')
        w.setQuery('PREFIX skos: <%s> SELECT ?l WHERE { <%s> skos:prefLabel ?l } ORDER BY ?l' % (SKOS, CONCEPT))
        w.setReturnFormat(JSON)
        res = w.query().convert()
        labels = {(b['l']['value'], b['l'].get('xml:lang')) for b in res['results']['bindings']}
        self.assertIn(('pedagogische basis', 'nl'), labels)
        self.assertEqual({lang for _, lang in labels}, {'nl', 'en'})

    def test_sparqlwrapper_post_xml_and_csv(self):
        for fmt in (XML, CSV):
            w = SPARQLWrapper(self.base + '/sparql')
            w.setMethod('POST')
            w.setQuery('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')
            w.setReturnFormat(fmt)
            res = w.query()
            self.assertEqual(res.response.status, 200)

    def test_sparqlwrapper_construct_turtle(self):
        w = SPARQLWrapper(self.base + '/sparql')
        w.setQuery('CONSTRUCT { <%s> ?p ?o } WHERE { <%s> ?p ?o }' % (CONCEPT, CONCEPT))
        w.setReturnFormat(TURTLE)
        data = w.query().convert()
        g = rdflib.Graph().parse(data=data, format='turtle')
        self.assertGreater(len(g), 5)
        self.assertIn(b'@prefix skos:', data)  # the ontology's prefixes are used

    def test_ask_get_and_form_post(self):
        st, h, body = self.get(q('ASK { ?s a <%sConcept> }' % SKOS), Accept='application/sparql-results+json')
        self.assertEqual((st, json.loads(body)['boolean']), (200, True))
        form = urllib.parse.urlencode({'query': 'ASK { <urn:none> ?p ?o }'})
        st, h, body = request(self.base, 'POST', '/sparql', form,
                              {'Content-Type': 'application/x-www-form-urlencoded',
                               'Accept': 'application/sparql-results+xml'})
        self.assertEqual(st, 200)
        self.assertIn(b'<boolean>false</boolean>', body)

    def test_every_graph_format_gives_the_same_triples(self):
        query = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = <%s>) }' % CONCEPT
        st, _, nt = self.get(q(query), Accept='application/n-triples')
        self.assertEqual(st, 200)
        ref = rdflib.Graph().parse(data=nt.decode(), format='nt')
        self.assertGreater(len(ref), 5)
        for mt, fmt in (('text/turtle', 'turtle'), ('application/rdf+xml', 'xml'),
                        ('application/ld+json', 'json-ld')):
            st, h, body = self.get(q(query), Accept=mt)
            self.assertEqual(st, 200, mt)
            self.assertTrue(h['content-type'].startswith(mt), h['content-type'])
            self.assertEqual(h.get('vary'), 'Accept')
            g = rdflib.Graph().parse(data=body.decode(), format=fmt)
            self.assertTrue(isomorphic(ref, g), 'format %s differs' % mt)

    def test_format_parameter_and_q_values(self):
        st, h, _ = self.get(q('SELECT * WHERE { ?s ?p ?o } LIMIT 1') + '&format=csv')
        self.assertTrue(h['content-type'].startswith('text/csv'))
        st, h, _ = self.get(q('SELECT * WHERE { ?s ?p ?o } LIMIT 1'),
                            Accept='text/csv;q=0.5, text/tab-separated-values')
        self.assertTrue(h['content-type'].startswith('text/tab-separated-values'))

    def test_406_lists_types(self):
        st, _, body = self.get(q('SELECT * WHERE { ?s ?p ?o } LIMIT 1'), Accept='image/png')
        self.assertEqual(st, 406)
        self.assertIn('application/sparql-results+json', json.loads(body)['detail'])

    def test_service_description(self):
        for mt, fmt in (('text/turtle', 'turtle'), ('application/ld+json', 'json-ld'),
                        ('application/rdf+xml', 'xml')):
            st, h, body = self.get('/sparql', Accept=mt)
            self.assertEqual(st, 200)
            g = rdflib.Graph().parse(data=body.decode(), format=fmt)
            sd = rdflib.Namespace('http://www.w3.org/ns/sparql-service-description#')
            self.assertIn((None, sd.endpoint, rdflib.URIRef(self.base + '/sparql')), g)
            self.assertIn((None, sd.feature, sd.UnionDefaultGraph), g)
            self.assertIn((None, sd.supportedLanguage, sd.SPARQL11Query), g)
            self.assertIn((None, sd.supportedLanguage, sd.SPARQL11Update), g)  # token given

    def test_union_default_graph_and_named_graphs(self):
        st, _, body = self.get(q('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'),
                               Accept='application/sparql-results+json')
        graphs = {b['g']['value'] for b in json.loads(body)['results']['bindings']}
        self.assertTrue(any(g.endswith('/ontology/concepts.ttl') for g in graphs), graphs)
        concepts = [g for g in graphs if g.endswith('/concepts.ttl')][0]
        query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
        _, _, all_body = self.get(q(query), Accept='application/sparql-results+json')
        _, _, one_body = self.get(q(query) + '&default-graph-uri=' + urllib.parse.quote(concepts),
                                  Accept='application/sparql-results+json')
        n_all = int(json.loads(all_body)['results']['bindings'][0]['n']['value'])
        n_one = int(json.loads(one_body)['results']['bindings'][0]['n']['value'])
        self.assertGreater(n_all, n_one)
        self.assertGreater(n_one, 0)

    # --- bad input ---------------------------------------------------------
    def test_syntax_error_is_400_with_line(self):
        st, h, body = self.get(q('SELECT * WHERE {\n ?s ?p ?o\n FILTER( }'))
        self.assertEqual(st, 400)
        self.assertEqual(h['content-type'], 'application/problem+json')
        doc = json.loads(body)
        self.assertEqual(doc['line'], 3)
        st, h, body = self.get(q('SELECT * WHERE { ?s ?p }'), Accept='text/plain')
        self.assertEqual(st, 400)
        self.assertTrue(h['content-type'].startswith('text/plain'))
        self.assertIn(b'line 1', body)

    def test_sparql11_features_work(self):
        # property paths, NOT EXISTS and MINUS: kg's own engine runs them
        query = ('PREFIX skos: <%s> SELECT (COUNT(*) AS ?n) WHERE { ?a skos:broader+ ?b '
                 'FILTER NOT EXISTS { ?a skos:related ?b } MINUS { ?a a skos:ConceptScheme } }' % SKOS)
        st, _, body = self.get(q(query), Accept='application/sparql-results+json')
        self.assertEqual(st, 200, body)
        self.assertGreater(int(json.loads(body)['results']['bindings'][0]['n']['value']), 10)

    def test_unsupported_feature_is_named(self):
        st, _, body = self.get(q('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }'))
        self.assertEqual(st, 400)
        self.assertIn('SERVICE', json.loads(body)['detail'])

    def test_syntax_error_has_column(self):
        st, _, body = self.get(q('SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }'))
        self.assertEqual(st, 400)
        doc = json.loads(body)
        self.assertEqual((doc['line'], doc['column']), (3, 15))  # the ')'

    def test_protocol_errors(self):
        st, _, _ = self.get('/sparql?query=ASK%7B%7D&update=CLEAR%20ALL')
        self.assertEqual(st, 400)
        st, _, _ = request(self.base, 'POST', '/sparql', 'ASK {}', {'Content-Type': 'text/foo'})
        self.assertEqual(st, 415)
        st, h, _ = request(self.base, 'PUT', '/sparql', 'x', {'Content-Type': 'text/plain'})
        self.assertEqual(st, 405)
        self.assertIn('POST', h['allow'])
        st, _, _ = self.get('/no/such/thing')
        self.assertEqual(st, 404)

    def test_body_limit_is_413(self):
        big = 'ASK {}' + ' ' * 300000
        st, _, body = request(self.base, 'POST', '/sparql', big, {'Content-Type': 'application/sparql-query'})
        self.assertEqual(st, 413)
        st, _, _ = self.get('/healthz')  # still serving
        self.assertEqual(st, 200)

    def test_garbage_bytes_do_not_kill_the_server(self):
        for junk in (b'\x00\xff\xfe garbage\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n', b'GET /' + b'a' * 100000 + b' HTTP/1.1\r\n\r\n'):
            s = socket.create_connection(('127.0.0.1', self.server.port), timeout=5)
            try:
                s.sendall(junk)
                s.recv(4096)
            except OSError:
                pass
            s.close()
        st, _, _ = self.get('/healthz')
        self.assertEqual(st, 200)

    # --- Graph Store Protocol ------------------------------------------------
    def test_graph_store_round_trip(self):
        g = 'http://example.org/e2e/graph-1'
        path = '/rdf-graphs?graph=' + urllib.parse.quote(g)
        auth = {'Authorization': 'Bearer ' + TOKEN}
        st, _, _ = request(self.base, 'PUT', path, '<http://ex/s> <http://ex/p> "one" .',
                           dict(auth, **{'Content-Type': 'text/turtle'}))
        self.assertEqual(st, 201)
        jsonld = json.dumps({'@id': 'http://ex/s2', 'http://ex/p': [{'@value': 'two', '@language': 'nl'}]})
        st, _, _ = request(self.base, 'POST', path, jsonld, dict(auth, **{'Content-Type': 'application/ld+json'}))
        self.assertEqual(st, 204)
        st, _, body = self.get(path, Accept='application/n-triples')
        got = rdflib.Graph().parse(data=body.decode(), format='nt')
        self.assertEqual(len(got), 2)
        # a broken PUT changes nothing and says where it broke
        st, _, err = request(self.base, 'PUT', path, '<http://ex/s> <http://ex/p> "unterminated .\n',
                             dict(auth, **{'Content-Type': 'text/turtle'}))
        self.assertEqual(st, 400)
        self.assertEqual(json.loads(err)['line'], 1)
        st, _, after = self.get(path, Accept='application/n-triples')
        self.assertTrue(isomorphic(got, rdflib.Graph().parse(data=after.decode(), format='nt')))
        st, h, head_body = request(self.base, 'HEAD', path)
        self.assertEqual((st, head_body), (200, b''))
        self.assertGreater(int(h['content-length']), 0)
        st, _, _ = request(self.base, 'DELETE', path, headers=auth)
        self.assertEqual(st, 204)
        st, _, _ = self.get(path)
        self.assertEqual(st, 404)

    def test_sparql_update_round_trip_and_atomicity(self):
        g1, g2 = 'http://example.org/e2e/upd-1', 'http://example.org/e2e/upd-2'
        auth = {'Authorization': 'Bearer ' + TOKEN}
        upd = dict(auth, **{'Content-Type': 'application/sparql-update'})

        def graph(g):
            st, _, body = self.get('/rdf-graphs?graph=' + urllib.parse.quote(g),
                                   Accept='application/n-triples')
            return st, rdflib.Graph().parse(data=body.decode(), format='nt') if st == 200 else None

        st, _, body = request(self.base, 'POST', '/update',
                              'INSERT DATA { GRAPH <%s> { <http://ex/s> <http://ex/p> "one", "two" } }' % g1, upd)
        self.assertEqual(st, 204, body)
        # form POST to /sparql: DELETE/INSERT WHERE with WITH
        form = urllib.parse.urlencode({'update': 'WITH <%s> DELETE { ?s ?p "one" } INSERT { ?s ?p "three" } '
                                                 'WHERE { ?s ?p "one" }' % g1})
        st, _, body = request(self.base, 'POST', '/sparql', form,
                              dict(auth, **{'Content-Type': 'application/x-www-form-urlencoded'}))
        self.assertEqual(st, 204, body)
        st, got = graph(g1)
        self.assertEqual(sorted(str(o) for o in got.objects()), ['three', 'two'])
        # the new data is visible to queries
        st, _, body = self.get(q('ASK { GRAPH <%s> { ?s ?p "three" } }' % g1),
                               Accept='application/sparql-results+json')
        self.assertTrue(json.loads(body)['boolean'])
        # atomic: the second operation fails, so the first is undone too
        st, _, body = request(self.base, 'POST', '/update',
                              'COPY <%s> TO <%s> ; DROP GRAPH <http://example.org/e2e/none>' % (g1, g2), upd)
        self.assertEqual(st, 404, body)
        self.assertEqual(graph(g2)[0], 404)
        self.assertEqual(len(graph(g1)[1]), 2)
        # a syntax error says where; no token is 401
        st, _, body = request(self.base, 'POST', '/update', 'CLEAR GRAPH\n  <', upd)
        self.assertEqual(st, 400)
        self.assertEqual(json.loads(body)['line'], 2)
        st, _, _ = request(self.base, 'POST', '/update', 'DROP GRAPH <%s>' % g1,
                           {'Content-Type': 'application/sparql-update'})
        self.assertEqual(st, 401)
        # CREATE keeps an empty graph; DROP removes both
        st, _, _ = request(self.base, 'POST', '/update', 'CREATE GRAPH <%s>' % g2, upd)
        self.assertEqual(st, 204)
        st, got = graph(g2)
        self.assertEqual((st, len(got)), (200, 0))
        st, _, _ = request(self.base, 'POST', '/update', 'DROP GRAPH <%s> ; DROP GRAPH <%s>' % (g1, g2), upd)
        self.assertEqual(st, 204)
        self.assertEqual(graph(g1)[0], 404)

    def test_writes_need_the_token(self):
        path = '/rdf-graphs?graph=' + urllib.parse.quote('http://example.org/e2e/nope')
        st, h, _ = request(self.base, 'PUT', path, '<a:b> <a:c> <a:d> .', {'Content-Type': 'text/turtle'})
        self.assertEqual(st, 401)
        self.assertIn('Bearer', h['www-authenticate'])
        st, _, _ = request(self.base, 'PUT', path, '<a:b> <a:c> <a:d> .',
                           {'Content-Type': 'text/turtle', 'Authorization': 'Bearer wrong'})
        self.assertEqual(st, 401)
        st, _, _ = request(self.base, 'PUT', path, '<a:b> <a:c> <a:d> .',
                           {'Content-Type': 'text/foo', 'Authorization': 'Bearer ' + TOKEN})
        self.assertEqual(st, 415)

    # --- operations ------------------------------------------------------------
    def test_cors_preflight(self):
        st, h, _ = request(self.base, 'OPTIONS', '/sparql', headers={
            'Origin': 'http://elsewhere.example', 'Access-Control-Request-Method': 'POST'})
        self.assertEqual(st, 204)
        self.assertEqual(h['access-control-allow-origin'], '*')
        self.assertIn('POST', h['access-control-allow-methods'])
        st, h, _ = self.get(q('ASK {}'))
        self.assertEqual(h['access-control-allow-origin'], '*')

    def test_health_and_metrics(self):
        st, _, body = self.get('/healthz')
        self.assertGreater(json.loads(body)['triples'], 1000)
        self.get(q('SELECT * WHERE { ?s ?p }'))  # one query error
        st, h, body = self.get('/metrics')
        text = body.decode()
        self.assertIn('kg_http_requests_total{route="/sparql",status="400"}', text)
        self.assertIn('kg_http_request_duration_seconds_bucket{le="+Inf"}', text)
        self.assertRegex(text, r'kg_query_errors_total [1-9]')
        self.assertRegex(text, r'kg_triples_loaded [1-9]\d{3}')

    def test_access_log_line(self):
        self.get('/healthz', **{'X-Request-Id': 'e2e-log-check'})
        time.sleep(0.2)
        self.assertRegex(self.server.read_log(), r'GET /healthz 200 \d+ [\d.]+ms rid=e2e-log-check')

    def test_built_in_graph_loads_without_warnings(self):
        log = self.server.read_log()
        self.assertRegex(log, r'kg [\d.]+: \d{4,} triples from \d+ files')
        self.assertNotIn('warning', log.lower())

    def test_curl(self):
        out = subprocess.run(['curl', '-s', '-w', '\n%{http_code}', '-H', 'Accept: text/tab-separated-values',
                              '--data-urlencode', 'query=SELECT ?x WHERE { BIND(1 AS ?x) }',
                              self.base + '/sparql'], stdout=subprocess.PIPE, text=True, check=True).stdout
        self.assertTrue(out.endswith('\n200'), out)
        self.assertIn('?x', out)


class TimeLimitTest(unittest.TestCase):
    def test_runaway_query_is_stopped_and_server_answers_again(self):
        server = KgServer(KG, '--data', os.path.join(REPO, 'ontology'), '--query-timeout', '0.5')
        try:
            start = time.time()
            st, _, body = request(server.base, 'GET', q(
                'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }'))
            elapsed = time.time() - start
            self.assertEqual(st, 503)
            self.assertIn('time limit', json.loads(body)['detail'])
            self.assertLess(elapsed, 5)
            st, _, _ = request(server.base, 'GET', '/healthz')
            self.assertEqual(st, 200)
        finally:
            server.stop()


class ShutdownTest(unittest.TestCase):
    def test_sigterm_finishes_in_flight_request(self):
        # a generous time limit: the query must finish, not be stopped
        server = KgServer(KG, '--data', os.path.join(REPO, 'ontology'), '--query-timeout', '120')
        result = {}

        def slow_query():
            # A cross product big enough to take a moment.
            # (the waits are upper bounds: about a second here, a minute or
            # more in the ASan and TSan builds of tests/sanitizers/ci_stages.sh)
            st, _, body = request(server.base, 'GET', q(
                'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }'),
                headers={'Accept': 'application/sparql-results+json'}, timeout=300)
            result['status'] = st
        t = threading.Thread(target=slow_query)
        t.start()
        time.sleep(0.3)
        rc = server.stop(signal.SIGTERM, timeout=300)
        t.join(timeout=300)
        self.assertEqual(rc, 0)
        self.assertEqual(result.get('status'), 200)

    def test_bad_data_path_exits_1_and_usage_exits_2(self):
        r = subprocess.run([KG, 'serve', '--data', '/nonexistent/x.ttl', '--port', '0'],
                           stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 1)
        r = subprocess.run([KG, 'serve', '--no-such-option'], stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 2)
        r = subprocess.run([KG, 'query', '--help'], stdout=subprocess.PIPE)
        self.assertEqual(r.returncode, 0)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = os.path.abspath(args.kg)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
