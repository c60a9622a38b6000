#!/usr/bin/python3
"""End-to-end tests of the dereferenceable IRIs over real sockets: a concept,
work or scheme IRI under the base resolves at /begrip/, /werk/, /schema/;
browsers get HTML, RDF clients each RDF format by Accept (read back with
rdflib and compared with the graph kg answers to DESCRIBE), Vary: Accept,
406, 404, the ?iri= form for IRIs outside the base, and the language of the
pages (?lang=, cookie, Accept-Language)."""
import argparse
import json
import os
import sys
import unittest
import urllib.parse

import rdflib
from rdflib.compare import isomorphic

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer, request  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
BASE = 'https://w3id.org/utrecht-leert/'
FORMATS = [('text/turtle', 'turtle'), ('application/ld+json', 'json-ld'),
           ('application/rdf+xml', 'xml'), ('application/n-triples', 'nt')]
BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'


class LinkedDataTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = KgServer(KG, '--quiet', '--data', os.path.join(REPO, 'ontology'))
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def get(self, path, **headers):
        return request(self.base, 'GET', path, headers=headers)

    def describe(self, iri):
        q = 'DESCRIBE <%s>' % iri
        status, _, body = self.get('/sparql?query=' + urllib.parse.quote(q), Accept='application/n-triples')
        self.assertEqual(status, 200)
        return rdflib.Graph().parse(data=body.decode(), format='nt')

    def test_every_kind_in_every_format(self):
        for path, iri in [('/begrip/grens', BASE + 'begrip/grens'),
                          ('/werk/akkerman-bakker-2011', BASE + 'werk/akkerman-bakker-2011'),
                          ('/schema/boundary-crossing', BASE + 'schema/boundary-crossing')]:
            expected = self.describe(iri)
            self.assertGreater(len(expected), 3, iri)
            for media, rdflib_format in FORMATS:
                with self.subTest(path=path, accept=media):
                    status, headers, body = self.get(path, Accept=media)
                    self.assertEqual(status, 200)
                    self.assertTrue(headers['content-type'].startswith(media))
                    self.assertIn('Accept', headers['vary'])
                    self.assertTrue(headers['content-location'].startswith(path + '?format='))
                    self.assertIn('rel="alternate"', headers['link'])
                    g = rdflib.Graph().parse(data=body.decode(), format=rdflib_format)
                    self.assertTrue(isomorphic(g, expected), media)
            status, headers, body = self.get(path, Accept=BROWSER_ACCEPT)
            self.assertEqual(status, 200)
            self.assertTrue(headers['content-type'].startswith('text/html'))
            self.assertIn('Accept', headers['vary'])
            text = body.decode()
            for media, _ in FORMATS:
                self.assertIn('<link rel="alternate" type="%s"' % media, text)
            # The embedded JSON-LD is the same description.
            start = text.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
            embedded = text[start:text.index('</script>', start)]
            json.loads(embedded)  # well-formed JSON
            g = rdflib.Graph().parse(data=embedded, format='json-ld')
            self.assertTrue(isomorphic(g, expected), 'embedded JSON-LD of ' + path)

    def test_format_parameter_and_q_values(self):
        status, headers, _ = self.get('/begrip/grens?format=turtle', Accept=BROWSER_ACCEPT)
        self.assertEqual(status, 200)
        self.assertTrue(headers['content-type'].startswith('text/turtle'))
        status, headers, _ = self.get('/begrip/grens', Accept='text/html;q=0.5, text/turtle')
        self.assertTrue(headers['content-type'].startswith('text/turtle'))
        status, headers, _ = self.get('/begrip/grens', Accept='application/ld+json;q=0.9, text/html')
        self.assertTrue(headers['content-type'].startswith('text/html'))

    def test_not_acceptable_and_not_found(self):
        status, headers, body = self.get('/begrip/grens', Accept='image/png')
        self.assertEqual(status, 406)
        self.assertIn('text/turtle', body.decode())
        status, _, _ = self.get('/begrip/bestaat-niet', Accept='text/turtle')
        self.assertEqual(status, 404)
        status, headers, body = self.get('/begrip/bestaat-niet', Accept=BROWSER_ACCEPT)
        self.assertEqual(status, 404)
        self.assertIn('Niet gevonden', body.decode())
        status, _, _ = self.get('/begrip/%3Cscript%3E', Accept=BROWSER_ACCEPT)
        self.assertEqual(status, 404)
        status, _, _ = self.get('/werk/grens', Accept=BROWSER_ACCEPT)  # a concept is not a work
        self.assertEqual(status, 404)
        status, _, _ = self.get('/assets/../../etc/passwd')
        self.assertEqual(status, 404)

    def test_iri_form_for_resources_outside_the_base(self):
        iri = BASE + 'begrip/grens'
        status, headers, _ = self.get('/begrip?iri=' + urllib.parse.quote(iri, safe=''), Accept='text/turtle')
        self.assertEqual(status, 200)
        self.assertEqual(headers['content-location'],
                         '/begrip?iri=' + urllib.parse.quote(iri, safe='') + '&format=turtle')

    def test_post_is_not_allowed(self):
        status, headers, _ = request(self.base, 'POST', '/begrip/grens', body=b'x')
        self.assertEqual(status, 405)

    def test_page_language(self):
        _, headers, body = self.get('/begrip/grens', Accept=BROWSER_ACCEPT)
        self.assertIn('<html lang="nl">', body.decode())
        self.assertNotIn('set-cookie', headers)
        _, headers, body = self.get('/begrip/grens?lang=en', Accept=BROWSER_ACCEPT)
        self.assertIn('<html lang="en">', body.decode())
        self.assertTrue(headers['set-cookie'].startswith('kg_lang=en;'))
        _, _, body = self.get('/sources', Accept=BROWSER_ACCEPT, Cookie='kg_lang=en')
        self.assertIn('<html lang="en">', body.decode())
        _, _, body = self.get('/sources', Accept=BROWSER_ACCEPT, **{'Accept-Language': 'en-US,en;q=0.9'})
        self.assertIn('<html lang="en">', body.decode())

    def test_root_is_text_for_scripts_and_html_for_browsers(self):
        _, headers, _ = self.get('/')
        self.assertTrue(headers['content-type'].startswith('text/plain'))
        _, headers, _ = self.get('/', Accept=BROWSER_ACCEPT)
        self.assertTrue(headers['content-type'].startswith('text/html'))


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = args.kg
    unittest.main(argv=[sys.argv[0]] + rest)
