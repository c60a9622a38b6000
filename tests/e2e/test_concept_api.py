#!/usr/bin/python3
"""End-to-end tests of the concept API over real sockets: every operation,
400 / 404 / 406, JSON-LD by Accept (read back with rdflib and compared with the
graph), ETag / 304, and a write that makes the old ETag stale and the search
index see the new label."""
import argparse
import json
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer, request  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
TOKEN = 'e2e-concept-token'
BEGRIP = 'https://w3id.org/utrecht-leert/begrip/'
WERK = 'https://w3id.org/utrecht-leert/werk/'
SKOS = 'http://www.w3.org/2004/02/skos/core#'


class ConceptApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = KgServer(KG, '--data', os.path.join(REPO, 'ontology'),
                              '--queries', os.path.join(REPO, 'queries'), token=TOKEN)
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def get(self, path, **headers):
        return request(self.base, 'GET', path, headers=headers)

    def get_json(self, path, accept='application/json'):
        status, headers, body = self.get(path, Accept=accept)
        self.assertEqual(status, 200, path + ': ' + body.decode('utf-8', 'replace'))
        self.assertEqual(headers['content-type'], accept)
        self.assertIn('etag', headers)
        return json.loads(body)

    def test_search(self):
        d = self.get_json('/api/concepts?q=coordinatie&lang=en')
        first = d['results'][0]
        self.assertEqual(first['iri'], BEGRIP + 'coordinatie')
        self.assertEqual(first['prefLabel'], {'en': 'coordination'})
        self.assertEqual(first['matchedLabel'], 'coördinatie')
        self.assertEqual(first['matchKind'], 'exact')
        # ranked: every exact match before every prefix match, and so on
        order = ['exact', 'prefix', 'word-prefix', 'substring']
        kinds = [order.index(r['matchKind']) for r in self.get_json('/api/concepts?q=grens')['results']]
        self.assertEqual(kinds, sorted(kinds))
        self.assertEqual(len(self.get_json('/api/concepts?q=e&limit=2')['results']), 2)

    def test_concept(self):
        d = self.get_json('/api/concepts/grens')
        self.assertEqual(d['prefLabel']['nl'], ['grens'])
        self.assertEqual(d['prefLabel']['en'], ['boundary'])
        self.assertIn('nl', d['definition'])
        self.assertIn('en', d['explanation'])
        passage = d['derivedFrom'][0]
        self.assertEqual(passage['section'], '[Kader boundary crossing]')
        self.assertEqual(passage['paragraph'], 1)
        self.assertTrue(passage['target']['selector']['exact'].startswith('In de samenwerking'))
        self.assertEqual(passage['footnotes'][0]['number'], '17')
        work = d['citesAsAuthority'][0]
        self.assertEqual(work['iri'], WERK + 'beausaert-bakker-zitter-de-bruijn-2016')
        self.assertEqual([a['id'] if a.get('id') else a['iri'].rsplit('/', 1)[1] for a in work['authors']],
                         ['beausaert-s', 'bakker-a', 'zitter-i', 'de-bruijn-e'])
        self.assertEqual(work['year'], '2016')
        self.assertTrue(d['sharedWorks'][0]['concepts'])
        c = self.get_json('/api/concepts/coordinatie')
        self.assertEqual(len(c['examples']), 1)
        self.assertIn('en', c['examples'][0]['text'])
        props = {r['property'] for r in c['relations']}
        self.assertIn('https://w3id.org/utrecht-leert/def#isMechanismOf', props)

    def test_broader_narrower_related_hierarchy(self):
        b = self.get_json('/api/concepts/coordinatie/broader')
        self.assertEqual([r['id'] for r in b['broader']], ['leermechanisme'])
        n = self.get_json('/api/concepts/leermechanisme/narrower')
        self.assertIn('coordinatie', [r['id'] for r in n['narrower']])
        r = self.get_json('/api/concepts/grens/related')
        self.assertIsInstance(r['related'], list)
        h = self.get_json('/api/concepts/pedagogische-sociale-relaties/hierarchy')
        for path in h['paths']:
            self.assertEqual(path[-1]['id'], 'pedagogische-sociale-relaties')
            self.assertEqual(path[-2]['id'], 'pedagogische-basis')

    def test_schemes_and_works(self):
        s = self.get_json('/api/schemes')
        self.assertEqual(len(s['schemes']), 6)
        self.assertTrue(all(x['topConcepts'] for x in s['schemes']))
        tree = self.get_json('/api/schemes/sociale-en-pedagogische-basis')
        def ids(nodes):
            for n in nodes:
                yield n['id']
                yield from ids(n.get('narrower', []))
        self.assertIn('pedagogische-sociale-relaties', set(ids(tree['tree'])))
        self.assertGreaterEqual(len(list(ids(tree['tree']))), tree['conceptCount'])
        w = self.get_json('/api/works')
        self.assertEqual(len(w['works']), 17)
        one = self.get_json('/api/works/akkerman-bakker-2011')
        self.assertEqual((one['volume'], one['issue'], one['pages']), ('50', '1', '1-5'))
        self.assertEqual(one['partOf']['iri'], WERK + 'international-journal-of-educational-research')
        self.assertEqual(sorted(f['number'] for f in one['citingFootnotes']), ['18', '19', '21'])
        self.assertTrue(one['citingConcepts'])

    def test_errors(self):
        for path in ['/api/concepts/bestaat-niet', '/api/concepts/bestaat-niet/narrower',
                     '/api/concepts/grens/parents', '/api/works/bestaat-niet', '/api/works/grens', '/api/schemes/grens']:
            status, headers, body = self.get(path)
            self.assertEqual(status, 404, path)
            self.assertEqual(headers['content-type'], 'application/problem+json')
        for path, word in [('/api/concepts', "'q'"), ('/api/concepts?q=', "'q'"),
                           ('/api/concepts?q=a&limit=1000', "'limit'"),
                           ('/api/concepts?q=a&lang=' + urllib.parse.quote('nl"'), "'lang'"),
                           ('/api/concepts?q=a&foo=1', "'foo'"),
                           ('/api/concepts/' + urllib.parse.quote('a b', safe=''), 'id')]:
            status, _, body = self.get(path)
            self.assertEqual(status, 400, path)
            self.assertIn(word, json.loads(body)['detail'], path)
        status, _, _ = self.get('/api/concepts/grens', Accept='text/turtle')
        self.assertEqual(status, 406)
        status, _, _ = request(self.base, 'POST', '/api/concepts/grens', body='x')
        self.assertEqual(status, 405)

    def test_jsonld_by_accept_is_the_graphs_rdf(self):
        import rdflib
        status, headers, body = self.get('/api/concepts/grens', Accept='application/ld+json')
        self.assertEqual(status, 200)
        self.assertEqual(headers['content-type'], 'application/ld+json')
        self.assertEqual(headers['vary'], 'Accept')
        g = rdflib.Graph()
        g.parse(data=body.decode('utf-8'), format='json-ld')
        grens = rdflib.URIRef(BEGRIP + 'grens')
        self.assertIn((grens, rdflib.URIRef(SKOS + 'prefLabel'), rdflib.Literal('grens', lang='nl')), g)
        data = rdflib.Graph()
        for name in os.listdir(os.path.join(REPO, 'ontology')):
            if name.endswith('.ttl') and name != 'shapes.ttl':
                data.parse(os.path.join(REPO, 'ontology', name), format='turtle')
        # every statement the answer makes about the concept is in the graph
        stated = [(p, o) for p, o in g.predicate_objects(grens)]
        self.assertGreater(len(stated), 10)
        for p, o in stated:
            self.assertIn((grens, p, o), data, (p, o))
        # and the quotes come through the blank target and selector
        OA = rdflib.Namespace('http://www.w3.org/ns/oa#')
        quotes = {str(q) for q in g.objects(None, OA.exact)}
        for q in quotes:
            self.assertIn((None, OA.exact, rdflib.Literal(q)), data)
        self.assertEqual(len(quotes), 2)
        # the scheme tree's JSON-LD states only narrower links the graph has
        status, _, body = self.get('/api/schemes/boundary-crossing', Accept='application/ld+json')
        self.assertEqual(status, 200)
        t = rdflib.Graph()
        t.parse(data=body.decode('utf-8'), format='json-ld')
        narrower = list(t.triples((None, rdflib.URIRef(SKOS + 'narrower'), None)))
        self.assertGreater(len(narrower), 5)
        for triple in narrower:
            self.assertIn(triple, data)

    def test_etag_304_and_invalidation_by_a_write(self):
        path = '/api/concepts?q=kwantumleren'
        status, headers, body = self.get(path)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)['results'], [])
        etag = headers['etag']
        status, h2, body2 = self.get(path, **{'If-None-Match': etag})
        self.assertEqual((status, body2), (304, b''))
        self.assertEqual(h2['etag'], etag)
        status, _, _ = request(self.base, 'HEAD', '/api/concepts/grens')
        self.assertEqual(status, 200)
        # a write changes the graph's version: the old tag no longer matches,
        # and the label index sees the new concept
        turtle = ('<%skwantumleren> a <%sConcept> ; <%sprefLabel> "kwantumleren"@nl .'
                  % (BEGRIP, SKOS, SKOS))
        g = urllib.parse.quote('http://example.org/e2e/concept-api')
        status, _, _ = request(self.base, 'PUT', '/rdf-graphs?graph=' + g, turtle,
                               {'Content-Type': 'text/turtle', 'Authorization': 'Bearer ' + TOKEN})
        self.assertEqual(status, 201)
        try:
            status, h3, body3 = self.get(path, **{'If-None-Match': etag})
            self.assertEqual(status, 200)
            self.assertNotEqual(h3['etag'], etag)
            hits = json.loads(body3)['results']
            self.assertEqual([h['id'] for h in hits], ['kwantumleren'])
            self.assertEqual(self.get_json('/api/concepts/kwantumleren')['prefLabel'],
                             {'nl': ['kwantumleren']})
        finally:
            request(self.base, 'DELETE', '/rdf-graphs?graph=' + g,
                    headers={'Authorization': 'Bearer ' + TOKEN})
        status, _, _ = self.get('/api/concepts/kwantumleren')
        self.assertEqual(status, 404)


class OtherBaseTest(unittest.TestCase):
    """kg serve --base: a vocabulary published under another namespace gets
    the same short ids in the API, the pages and /docs/."""
    TTL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix v: <https://example.org/vocab/begrip/> .
<https://example.org/vocab/schema/s> a skos:ConceptScheme ; skos:prefLabel "schema"@nl ;
    skos:hasTopConcept v:top .
v:top a skos:Concept ; skos:inScheme <https://example.org/vocab/schema/s> ;
    skos:topConceptOf <https://example.org/vocab/schema/s> ; skos:prefLabel "bovenste"@nl , "top"@en .
v:child a skos:Concept ; skos:inScheme <https://example.org/vocab/schema/s> ;
    skos:broader v:top ; skos:prefLabel "kind"@nl .
"""

    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.dir = tempfile.TemporaryDirectory()
        cls.data = os.path.join(cls.dir.name, 'vocab.ttl')
        with open(cls.data, 'w', encoding='utf-8') as f:
            f.write(cls.TTL)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_ids_under_the_given_base(self):
        server = KgServer(KG, '--data', self.data, '--base', 'https://example.org/vocab/')
        try:
            status, _, body = request(server.base, 'GET', '/api/concepts/child')
            self.assertEqual(status, 200, body)
            d = json.loads(body)
            self.assertEqual(d['iri'], 'https://example.org/vocab/begrip/child')
            self.assertEqual(json.loads(request(server.base, 'GET', '/api/concepts/child/broader')[2])
                             ['broader'][0]['id'], 'top')
            status, headers, body = request(server.base, 'GET', '/begrip/top', headers={'Accept': 'text/html'})
            self.assertEqual(status, 200)
            self.assertIn('bovenste', body.decode('utf-8'))
            self.assertIn('/begrip/child', body.decode('utf-8'))  # the narrower concept linked by id
            status, _, body = request(server.base, 'GET', '/docs/nl/begrip/child.html')
            self.assertEqual(status, 200, body[:300])
        finally:
            self.assertEqual(server.stop(), 0)
        # Without --base the same graph's concepts have no short ids.
        server = KgServer(KG, '--data', self.data)
        try:
            self.assertEqual(request(server.base, 'GET', '/api/concepts/child')[0], 404)
        finally:
            self.assertEqual(server.stop(), 0)

    def test_a_bad_base_stops_the_start(self):
        import subprocess
        for bad in ('example.org/vocab/', 'https://example.org/vocab', 'https://ex ample.org/'):
            r = subprocess.run([KG, 'serve', '--port', '0', '--base', bad], capture_output=True, timeout=30)
            self.assertNotEqual(r.returncode, 0, bad)
            self.assertIn(b'--base must be', r.stderr, bad)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = args.kg
    unittest.main(argv=[sys.argv[0]] + rest)
