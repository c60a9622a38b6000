#!/usr/bin/python3
"""The SKOS workload (../shared/datasets/queries, queries-sparql11) against a
real `kg serve`, data set by data set, side by side with Oxigraph's reference
figures (../shared/datasets/results/oxigraph-reference.tsv).

For every data set: start kg serve on the data, run each query (parameters
%%KEY%% filled from params/<data set>.params) --reps times over HTTP, take the
median wall time of the request, count the answer (rows, triples, or the
boolean) and compare the count with Oxigraph's. Prints a markdown table.

Two times per query: the HTTP round trip as a client sees it, and the
server's own time from the answer's Server-Timing header (parsing and
evaluating the query plus writing the answer; no network, no queueing).
Oxigraph's reference figures are of the query alone, in-process, so the
server's time is the one to compare with them; the round trip adds this
machine's HTTP cost (see q00, an ASK of one pattern, for its floor).

The client keeps one connection open per data set, as browsers and wrk do
(HTTP/1.1 keep-alive); --new-connections opens one per request instead
(urllib's way, and this script's until 2026-12-02). In interleaved runs on
the 2-core machine the two gave the same q06 figures within its noise.
"""
import argparse
import gzip
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def shared_dir():
    for c in (os.environ.get('KG_SHARED'), os.path.join(REPO, '..', 'shared'), '/work/shared'):
        if c and os.path.isdir(os.path.join(c, 'datasets')):
            return os.path.normpath(c)
    sys.exit('shared/datasets not found (set KG_SHARED)')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def read_params(path):
    params = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and '=' in line:
                k, v = line.split('=', 1)
                params[k.strip()] = v.strip()
    return params


def read_reference(path):
    ref = {}
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            ref[(row['datafile'], row['query'])] = row
    return ref


def data_file(shared, name):
    for sub in (name, 'synthetic'):
        p = os.path.join(shared, 'datasets', sub, name + '.nt.gz')
        if os.path.exists(p):
            return p
    return None


class HttpError(Exception):
    def __init__(self, code, body):
        super().__init__('HTTP %d' % code)
        self.code, self.body = code, body


class Client:
    """POSTs queries to /sparql, over one kept-alive connection or a new one each time."""

    def __init__(self, port, new_connections):
        self.port, self.new_connections, self.conn = port, new_connections, None

    def post(self, query, accept):
        """(seconds, content type, body, server ms) of one query; HttpError unless 200."""
        headers = {'Content-Type': 'application/sparql-query', 'Accept': accept}
        start = time.perf_counter()
        if self.conn is None or self.new_connections:
            self.close()
            self.conn = http.client.HTTPConnection('127.0.0.1', self.port, timeout=600)
            self.conn.connect()
            # http.client sends the headers and the body in two writes: without
            # this, Nagle's algorithm may hold the body back for the server's ACK.
            self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.conn.request('POST', '/sparql', body=query.encode('utf-8'), headers=headers)
        r = self.conn.getresponse()
        body = r.read()
        seconds = time.perf_counter() - start
        if r.will_close or self.new_connections:
            self.close()
        if r.status != 200:
            raise HttpError(r.status, body)
        return seconds, r.getheader('Content-Type', ''), body, server_ms(r.getheader('Server-Timing', ''))

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def server_ms(timing):
    """The sum of the durations in a Server-Timing header, in ms (None if absent)."""
    total, seen = 0.0, False
    for metric in timing.split(','):
        for param in metric.split(';')[1:]:
            key, _, value = param.strip().partition('=')
            if key == 'dur':
                total += float(value)
                seen = True
    return total if seen else None


def count(ctype, body):
    if ctype.startswith('application/sparql-results+json'):
        doc = json.loads(body)
        if 'boolean' in doc:
            return 'true' if doc['boolean'] else 'false'
        return str(len(doc['results']['bindings']))
    # graphs come back as N-Triples: one triple per line
    return str(sum(1 for line in body.decode('utf-8').split('\n') if line.strip()))


def run_dataset(args, shared, name, reference, out_rows):
    path = data_file(shared, name)
    if not path:
        print('skip %s: no data file' % name, file=sys.stderr)
        return True
    params = read_params(os.path.join(shared, 'datasets', 'params', name + '.params'))
    tmp = tempfile.mkdtemp(prefix='kg-bench-')
    nt = os.path.join(tmp, name + '.nt')
    with gzip.open(path, 'rb') as src, open(nt, 'wb') as dst:
        shutil.copyfileobj(src, dst)
    port = free_port()
    base = 'http://127.0.0.1:%d' % port
    t0 = time.perf_counter()
    server = subprocess.Popen([args.kg, 'serve', '--quiet', '--port', str(port), '--data', nt,
                               '--query-timeout', str(args.timeout)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ok = True
    client = None
    try:
        while True:
            try:
                urllib.request.urlopen(base + '/healthz', timeout=1).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(server.stderr.read().decode())
                time.sleep(0.05)
        load_s = time.perf_counter() - t0
        client = Client(port, args.new_connections)
        queries = []
        for folder in ('queries', 'queries-sparql11'):
            d = os.path.join(shared, 'datasets', folder)
            queries += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith('.rq')]
        for qf in queries:
            qname = os.path.basename(qf)[:-3]
            with open(qf, encoding='utf-8') as f:
                text = f.read()
            for k, v in params.items():
                text = text.replace('%%' + k + '%%', v)
            times, server_times, result, status = [], [], '', 'ok'
            for _ in range(args.reps):
                try:
                    t, ctype, body, st = client.post(text, 'application/sparql-results+json, application/n-triples;q=0.9')
                except HttpError as e:
                    status, result = 'error %d' % e.code, e.body.decode(errors='replace')[:80]
                    break
                times.append(t)
                if st is not None:
                    server_times.append(st)
                result = count(ctype, body)
            ref = reference.get((name, qname), {})
            same = ref.get('results') == result if ref else None
            if same is False:
                ok = False
            out_rows.append({
                'data': name, 'triples': ref.get('triples', ''), 'query': qname, 'status': status,
                'kg_results': result, 'kg_median_ms': statistics.median(times) * 1000 if times else None,
                'kg_server_ms': statistics.median(server_times) if server_times else None,
                'ox_results': ref.get('results', ''),
                'ox_median_ms': float(ref['median_s']) * 1000 if ref.get('median_s') else None,
                'same': same, 'load_s': load_s})
    finally:
        if client is not None:
            client.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kg', default=os.path.join(REPO, 'build', 'service', 'kg'))
    ap.add_argument('--datasets', default='netbeheer-begrippen,unesco-education,gen-10k,unesco-thesaurus,gen-100k,stw')
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--timeout', type=float, default=120)
    ap.add_argument('--check', action='store_true', help='exit 1 when a result count differs from Oxigraph')
    ap.add_argument('--new-connections', action='store_true',
                    help='a new HTTP connection per request instead of one kept alive')
    args = ap.parse_args()
    shared = shared_dir()
    reference = read_reference(os.path.join(shared, 'datasets', 'results', 'oxigraph-reference.tsv'))
    rows, ok = [], True
    for name in args.datasets.split(','):
        ok = run_dataset(args, shared, name, reference, rows) and ok
    print('| data set | query | kg results | Oxigraph results | same | kg median ms (HTTP round trip) | kg median ms (server) | Oxigraph median ms |')
    print('|---|---|---:|---:|:-:|---:|---:|---:|')
    for r in rows:
        fmt = lambda v: '' if v is None else ('%.2f' % v)
        same = {True: 'yes', False: '**NO**', None: '-'}[r['same']]
        print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (r['data'], r['query'], r['kg_results'] if r['status'] == 'ok' else r['status'],
                                                           r['ox_results'], same, fmt(r['kg_median_ms']), fmt(r['kg_server_ms']),
                                                           fmt(r['ox_median_ms'])))
    loads = {}
    for r in rows:
        loads[r['data']] = r['load_s']
    for d, s in loads.items():
        print('load %s: %.2f s (kg serve start-up incl. parsing)' % (d, s))
    mismatches = [r for r in rows if r['same'] is False]
    print('differential: %d of %d counts equal to Oxigraph, %d differ' %
          (sum(1 for r in rows if r['same']), sum(1 for r in rows if r['same'] is not None), len(mismatches)))
    return 1 if (args.check and not ok) else 0


if __name__ == '__main__':
    sys.exit(main())
