#!/usr/bin/python3
"""End-to-end tests of /api/ over real sockets: named queries, ETag/304, a 400
for a bad parameter, the OpenAPI document and page, and a refused bad query
file at start-up."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kg_server import KgServer, request  # noqa: E402

KG = None
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
GRENS = 'https://w3id.org/utrecht-leert/begrip/grens'


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = KgServer(KG, '--data', os.path.join(REPO, 'ontology'),
                              '--queries', os.path.join(REPO, 'queries'))
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def get(self, path, **headers):
        return request(self.base, 'GET', path, headers=headers)

    def test_named_query_json_and_etag_304(self):
        path = '/api/queries/api/concept?concept=' + urllib.parse.quote(GRENS, safe='') + '&lang=nl'
        status, headers, body = self.get(path)
        self.assertEqual(status, 200)
        self.assertEqual(headers['content-type'], 'application/json')
        rows = json.loads(body)
        self.assertIn({'value': 'grens', 'lang': 'nl'}, [r['value'] for r in rows])
        etag = headers['etag']
        status, headers2, body = request(self.base, 'GET', path, headers={'If-None-Match': etag})
        self.assertEqual(status, 304)
        self.assertEqual(body, b'')
        self.assertEqual(headers2['etag'], etag)

    def test_bad_parameter_is_400_naming_it(self):
        status, headers, body = self.get('/api/queries/api/concept?concept=not%20an%20iri')
        self.assertEqual(status, 400)
        self.assertIn("parameter 'concept'", json.loads(body)['detail'])

    def test_injection_is_a_literal(self):
        evil = urllib.parse.quote('x" } ; DROP ALL ; {', safe='')
        status, _, body = self.get('/api/queries/api/search-labels?prefix=' + evil)
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), [])
        status, _, body = self.get('/healthz')
        self.assertGreater(json.loads(body)['triples'], 1000)

    def test_pagination_link_header(self):
        status, headers, _ = self.get('/api/queries/api/search-labels?prefix=gr&per_page=2')
        self.assertEqual(status, 200)
        self.assertIn('rel="next"', headers['link'])

    def test_list_openapi_and_page(self):
        status, _, body = self.get('/api/queries')
        self.assertEqual(status, 200)
        self.assertIn('competency/01-collaboration-forms', [q['name'] for q in json.loads(body)])
        status, _, body = self.get('/api/openapi.json')
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)['openapi'], '3.1.0')
        status, headers, body = self.get('/api/')
        self.assertEqual(status, 200)
        self.assertTrue(headers['content-type'].startswith('text/html'))

    def test_bad_query_file_refused_at_start(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, 'broken.rq'), 'w') as f:
                f.write('#+ summary: broken\nSELECT ?x WHERE { ?x }\n')
            p = subprocess.run([KG, 'serve', '--port', '0', '--queries', d],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(p.returncode, 1)
            self.assertIn('broken.rq', p.stderr)
            self.assertIn('line 2', p.stderr)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', required=True)
    args, rest = ap.parse_known_args()
    KG = args.kg
    unittest.main(argv=[sys.argv[0]] + rest)
